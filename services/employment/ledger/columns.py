"""Chinese headers of the employment ledgers (台账) and the cell conversions of each."""
from datetime import datetime
from typing import Any

from contracts.employment import Compliance
from services.employment.terms import STATUS_LABELS

LABOURER_HEADERS = ["身份证号码", "姓名", "县区代码", "乡镇", "村", "户编号", "登记状态", "易地扶贫搬迁户", "技能"]
LABOURER_FIELDS = {"身份证号码": "id_number", "姓名": "name", "县区代码": "county_code", "乡镇": "township",
                   "村": "village", "户编号": "household_no", "登记状态": "registration",
                   "易地扶贫搬迁户": "relocated", "技能": "skills"}
PLACEMENT_HEADERS = ["身份证号码", "安置类型", "用工单位编号", "在建项目编号", "岗位或车间", "开始日期", "结束日期",
                     "劳务带头人"]
PLACEMENT_FIELDS = {"身份证号码": "id_number", "安置类型": "kind", "用工单位编号": "employer_id",
                    "在建项目编号": "project_id", "岗位或车间": "site", "开始日期": "starts_on",
                    "结束日期": "ends_on", "劳务带头人": "leader"}
QUOTA_HEADERS = ["类别", "期间", "编号", "单位或项目", "所属集团", "县区代码", "安置建档立卡劳动力（人）",
                 "用工总数（人）", "比例", "下限", "上限", "达标情况"]

# Keyed by whatever a cell holds: a value not listed is passed on as it is, for validation to refuse.
_REGISTRATION: dict[Any, str] = {"贫困": "poor", "建档立卡贫困": "poor", "已脱贫": "lifted", "非建档立卡": "none"}
_KIND: dict[Any, str] = {"骨干企业": "enterprise", "企业": "enterprise", "集团项目": "group_project",
                         "集团在建项目": "group_project", "劳务输入基地": "base", "基地": "base",
                         "公益岗位": "public_welfare", "微车间": "micro_workshop"}
_YES = {"是": True, "否": False, "": False}


def _cell(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, float) and value.is_integer():
        return int(value)  # Excel stores whole numbers as floats
    if isinstance(value, str):
        return value.strip()
    return value


def labourer_payload(cells: dict[str, Any]) -> dict[str, Any]:
    """A labourer row as a LabourerCreate payload (Chinese values translated; unknown ones left to fail)."""
    payload = {LABOURER_FIELDS[h]: _cell(v) for h, v in cells.items() if h in LABOURER_FIELDS and v is not None}
    payload["id_number"] = str(payload.get("id_number", ""))
    payload["county_code"] = str(payload.get("county_code", ""))
    payload["registration"] = _REGISTRATION.get(payload.get("registration"), payload.get("registration"))
    payload["relocated"] = _YES.get(payload.get("relocated", ""), payload.get("relocated"))
    skills = payload.get("skills")
    payload["skills"] = [s for s in str(skills).replace(",", "、").split("、") if s.strip()] if skills else []
    return payload


def placement_payload(cells: dict[str, Any]) -> dict[str, Any]:
    """A placement row as fields of PlacementCreate plus the labourer's `id_number`."""
    payload = {PLACEMENT_FIELDS[h]: _cell(v) for h, v in cells.items() if h in PLACEMENT_FIELDS and v is not None}
    payload["kind"] = _KIND.get(payload.get("kind"), payload.get("kind"))
    payload["id_number"] = str(payload.get("id_number", "")).upper()
    return payload


def header_of(field: str, fields: dict[str, str]) -> str:
    """The Chinese header of a payload field."""
    return next((h for h, f in fields.items() if f == field), field)


def quota_row(c: Compliance) -> list[Any]:
    """One Compliance as a ledger row; ratio as a percentage with two decimals, empty when not reported."""
    kind = "骨干企业" if c.kind == "enterprise" else "集团项目"
    ratio = f"{c.ratio * 100:.2f}%" if c.ratio is not None else ""
    return [kind, c.period, c.subject_id, c.name, c.group_name or "", c.county_code or "", c.placed,
            c.total if c.total is not None else "", ratio, f"{c.band_low * 100:.0f}%",
            f"{c.band_high * 100:.0f}%" if c.band_high is not None else "", STATUS_LABELS[c.status]]
