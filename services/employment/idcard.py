"""National ID numbers (居民身份证号码, GB 11643): check digit, birth date, sex and masking."""
from dataclasses import dataclass
from datetime import date

from contracts.personal import mask_id  # one masking for the API, the feeds and the audit

__all__ = ["IdFacts", "check_char", "parse_id", "mask_id", "with_check"]

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK = "10X98765432"


@dataclass(frozen=True)
class IdFacts:
    """What an ID number says about its holder."""

    number: str
    birth_date: date
    sex: str  # "male" | "female"
    region: str  # the first six digits: the county of first registration


def check_char(first17: str) -> str:
    """The GB 11643 check character of the first 17 digits."""
    return _CHECK[sum(int(c) * w for c, w in zip(first17, _WEIGHTS, strict=True)) % 11]


def parse_id(raw: str) -> IdFacts:
    """Validate an 18-character ID number; ValueError with a Chinese message when it is wrong."""
    number = raw.strip().upper()
    if len(number) != 18 or not number[:17].isdigit() or not (number[17].isdigit() or number[17] == "X"):
        raise ValueError("身份证号码应为 18 位：前 17 位数字，最后一位数字或 X")
    try:
        born = date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        raise ValueError("身份证号码中的出生日期不是有效日期") from None
    if born.year < 1900:
        raise ValueError("身份证号码中的出生日期不是有效日期")
    if check_char(number[:17]) != number[17]:
        raise ValueError("身份证号码校验位错误")
    return IdFacts(number, born, "male" if int(number[16]) % 2 else "female", number[:6])


def with_check(first17: str) -> str:
    """A valid ID number from 17 digits (tests and demo data)."""
    return first17 + check_char(first17)
