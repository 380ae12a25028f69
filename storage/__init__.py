"""Persistence: SQLModel tables, the engine and sessions, and query functions.

All datetimes are stored in UTC (see :mod:`storage.models.types`); uniqueness rules live in the schema.
"""
