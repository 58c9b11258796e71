"""Compare the GraphQL schema with the last released one: every breaking or dangerous change must be declared.

External systems build on the released schema (openapi/gateway.released.graphql). graphql-core finds what would
break them (a field removed or retyped, an argument made required) and what may (an enum value or union member
added, an argument's default changed). Each such change between the released schema and openapi/gateway.graphql
is declared in openapi/gateway.changes.toml with the reason, or the check fails.

`python -m devtools.schema_changes` checks; `python -m devtools.schema_changes release` makes the current schema the
released one and empties the declared list (do it when the change log of a release names those changes).
"""
import sys
import tomllib
from dataclasses import dataclass

from graphql import build_schema, find_breaking_changes, find_dangerous_changes

from devtools.stack import ROOT

CURRENT = ROOT / "openapi" / "gateway.graphql"
RELEASED = ROOT / "openapi" / "gateway.released.graphql"
DECLARED = ROOT / "openapi" / "gateway.changes.toml"
EMPTY_LIST = '''# Breaking and dangerous changes of openapi/gateway.graphql since openapi/gateway.released.graphql,
# each with its reason (devtools/schema_changes.py). `what` is graphql-core's description of the change, as the
# check prints it:
#
# [[change]]
# what = "Field Course.outcomes changed type from JSON! to [OutcomeCount!]!."
# why = "No JSON escape hatches: the counts by outcome are typed."
'''


@dataclass(frozen=True)
class Change:
    """One change that breaks (or may break) a client of the released schema."""

    kind: str  # graphql-core's change type, e.g. FIELD_REMOVED, VALUE_ADDED_TO_ENUM
    what: str  # graphql-core's description, e.g. "Field Course.outcomes changed type from JSON! to [OutcomeCount!]!."
    breaking: bool


def changes(released_sdl: str, current_sdl: str) -> list[Change]:
    """The breaking, then the dangerous, changes from the released schema to the current one."""
    old, new = build_schema(released_sdl), build_schema(current_sdl)
    return ([Change(c.type.name, c.description, True) for c in find_breaking_changes(old, new)]
            + [Change(c.type.name, c.description, False) for c in find_dangerous_changes(old, new)])


def declared(toml_text: str) -> dict[str, str]:
    """The declared changes: graphql-core's description of each, and why it is made."""
    entries = tomllib.loads(toml_text).get("change", [])
    return {entry["what"]: entry["why"] for entry in entries}


def problems(released_sdl: str, current_sdl: str, declared_changes: dict[str, str]) -> list[str]:
    """Changes made but not declared, and declared changes no longer made (the list must stay true)."""
    found = changes(released_sdl, current_sdl)
    made = {c.what for c in found}
    return ([f"undeclared {'breaking' if c.breaking else 'dangerous'} change {c.kind}: {c.what}"
             for c in found if c.what not in declared_changes]
            + [f"declared but not made: {what}" for what in declared_changes if what not in made])


def main() -> int:
    """`check` (the default) prints each problem and exits 1 when there is any; `release` copies and empties."""
    if sys.argv[1:] == ["release"]:
        RELEASED.write_text(CURRENT.read_text(encoding="utf-8"), encoding="utf-8")
        DECLARED.write_text(EMPTY_LIST, encoding="utf-8")
        print(f"{RELEASED.relative_to(ROOT)} is now the current schema; {DECLARED.relative_to(ROOT)} emptied")
        return 0
    found = problems(RELEASED.read_text(encoding="utf-8"), CURRENT.read_text(encoding="utf-8"),
                     declared(DECLARED.read_text(encoding="utf-8")))
    print(*found, sep="\n")
    print(f"{len(found)} problems against {RELEASED.relative_to(ROOT)}")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
