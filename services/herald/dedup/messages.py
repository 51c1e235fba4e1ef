"""The records the dedup protocol passes between its own partitions (internal topics, not a contract).

They are pydantic records like every other Kafka value, so a malformed one is dead-lettered by the
stage plumbing instead of crashing a worker. Field names are short on purpose: there are a dozen of
these per article.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, RootModel

from herald.core.records import Article, Id, Record

# Hex of 16-bit MinHash values, and 16-bit marker hashes: what a verdict record can hold.
Signature = Annotated[str, Field(pattern=r"^(?:[0-9a-f]{4})*$", max_length=65_535)]
Marker = Annotated[int, Field(ge=0, le=0xFFFF)]


class Probe(Record):
    """``herald.dedup.probes``: an article's fingerprint keys that one claims partition owns."""

    article_id: Id
    order: int  # first-seen order: fetched_at in microseconds (ties broken by article id)
    part: int = Field(ge=0)  # which of the article's probes this is
    items: list[tuple[int, int, bool]]  # (key index, 64-bit key, exact?)
    # Part 0 carries the article too, and its reply brings it back: a second way for the article to
    # reach its gather, should the direct message be lost in a rebalance.
    carry: ArticleMsg | None = None


class ArticleMsg(Record):
    """The article itself, sent to the partition where its verdict will live."""

    kind: Literal["article"] = "article"
    target: Id  # == article.id
    article: Article
    order: int
    parts: int = Field(ge=0)  # how many probes (and so replies) to wait for
    signature: Signature = ""  # hex of the 16-bit MinHash values
    markers: list[Marker] = Field(default_factory=list)


class ReplyMsg(Record):
    """What one claims partition knew about an article's keys: the earlier claimants, if any."""

    kind: Literal["reply"] = "reply"
    target: Id
    order: int
    part: int
    # (key index, claimant article id, claimant order, exact key?): plain tuples, there are many.
    claimants: list[tuple[int, Id, int, bool]] = Field(default_factory=list)
    carry: ArticleMsg | None = None  # part 0 only: the article, as its probe carried it


class VerifyMsg(Record):
    """Asks the owner of a candidate original to compare its signature with the asker's."""

    kind: Literal["verify"] = "verify"
    target: Id  # the candidate original
    target_order: int
    asker: Id
    asker_order: int
    signature: Signature
    markers: list[Marker] = Field(default_factory=list)


class VerifiedMsg(Record):
    kind: Literal["verified"] = "verified"
    target: Id  # the asker
    candidate: Id
    candidate_order: int
    similarity: float
    agree: bool  # the figures (markers) do not contradict
    root: Id  # the first copy of the candidate's cluster (the candidate itself when it is an original)


class CopyMsg(Record):
    """Tells an original that a copy of it was dropped, so its story can count the copy's source."""

    kind: Literal["copy"] = "copy"
    target: Id  # the original
    copy_id: Id
    order: int
    source: str
    url: str
    how: Literal["exact", "near"]


class MemberMsg(Record):
    """From the story stage: an original's event joined a story (so its copies can be counted there)."""

    kind: Literal["member"] = "member"
    target: Id
    event_type: str
    story_id: Id


GatherMsg = Annotated[
    ArticleMsg | ReplyMsg | VerifyMsg | VerifiedMsg | CopyMsg | MemberMsg, Field(discriminator="kind")
]


class Gather(RootModel[GatherMsg]):
    """``herald.dedup.gather``: everything addressed to one article's verdict partition."""


Probe.model_rebuild()


class StorySource(Record):
    """``herald.dedup.story-sources`` (keyed by event type): a dropped copy to count on a story."""

    event_type: str
    story_id: Id
    original_id: Id
    article_id: Id
    source: str
    url: str
