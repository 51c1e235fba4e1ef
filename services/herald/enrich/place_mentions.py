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

import numpy
from spacy.attrs import IS_TITLE, IS_UPPER

from .gazetteer import Candidate, Gazetteer, Place, fold
from .place_resolution import resolve
from .place_words import (
    CUED_CITY_POPULATION,
    LOCATIVE,
    NUMERIC_LABELS,
    OF_CUES,
    PERSON_TITLES,
    PLACE_LABELS,
    REGION_WORDS,
    SETTLEMENT_WORDS,
    SPORT_WORDS,
    STRONG_CITY_POPULATION,
)

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


def _cue_before(doc: Any, start: int) -> bool:
    i = start - 1
    if i >= 0 and doc[i].lower_ == "the":
        i -= 1
    if i < 0:
        return False
    word = doc[i].lower_
    if word in LOCATIVE or word in SETTLEMENT_WORDS:
        return True
    # "the city of Sumy", "east of Pokrovsk", "outskirts of Kharkiv"
    return word == "of" and i > 0 and doc[i - 1].lower_ in OF_CUES


def _pieces(doc: Any, start: int, end: int) -> list[tuple[int, int]]:
    """An entity split at line breaks: the model sometimes runs a title's last name into the body."""
    pieces, s = [], start
    for k in range(start, end):
        if doc[k].is_space and "\n" in doc[k].text:
            if k > s:
                pieces.append((s, k))
            s = k + 1
    if end > s:
        pieces.append((s, end))
    return pieces


def _titled(doc: Any, start: int) -> bool:
    return start > 0 and doc[start - 1].lower_ in PERSON_TITLES


def _best(cands: Sequence[Candidate]) -> Candidate | None:
    return cands[0] if cands else None


class PlaceFinder:
    """Finds and resolves places, demonyms and state organs in a spaCy ``Doc``."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gaz = gazetteer
        self._max_words = 6

    # ------------------------------------------------------------------ candidates
    def _strong(self, doc: Any, m: Mention, model_label: str | None, sport: bool) -> bool:
        """Whether a name is a place although the model did not say so."""
        best = _best(m.candidates)
        if best is None:
            return False
        place = best.place
        key = fold(doc[m.start : m.end].text)
        if place.kind == "country":
            return True
        if key in self.gaz.not_places:
            return False
        if m.region or m.explicit:
            return True
        if place.kind == "region":
            return best.primary
        if place.kind in ("sea", "other"):
            return True  # seas, ranges, islands: curated names, never a town's
        if _titled(doc, m.start):
            return False
        cue = _cue_before(doc, m.start)
        if model_label in ("ORG", None) and sport and not cue:
            return False
        if not best.primary:
            return cue and place.population >= STRONG_CITY_POPULATION
        if place.population >= STRONG_CITY_POPULATION:
            return True
        return cue and place.population >= CUED_CITY_POPULATION

    def _longest_name(self, doc: Any, i: int, limit: int) -> tuple[int, tuple[Candidate, ...]]:
        """The longest gazetteer name starting at token ``i`` and ending before ``limit``."""
        if fold(doc[i].text) not in self.gaz.first_words:
            return i, ()
        best_end = i
        best: tuple[Candidate, ...] = ()
        for j in range(i + 1, min(limit, i + self._max_words) + 1):
            if doc[j - 1].is_punct and doc[j - 1].text not in {"-", "'", "\u2019", "."}:
                break
            cands = self.gaz.lookup(fold(doc[i:j].text))
            if cands:
                best_end, best = j, cands
        return best_end, best

    def _region_suffix(self, doc: Any, m: Mention) -> None:
        """Turn "Kharkiv region" / "Kursk Oblast" into one region mention."""
        end = m.end
        last = doc[end - 1].lower_
        base_end = end - 1 if last in REGION_WORDS else end
        if base_end == end and end < len(doc) and doc[end].lower_ in REGION_WORDS:
            end += 1
        elif base_end == end:
            return
        if base_end <= m.start:
            return
        base = fold(doc[m.start : base_end].text)
        regions = self.gaz.region(base)
        if regions:
            m.candidates = tuple(Candidate(r, True) for r in regions) + m.candidates
        elif not m.candidates:
            m.candidates = self.gaz.lookup(base)
        if not m.candidates:
            return
        m.end, m.region = end, True

    def _explicit(self, doc: Any, m: Mention) -> None:
        """ ", Texas" / ", Taiwan" right after a name, or "Yemen's" before it, says which one is meant."""
        if m.end + 1 < len(doc) and doc[m.end].text == ",":
            _, after = self._longest_name(doc, m.end + 1, len(doc))
            for c in after:
                if c.place.kind == "region" and c.place.admin1_code:
                    m.explicit = c.place.admin1_code
                    return
                if c.place.kind == "country":
                    m.explicit = c.place.country_code
                    return
        owner = self._owner_country(doc, m.start)
        if owner and any(c.place.country_code == owner for c in m.candidates):
            # "Yemen's Al Mukha", "Pakistan's Kohat": a town of that country, even under a spelling
            # the gazetteer keeps only as an alternate, and whatever towns abroad share the name.
            m.explicit = owner

    def _owner_country(self, doc: Any, start: int) -> str | None:
        """The country named in a possessive right before ``start`` ("Burkina Faso's"), if any."""
        if start < 2 or doc[start - 1].text not in ("'s", "\u2019s"):
            return None
        for k in range(start - 2, max(-1, start - 5), -1):
            for c in self.gaz.lookup(fold(doc[k : start - 1].text)):
                if c.place.kind == "country" and c.primary:
                    return c.place.country_code
        return None

    # ------------------------------------------------------------------ the pass
    def find(self, doc: Any, text: str | None = None) -> list[Mention]:
        """Every non-numeric entity, corrected, plus the places and demonyms the model missed.

        ``text`` is the doc's text when the caller has it (``Doc.text`` rebuilds it token by token).
        """
        gaz = self.gaz
        n = len(doc)
        self._sport = _SPORT.search(doc.text if text is None else text) is not None
        covered = bytearray(n)
        mentions: list[Mention] = []
        rejected: list[Mention] = []
        self._surnames = {
            e[-1].text
            for e in doc.ents
            if e.label_ == "PERSON" and len(e) > 1 and fold(e.text) not in gaz.names
        }

        def take(m: Mention) -> None:
            mentions.append(m)
            covered[m.start : m.end] = b"\x01" * (m.end - m.start)

        for ent in doc.ents:
            if ent.label_ in NUMERIC_LABELS:
                continue
            for start, end in _pieces(doc, ent.start, ent.end):
                self._entity(doc, start, end, ent.label_, take, rejected)

        # Names the model did not tag at all (or tagged as a multi-place span). Only capitalised
        # tokens can start one; numpy finds them without making a Python object per token.
        flags = doc.to_array([IS_TITLE, IS_UPPER])
        starts = numpy.nonzero(flags[:, 0] | flags[:, 1])[0].tolist() if n else []
        i = 0
        for i0 in starts:
            if i0 < i:
                continue
            i = i0
            tok = doc[i]
            if covered[i]:
                continue
            two = f"{tok.text} {doc[i + 1].text}" if i + 1 < n else ""
            word, end = (two, i + 2) if two in gaz.demonyms else (tok.text, i + 1)
            if word in gaz.demonyms:  # "Russian", "North Korean"
                take(Mention(i, end, "NORP", country_code=gaz.demonyms[word]))
                i = end
                continue
            limit = i
            while limit < n and not covered[limit] and limit - i < self._max_words:
                limit += 1
            end, cands = self._longest_name(doc, i, limit)
            if not cands:
                continue
            if self._not_a_place(doc, i, end):
                i = end
                continue
            m = Mention(i, end, "GPE", candidates=cands)
            self._region_suffix(doc, m)
            self._explicit(doc, m)
            if self._part_of_name(doc, i) or not self._accept(doc, m, None):
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
            if k < 1 or doc[k].lower_ not in ("and", ",", "or") or not ({k, k - 1} & ends):
                continue
            if fold(doc[m.start : m.end].text) in gaz.not_places:
                continue
            m.label = "GPE"
            if (m.start, m.end) in by_span:  # the model's ORG/PERSON reading of the same words
                mentions[by_span[(m.start, m.end)]] = m
            elif not any(covered[m.start : m.end]):
                take(m)
        mentions.sort(key=lambda m: m.start)
        for m in mentions:
            # "US-mediated talks", "Iran-backed rebels": a country in a compound modifier names a party.
            m.modifier = m.end + 1 < len(doc) and doc[m.end].text == "-" and doc[m.end + 1].is_alpha
        resolve(mentions, self.gaz)
        return mentions

    def _entity(self, doc: Any, start: int, end: int, label: str, take: Any, rejected: list[Mention]) -> None:
        """One model entity: keep it, relabel it as a place or demonym, or trim it to the place it names."""
        gaz = self.gaz
        if doc[start].lower_ == "the" and end - start > 1:
            start += 1
        text = doc[start:end].text
        if self._not_a_place(doc, start, end):
            return
        demonym = gaz.demonyms.get(text)
        if demonym and label in {"NORP", "GPE", "ORG", "PERSON", "LANGUAGE"}:
            take(Mention(start, end, "NORP", country_code=demonym))
            return
        m = Mention(start, end, label, candidates=gaz.lookup(fold(text)))
        self._region_suffix(doc, m)
        if not m.candidates and end - start > 1 and label not in PLACE_LABELS:
            # "Vovchansk authorities", "Philippines authorities": a place the model ran into a word.
            name_end, cands = self._longest_name(doc, start, end)
            if cands and name_end < end and all(t.is_lower for t in doc[name_end:end]):
                m = Mention(start, name_end, label, candidates=cands)
            elif not cands and self._place_after_in(doc, start, end, take):
                # "Barsalogho in Burkina Faso" read as one organisation: the place it names is kept
                # and the rest stays what the model said.
                end = next(k for k in range(start, end) if doc[k].lower_ == "in")
                text = doc[start:end].text
                m = Mention(start, end, label)
        if m.candidates:
            self._explicit(doc, m)
            if label in PLACE_LABELS or label == "FAC":
                accepted = text not in self._surnames
            else:
                accepted = self._accept(doc, m, label)
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
        if label == "ORG" and all(t.is_lower or not t.is_alpha for t in doc[start:end]):
            return  # "health ministry": a description, not a name
        m = Mention(start, end, label)
        if label == "ORG":
            m.country_code = self._org_country(doc, start, end)
        take(m)

    def _place_after_in(self, doc: Any, start: int, end: int, take: Any) -> bool:
        """Take "<place>" out of a non-place span "<name> in <place>" reaching the span's end; whether
        one was taken."""
        for k in range(start + 1, end - 1):
            if doc[k].lower_ != "in":
                continue
            name_end, cands = self._longest_name(doc, k + 1, end)
            if cands and name_end == end and (_best(cands) or cands[0]).place.kind in ("country", "region"):
                take(Mention(k + 1, end, "GPE", candidates=cands))
                return True
            return False
        return False

    def _not_a_place(self, doc: Any, start: int, end: int) -> bool:
        """A month or weekday ("the August attack"), a feature's name ("the Guadalupe River") or a person
        title before a name ("King George"): never resolved to the town of that name."""
        gaz = self.gaz
        if fold(doc[start:end].text) in gaz.never_places:
            return True
        if end - start == 1 and doc[start].lower_ in PERSON_TITLES and end < len(doc) and doc[end].is_title:
            return True  # "the King George area of Honiara": a title before a name, not King, NC
        return end < len(doc) and doc[end].lower_ in gaz.feature_nouns

    def _accept(self, doc: Any, m: Mention, model_label: str | None) -> bool:
        text = doc[m.start : m.end].text
        if model_label == "PERSON" and text in self._surnames:
            return False
        if model_label is None and text in self._surnames:
            return False
        return self._strong(doc, m, model_label, self._sport)

    @staticmethod
    def _part_of_name(doc: Any, i: int) -> bool:
        """ "Real Madrid", "Borussia Dortmund": a capitalised word before the name, mid-sentence."""
        if i == 0:
            return False
        prev = doc[i - 1]
        if not prev.is_title or prev.is_sent_start or prev.lower_ in PERSON_TITLES:
            return False
        # In a title-case headline every word is capitalised; there that says nothing.
        sent = doc[i].sent
        words = [t for t in sent if t.is_alpha and len(t) > 3]
        return not words or sum(t.is_title for t in words) < 0.6 * len(words)

    def _org_country(self, doc: Any, start: int, end: int) -> str | None:
        """The country an organisation acts for: "the Kremlin", "Russia's defence ministry"."""
        gaz = self.gaz
        cc = gaz.state_organs.get(fold(doc[start:end].text))
        if cc:
            return cc
        for tok in doc[start:end]:
            if tok.text in gaz.demonyms:
                return gaz.demonyms[tok.text]
            best = _best(gaz.lookup(fold(tok.text)))
            if best is not None and best.place.kind == "country":
                return best.place.country_code
        return None
