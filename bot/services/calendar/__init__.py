"""Conferences (hội nghị) and document deadlines (hạn nộp): submissions, attendance, reminders, exports."""
