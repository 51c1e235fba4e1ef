"""A suicide blast at a mosque is an attack on civilians, in the first report and in the toll's rise.

The case is the dev timeline peshawar_mosque_bombing: "Suicide blast tears through mosque in Peshawar's
Police Lines, killing at least 28 ... A bomber blew himself up among worshippers" was read as an industrial
accident (its roof caved in), and "Peshawar mosque blast: death toll jumps to 59 ... died in the bombing at
the Police Lines mosque" as no event at all, so the bombing's first and update never went out.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from tests.support.classify_articles import read_events

from herald.core.records import Article, EnrichedArticle

Enrich = Callable[[Sequence[Article]], list[EnrichedArticle]]


def test_a_suicide_blast_among_worshippers_is_an_attack_with_its_toll(enrich: Enrich) -> None:
    found = read_events(
        enrich,
        "Suicide blast tears through mosque in Peshawar's Police Lines, killing at least 28",
        "A bomber blew himself up among worshippers at the mosque inside Peshawar's heavily guarded Police "
        "Lines compound during afternoon prayers on Monday, killing at least 28 people and wounding more "
        "than 150, officials said. Part of the roof caved in.",
    )
    attack = found["attack_on_civilians"]
    assert attack.magnitude.get("killed") == 28 and attack.severity >= 4


def test_the_bombing_at_the_mosque_carries_its_risen_toll(enrich: Enrich) -> None:
    found = read_events(
        enrich,
        "Peshawar mosque blast: death toll jumps to 59 as bodies are pulled from the rubble",
        "At least 59 people, most of them policemen, have now died in the bombing at the Police Lines "
        "mosque, with 157 injured, officials said on Monday evening.",
    )
    assert found["attack_on_civilians"].magnitude.get("killed") == 59
