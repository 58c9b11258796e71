"""The control-character check every edge uses."""
import pytest

from services.kit.text import control_char_message


@pytest.mark.parametrize("value", ["abc\x00def", "\x01", "a\x7fb", "line\rbreak", "名称\x1b[31m"])
def test_control_characters_are_named(value: str) -> None:
    message = control_char_message(value)
    assert message is not None and "U+" in message


def test_clean_text_passes() -> None:
    assert control_char_message("安陲乡江门村百香果种植基地 (2019)") is None


def test_free_text_allows_tab_and_newline_only() -> None:
    assert control_char_message("第一行\n第二行\t备注", free_text=True) is None
    assert control_char_message("第一行\n第二行", free_text=False) is not None
    assert "U+0000" in control_char_message("a\n\x00", free_text=True)
