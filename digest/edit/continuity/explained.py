"""What earlier issues explained: the Explainer is not given on the same entity twice in a row.

`remember_explainer` (on publish, by the pipeline, in the same store step as the stories) is
what the store keeps of an issue's Explainer: the name it printed and its other names (full
name, acronym, Chinese name; a person's surname). `Explained` (before the Explainer is chosen)
holds the Explainers of the newest `explainer_memory` published issues (the config; 0: none)
and says which of them explained an entity already: one name in common is enough ("AOMA" is
"Asia Open Model Alliance (AOMA)"), case and typographic apostrophes folded (`lexicon.fold_name`: "Xi’an" is
"xi'an"). The issue's own key never counts, so rebuilding an issue explains what it explained.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from digest.edit.lexicon import fold_name
from digest.models import ExplainerMemory, Issue


def forms_of(memory: ExplainerMemory) -> set[str]:
    """Every name the remembered Explainer went by, folded; "Name (ACR)" counts as both."""
    names = {memory.entity, *memory.aliases}
    m = re.fullmatch(r"(.+?)\s*[(（]([^)）]+)[)）]", memory.entity)
    if m:
        names |= {m.group(1), m.group(2)}
    return {fold_name(n) for n in names if n.strip()}


def remember_explainer(issue: Issue) -> ExplainerMemory | None:
    """What to keep of `issue`'s Explainer (None: it printed none)."""
    if issue.explainer is None:
        return None
    return ExplainerMemory(issue=issue.key, entity=issue.explainer.entity,
                           aliases=issue.explainer.aliases)


@dataclass(frozen=True)
class Explained:
    """The Explainers of earlier published issues, newest first (Store.explainer_memory)."""

    memory: tuple[ExplainerMemory, ...] = ()
    # each folded name -> the newest remembered Explainer going by it (its place in `memory`)
    by_form: dict[str, int] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def of(cls, memory: Sequence[ExplainerMemory], issue: str) -> Explained:
        """`memory` without the issue `issue` itself (a rebuild is no repeat of itself)."""
        kept = tuple(m for m in memory if m.issue != issue)
        by_form: dict[str, int] = {}
        for i, m in enumerate(kept):
            for f in forms_of(m):
                by_form.setdefault(f, i)
        return cls(kept, by_form)

    def before(self, names: Iterable[str]) -> ExplainerMemory | None:
        """The newest earlier issue that explained an entity going by one of `names`."""
        found = [self.by_form[f] for f in (fold_name(n) for n in names) if f in self.by_form]
        return self.memory[min(found)] if found else None


NOTHING_EXPLAINED = Explained()


def skipped_note(skipped: Sequence[tuple[str, ExplainerMemory]]) -> str:
    """The operator's line on the entities passed over: "X was explained in 2026-W46"."""
    said = "; ".join(f"{name} was explained in {m.issue}" for name, m in skipped)
    return f"Not explained again: {said}."
