"""Schema migrations (Alembic): ``storage/migrations/versions`` holds one revision per schema change."""
