"""Shared by the fuzz targets: the budget, and byte-level mutation of seed documents.
Imported by name (the conftest puts this folder on sys.path; the name is unique)."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

# `make fuzz` sets DIGEST_FUZZ (a multiplier of every target's examples); the test suite's
# bounded run uses 1.
SCALE = max(1, int(os.environ.get("DIGEST_FUZZ", "1")))


def budget(examples: int) -> settings:
    """Settings for a target that runs `examples` inputs in the suite's bounded run."""
    return settings(max_examples=examples * SCALE, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                           HealthCheck.large_base_example])


class Corpus(list[bytes]):
    """Seed documents, with a short repr (hypothesis prints strategies' arguments)."""

    def __repr__(self) -> str:
        return f"<{len(self)} documents>"


@st.composite
def mutated(draw: st.DrawFn, seeds: Corpus, fragments: list[bytes]) -> bytes:
    """A seed with a few edits: fragments inserted or substituted, ranges deleted,
    duplicated or nested into themselves, random bytes, a truncated tail."""
    doc = bytearray(seeds[draw(st.integers(0, len(seeds) - 1))])
    for _ in range(draw(st.integers(1, 6))):
        op = draw(st.sampled_from(["insert", "insert", "replace", "delete", "duplicate",
                                   "nest", "bytes", "truncate"]))
        at = draw(st.integers(0, len(doc)))
        size = draw(st.integers(0, 64))
        if op == "insert":
            doc[at:at] = draw(st.sampled_from(fragments))
        elif op == "replace":
            doc[at:at + size] = draw(st.sampled_from(fragments))
        elif op == "delete":
            del doc[at:at + size]
        elif op == "duplicate":
            doc[at:at] = doc[at:at + size] * draw(st.integers(2, 40))
        elif op == "nest":  # an opening tag repeated: deep nesting
            doc[at:at] = draw(st.sampled_from(fragments)) * draw(st.integers(2, 400))
        elif op == "bytes":
            doc[at:at] = draw(st.binary(min_size=1, max_size=16))
        else:
            del doc[at:]
    return bytes(doc)
