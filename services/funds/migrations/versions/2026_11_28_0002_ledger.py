"""The ledger: batches, allocations, spending, recoveries, transfers; project projection, idempotency, idle
overrides and rectification cases. Money is whole fen in BIGINT with CHECKs that keep every balance exact.

Revision ID: 2026_11_28_0002
Revises: 2026_11_28_0001
Create Date: 2026-11-28
"""
import sqlalchemy as sa
from alembic import op

from services.funds.terms import Money
from services.kit.db import BigId, UTCDateTime

revision = "2026_11_28_0002"
down_revision = "2026_11_28_0001"
branch_labels = None
depends_on = None

SOURCE = sa.String(32)  # SourceLevel, stored as plain strings
IDLE_CLASS = sa.String(32)  # IdleClass


def upgrade() -> None:
    """Apply this revision."""
    op.create_table('feed_cursors',
    sa.Column('feed', sa.String(length=32), nullable=False),
    sa.Column('after', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('feed', name=op.f('pk_feed_cursors'))
    )
    op.create_table('fund_batches',
    sa.Column('id', BigId, autoincrement=True, nullable=False),
    sa.Column('doc_number', sa.String(length=80), nullable=False),
    sa.Column('source_level', SOURCE, nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('county_code', sa.String(length=6), nullable=False),
    sa.Column('amount', Money(), nullable=False),
    sa.Column('allocated', Money(), nullable=False),
    sa.Column('unallocated', Money(), nullable=False),
    sa.Column('received_on', sa.Date(), nullable=False),
    sa.Column('purpose', sa.Text(), nullable=False),
    sa.Column('created_by', sa.String(length=120), nullable=False),
    sa.Column('created_at', UTCDateTime, nullable=False),
    sa.CheckConstraint('allocated >= 0 AND unallocated >= 0', name=op.f('ck_fund_batches_not_negative')),
    sa.CheckConstraint('amount = allocated + unallocated', name=op.f('ck_fund_batches_balanced')),
    sa.CheckConstraint('amount > 0', name=op.f('ck_fund_batches_amount_positive')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_fund_batches')),
    sa.UniqueConstraint('source_level', 'year', 'doc_number', name='uq_fund_batches_doc')
    )
    with op.batch_alter_table('fund_batches', schema=None) as batch_op:
        batch_op.create_index('ix_fund_batches_county_id', ['county_code', 'id'], unique=False)

    op.create_table('idempotency_records',
    sa.Column('id', BigId, autoincrement=True, nullable=False),
    sa.Column('actor', sa.String(length=120), nullable=False),
    sa.Column('key', sa.String(length=200), nullable=False),
    sa.Column('fingerprint', sa.String(length=64), nullable=False),
    sa.Column('status_code', sa.Integer(), nullable=False),
    sa.Column('body', sa.JSON(), nullable=False),
    sa.Column('created_at', UTCDateTime, nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_idempotency_records')),
    sa.UniqueConstraint('actor', 'key', name='uq_idempotency_records_actor_key')
    )
    op.create_table('idle_overrides',
    sa.Column('id', BigId, autoincrement=True, nullable=False),
    sa.Column('item_kind', sa.String(length=16), nullable=False),
    sa.Column('item_id', sa.BigInteger(), nullable=False),
    sa.Column('idle_class', IDLE_CLASS, nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('set_by', sa.String(length=120), nullable=False),
    sa.Column('set_at', UTCDateTime, nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_idle_overrides')),
    sa.UniqueConstraint('item_kind', 'item_id', name='uq_idle_overrides_item')
    )
    op.create_table('project_states',
    sa.Column('project_id', BigId, autoincrement=False, nullable=False),
    sa.Column('status', sa.String(length=32), nullable=False),
    sa.Column('county_code', sa.String(length=6), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=True),
    sa.Column('started_on', sa.Date(), nullable=True),
    sa.Column('updated_at', UTCDateTime, nullable=False),
    sa.PrimaryKeyConstraint('project_id', name=op.f('pk_project_states'))
    )
    op.create_table('rectification_cases',
    sa.Column('id', BigId, autoincrement=True, nullable=False),
    sa.Column('county_code', sa.String(length=6), nullable=False),
    sa.Column('origin', sa.String(length=16), nullable=False),
    sa.Column('batch_id', sa.BigInteger(), nullable=True),
    sa.Column('allocation_id', sa.BigInteger(), nullable=True),
    sa.Column('project_id', sa.BigInteger(), nullable=True),
    sa.Column('idle_class', sa.String(length=32), nullable=True),
    sa.Column('amount', Money(), nullable=False),
    sa.Column('finding', sa.Text(), nullable=True),
    sa.Column('measure', sa.Text(), nullable=False),
    sa.Column('responsible_unit', sa.String(length=120), nullable=False),
    sa.Column('deadline', sa.Date(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('opened_by', sa.String(length=120), nullable=False),
    sa.Column('opened_on', sa.Date(), nullable=False),
    sa.Column('closed_on', sa.Date(), nullable=True),
    sa.Column('close_note', sa.Text(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', UTCDateTime, nullable=False),
    sa.CheckConstraint("origin IN ('idle', 'audit', 'inspection')", name=op.f('ck_rectification_cases_origin')),
    sa.CheckConstraint("status IN ('open', 'rectifying', 'closed')", name=op.f('ck_rectification_cases_status')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_rectification_cases'))
    )
    with op.batch_alter_table('rectification_cases', schema=None) as batch_op:
        batch_op.create_index('ix_rectification_cases_county_id', ['county_code', 'id'], unique=False)
        batch_op.create_index('ix_rectification_cases_status_deadline', ['status', 'deadline'], unique=False)

    op.create_table('allocations',
    sa.Column('id', BigId, autoincrement=True, nullable=False),
    sa.Column('batch_id', BigId, nullable=False),
    sa.Column('project_id', BigId, nullable=False),
    sa.Column('county_code', sa.String(length=6), nullable=False),
    sa.Column('source_level', SOURCE, nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('amount', Money(), nullable=False),
    sa.Column('spent', Money(), nullable=False),
    sa.Column('recovered', Money(), nullable=False),
    sa.Column('balance', Money(), nullable=False),
    sa.Column('allocated_on', sa.Date(), nullable=False),
    sa.Column('last_spent_on', sa.Date(), nullable=True),
    sa.Column('created_by', sa.String(length=120), nullable=False),
    sa.Column('created_at', UTCDateTime, nullable=False),
    sa.CheckConstraint('amount = spent + recovered + balance', name=op.f('ck_allocations_balanced')),
    sa.CheckConstraint('amount > 0', name=op.f('ck_allocations_amount_positive')),
    sa.CheckConstraint('spent >= 0 AND recovered >= 0 AND balance >= 0', name=op.f('ck_allocations_not_negative')),
    sa.ForeignKeyConstraint(['batch_id'], ['fund_batches.id']),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_allocations'))
    )
    with op.batch_alter_table('allocations', schema=None) as batch_op:
        batch_op.create_index('ix_allocations_batch_id', ['batch_id'], unique=False)
        batch_op.create_index('ix_allocations_county_id', ['county_code', 'id'], unique=False)
        batch_op.create_index('ix_allocations_project_id', ['project_id'], unique=False)

    op.create_table('recoveries',
    sa.Column('id', BigId, autoincrement=True, nullable=False),
    sa.Column('allocation_id', BigId, nullable=False),
    sa.Column('batch_id', BigId, nullable=False),
    sa.Column('project_id', BigId, nullable=False),
    sa.Column('county_code', sa.String(length=6), nullable=False),
    sa.Column('amount', Money(), nullable=False),
    sa.Column('reallocated', Money(), nullable=False),
    sa.Column('recovered_on', sa.Date(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('created_by', sa.String(length=120), nullable=False),
    sa.Column('created_at', UTCDateTime, nullable=False),
    sa.CheckConstraint('amount > 0', name=op.f('ck_recoveries_amount_positive')),
    sa.CheckConstraint('reallocated >= 0 AND reallocated <= amount', name=op.f('ck_recoveries_reallocated_within')),
    sa.ForeignKeyConstraint(['allocation_id'], ['allocations.id']),
    sa.ForeignKeyConstraint(['batch_id'], ['fund_batches.id']),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_recoveries'))
    )
    with op.batch_alter_table('recoveries', schema=None) as batch_op:
        batch_op.create_index('ix_recoveries_allocation_id', ['allocation_id'], unique=False)

    op.create_table('spendings',
    sa.Column('id', BigId, autoincrement=True, nullable=False),
    sa.Column('allocation_id', BigId, nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('amount', Money(), nullable=False),
    sa.Column('spent_on', sa.Date(), nullable=False),
    sa.Column('voucher_no', sa.String(length=80), nullable=False),
    sa.Column('payee', sa.String(length=200), nullable=False),
    sa.Column('reverses_id', BigId, nullable=True),
    sa.Column('created_by', sa.String(length=120), nullable=False),
    sa.Column('created_at', UTCDateTime, nullable=False),
    sa.CheckConstraint("kind IN ('spend', 'reversal')", name=op.f('ck_spendings_kind')),
    sa.CheckConstraint('amount > 0', name=op.f('ck_spendings_amount_positive')),
    sa.ForeignKeyConstraint(['allocation_id'], ['allocations.id']),
    sa.ForeignKeyConstraint(['reverses_id'], ['spendings.id']),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_spendings')),
    sa.UniqueConstraint('reverses_id', name='uq_spendings_reverses_id'),
    sa.UniqueConstraint('voucher_no', name='uq_spendings_voucher_no')
    )
    with op.batch_alter_table('spendings', schema=None) as batch_op:
        batch_op.create_index('ix_spendings_allocation_id', ['allocation_id'], unique=False)

    op.create_table('transfers',
    sa.Column('id', BigId, autoincrement=True, nullable=False),
    sa.Column('recovery_id', BigId, nullable=False),
    sa.Column('from_allocation_id', BigId, nullable=False),
    sa.Column('to_allocation_id', BigId, nullable=False),
    sa.Column('from_project_id', BigId, nullable=False),
    sa.Column('to_project_id', BigId, nullable=False),
    sa.Column('county_code', sa.String(length=6), nullable=False),
    sa.Column('amount', Money(), nullable=False),
    sa.Column('transferred_on', sa.Date(), nullable=False),
    sa.Column('created_by', sa.String(length=120), nullable=False),
    sa.Column('created_at', UTCDateTime, nullable=False),
    sa.CheckConstraint('amount > 0', name=op.f('ck_transfers_amount_positive')),
    sa.ForeignKeyConstraint(['from_allocation_id'], ['allocations.id']),
    sa.ForeignKeyConstraint(['recovery_id'], ['recoveries.id']),
    sa.ForeignKeyConstraint(['to_allocation_id'], ['allocations.id']),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_transfers'))
    )
    with op.batch_alter_table('transfers', schema=None) as batch_op:
        batch_op.create_index('ix_transfers_recovery_id', ['recovery_id'], unique=False)

    op.create_table('announcements',
    sa.Column('id', BigId, autoincrement=True, nullable=False),
    sa.Column('batch_id', sa.BigInteger(), nullable=False),
    sa.Column('county_code', sa.String(length=6), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('starts_on', sa.Date(), nullable=False),
    sa.Column('ends_on', sa.Date(), nullable=False),
    sa.Column('allocations', sa.JSON(), nullable=False),
    sa.Column('published_by', sa.String(length=120), nullable=False),
    sa.Column('created_at', UTCDateTime, nullable=False),
    sa.CheckConstraint('ends_on >= starts_on', name=op.f('ck_announcements_window')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_announcements'))
    )
    op.create_index('ix_announcements_county_id', 'announcements', ['county_code', 'id'])
    op.create_table('evaluations',
    sa.Column('id', BigId, autoincrement=True, nullable=False),
    sa.Column('county_code', sa.String(length=6), nullable=False),
    sa.Column('batch_id', sa.BigInteger(), nullable=True),
    sa.Column('project_id', sa.BigInteger(), nullable=True),
    sa.Column('indicators', sa.JSON(), nullable=False),
    sa.Column('score', sa.Numeric(5, 2), nullable=False),
    sa.Column('conclusion', sa.Text(), nullable=False),
    sa.Column('evaluator', sa.String(length=120), nullable=False),
    sa.Column('evaluated_on', sa.Date(), nullable=False),
    sa.Column('created_by', sa.String(length=120), nullable=False),
    sa.Column('created_at', UTCDateTime, nullable=False),
    sa.CheckConstraint('score >= 0 AND score <= 100', name=op.f('ck_evaluations_score_range')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_evaluations'))
    )
    op.create_index('ix_evaluations_county_id', 'evaluations', ['county_code', 'id'])


def downgrade() -> None:
    """Revert this revision."""
    op.drop_table('evaluations')
    op.drop_table('announcements')
    op.drop_table('transfers')
    op.drop_table('spendings')
    op.drop_table('recoveries')
    op.drop_table('allocations')
    op.drop_table('rectification_cases')
    op.drop_table('project_states')
    op.drop_table('idle_overrides')
    op.drop_table('idempotency_records')
    op.drop_table('fund_batches')
    op.drop_table('feed_cursors')
