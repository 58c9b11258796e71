"""The composite score figure by figure, on hand-made figures."""
from decimal import Decimal

import pytest
from pydantic import ValidationError

from contracts.reporting import CountyFigures
from services.kit.counties import COUNTIES
from services.reporting.config import DEFAULT_WEIGHTS as WEIGHTS
from services.reporting.config import Settings
from services.reporting.scoring.indicators import INDICATORS
from services.reporting.scoring.score import indicator_scores, rank
from services.reporting.terms import INDICATOR_LABELS


def figures(code: str, spent: str = "0", received: str = "100", **kw) -> CountyFigures:
    """A county's figures with every count zero unless given."""
    base = dict(county_code=code, county_name=COUNTIES[code], entries=0, entries_by_status=[], in_library=0,
                admitted_in_month=0, started_in_month=0, stalled=0, received=Decimal(received), allocated=0,
                spent=Decimal(spent), spend_rate=Decimal(spent) / Decimal(received), idle=0, idle_by_class=[],
                idle_by_age=[], cases_open=0, cases_overdue=0, cases_closed_in_month=0, quota_subjects=0,
                quota_breach=0, quota_compliant=0, quota_not_reported=0)
    return CountyFigures(**(base | kw))


def test_each_indicator_scores_its_figures():
    f = figures("450225", spent="50", idle=Decimal("25"), cases_open=4, cases_overdue=1, quota_subjects=5,
                quota_compliant=4, in_library=10, stalled=2)
    scores = {s.indicator: (s.score, s.points) for s in indicator_scores(f, WEIGHTS)}
    assert scores == {"spend_rate": (Decimal("0.5"), Decimal("15.00")),
                      "idle_share": (Decimal("0.75"), Decimal("15.00")),
                      "overdue_cases": (Decimal("0.75"), Decimal("15.00")),
                      "quota_compliance": (Decimal("0.8"), Decimal("12.00")),
                      "stalled_share": (Decimal("0.8"), Decimal("12.00"))}


def test_weights_name_known_indicators_and_are_never_negative(monkeypatch):
    monkeypatch.setenv("REPORTING_WEIGHTS", '{"spend_rate": 1, "speed": 2}')
    with pytest.raises(ValidationError, match="unknown indicators"):
        Settings()
    monkeypatch.setenv("REPORTING_WEIGHTS", '{"spend_rate": -1}')
    with pytest.raises(ValidationError, match="0 or more"):
        Settings()
    monkeypatch.setenv("REPORTING_WEIGHTS", '{"spend_rate": 2, "stalled_share": 1}')
    assert Settings().weights == {"spend_rate": Decimal(2), "stalled_share": Decimal(1)}


def test_change_of_rank_is_last_months_place_minus_this_ones():
    before = {"450202": 3, "450203": 1}
    rows = rank([figures("450202", spent="90"), figures("450203", spent="10")], {"spend_rate": Decimal(1)}, 1, before)
    assert [(r.county_code, r.rank, r.change, r.bottom) for r in rows] == [("450202", 1, 2, False),
                                                                         ("450203", 2, -1, True)]


def test_equal_scores_share_a_place_and_a_tie_never_puts_a_county_on_the_bottom_list():
    tied = [figures(code, spent="50") for code in ("450202", "450203", "450204")]
    rows = rank([*tied, figures("450205", spent="10")], {"spend_rate": Decimal(1)}, 2)
    assert [(r.county_code, r.rank, r.bottom) for r in rows] == [
        ("450202", 1, False), ("450203", 1, False), ("450204", 1, False), ("450205", 4, True)]


def test_every_indicator_has_its_chinese_name_and_a_default_weight():
    assert set(INDICATORS) == set(INDICATOR_LABELS) == set(WEIGHTS)
