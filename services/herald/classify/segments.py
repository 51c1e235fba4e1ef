"""The units the classifier reads: the enrichment's sentences, split again at paragraph breaks (and
after a clock time's "a.m." or "p.m." that ends a sentence).

The enrichment's sentence splitter often runs a headline without a full stop into the first body
sentence ("Sudan: RSF shells camp, clashes in Kordofan, cholera spreads\\n\\nThe RSF shelled ...").
A headline listing three events must not lend its words, places or numbers to the body sentence it
was glued to, so every sentence is cut at blank lines. Segments keep absolute character offsets into
``Article.text()``, the coordinate system of the enrichment's entities.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from herald.core.records import EnrichedArticle, Entity

_PARAGRAPH = re.compile(r"\n\s*\n")
# The splitter takes "a.m." for an abbreviation inside a sentence, so "... near the temple at 8:20 a.m.
# Two BM-21 rockets launched from Cambodia hit ..." runs two sentences (and their events' counts) into
# one. A capitalised word after it opens the next sentence, unless it names the day, the month or the
# time zone ("at 3 p.m. Tuesday", "8 a.m. GMT").
_CLOCK_END = re.compile(
    r"(?<=\b[ap]\.m\.)\s+(?=(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|"
    r"March|April|May|June|July|August|September|October|November|December|Local)\b)[A-Z][a-z])"
)
# ", the defence ministry in Moscow said." / "According to officials in Kyiv, ..." / "..., according to X."
_ATTRIBUTION = re.compile(
    r",\s*[^,]{0,80}?\b(?:said|says|reported|told reporters|announced|added|wrote|stated|claimed)\b"
    r"(?:\s+(?:on|late on|early on|in|at|last|this|today|yesterday|via)\b[^,.;]{0,30})?[\s.!?\"”']*$"
    r"|^\s*according to [^,]{0,80},"
    r"|\baccording to [^,]{0,80}$",
    re.I,
)


@lru_cache(maxsize=4096)
def attribution_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Character spans of a segment that only say who reported it: never an event, place or actor.

    Cached because the cues, the place finder and the actor finder all ask about the same segment.
    """
    return tuple(m.span() for m in _ATTRIBUTION.finditer(text))


# A mid-sentence attribution: "... struck central Myanmar on Friday, the junta said late on Saturday, with
# more than 3,400 injured". Its words are no event ("junta"), but its place names still say where the
# reporter is, so only the cues skip it.
_MID_ATTRIBUTION = re.compile(
    r",\s*[^,]{0,80}?\b(?:said|says|reported|told reporters|announced|stated|claimed)\b"
    r"(?:\s+(?:on|late on|early on|in|at|last|this|today|yesterday|via)\b[^,.;]{0,30})?"
    r"(?=,\s*(?:with|as|while|and|but|adding)\b)",
    re.I,
)


@lru_cache(maxsize=4096)
def reporting_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Attribution spans for the cues: the end-of-sentence ones and those in mid-sentence."""
    return attribution_spans(text) + tuple(m.span() for m in _MID_ATTRIBUTION.finditer(text))


def in_spans(start: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(a <= start < b for a, b in spans)


@dataclass(frozen=True)
class Segment:
    index: int  # position among the article's segments
    sentence: int  # the enrichment sentence it belongs to
    start: int  # absolute offsets into Article.text()
    end: int
    text: str
    headline: bool  # the article's title (alone or at the head of the first sentence)

    def contains(self, entity: Entity) -> bool:
        return entity.sentence == self.sentence and self.start <= entity.start < self.end


def split(article: EnrichedArticle) -> list[Segment]:
    text = article.text()
    bounds = [(s.start, s.end) for s in article.sentences] or [(0, len(text))]
    title = article.title.strip()
    out: list[Segment] = []
    for i, (start, end) in enumerate(bounds):
        sentence = text[start:end]
        cut = 0
        pieces = []
        breaks = [*_PARAGRAPH.finditer(sentence), *_CLOCK_END.finditer(sentence)]
        for m in sorted(breaks, key=lambda m: m.start()):
            pieces.append((cut, m.start()))
            cut = m.end()
        pieces.append((cut, len(sentence)))
        for a, b in pieces:
            piece = sentence[a:b]
            if not piece.strip():
                continue
            headline = not out and bool(title) and piece.strip() == title
            out.append(Segment(len(out), i, start + a, start + b, piece, headline))
    return out


ATTRIBUTIONS_KEPT = 8  # bounds the clauses an event carries


def attributions(segs: Sequence[Segment]) -> list[str]:
    """The report's attribution clauses, in order, once each: who speaks for it (", the civil defence
    said on Sunday", "according to the health ministry"). Novelty tells a body updating its own count
    from another outlet's figure by them, and the event's own sentences often leave them out."""
    found: list[str] = []
    for seg in segs:
        for start, end in reporting_spans(seg.text):
            clause = " ".join(seg.text[start:end].strip(" ,.;:\"'”").split())[:160]
            if clause and clause not in found:
                found.append(clause)
    return found[:ATTRIBUTIONS_KEPT]
