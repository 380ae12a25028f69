"""Benchmarks at national scale; run with ``make bench`` (figures are printed, never asserted)."""
