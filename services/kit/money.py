"""Money stored exactly: yuan as Decimal in Python and the API, whole fen (分) as BIGINT in the database."""
from decimal import Decimal
from typing import Any

from sqlalchemy import BigInteger
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator

CENT = Decimal("0.01")


class Fen(TypeDecorator[Decimal]):
    """A yuan amount kept as whole fen: sums and CHECKs are exact on SQLite and PostgreSQL alike."""

    impl = BigInteger
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> int | None:
        """Yuan to whole fen; more than two decimals is a programming error (the edge refuses them)."""
        if value is None:
            return None
        return int(Decimal(value).scaleb(2).to_integral_exact())

    def process_result_value(self, value: Any, dialect: Dialect) -> Decimal | None:
        """Whole fen back to yuan with two decimals."""
        return None if value is None else (Decimal(int(value)) / 100).quantize(CENT)

