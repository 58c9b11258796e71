"""What the work queue counts idle allocations from without reading every allocation: how many allocations hold a
balance in each county (`allocations_with_balance`, kept by triggers on `allocations` in the same transaction as
every write, filled here from the allocations there are), and an index on when each balance last moved (its last
spending, else its allocation day), which finds the few not yet quiet.

Revision ID: 2026_11_30_0003
Revises: 2026_11_30_0002
Create Date: 2026-11-30
"""
import sqlalchemy as sa
from alembic import op

revision = "2026_11_30_0003"
down_revision = "2026_11_30_0002"
branch_labels = None
depends_on = None

WITH_BALANCE = sa.text("balance > 0")
TABLE = "allocations_with_balance"
_UPSERT = f"""INSERT INTO {TABLE} AS t (county_code, items)
  SELECT county_code, sum(delta) FROM ({{rows}}) changed
  GROUP BY county_code HAVING sum(delta) <> 0 ORDER BY county_code
  ON CONFLICT (county_code) DO UPDATE SET items = t.items + EXCLUDED.items;"""
_ADDED = "SELECT county_code, 1 AS delta FROM new_rows WHERE balance > 0"
_REMOVED = "SELECT county_code, -1 AS delta FROM old_rows WHERE balance > 0"
# PostgreSQL: a statement-level trigger per event reads the rows it changed as transition tables and upserts each
# county whose number changes once, in county order (concurrent writers lock the rows in one order); a spending
# that leaves a balance above zero changes no number and locks nothing.
_PG_FUNCTION = f"""CREATE FUNCTION {TABLE}_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    {_UPSERT.format(rows=_ADDED)}
  ELSIF TG_OP = 'DELETE' THEN
    {_UPSERT.format(rows=_REMOVED)}
  ELSE
    {_UPSERT.format(rows=f"{_ADDED} UNION ALL {_REMOVED}")}
  END IF;
  RETURN NULL;
END $$"""
_PG_TRANSITIONS = {"INSERT": "NEW TABLE AS new_rows", "UPDATE": "OLD TABLE AS old_rows NEW TABLE AS new_rows",
                   "DELETE": "OLD TABLE AS old_rows"}
_SQLITE_ROW = {"NEW": "SELECT NEW.county_code, 1 WHERE NEW.balance > 0",
               "OLD": "SELECT OLD.county_code, -1 WHERE OLD.balance > 0"}
_SQLITE_ROWS = {"INSERT": ("NEW",), "UPDATE": ("OLD", "NEW"), "DELETE": ("OLD",)}


def _sqlite_trigger(event: str) -> str:
    body = " ".join(f"INSERT INTO {TABLE} (county_code, items) {_SQLITE_ROW[row]} ON CONFLICT (county_code) DO "
                    "UPDATE SET items = items + excluded.items;" for row in _SQLITE_ROWS[event])
    return f"CREATE TRIGGER {TABLE}_{event.lower()} AFTER {event} ON allocations BEGIN {body} END"


def upgrade() -> None:
    """Apply this revision."""
    op.create_index("ix_allocations_balance_since", "allocations", [sa.text("coalesce(last_spent_on, allocated_on)")],
                    postgresql_where=WITH_BALANCE, sqlite_where=WITH_BALANCE)
    op.create_table(TABLE, sa.Column("county_code", sa.String(6), primary_key=True),
                    sa.Column("items", sa.BigInteger, nullable=False))
    op.execute(f"INSERT INTO {TABLE} (county_code, items) SELECT county_code, count(*) FROM allocations "
               "WHERE balance > 0 GROUP BY county_code")
    if op.get_bind().dialect.name == "postgresql":
        op.execute(_PG_FUNCTION)
        for event, transitions in _PG_TRANSITIONS.items():
            op.execute(f"CREATE TRIGGER {TABLE}_{event.lower()} AFTER {event} ON allocations REFERENCING "
                       f"{transitions} FOR EACH STATEMENT EXECUTE FUNCTION {TABLE}_sync()")
    else:
        for event in _SQLITE_ROWS:
            op.execute(_sqlite_trigger(event))


def downgrade() -> None:
    """Revert this revision."""
    for event in _SQLITE_ROWS:
        op.execute(f"DROP TRIGGER IF EXISTS {TABLE}_{event.lower()}" +
                   (" ON allocations" if op.get_bind().dialect.name == "postgresql" else ""))
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"DROP FUNCTION IF EXISTS {TABLE}_sync()")
    op.drop_table(TABLE)
    op.drop_index("ix_allocations_balance_since", "allocations")
