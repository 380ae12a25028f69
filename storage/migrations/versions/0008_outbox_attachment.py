"""An outbox message may carry a picture rendered when it is sent (a vote's result chart).

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-30 08:45:52.538415
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('outboxmessage', schema=None) as batch_op:
        batch_op.add_column(sa.Column('attachment', sa.String(length=40), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('outboxmessage', schema=None) as batch_op:
        batch_op.drop_column('attachment')

