"""``make bench``: the national-scale benchmark (``--full`` for the long runs)."""

from __future__ import annotations

import sys

from benchmarks.bench_national import main

if __name__ == "__main__":
    sys.exit(main())
