"""The registry workbook (村屯名录台账): sheet 行政村 (one row per village and year) and sheet 自然屯, the same layout
for export and import; rows are read into checked models and every bad cell is named with its sheet."""
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pydantic import model_validator

from services.kit.values import Year
from services.kit.xlsx import WHOLE_ROW, CellProblem, Loc, validate_rows
from services.projects.places.schemas import NaturalVillageIn, PlaceName, VillageMarks, VillageYearIn

VILLAGES, NATURALS = "行政村", "自然屯"


def _yes_no(value: Any) -> Any:
    return {"是": True, "否": False}.get(str(value).strip(), value)


def _day(value: Any) -> Any:
    return value.date() if hasattr(value, "date") and callable(value.date) else value


def _number(value: Any) -> Any:
    return str(value) if isinstance(value, float) else value


@dataclass(frozen=True)
class Column:
    """One column of a sheet: its Chinese header, the field it fills and how a cell reads."""

    header: str
    field: str
    parse: Callable[[Any], Any] = lambda v: v


VILLAGE_COLUMNS = [
    Column("乡镇", "township"), Column("行政村", "name"), Column("是否贫困村", "poor_village", _yes_no),
    Column("是否深度贫困村", "deep_poverty", _yes_no), Column("出列年度", "exited_year"), Column("年度", "year"),
    Column("户数", "figures.households"), Column("贫困户数", "figures.poor_households"),
    Column("贫困发生率（%）", "figures.poverty_incidence", _number),
]
NATURAL_COLUMNS = [
    Column("乡镇", "township"), Column("行政村", "village"), Column("自然屯", "name"), Column("户数", "households"),
    Column("是否硬化道路", "hardened_road", _yes_no), Column("硬化日期", "road_hardened_on", _day),
]
VILLAGE_REQUIRED = ["乡镇", "行政村", "是否贫困村"]
NATURAL_REQUIRED = ["乡镇", "行政村", "自然屯", "户数"]


class VillageRow(VillageMarks):
    """A row of sheet 行政村: a village's marks and, when 年度 is filled, that year's figures."""

    township: PlaceName
    name: PlaceName
    year: Year | None = None
    figures: VillageYearIn | None = None

    @model_validator(mode="after")
    def _year_and_figures(self) -> "VillageRow":
        if (self.year is None) != (self.figures is None):
            raise ValueError("年度与户数、贫困户数、贫困发生率须同时填写（或同时留空）")
        return self


class NaturalRow(NaturalVillageIn):
    """A row of sheet 自然屯: a natural village of a village named by township and village."""

    township: PlaceName
    village: PlaceName


def payload(cells: dict[str, Any], columns: list[Column]) -> dict[str, Any]:
    """The model payload a row stands for, from its non-empty cells (figures.x nest under figures)."""
    data: dict[str, Any] = {}
    for c in columns:
        value = cells.get(c.header)
        if value is None or (isinstance(value, str) and not value.strip()):
            continue
        outer, _, inner = c.field.partition(".")
        if inner:
            data.setdefault(outer, {})[inner] = c.parse(value)
        else:
            data[outer] = c.parse(value)
    return data


def column_namer(sheet: str, columns: list[Column]) -> Callable[[Loc], str]:
    """Name the cell of a validation error as `header（sheet）`."""
    headers = {c.field: c.header for c in columns}

    def name(loc: Loc) -> str:
        key = ".".join(str(part) for part in loc[:2]) if loc and loc[0] == "figures" else str(loc[0])
        return f"{headers.get(key, WHOLE_ROW)}（{sheet}）"

    return name


def read_rows(village_rows: list[tuple[int, dict[str, Any]]], natural_rows: list[tuple[int, dict[str, Any]]]
              ) -> tuple[list[tuple[int, VillageRow]], list[tuple[int, NaturalRow]], list[CellProblem]]:
    """Both sheets' rows as checked models, and every bad cell of every row."""
    villages, problems = validate_rows(((n, payload(c, VILLAGE_COLUMNS)) for n, c in village_rows), VillageRow,
                                       column_namer(VILLAGES, VILLAGE_COLUMNS))
    naturals, more = validate_rows(((n, payload(c, NATURAL_COLUMNS)) for n, c in natural_rows), NaturalRow,
                                   column_namer(NATURALS, NATURAL_COLUMNS))
    return villages, naturals, (_in_sheet(problems, VILLAGES) + _in_sheet(more, NATURALS)
                                + across_rows(villages, naturals))


def _in_sheet(problems: list[CellProblem], sheet: str) -> list[CellProblem]:
    """Whole-row problems (a rule across a row's cells) named with their sheet too."""
    return [CellProblem(p.row, f"{WHOLE_ROW}（{sheet}）", p.message) if p.column == WHOLE_ROW else p
            for p in problems]


def across_rows(villages: list[tuple[int, VillageRow]], naturals: list[tuple[int, NaturalRow]]) -> list[CellProblem]:
    """What no single row shows: a village marked two ways, a year or a natural village given twice."""
    problems: list[CellProblem] = []
    marks: dict[tuple[str, str], tuple[int, tuple[bool, bool, int | None]]] = {}
    years: dict[tuple[tuple[str, str], int], int] = {}
    seen: dict[tuple[str, str, str], int] = {}
    for number, row in villages:
        key = (row.township, row.name)
        first = marks.setdefault(key, (number, (row.poor_village, row.deep_poverty, row.exited_year)))
        if first[1] != (row.poor_village, row.deep_poverty, row.exited_year):
            problems.append(CellProblem(number, f"是否贫困村（{VILLAGES}）",
                                        f"与第 {first[0]} 行同一行政村的贫困村、深度贫困村或出列年度不一致"))
        if row.year is not None:
            earlier = years.setdefault((key, row.year), number)
            if earlier != number:
                problems.append(CellProblem(number, f"年度（{VILLAGES}）",
                                            f"与第 {earlier} 行重复：同一行政村同一年度"))
    for number, natural in naturals:
        earlier = seen.setdefault((natural.township, natural.village, natural.name), number)
        if earlier != number:
            problems.append(CellProblem(number, f"自然屯（{NATURALS}）", f"与第 {earlier} 行重复"))
    return problems
