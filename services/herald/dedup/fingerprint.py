"""Fingerprints of article text: what makes two copies of a report recognisably the same.

Pure functions, no Kafka, no Faust: the stream worker, ``herald analyze`` and the benchmark call them
alike.

Two kinds of fingerprint:

* **Exact keys** (64-bit hashes): the same GUID, or the same normalised title and body. Any two
  articles that share one are copies. (The same canonical URL gives the same article id, so URL
  copies are recognised by id where the article's verdict lives; see ``index``.)
* **A MinHash signature** of the body's word 3-shingles, cut into LSH bands. Two texts whose shingle
  sets have Jaccard similarity J share at least one band with probability ``1 - (1 - J**r)**b``;
  the band hashes are the keys under which candidates meet, and the signature (kept as 16-bit
  values) verifies a candidate before it is called a copy.

Why MinHash (datasketch) and not SimHash: MinHash estimates exactly the quantity we mean by "the
same text with light edits" (shared shingles over all shingles), its error is known
(``sqrt(J(1-J)/n)``), and LSH banding turns it into a handful of exact-match keys, which is what a
keyed, partitioned stream can route on. SimHash needs Hamming-ball search (permuted tables) and is
noisier on the short texts feeds carry. datasketch is maintained and gives us the permutations and
the definition (its ``affine32`` scheme, the 2.0 default, pinned here so stored signatures stay
comparable after an upgrade); ``minhash`` applies them in one numpy step, which keeps a fingerprint
well under a millisecond.

What is compared, and why:

* The body (content, else summary) and not the headline, because syndicators rewrite headlines.
  Short bodies (fewer than ``short_body`` words) are compared with their headline, so a one-line
  teaser shared by many different items is not taken for a copy.
* Only the first ``window`` words, so a trailing sentence, a "more to follow" line or a truncated
  summary feed barely moves the similarity of long texts.
* Numbers and weekday names are pulled out as **markers**: wire reports of *different* events are
  often the same template with other numbers ("Russia launched 112 drones overnight..." one night,
  "...87 drones..." the next). Copies keep the figures; a candidate whose markers contradict (neither
  set contains the other) is not a copy, however similar the words.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
import zlib
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from datasketch import MinHash

from herald.core.records import Article

_WS = re.compile(r"\s+")
_PUNCT = re.compile(r"[^\w\s]", re.UNICODE)
_GLOBAL_GUID = re.compile(r"^(https?://|urn:|tag:)", re.I)
_WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
SCHEME = "affine32"


@dataclass(frozen=True)
class NearParams:
    """How near-duplicates are found. ``bands * rows`` MinHash values go into bands."""

    num_perm: int = 64
    bands: int = 16
    rows: int = 4
    shingle: int = 3
    window: int = 100
    short_body: int = 25
    threshold: float = 0.5  # estimated Jaccard a verified near-duplicate reaches
    seed: int = 20240917

    def __post_init__(self) -> None:
        if self.bands * self.rows > self.num_perm:
            raise ValueError("bands * rows must not exceed num_perm")


@dataclass(frozen=True)
class Fingerprint:
    exact: tuple[int, ...]  # 64-bit keys: same GUID, same normalised title + body
    bands: tuple[int, ...]  # 64-bit LSH band keys (empty when there is no text to compare)
    signature: bytes  # num_perm MinHash values, low 16 bits each, little-endian
    markers: tuple[int, ...]  # 16-bit hashes of the numbers and weekdays in the compared text


def normalise(text: str) -> str:
    """Lower-case, accent-folded, punctuation-free, single-spaced text: the form copies share."""
    if not text.isascii():  # folding accents costs more than everything else: only when there are any
        folded = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return _WS.sub(" ", _PUNCT.sub(" ", text.lower())).strip()


def content_hash(title: str, body: str) -> str:
    """Exact-copy key: the same normalised title and body give the same hash."""
    return hashlib.sha256(f"{normalise(title)}\n{normalise(body)}".encode()).hexdigest()[:32]


def key64(*parts: str | bytes) -> int:
    """A stable 64-bit key (the same in every process, unlike ``hash()``)."""
    h = hashlib.blake2b(digest_size=8)
    for part in parts:
        h.update(part.encode() if isinstance(part, str) else part)
        h.update(b"\x1f")
    return int.from_bytes(h.digest(), "big")


def _marker(token: str) -> int:
    return int.from_bytes(hashlib.blake2b(token.encode(), digest_size=2).digest(), "big")


def compared_tokens(title: str, body: str, params: NearParams) -> list[str]:
    """The words compared for near-duplicates, from the normalised title and body."""
    words = body.split()
    if len(words) < params.short_body:
        words = title.split() + words
    return words[: params.window]


def shingles(tokens: list[str], k: int) -> list[bytes]:
    if not tokens:
        return []
    if len(tokens) < k:
        return [" ".join(tokens).encode()]
    return [" ".join(tokens[i : i + k]).encode() for i in range(len(tokens) - k + 1)]


@lru_cache(maxsize=8)
def _template(num_perm: int, seed: int) -> MinHash:
    # Generating the permutations costs more than hashing a text: do it once per parameter set.
    return MinHash(num_perm=num_perm, seed=seed, scheme=SCHEME)


def shingle_hashes(tokens: list[str], k: int) -> np.ndarray:
    """32-bit hashes of the word k-shingles. CRC32 is C-fast; the MinHash pre-mix (MurmurHash3's
    finaliser) hides its linearity. (SHA-1, datasketch's default, was a third of the per-article cost.)"""
    return np.fromiter((zlib.crc32(s) for s in shingles(tokens, k)), dtype=np.uint32)


def minhash(tokens: list[str], params: NearParams) -> np.ndarray:
    """The MinHash values of the shingles: datasketch's ``affine32`` scheme, computed in one numpy step.

    Equal to ``MinHash(num_perm, seed, scheme="affine32").update_batch(...)`` over the same shingle
    hashes (a unit test holds us to it) without datasketch's per-item Python calls.
    """
    template = _template(params.num_perm, params.seed)
    a, b = template.permutations
    hv = _fmix32(shingle_hashes(tokens, params.shingle)).reshape(-1, 1)
    with np.errstate(over="ignore"):
        phv = hv * a + b  # uint32 arithmetic: the wraparound is the modulo 2**32
    return np.asarray(phv.min(axis=0), dtype=np.uint32)


def _fmix32(hv: np.ndarray) -> np.ndarray:
    with np.errstate(over="ignore"):
        hv = hv ^ (hv >> np.uint32(16))
        hv = hv * np.uint32(0x85EBCA6B)
        hv = hv ^ (hv >> np.uint32(13))
        hv = hv * np.uint32(0xC2B2AE35)
        return hv ^ (hv >> np.uint32(16))


_MASK64 = (1 << 64) - 1
_BAND_MUL = (0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0xD6E8FEB86659FD93)


def band_keys(values: np.ndarray, bands: int, rows: int) -> tuple[int, ...]:
    """One 64-bit key per band: the band's index and its ``rows`` MinHash values, mixed.

    Plain integer arithmetic: for sixteen small bands it is faster than numpy or a hash call each.
    """
    vals = values.tolist()
    keys = []
    for i in range(bands):
        h = ((i + 1) * 0xFF51AFD7ED558CCD) & _MASK64
        for j in range(rows):
            h = ((h ^ vals[i * rows + j]) * _BAND_MUL[j % 4]) & _MASK64
            h ^= h >> 29
        keys.append(h)
    return tuple(keys)


def exact_keys(article: Article, title: str, body: str) -> tuple[int, ...]:
    """Keys any copy shares exactly: the GUID, and the normalised ``title`` and ``body``."""
    keys = []
    if article.guid:
        guid = article.guid.strip()
        # A URL, URN or tag: GUID names one item wherever it is syndicated; a bare "12345" only
        # within its own feed.
        scope = "*" if _GLOBAL_GUID.match(guid) else article.source
        keys.append(key64("guid", scope, guid))
    if body or title:
        keys.append(key64("text", title, body))
    return tuple(keys)


def fingerprint(article: Article, params: NearParams) -> Fingerprint:
    title, body = normalise(article.title), normalise(article.content or article.summary)
    exact = exact_keys(article, title, body)
    tokens = compared_tokens(title, body, params)
    markers = tuple(sorted({_marker(t) for t in tokens if t.isdigit() or t in _WEEKDAYS}))
    if not tokens:
        return Fingerprint(exact, (), b"", markers)
    values = minhash(tokens, params)
    bands = band_keys(values, params.bands, params.rows)
    signature = (values & 0xFFFF).astype("<u2").tobytes()
    return Fingerprint(exact, bands, signature, markers)


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of two signatures (0 when either text was empty)."""
    if not a or not b or len(a) != len(b):
        return 0.0
    va, vb = np.frombuffer(a, dtype="<u2"), np.frombuffer(b, dtype="<u2")
    return float(np.count_nonzero(va == vb)) / len(va)


def markers_agree(a: tuple[int, ...] | list[int], b: tuple[int, ...] | list[int]) -> bool:
    """True unless the figures contradict: one text's numbers and weekdays must contain the other's."""
    sa, sb = set(a), set(b)
    return sa <= sb or sb <= sa
