"""A side's claimed figures ride on the alert's evidence, and no rule reads them.

Case from the dev timeline af_pk_border: Kabul's "Afghan forces killed 58 Pakistani soldiers" is the
killer's count of the enemy's dead. classify keeps it out of the event's magnitude (no toll, series or
update reads it) and on the event as a claimed count; the desk sees it beside the toll it pages on.
"""

from __future__ import annotations

from tests.support.novelty_events import ev, rules

from herald.alerts.novelty import NoveltyDetector
from herald.core.records import ClaimedCount

KABUL = (
    "KABUL - Afghan forces killed 58 Pakistani soldiers and wounded about 30 in overnight operations along "
    "the border, government spokesman Zabihullah Mujahid said on Sunday."
)
BORDER = ("Kurram", "PK", "Khyber Pakhtunkhwa")


def test_a_claimed_count_is_shown_on_the_alert_and_sets_no_high() -> None:
    det = NoveltyDetector({})
    det.observe(ev(0, type="armed_clash", where=BORDER, magnitude={"killed": 12}, severity=4))
    claim = ClaimedCount(metric="killed", value=58, text=KABUL)
    first = ev(
        1,
        day=40,
        type="armed_clash",
        where=BORDER,
        magnitude={"wounded": 30},
        claimed_counts=[claim],
        title="Taliban say 58 Pakistani soldiers killed, 25 posts captured in night of fighting",
    )
    alerts = det.observe(first)
    assert rules(alerts) == ["new_type"]
    assert alerts[0].evidence["claimed"] == [{"metric": "killed", "value": 58.0, "text": KABUL}]
    # The 58 is no toll: a later report of 20 killed is still the country's record over the 12.
    later = ev(2, day=41, type="armed_clash", where=BORDER, magnitude={"killed": 20})
    assert rules(det.observe(later)) == ["record"]
