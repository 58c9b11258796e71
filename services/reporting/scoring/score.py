"""The composite score and the ranking: weights from settings, rank, change since last month, the bottom list."""
from collections.abc import Mapping, Sequence
from decimal import Decimal

from contracts.reporting import CountyFigures, IndicatorScore, RankingRow
from services.reporting.scoring.indicators import INDICATORS
from services.reporting.terms import INDICATOR_LABELS

POINTS = Decimal("0.01")


def indicator_scores(figures: CountyFigures, weights: Mapping[str, Decimal]) -> list[IndicatorScore]:
    """Each weighted indicator of one county, its points out of 100 in proportion to its weight."""
    total = sum(weights.values()) or Decimal(1)
    scores = []
    for code, weight in weights.items():
        m = INDICATORS[code](figures)
        scores.append(IndicatorScore(indicator=code, label=INDICATOR_LABELS[code], value=m.value, score=m.score,
                                     weight=weight, points=(m.score * weight * 100 / total).quantize(POINTS),
                                     explanation=m.explanation))
    return scores


def rank(counties: Sequence[CountyFigures], weights: Mapping[str, Decimal], bottom_size: int,
         previous: Mapping[str, int] | None = None) -> list[RankingRow]:
    """Every county ranked by composite score, highest first (listed by county code within a score). Equal scores
    share a place (1, 1, 3: one plus the number of counties scoring higher), so a tie never decides who is on the
    bottom list: the counties whose place is among the last `bottom_size`. `previous` (county → last month's
    place) gives the change (positive = moved up)."""
    scored = []
    for f in counties:
        indicators = indicator_scores(f, weights)
        scored.append((sum((i.points for i in indicators), Decimal(0)).quantize(POINTS), f, indicators))
    scored.sort(key=lambda s: (-s[0], s[1].county_code))
    previous = previous or {}
    rows = []
    for score, f, indicators in scored:
        place = 1 + sum(1 for other, _, _ in scored if other > score)
        before = previous.get(f.county_code)
        rows.append(RankingRow(county_code=f.county_code, county_name=f.county_name, score=score, rank=place,
                               previous_rank=before, change=None if before is None else before - place,
                               bottom=place > len(scored) - bottom_size, indicators=indicators))
    return rows
