"""The vote rule diem: the minimum settled score to be on an award's ballot.

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-30 09:23:35.700425
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('voterules', schema=None) as batch_op:
        batch_op.add_column(sa.Column('min_score', sa.String(length=20), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('voterules', schema=None) as batch_op:
        batch_op.drop_column('min_score')

