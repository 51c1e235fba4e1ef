"""Counts that make news ("472 drones", "more than 60 wounded"), normalised so stages can compare them.

A count is a number (digits, number words, "a dozen", vague plurals such as "tens of thousands")
attached to what it counts. What it counts becomes a unit from a shared metric vocabulary:

    killed wounded missing displaced evacuated arrested drones missiles aircraft settlements troops
    protesters affected magnitude

or, for anything else, the plural noun as written ("jobs", "flights"). The unit comes from the noun
("472 drones") or, when the noun is only people ("12 civilians were killed", "killing at least 12"),
from the verb that says what happened to them. Money, dates, durations, ages, percentages,
measurements and scores are not counts. Conventions the labelled set shares:

* a qualifier before the number is kept (at least, more than, about, up to, less than);
* vague plurals are at least twice and under ten times their unit: "dozens" is 24 to 119, "tens of
  thousands" 20,000 to 99,999 (``value`` the floor, ``value_max`` the ceiling, ``vague`` set);
* a range "20 to 30" / "between 20 and 30" is its lower bound, ``at_least``, with ``value_max``;
* one person said without a number counts one ("a woman was killed", "one woman died");
* a model name's number ("S-300 missiles", "Tu-95 bombers") is kept as a count of role ``model``.

Whose number it is (``role``: this event's, intercepted, a model, another incident's; ``time_ref``:
this event, a cumulative total, an earlier figure) is read per sentence by
``herald.core.quantity_context``, which the classifier applies to its own readings too.

Rule-based on tokens (no parser): it runs only where a number starts, so it costs little next to NER.
Numbers are read by ``herald.core.number_words`` (the classifier reads them there too); what a number
counts by ``count_units.py``; the word lists are ``count_vocabulary.py``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import numpy
from spacy.attrs import LIKE_NUM, LOWER

from herald.core.number_words import read_number, vague_ceiling, vocabulary

from .count_units import counted_noun, is_magnitude, toll_before, verb_after, verb_before, without_power
from .count_vocabulary import (
    NOT_COUNTS,
    NOUN_UNITS,
    ONE_WORD_QUALIFIERS,
    PEOPLE_UNITS,
    PERSON_NOUNS,
    SINGULAR_PEOPLE,
    STOP,
    TWO_WORD_QUALIFIERS,
    is_plural_noun,
)


@dataclass
class Count:
    value: float
    unit: str
    start: int  # token span the count was read from
    end: int
    qualifier: str = "exact"
    value_max: float | None = None
    noun: str | None = None  # what was counted when the unit says what happened to it
    number_end: int = 0  # where the number (or range) ends: the walk resumes there
    number_start: int = 0  # where the number itself starts (after any qualifier)
    vague: bool = False  # "dozens", "tens of thousands": value is the floor, value_max the ceiling
    model: bool = False  # the number of a name ("S-300 missiles"): kept for an analyst, never a count


class _Lowered:
    """A ``Doc``'s tokens as the lower-case words ``herald.core.number_words`` reads."""

    def __init__(self, doc: Any) -> None:
        self._doc = doc

    def __len__(self) -> int:
        return len(self._doc)

    def __getitem__(self, i: int) -> str:
        return self._doc[i].lower_  # type: ignore[no-any-return]


# --------------------------------------------------------------------------- numbers
def _qualifier(doc: Any, start: int) -> tuple[str, int]:
    """The qualifier before a number and where it starts."""
    if start >= 2:
        pair = (doc[start - 2].lower_, doc[start - 1].lower_)
        if pair in TWO_WORD_QUALIFIERS:
            q = TWO_WORD_QUALIFIERS[pair]
            s = start - 2
            if pair == ("many", "as") and s >= 1 and doc[s - 1].lower_ == "as":
                s -= 1
            if pair in (("no", "fewer"),) or (
                doc[start - 1].lower_ == "fewer" and doc[start - 2].lower_ == "no"
            ):
                q = "at_least"
            return q, s
        if (
            doc[start - 1].lower_ == "than"
            and pair[0] in ("fewer", "less")
            and start >= 3
            and doc[start - 3].lower_ == "no"
        ):
            return "at_least", start - 3
    if start >= 1:
        w = doc[start - 1].lower_
        if w in ONE_WORD_QUALIFIERS:
            return ONE_WORD_QUALIFIERS[w], start - 1
    return "exact", start


# "S-300", "Kh-101", "Tu-95", "Shahed-136/131": a weapon or aircraft model, one token to spaCy.
_MODEL = re.compile(r"\b[A-Z][A-Za-z]{0,7}-(\d{2,4})(?:/\d+)?\b")


def model_counts(doc: Any, text: str) -> list[Count]:
    """Model names followed by what they name ("S-300 missiles", "Tu-95 bombers"), as counts marked
    ``model``: an analyst sees that "300" was read and why it sizes nothing."""
    out = []
    for m in _MODEL.finditer(text):
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is None or span.end >= len(doc):
            continue
        unit = NOUN_UNITS.get(doc[span.end].lower_)
        if unit is None:
            continue
        out.append(
            Count(float(m.group(1)), unit, span.start, span.end + 1, number_end=span.end,
                  number_start=span.start, model=True)
        )  # fmt: skip
    return out


# --------------------------------------------------------------------------- extraction
class CountFinder:
    """Finds counts in a spaCy ``Doc``; see the module docstring for the conventions."""

    def __init__(self, demonym_plurals: frozenset[str] = frozenset()) -> None:
        self.demonym_plurals = demonym_plurals
        self._starters: Any = None

    def find(self, doc: Any) -> list[Count]:
        counts: list[Count] = []
        if not len(doc):
            return counts
        # Only number-like tokens can start a count; numpy finds them without a Python object per token.
        arr = doc.to_array([LIKE_NUM, LOWER])
        starters = self._starter_ids(doc)
        hits = numpy.nonzero((arr[:, 0] == 1) | numpy.isin(arr[:, 1], starters))[0].tolist()
        resume = 0
        for i in hits:
            if i < resume:
                continue
            parsed = read_number(_Lowered(doc), i)
            if parsed is None:
                single = self._one_person(doc, i)
                if single is not None:
                    counts.append(single)
                    resume = single.end
                continue
            value, end, vague = parsed
            count = self._count(doc, i, end, value, vague, counts)
            if count is not None:
                counts.append(count)
                resume = max(end, count.number_end)
            else:
                resume = end
        return counts

    def _starter_ids(self, doc: Any) -> Any:
        if self._starters is None:
            words = sorted(vocabulary().starters)
            self._starters = numpy.array([doc.vocab.strings.add(w) for w in words], dtype="uint64")
        return self._starters

    def _count(
        self, doc: Any, start: int, end: int, value: float, vague: bool, found: list[Count]
    ) -> Count | None:
        n = len(doc)
        tok = doc[start]
        if tok.ent_type_ in ("MONEY", "PERCENT", "TIME", "ORDINAL"):
            return None
        prev = doc[start - 1] if start else None
        if prev is not None:
            if prev.text in ("$", "€", "£", "¥", "#", "No.") or prev.lower_ in (
                "no",  # "no one was killed"
                "aged",
                "age",
                "number",
                "no.",
            ):
                return None
            # "F-16", "S-300 missiles", "Shahed-136": part of a name. Kept, so that an analyst sees it;
            # herald.core.quantity_context gives it the role "model", which no magnitude reads.
        # Magnitude: "magnitude 6.4", "magnitude-6.4", "of magnitude 5.8", "6.4-magnitude", "a 5.8 quake"
        if is_magnitude(doc, start, end):
            return Count(value, "magnitude", start, end, number_end=end, number_start=start)
        if (end < n and doc[end].text in ("%", "-year-old")) or (
            end + 1 < n
            and doc[end].text == "-"
            and doc[end + 1].lower_
            in (
                "year",
                "years",
                "time",
                "storey",
                "day",
                "hour",
                "month",
                "week",
                "man",
                "member",
                "point",
            )
        ):
            return None
        qualifier, qstart = ("at_least", start) if vague else _qualifier(doc, start)
        if vague and start >= 2 and _qualifier(doc, start)[0] != "exact":
            qualifier, qstart = _qualifier(doc, start)
        # Ranges: "20 to 30", "20-30", "between 20 and 30"
        value_max = None
        if end + 1 < n and doc[end].lower_ in ("to", "-", "\u2013", "and", "or") and not vague:
            if doc[end].lower_ != "and" or (start >= 1 and doc[start - 1].lower_ == "between"):
                second = read_number(_Lowered(doc), end + 1) if doc[end + 1].like_num else None
                if second is not None and second[0] > value:
                    value_max, end = second[0], second[1]
                    qualifier = "at_least"
                    if start >= 1 and doc[start - 1].lower_ == "between":
                        qstart = start - 1
        if tok.text.isdigit() and 1800 <= value <= 2100 and value_max is None:
            # a year, unless a counted noun follows right away
            nxt = doc[end].lower_ if end < n else ""
            if nxt not in NOUN_UNITS and nxt not in PERSON_NOUNS:
                return None
        # "dozens of people", "thousands of residents"
        j = end
        if j < n and doc[j].lower_ == "of" and (vague or tok.lower_ in ("dozen",) or value_max is not None):
            j += 1
        # "460 of 477 targets", "312 of the 400 seats": the part counts what the whole counts. The
        # whole ("of the 21 crew") is only a frame: what happens next happens to the part.
        whole = (
            qstart >= 1
            and (
                doc[qstart - 1].lower_ == "of"
                or (qstart >= 2 and doc[qstart - 2].lower_ == "of" and doc[qstart - 1].lower_ == "the")
            )
            and not (
                qstart >= 2 and doc[qstart - 2].lower_ in ("evacuation", "evacuations", "death", "deaths")
            )
        )
        if j + 1 < n and doc[j].lower_ == "of":
            k = j + 2 if doc[j + 1].lower_ == "the" else j + 1
            of_number = read_number(_Lowered(doc), k) if k < n and doc[k].like_num else None
            if of_number is not None:
                j = of_number[1]
        partitive = j < n and doc[j].lower_ == "of"
        head, head_end = counted_noun(doc, j)
        if head is not None and head in NOT_COUNTS:
            return None
        noun_unit = NOUN_UNITS.get(head) if head else None
        span_end = head_end if head else end
        unit: str | None = None
        noun: str | None = None
        if noun_unit and noun_unit not in PEOPLE_UNITS:
            unit = noun_unit
        else:
            peopleish = (
                head is None
                or head in PERSON_NOUNS
                or head in SINGULAR_PEOPLE
                or head in self.demonym_plurals
            )
            verb = None
            if peopleish and not whole:
                after = head_end if head else end
                if partitive and after + 1 < n and doc[after + 1].lower_ in ("them", "whom", "those"):
                    after += 2  # "17 of them were detained"
                verb, verb_end = verb_after(doc, after)
                if verb is not None:
                    span_end = max(span_end, verb_end)
                if verb is None:
                    verb = verb_before(doc, qstart)
                if verb is None:
                    verb = toll_before(doc, qstart)
            if verb is not None:
                unit, noun = verb, head
            elif noun_unit:
                unit = noun_unit
            elif (head is not None and is_plural_noun(head)) or head in PERSON_NOUNS:
                unit = head
            elif head is None and not partitive and found and self._elided(doc, qstart, found):
                unit = found[-1].unit
        if (unit is None or unit == head) and without_power(doc, span_end):
            unit, noun = "affected", head  # "left 4,000 homes without power"
        if unit is None:
            return None
        if vague and value_max is None:
            value_max = vague_ceiling(value)
        return Count(
            value,
            unit,
            qstart,
            span_end,
            qualifier,
            value_max,
            noun if noun != unit else None,
            end,
            start,
            vague,
        )

    # ----------------------------------------------------------------- helpers
    def _one_person(self, doc: Any, i: int) -> Count | None:
        """ "A woman was killed", "killing a 10-year-old boy": one person, said without a number."""
        if doc[i].lower_ not in ("a", "an"):
            return None
        n = len(doc)
        k = i + 1
        while k < n and k - i <= 6 and doc[k].lower_ not in SINGULAR_PEOPLE:
            t = doc[k]
            if (t.is_punct and t.text != "-") or t.lower_ in STOP or t.is_sent_start:
                return None
            k += 1
        if k >= n or doc[k].lower_ not in SINGULAR_PEOPLE:
            return None
        unit, end = verb_after(doc, k + 1)
        if unit is None:
            unit = verb_before(doc, i)
            end = k + 1
        if unit not in ("killed", "wounded", "missing", "arrested"):
            return None
        return Count(1.0, unit, i, max(end, k + 1), noun=doc[k].lower_, number_end=i + 1, number_start=i)

    @staticmethod
    def _elided(doc: Any, qstart: int, found: list[Count]) -> bool:
        """A bare number in a list after a count: "37 drones, including 15 over Bryansk and nine ..."."""
        k = qstart - 1
        if k < 0 or doc[k].lower_ not in ("including", "and", ","):
            return False
        last = found[-1]
        return doc[last.start].sent.start == doc[qstart].sent.start and last.unit in NOUN_UNITS.values()
