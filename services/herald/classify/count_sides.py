"""Whose dead: tolls that wire copy splits between the sides of a fight, lists, claims and later deaths.

A battle report gives each side's dead in its own words ("the army said it killed 80 militants and
lost seven soldiers"), a list shares one verb ("23 children and four adults died"), the other side's
figure is a claim ("the Taliban claimed to have killed 18 soldiers"), and people counted as injured
may die later ("two more workers injured in the blast died"). ``magnitude.read_text`` asks this
module about the numbers it has read in one segment:

* ``side``: whose count a number is (``state`` forces, ``armed`` groups, ``civilians``; empty when
  the sentence does not say), so ``magnitude.measure`` can add up the sides of a clash instead of
  keeping the largest;
* ``is_claim``: a figure one side claims, which the report does not stand by;
* ``enemy_dead``: "Afghan forces killed 58 Pakistani soldiers": the killer's count of the other
  country's dead, which each side of a war claims and neither's toll is;
* ``list_total``: "N A and M B were killed" is one toll of N + M;
* ``later_deaths``: "N (of the M) injured ... died" makes N killed, not also wounded (and leaves
  M - N injured).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .count_patterns import _ADJ, _HEDGE, _WHERE, _WHO, BE, GERUNDS, VERBS

_STATE = (
    r"soldiers?|troops?|servicem[ae]n|servicemembers?|policem[ae]n|police(?:\s+officers)?|officers?|guards?|"
    r"security\s+(?:personnel|forces|officials)|personnel|paramilitar\w*|commandos?|army|marines?|"
    r"government\s+forces|conscripts?|reservists?"
)
_ARMED = (
    r"militants?|rebels?|insurgents?|fighters?|gunmen|attackers|assailants|jihadists?|terrorists?|taliban|"
    r"extremists?|separatists?|bandits|gang\s+members"
)
_CIVILIANS = r"civilians?|residents?|villagers?|children|women|passengers|worshippers|bystanders"
# The people right after a number, within three words: "80 Islamist militants", "seven soldiers".
_SIDE_AFTER = re.compile(
    rf"^\s+(?:[\w'-]+\s+){{0,3}}?(?:(?P<state>{_STATE})|(?P<armed>{_ARMED})|(?P<civilians>{_CIVILIANS}))\b",
    re.I,
)
_SIDE_WORDS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (side, re.compile(rf"\b(?:{words})\b", re.I))
    for side, words in (("state", _STATE), ("armed", _ARMED), ("civilians", _CIVILIANS))
)
# "26 rebels and soldiers", "rebels and government troops" (not "militants and lost seven soldiers")
_AND_SIDE = re.compile(
    rf"^\s+and\s+(?:(?:government|security|army|pro-government|[A-Z][\w-]*)\s+)?(?:{_STATE}|{_ARMED}|{_CIVILIANS})\b"
)
# "put the army's dead at 39", "the soldiers' death toll at 18": the side named before the number
_SIDE_BEFORE: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (side, re.compile(rf"\b(?:{words})(?:'s|')?\s+(?:death\s+toll|toll|dead|losses)\s+at\s+{_HEDGE}$", re.I))
    for side, words in (("state", _STATE), ("armed", _ARMED), ("civilians", _CIVILIANS))
)
_CLAUSE = re.compile(r"[;:]|,\s+(?:but|while|whereas)\b|\b(?:which|who)\b|\.\s")
_CLAIM = re.compile(r"\bclaim(?:ed|s|ing)?\b(?!\s+(?:the\s+lives|responsibility))", re.I)
# Between two numbers of one list: "80 militants and", "Four army troops, a colonel among them, and"
_LIST_GAP = re.compile(rf"\s+{_ADJ}{_WHO}(?:\s*,[^,.;]{{1,30}},)?\s+and\s+{_HEDGE}", re.I)
# the last member may carry an aside of its own before the verb: "12 staff and seven patients, three
# of them children, were killed" is one toll of 19
_MEMBER_ASIDE = r"(?:\s*,[^,.;]{1,30},)?"
_HARM_VERBS = {
    unit: re.compile(rf"\s+(?:{_ADJ}{_WHO}(?:{_WHERE})?{_MEMBER_ASIDE}\s+)?{BE}{VERBS[unit]}\b", re.I)
    for unit in ("killed", "wounded", "missing")
}
# "killing at least 23 children and four adults": the harm said once, before the list
_HARM_BEFORE = {unit: re.compile(rf"\b{GERUNDS[unit]}\s+{_HEDGE}$", re.I) for unit in ("killed", "wounded")}
# the list's last member names its people and no harm of its own follows ("... and four adults were
# wounded" is another toll)
_OWN_HARM = "|".join(VERBS[u] for u in ("killed", "wounded", "missing"))
_LIST_END = re.compile(rf"\s+{_ADJ}{_WHO}\b(?!\s+(?:{BE})(?:{_OWN_HARM}))", re.I)
# "Two more workers injured in Tuesday's blast died", "two of the four people badly injured ... died"
_LATER_DEATH = re.compile(
    rf"\s+(?:(?:more|other)\s+)?(?:of\s+the\s+(?P<of>[\w,.-]+)\s+)?(?:{_ADJ}{_WHO}\s+)?"
    rf"(?:(?:who|that)\s+(?:were|had\s+been|was)\s+)?(?:\w+ly\s+)?(?:injured|wounded|hurt|burned|burnt)\b"
    r"(?P<gap>[^.;]{0,140}?)\b(?:later\s+)?(?:died|dies|die|succumbed|have\s+died|has\s+died|had\s+died)\b",
    re.I,
)


_OF_THE = re.compile(r"\bof\s+the\s+$", re.I)

# A force that kills, right before the number: "Afghan forces killed", "Pakistan said it had killed".
_FORCE_KILLED = re.compile(
    rf"\b(?:forces|troops|army|military|it|they|we)\s+(?:(?:had|have|has)\s+)?killed\s+{_HEDGE}$", re.I
)
# The dead named by a country's people, then as fighters: "58 Pakistani soldiers", "40 Afghan fighters"
# (a capitalised word ending as demonyms do; "Islamist militants" is a cause and "60 Taliban fighters"
# a movement, which an army fights at home as often as abroad: "the military said it killed 60 Taliban
# fighters in Waziristan" is that offensive's toll).
_NATION_DEAD = re.compile(
    rf"^\s+(?!(?i:{_ARMED})\b)[A-Z][a-z]+(?:an|ani|i|ese|ish|ian)\s+(?:[A-Z][\w-]*\s+)?(?i:{_STATE}|{_ARMED})\b"
)


def side(sentence: str, start: int, end: int) -> str:
    """Whose count the number at ``start:end`` is: the people named right after it or, in "put the
    army's dead at 39", right before it."""
    m = _SIDE_AFTER.match(sentence[end : end + 60])
    if m is not None:
        # "26 rebels and soldiers": both sides' dead in one figure
        return (
            ""
            if phrase_side(sentence[end + m.end() : end + m.end() + 40], mixed=True)
            else (m.lastgroup or "")
        )
    before = sentence[max(0, start - 60) : start]
    for name, rx in _SIDE_BEFORE:
        if rx.search(before):
            return name
    return ""


def phrase_side(phrase: str, *, mixed: bool = False) -> str:
    """Whose count a whole count phrase is ("at least 80 Islamist militants"): the enrichment's span;
    none when it names two sides ("26 rebels and soldiers"). With ``mixed``: whether the phrase goes on
    to another side ("and soldiers")."""
    if mixed:
        return "mixed" if _AND_SIDE.match(phrase) else ""
    found = {name for name, rx in _SIDE_WORDS if rx.search(phrase)}
    return found.pop() if len(found) == 1 else ""


def is_claim(sentence: str, start: int) -> bool:
    """A figure one side claims ("claimed to have killed 18 soldiers", "The Taliban claimed the ambush
    and put the soldiers' death toll at 18"): said, not stood by."""
    before = sentence[max(0, start - 90) : start]
    cuts = list(_CLAUSE.finditer(before))
    return _CLAIM.search(before[cuts[-1].end() :] if cuts else before) is not None


# The enemy's dead told beside the side's own: "Kabul said 58 Pakistani soldiers and nine of its own
# fighters died", "Pakistan's army counted 23 of its soldiers and over 200 Taliban fighters killed".
_BESIDE_OWN_AFTER = re.compile(
    rf"^\s+(?:[\w-]+\s+){{0,3}}?and\s+{_HEDGE}[\w-]+\s+of\s+(?:its|their|our)\s+own\b", re.I
)
_BESIDE_OWN_BEFORE = re.compile(
    rf"\bof\s+(?:its|their|our)\s+(?:own\s+)?(?:{_STATE}|{_ARMED})\s+and\s+{_HEDGE}$", re.I
)


def enemy_dead(sentence: str, start: int, end: int) -> bool:
    """ "Afghan forces killed 58 Pakistani soldiers", "Pakistan said it killed more than 40 Afghan
    fighters": in war reporting each side counts the other's losses; the figure is the killer's claim,
    not the toll of the side that lost them, so it feeds no toll (a clash's own dead stay read)."""
    before = sentence[max(0, start - 60) : start]
    victims = sentence[end : end + 60]
    if _BESIDE_OWN_AFTER.match(victims) or _BESIDE_OWN_BEFORE.search(before):
        return True
    return _FORCE_KILLED.search(before) is not None and _NATION_DEAD.match(victims) is not None


def nation_dead(sentence: str, end: int) -> bool:
    """Whether the number ending at ``end`` counts a nation's fighters ("200 Afghan Taliban fighters",
    "58 Pakistani soldiers"), not fighters named only by their side ("23 soldiers", "80 Islamist
    militants")."""
    return _NATION_DEAD.match(sentence[end : end + 60]) is not None


def list_total(sentence: str, first: tuple[int, int], second: tuple[int, int], unit: str) -> bool:
    """Whether two numbers are one list sharing one harm verb: "16 rebels and 10 soldiers were
    killed", "23 children and four adults died" (one toll of their sum)."""
    rx = _HARM_VERBS.get(unit)
    return (
        rx is not None
        and _LIST_GAP.fullmatch(sentence, first[1], second[0]) is not None
        and rx.match(sentence, second[1]) is not None
    )


def harm_before_list(sentence: str, first: tuple[int, int], second: tuple[int, int], unit: str) -> bool:
    """Whether two numbers are one list after one harm word: "killing at least 23 children and four
    adults" (one toll of 27)."""
    rx = _HARM_BEFORE.get(unit)
    return (
        rx is not None
        and rx.search(sentence, 0, first[0]) is not None
        and _LIST_GAP.fullmatch(sentence, first[1], second[0]) is not None
        and _LIST_END.match(sentence, second[1]) is not None
    )


@dataclass(frozen=True)
class LaterDeaths:
    """People first counted as injured who died: ``of`` is the injured total they came from, if said."""

    of_text: str | None


def later_deaths(sentence: str, start: int, end: int) -> LaterDeaths | None:
    """ "Two more workers injured in the blast died", "Two of the four people badly injured ...
    died": the number at ``start:end`` counts the dead, not the injured (the four are the total
    the two came from)."""
    if _OF_THE.search(sentence, max(0, start - 8), start):
        return None
    m = _LATER_DEATH.match(sentence, end)
    if m is None or re.search(r"\d", m.group("gap")):
        return None
    return LaterDeaths(m.group("of"))
