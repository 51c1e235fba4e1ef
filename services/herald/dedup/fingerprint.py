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
comparable after an upgrade); ``minhash`` applies them in one numpy step.

What it costs, and where the time went: a fingerprint is most of the per-article work of the whole
stage, so each step is the cheapest we found that keeps the definition. Words come from
``str.translate`` on ASCII text (the regular expression only for the rest); each word is hashed once
(CRC32) and a shingle's hash is a polynomial of its words' hashes over whole numpy arrays, instead of
building and hashing every shingle's text; a band key is one big-integer multiply-shift per band.
Stored signatures, band keys and markers depend on these hashes: after a change to them, copies of
articles fingerprinted before it are not recognised as near copies until those age out of the
retention window (exact keys do not depend on them).

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

_WORD = re.compile(r"\w+")
# Every ASCII character that is not a word character (\w) becomes a space, to split on.
_ASCII_PUNCT = str.maketrans({c: " " for c in map(chr, range(128)) if not (c.isalnum() or c == "_")})
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
        if not 2 <= self.rows <= 16:
            raise ValueError("rows must be 2 to 16 (a band key hashes 64 to 512 bits)")


@dataclass(frozen=True)
class Fingerprint:
    exact: tuple[int, ...]  # 64-bit keys: same GUID, same normalised title + body
    bands: tuple[int, ...]  # 64-bit LSH band keys (empty when there is no text to compare)
    signature: bytes  # num_perm MinHash values, low 16 bits each, little-endian
    markers: tuple[int, ...]  # 16-bit hashes of the numbers and weekdays in the compared text


def words(text: str) -> list[str]:
    """The words of ``normalise(text)``: lower-case, accent-folded runs of letters, digits and ``_``.

    ASCII text (most feeds) takes a translate-and-split path, four times cheaper than the regular
    expression; both give the same words (a unit test compares them on every ASCII character).
    """
    if text.isascii():
        return text.lower().translate(_ASCII_PUNCT).split()
    # Folding accents costs more than everything else: only when there are any.
    folded = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return _WORD.findall(text.lower())


def normalise(text: str) -> str:
    """Lower-case, accent-folded, punctuation-free, single-spaced text: the form copies share."""
    return " ".join(words(text))


def key64(*parts: str | bytes) -> int:
    """A stable 64-bit key (the same in every process, unlike ``hash()``)."""
    h = hashlib.blake2b(digest_size=8)
    for part in parts:
        h.update(part.encode() if isinstance(part, str) else part)
        h.update(b"\x1f")
    return int.from_bytes(h.digest(), "big")


def _marker(token: str) -> int:
    return zlib.crc32(token.encode()) & 0xFFFF  # 16 bits: a number or weekday, not a secret


def compared_tokens(title: list[str], body: list[str], params: NearParams) -> list[str]:
    """The words compared for near-duplicates, from the title's and the body's words."""
    if len(body) < params.short_body:
        body = title + body
    return body[: params.window]


@lru_cache(maxsize=8)
def _template(num_perm: int, seed: int) -> MinHash:
    # Generating the permutations costs more than hashing a text: do it once per parameter set.
    return MinHash(num_perm=num_perm, seed=seed, scheme=SCHEME)


_SHINGLE_MUL = np.uint32(0x9E3779B1)  # odd, so each step of the polynomial is a bijection


def shingle_hashes(tokens: list[str], k: int) -> np.ndarray:
    """32-bit hashes of the word k-shingles (one, of all the words, when there are fewer than k).

    Each word is hashed once (CRC32 of its UTF-8, C-fast), and a shingle's hash is the polynomial
    ``(w0 * M + w1) * M + w2`` of its words' hashes mod 2**32, over whole arrays at once. Hashing
    every shingle's text instead cost a third of a fingerprint. The polynomial is linear, and so is
    CRC32: the MinHash pre-mix (MurmurHash3's finaliser, applied next) is what hides it.
    """
    n = len(tokens)
    word = np.fromiter(map(zlib.crc32, map(str.encode, tokens)), dtype=np.uint32, count=n)
    if n == 0:
        return word
    width = min(k, n)
    count = n - width + 1
    hv = word[:count]
    for j in range(1, width):
        hv = hv * _SHINGLE_MUL + word[j : j + count]  # uint32 arrays wrap silently: the modulo
    return hv


def minhash(tokens: list[str], params: NearParams) -> np.ndarray:
    """The MinHash values of the shingles: datasketch's ``affine32`` scheme, computed in one numpy step.

    Equal to ``MinHash(num_perm, seed, scheme="affine32").update_batch(...)`` over the same shingle
    hashes (a unit test holds us to it) without datasketch's per-item Python calls. ``tokens`` must
    not be empty.
    """
    a, b = _template(params.num_perm, params.seed).permutations
    hv = _fmix32(shingle_hashes(tokens, params.shingle))
    phv: np.ndarray = (hv[:, None] * a + b).min(axis=0)  # uint32: the wraparound is the modulo 2**32
    return phv


def _fmix32(hv: np.ndarray) -> np.ndarray:
    hv = hv ^ (hv >> np.uint32(16))
    hv = hv * np.uint32(0x85EBCA6B)
    hv = hv ^ (hv >> np.uint32(13))
    hv = hv * np.uint32(0xC2B2AE35)
    return hv ^ (hv >> np.uint32(16))


@lru_cache(maxsize=8)
def _band_multipliers(bands: int, rows: int) -> tuple[int, ...]:
    # Fixed odd (32 * rows)-bit multipliers, one per band, derived from their names: no state.
    return tuple(
        int.from_bytes(hashlib.blake2b(f"herald band {i} of {rows}".encode(), digest_size=4 * rows).digest())
        | 1
        for i in range(bands)
    )


def band_keys(values: np.ndarray, bands: int, rows: int) -> tuple[int, ...]:
    """One 64-bit key per band: its ``rows`` MinHash values read as one integer x, multiply-shift hashed.

    ``key = (a * x mod 2**w) >> (w - 64)`` for ``w = 32 * rows`` bits and a fixed odd multiplier ``a``
    per band (so equal values in two bands make two keys). The top bits of the product depend on
    every bit of x, and the claim bucket is the key's top bits. One big-integer product per band is
    cheaper than any per-value mixing in Python or numpy at this size.
    """
    width = 32 * rows
    mask, shift, step = (1 << width) - 1, width - 64, 4 * rows
    raw = values[: bands * rows].astype("<u4").tobytes()
    return tuple(
        ((int.from_bytes(raw[i * step : (i + 1) * step], "little") * a) & mask) >> shift
        for i, a in enumerate(_band_multipliers(bands, rows))
    )


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
    title_words, body_words = words(article.title), words(article.content or article.summary)
    exact = exact_keys(article, " ".join(title_words), " ".join(body_words))
    tokens = compared_tokens(title_words, body_words, params)
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
