"""Read: what a sentence says, read without a parser — its names, figures, facts, acts, what
it leans on, whether it is whole. The shared readers of a sentence: the writers (write/), the
copy editor (proof/), the headline (headline/) and the grouping (group/) ask the same modules,
so no two rooms read one sentence two ways. They read words only (lexicon/, settings.py), never
a room above them.

Which module to open: the names in a text, entities.py, and which of them are one entity,
aliases.py; a lead-in in capitals cased as prose, casing.py; a sentence's figures and when one
is another told again, figures.py; what a sentence states and whether it says it again,
facts.py; what it tells happened (`Event`), event.py, and the same thing told again in other
words, events.py; a lead's subject and main verb, acts.py; what makes a sentence lean on one
not printed, leaning.py (what it names that its article introduced before, references.py);
whether a source's sentence is whole, whole.py (an excerpt its publisher cut, ended where it
is whole, mend.py).
"""
