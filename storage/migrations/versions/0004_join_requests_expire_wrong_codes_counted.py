"""Join requests expire after seven days (an index on the pending ones by age); wrong /join codes are
counted per person and per bloc (codeguess) to limit guessing.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30 07:20:56.816775
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('codeguess',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('platform', sa.String(length=20), nullable=False),
    sa.Column('platform_user_id', sa.String(length=64), nullable=False),
    sa.Column('bloc_id', sa.Integer(), nullable=True),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('codeguess', schema=None) as batch_op:
        batch_op.create_index('ix_codeguess_bloc', ['bloc_id', 'at'], unique=False)
        batch_op.create_index('ix_codeguess_person', ['platform', 'platform_user_id', 'at'], unique=False)

    with op.batch_alter_table('joinrequest', schema=None) as batch_op:
        batch_op.create_index('ix_joinrequest_pending_age', ['created_at'], unique=False, sqlite_where=sa.text("status = 'pending'"), postgresql_where=sa.text("status = 'pending'"))



def downgrade() -> None:
    with op.batch_alter_table('joinrequest', schema=None) as batch_op:
        batch_op.drop_index('ix_joinrequest_pending_age', sqlite_where=sa.text("status = 'pending'"), postgresql_where=sa.text("status = 'pending'"))

    with op.batch_alter_table('codeguess', schema=None) as batch_op:
        batch_op.drop_index('ix_codeguess_person')
        batch_op.drop_index('ix_codeguess_bloc')

    op.drop_table('codeguess')
