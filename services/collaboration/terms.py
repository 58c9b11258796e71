"""The words of the collaboration domain (粤桂扶贫协作) with the Chinese officials use, and how values are stored."""
from decimal import Decimal
from typing import Any

from sqlalchemy import BigInteger
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator

from contracts.collaboration import (
    LinkageMechanism,
    PairingLevel,
    PairingStatus,
    TalentDirection,
    TalentField,
    TalentKind,
    TaskArea,
)

__all__ = ["LEVEL_LABELS", "AREA_LABELS", "MECHANISM_LABELS", "DIRECTION_LABELS", "KIND_LABELS", "FIELD_LABELS",
           "STATUS_LABELS", "Scaled", "money", "CENT"]

CENT = Decimal("0.01")

LEVEL_LABELS = {PairingLevel.CITY: "市际结对", PairingLevel.COUNTY: "县际结对", PairingLevel.TOWNSHIP: "镇（乡）结对",
                PairingLevel.VILLAGE_ENTERPRISE: "村企结对", PairingLevel.SCHOOL: "学校结对",
                PairingLevel.HOSPITAL: "医院结对"}
STATUS_LABELS = {PairingStatus.ACTIVE: "结对中", PairingStatus.ENDED: "已结束"}
AREA_LABELS = {TaskArea.LEADERSHIP: "组织领导", TaskArea.FUNDING: "资金支持", TaskArea.INDUSTRY: "产业合作",
               TaskArea.LABOUR: "劳务协作", TaskArea.TALENT: "人才交流", TaskArea.PROSPERITY: "携手奔小康",
               TaskArea.CONSUMPTION: "消费扶贫"}
MECHANISM_LABELS = {LinkageMechanism.DIVIDEND: "入股分红", LinkageMechanism.WAGES: "务工工资",
                    LinkageMechanism.LAND_RENT: "土地流转租金", LinkageMechanism.PURCHASE_ORDERS: "订单收购"}
DIRECTION_LABELS = {TalentDirection.TO_LIUZHOU: "广东选派到柳州", TalentDirection.TO_GUANGDONG: "柳州选派到广东"}
KIND_LABELS = {TalentKind.CADRE: "挂职干部", TalentKind.TECHNICIAN: "专业技术人才"}
FIELD_LABELS = {TalentField.EDUCATION: "教育", TalentField.HEALTH: "医疗卫生", TalentField.AGRICULTURE: "农业",
                TalentField.OTHER: "其他"}


def money(value: Decimal | None) -> Decimal:
    """An SQL sum of amounts (typed `Scaled(2)`, so already yuan), 0.00 when there was nothing to sum."""
    return value if value is not None else Decimal("0.00")


class Scaled(TypeDecorator[Decimal]):
    """A Decimal stored exactly as a BIGINT count of its smallest unit: money as whole fen (places=2), measures
    to the ten-thousandth (places=4). Sums and comparisons in SQL stay exact on SQLite and PostgreSQL alike."""

    impl = BigInteger
    cache_ok = True

    def __init__(self, places: int) -> None:
        super().__init__()
        self.places = places

    def process_bind_param(self, value: Any, dialect: Dialect) -> int | None:
        """Decimal → integer units; more decimals than the column holds is a programming error."""
        if value is None:
            return None
        return int(Decimal(value).scaleb(self.places).to_integral_exact())

    def process_result_value(self, value: Any, dialect: Dialect) -> Decimal | None:
        """Integer units → Decimal with exactly `places` decimals."""
        if value is None:
            return None
        return Decimal(int(value)).scaleb(-self.places).quantize(Decimal(1).scaleb(-self.places))
