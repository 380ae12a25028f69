"""Runs every benchmark module (``bench_*.py``) in turn."""

from __future__ import annotations

import importlib
import pkgutil
import sys

import benchmarks


def main() -> int:
    only = sys.argv[1:]
    for info in sorted(pkgutil.iter_modules(benchmarks.__path__), key=lambda i: i.name):
        if not info.name.startswith("bench_") or (only and info.name not in only):
            continue
        print(f"== {info.name}", flush=True)
        importlib.import_module(f"benchmarks.{info.name}").main()
    return 0


if __name__ == "__main__":
    sys.exit(main())
