"""People: platform accounts, join requests and officers of units, one-time invitation codes."""
