"""Claims an article makes about the event it reports: "a record 472 drones", "the first attack of
its kind". Novelty alerts on them beside its own record and first rules, quoting the sentence.

The cues live in ``data/claims.yaml`` with their examples. A cue is a claim about *this* event
unless a background word ends right before it in the same sentence: "a night after the record
attack" is about another night, "surpassing the previous record" is about this one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Literal

from herald.core import yaml_data
from herald.core.records import Claim, Event

from .taxonomy import BY_CODE, DEADLY_RECORD_CLAIM_FAMILIES, RECORD_CLAIM_FAMILIES

ClaimKind = Literal["record", "first"]
KINDS: tuple[ClaimKind, ...] = ("record", "first")
SENTENCE_MAX = 500


@dataclass(frozen=True)
class Cues:
    kinds: dict[ClaimKind, tuple[re.Pattern[str], ...]]
    deadly_record: tuple[re.Pattern[str], ...]  # records of the dead, for every family that has records
    background: tuple[tuple[re.Pattern[str], bool], ...]  # (pattern, negate)
    background_reach: int
    not_a_claim: tuple[re.Pattern[str], ...]


@cache
def cues() -> Cues:
    text = resources.files("herald.classify").joinpath("data", "claims.yaml").read_text(encoding="utf-8")
    data = yaml_data.load(text)

    def compile_all(key: str) -> tuple[re.Pattern[str], ...]:
        return tuple(re.compile(row["pattern"], re.I) for row in data[key])

    return Cues(
        kinds={kind: compile_all(kind) for kind in KINDS},
        deadly_record=compile_all("deadly_record"),
        background=tuple((re.compile(r["pattern"], re.I), bool(r.get("negate"))) for r in data["background"]),
        background_reach=int(data["background_reach"]),
        not_a_claim=compile_all("not_a_claim"),
    )


def _about_another_event(before: str, c: Cues) -> bool:
    """True when the words right before a cue point at another event ("after the record attack")."""
    near = before[-c.background_reach :]
    hit = False
    for pattern, negate in c.background:
        if pattern.search(near):
            if negate:
                return False
            hit = True
    return hit


def _claimed(sentence: str, patterns: Sequence[re.Pattern[str]], c: Cues) -> bool:
    for pattern in patterns:
        for m in pattern.finditer(sentence):
            window = sentence[max(0, m.start() - 20) : m.end() + 20]
            if any(p.search(window) for p in c.not_a_claim):
                continue
            if _about_another_event(sentence[: m.start()], c):
                continue
            return True
    return False


def extract(code: str, texts: Sequence[str], headline: str = "") -> list[Claim]:
    """The record and first claims of an event of type ``code`` in its sentences, one per kind.

    A first may also be claimed in the headline ("Poland shoots down Russian drones, a first for a NATO
    member"), which tells of the article's main event even when the sentences that typed it do not
    repeat the claim; a record is not read there (a headline's "record" is often another event's).

    Only types whose family makes a record or a first news (conflict, disaster, cyber): "record
    attendance" at a match or a "first-ever" product launch are not claims we alert on. Unrest makes
    only a record of the dead news ("the deadliest day of any protest"), not a crowd's size.
    """
    family = BY_CODE[code].family
    c = cues()
    if family in RECORD_CLAIM_FAMILIES:
        kinds: dict[ClaimKind, tuple[re.Pattern[str], ...]] = {
            "record": (*c.kinds["record"], *c.deadly_record),
            "first": c.kinds["first"],
        }
    elif family in DEADLY_RECORD_CLAIM_FAMILIES:
        kinds = {"record": c.deadly_record}
    else:
        return []
    found: list[Claim] = []
    # A first may be claimed in the headline; so may an unrest's record of the dead ("At least 91 killed in
    # the deadliest day of any protest"), whose sentences tell the toll and leave the claim to the headline.
    headline_too = {"first"} if family in RECORD_CLAIM_FAMILIES else {"record"}
    for kind, patterns in kinds.items():
        for text in [*texts, headline] if kind in headline_too and headline else texts:
            if _claimed(text, patterns, c):
                found.append(Claim(kind=kind, text=" ".join(text.split())[:SENTENCE_MAX]))
                break
    return found


def one_owner(events: list[Event]) -> list[Event]:
    """Each claim sentence of an article stays with one of its events: the most severe (then the
    first in taxonomy order). "Russia launched 472 drones and seven missiles, the most since the
    invasion" claims a record for the barrage, not one for its seven missiles as well."""
    owner: dict[tuple[str, str], int] = {}
    for i, event in enumerate(events):
        for claim in event.claims:
            key = (claim.kind, claim.text)
            if key not in owner or event.severity > events[owner[key]].severity:
                owner[key] = i
    out = []
    for i, event in enumerate(events):
        kept = [c for c in event.claims if owner[(c.kind, c.text)] == i]
        if len(kept) != len(event.claims):
            event = event.model_copy(
                update={"claims": kept, "record_claim": any(c.kind == "record" for c in kept)}
            )
        out.append(event)
    return out
