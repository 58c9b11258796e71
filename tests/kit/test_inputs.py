"""The one input base: control characters refused in every string of a body, tab and newline in free text only."""
from typing import Annotated

import pytest
from pydantic import Field, ValidationError

from services.kit.inputs import FreeText, StrictInput


class Line(StrictInput):
    indicator: str
    note: FreeText = ""


class Body(StrictInput):
    name: str
    description: FreeText = ""
    reason: Annotated[FreeText, Field(max_length=50)] | None = None
    tags: list[str] = []
    notes: list[FreeText] = []
    extra: dict[str, str] = {}
    lines: list[Line] = []


def _errors(data: dict) -> list[tuple[str, str]]:
    with pytest.raises(ValidationError) as caught:
        Body.model_validate(data)
    return [(".".join(map(str, e["loc"])), e["msg"]) for e in caught.value.errors()]


@pytest.mark.parametrize("value", ["abc\x00def", "\x01", "a\x7f", "a\tb", "a\nb", "tail\r", "\x1f"])
def test_a_line_field_refuses_every_control_character(value: str) -> None:
    [(field, message)] = _errors({"name": value})
    assert field == "name" and "控制字符" in message


def test_whitespace_stripping_cannot_hide_a_control_character() -> None:
    # str.strip() removes \x1c-\x1f and \r: the check runs on the raw value, before stripping.
    assert _errors({"name": "名称\x1c"})[0][0] == "name"


@pytest.mark.parametrize("field", ["description", "reason", "notes"])
def test_free_text_takes_tab_and_newline(field: str) -> None:
    value = "第一行\n第二行\t备注"
    body = Body.model_validate({"name": "x", field: [value] if field == "notes" else value})
    assert value in (getattr(body, field) if field != "notes" else body.notes)


@pytest.mark.parametrize("field", ["description", "reason", "notes"])
def test_free_text_still_refuses_nul_and_other_controls(field: str) -> None:
    value = "说明\x00"
    [(name, message)] = _errors({"name": "x", field: [value] if field == "notes" else value})
    assert name == field and "U+0000" in message


def test_a_nested_list_item_is_named_with_its_position() -> None:
    [(field, message)] = _errors({"name": "x", "tags": ["好", "坏\x00"]})
    assert field == "tags" and message.startswith("Value error, 第 2 项")


def test_dict_keys_and_values_are_checked() -> None:
    assert _errors({"name": "x", "extra": {"k": "v\x07"}})[0][0] == "extra"
    assert _errors({"name": "x", "extra": {"k\x00": "v"}})[0][0] == "extra"


def test_nested_models_check_their_own_fields_with_their_own_rules() -> None:
    [(field, _)] = _errors({"name": "x", "lines": [{"indicator": "a\x00"}]})
    assert field == "lines.0.indicator"
    body = Body.model_validate({"name": "x", "lines": [{"indicator": "a", "note": "多行\n说明"}]})
    assert body.lines[0].note == "多行\n说明"


def test_unknown_fields_are_refused() -> None:
    assert _errors({"name": "x", "surprise": 1})[0][0] == "surprise"


def test_stored_data_is_rebuilt_without_the_edge_checks() -> None:
    # Rows written before the check existed must stay readable, or every read of them would answer 500.
    assert Body.of_stored({"name": "旧\x00数据"}).name == "旧\x00数据"
