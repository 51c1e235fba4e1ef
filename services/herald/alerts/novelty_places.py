"""A place the gazetteer does not know, read in the country of the recent reports that named it.

"Zike death toll rises above 60 as village holds mass burial" places its attack at "Bassa", which
enrichment could not resolve: a local government area of Plateau state too small for the gazetteer. The
report of the same attack a day before named Bassa in a sentence of a report placed in Nigeria ("the
Zike and Kimakpa communities in Bassa local government area of Plateau state"). A desk reads the second
report in the first one's country; so do the rules, which otherwise give it no scope and no series (no
first, no record).

The memory is per type family: the words that look like names (capitalised, four letters or more) and
follow a locative word ("in Bassa", "on Bassa villages") in the reports of the family placed in a
country, each with the country and when it was last named there, for
``NoveltyConfig.country_toll_window``. A word named in two countries' reports places nothing; so does a
place a report of another family named (a village in a landslide's report is no clue to where tribal
fighting was), and so does any word for a report that names another country (a place that spans
countries: "across central Europe").
"""

from __future__ import annotations

import re
from collections.abc import MutableMapping
from typing import Any

from herald.core.families import family_of
from herald.core.records import Event

from .novelty_config import NoveltyConfig
from .novelty_scopes import affected_country
from .novelty_wording import countries_named

# A name-like word (capitalised, four letters or more) named as a place: right after a locative word
# ("communities in Bassa", "attack on Bassa villages"), not "the floods sweeping central Europe".
_PLACE = re.compile(
    r"\b(?:in|at|near|on|outside|around|from)\s+(?:the\s+)?([A-Z][a-z]{3,}(?:[-'][A-Z]?[a-z]+)?)\b"
)
MAX_WORDS = 600  # per family: the most recent words kept


class PlaceMemory:
    """The country of the recent reports of a family that named a word (a state key per family)."""

    def __init__(self, store: MutableMapping[str, Any], config: NoveltyConfig) -> None:
        self.store, self.config = store, config

    def remember(self, event: Event, when: float) -> None:
        """Note the name-like words of a report placed in a country (its title and sentences)."""
        country = affected_country(event)
        if not country:
            return
        key = f"{family_of(event.type)}|named_places"
        words: dict[str, list[Any]] = dict(self.store.get(key) or {})
        window = self.config.country_toll_window.total_seconds()
        for text in (event.title, *event.sentences):
            for word in _PLACE.findall(text):
                known = words.get(word.lower())
                if known is None or when - known[1] > window:
                    words[word.lower()] = [country, when]
                elif known[0] != country:
                    words[word.lower()] = [None, max(when, known[1])]  # named in two countries' reports
                else:
                    words[word.lower()] = [country, max(when, known[1])]
        fresh = {w: v for w, v in words.items() if when - v[1] <= window}
        if len(fresh) > MAX_WORDS:
            fresh = dict(sorted(fresh.items(), key=lambda item: item[1][1])[-MAX_WORDS:])
        self.store[key] = fresh

    def placed(self, event: Event, when: float) -> Event:
        """The event, placed in the country of the recent reports of its family that named its place when
        enrichment read the place in no country; else the event unchanged."""
        loc = event.location
        if loc is None or loc.country_code or not loc.name:
            return event
        known = (self.store.get(f"{family_of(event.type)}|named_places") or {}).get(loc.name.lower())
        window = self.config.country_toll_window.total_seconds()
        if not known or known[0] is None or abs(when - known[1]) > window:
            return event
        if countries_named(event) - {known[0]}:
            # "Storm Boris floods leave at least 15 dead across central Europe", naming Poland, Czechia
            # and Austria: a place that spans countries, not a village of the one that named it
            return event
        return event.model_copy(update={"location": loc.model_copy(update={"country_code": known[0]})})
