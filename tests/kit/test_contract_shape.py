"""kit.contract shapes every contract for client generators: one schema per model, binary downloads, declared
tags; a model it cannot give one schema, or a tag without its term, stops the app from being built."""
from decimal import Decimal

import pytest
from fastapi import APIRouter, Response
from pydantic import BaseModel, computed_field

from services.kit.service_app import build_service
from services.kit.settings import ServiceSettings
from services.kit.xlsx import XLSX


class Target(BaseModel):
    """Decimals make Pydantic's request and answer schemas differ (number or string in, string out)."""

    value: Decimal


class Entry(BaseModel):
    targets: list[Target]


def _app(router: APIRouter, tags: dict[str, str]):
    return build_service("projects", "test", ServiceSettings(database_url="sqlite+aiosqlite://"), [router],
                         tags=tags)


def test_a_model_in_requests_and_answers_has_one_schema_the_request_one():
    router = APIRouter(tags=["entries"])

    @router.post("/entries", response_model=Entry)
    async def add_entry(entry: Entry) -> Entry:
        return entry

    contract = _app(router, {"entries": "条目"}).openapi()
    schemas = contract["components"]["schemas"]
    assert "Target" in schemas and not [n for n in schemas if n.startswith("Target-")]
    assert {"type": "number"} in schemas["Target"]["properties"]["value"]["anyOf"]  # what requests may send
    assert schemas["Entry"]["properties"]["targets"]["items"] == {"$ref": "#/components/schemas/Target"}
    assert contract["paths"]["/entries"]["post"]["operationId"] == "add_entry"


def test_a_model_whose_answer_has_other_fields_cannot_be_merged():
    class Shown(BaseModel):
        value: Decimal

        @computed_field
        def doubled(self) -> Decimal:  # only in answers
            return self.value * 2

    class Holder(BaseModel):
        item: Shown

    router = APIRouter(tags=["entries"])

    @router.post("/holders", response_model=Holder)
    async def add_holder(holder: Holder) -> Holder:
        return holder

    with pytest.raises(RuntimeError, match="Shown has different request and answer shapes"):
        _app(router, {"entries": "条目"}).openapi()


def test_downloads_are_binary_and_tags_are_declared():
    router = APIRouter(tags=["ledgers"])

    @router.get("/export.xlsx", response_class=Response, responses={200: {"content": {XLSX: {}}}})
    async def export_ledger() -> Response:
        return Response(b"", media_type=XLSX)

    contract = _app(router, {"ledgers": "台账（Excel）"}).openapi()
    answer = contract["paths"]["/export.xlsx"]["get"]["responses"]["200"]["content"][XLSX]
    assert answer == {"schema": {"type": "string", "format": "binary"}}
    assert {"name": "ledgers", "description": "台账（Excel）"} in contract["tags"]
    assert [t["name"] for t in contract["tags"]] == ["ops", "events", "ledgers"]

    with pytest.raises(RuntimeError, match="tags without a description: ledgers"):
        _app(router, {}).openapi()
