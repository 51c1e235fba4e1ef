"""The event taxonomy, defined once: codes, definitions, base severity, ACLED mapping."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class EventType:
    code: str
    definition: str
    base_severity: int
    acled_event_type: str | None = None
    acled_sub_event_type: str | None = None


TAXONOMY: tuple[EventType, ...] = (
    EventType("air_drone_strike", "Air or drone strike.", 3, "Explosions/Remote violence", "Air/drone strike"),
    EventType(
        "missile_artillery_strike",
        "Missile, rocket or artillery attack.",
        3,
        "Explosions/Remote violence",
        "Shelling/artillery/missile attack",
    ),
    EventType("armed_clash", "Armed forces fighting each other.", 3, "Battles", "Armed clash"),
    EventType("territory_change", "A side captures or loses ground.", 3, "Battles", "Government regains territory"),
    EventType(
        "infrastructure_attack",
        "Sabotage or explosions at bridges, railways, power, pipelines.",
        3,
        "Explosions/Remote violence",
        "Remote explosive/landmine/IED",
    ),
    EventType(
        "attack_on_civilians",
        "Violence against civilians, terror attacks, sieges.",
        4,
        "Violence against civilians",
        "Attack",
    ),
    EventType("protest", "Peaceful demonstration.", 1, "Protests", "Peaceful protest"),
    EventType("riot", "Violent demonstration or mob violence.", 2, "Riots", "Violent demonstration"),
    EventType("coup", "Attempted or successful seizure of power.", 5, "Strategic developments", "Non-violent transfer of territory"),
    EventType(
        "peace_talks",
        "Negotiations, ceasefires, prisoner exchanges.",
        2,
        "Strategic developments",
        "Agreement",
    ),
    EventType(
        "leadership_change",
        "Resignations, dismissals, appointments of leaders and commanders.",
        2,
        "Strategic developments",
        "Change to group/activity",
    ),
    EventType("arrest", "Arrests and detentions.", 2, "Strategic developments", "Arrests"),
    EventType("evacuation", "Evacuations and displacement.", 3, "Strategic developments", "Other"),
    EventType("natural_disaster", "Earthquakes, floods, storms, wildfires.", 3),
    EventType("industrial_accident", "Industrial or transport accidents, explosions at plants.", 3),
    EventType("cyberattack", "Cyber attacks on systems and services.", 2),
    EventType("disease_outbreak", "Outbreaks of infectious disease.", 3),
)

BY_CODE = {t.code: t for t in TAXONOMY}
