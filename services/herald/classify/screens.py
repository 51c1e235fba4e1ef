"""Word gates for a named list of expressions asked of every sentence (salience's frames, background
sentences and asides): which entries can match a text at all, found with one set intersection.

An entry is gated when every top-level alternative of its source starts at a word boundary and
needs a word or word start of plain letters and digits (``cues.word_gates`` reads them). Such an
entry cannot match a text whose ``cues.word_starts`` lack all of its keys, so asking only the
entries in play, in the list's order, gives the same first match as asking every entry: an entry
is skipped only when its expression could not have matched. Entries with no certain word (a
leading lookahead, ``^\\W*``) are always asked, first through one alternation of them all.

Where that reasoning does not hold the gate is not used: an ``&`` glued to a word hides the word
start from ``word_starts``, and four non-ASCII letters match ASCII ones case-insensitively (dotted
and dotless i, long s, the Kelvin sign).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

from .cues import split_alternatives, word_gates, word_starts

_KEY = re.compile(r"[a-z0-9]{2,} ?")
_UNSAFE = re.compile("[&\u0130\u0131\u017f\u212a]")


def gate(source: str) -> frozenset[str] | None:
    """The word keys one of which any match of ``source`` contains; None when nothing is certain."""
    keys: list[str] = []
    for alternative in split_alternatives(source):
        if not alternative.startswith("\\b"):
            return None
        gates = word_gates(alternative, "\\b")  # "\b" as what follows: no end is a whole word
        if not gates or not all(_KEY.fullmatch(g) for g in gates):
            return None
        keys.extend(gates)
    return frozenset(keys)


def _anchored(pattern: re.Pattern[str]) -> bool:
    """Whether every alternative starts with ``^`` (not multi-line): then a search is a match."""
    return not pattern.flags & re.M and all(a.startswith("^") for a in split_alternatives(pattern.pattern))


def _any_of(patterns: list[re.Pattern[str]]) -> re.Pattern[str] | None:
    """One alternation matching where one of ``patterns`` does (all share the first one's flags)."""
    if not patterns:
        return None
    return re.compile("|".join(f"(?:{p.pattern})" for p in patterns), patterns[0].flags)


class GatedList:
    """Named expressions asked of a text in order, skipping those its words rule out."""

    def __init__(self, patterns: Mapping[str, re.Pattern[str]]) -> None:
        self._entries = [(kind, pattern, gate(pattern.pattern)) for kind, pattern in patterns.items()]
        ungated = [pattern for _, pattern, keys in self._entries if keys is None]
        # The always-asked entries as two alternations (none uses a group number): those anchored at
        # the start of the text, tried there only, and the rest, scanned.
        self._ungated_at_start = _any_of([p for p in ungated if _anchored(p)])
        self._ungated = _any_of([p for p in ungated if not _anchored(p)])

    def matches(self, text: str) -> Iterator[str]:
        """The names of the entries whose expressions match ``text``, in the list's order."""
        if _UNSAFE.search(text):
            yield from (kind for kind, pattern, _ in self._entries if pattern.search(text))
            return
        starts = word_starts(text)
        ungated = (self._ungated_at_start is not None and self._ungated_at_start.match(text) is not None) or (
            self._ungated is not None and self._ungated.search(text) is not None
        )
        for kind, pattern, keys in self._entries:
            if (ungated if keys is None else not keys.isdisjoint(starts)) and pattern.search(text):
                yield kind

    def first(self, text: str) -> str | None:
        return next(self.matches(text), None)
