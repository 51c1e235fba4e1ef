"""The event taxonomy, defined once: codes, one-line definitions, base severity, ACLED mapping.

Everything else reads it from here: the rules (``cues.py``) are keyed by these codes, severity starts
from ``base_severity``, and ``schemas/taxonomy.json`` is this table written out for people and other
tools (a test proves the two are identical, so the document cannot drift from the code).

Why an ACLED mapping: analysts already think in ACLED's event / sub-event types, and a desk that
merges Herald with ACLED's weekly data needs the crosswalk. Where ACLED has no category (disasters,
cyber, disease) the mapping is empty rather than forced into "Other"; where ACLED splits one of our
codes by who acts (territory taken by a government or by a non-state group), every sub-event type the
code may correspond to is listed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

Family = Literal["conflict", "unrest", "political", "disaster", "cyber"]


@dataclass(frozen=True)
class EventType:
    code: str
    definition: str
    base_severity: int
    family: Family
    acled_event_type: str | None = None
    acled_sub_event_types: tuple[str, ...] = ()


_REMOTE = "Explosions/Remote violence"
_STRATEGIC = "Strategic developments"

TAXONOMY: tuple[EventType, ...] = (
    EventType(
        "air_drone_strike",
        "An attack from the air: drones, loitering munitions, warplanes or helicopters.",
        3,
        "conflict",
        _REMOTE,
        ("Air/drone strike",),
    ),
    EventType(
        "missile_artillery_strike",
        "An attack with missiles, rockets, artillery or mortars.",
        3,
        "conflict",
        _REMOTE,
        ("Shelling/artillery/missile attack",),
    ),
    EventType(
        "armed_clash",
        "Armed groups or forces fighting each other on the ground.",
        3,
        "conflict",
        "Battles",
        ("Armed clash",),
    ),
    EventType(
        "territory_change",
        "A side captures, retakes or withdraws from a place.",
        3,
        "conflict",
        "Battles",
        ("Government regains territory", "Non-state actor overtakes territory"),
    ),
    EventType(
        "infrastructure_attack",
        "Sabotage or explosions at bridges, railways, power, pipelines and similar infrastructure.",
        3,
        "conflict",
        _REMOTE,
        ("Remote explosive/landmine/IED",),
    ),
    EventType(
        "attack_on_civilians",
        "Direct violence against civilians, including terror attacks, massacres, abductions and sieges.",
        4,
        "conflict",
        "Violence against civilians",
        ("Attack", "Abduction/forced disappearance"),
    ),
    EventType(
        "protest",
        "A demonstration, march, rally or sit-in that stays non-violent on the protesters' side.",
        1,
        "unrest",
        "Protests",
        ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
    ),
    EventType(
        "riot",
        "A violent demonstration or mob violence: looting, arson, stone-throwing, clashes with police.",
        2,
        "unrest",
        "Riots",
        ("Violent demonstration", "Mob violence"),
    ),
    EventType(
        "coup",
        "An attempted or successful seizure of state power by the military or another faction.",
        4,
        "political",
    ),
    EventType(
        "peace_talks",
        "Negotiations, ceasefires, truces and prisoner or hostage exchanges between warring parties.",
        2,
        "political",
        _STRATEGIC,
        ("Agreement",),
    ),
    EventType(
        "leadership_change",
        "Resignation, dismissal or appointment of a state leader, minister or military commander.",
        2,
        "political",
        _STRATEGIC,
        ("Change to group/activity",),
    ),
    EventType(
        "arrest",
        "Arrests and detentions by security forces (of people other than protesters at a protest).",
        2,
        "political",
        _STRATEGIC,
        ("Arrests",),
    ),
    EventType(
        "evacuation",
        "Evacuations ordered or carried out, and people displaced or fleeing their homes.",
        2,
        "disaster",
    ),
    EventType(
        "natural_disaster",
        "Earthquakes, floods, storms, wildfires, landslides, eruptions, droughts and heatwaves.",
        2,
        "disaster",
    ),
    EventType(
        "industrial_accident",
        "Accidental explosions, fires, collapses and leaks at industrial sites and buildings, and "
        "transport crashes.",
        2,
        "disaster",
    ),
    EventType(
        "cyberattack",
        "Hacking, ransomware, data theft or denial-of-service attacks on organisations or services.",
        2,
        "cyber",
    ),
    EventType(
        "disease_outbreak",
        "An outbreak or epidemic of an infectious disease in people or animals.",
        2,
        "disaster",
    ),
)

BY_CODE: dict[str, EventType] = {t.code: t for t in TAXONOMY}
CODES: tuple[str, ...] = tuple(t.code for t in TAXONOMY)

# Only these families let the words "record", "largest", ... mark an event as a record claim: a
# "record turnout" at a rally or the "biggest reshuffle in years" is not what novelty alerts look for.
RECORD_CLAIM_FAMILIES: frozenset[Family] = frozenset({"conflict", "disaster", "cyber"})
# These read only records of the dead ("the deadliest day of any protest"): a crowd's size is no page.
DEADLY_RECORD_CLAIM_FAMILIES: frozenset[Family] = frozenset({"unrest"})


def document() -> dict[str, Any]:
    """The taxonomy as the JSON Schema published in ``schemas/taxonomy.json``.

    It is a real schema for ``Event.type`` (one ``const`` per code, so validators accept exactly these
    strings) whose branches carry the rest of the table as annotations, so one file serves both the
    contract tests and an analyst reading it.
    """
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://herald.invalid/schemas/taxonomy.json",
        "title": "Herald event taxonomy",
        "description": (
            "The event types Herald's classifier emits (Event.type): a one-line definition, the base "
            "severity before harm is taken into account, a family, and the ACLED event type and sub-event "
            "types the code corresponds to where ACLED has one. Generated from herald.classify.taxonomy; "
            "a test checks the two are identical."
        ),
        "type": "string",
        "oneOf": [
            {
                "const": t.code,
                "description": t.definition,
                "x-base-severity": t.base_severity,
                "x-family": t.family,
                "x-acled-event-type": t.acled_event_type,
                "x-acled-sub-event-types": list(t.acled_sub_event_types),
            }
            for t in TAXONOMY
        ],
    }
