"""Pledge signing (ký giao ước thi đua)."""
