"""Strict values: money as plain ASCII decimals, dates and years inside the configured window."""
import re
from datetime import date
from decimal import Decimal
from typing import Annotated

import pytest
from pydantic import Field, ValidationError

from services.kit.inputs import StrictInput
from services.kit.values import WINDOW, DateWindow, Day, Measure, PlainDecimal, Year, Yuan


class Money(StrictInput):
    amount: Yuan
    measure: Measure = Decimal(0)
    score: Annotated[Decimal, Field(ge=0, le=100), PlainDecimal(2, 3, "评分")] = Decimal(0)


class Dated(StrictInput):
    year: Year | None = None
    on: Day | None = None


def _message(model, data: dict) -> str:
    with pytest.raises(ValidationError) as caught:
        model.model_validate(data)
    [error] = caught.value.errors()
    return error["msg"]


@pytest.mark.parametrize("value, expected", [
    ("100", "100.00"), ("100.5", "100.50"), ("100.50", "100.50"), (100, "100.00"),
    (100.5, "100.50"), (0.25, "0.25"), ("0.01", "0.01"), ("99999999999999.99", "99999999999999.99"),
])
def test_plain_amounts_are_taken_and_shown_in_fen(value, expected: str) -> None:
    assert str(Money.model_validate({"amount": value}).amount) == expected


@pytest.mark.parametrize("value", [
    "１００", " 1.00", "1.00 ", "1E+2", "1e2", "+100", "-100", "1,000", "1.", ".5", "100.123", "",
    "Infinity", "NaN", "0x10", "1_000", "١٠٠", True, False, 100.123, 1e20, 1e-7,
])
def test_other_money_forms_are_refused(value) -> None:
    assert "金额" in _message(Money, {"amount": value})


@pytest.mark.parametrize("value", ["0", 0, "0.00", -5, -0.5])
def test_money_must_be_positive(value) -> None:
    _message(Money, {"amount": value})


def test_money_has_at_most_fourteen_integer_digits() -> None:
    assert "过大" in _message(Money, {"amount": "100000000000000"})


def test_measures_and_scores_follow_the_same_plain_form() -> None:
    assert Money.model_validate({"amount": 1, "measure": "42.1234"}).measure == Decimal("42.1234")
    assert "数值" in _message(Money, {"amount": 1, "measure": "４２"})
    assert "评分" in _message(Money, {"amount": 1, "score": "9.5e1"})
    _message(Money, {"amount": 1, "score": "100.01"})


def test_years_and_dates_inside_the_window_pass() -> None:
    d = Dated.model_validate({"year": 2014, "on": "2035-12-31"})
    assert (d.year, d.on) == (2014, date(2035, 12, 31))


@pytest.mark.parametrize("data", [{"year": 2013}, {"year": 2036}, {"year": 1137}, {"on": "1137-03-01"},
                                  {"on": "2013-12-31"}, {"on": "2036-01-01"}, {"on": "9999-12-31"}])
def test_years_and_dates_outside_the_window_are_refused(data: dict) -> None:
    message = _message(Dated, data)
    assert "2014" in message and "2035" in message


def test_the_window_is_configurable_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATE_WINDOW_START", "2010-01-01")
    monkeypatch.setenv("DATE_WINDOW_END", "2040-06-30")
    window = DateWindow()
    assert window.year_message(2010) is None and window.day_message(date(2040, 6, 30)) is None
    assert window.day_message(date(2040, 7, 1)) and window.year_message(2041)
    assert WINDOW.start == date(2014, 1, 1) and WINDOW.end == date(2035, 12, 31)  # the default


def test_a_reversed_window_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATE_WINDOW_START", "2030-01-01")
    monkeypatch.setenv("DATE_WINDOW_END", "2020-01-01")
    with pytest.raises(ValidationError):
        DateWindow()


def test_the_window_is_published_in_the_json_schema() -> None:
    schema = Dated.model_json_schema()["properties"]
    year = schema["year"]["anyOf"][0]
    assert (year["minimum"], year["maximum"]) == (2014, 2035)


def test_the_money_rule_is_published_in_the_json_schema() -> None:
    amount = Money.model_json_schema()["properties"]["amount"]
    [number] = [f for f in amount["anyOf"] if f["type"] == "number"]
    [string] = [f for f in amount["anyOf"] if f["type"] == "string"]
    assert number["exclusiveMinimum"] == 0
    for text in ("100", "100.5", "100.50"):
        assert re.fullmatch(string["pattern"], text)
    for text in ("１００", " 1.00", "1E+2", "-1", "100.123", "1.", "100000000000000"):
        assert not re.fullmatch(string["pattern"], text)
