"""How wire copy words buried bombs: a roadside bomb, a landmine or an IED that went off is the
remote-explosive type (infrastructure_attack, ACLED's "Remote explosive/landmine/IED") whoever it hit,
and a device found or defused sets off nothing. Each sentence is in the shape of a dev_news25 report
the rules read as an attack on civilians, or missed, before these cues existed."""

from __future__ import annotations

from tests.support.classify_articles import build_article

from herald.classify import phrasing
from herald.classify.cues import Cue
from herald.classify.rules import classify


def _types(title: str, body: str) -> set[str]:
    return {e.type for e in classify(build_article(title, body))}


def _cue(code: str, name: str) -> Cue:
    return next(c for c in phrasing.cues()[code] if c.name == name)


def test_a_roadside_bomb_killing_soldiers_is_a_remote_explosive_not_an_attack_on_civilians() -> None:
    found = _types(
        "Roadside bomb kills three soldiers in Kunar",
        "A roadside bomb killed three soldiers travelling in a convoy in the eastern province of Kunar, "
        "the military said.",
    )
    assert "infrastructure_attack" in found
    assert "attack_on_civilians" not in found


def test_a_convoy_that_struck_an_ied_is_a_remote_explosive() -> None:
    found = _types(
        "Roadside bomb kills two soldiers in Helmand",
        "Two soldiers died on Friday when their convoy struck a roadside bomb in Helmand province, "
        "officials said.",
    )
    assert found == {"infrastructure_attack"}


def test_the_landmine_cue_needs_a_blast_or_its_toll() -> None:
    cue = _cue("infrastructure_attack", "roadside bomb or landmine went off")
    assert cue.pattern.search("their vehicle ran over a landmine")
    assert cue.pattern.search("a bomb buried under a road")
    assert cue.context is not None
    assert cue.context.search("their vehicle ran over a landmine, killing two")
    assert not cue.context.search("Troops defused 15 landmines and roadside bombs")


def test_gunmen_who_opened_fire_after_a_landmine_are_a_second_act() -> None:
    found = _types(
        "Gunmen ambush mine workers' convoy",
        "The gunmen opened fire on the workers after an escort vehicle hit a landmine, a survivor said.",
    )
    assert {"infrastructure_attack", "attack_on_civilians"} <= found


def test_a_suspect_handed_to_us_marshals_is_an_arrest() -> None:
    found = _types(
        "Peru extradites two drug suspects",
        "Peru handed two suspected cocaine traffickers, both 41, to US marshals in Lima on Friday, "
        "and they were flown to Houston to face trial.",
    )
    assert "arrest" in found


def test_a_bare_extradition_headline_is_no_court_case_but_one_to_face_charges_is() -> None:
    handover = _types(
        "Three drug suspects extradited to the United States",
        "Marshals took the three men, aged 30 to 52, into custody in Caracas on Monday and flew them "
        "to Miami, the US Marshals Service said.",
    )
    assert "arrest" in handover
    case = _types(
        "Hacking suspect extradited from Spain to face US charges",
        "Prosecutors say the group attacked more than 500 companies' networks, extorting millions.",
    )
    assert case == set()
