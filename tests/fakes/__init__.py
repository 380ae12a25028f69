"""Fakes of the chat platforms, used by the tests and the benchmarks."""
