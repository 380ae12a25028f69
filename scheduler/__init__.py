"""Reminder scheduling (nhắc việc): APScheduler wiring and the reminder planner."""
