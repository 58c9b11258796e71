"""Personal data (个人信息) of labourers: how it is masked, and the field markers that declare it on a contract.

Only hr and admin see a labourer's name and ID number whole; every other reader sees them masked, in the REST
API and in the event feeds alike. A contract field declared `PersonalName` or `PersonalIdNumber` is masked by
the kit when the feed is read, so no publisher or reader has to remember to.
"""
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated


def mask_id(number: str) -> str:
    """First 4 and last 4 kept, the rest starred: 4502**********1234."""
    return number[:4] + "*" * (len(number) - 8) + number[-4:]


def mask_name(name: str) -> str:
    """The surname's first character kept, the rest starred: 韦秀梅 → 韦**."""
    return name[:1] + "*" * (len(name) - 1) if len(name) > 1 else "*"


@dataclass(frozen=True)
class Personal:
    """Marks a contract field as personal data; `mask` is how readers without the right see it."""

    mask: Callable[[str], str]


PersonalName = Annotated[str, Personal(mask_name)]
PersonalIdNumber = Annotated[str, Personal(mask_id)]
