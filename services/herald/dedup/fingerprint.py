"""Fingerprints of article text: what makes two copies of a report recognisably the same.

Pure functions, no Kafka, no Faust: the stream worker and ``herald analyze`` call them alike.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

_WS = re.compile(r"\s+")
_PUNCT = re.compile(r"[^\w\s]", re.UNICODE)


def normalise(text: str) -> str:
    """Lower-case, accent-folded, punctuation-free, single-spaced text: the form copies share."""
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return _WS.sub(" ", _PUNCT.sub(" ", folded.lower())).strip()


def content_hash(title: str, body: str) -> str:
    """Exact-copy key: the same normalised title and body give the same hash."""
    return hashlib.sha256(f"{normalise(title)}\n{normalise(body)}".encode()).hexdigest()[:32]
