"""Title registration (đăng ký danh hiệu thi đua): a version per registration; the vote rule dangky.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-30 09:12:09.911055
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('registration',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('bloc_id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('titles', sa.Text(), nullable=False),
    sa.Column('officer_id', sa.Integer(), nullable=True),
    sa.Column('registered_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['bloc_id'], ['bloc.id'], ),
    sa.ForeignKeyConstraint(['item_id'], ['calendaritem.id'], ),
    sa.ForeignKeyConstraint(['officer_id'], ['officer.id'], ),
    sa.ForeignKeyConstraint(['unit_id'], ['unit.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('item_id', 'unit_id', 'version', name='uq_registration_item_unit_version')
    )
    with op.batch_alter_table('registration', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_registration_bloc_id'), ['bloc_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_registration_item_id'), ['item_id'], unique=False)

    with op.batch_alter_table('voterules', schema=None) as batch_op:
        batch_op.add_column(sa.Column('registration', sa.Boolean(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('voterules', schema=None) as batch_op:
        batch_op.drop_column('registration')

    with op.batch_alter_table('registration', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_registration_item_id'))
        batch_op.drop_index(batch_op.f('ix_registration_bloc_id'))

    op.drop_table('registration')
