"""Query functions: each takes a session; no business rules here, only reads."""
