"""The committed GraphQL schema breaks no client of the released one, except by changes declared with a reason
(devtools/schema_changes.py, openapi/gateway.changes.toml)."""
from devtools.schema_changes import CURRENT, DECLARED, RELEASED, changes, declared, problems

RELEASED_SDL = '''
    type Query { plan(county: String!, year: Int!): Plan  plans: [Plan!]! }
    type Plan { id: Int!  status: String!  data: String }
    enum Kind { A B }
    input Filter { kind: Kind }
    type Mutation { f(filter: Filter): Int }
'''


def test_the_committed_schema_makes_only_the_declared_changes():
    assert problems(RELEASED.read_text(encoding="utf-8"), CURRENT.read_text(encoding="utf-8"),
                    declared(DECLARED.read_text(encoding="utf-8"))) == []


def test_every_declared_change_says_why():
    assert all(why.strip() for why in declared(DECLARED.read_text(encoding="utf-8")).values())


def test_a_removed_or_retyped_field_breaks_and_an_added_enum_value_is_dangerous():
    current = RELEASED_SDL.replace("plans: [Plan!]!", "").replace("status: String!", "status: Int!").replace(
        "enum Kind { A B }", "enum Kind { A B C }")
    found = {(c.kind, c.what, c.breaking) for c in changes(RELEASED_SDL, current)}
    assert found == {("FIELD_REMOVED", "Field Query.plans was removed.", True),
                     ("FIELD_CHANGED_KIND", "Field Plan.status changed type from String! to Int!.", True),
                     ("VALUE_ADDED_TO_ENUM", "Enum value Kind.C was added.", False)}


def test_an_undeclared_change_fails_a_declared_one_passes_and_a_stale_declaration_fails():
    current = RELEASED_SDL.replace("data: String", "")
    assert problems(RELEASED_SDL, current, {}) == [
        "undeclared breaking change FIELD_REMOVED: Field Plan.data was removed."]
    assert problems(RELEASED_SDL, current, {"Field Plan.data was removed.": "typed instead"}) == []
    assert problems(RELEASED_SDL, RELEASED_SDL, {"Field Plan.data was removed.": "typed instead"}) == [
        "declared but not made: Field Plan.data was removed."]


def test_new_fields_and_types_need_no_declaration():
    current = RELEASED_SDL.replace("plans: [Plan!]!", "plans: [Plan!]!  events: [Event!]!") + "type Event { id: Int! }"
    assert changes(RELEASED_SDL, current) == []
