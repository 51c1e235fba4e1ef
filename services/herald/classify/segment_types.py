"""Steps 1 and 2 of classification: the event types one segment reports, after same-segment absorption.

Every segment is matched against every type's cues (``cues.py``), vetoes applied; when two types fire
on one segment and one explains the other, the other is dropped (``ABSORBS``). The rest of the method
is in ``rules.py``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from . import phrasing, salience
from .cues import (
    CIVILIANS,
    GENERIC_STRIKE,
    GENERIC_STRIKE_VETOES,
    RULES,
    Cue,
    TypeRules,
    gate_of,
    is_background,
    may_match,
    search,
)
from .segments import in_spans, reporting_spans

_BLAST_WORDS = re.compile(r"\b(?:bomb\w*|blasts?|explo\w*|mines?|IEDs?|device)\b", re.I)


def _separate_shooting(infra: Hit, civilians: Hit, text: str) -> bool:
    """Whether a sentence's buried bomb and its attack on civilians are two acts: the infrastructure
    cue is the roadside-bomb one and the attack's own words hold no bomb (gunmen opening fire)."""
    return infra.cue == "roadside bomb or landmine went off" and not _BLAST_WORDS.search(
        text[civilians.span[0] : civilians.span[1]]
    )


def _vehicle_bomb_itself(infra: Hit, civilians: Hit, text: str) -> bool:
    """Whether a sentence's attack on civilians is the car bomb its infrastructure cue told ("a second car
    bomb went off among people drawn to the scene, killing four civilians"): ACLED codes a vehicle-borne
    device as the remote explosive whoever it killed, so the victims named do not make a second act."""
    return infra.cue == "car or truck bomb went off" and bool(
        _BLAST_WORDS.search(text[civilians.span[0] : civilians.span[1]])
    )


# winner -> the types (or "type:cue name") it explains away when both fire on one sentence.
ABSORBS: dict[str, tuple[str, ...]] = {
    "territory_change": ("armed_clash",),
    "air_drone_strike": (
        "infrastructure_attack",
        "attack_on_civilians",
        "industrial_accident",
        "armed_clash:armed groups fighting",
        "armed_clash:attack on a military post",
    ),
    "missile_artillery_strike": (
        "air_drone_strike:warplanes attacking",
        "infrastructure_attack",
        "attack_on_civilians",
        "industrial_accident",
        "armed_clash:armed groups fighting",
        "armed_clash:attack on a military post",
    ),
    # "Gang members opened fire on a march, killing seven": the marchers are the victims of an attack
    "attack_on_civilians": ("armed_clash:armed groups fighting", "riot:crowd looting or burning", "protest"),
    # "Militants attacked a Chevron oil pipeline": an attack on a pipeline is no battle
    "infrastructure_attack": ("industrial_accident", "armed_clash:armed groups fighting"),
    "riot": ("protest", "armed_clash", "arrest"),
    "protest": ("arrest",),
    # "took power in a bloodless coup, ... breaking up rival groups of protesters": the coup's own act
    "coup": ("arrest", "leadership_change", "armed_clash", "territory_change", "protest"),
    "natural_disaster": ("industrial_accident", "infrastructure_attack"),
    "cyberattack": ("infrastructure_attack",),
    "peace_talks": ("arrest", "armed_clash:armed groups fighting"),
    "leadership_change": ("armed_clash:armed groups fighting",),
}
# Verbs of an attack by one side (on a village, a camp): not by themselves a battle between two.
ONE_SIDED = re.compile(r"attack(?:ed|ing|s)?|raid(?:ed|s)?|stormed|overran|assault(?:ed|s)?", re.I)
_REPELLED = next(c for c in phrasing.cues()["armed_clash"] if c.name == "attack repelled")
_ON_A_POST = next(c for c in phrasing.cues()["armed_clash"] if c.name == "attack on a military post")
# A named person held ("Alexei Navalny was arrested as he arrived to join the rally"): an arrest of its
# own, not the crowd's arrests.
NAMED_HELD = re.compile(
    r"(?-i:\b[A-Z][a-z]+(?:-[A-Z][a-z]+)? [A-Z][a-z]+(?:-[A-Z][a-z]+)?) "
    r"(?:was|has been) (?:arrested|detained)\b"
)
_CROSSFIRE = re.compile(
    r"\b(?:fighting|clash(?:es)?|battles?|gunfights?|exchanges? of fire) (?:broke out |erupted )?between\b"
    r"|\b(?:gunfights?|gun ?battles?|encounters?|exchanges? of fire) with (?:the )?(?:security forces|troops|"
    r"soldiers|police|army|militants|rebels)\b"
    r"|\b(?:soldiers|troops|fighters|militants|rebels|policemen|police officers|security personnel|"
    r"security forces personnel|personnel)\b[^.;]{0,40}\band\b[^.;]{0,20}\bcivilians\b",
    re.I,
)


class CueIndex:
    """Which cues of which types a segment's word starts leave in play, found from the starts alone.

    Asking every cue's gate in turn (``may_match``) costs a Python call per cue and segment, about a
    hundred per segment, for the few cues a segment's words admit. The index inverts the gates: each
    gate key names the cues it admits, so one set intersection of the segment's starts with all the
    keys finds the admitted cues; cues without a gate are always in play. The result is exactly the
    cues ``may_match`` admits, in the rules' order.
    """

    def __init__(self, types: Sequence[TypeRules]) -> None:
        self._types = tuple(types)
        self._cues: list[tuple[int, Cue]] = []  # (type position, cue), in the rules' order
        by_key: dict[str, list[int]] = {}
        always: list[int] = []
        for t, rules in enumerate(self._types):
            for cue in rules.cues:
                gate = gate_of(cue.pattern)
                if gate is None:
                    always.append(len(self._cues))
                else:
                    for key in gate:
                        by_key.setdefault(key, []).append(len(self._cues))
                self._cues.append((t, cue))
        self._by_key = {key: tuple(positions) for key, positions in by_key.items()}
        self._keys = frozenset(by_key)
        self._always = frozenset(always)

    def live(self, starts: frozenset[str]) -> list[tuple[TypeRules, list[Cue]]]:
        """Each type with a cue the starts admit, with those cues, both in the rules' order."""
        positions = set(self._always)
        for key in starts & self._keys:
            positions.update(self._by_key[key])
        by_type: dict[int, list[Cue]] = {}
        for p in sorted(positions):
            t, cue = self._cues[p]
            by_type.setdefault(t, []).append(cue)
        return [(self._types[t], cues) for t, cues in by_type.items()]


CUE_INDEX = CueIndex(phrasing.extended(RULES))


@dataclass(frozen=True)
class Hit:
    cue: str
    span: tuple[int, int]  # within the segment's text


def _match(
    rules: TypeRules | None,
    cues: Sequence[Cue],
    text: str,
    weak_ok: Callable[[], bool],
    article_text: str,
    said: Sequence[tuple[int, int]],
    starts: frozenset[str],
    asides: list[tuple[int, int]] | None = None,
    published: datetime | None = None,
) -> Hit | None:
    """The first cue of a type that fires on a segment, unless one of the type's vetoes applies.

    Cues are tried before vetoes because most segments fire no cue of a given type: the (longer)
    veto patterns then never run, which is most of what keeps classification cheap.
    """
    for cue in cues:
        if not may_match(cue.pattern, starts) or (cue.weak and not weak_ok()):
            continue
        excluded: list[tuple[int, int]] | None = None
        for m in cue.pattern.finditer(text):
            if excluded is None:
                if cue.context is not None and not search(cue.context, text, starts):
                    break
                if cue.article_context is not None and not cue.article_context.search(article_text):
                    break
                excluded = [e.span() for e in cue.exclude.finditer(text)] if cue.exclude is not None else []
            if in_spans(m.start(), excluded) or in_spans(m.start(), said) or is_background(text, m):
                continue
            if salience.dated_before_report(text[m.end() :], published):
                continue
            if salience.aside(text, *m.span()):
                if asides is not None:
                    asides.append(m.span())
                continue
            if rules is not None and any(search(v, text, starts) for v in rules.vetoes):
                return None
            return Hit(cue.name, m.span())
    return None


def segment_hits(
    text: str,
    weak_ok: Callable[[], bool],
    article_text: str,
    starts: frozenset[str],
    asides: list[tuple[int, int]] | None = None,
    published: datetime | None = None,
) -> dict[str, Hit]:
    """Step 1 and 2: the types one segment reports, after same-segment absorption. Cue words found
    to be asides (``salience.aside``) are appended to ``asides`` when given; with ``published``, a cue
    dated weeks before it ("took Goma in January") is background (``salience.dated_before_report``)."""
    hits: dict[str, Hit] = {}
    said = reporting_spans(text)
    for rules, admitted in CUE_INDEX.live(starts):
        hit = _match(rules, admitted, text, weak_ok, article_text, said, starts, asides, published)
        if hit is not None:
            hits[rules.code] = hit
    if "air_drone_strike" not in hits and "missile_artillery_strike" not in hits:
        hit = _match(None, (GENERIC_STRIKE,), text, weak_ok, article_text, said, starts, None, published)
        # One word is read once: "struck three border posts" is the attack on the posts its cue took.
        inside = hit is not None and any(
            h.span[0] <= hit.span[0] and hit.span[1] <= h.span[1] for h in hits.values()
        )
        if hit is not None and not inside and not any(v.search(text) for v in GENERIC_STRIKE_VETOES):
            hits["strike"] = hit
    # A bomb at a pipeline is an infrastructure attack; it is also an attack on civilians only when
    # the sentence names civilian victims (not when they are the car bomb's own victims).
    # A landmine told beside the gunmen who then opened fire is two acts: the blast and the shooting.
    if (
        "infrastructure_attack" in hits
        and "attack_on_civilians" in hits
        and (
            not CIVILIANS.search(text)
            or _vehicle_bomb_itself(hits["infrastructure_attack"], hits["attack_on_civilians"], text)
        )
        and not _separate_shooting(hits["infrastructure_attack"], hits["attack_on_civilians"], text)
    ):
        del hits["attack_on_civilians"]
    # Armed men killing people in a village where a battle is reported: the battle, unless the
    # sentence names civilian victims. "Attacked a village" alone is one-sided: the attack on civilians.
    clash = hits.get("armed_clash")
    # Residents fighting beside the police to drive attackers back are a side in a battle, not victims.
    repelled = clash is not None and _REPELLED.pattern.search(text) is not None
    # "Taliban gunmen stormed a paramilitary post, killing one soldier": an attack on soldiers is a battle,
    # whatever verb says it, and no attack on civilians unless the sentence names civilian victims.
    on_a_post = clash is not None and _ON_A_POST.pattern.search(text) is not None
    one_sided = (
        clash is not None
        and not repelled
        and not on_a_post
        and ONE_SIDED.fullmatch(text[clash.span[0] : clash.span[1]]) is not None
    )
    if on_a_post and "attack_on_civilians" in hits and not CIVILIANS.search(text):
        del hits["attack_on_civilians"]
    # Fire traded between two armed sides ("the gunmen shot back, wounding a soldier") is a battle too.
    mutual_fire = clash is not None and clash.cue == "fire exchanged between armed sides"
    if (
        "attack_on_civilians" in hits
        and (hits["attack_on_civilians"].cue == "armed men attacking civilians" or mutual_fire)
        and clash is not None
        and not one_sided
        and not CIVILIANS.search(text)
    ):
        del hits["attack_on_civilians"]
    if one_sided and "attack_on_civilians" in hits:
        del hits["armed_clash"]
    # Civilians killed in a battle between two named sides, or counted beside the soldiers who fell in it
    # ("six soldiers and nine civilians were killed when fighting broke out between ..."): the battle.
    if clash is not None and not one_sided and "attack_on_civilians" in hits and _CROSSFIRE.search(text):
        del hits["attack_on_civilians"]
    if repelled:
        hits.pop("attack_on_civilians", None)
    # Plotters arrested after a coup attempt are an arrest of their own, not part of the seizure.
    keep_arrest = "coup" in hits and phrasing.coup_plotters_arrested().search(text) is not None
    # A named person held at a rally is an arrest of its own, not the crowd's arrests.
    keep_arrest = keep_arrest or ("coup" not in hits and NAMED_HELD.search(text) is not None)
    for winner, losers in ABSORBS.items():
        if winner not in hits:
            continue
        for loser in losers:
            if keep_arrest and loser == "arrest":
                continue
            code, _, cue = loser.partition(":")
            if code in hits and (not cue or hits[code].cue == cue):
                del hits[code]
    return hits
