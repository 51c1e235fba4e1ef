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

from herald.core.number_words import read_number, vague_ceiling, vocabulary

from .count_units import (
    counted_noun,
    hurt_before,
    is_magnitude,
    moved_to,
    toll_before,
    verb_after,
    verb_before,
    without_power,
)
from .count_vocabulary import (
    AFTER_PASSIVE,
    BEFORE_OWN_VERB,
    HARM_OF_ANY_NOUN,
    HURT,
    LABEL_NOUNS,
    MONTHS,
    NAMED_HARM,
    NOT_COUNTS,
    NOUN_UNITS,
    ONE_MORE,
    ONE_PERSON_WORDS,
    ONE_WORD_QUALIFIERS,
    PEOPLE_UNITS,
    PERSON_NOUNS,
    SHELTER_KINDS,
    SHELTERS,
    SINGULAR_PEOPLE,
    STOP,
    TWO_WORD_QUALIFIERS,
    UNCREWED,
    UNEXPLAINED,
    VERB_UNITS,
    is_plural_noun,
)
from .tokens import Tokens


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


# --------------------------------------------------------------------------- numbers
def _qualifier(toks: Tokens, start: int) -> tuple[str, int]:
    """The qualifier before a number and where it starts."""
    if start >= 2:
        pair = (toks.lower[start - 2], toks.lower[start - 1])
        if pair in TWO_WORD_QUALIFIERS:
            q = TWO_WORD_QUALIFIERS[pair]
            s = start - 2
            if pair == ("many", "as") and s >= 1 and toks.lower[s - 1] == "as":
                s -= 1
            if pair in (("no", "fewer"),) or (
                toks.lower[start - 1] == "fewer" and toks.lower[start - 2] == "no"
            ):
                q = "at_least"
            return q, s
        if (
            toks.lower[start - 1] == "than"
            and pair[0] in ("fewer", "less")
            and start >= 3
            and toks.lower[start - 3] == "no"
        ):
            return "at_least", start - 3
    if start >= 1:
        w = toks.lower[start - 1]
        if w in ONE_WORD_QUALIFIERS:
            return ONE_WORD_QUALIFIERS[w], start - 1
    return "exact", start


# "S-300", "Kh-101", "Tu-95", "Shahed-136/131": a weapon or aircraft model, one token to spaCy.
_MODEL = re.compile(r"\b[A-Z][A-Za-z]{0,7}-(\d{2,4})(?:/\d+)?\b")


def model_counts(toks: Tokens, text: str) -> list[Count]:
    """Model names followed by what they name ("S-300 missiles", "Tu-95 bombers"), as counts marked
    ``model``: an analyst sees that "300" was read and why it sizes nothing."""
    out = []
    for m in _MODEL.finditer(text):
        span = toks.doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is None or span.end >= toks.n:
            continue
        unit = NOUN_UNITS.get(toks.lower[span.end])
        if unit is None:
            continue
        out.append(
            Count(float(m.group(1)), unit, span.start, span.end + 1, number_end=span.end,
                  number_start=span.start, model=True)
        )  # fmt: skip
    return out


# --------------------------------------------------------------------------- extraction
def _past_aside(toks: Tokens, k: int) -> int:
    """Where the words resume after an aside set off by commas ("eight, among them an officer, were
    wounded"); ``k`` itself when no aside starts there."""
    if k >= toks.n or toks.words[k] != ",":
        return k
    # "29,100 people, along with 1,610 domestic animals, had reached cyclone shelters": the aside's own
    # number is what came with them
    along = k + 2 < toks.n and (toks.lower[k + 1], toks.lower[k + 2]) in (
        ("along", "with"),
        ("together", "with"),
    )
    # "an eight-year-old boy": a number joined by a hyphen is an age or a size, no count of its own
    for x in range(k + 1, min(toks.n, k + 13)):
        if toks.words[x] == ",":
            return x + 1
        of_them = x + 2 < toks.n and toks.lower[x + 1] == "of" and toks.lower[x + 2] in ("them", "whom")
        hyphened = x + 1 < toks.n and toks.words[x + 1] == "-"
        if toks.sent_start[x] or (toks.like_num[x] and not of_them and not along and not hyphened):
            break  # "two soldiers, one of them an officer, were killed" is one aside
    return k


# Entity labels whose names may end in a number ("Densus 88", "Unit 8200", "Task Force 88"); weapon and
# model names (PRODUCT: "S-300") are kept as counts of role "model" for the analyst.
NAME_LABELS = frozenset({"PERSON", "ORG", "FAC", "WORK_OF_ART", "EVENT", "LAW"})


class CountFinder:
    """Finds counts in a spaCy ``Doc``; see the module docstring for the conventions."""

    def __init__(self, demonym_plurals: frozenset[str] = frozenset()) -> None:
        self.demonym_plurals = demonym_plurals

    def find(self, toks: Tokens) -> list[Count]:
        counts: list[Count] = []
        if not toks.n:
            return counts
        # Only number-like tokens and number words ("a dozen", "tens") can start a count.
        starters = vocabulary().starters | ONE_PERSON_WORDS  # "another employee was hurt"
        like_num = toks.like_num
        hits = [k for k, low in enumerate(toks.lower) if like_num[k] or low in starters]
        resume = 0
        for i in hits:
            if i < resume:
                continue
            parsed = read_number(toks.lower, i)
            if parsed is None:
                single = self._one_person(toks, i)
                if single is not None:
                    counts.append(single)
                    resume = single.end
                continue
            value, end, vague = parsed
            count = self._count(toks, i, end, value, vague, counts)
            if count is not None:
                counts.append(count)
                resume = max(end, count.number_end)
            else:
                resume = end
        return counts + self._named_people(toks)

    def _count(
        self, toks: Tokens, start: int, end: int, value: float, vague: bool, found: list[Count]
    ) -> Count | None:
        n = toks.n
        if toks.ent_type[start] in ("MONEY", "PERCENT", "TIME", "ORDINAL"):
            return None
        if start and toks.lower[start - 1] in LABEL_NOUNS:
            return None  # "people from ward 4", "Reactor 3", "Gate 2": a name's number, not a count
        if start and toks.ent_type[start] in NAME_LABELS and toks.ent_type[start - 1] == toks.ent_type[start]:
            return None  # "Densus 88 has arrested 10": the number closes a unit's or a group's name
        if start:
            if toks.words[start - 1] in ("$", "€", "£", "¥", "#", "No.") or toks.lower[start - 1] in (
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
        if is_magnitude(toks, start, end):
            return Count(value, "magnitude", start, end, number_end=end, number_start=start)
        if end < n and toks.lower[end] in MONTHS and value <= 31 and toks.words[start].isdigit():
            return None  # "arrested on 22 March": a day of the month
        if (
            start
            and value <= 31
            and toks.words[start].isdigit()
            and toks.words[start - 1][:1].isupper()
            and toks.lower[start - 1].rstrip(".") in MONTHS
        ):
            return None  # "A missile attack on Odesa on Nov. 18 killed at least 10": the day, not 18 dead
        if (end < n and toks.words[end] in ("%", "-year-old")) or (
            end + 1 < n
            and toks.words[end] == "-"
            and toks.lower[end + 1]
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
        qualifier, qstart = ("at_least", start) if vague else _qualifier(toks, start)
        if vague and start >= 2 and _qualifier(toks, start)[0] != "exact":
            qualifier, qstart = _qualifier(toks, start)
        # Ranges: "20 to 30", "20-30", "between 20 and 30"
        value_max = None
        if end + 1 < n and toks.lower[end] in ("to", "-", "\u2013", "and", "or") and not vague:
            if toks.lower[end] != "and" or (start >= 1 and toks.lower[start - 1] == "between"):
                second = read_number(toks.lower, end + 1) if toks.like_num[end + 1] else None
                if second is not None and second[0] > value:
                    value_max, end = second[0], second[1]
                    qualifier = "at_least"
                    if start >= 1 and toks.lower[start - 1] == "between":
                        qstart = start - 1
        if toks.words[start].isdigit() and 1800 <= value <= 2100 and value_max is None:
            # a year, unless a counted noun follows right away; always one after a month
            nxt = toks.lower[end] if end < n else ""
            # "a quake there in 2010 killed about 3,000": a year after "in" is a date, even before "killed"
            dated = start >= 1 and (
                toks.lower[start - 1].rstrip(".,") in MONTHS
                or toks.lower[start - 1] in ("in", "since", "until")
            )
            if dated or (nxt not in NOUN_UNITS and nxt not in PERSON_NOUNS):
                return None
        # "dozens of people", "thousands of residents"
        j = end
        counts_of = vague or toks.lower[start] == "dozen" or value_max is not None
        if j < n and toks.lower[j] == "of" and counts_of:
            j += 1
        # "460 of 477 targets", "312 of the 400 seats": the part counts what the whole counts. The
        # whole ("of the 21 crew") is only a frame: what happens next happens to the part.
        whole = (
            qstart >= 1
            and (
                toks.lower[qstart - 1] == "of"
                or (qstart >= 2 and toks.lower[qstart - 2] == "of" and toks.lower[qstart - 1] == "the")
            )
            and not (
                # "a total of 918 residents ... have been moved": no whole, the count itself
                qstart >= 2
                and toks.lower[qstart - 2]
                in ("evacuation", "evacuations", "death", "deaths", "total", "tally", "group", "sum")
            )
        )
        if j + 1 < n and toks.lower[j] == "of":
            k = j + 2 if toks.lower[j + 1] == "the" else j + 1
            of_number = read_number(toks.lower, k) if k < n and toks.like_num[k] else None
            if of_number is not None:
                j = of_number[1]
        partitive = j < n and toks.lower[j] == "of"
        head, head_end = counted_noun(toks, j)
        if head is not None and head in NOT_COUNTS:
            return None
        noun_unit = NOUN_UNITS.get(head) if head else None
        if noun_unit == "killed" and head_end >= 2 and toks.lower[head_end - 2] in UNEXPLAINED:
            return None  # deaths being looked into, not yet a toll
        if noun_unit == "aircraft" and head_end >= 2 and toks.lower[head_end - 2] in UNCREWED:
            noun_unit = "drones"  # "95 unmanned aircraft": the air force's word for drones
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
                if partitive and after + 1 < n and toks.lower[after + 1] in ("them", "whom", "those"):
                    after += 2  # "17 of them were detained"
                verb, verb_end = verb_after(toks, after)
                if verb is None:
                    verb, verb_end = verb_after(toks, _past_aside(toks, after))
                if verb is not None:
                    span_end = max(span_end, verb_end)
                else:
                    verb = (
                        verb_before(toks, qstart)
                        or toll_before(toks, qstart)
                        or moved_to(toks, qstart, head_end if head else end)
                        or hurt_before(toks, qstart, head_end if head else end)
                    )
            elif not peopleish and not whole and not noun_unit and head is not None:
                verb = self._harm_after(toks, head_end, head)
            if verb is not None:
                unit, noun = verb, head
            elif noun_unit:
                unit = noun_unit
            elif (head is not None and is_plural_noun(head)) or head in PERSON_NOUNS:
                unit = head
            elif (
                head is None
                and not partitive
                and found
                and self._elided(toks, qstart, found)
                and not self._own_verb(toks, end)
                and not self._sheltered(toks, end)
            ):
                unit = found[-1].unit
        if (unit is None or unit == head) and without_power(toks, span_end):
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
    @staticmethod
    def _named_people(toks: Tokens) -> list[Count]:
        """One named person something happened to, a count of one: "Alexei Navalny was detained",
        "police arrested opposition leader Ousmane Sonko", "Hezbollah commander X killed in strike"."""
        out = []
        for ent_start, ent_end, label in toks.ents:
            if label != "PERSON":
                continue
            unit, end = verb_after(toks, ent_end)
            if unit is not None and end - 1 == ent_end:
                # a bare verb right after the name is passive only if no object follows it
                if end < toks.n and not (toks.punct[end] or toks.lower[end] in AFTER_PASSIVE):
                    unit = None
            if unit is None:
                k = ent_start  # over a title before the name: "arrested opposition leader Sonko"
                while k > 0 and ent_start - k < 3 and toks.alpha[k - 1] and toks.lower[k - 1] not in STOP:
                    if toks.lower[k - 1] in VERB_UNITS:
                        break
                    k -= 1
                unit, end = verb_before(toks, k), ent_end
                if unit is not None and k >= 2 and toks.lower[k - 2] == "to":
                    unit = None  # "threatened to kill Gomes", "a plot to arrest Sonko": not done
            if unit in NAMED_HARM:
                out.append(Count(1.0, unit, ent_start, max(end, ent_end), noun="person", number_end=ent_end,
                                 number_start=ent_start))  # fmt: skip
        return out

    @staticmethod
    def _harm_after(toks: Tokens, head_end: int, head: str) -> str | None:
        """What happened to a plural noun no list names, when only people suffer it: "two constables
        were hurt", "three more guides were injured"."""
        if not is_plural_noun(head):
            return None
        verb, verb_end = verb_after(toks, head_end)
        if verb_end and toks.lower[verb_end - 1] in HURT:
            return None  # "more than 30 houses were burned": a fire's damage, not people hurt
        # Passive only ("were hurt", "are still missing"): in "two Houthi-held ports kill one" the
        # noun is the subject of what the verb does to others.
        passive = verb_end - 1 > head_end
        return verb if verb in HARM_OF_ANY_NOUN and passive else None

    def _one_person(self, toks: Tokens, i: int) -> Count | None:
        """ "A woman was killed", "killing a 10-year-old boy": one person, said without a number; one
        more after a harm ("injured a third", "one was killed and another wounded")."""
        if toks.lower[i] not in ONE_PERSON_WORDS:
            return None
        more = self._one_more(toks, i)
        if more is not None:
            return more
        n = toks.n
        k = i + 1
        while k < n and k - i <= 6 and toks.lower[k] not in SINGULAR_PEOPLE:
            if (toks.punct[k] and toks.words[k] != "-") or toks.lower[k] in STOP or toks.sent_start[k]:
                return None
            k += 1
        if k >= n or toks.lower[k] not in SINGULAR_PEOPLE:
            return None
        unit, end = verb_after(toks, k + 1)
        if unit is None:
            unit = verb_before(toks, i)
            end = k + 1
        if unit not in ("killed", "wounded", "missing", "arrested"):
            return None
        return Count(1.0, unit, i, max(end, k + 1), noun=toks.lower[k], number_end=i + 1, number_start=i)

    @staticmethod
    def _one_more(toks: Tokens, i: int) -> Count | None:
        """ "killed two workers and injured a third" (the harm before "a third"), "one soldier was
        killed and another wounded" (the harm right after "another"): one more person hurt or dead."""
        n = toks.n
        nxt = toks.lower[i + 1] if i + 1 < n else ""
        ends = i + 2 >= n or toks.punct[i + 2] or toks.lower[i + 2] in ("and", "in", "on", "when", "as")
        if toks.lower[i] == "a" and nxt in ONE_MORE and ends:
            unit = verb_before(toks, i)
            if unit in ("killed", "wounded"):
                return Count(1.0, unit, i - 1, i + 2, noun="person", number_end=i + 2, number_start=i)
        if toks.lower[i] == "another" and VERB_UNITS.get(nxt) in ("killed", "wounded", "missing") and ends:
            return Count(1.0, VERB_UNITS[nxt], i, i + 2, noun="person", number_end=i + 2, number_start=i)
        return None

    @staticmethod
    def _elided(toks: Tokens, qstart: int, found: list[Count]) -> bool:
        """A bare number in a list after a count: "37 drones, including 15 over Bryansk and nine ..."."""
        k = qstart - 1
        if k < 0 or toks.lower[k] not in ("including", "and", ","):
            return False
        last = found[-1]
        same_sentence = toks.sentence_start(last.start) == toks.sentence_start(qstart)
        return same_sentence and last.unit in NOUN_UNITS.values()

    @staticmethod
    def _sheltered(toks: Tokens, end: int) -> bool:
        """A bare number said to be in shelters ("Typhoon kills 18 in Philippines, more than 100,000 in
        shelters"): people who took refuge, not an item of the toll before it."""
        k = end
        if k >= toks.n or toks.lower[k] != "in":
            return False
        k += 1
        while k < toks.n and toks.lower[k] in SHELTER_KINDS:
            k += 1
        return k < toks.n and toks.lower[k] in SHELTERS

    @staticmethod
    def _own_verb(toks: Tokens, end: int) -> bool:
        """A bare number followed by a verb of its own ("four were killed and 14 escaped"): a clause
        about other people, not an item of the list before it."""
        # "kills 15, 18 still trapped"; "48 people have died and 23,000 have been driven from their homes"
        while end < toks.n and toks.lower[end] in BEFORE_OWN_VERB:
            end += 1
        return end < toks.n and bool(toks.alpha[end] and toks.is_lower[end]) and toks.lower[end] not in STOP
