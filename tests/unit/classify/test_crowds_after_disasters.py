"""A crowd after a disaster is not a protest (vanuatu_quake): people gathered outside a hospital, a
morgue or the rubble wait for news of the injured and the dead. Read as a protest, the report of a
quake's injured paged as the world's first protest in a month beside the quake's own first."""

from __future__ import annotations

from tests.support.classify_articles import build_article

from herald.classify.rules import classify


def _types(title: str, body: str) -> set[str]:
    return {e.type for e in classify(build_article(title, body), veto=False)}


def test_a_crowd_outside_the_hospital_after_a_quake_is_no_protest() -> None:
    found = _types(
        "Tsunami warning cancelled as injured crowd the capital's hospital",
        "The tsunami alert raised after the magnitude 7.1 earthquake near the capital was called off. Crowds "
        "gathered outside the main hospital as casualties arrived; one death has been confirmed by police.",
    )
    assert "protest" not in found


def test_a_crowd_outside_the_ministry_is_still_a_protest() -> None:
    found = _types(
        "Hundreds rally over the quake response",
        "Hundreds of angry residents gathered outside the ministry to demand faster aid for the quake's "
        "homeless, police said.",
    )
    assert "protest" in found
