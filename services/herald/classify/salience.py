"""Salience: an event is what the article reports, not every event its words mention.

Real reports carry far more event words than events: a football report quotes a manager whose
assistant "tested positive for Covid", a product teaser lists "natural phenomena such as tornadoes",
a court report retells the ransomware attack a hacker is jailed for, an arrest story recalls last
year's attacks. The cues in ``cues.py`` say what a sentence is about; this module says whether the
sentence (or the words around a cue) reports something happening now:

* an **article frame** (an opinion piece, an explainer, an obituary, a court case, an anniversary)
  makes the whole article a non-event;
* a **background sentence** (an earlier run of attacks, an anniversary, a conditional, a general
  truth, a product description, one person's illness) raises no event;
* an **aside** around a cue word (an example list, "on suspicion of", "the 2011 riots", a modal, a
  threat, a modifier such as "flood relief", a clause dated to an earlier time) does not count;
* a **passing mention**: past the headline and the lead, a sentence raises a type the lead does not
  report only when it marks itself as a new report ("on Sunday", "separately", "also").

The vocabulary is data (``data/salience.yaml``) so that a desk can read and tune it; this module only
compiles it and applies it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any

from herald.core import yaml_data

from .cues import is_off_topic
from .screens import GatedList

_DATA = Path(__file__).with_name("data") / "salience.yaml"
LEAD_SEGMENTS = 3  # the headline and the first body sentences: what the article is about
_WINDOW = 160  # characters looked at on either side of a cue word


def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.I)


def _any_of(patterns: Iterable[str]) -> re.Pattern[str]:
    """One alternation that matches exactly when one of ``patterns`` does (none uses a group number)."""
    return _compile("|".join(f"(?:{v})" for v in patterns))


@cache
def _vocabulary() -> dict[str, Any]:
    raw = yaml_data.load(_DATA.read_text(encoding="utf-8"))
    return {
        "article_frames": {k: _compile(v) for k, v in raw["article_frames"].items()},
        "background_sentences": {k: _compile(v) for k, v in raw["background_sentences"].items()},
        "before_cue": {k: _compile(v) for k, v in raw["before_cue"].items()},
        # All of them as one alternation: it matches exactly when one of them does (none uses a group
        # number), and one scan of the words before a cue costs a third less than forty-odd scans.
        "any_before_cue": _any_of(raw["before_cue"].values()),
        "after_cue": {k: _compile(v) for k, v in raw["after_cue"].items()},
        # The same one-alternation screen for the other lists asked on every sentence or cue: most
        # sentences and cue words match none of them, and then one scan replaces a scan per entry.
        "any_article_frame": _any_of(raw["article_frames"].values()),
        "any_background_sentence": _any_of(raw["background_sentences"].values()),
        "any_after_cue": _any_of(raw["after_cue"].values()),
        # Word gates over each list: only the entries a text's words leave in play are searched.
        "gated_article_frames": GatedList({k: _compile(v) for k, v in raw["article_frames"].items()}),
        "gated_background_sentences": GatedList(
            {k: _compile(v) for k, v in raw["background_sentences"].items()}
        ),
        "gated_before_cue": GatedList({k: _compile(v) for k, v in raw["before_cue"].items()}),
        "dated_clause": _compile(raw["dated_clause"]),
        "reported_pluperfect": _compile(raw["reported_pluperfect"]),
        "first_since": _compile(raw["first_since"]),
        "news_markers": _compile(raw["news_markers"]),
        "roundup_headline": _compile(raw["roundup_headline"]),
    }


def article_frame(title: str) -> str | None:
    """The kind of non-event article the headline announces ("opinion", "court", ...), if any."""
    gated: GatedList = _vocabulary()["gated_article_frames"]
    return gated.first(title)


def background_sentence(text: str) -> str | None:
    """The kind of background a sentence is ("earlier_run", "conditional", ...), if it is one."""
    gated: GatedList = _vocabulary()["gated_background_sentences"]
    return gated.first(text)


_QUOTES = frozenset("'\"\u2018\u2019\u201c\u201d")
# A comma between digits ("over 400,000 people") is a thousands separator, not a clause break.
_CLAUSE_START = re.compile(r"(?<!\d),|,(?!\d)|[;:(\u2013\u2014]|\s-\s|\bwhere\b|\bwhen\b", re.I)
_CLAUSE_END = re.compile(r"(?<!\d),|,(?!\d)|[;:)\u2013\u2014]|\s-\s|\.(?:\s|$)")


def _clause(text: str, start: int, end: int) -> str:
    before = text[:start]
    cuts = [m.end() for m in _CLAUSE_START.finditer(before)]
    left = cuts[-1] if cuts else 0
    m = _CLAUSE_END.search(text, end)
    right = m.start() if m else len(text)
    return text[left:right]


def _is_team_name(text: str, start: int, end: int) -> bool:
    """ "The Typhoons stormed back": a capitalised plural cue word in a sentence about sport. A cue that
    matched a phrase names no team ("Arsonists ... hit France's high-speed rail lines" before the
    Olympics): its first word is capitalised because it opens the sentence."""
    word = text[start:end]
    return " " not in word and word[:1].isupper() and word.endswith("s") and is_off_topic(text)


def aside(text: str, start: int, end: int) -> str | None:
    """Why the cue word at ``text[start:end]`` is an aside rather than a report, if it is one."""
    vocabulary = _vocabulary()
    if _is_team_name(text, start, end):
        return "team_name"
    if start > 0 and text[start - 1] in _QUOTES and text[end : end + 1] in _QUOTES:
        return "quoted"  # "registers as 2.8 magnitude 'earthquake'": a word quoted, not a report
    before = text[max(0, start - _WINDOW) : start]
    for kind in vocabulary["gated_before_cue"].matches(before):
        # "said on Wednesday they had seized power": the news, told in the tense of its telling
        if kind == "pluperfect" and vocabulary["reported_pluperfect"].search(before):
            continue
        return kind
    after = text[end : end + _WINDOW]
    if vocabulary["any_after_cue"].search(after):
        for kind, pattern in vocabulary["after_cue"].items():
            if pattern.search(after):
                return kind
    clause = _clause(text, start, end)
    if vocabulary["dated_clause"].search(clause) and not vocabulary["first_since"].search(clause):
        return "dated"
    return None


def is_roundup(title: str) -> bool:
    """Whether the headline announces a round-up, whose every sentence is a report of its own."""
    return bool(_vocabulary()["roundup_headline"].search(title))


_OPENS_NEWS = re.compile(
    r"^\W*(?:(?:on|late on|early on) (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|separately|"
    r"meanwhile|elsewhere|in (?:another|a separate))\b",
    re.I,
)


def opens_news(text: str) -> bool:
    """Whether a sentence opens as a report of its own ("On Friday a bomb hit ...", "Separately, ...")."""
    return bool(_OPENS_NEWS.match(text))


_OPENS_SEPARATE = re.compile(
    r"^\W*(?:separately|in (?:another|a separate) (?:incident|case|development))\b", re.I
)


def opens_separate_report(text: str) -> bool:
    """Whether a sentence says it is another story than the one before ("Separately, officers arrested
    two reporters"), so it is no part of the scene it follows; a weekday opening may go on with it."""
    return bool(_OPENS_SEPARATE.match(text))


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY = re.compile(r"\b(" + "|".join(_WEEKDAYS) + r")\b", re.I)
_OPENS_ON_DAY = re.compile(r"^\W*(?:(?:late|early)\s+)?on\s+(" + "|".join(_WEEKDAYS) + r")\b", re.I)

# The day a report was given is not the day of the event ("the ministry said on Sunday" over "On
# Saturday alone, strikes killed 16").
_SAYING_DAY = re.compile(
    r"\b(?:said|says|told\s+[\w-]+|announced|reported|added|confirmed)\s+(?:late\s+|early\s+)?on\s+"
    r"(?:" + "|".join(_WEEKDAYS) + r")\b",
    re.I,
)


# "Friday's Israeli strike in Beirut killed at least 37": an incident named by its day.
_DAYS_INCIDENT = re.compile(r"\b(" + "|".join(_WEEKDAYS) + r")(?:'|\u2019)s\b", re.I)
_MONTHS = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december",
)  # fmt: skip
# "On May 11, cold lava from Mount Marapi killed more than 60 people": a sentence opening on a date.
_OPENS_ON_DATE = re.compile(r"^\W*on\s+(" + "|".join(_MONTHS) + r")\s+(\d{1,2})\b", re.I)
# "A missile attack on Odesa on Nov. 18 killed at least 10 people": an incident named by its date as
# the subject of its own toll (the month said in full or cut short).
_DATED_INCIDENT = re.compile(
    r"^\W*(?:an?|the)\s+[^,.;:]{0,60}?\bon\s+(" + "|".join(m[:3] for m in _MONTHS) + r")[a-z]*\.?\s+(\d{1,2})"
    r"(?:,?\s+\d{4})?\s+(?:killed|wounded|injured|left|claimed|hurt)\b",
    re.I,
)


def earlier_day(lead: str, text: str, published: datetime | None = None) -> bool:
    """Whether a sentence opens on a weekday one to three days before the lead's ("... struck a car on
    Wednesday, killing one person" then "On Tuesday a drone hit a motorcycle, injuring nine"), names an
    incident by such a day ("Friday's strike in Beirut killed 37" under a Sunday lead), or opens on a
    date two days or more before the report (``published``): an earlier incident, whose counts are not
    this event's. The day a report was given is not the lead's day. A later day may be this event's
    update ("On Thursday the toll rose to 19"), so only earlier days are set apart."""
    if published is not None and (dated := _OPENS_ON_DATE.match(text) or _DATED_INCIDENT.match(text)):
        month = [m[:3] for m in _MONTHS].index(dated.group(1).lower()[:3]) + 1
        day = int(dated.group(2))
        year = published.year - (month > published.month)
        try:
            gap_days = (published.date() - date(year, month, day)).days
        except ValueError:
            return False
        return 2 <= gap_days <= 300
    said = _WEEKDAY.search(_SAYING_DAY.sub("", lead))
    if said is None:
        return False
    lead_day = _WEEKDAYS.index(said.group(1).lower())
    days = [m.group(1) for m in (_OPENS_ON_DAY.match(text),) if m]
    days += [m.group(1) for m in _DAYS_INCIDENT.finditer(text)]
    return any(1 <= (lead_day - _WEEKDAYS.index(d.lower())) % 7 <= 3 for d in days)


# "M23 ... took Goma in January", "still recovering from a magnitude 6.9 earthquake on Sept. 30": a month,
# or a month and day, right after the cue word, with no year (a year is ``cues._PAST_AFTER``'s).
_MONTH_NAMES = (
    r"Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?|"
    r"Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?"
)
_MONTH_AFTER_CUE = re.compile(
    r"^[^.;]{0,30}?\b(?i:in|on) (?i:early |mid-|late )?(" + _MONTH_NAMES + r")(?=[\s,.;)]|$)(?: (\d{1,2})\b)?"
)
_YEAR_NEXT = re.compile(r"\W{0,3}(?:19|20)\d\d\b")
_EARLIER_MONTH_DAYS = 14  # a date this many days before the report or more tells of an earlier event


_IN_MONTH = re.compile(r"\b(?i:in|on) (?i:early |mid-|late )?(?:" + _MONTH_NAMES + r")(?=[\s,.;)]|$)")


def dated_weeks_before(text: str, published: datetime) -> bool:
    """Whether a sentence dates something it tells to a month at least two weeks before the report
    ("a tower brought down in January" in March), the way ``dated_before_report`` dates a cue."""
    return any(dated_before_report(text[m.start() :], published) for m in _IN_MONTH.finditer(text))


def dated_before_report(after: str, published: datetime | None) -> bool:
    """Whether the words right after a cue date it at least two weeks before the report (``published``):
    "took Goma in January" in July, "a magnitude 6.9 earthquake on Sept. 30" in November. Such a cue tells
    of an earlier event, the background of the news. A month with no day counts from its last day."""
    if published is None:
        return False
    m = _MONTH_AFTER_CUE.match(after)
    if m is None or _YEAR_NEXT.match(after, m.end()):
        return False
    said = m.group(1).lower().rstrip(".")[:3]
    month = next(i for i, name in enumerate(_MONTHS, 1) if name.startswith(said))
    year = published.year - (month > published.month)
    if m.group(2) is not None:
        try:
            when = date(year, month, int(m.group(2)))
        except ValueError:
            return False
    else:
        when = date(year + (month == 12), month % 12 + 1, 1)  # the day after the month's last
        if month == published.month:
            return False
    return (published.date() - when).days >= _EARLIER_MONTH_DAYS


def marks_news(text: str) -> bool:
    """Whether a sentence past the lead presents itself as a report of its own ("on Sunday ...")."""
    return bool(_vocabulary()["news_markers"].search(text))


__all__ = [
    "LEAD_SEGMENTS",
    "article_frame",
    "aside",
    "background_sentence",
    "dated_before_report",
    "earlier_day",
    "is_roundup",
    "marks_news",
    "opens_news",
]
