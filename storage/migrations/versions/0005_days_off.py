"""A bloc's own days off (/holiday), beside Vietnam's public holidays from the holidays library.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30 07:27:51.907822
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('dayoff',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('bloc_id', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('added_by_id', sa.Integer(), nullable=True),
    sa.Column('added_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['added_by_id'], ['officer.id'], ),
    sa.ForeignKeyConstraint(['bloc_id'], ['bloc.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('bloc_id', 'day', name='uq_dayoff_bloc_day')
    )
    with op.batch_alter_table('dayoff', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_dayoff_bloc_id'), ['bloc_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('dayoff', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_dayoff_bloc_id'))

    op.drop_table('dayoff')
