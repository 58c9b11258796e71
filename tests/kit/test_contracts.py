"""The contracts package: self-contained, every payload typed, described, versioned, and masked where personal."""
import ast
import types
import typing
from pathlib import Path

import pytest
from pydantic import ValidationError

from contracts.enums import FeedName
from contracts.events import FEEDS, REGISTRY, parse_payload, payload_model
from contracts.events.employment import LabourerRegistered, PlacementCreated
from contracts.personal import mask_id, mask_name

ROOT = Path(__file__).resolve().parents[2]


def test_contracts_import_nothing_of_services_or_gateway():
    for path in (ROOT / "contracts").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            assert not [n for n in names if n.split(".")[0] in ("services", "gateway")], path


def test_every_feed_has_payloads_and_every_field_is_described():
    assert all(FEEDS[feed] for feed in FeedName)
    # Every registered payload is on a feed (the work warnings on each feed with a work queue), and only those.
    assert set(REGISTRY.values()) == {model for models in FEEDS.values() for model in models}
    for (event_type, version), model in REGISTRY.items():
        assert (model.event_type, model.event_version) == (event_type, version) and model.__doc__
        assert model.aggregate_key in model.model_fields
        assert [f for f, info in model.model_fields.items() if not info.description] == [], model.__name__
        assert not [f for f, info in model.model_fields.items() if not info.is_required()], model.__name__


def _base(annotation) -> object:
    """`X | None` -> X: nullability may differ between payloads (GraphQL shows every payload field nullable)."""
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        return next(a for a in typing.get_args(annotation) if a is not type(None))
    return annotation


def test_one_field_name_means_one_type_across_payloads():
    """The GraphQL union of payloads needs it: a shared field name of two types could not be selected on both."""
    types: dict[str, set] = {}
    for model in REGISTRY.values():
        for name, info in model.model_fields.items():
            types.setdefault(name, set()).add(_base(info.annotation))
    assert {name: t for name, t in types.items() if len(t) > 1} == {}


def test_personal_fields_are_declared_and_masked_like_the_api():
    assert set(LabourerRegistered.personal_fields()) == {"name", "id_number"}
    assert set(PlacementCreated.personal_fields()) == {"labourer_name", "labourer_id_number"}
    masked = LabourerRegistered.mask({"name": "韦秀梅", "id_number": "450225199001011234", "village": "小桑村"})
    assert masked == {"name": "韦**", "id_number": "4502**********1234", "village": "小桑村"}
    assert (mask_id("450225199001011234"), mask_name("韦"), mask_name("欧阳娜娜")) == \
        ("4502**********1234", "*", "欧***")
    personal = {m.__name__ for m in REGISTRY.values() if m.personal_fields()}
    assert personal == {"LabourerRegistered", "PlacementCreated", "PlacementEnded", "CourseParticipantSet"}


def test_unknown_types_and_versions_are_none_and_malformed_payloads_raise():
    assert payload_model("project.archived", 1) is None and payload_model("project.submitted", 99) is None
    assert parse_payload("project.submitted", 99, {"whatever": 1}) is None
    with pytest.raises(ValidationError):
        parse_payload("project.submitted", 1, {"project_id": 1, "surprise": True})
