"""The records that cross Kafka, as pydantic models.

``schemas/*.json`` is the contract (JSON Schema 2020-12); these models implement it and
``tests/contract`` proves both accept and reject the same examples. Parsing ignores unknown fields so
an older worker keeps running when a newer producer adds one; a record's ``schema_version`` travels
with it so an incompatible change can be told apart and dead-lettered.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

SCHEMA_VERSION: Literal[1] = 1


def _aware(value: datetime) -> datetime:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError("timestamps must carry a timezone (RFC 3339)")
    return value.astimezone(UTC)


AwareDatetime = Annotated[datetime, AfterValidator(_aware)]
Id = Annotated[str, Field(pattern=r"^[0-9a-f]{32}$")]
Url = Annotated[str, Field(pattern=r"^https?://", max_length=4096)]


def stable_id(*parts: str) -> str:
    """A 128-bit hex id derived from its parts: the same inputs give the same id in every process."""
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
    return digest[:32]


def utcnow() -> datetime:
    return datetime.now(UTC)


class Record(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=False, populate_by_name=True)

    schema_version: Literal[1] = SCHEMA_VERSION

    def to_json(self) -> bytes:
        return self.model_dump_json().encode("utf-8")


class Article(Record):
    """One feed entry, normalised by the poller."""

    id: Id
    url: Url
    source: str = Field(min_length=1, max_length=200)
    title: str = Field(max_length=2000)
    summary: str = ""
    content: str = ""
    published: AwareDatetime
    fetched_at: AwareDatetime
    guid: str | None = None
    language: str | None = None
    tags: list[str] = Field(default_factory=list)

    def text(self) -> str:
        """The text every stage reads: the title, then the full content or, failing that, the summary.

        Character offsets in entities and sentences refer to this string.
        """
        body = self.content.strip() or self.summary.strip()
        return f"{self.title.strip()}\n\n{body}" if body else self.title.strip()


class Geo(BaseModel):
    name: str
    lat: float = Field(ge=-90, le=90)
    lon: float = Field(ge=-180, le=180)
    country_code: str = Field(pattern=r"^[A-Z]{2}$")
    admin1: str | None = None
    kind: Literal["city", "region", "country", "sea", "other"] | None = None
    geonameid: int | None = None
    admin1_code: str | None = None  # GeoNames admin1 code, "UA.07": groups places by region even unnamed


class Entity(BaseModel):
    text: str
    label: str  # spaCy label (GPE, LOC, PERSON, ORG, NORP, ...)
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    sentence: int = Field(0, ge=0)
    geo: Geo | None = None
    country_code: str | None = None  # for NORP demonyms and countries acting as actors


QuantityRole = Literal["event", "intercepted", "model", "other_event"]
TimeRef = Literal["this_event", "cumulative", "earlier"]


class Quantity(BaseModel):
    """A number the article states, with what it counts and which happening it belongs to.

    Only ``role == "event"`` with ``time_ref == "this_event"`` describes the reported event itself and
    may feed an event's magnitude, severity and the record rules; the rest stays on the enriched
    article so an analyst sees it: "385 were shot down" (``intercepted``), "S-300" (``model``: a
    weapon or calibre name, not a count), "nearly 1,100 drones over the past week" (``cumulative``),
    "last year's 300 missiles" (``earlier``), numbers of another incident the report mentions
    (``other_event``).
    """

    value: float
    unit: str  # metric vocabulary: killed, wounded, drones, ... or the raw noun lemma
    text: str  # the span the number was read from, e.g. "more than 60 wounded"
    qualifier: Literal["exact", "at_least", "more_than", "about", "up_to", "less_than"] = "exact"
    sentence: int = Field(0, ge=0)
    sentence_text: str = ""
    value_max: float | None = None  # upper bound of a range ("20 to 30"): value is then the lower bound
    noun: str | None = None  # what was counted when the unit says what happened to it ("civilians")
    role: QuantityRole = "event"
    time_ref: TimeRef = "this_event"
    vague: bool = False  # "dozens", "tens of thousands": value is the floor, value_max the ceiling read

    @property
    def is_event_count(self) -> bool:
        """Whether this number may describe the reported event's own size."""
        return self.role == "event" and self.time_ref == "this_event"


class Sentence(BaseModel):
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    # Countries and organisations that act in the sentence, in order of mention
    # (see enrich/sentence_actors.py).
    actors: list[Actor] = Field(default_factory=list)


class EnrichedArticle(Article):
    """An article after deduplication and enrichment."""

    duplicate_of: Id | None
    detected_language: str | None = None
    enriched: bool = True  # False when the language is not one we can enrich
    sentences: list[Sentence] = Field(default_factory=list)
    entities: list[Entity]
    quantities: list[Quantity]
    enriched_at: AwareDatetime | None = None


class Location(BaseModel):
    """Where the event happened: the target of an attack, a quake's epicentre, the venue of talks.

    Never the reporting agency's, the source's or the attacker's country (those are actors).
    """

    name: str
    country_code: str | None = Field(None, pattern=r"^[A-Z]{2}$")
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    kind: Literal["city", "region", "country", "sea", "other"] | None = None


class Claim(BaseModel):
    """The report's own claim that this event is a record or a first, with the sentence that says so."""

    kind: Literal["record", "first"]
    text: str = Field(max_length=2000)


class ClaimedCount(BaseModel):
    """A figure one side claims and the report does not stand by ("Afghan forces killed 58 Pakistani
    soldiers", from Kabul; "the Taliban claimed to have killed 18 soldiers"): kept out of the event's
    magnitude, so no toll, series or update reads it, but kept on the record so an analyst sees the
    claim beside the toll, with the sentence that gives it."""

    metric: str = Field(pattern=r"^[a-z_]+$")
    value: float
    text: str = Field(max_length=2000)


class Actor(BaseModel):
    name: str
    role: Literal["attacker", "target", "actor"] = "actor"
    country_code: str | None = None


class Event(Record):
    """Something that happened, as reported by one article."""

    id: Id
    article_id: Id
    story_id: Id
    type: str = Field(pattern=r"^[a-z_]+$")
    severity: int = Field(ge=1, le=5)
    severity_reasons: list[str] = Field(default_factory=list)
    magnitude: dict[str, float]
    location: Location | None
    actors: list[Actor]
    published: AwareDatetime
    fetched_at: AwareDatetime
    title: str = ""
    url: Url
    source: str
    sentences: list[str] = Field(default_factory=list)
    # Who the report says speaks for it, wherever in the report: its attribution clauses (", the civil
    # defence said", "according to the health ministry"). Novelty tells a body updating its own count
    # from another outlet's figure by them; the event's own sentences often leave them out.
    attributions: list[str] = Field(default_factory=list)
    record_claim: bool = False  # the text itself says "record", "largest", "most since", ...
    claims: list[Claim] = Field(default_factory=list)  # record and first claims with their evidence
    # a side's claimed figures that magnitude leaves out (the killer's count of the enemy's dead)
    claimed_counts: list[ClaimedCount] = Field(default_factory=list)
    # History seeded by `herald backfill`: novelty learns from it and never alerts on it.
    learn_only: bool = False


class Alert(Record):
    """A notification: delivered once to every sink that routes it."""

    id: Id
    rule: str = Field(pattern=r"^[a-z_]+$")
    event_id: Id
    article_id: Id
    story_id: Id
    type: str
    severity: int = Field(ge=1, le=5)
    title: str
    text: str
    urls: list[Url] = Field(min_length=1)
    created_at: AwareDatetime
    published: AwareDatetime
    fetched_at: AwareDatetime  # carried so delivery can observe fetch-to-delivery latency
    location: Location | None = None
    update_of: Id | None = None
    evidence: dict[str, Any] = Field(default_factory=dict)


DeliveryStatus = Literal["delivered", "digested", "dead_lettered"]


class DeliveryOutcome(Record):
    """What delivery did with one alert at one sink, so the store knows each alert's fate.

    Produced after the delivery ledger is written: a crash in between repeats the outcome from the
    ledger on redelivery, and a repeated outcome is harmless (the store upserts by alert and sink).
    """

    alert_id: Id
    sink: str = Field(pattern=r"^[a-z_]+$", max_length=64)
    status: DeliveryStatus
    at: AwareDatetime
    reason: str | None = Field(None, max_length=4000)


DeadLetterReason = Literal[
    "invalid_utf8",
    "invalid_json",
    "schema_violation",
    "too_large",
    "processing_error",
    "delivery_rejected",
    "delivery_exhausted",
]


class DeadLetter(Record):
    """A record a stage could not handle, parked with the reason so nothing is lost silently."""

    stage: str
    topic: str
    partition: int | None = None
    offset: int | None = None
    key: str | None = None
    reason: DeadLetterReason
    error: str = Field(max_length=4000)
    payload: str  # the original bytes, decoded with replacement and truncated
    payload_bytes: int = Field(ge=0)
    payload_truncated: bool = False
    failed_at: AwareDatetime
    sink: str | None = None
