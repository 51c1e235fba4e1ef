"""Places, demonyms and state organs on top of spaCy's entities.

The small English model is fast but wrong in ways that matter for this domain: it tags Kyiv as a
person, Sumy as an organisation, Kursk as a product, or misses them altogether. This post-pass
corrects that with the gazetteer, in one walk over the model's entities and one over the tokens:

* a model entity whose text is a known place becomes a place (GPE) when the model called it a place
  anyway, or when the name is a strong one (a country, a known region, a city of 100,000+ or one
  with a locative cue such as "in", "near", "the city of") and nothing marks it as a person;
* a capitalised token the model left untagged gets the same test (headlines included);
* "<place> region/oblast/province" becomes one region entity;
* ambiguous names are resolved against the article's other places: "Paris, Texas" and "Atlanta,
  Georgia" pick the candidates in that region or country.

Everything here is dict lookups per capitalised token: cheap next to the model itself.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .gazetteer import Candidate, Gazetteer, Place, fold
from .place_resolution import resolve
from .place_words import (
    CUED_CITY_POPULATION,
    FACILITY_WORDS,
    HYPHEN_MODIFIER_ENDINGS,
    LOCATIVE,
    NUMERIC_LABELS,
    OF_CUES,
    PART_WORDS,
    PERSON_TITLES,
    PLACE_LABELS,
    REGION_WORDS,
    SETTLEMENT_WORDS,
    SPORT_WORDS,
    STRONG_CITY_POPULATION,
    WAR_NOUNS,
)
from .tokens import Tokens

_SPORT = re.compile(r"\b(?:{})\b".format("|".join(sorted(map(re.escape, SPORT_WORDS)))), re.IGNORECASE)


@dataclass
class Mention:
    """A stretch of text that names something, as this pass sees it."""

    start: int  # token index
    end: int
    label: str
    candidates: tuple[Candidate, ...] = ()
    place: Place | None = None
    country_code: str | None = None
    region: bool = False  # "<name> region": only regions (or cities standing for one) qualify
    explicit: str | None = None  # the admin1 code or country a following ", Texas" pins it to
    modifier: bool = False  # "US-mediated": a name in a compound modifier, no evidence of where
    # The regions whose ISO kind is the word after the name ("Plateau state": Nigeria's, not Benin's
    # department of that name).
    kind_matches: tuple[Place, ...] = ()
    dateline: bool = False  # "GENEVA -" opening a line with no state or country after it


def _runs_into_a_name(toks: Tokens, m: Mention) -> bool:
    """Whether a name known only as a bare region name ("Ain", a French department, read from ISO's
    list) runs into a capitalised word mid-sentence ("the Ain Baal area of south Lebanon"): the first
    word of a longer name the gazetteer does not know, not the region."""
    end = m.end
    if not m.candidates or any(c.primary for c in m.candidates) or end >= toks.n:
        return False
    nxt = toks.lower[end]
    return (
        bool(toks.title[end])
        and not toks.sent_start[end]
        and nxt not in REGION_WORDS
        and nxt not in SETTLEMENT_WORDS
        and nxt not in FACILITY_WORDS
    )


def _participle(word: str) -> bool:
    """A lowercase past participle used as an adjective ("shelled", "besieged", "occupied")."""
    return len(word) > 4 and word.isalpha() and word.endswith("ed")


def _cue_before(toks: Tokens, start: int) -> bool:
    lower = toks.lower
    i = start - 1
    if i >= 0 and lower[i] == "the":
        i -= 1
    if i > 0 and not toks.title[i] and (lower[i] in PART_WORDS or _participle(lower[i])):
        # "in central Kherson", "from shelled Volnovakha", "in besieged Mariupol"
        i -= 1
        if i >= 0 and lower[i] == "the":
            i -= 1
    if i < 0:
        return False
    word = lower[i]
    if word in LOCATIVE or word in SETTLEMENT_WORDS:
        return True
    # "the city of Sumy", "east of Pokrovsk", "outskirts of Kharkiv"
    return word == "of" and i > 0 and lower[i - 1] in OF_CUES


# "TALLMANSVILLE, W.Va. (AP)", "Mayfield, Ky.": a state as AP style abbreviates it, after a town's comma.
_AP_STATE = re.compile(r"(?:[A-Z][a-z]{0,4}\.){1,2}(?=[\s(),;]|$)")

_DASHES = frozenset({"-", "--", "\u2013", "\u2014"})
_DATELINE_MARKS = _DASHES | {":", ",", "("}


def _dateline_at(toks: Tokens, start: int, end: int) -> bool:
    """Whether a name in capitals opens a line and is followed by a dateline's mark ("KHAR:",
    "PESHAWAR, Pakistan", "KYIV (Reuters)"): a town the model often tags as a person or group."""
    if not all(toks.upper[k] for k in range(start, end)) or end >= toks.n:
        return False
    before = toks.text[toks.ends[start - 2] if start > 1 else 0 : toks.idx[start]] if start else "\n"
    line_start = "\n" in before and not before.strip()  # spaCy keeps a line break as a token
    return line_start and toks.words[end] in _DATELINE_MARKS


def _pieces(toks: Tokens, start: int, end: int) -> list[tuple[int, int]]:
    """An entity split at line breaks and at a dateline's dash: the model sometimes runs a title's last
    name into the body, or a dateline into the first word after it ("DUSHANBE - Tajik")."""
    pieces, s = [], start
    for k in range(start, end):
        if (toks.space[k] and "\n" in toks.words[k]) or _spaced_dash(toks, k):
            if k > s:
                pieces.append((s, k))
            s = k + 1
    if end > s:
        pieces.append((s, end))
    return pieces


def _spaced_dash(toks: Tokens, k: int) -> bool:
    """A dash standing alone between spaces (" - "), as after a dateline; not a hyphen in a name."""
    return (
        toks.words[k] in _DASHES
        and 0 < k < toks.n - 1
        and toks.ends[k - 1] < toks.idx[k]
        and toks.ends[k] < toks.idx[k + 1]
    )


def _joined_to_a_longer_name(toks: Tokens, hyphen: int) -> bool:
    """Whether a hyphen at ``hyphen``, joined on both sides, runs a name into a lowercase word that is
    no modifier ("Lipova-lazne", not "Kyiv-based" or "Iran-made")."""
    if not 0 < hyphen < toks.n - 1 or toks.words[hyphen] != "-":
        return False
    if toks.ends[hyphen - 1] != toks.idx[hyphen] or toks.ends[hyphen] != toks.idx[hyphen + 1]:
        return False
    word = toks.words[hyphen + 1]
    return word.isalpha() and word.islower() and not word.endswith(HYPHEN_MODIFIER_ENDINGS)


def _titled(toks: Tokens, start: int) -> bool:
    return start > 0 and toks.lower[start - 1] in PERSON_TITLES


def _best(cands: Sequence[Candidate]) -> Candidate | None:
    return cands[0] if cands else None


class PlaceFinder:
    """Finds and resolves places, demonyms and state organs in a spaCy ``Doc``."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gaz = gazetteer
        self._max_words = 6
        self._sport: bool | None = None  # this document's, read the first time a name needs it
        self._surnames: set[str] = set()

    # ------------------------------------------------------------------ candidates
    def _sporting(self, toks: Tokens) -> bool:
        """Whether the text reads like a sport page; searched only when a name's reading hangs on it,
        since one search over a full article costs as much as the rest of the name's tests."""
        if self._sport is None:
            self._sport = _SPORT.search(toks.text) is not None
        return self._sport

    def _strong(self, toks: Tokens, m: Mention, model_label: str | None) -> bool:
        """Whether a name is a place although the model did not say so."""
        best = _best(m.candidates)
        if best is None:
            return False
        place = best.place
        key = toks.key(m.start, m.end)
        if place.kind == "country":
            return True
        if key in self.gaz.not_places:
            return False
        if m.region or m.explicit:
            return True
        if place.kind == "region":
            # "the floods brought to Assam": a bare ISO region name after a word of place, and the
            # name's only reading, no other country's region going by it ("Punjab" is India's and
            # Pakistan's). Without the cue ISO's words and surnames ("Bolivar") stay names.
            countries = {r.country_code for r in self.gaz.region(key)} | {place.country_code}
            only = len({c.place for c in m.candidates}) == 1 and len(countries) == 1
            return best.primary or (only and _cue_before(toks, m.start))
        if place.kind in ("sea", "other"):
            return True  # seas, ranges, islands: curated names, never a town's
        if place.kind == "city" and best.primary and _dateline_at(toks, m.start, m.end):
            return True  # "KHAR: Three soldiers were killed ...": a town written as a dateline
        if _titled(toks, m.start):
            return False
        cue = _cue_before(toks, m.start)
        if model_label in ("ORG", None) and not cue and self._sporting(toks):
            return False
        if not best.primary:
            return cue and place.population >= STRONG_CITY_POPULATION
        if place.population >= STRONG_CITY_POPULATION:
            return True
        return cue and place.population >= CUED_CITY_POPULATION

    def _longest_name(self, toks: Tokens, i: int, limit: int) -> tuple[int, tuple[Candidate, ...]]:
        """The longest gazetteer name starting at token ``i`` and ending before ``limit``."""
        if toks.key(i, i + 1) not in self.gaz.first_words:
            return i, ()
        best_end = i
        best: tuple[Candidate, ...] = ()
        for j in range(i + 1, min(limit, i + self._max_words) + 1):
            if toks.punct[j - 1] and toks.words[j - 1] not in {"-", "'", "\u2019", "."}:
                break
            cands = self.gaz.lookup(toks.key(i, j))
            if cands and toks.words[j - 1] not in _DASHES:  # "GENEVA - Talks": the dash is no part of it
                best_end, best = j, cands
        return best_end, best

    def _region_suffix(self, toks: Tokens, m: Mention) -> None:
        """Turn "Kharkiv region" / "Kursk Oblast" into one region mention."""
        end = m.end
        last = toks.lower[end - 1]
        base_end = end - 1 if last in REGION_WORDS else end
        if base_end == end and end < toks.n and toks.lower[end] in REGION_WORDS:
            end += 1
        elif base_end == end:
            return
        if base_end <= m.start:
            return
        base = toks.key(m.start, base_end)
        regions = self.gaz.region(base)
        word = toks.lower[base_end]
        m.kind_matches = tuple(r for r in regions if self.gaz.region_kinds.get(r) == word)
        if regions:
            m.candidates = tuple(Candidate(r, True) for r in regions) + m.candidates
        elif not m.candidates:
            m.candidates = self.gaz.lookup(base)
        if not m.candidates:
            return
        m.end, m.region = end, True

    def _explicit(self, toks: Tokens, m: Mention) -> None:
        """ ", Texas" / ", Taiwan" right after a name, or "Yemen's" before it, says which one is meant."""
        if m.end + 1 < toks.n and toks.words[m.end] == ",":
            _, after = self._longest_name(toks, m.end + 1, toks.n)
            for c in after:
                if c.place.kind == "region" and c.place.admin1_code:
                    m.explicit = c.place.admin1_code
                    return
                if c.place.kind == "region" and any(
                    own.place.country_code == c.place.country_code for own in m.candidates
                ):
                    # "near Woodstock, Ontario": ISO's Ontario is named after no city, so it has no
                    # GeoNames region code to pin the town by; its country still says which one.
                    m.explicit = c.place.country_code
                    return
                if c.place.kind == "country":
                    m.explicit = c.place.country_code
                    return
        owner = self._owner_country(toks, m.start)
        if owner and any(c.place.country_code == owner for c in m.candidates):
            # "Yemen's Al Mukha", "Pakistan's Kohat": a town of that country, even under a spelling
            # the gazetteer keeps only as an alternate, and whatever towns abroad share the name.
            m.explicit = owner

    def _owner_country(self, toks: Tokens, start: int) -> str | None:
        """The country named in a possessive right before ``start`` ("Burkina Faso's"), if any."""
        if start < 2 or toks.words[start - 1] not in ("'s", "\u2019s"):
            return None
        for k in range(start - 2, max(-1, start - 5), -1):
            for c in self.gaz.lookup(toks.key(k, start - 1)):
                if c.place.kind == "country" and c.primary:
                    return c.place.country_code
        return None

    # ------------------------------------------------------------------ the pass
    def find(self, toks: Tokens) -> list[Mention]:
        """Every non-numeric entity, corrected, plus the places and demonyms the model missed."""
        gaz = self.gaz
        n = toks.n
        words = toks.words
        self._sport = None
        covered = bytearray(n)
        mentions: list[Mention] = []
        rejected: list[Mention] = []
        ents = toks.ents
        # "Francois Bayrou's minority government": the surname before a possessive, not the "'s".
        self._surnames = {
            words[end - 2] if words[end - 1] in ("'s", "\u2019s") else words[end - 1]
            for start, end, label in ents
            if label == "PERSON"
            and end - start > (2 if words[end - 1] in ("'s", "\u2019s") else 1)
            and toks.key(start, end) not in gaz.names
        }

        def take(m: Mention) -> None:
            mentions.append(m)
            covered[m.start : m.end] = b"\x01" * (m.end - m.start)

        for ent_start, ent_end, label in ents:
            if label in NUMERIC_LABELS:
                continue
            for start, end in _pieces(toks, ent_start, ent_end):
                if all(covered[start:end]):
                    continue  # the tail of a longer name ("Kashmir" of "Pakistan-administered Kashmir")
                self._entity(toks, start, end, label, take, rejected)

        # Names the model did not tag at all (or tagged as a multi-place span). Only capitalised
        # tokens can start one.
        title, upper = toks.title, toks.upper
        starts = [k for k in range(n) if title[k] or upper[k]]
        i = 0
        for i0 in starts:
            if i0 < i:
                continue
            i = i0
            if covered[i]:
                continue
            two = f"{words[i]} {words[i + 1]}" if i + 1 < n else ""
            word, end = (two, i + 2) if two in gaz.demonyms else (words[i], i + 1)
            if word in gaz.demonyms:  # "Russian", "North Korean"
                take(Mention(i, end, "NORP", country_code=gaz.demonyms[word]))
                i = end
                continue
            organ = next(
                (
                    j
                    for j in range(min(n, i + 3), i, -1)
                    if not any(covered[i:j]) and toks.key(i, j) in gaz.state_organs
                ),
                None,
            )
            if organ is not None:
                # "a rally on Whitehall", untagged: the seat of a government speaks for its country, it is
                # not the Ohio town of that name.
                take(Mention(i, organ, "ORG", country_code=gaz.state_organs[toks.key(i, organ)]))
                i = organ
                continue
            limit = i
            while limit < n and not covered[limit] and limit - i < self._max_words:
                limit += 1
            end, cands = self._longest_name(toks, i, limit)
            if not cands:
                continue
            if self._not_a_place(toks, i, end):
                i = end
                continue
            m = Mention(i, end, "GPE", candidates=cands)
            self._region_suffix(toks, m)
            self._explicit(toks, m)
            if self._part_of_name(toks, i) or _runs_into_a_name(toks, m) or not self._accept(toks, m, None):
                rejected.append(m)
                i = end
                continue
            take(m)
            i = m.end

        # "from Odesa and Chornomorsk": a name listed right after a place is a place too.
        ends = {m.end for m in mentions if m.candidates}
        by_span = {(m.start, m.end): i for i, m in enumerate(mentions)}
        for m in rejected:
            k = m.start - 1
            if k < 1 or toks.lower[k] not in ("and", ",", "or") or not ({k, k - 1} & ends):
                continue
            if toks.key(m.start, m.end) in gaz.not_places:
                continue
            m.label = "GPE"
            if (m.start, m.end) in by_span:  # the model's ORG/PERSON reading of the same words
                mentions[by_span[(m.start, m.end)]] = m
            elif not any(covered[m.start : m.end]):
                take(m)
        self._us_states(toks, mentions, take)
        mentions.sort(key=lambda m: m.start)
        for m in mentions:
            # "US-mediated talks", "Iran-backed rebels": a country in a compound modifier names a party.
            # "GENEVA - Syria's government ...": a dateline's spaced dash joins nothing.
            # "against the Iraq war": a country naming a war is its subject, no evidence of where either.
            m.modifier = (
                m.end + 1 < n
                and words[m.end] == "-"
                and bool(toks.alpha[m.end + 1])
                and toks.ends[m.end - 1] == toks.idx[m.end]
            ) or (
                m.end < n
                and toks.lower[m.end] in WAR_NOUNS
                and any(c.place.kind == "country" for c in m.candidates[:1])
            )
            m.dateline = bool(m.candidates) and not m.explicit and _dateline_at(toks, m.start, m.end)
        resolve(mentions, self.gaz)
        return mentions

    def _entity(
        self, toks: Tokens, start: int, end: int, label: str, take: Any, rejected: list[Mention]
    ) -> None:
        """One model entity: keep it, relabel it as a place or demonym, or trim it to the place it names."""
        gaz = self.gaz
        if toks.lower[start] == "the" and end - start > 1:
            start += 1
        text = toks.span(start, end)
        if self._not_a_place(toks, start, end):
            return
        if text.islower():
            return  # "searched the bush": a common noun the model tagged, not a name (not Egypt's Bush)
        if (label in PLACE_LABELS or label == "NORP") and end + 1 < toks.n and toks.words[end] == "-":
            # "in Guinea-Bissau" tagged "Guinea", "Pakistani-controlled Kashmir" tagged "Pakistani": the
            # model stopped at the hyphen of a longer name.
            longer_end, longer = self._longest_name(toks, start, min(toks.n, end + 3))
            if longer and longer_end > end + 1:
                end, label = longer_end, "GPE"
                text = toks.span(start, end)
        demonym = gaz.demonyms.get(text)
        if demonym and label in {"NORP", "GPE", "ORG", "PERSON", "LANGUAGE"}:
            take(Mention(start, end, "NORP", country_code=demonym))
            return
        organ = gaz.state_organs.get(toks.key(start, end))
        if organ and (label in PLACE_LABELS or label in ("ORG", "FAC")):
            # "marched from the White House to the Capitol": a state organ's seat, not the Tennessee
            # town of that name (nor Casablanca, its Spanish meaning); it speaks for its country.
            take(Mention(start, end, "ORG", country_code=organ))
            return
        cands = gaz.lookup(toks.key(start, end))
        if not cands and label in PLACE_LABELS and end - start > 1 and toks.lower[start] in PART_WORDS:
            # "Thousands of people in Northern California": a part of the place the rest names
            part = gaz.lookup(toks.key(start + 1, end))
            if part:
                start, cands = start + 1, part
                text = toks.span(start, end)
        if not cands and label == "FAC" and end - start > 1 and toks.lower[end - 1] in FACILITY_WORDS:
            # "Brussels Airport was still disrupted": the facility is in the town it is named after
            town = gaz.lookup(toks.key(start, end - 1))
            if any(c.place.kind == "city" for c in town):
                end, cands = end - 1, town
                text = toks.span(start, end)
        m = Mention(start, end, label, candidates=cands)
        self._region_suffix(toks, m)
        if not m.candidates and end - start > 1 and label not in PLACE_LABELS:
            # "Vovchansk authorities", "Philippines authorities": a place the model ran into a word.
            name_end, cands = self._longest_name(toks, start, end)
            if cands and name_end < end and all(toks.is_lower[name_end:end]):
                m = Mention(start, name_end, label, candidates=cands)
            elif not cands and self._place_after_in(toks, start, end, take):
                # "Barsalogho in Burkina Faso" read as one organisation: the place it names is kept
                # and the rest stays what the model said.
                end = next(k for k in range(start, end) if toks.lower[k] == "in")
                text = toks.span(start, end)
                m = Mention(start, end, label)
        if m.candidates:
            self._explicit(toks, m)
            if label in PLACE_LABELS or label == "FAC":
                accepted = text not in self._surnames
            else:
                accepted = self._accept(toks, m, label)
            if accepted:
                m.label = "GPE"
                take(m)
                return
            if m.end == end:  # may still be a place if it is listed after one (see find)
                rejected.append(Mention(start, end, "GPE", candidates=m.candidates, explicit=m.explicit))
            m = Mention(start, end, label)
        if label in PLACE_LABELS and not m.candidates:
            if text in self._surnames:  # "Erdogan" after "Recep Tayyip Erdogan"
                take(Mention(start, end, "PERSON"))
                return
            if end - start > 1:
                return  # "Sumy and Kharkiv" as one span: the token walk finds each
        if label == "ORG" and all(toks.is_lower[k] or not toks.alpha[k] for k in range(start, end)):
            return  # "health ministry": a description, not a name
        m = Mention(start, end, label)
        if label == "ORG":
            m.country_code = self._org_country(toks, start, end)
        take(m)

    def _us_states(self, toks: Tokens, mentions: list[Mention], take: Any) -> None:
        """ "TALLMANSVILLE, W.Va. (AP)", "in Mayfield, Ky.": the abbreviated state is a place, and it
        pins the town before it (Mayfield in Kentucky, not Scotland's)."""
        for k in range(1, toks.n - 1):
            if toks.words[k] != "," or not (toks.title[k - 1] or toks.upper[k - 1]):
                continue
            found = _AP_STATE.match(toks.text, toks.idx[k + 1])
            state = self.gaz.us_state_abbreviations.get(fold(found.group(0))) if found else None
            if found is None or state is None:
                continue
            regions = tuple(
                c for c in self.gaz.lookup(state) if c.place.kind == "region" and c.place.country_code == "US"
            )
            end = k + 1
            while end < toks.n and toks.idx[end] < found.end():
                end += 1
            overlapping = [m for m in mentions if m.start < end and m.end > k + 1]
            if not regions or any(m.candidates for m in overlapping):
                continue
            for m in overlapping:  # the model's unresolved "Calif"
                mentions.remove(m)
            take(Mention(k + 1, end, "GPE", candidates=regions))
            town = next((m for m in mentions if m.end == k and m.candidates), None)
            code = regions[0].place.admin1_code
            if town is not None and code and any(c.place.admin1_code == code for c in town.candidates):
                town.explicit = code

    def _place_after_in(self, toks: Tokens, start: int, end: int, take: Any) -> bool:
        """Take "<place>" out of a non-place span "<name> in <place>" reaching the span's end; whether
        one was taken."""
        for k in range(start + 1, end - 1):
            if toks.lower[k] != "in":
                continue
            name_end, cands = self._longest_name(toks, k + 1, end)
            if cands and name_end == end and (_best(cands) or cands[0]).place.kind in ("country", "region"):
                take(Mention(k + 1, end, "GPE", candidates=cands))
                return True
            return False
        return False

    def _not_a_place(self, toks: Tokens, start: int, end: int) -> bool:
        """A month or weekday ("the August attack"), a feature's name ("the Guadalupe River") or a person
        title before a name ("King George"): never resolved to the town of that name."""
        gaz = self.gaz
        if toks.key(start, end) in gaz.never_places:
            return True
        if end - start == 1 and toks.lower[start] in PERSON_TITLES and end < toks.n and toks.title[end]:
            return True  # "the King George area of Honiara": a title before a name, not King, NC
        if _joined_to_a_longer_name(toks, end - 1 if toks.words[end - 1] == "-" else end):
            return True  # "at Lipova-lazne": a longer name the gazetteer does not know
        return end < toks.n and toks.lower[end] in gaz.feature_nouns

    def _accept(self, toks: Tokens, m: Mention, model_label: str | None) -> bool:
        text = toks.span(m.start, m.end)
        if model_label == "PERSON" and text in self._surnames:
            return False
        if model_label is None and text in self._surnames:
            return False
        return self._strong(toks, m, model_label)

    @staticmethod
    def _part_of_name(toks: Tokens, i: int) -> bool:
        """ "Real Madrid", "Borussia Dortmund": a capitalised word before the name, mid-sentence."""
        if i == 0:
            return False
        p = i - 1
        if not toks.title[p] or toks.sent_start[p] or toks.lower[p] in PERSON_TITLES:
            return False
        # In a title-case headline every word is capitalised; there that says nothing.
        words = [
            k
            for k in range(toks.sentence_start(i), toks.sentence_end(i))
            if toks.alpha[k] and len(toks.words[k]) > 3
        ]
        return not words or sum(toks.title[k] for k in words) < 0.6 * len(words)

    def _org_country(self, toks: Tokens, start: int, end: int) -> str | None:
        """The country an organisation acts for: "the Kremlin", "Russia's defence ministry"."""
        gaz = self.gaz
        cc = gaz.state_organs.get(toks.key(start, end))
        if cc:
            return cc
        for k in range(start, end):
            if toks.words[k] in gaz.demonyms:
                return gaz.demonyms[toks.words[k]]
            best = _best(gaz.lookup(toks.key(k, k + 1)))
            if best is not None and best.place.kind == "country":
                return best.place.country_code
        return None
