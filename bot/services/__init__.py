"""Bloc services: rules and writes. Each function takes a session and the current time.

Services validate before they write and raise :class:`bot.errors.UserError` for anything a person
must correct; every change writes an audit row in the same transaction.
"""
