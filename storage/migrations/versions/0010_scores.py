"""The score table of a year, the units' score sheets (self-scored and checked), who checks whom, and the settled ranking.

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-30 09:21:04.563011
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('scorefinal',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('bloc_id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('results', sa.Text(), nullable=False),
    sa.Column('overrides', sa.Text(), nullable=False),
    sa.Column('settled_by_id', sa.Integer(), nullable=True),
    sa.Column('settled_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['bloc_id'], ['bloc.id'], ),
    sa.ForeignKeyConstraint(['settled_by_id'], ['officer.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('scorefinal', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_scorefinal_bloc_id'), ['bloc_id'], unique=False)

    op.create_table('scoretable',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('bloc_id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('criteria', sa.Text(), nullable=False),
    sa.Column('file_id', sa.Integer(), nullable=True),
    sa.Column('adopted_by_id', sa.Integer(), nullable=True),
    sa.Column('adopted_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['adopted_by_id'], ['officer.id'], ),
    sa.ForeignKeyConstraint(['bloc_id'], ['bloc.id'], ),
    sa.ForeignKeyConstraint(['file_id'], ['storedfile.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('scoretable', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_scoretable_bloc_id'), ['bloc_id'], unique=False)

    op.create_table('scorecheck',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('bloc_id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('checker_unit_id', sa.Integer(), nullable=False),
    sa.Column('target_unit_id', sa.Integer(), nullable=False),
    sa.Column('assigned_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['bloc_id'], ['bloc.id'], ),
    sa.ForeignKeyConstraint(['checker_unit_id'], ['unit.id'], ),
    sa.ForeignKeyConstraint(['target_unit_id'], ['unit.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('bloc_id', 'year', 'checker_unit_id', name='uq_scorecheck_checker')
    )
    with op.batch_alter_table('scorecheck', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_scorecheck_bloc_id'), ['bloc_id'], unique=False)

    op.create_table('scoresheet',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('bloc_id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('checker_unit_id', sa.Integer(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('scores', sa.Text(), nullable=False),
    sa.Column('total', sa.String(length=20), nullable=False),
    sa.Column('file_id', sa.Integer(), nullable=True),
    sa.Column('officer_id', sa.Integer(), nullable=True),
    sa.Column('submitted_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['bloc_id'], ['bloc.id'], ),
    sa.ForeignKeyConstraint(['checker_unit_id'], ['unit.id'], ),
    sa.ForeignKeyConstraint(['file_id'], ['storedfile.id'], ),
    sa.ForeignKeyConstraint(['officer_id'], ['officer.id'], ),
    sa.ForeignKeyConstraint(['unit_id'], ['unit.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('bloc_id', 'year', 'unit_id', 'checker_unit_id', 'version', name='uq_scoresheet_version')
    )
    with op.batch_alter_table('scoresheet', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_scoresheet_bloc_id'), ['bloc_id'], unique=False)
        batch_op.create_index('ux_scoresheet_self_version', ['bloc_id', 'year', 'unit_id', 'version'], unique=True, sqlite_where=sa.text('checker_unit_id IS NULL'), postgresql_where=sa.text('checker_unit_id IS NULL'))


def downgrade() -> None:
    with op.batch_alter_table('scoresheet', schema=None) as batch_op:
        batch_op.drop_index('ux_scoresheet_self_version', sqlite_where=sa.text('checker_unit_id IS NULL'), postgresql_where=sa.text('checker_unit_id IS NULL'))
        batch_op.drop_index(batch_op.f('ix_scoresheet_bloc_id'))

    op.drop_table('scoresheet')
    with op.batch_alter_table('scorecheck', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_scorecheck_bloc_id'))

    op.drop_table('scorecheck')
    with op.batch_alter_table('scoretable', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_scoretable_bloc_id'))

    op.drop_table('scoretable')
    with op.batch_alter_table('scorefinal', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_scorefinal_bloc_id'))

    op.drop_table('scorefinal')
