"""A first claimed for a region, not its country (issue 16, haiti_cholera): "Florida reports its first
cholera case linked to Haiti's outbreak" (severity 3) paged as a claimed first, though the claim is the
state's, in a country that sees imported cases every year. A region first below
HERALD_NOVELTY_MIN_SEVERITY is no news, claimed or not; a country's claimed first still pages."""

from __future__ import annotations

from tests.support.novelty_events import ev, held, rules

from herald.alerts.novelty import NoveltyDetector
from herald.core.records import Claim

OUTBREAK = dict(type="disease_outbreak", severity=3)


def _claimed(n: int, title: str, where: tuple[str, str, str], sentence: str | None = None) -> list[str]:
    det = NoveltyDetector({})
    text = sentence or title
    outcome = det.assess(
        ev(
            n,
            where=where,
            title=title,
            sentences=[title, text],
            claims=[Claim(kind="first", text=text)],
            **OUTBREAK,
        )
    )
    return rules(outcome.alerts) + [f"held:{r}" for _, r in held(outcome)]


def test_a_first_claimed_for_a_state_is_a_region_first_and_stays_quiet() -> None:
    said = _claimed(
        1,
        "Florida reports its first cholera case linked to Haiti's outbreak",
        ("Florida", "US", "Florida"),
    )
    assert "new_type" not in said
    assert "held:region_claim" in said


def test_the_state_s_first_in_the_report_s_words_is_the_region_s_too() -> None:
    said = _claimed(
        2,
        "Cholera case confirmed in Collier County",
        ("Collier County", "US", "Florida"),
        "A woman who visited Haiti has cholera, the state's first case tied to the epidemic.",
    )
    assert "new_type" not in said


def test_a_country_s_claimed_first_placed_in_a_region_still_pages() -> None:
    said = _claimed(
        3,
        "Lebanon records its first cholera case since 1993, in Akkar",
        ("Akkar", "LB", "Akkar"),
    )
    assert "new_type" in said
