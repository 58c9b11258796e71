"""The committed GraphQL schema (openapi/gateway.graphql) keeps the schema rules: every type, field, argument and
enum value described, names in GraphQL's casing, no type the root types cannot reach (devtools/schema_lint.py)."""
from devtools.schema_lint import SCHEMA, problems


def test_the_committed_schema_breaks_no_rule():
    assert problems(SCHEMA.read_text(encoding="utf-8")) == []


def test_the_rules_find_an_undescribed_element_of_every_kind():
    sdl = '''
        "d" type Query { "d" plan(year: Int): Plan }
        type Plan { status: PlanStatus "d" id: Int }
        "d" enum PlanStatus { "d" OPEN CLOSED }
    '''
    assert sorted(problems(sdl)) == ["undescribed argument Query.plan(year)",
                                     "undescribed enum value PlanStatus.CLOSED", "undescribed field Plan.status",
                                     "undescribed type Plan"]


def test_the_rules_find_misnamed_elements():
    sdl = '''
        "d" type Query { "d" plan_of("d" Year: Int): plan }
        "d" type plan { "d" status: PlanStatus }
        "d" enum PlanStatus { "d" open "d" ROLLED_OVER }
    '''
    assert sorted(problems(sdl)) == ["misnamed argument Query.plan_of(Year)", "misnamed enum value PlanStatus.open",
                                     "misnamed field Query.plan_of", "misnamed type plan"]


def test_a_type_no_root_reaches_is_unused_but_a_union_member_or_an_implementation_is_not():
    sdl = '''
        "d" type Query { "d" result: Result "d" node: Node }
        "d" union Result = Plan | Problem
        "d" interface Node { "d" id: Int }
        "d" type Plan implements Node { "d" id: Int }
        "d" type Problem { "d" code: String }
        "d" type Entry implements Node { "d" id: Int }
        "d" input Orphan { "d" year: Int }
    '''
    assert problems(sdl) == ["unused type Orphan"]
