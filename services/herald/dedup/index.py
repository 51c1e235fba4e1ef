"""Exact-duplicate detection over any dict-like store (a Faust table in the worker, a dict offline).

The store maps fingerprint keys (``url:``, ``guid:``, ``text:``) to the id of the first article
seen with that fingerprint. An article whose own id is already recorded is a redelivery, not a
duplicate: Kafka is at-least-once, and the same input must give the same output.
"""

from __future__ import annotations

from collections.abc import MutableMapping
from dataclasses import dataclass
from typing import Any

from herald.core.records import Article

from .fingerprint import content_hash, normalise


@dataclass(frozen=True)
class Verdict:
    duplicate_of: str | None
    kind: str | None  # "exact" or None

    @property
    def is_duplicate(self) -> bool:
        return self.duplicate_of is not None


def fingerprint_keys(article: Article) -> list[str]:
    keys = [f"url:{article.url}"]
    if article.guid:
        keys.append(f"guid:{article.source}:{article.guid}")
    if normalise(article.summary or article.content):
        keys.append(f"text:{content_hash(article.title, article.content or article.summary)}")
    return keys


class Deduplicator:
    def __init__(self, store: MutableMapping[str, Any]) -> None:
        self.store = store

    def check(self, article: Article) -> Verdict:
        keys = fingerprint_keys(article)
        first = next((self.store[k] for k in keys if k in self.store), None)
        if first is not None and first != article.id:
            return Verdict(duplicate_of=first, kind="exact")
        for key in keys:
            self.store.setdefault(key, article.id)
        return Verdict(duplicate_of=None, kind=None)
