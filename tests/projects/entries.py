"""A valid library entry to start tests from; its places are villages of the seeded registry (tests/places.py)."""
import copy
from typing import Any

from tests.places import first_village, village_id

OWNER_ORG = "融水县农业农村局"
RONGSHUI = "450225"

_VALID = {
    "name": "安陲乡江门村百香果种植基地",
    "county_code": RONGSHUI,
    "category": "industry",
    "uses_fiscal_funds": True,
    "budget": [
        {"source": "central", "year": 2019, "amount": "800000.00"},
        {"source": "county", "year": 2019, "amount": "150000.50"},
        {"source": "self_raised", "year": 2020, "amount": "50000"},
    ],
    "beneficiaries": {
        "poor_households": 42, "poor_people": 168,
        "description": "贫困户以土地入股，基地优先雇用贫困劳动力并保底分红",
    },
    "targets": [{"indicator": "带动贫困户增收", "unit": "户", "target_value": 42}],
    "planned_start_year": 2019,
    "planned_end_year": 2020,
}


def entry(village: str | None = None, **overrides: Any) -> dict:
    """A copy of the valid entry with top-level fields replaced; in 江门村, or in the registry village named by
    `village`, or (another county given) in that county's first village; it serves its own village."""
    data = copy.deepcopy(_VALID)
    data.update(overrides)
    if "village_id" not in overrides:
        county = data["county_code"]
        data["village_id"] = village_id(village) if village else first_village(county) or village_id("江门村")
    data.setdefault("poor_village_ids", [data["village_id"]])
    return data
