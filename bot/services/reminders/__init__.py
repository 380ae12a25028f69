"""Reminders (nhắc việc): the pure planner and offsets, the slots in the database, what a feature supplies, and each bloc's plans."""
