"""The id types of every route: path ids, id filters and comma-separated id lists.

Ids are BIGINT: a number beyond 64 bits names no record, and handing it to the database is an overflow (a 500).
So every id the API reads is bounded here, once: a bad path id is the resource's 404 (see errors.py), a bad id
in a query string a 422 naming it.
"""
from typing import Annotated

from fastapi import Path, Query

MAX_ID = 2**63 - 1
MAX_IDS = 200  # ids in one batch read or filter
_DIGITS = "[0-9]{1,18}"  # at most 18 digits: always below MAX_ID
# The form of an id list (also what the lean path checks before it answers a batch read itself).
ID_LIST_PATTERN = rf"^ *{_DIGITS} *(, *{_DIGITS} *){{0,{MAX_IDS - 1}}}$"
_ID_LIST = Query(pattern=ID_LIST_PATTERN, description=f"逗号分隔的记录编号，1 到 {MAX_IDS} 个，按请求顺序返回")

# The one path id type of every `{…_id}` route.
Id = Annotated[int, Path(ge=1, le=MAX_ID, description="记录编号")]
# An optional id filter in a query string.
IdFilter = Annotated[int | None, Query(ge=1, le=MAX_ID, description="按记录编号筛选")]
# Comma-separated ids (a batch read or a filter); read them with ids_of.
IdList = Annotated[str | None, _ID_LIST]
RequiredIdList = Annotated[str, _ID_LIST]


def ids_of(text: str) -> list[int]:
    """The ids of a validated IdList, de-duplicated, in the order given."""
    return list(dict.fromkeys(int(part) for part in text.split(",")))
