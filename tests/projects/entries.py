"""A valid library entry to start tests from."""
import copy

OWNER_ORG = "融水县农业农村局"
RONGSHUI = "450225"

_VALID = {
    "name": "安陲乡江门村百香果种植基地",
    "county_code": RONGSHUI,
    "township": "安陲乡",
    "village": "江门村",
    "category": "industry",
    "uses_fiscal_funds": True,
    "budget": [
        {"source": "central", "year": 2019, "amount": "800000.00"},
        {"source": "county", "year": 2019, "amount": "150000.50"},
        {"source": "self_raised", "year": 2020, "amount": "50000"},
    ],
    "beneficiaries": {
        "poor_households": 42, "poor_people": 168, "poor_villages": ["江门村"],
        "description": "贫困户以土地入股，基地优先雇用贫困劳动力并保底分红",
    },
    "targets": [{"indicator": "带动贫困户增收", "unit": "户", "target_value": 42}],
    "planned_start_year": 2019,
    "planned_end_year": 2020,
}


def entry(**overrides) -> dict:
    """A copy of the valid entry with top-level fields replaced."""
    data = copy.deepcopy(_VALID)
    data.update(overrides)
    return data
