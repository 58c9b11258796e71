"""Unit tests of the hard eligibility rule (严禁入库)."""
from services.projects.library.eligibility import eligibility_breaches
from services.projects.library.schemas import ProjectCreate
from tests.projects.entries import entry


def rules(**overrides) -> list[str]:
    return [b.rule for b in eligibility_breaches(ProjectCreate.model_validate(entry(**overrides)))]


def test_valid_entry_breaks_nothing():
    assert rules() == []


def test_flag_off_means_no_fiscal_funds():
    assert rules(uses_fiscal_funds=False) == ["no_fiscal_funds"]


def test_only_non_fiscal_budget_means_no_fiscal_funds_even_with_flag_on():
    assert rules(budget=[{"source": "self_raised", "year": 2019, "amount": "10"},
                         {"source": "credit", "year": 2019, "amount": "10"}]) == ["no_fiscal_funds"]


def test_guangdong_collaboration_money_counts_as_fiscal():
    assert rules(budget=[{"source": "guangdong", "year": 2019, "amount": "10"}]) == []


def test_poor_village_alone_is_enough_to_be_related():
    assert rules(beneficiaries={"poor_villages": ["江门村"], "description": "修通屯级道路"}) == []


def test_households_alone_without_people_is_not_enough():
    assert rules(beneficiaries={"poor_households": 3, "description": "x"}) == ["not_poverty_related"]


def test_named_people_without_village_is_enough():
    assert rules(beneficiaries={"poor_households": 3, "poor_people": 9, "description": "x"}) == []


def test_every_broken_rule_is_reported_together():
    assert rules(uses_fiscal_funds=False, targets=[], beneficiaries={"description": "x"}) == [
        "no_fiscal_funds", "not_poverty_related", "no_performance_target"]
