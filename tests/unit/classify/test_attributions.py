"""An event carries the report's attribution clauses (issue 16, round 25): novelty tells a body updating
its own count from another outlet's figure by who speaks, and the sentence naming the speaker is often
not one of the event's own ("A 25th victim has been confirmed, the medical examiner said, as crews braced
for another round of strong Santa Ana winds", under "Death toll from Palisades and Eaton fires rises to
25")."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from tests.support.classify_articles import as_article

from herald.classify.rules import classify
from herald.core.records import Article, EnrichedArticle

Enrich = Callable[[Sequence[Article]], list[EnrichedArticle]]


def test_the_speaker_of_a_sentence_without_a_cue_reaches_the_event(enrich: Enrich) -> None:
    article = as_article(
        "attrib-1",
        "Death toll from Palisades and Eaton fires rises to 25",
        "A 25th victim has been confirmed, the medical examiner said, as crews braced for another round "
        "of strong Santa Ana winds.",
    )
    [enriched] = enrich([article])
    [event] = [e for e in classify(enriched) if e.magnitude.get("killed") == 25]
    assert any("medical examiner said" in clause for clause in event.attributions)
