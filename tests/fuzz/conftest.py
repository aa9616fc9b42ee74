"""Fuzz targets (issue 12): hypothesis property tests over hostile and mutated inputs.

A bounded run is part of every test run (about a minute across the targets); `make fuzz`
runs the same targets DIGEST_FUZZ times longer. Every crash an input found is kept as an
explicit regression test beside the code's other tests (and as an @example here)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
