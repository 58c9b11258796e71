"""Request shapes of framework agreements and the read model built from a row."""
from typing import Annotated

from pydantic import Field

from contracts.collaboration import AgreementRead
from services.collaboration.agreements.models import Agreement
from services.kit.inputs import StrictInput
from services.kit.values import Day, Year, Yuan

Title = Annotated[str, Field(min_length=1, max_length=200)]


class AgreementCreate(StrictInput):
    """A pairing's framework agreement for a year (one per pairing and year)."""

    pairing_id: int = Field(ge=1, le=2**63 - 1)
    year: Year
    title: Title = Field(description="协议名称，如 2019 年粤桂扶贫协作框架协议")
    signed_on: Day
    guangdong_committed: Yuan = Field(description="协议承诺的广东帮扶资金（元）")


class AgreementUpdate(StrictInput):
    """Changes to an agreement; fields left out stay as they are."""

    title: Title | None = None
    signed_on: Day | None = None
    guangdong_committed: Yuan | None = None


def agreement_read(row: Agreement) -> AgreementRead:
    """The read model of an agreement row."""
    return AgreementRead.model_validate(row)
