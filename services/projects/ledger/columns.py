"""The library ledger's columns: Chinese header, how a project fills it, how a cell reads back."""
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from contracts.projects import ProjectRead
from services.kit.counties import COUNTIES
from services.projects.terms import CATEGORY_LABELS, STATUS_LABELS, FundSource

SOURCE_LABELS = {
    FundSource.CENTRAL: "中央", FundSource.REGION: "自治区", FundSource.CITY: "市级", FundSource.COUNTY: "县级",
    FundSource.GUANGDONG: "粤桂协作", FundSource.SELF_RAISED: "自筹", FundSource.SOCIAL: "社会资金",
    FundSource.CREDIT: "信贷",
}
SEP = "；"


def _by_label(labels: Mapping[Any, str], value: Any) -> str | None:
    """Accept the Chinese label or the code."""
    if value is None:
        return None
    text = str(value).strip()
    return next((str(code) for code, label in labels.items() if text in (label, str(code))), text)


def budget_cell(p: ProjectRead) -> str:
    """The budget lines as one ledger cell, '中央:2019:800000.00；…'."""
    return SEP.join(f"{SOURCE_LABELS[b.source]}:{b.year}:{b.amount}" for b in p.budget)


def parse_budget(cell: Any) -> list[dict[str, Any]] | str:
    """'中央:2019:800000.00；县级:2019:150000.50' -> budget lines, or a message pydantic will report."""
    lines = []
    for part in str(cell or "").replace(";", SEP).split(SEP):
        if not part.strip():
            continue
        pieces = [x.strip() for x in part.replace("：", ":").split(":")]
        if len(pieces) != 3:
            return f"无法识别“{part}”，格式为 来源:年度:金额"
        lines.append({"source": _by_label(SOURCE_LABELS, pieces[0]), "year": pieces[1], "amount": pieces[2]})
    return lines


def targets_cell(p: ProjectRead) -> str:
    """The performance targets as one ledger cell, '指标/单位/目标值；…'."""
    return SEP.join(f"{t.indicator}/{t.unit}/{t.target_value}" for t in p.targets)


def parse_targets(cell: Any) -> list[dict[str, Any]] | str:
    """'带动贫困户增收/户/42；…' -> targets, or a message pydantic will report."""
    targets = []
    for part in str(cell or "").replace(";", SEP).split(SEP):
        if part.strip():
            pieces = [x.strip() for x in part.split("/")]
            if len(pieces) != 3:
                return f"无法识别“{part}”，格式为 指标/单位/目标值"
            targets.append({"indicator": pieces[0], "unit": pieces[1], "target_value": pieces[2]})
    return targets


def _yes_no(value: Any) -> bool | Any:
    return {"是": True, "否": False}.get(str(value).strip(), value) if value is not None else None


def _villages(value: Any) -> list[str]:
    return [v.strip() for v in str(value or "").replace(",", "、").split("、") if v.strip()]


def _date(value: Any) -> Any:
    return value.date() if hasattr(value, "date") and callable(value.date) else value


def _num(value: Any) -> Any:
    return str(value) if isinstance(value, float | Decimal) else value


@dataclass(frozen=True)
class Column:
    """One ledger column; `field` is None for export-only columns."""

    header: str
    export: Callable[[ProjectRead], Any]
    field: str | None = None
    parse: Callable[[Any], Any] = lambda v: v


def _attr(name: str) -> Callable[[ProjectRead], Any]:
    return lambda p: getattr(p, name)


COLUMNS = [
    Column("项目ID", _attr("id")),
    Column("入库编号", _attr("library_code"), "library_code"),
    Column("项目名称", _attr("name"), "name"),
    Column("县区代码", _attr("county_code"), "county_code", lambda v: str(v).strip() if v is not None else v),
    Column("县区", lambda p: COUNTIES[p.county_code]),
    Column("乡镇", _attr("township"), "township"),
    Column("行政村", _attr("village"), "village"),
    Column("项目类别", lambda p: CATEGORY_LABELS[p.category], "category", lambda v: _by_label(CATEGORY_LABELS, v)),
    Column("项目主管单位", _attr("owner_org"), "owner_org"),
    Column("状态", lambda p: STATUS_LABELS[p.status], "status", lambda v: _by_label(STATUS_LABELS, v)),
    Column("是否使用财政扶贫资金", lambda p: "是" if p.uses_fiscal_funds else "否", "uses_fiscal_funds", _yes_no),
    Column("预算明细（来源:年度:金额）", budget_cell, "budget", parse_budget),
    Column("总预算（元）", lambda p: float(p.total_budget)),
    Column("受益贫困户数", lambda p: p.beneficiaries.poor_households, "beneficiaries.poor_households"),
    Column("受益贫困人口数", lambda p: p.beneficiaries.poor_people, "beneficiaries.poor_people"),
    Column("服务贫困村", lambda p: "、".join(p.beneficiaries.poor_villages), "beneficiaries.poor_villages", _villages),
    Column("带贫减贫机制", lambda p: p.beneficiaries.description, "beneficiaries.description"),
    Column("绩效目标（指标/单位/目标值）", targets_cell, "targets", parse_targets),
    Column("计划开工年度", _attr("planned_start_year"), "planned_start_year"),
    Column("计划完成年度", _attr("planned_end_year"), "planned_end_year"),
    Column("计划年度", _attr("plan_year"), "plan_year"),
    Column("入库日期", _attr("admitted_on"), "admitted_on", _date),
    Column("开工日期", _attr("started_on"), "started_on", _date),
    Column("完成进度（%）", _attr("progress_percent"), "progress_percent"),
    Column("最近进度日期", _attr("last_progress_on"), "last_progress_on", _date),
    Column("竣工日期", _attr("completed_on"), "completed_on", _date),
    Column("验收日期", _attr("accepted_on"), "accepted_on", _date),
    Column("实际受益贫困户数", _attr("actual_households"), "actual_households"),
    Column("实际受益贫困人口数", _attr("actual_people"), "actual_people"),
    Column("报账日期", _attr("settled_on"), "settled_on", _date),
]
HEADERS = [c.header for c in COLUMNS]
HEADER_OF_FIELD = {c.field: c.header for c in COLUMNS if c.field}
SUBMISSION_FIELDS = ("name", "county_code", "township", "village", "category", "owner_org", "uses_fiscal_funds",
                     "budget", "beneficiaries.poor_households", "beneficiaries.poor_people",
                     "beneficiaries.poor_villages", "beneficiaries.description", "targets", "planned_start_year",
                     "planned_end_year")
REQUIRED_HEADERS = [HEADER_OF_FIELD[f] for f in SUBMISSION_FIELDS]
# Free text may hold tab and newline (Alt+Enter in a cell); every other column is one line.
FREE_TEXT_HEADERS = (HEADER_OF_FIELD["beneficiaries.description"],)


def export_row(p: ProjectRead) -> list[Any]:
    """One ledger row."""
    return [c.export(p) for c in COLUMNS]


def row_to_payload(cells: dict[str, Any], fields: tuple[str, ...] | None = None) -> dict[str, Any]:
    """The API payload a row stands for (nested beneficiaries), from its importable, non-empty cells."""
    payload: dict[str, Any] = {"beneficiaries": {}}
    for c in COLUMNS:
        if c.field is None or (fields is not None and c.field not in fields):
            continue
        value = cells.get(c.header)
        if value is None or (isinstance(value, str) and not value.strip()):
            continue
        value = _num(c.parse(value))
        if c.field.startswith("beneficiaries."):
            payload["beneficiaries"][c.field.split(".", 1)[1]] = value
        else:
            payload[c.field] = value
    return payload
