"""Rule-based classification: transparent keyword rules that analysts can read and tune.

Each sentence is matched against cue patterns per event type; an article yields at most one event
per type, built from the sentences that matched it. Severity starts at the type's base and rises
with the harm the sentences report (the enrichment's quantities).
"""

from __future__ import annotations

import re
from collections import defaultdict

from herald.core.records import EnrichedArticle, Event, Location, stable_id

from .taxonomy import BY_CODE

CUES: dict[str, re.Pattern[str]] = {
    "air_drone_strike": re.compile(r"\b(drones?|air ?strikes?|airstrikes?|bomb(ed|ing)s?)\b.*\b(launch|attack|strik|hit)", re.I),
    "missile_artillery_strike": re.compile(r"\b(missiles?|rockets?|shell(ed|ing)|artillery)\b", re.I),
    "natural_disaster": re.compile(r"\b(earthquake|quake|flood(s|ing)?|hurricane|cyclone|wildfire)\b", re.I),
    "evacuation": re.compile(r"\bevacuat(e|ed|ion|ions)\b", re.I),
    "protest": re.compile(r"\b(protest(ers|ed|s)?|demonstrat(ors|ion|ions))\b", re.I),
}


def classify(article: EnrichedArticle) -> list[Event]:
    if not article.enriched:
        return []
    sentences = article.sentence_texts()
    matched: dict[str, list[int]] = defaultdict(list)
    for i, sentence in enumerate(sentences):
        for code, pattern in CUES.items():
            if pattern.search(sentence):
                matched[code].append(i)
    events = []
    for code, idxs in matched.items():
        magnitude: dict[str, float] = {}
        for q in article.quantities:
            if q.sentence in idxs:
                magnitude[q.unit] = max(magnitude.get(q.unit, 0.0), q.value)
        severity, reasons = _severity(code, magnitude)
        places = [e for e in article.entities if e.sentence in idxs and e.label in {"GPE", "LOC"}]
        location = Location(name=places[0].text) if places else None
        event_id = stable_id("event", article.id, code)
        events.append(
            Event(
                id=event_id,
                article_id=article.id,
                story_id=stable_id("story", event_id),
                type=code,
                severity=severity,
                severity_reasons=reasons,
                magnitude=magnitude,
                location=location,
                actors=[],
                published=article.published,
                fetched_at=article.fetched_at,
                title=article.title,
                url=article.url,
                source=article.source,
                sentences=[sentences[i] for i in idxs],
                record_claim=any(re.search(r"\brecord\b|\blargest\b|\bmost since\b", sentences[i], re.I) for i in idxs),
            )
        )
    return events


def _severity(code: str, magnitude: dict[str, float]) -> tuple[int, list[str]]:
    severity = BY_CODE[code].base_severity
    reasons = [f"base severity of {code}: {severity}"]
    if magnitude.get("killed", 0) >= 10 or magnitude.get("drones", 0) >= 100:
        severity += 1
        reasons.append("heavy harm or a large barrage")
    return min(severity, 5), reasons
