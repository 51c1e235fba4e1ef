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
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import numpy
from spacy.attrs import LIKE_NUM, LOWER

# --------------------------------------------------------------------------- vocabulary
NOUN_UNITS: dict[str, str] = {
    **dict.fromkeys(["drone", "drones", "uav", "uavs", "shahed", "shaheds", "shahed-type"], "drones"),
    **dict.fromkeys(["missile", "missiles", "rocket", "rockets"], "missiles"),
    **dict.fromkeys(
        ["aircraft", "plane", "planes", "jet", "jets", "warplane", "warplanes", "helicopter", "helicopters",
         "bomber", "bombers", "fighters-jets"],
        "aircraft",
    ),
    **dict.fromkeys(
        ["settlement", "settlements", "village", "villages", "town", "towns", "hamlet", "hamlets",
         "localities", "locality"],
        "settlements",
    ),
    **dict.fromkeys(
        ["troops", "soldiers", "soldier", "servicemen", "serviceman", "marines", "paratroopers", "fighters",
         "militants", "combatants"],
        "troops",
    ),
    **dict.fromkeys(["protesters", "protestors", "demonstrators", "marchers"], "protesters"),
    **dict.fromkeys(["dead", "deaths", "death", "fatalities", "bodies", "lives", "killed"], "killed"),
    **dict.fromkeys(["wounded", "injured", "injuries", "hurt", "hospitalised", "hospitalized"], "wounded"),
    **dict.fromkeys(["missing"], "missing"),
    **dict.fromkeys(["displaced", "refugees"], "displaced"),
    **dict.fromkeys(["evacuees", "evacuated"], "evacuated"),
    **dict.fromkeys(["arrests", "detentions", "arrested", "detained"], "arrested"),
}  # fmt: skip
# Units that say what happened rather than what was counted: a verb about the same people wins.
_PEOPLE_UNITS = frozenset({"troops", "protesters"})
# Nouns for people: the count takes its unit from what happened to them, if anything did.
PERSON_NOUNS = frozenset(
    {
        "people", "person", "persons", "civilians", "civilian", "residents", "children", "child", "adults",
        "men", "women", "others", "passengers", "workers", "villagers", "migrants", "students", "officers",
        "policemen", "police", "crew", "staff", "personnel", "fans", "pilgrims", "patients", "teenagers",
        "inmates", "prisoners", "journalists", "miners", "tourists", "traders", "farmers", "employees",
        "individuals", "members", "supporters", "firefighters", "rescuers", "survivors", "voters",
        "protesters", "demonstrators", "soldiers", "troops", "servicemen", "fighters", "militants",
    }
)  # fmt: skip
# One person said without a number ("a woman was killed"): the nouns that make "a" a count of one.
SINGULAR_PEOPLE = frozenset(
    {
        "person", "woman", "man", "child", "boy", "girl", "civilian", "resident", "soldier", "teenager",
        "baby", "worker", "policeman", "officer", "journalist", "pensioner", "driver", "passenger",
    }
)  # fmt: skip
# A verb or participle after or before the people, and what it makes of them.
VERB_UNITS: dict[str, str] = {
    **dict.fromkeys(
        ["killed", "killing", "kill", "kills", "dead", "died", "die", "perished", "drowned", "slain",
         "executed"],
        "killed",
    ),
    **dict.fromkeys(
        ["wounded", "wounding", "wound", "wounds", "injured", "injuring", "injure", "injures", "hurt",
         "hurting", "hospitalised", "hospitalized"],
        "wounded",
    ),
    **dict.fromkeys(["missing", "unaccounted"], "missing"),
    **dict.fromkeys(
        ["displaced", "displacing", "displace", "fled", "flee", "fleeing", "homeless"], "displaced"
    ),
    **dict.fromkeys(
        ["evacuated", "evacuating", "evacuate", "evacuates", "relocated", "rescued"], "evacuated"
    ),
    **dict.fromkeys(
        ["arrested", "arresting", "arrest", "arrests", "detained", "detaining", "detain", "detains"],
        "arrested",
    ),
    **dict.fromkeys(
        ["protested", "protest", "rallied", "rally", "marched", "march", "demonstrated", "demonstrate"],
        "protesters",
    ),
    **dict.fromkeys(["affected", "affecting"], "affected"),
}  # fmt: skip
# Words after "rescued" that make the rescued the survivors pulled out of a collapse or a fire, not
# people moved out of harm's way: "rescued and taken to hospital", "rescued from the rubble".
_SURVIVORS = frozenset({"hospital", "hospitals", "rubble", "debris", "ruins", "wreckage", "blaze", "flames"})
# Nouns that are measures, money or time: a number before them is not a count.
NOT_COUNTS = frozenset(
    {
        "seconds", "second", "minutes", "minute", "hours", "hour", "days", "day", "weeks", "week", "months",
        "month", "years", "year", "decades", "centuries", "times", "km", "kilometres", "kilometers", "miles",
        "metres", "meters", "feet", "tonnes", "tons", "kg", "kilograms", "litres", "liters", "barrels",
        "degrees", "acres", "hectares", "dollars", "euros", "pounds", "yen", "yuan", "rubles", "roubles",
        "hryvnias", "rupees", "cents", "francs", "shekels", "percent", "per", "%", "pence", "bps",
        "gigawatts", "megawatts", "mph", "km/h", "celsius", "fahrenheit", "storey", "storeys", "floors",
    }
)  # fmt: skip
STOP = frozenset(
    {
        "and", "or", "but", "in", "on", "at", "to", "from", "by", "with", "for", "the", "a", "an", "of",
        "were", "was", "are", "is", "be", "been", "being", "have", "has", "had", "will", "would", "could",
        "may", "might", "should", "that", "which", "who", "whom", "as", "than", "into", "over", "across",
        "near", "after", "before", "during", "since", "while", "when", "where", "said", "says", "say",
        "this", "these", "those", "their", "its", "his", "her", "our", "per", "each", "including", "remain",
        "remained", "remains", "reportedly", "still", "also",
    }
)  # fmt: skip
SKIPPABLE = frozenset({"more", "additional", "other", "further", "new", "extra"})
AUX = frozenset(
    {
        "were", "was", "are", "is", "have", "has", "had", "been", "being", "be", "remain", "remained",
        "remains", "still", "reportedly", "also", "later", "feared", "confirmed", "reported", "believed",
        "now", "all", "already", "were,", "later,", "then", "left", "critically", "seriously", "severely",
        "slightly", "lightly", "badly", "gravely",
    }
)  # fmt: skip
IRREGULAR_PLURALS = frozenset(
    {"people", "children", "men", "women", "police", "personnel", "crew", "staff", "aircraft"}
)
QUAKE_WORDS = frozenset(
    {"earthquake", "earthquakes", "quake", "quakes", "tremor", "aftershock", "aftershocks"}
)
TOLL_WORDS = frozenset({"toll", "deaths", "died", "dead", "fatalities", "killed"})
# Words between a verb and its count that do not break the link: "evacuate all of the roughly 11,000".
_DETERMINER_GAP = frozenset(
    {"all", "of", "the", "some", "about", "around", "roughly", "nearly", "almost", "an", "estimated"}
)
# The word right before a toll's number: "rose to 41", "put the toll at 100", "has passed 400".
TOLL_LINKS = frozenset(
    {"to", "at", "reached", "reaches", "hit", "hits", "passed", "passes", "topped", "tops", "exceeded",
     "exceeds", "surpassed", "surpasses", "crossed", "crosses"}
)  # fmt: skip
POWER_WORDS = frozenset({"power", "electricity", "water", "heating", "gas", "electric"})

ONES = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
SCALES = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "m": 1_000_000,
    "bn": 1e9,
}
# A vague plural means at least two of its unit and fewer than ten: "tens of thousands" is 20,000 to
# 99,999. The floor is what severity reads; the ceiling stays on the quantity for an analyst.
VAGUE_CEILING = 10
VAGUE = {"dozens": 12, "hundreds": 100, "thousands": 1_000, "millions": 1_000_000, "tens": 10, "scores": 20}
ONE_WORD_QUALIFIERS = {
    "over": "more_than", "above": "more_than", "nearly": "about", "almost": "about", "about": "about",
    "around": "about", "approximately": "about", "roughly": "about", "some": "about", "estimated": "about",
    "circa": "about", "approx": "about", "under": "less_than", "below": "less_than",
}  # fmt: skip
TWO_WORD_QUALIFIERS = {
    ("at", "least"): "at_least", ("no", "fewer"): "at_least", ("more", "than"): "more_than",
    ("upwards", "of"): "more_than", ("excess", "of"): "more_than", ("less", "than"): "less_than",
    ("fewer", "than"): "less_than", ("up", "to"): "up_to", ("many", "as"): "up_to", ("close", "to"): "about",
    ("an", "estimated"): "about",
}  # fmt: skip
_DIGITS = re.compile(r"^\d{1,3}(,\d{3})+(\.\d+)?$|^\d+(\.\d+)?$")


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
def _number(doc: Any, i: int) -> tuple[float, int, bool] | None:
    """The number starting at token ``i``: (value, end token, vague?) or None."""
    n = len(doc)
    low = doc[i].lower_
    if low in ("a", "an"):
        if i + 1 < n and doc[i + 1].lower_ == "dozen":
            return 12.0, i + 2, False
        if i + 1 < n and doc[i + 1].lower_ in ("hundred", "thousand", "million"):
            return float(SCALES[doc[i + 1].lower_]), i + 2, False
        return None
    if low == "half" and i + 2 < n and doc[i + 1].lower_ == "a" and doc[i + 2].lower_ == "dozen":
        return 6.0, i + 3, False
    if (
        low in ("several", "few")
        and i + 1 < n
        and doc[i + 1].lower_ in ("hundred", "thousand", "million", "dozen")
    ):
        unit = 12 if doc[i + 1].lower_ == "dozen" else SCALES[doc[i + 1].lower_]
        return 2.0 * unit, i + 2, True
    if low in VAGUE:
        value, end = float(VAGUE[low]), i + 1
        # "tens of thousands", "hundreds of thousands of"
        if (
            end + 1 < n
            and doc[end].lower_ == "of"
            and doc[end + 1].lower_ in VAGUE
            and doc[end + 1].lower_ != "dozens"
        ):
            value *= VAGUE[doc[end + 1].lower_]
            end += 2
        if low == "tens" and value == 10:
            return None  # "tens" alone is not a quantity
        return 2 * value, end, True
    if _DIGITS.match(doc[i].text):
        value = float(doc[i].text.replace(",", ""))
        end = i + 1
        if end < n and doc[end].lower_ in SCALES:
            value *= SCALES[doc[end].lower_]
            end += 1
        return value, end, False
    if low in ONES or low == "dozen":
        total, current, end = 0.0, 0.0, i
        while end < n:
            w = doc[end].lower_
            if w in ONES:
                current += ONES[w]
            elif w == "dozen":
                current = (current or 1) * 12
            elif w == "hundred":
                current = (current or 1) * 100
            elif w in ("thousand", "million", "billion"):
                total += (current or 1) * SCALES[w]
                current = 0
            elif w in ("-", "and") and end + 1 < n and doc[end + 1].lower_ in ONES and end > i:
                pass
            else:
                break
            end += 1
        return total + current, end, False
    return None


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


def _is_plural_noun(word: str) -> bool:
    return word in IRREGULAR_PLURALS or (
        len(word) > 3 and word.isalpha() and word.endswith("s") and not word.endswith(("ss", "ous", "us"))
    )


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
            parsed = _number(doc, i)
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
            words = [*VAGUE, "a", "an", "half", "several", "few", "dozen"]
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
        if self._magnitude(doc, start, end):
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
                second = _number(doc, end + 1) if doc[end + 1].like_num else None
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
            of_number = _number(doc, k) if k < n and doc[k].like_num else None
            if of_number is not None:
                j = of_number[1]
        partitive = j < n and doc[j].lower_ == "of"
        head, head_end = self._head(doc, j)
        if head is not None and head in NOT_COUNTS:
            return None
        noun_unit = NOUN_UNITS.get(head) if head else None
        span_end = head_end if head else end
        unit: str | None = None
        noun: str | None = None
        if noun_unit and noun_unit not in _PEOPLE_UNITS:
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
                verb, verb_end = self._verb_after(doc, after)
                if verb is not None:
                    span_end = max(span_end, verb_end)
                if verb is None:
                    verb = self._verb_before(doc, qstart)
                if verb is None:
                    verb = self._toll(doc, qstart)
            if verb is not None:
                unit, noun = verb, head
            elif noun_unit:
                unit = noun_unit
            elif (head is not None and _is_plural_noun(head)) or head in PERSON_NOUNS:
                unit = head
            elif head is None and not partitive and found and self._elided(doc, qstart, found):
                unit = found[-1].unit
        if (unit is None or unit == head) and self._without_power(doc, span_end):
            unit, noun = "affected", head  # "left 4,000 homes without power"
        if unit is None:
            return None
        if vague and value_max is None:
            value_max = value / 2 * VAGUE_CEILING - 1
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
        unit, end = self._verb_after(doc, k + 1)
        if unit is None:
            unit = self._verb_before(doc, i)
            end = k + 1
        if unit not in ("killed", "wounded", "missing", "arrested"):
            return None
        return Count(1.0, unit, i, max(end, k + 1), noun=doc[k].lower_, number_end=i + 1, number_start=i)

    @staticmethod
    def _magnitude(doc: Any, start: int, end: int) -> bool:
        n = len(doc)
        before = [doc[k].lower_ for k in range(max(0, start - 2), start)]
        if "magnitude" in before or (before and before[-1] == "measuring"):
            return True
        after = [doc[k].lower_ for k in range(end, min(n, end + 3))]
        if after[:1] == ["magnitude"] or after[:2] == ["-", "magnitude"]:
            return True
        if "." in doc[start].text and after[:1] and after[0] in QUAKE_WORDS:
            return True
        return after[:3] == ["on", "the", "richter"]

    @staticmethod
    def _head(doc: Any, j: int) -> tuple[str | None, int]:
        """The counted noun after a number: the rightmost noun of the words that follow it."""
        n = len(doc)
        head: str | None = None
        head_end = j
        k = j
        while k < n and k - j < 5:
            t = doc[k]
            if t.is_space or (k > j and t.is_sent_start):
                break  # never across a sentence or line break (title -> body)
            low = t.lower_
            if low in SKIPPABLE and head is None:
                k += 1
                continue
            if t.is_punct:
                # keep hyphenated words together: "Shahed-type", "F-16"
                if t.text == "-" and not t.whitespace_ and k > j and k + 1 < n:
                    k += 1
                    continue
                break
            if low in STOP or (t.like_num and not (k > j and doc[k - 1].text == "-")):
                break
            if low in NOUN_UNITS or low in PERSON_NOUNS or low in NOT_COUNTS or low in SINGULAR_PEOPLE:
                head, head_end = low, k + 1
                if low in NOT_COUNTS:
                    break
            elif t.is_alpha and t.is_lower and _is_plural_noun(low):
                head, head_end = low, k + 1
            elif t.is_lower and low.endswith(("ed", "ing")) and head is not None:
                break  # a verb after the noun: "472 drones launched"
            k += 1
        return head, head_end

    @staticmethod
    def _verb_after(doc: Any, k: int) -> tuple[str | None, int]:
        """What happened to the people: "were killed", "died", "are still missing", "to flee"."""
        n = len(doc)
        steps = 0
        while k < n and steps < 5:
            low = doc[k].lower_
            if low in VERB_UNITS:
                unit = VERB_UNITS[low]
                if low == "left" or (unit in ("protesters",) and steps > 1):
                    return None, k
                # "Eleven people were rescued and taken to hospital": survivors, not evacuees
                if low == "rescued" and _SURVIVORS & {doc[x].lower_ for x in range(k + 1, min(n, k + 6))}:
                    return None, k
                return unit, k + 1
            if low == "to" and k + 1 < n and doc[k + 1].lower_ in ("flee", "evacuate"):
                return VERB_UNITS[doc[k + 1].lower_], k + 2
            if low in ("treated", "taken") and k + 2 < n and doc[k + 1].lower_ in ("for", "to"):
                if doc[k + 2].lower_ in ("injuries", "wounds"):
                    return "wounded", k + 3
                if doc[k + 2].lower_ in ("hospital", "hospitals"):
                    return "wounded", k + 3
            if low in ("moved", "taken", "relocated") and k + 1 < n and doc[k + 1].lower_ == "to":
                rest = {doc[x].lower_ for x in range(k + 2, min(n, k + 5))}
                if rest & {"camps", "shelters", "shelter", "safety", "safer"}:
                    return "evacuated", k + 2
            if low not in AUX:
                return None, k
            k += 1
            steps += 1
        return None, k

    @staticmethod
    def _verb_before(doc: Any, qstart: int) -> str | None:
        """ "killing at least 12", "arrested 45 people", "evacuation of 300,000"."""
        k = qstart - 1
        if k >= 0 and doc[k].lower_ in ("of",) and k >= 1:
            if doc[k - 1].lower_ in ("evacuation", "evacuations"):
                return "evacuated"
            if doc[k - 1].lower_ in ("deaths", "death"):
                return "killed"
            return None
        if k >= 0 and doc[k].lower_ in ("and", ","):
            return None
        # "to evacuate all of the roughly 11,000 residents": the verb across a determiner phrase
        j = k
        while j >= 0 and k - j < 4 and doc[j].lower_ in _DETERMINER_GAP:
            j -= 1
        if j < k and j >= 0 and VERB_UNITS.get(doc[j].lower_) == "evacuated":
            return "evacuated"
        if k >= 0:
            low = doc[k].lower_
            unit = VERB_UNITS.get(low)
            if unit is not None and low not in ("dead", "missing", "homeless"):
                return unit
        return None

    @staticmethod
    def _toll(doc: Any, qstart: int) -> str | None:
        """ "the death toll rose to 41", "put the toll at more than 100", "the toll from the attack on
        Zamzam camp in Sudan's North Darfur has passed 400"."""
        k = qstart - 1
        if k < 0 or doc[k].lower_ not in TOLL_LINKS:
            return None
        sent_start = doc[qstart].sent.start
        for x in range(max(sent_start, k - 20), k):
            if doc[x].lower_ in TOLL_WORDS:
                return "killed"
        return None

    @staticmethod
    def _elided(doc: Any, qstart: int, found: list[Count]) -> bool:
        """A bare number in a list after a count: "37 drones, including 15 over Bryansk and nine ..."."""
        k = qstart - 1
        if k < 0 or doc[k].lower_ not in ("including", "and", ","):
            return False
        last = found[-1]
        return doc[last.start].sent.start == doc[qstart].sent.start and last.unit in NOUN_UNITS.values()

    @staticmethod
    def _without_power(doc: Any, k: int) -> bool:
        """ "left 4,000 homes without power", "homes and businesses without electricity"."""
        n = len(doc)
        for x in range(k, min(n, k + 4)):
            if doc[x].lower_ == "without" and x + 1 < n and doc[x + 1].lower_ in POWER_WORDS:
                return True
            if doc[x].is_punct:
                return False
        return False
