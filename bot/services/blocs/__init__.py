"""Blocs, their member units, the yearly head and deputy roles, and who may do what (standing)."""
