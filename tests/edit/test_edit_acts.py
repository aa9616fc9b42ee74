"""edit/acts: a lead's subject and main verb."""

from __future__ import annotations

from digest.edit.acts import act, family


def test_a_verb_in_any_form_is_its_family_and_a_noun_is_none() -> None:
    forms = {"resigning": "resign", "testified": "testify", "sued": "sue", "suing": "sue",
             "tapped": "nominate", "met": "meet", "denied": "reject", "voted": "pass",
             "fired.": "fire", "quitting": "resign"}
    assert {w: family(w) for w in forms} == forms
    # a noun of the act is no verb: "The second impeachment of …", "Her endorsement …"
    assert family("impeachment") == family("endorsement") == ""
    assert act("The council's second impeachment of the mayor could set off a fight.").verb == ""


def test_the_verb_ends_the_sentence() -> None:
    # "Harbour master Tomas Reyes, who ran the port for a decade, has been fired."
    lead = act("Harbour master Tomas Reyes, who ran the port for a decade, has been fired.")
    assert lead.verb == "fire"
    assert lead.subject == ("Harbour", "master", "Tomas", "Reyes")
