"""Unit tests of the hard eligibility rule (严禁入库), the poor-village part as of the entry's start year."""
from services.projects.library.eligibility import eligibility_breaches
from services.projects.library.schemas import ProjectCreate
from services.projects.places.lookup import EntryPlaces
from services.projects.places.models import AdministrativeVillage
from tests.projects.entries import entry

POOR = AdministrativeVillage(id=1, name="江门村", poor_village=True, exited_year=None)
EXITED_2019 = AdministrativeVillage(id=2, name="党鸠村", poor_village=True, exited_year=2019)
NOT_POOR = AdministrativeVillage(id=3, name="乌吉村", poor_village=False, exited_year=None)
NO_HOUSEHOLDS = {"description": "修通屯级道路"}


def breaches(*serves: AdministrativeVillage, **overrides):
    overrides.setdefault("poor_village_ids", [v.id for v in serves])
    content = ProjectCreate.model_validate(entry(**overrides))
    return eligibility_breaches(content, EntryPlaces("安陲乡", POOR, list(serves), []))


def rules(*serves: AdministrativeVillage, **overrides) -> list[str]:
    return [b.rule for b in breaches(*serves, **overrides)]


def test_valid_entry_breaks_nothing():
    assert rules(POOR) == []


def test_flag_off_means_no_fiscal_funds():
    assert rules(uses_fiscal_funds=False) == ["no_fiscal_funds"]


def test_only_non_fiscal_budget_means_no_fiscal_funds_even_with_flag_on():
    assert rules(budget=[{"source": "self_raised", "year": 2019, "amount": "10"},
                         {"source": "credit", "year": 2019, "amount": "10"}]) == ["no_fiscal_funds"]


def test_guangdong_collaboration_money_counts_as_fiscal():
    assert rules(budget=[{"source": "guangdong", "year": 2019, "amount": "10"}]) == []


def test_poor_village_alone_is_enough_to_be_related():
    assert rules(POOR, beneficiaries=NO_HOUSEHOLDS) == []


def test_households_alone_without_people_is_not_enough():
    assert rules(beneficiaries={"poor_households": 3, "description": "x"}) == ["not_poverty_related"]


def test_named_people_without_village_is_enough():
    assert rules(beneficiaries={"poor_households": 3, "poor_people": 9, "description": "x"}) == []


def test_every_broken_rule_is_reported_together():
    assert rules(uses_fiscal_funds=False, targets=[], beneficiaries={"description": "x"}) == [
        "no_fiscal_funds", "not_poverty_related", "no_performance_target"]


def test_a_non_poor_village_as_the_only_link_is_refused_with_its_name():
    [breach] = breaches(NOT_POOR, beneficiaries=NO_HOUSEHOLDS)
    assert (breach.rule, breach.field) == ("not_poverty_related", "poor_village_ids")
    assert "乌吉村" in breach.message and "2019 年不是贫困村" in breach.message


def test_a_village_that_exited_in_2019_counts_for_2019_and_not_for_2020():
    assert rules(EXITED_2019, beneficiaries=NO_HOUSEHOLDS) == []
    later = {"planned_start_year": 2020, "planned_end_year": 2020,
             "budget": [{"source": "central", "year": 2020, "amount": "10"}]}
    assert rules(EXITED_2019, beneficiaries=NO_HOUSEHOLDS, **later) == ["not_poverty_related"]
    assert rules(EXITED_2019, NOT_POOR, beneficiaries=NO_HOUSEHOLDS, **later) == ["not_poverty_related"]
    assert rules(EXITED_2019, POOR, beneficiaries=NO_HOUSEHOLDS, **later) == []
