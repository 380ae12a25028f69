"""A bloc's place name (địa danh) for the date line of its official documents.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-30 08:41:29.338536
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('bloc', schema=None) as batch_op:
        batch_op.add_column(sa.Column('place', sa.String(length=100), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('bloc', schema=None) as batch_op:
        batch_op.drop_column('place')

