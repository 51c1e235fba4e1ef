"""Verdict buckets: what was decided about each remembered article, as packed binary records.

A verdict bucket (one table key, see ``index``) is a format byte (1) and then the records of every
remembered article whose id falls into it, one after another::

    head  16 bytes  article id (its 32 hex digits as raw bytes)
           8        order (first-seen, microseconds)
           4        length of the body
    body   1        kind: 0 an original, 1 an exact copy, 2 a near copy
          16        the original's id (zeros for an original)
           2        signature length (bytes)
           2        marker count
           4        JSON length
           ...      the signature (16-bit MinHash values, little-endian), the markers (16-bit), and
                    ``[copies, stories]`` as JSON (nothing when both are empty)

Integers are big-endian unless said otherwise.

Why binary and not a JSON object per bucket: a look-up used to decode the whole bucket (every
record's signature in hex) to read one record, several times per article, and that grew with the
number of remembered articles. Now an id that is not in the bucket (every new article asks) is known
absent after one C-speed substring search, and a present one is found by stepping over record heads
and decoding only its own record. The signature is stored raw instead of in hex, so a record is
about half the size. The copies and story memberships stay JSON: they are short lists of strings,
empty for most articles.

A bucket written before this layout is a JSON object ``{article id: record}`` (its first byte is
``{``); it is read as such and rewritten in this layout the next time it is written, so a worker
upgraded over old changelogs keeps what they remember.

Pure functions over ``bytes``: the values go to the changelog and come back on recovery as they are.
"""

from __future__ import annotations

import json
import struct
from typing import Any

_HEAD = struct.Struct(">16sQI")  # article id, order, body length
_LENGTH = struct.Struct(">I")  # the body length, at offset 24 of a record
# The head and the fixed part of the body: kind, original id, signature length, marker count, JSON length.
_RECORD = struct.Struct(">16sQIB16sHHI")
_FIXED = struct.Struct(">B16sHHI")
_NO_ID = bytes(16)
_KINDS: tuple[str | None, ...] = (None, "exact", "near")
FORMAT = b"\x01"


def _current(blob: bytes) -> bytes:
    """The bucket in this layout: an empty one, a legacy JSON one converted, or as it is."""
    if not blob:
        return FORMAT
    if blob[:1] == b"{":
        legacy: dict[str, dict[str, Any]] = json.loads(blob)
        return FORMAT + b"".join(pack(bytes.fromhex(k), rec) for k, rec in legacy.items())
    if blob[:1] != FORMAT:
        raise ValueError(f"not a verdict bucket (format byte {blob[:1]!r})")
    return blob


def count(blob: bytes) -> int:
    blob = _current(blob)
    n, pos = 0, 1
    while pos < len(blob):
        pos += _HEAD.size + _LENGTH.unpack_from(blob, pos + 24)[0]
        n += 1
    return n


def find(blob: bytes, article_id: bytes) -> int:
    """Where the record of ``article_id`` starts in a bucket in this layout, or -1.

    A substring search finds the id; stepping over record heads up to it tells a record's own id
    from the same bytes inside another record. An absent id (every new article asks) costs the
    search alone.
    """
    at = blob.find(article_id, 1)
    pos = 1
    while at >= 0:
        while pos < at:
            pos += _HEAD.size + _LENGTH.unpack_from(blob, pos + 24)[0]
        if pos == at:
            return pos
        at = blob.find(article_id, pos)
    return -1


def read(blob: bytes, article_id: bytes) -> dict[str, Any] | None:
    """The record of ``article_id`` as the gatherer's dict (see ``pack``), or None if not remembered."""
    blob = _current(blob)
    pos = find(blob, article_id)
    if pos < 0:
        return None
    _, order, _, kind, original, sig_len, n_markers, tail_len = _RECORD.unpack_from(blob, pos)
    pos += _RECORD.size
    signature = blob[pos : pos + sig_len]
    pos += sig_len
    markers = list(struct.unpack_from(f">{n_markers}H", blob, pos))
    pos += 2 * n_markers
    copies, stories = json.loads(blob[pos : pos + tail_len]) if tail_len else ([], [])
    return {
        "o": order,
        "d": original.hex() if kind else None,
        "k": _KINDS[kind],
        "s": signature.hex(),
        "m": markers,
        "c": copies,
        "t": stories,
    }


def pack(article_id: bytes, rec: dict[str, Any]) -> bytes:
    """One record from the gatherer's dict: ``o`` order, ``d`` original id (None for an original),
    ``k`` kind (None, "exact" or "near"), ``s`` signature (hex), ``m`` markers, ``c`` copies
    (``[id, order, source, url, how]`` lists) and ``t`` story memberships (``[type, story id]``).

    Raises ``ValueError`` (or ``struct.error``) for a value the layout cannot hold: a malformed id or
    signature, a marker over 16 bits.
    """
    kind, original = 0, _NO_ID
    if rec["d"]:
        if rec["k"] not in ("exact", "near"):
            raise ValueError(f"a copy's kind is exact or near, not {rec['k']!r}")
        kind, original = _KINDS.index(rec["k"]), bytes.fromhex(rec["d"])
        if len(original) != 16:
            raise ValueError(f"an original id is 16 bytes, not {len(original)}")
    if len(article_id) != 16:
        raise ValueError(f"an article id is 16 bytes, not {len(article_id)}")
    signature = bytes.fromhex(rec["s"])
    markers = rec["m"]
    tail = json.dumps([rec["c"], rec["t"]], separators=(",", ":")).encode() if rec["c"] or rec["t"] else b""
    body = b"".join(
        (
            _FIXED.pack(kind, original, len(signature), len(markers), len(tail)),
            signature,
            struct.pack(f">{len(markers)}H", *markers),
            tail,
        )
    )
    return _HEAD.pack(article_id, rec["o"], len(body)) + body


def put(blob: bytes, article_id: bytes, rec: dict[str, Any], horizon: int | None = None) -> bytes:
    """The bucket with ``rec`` as the record of ``article_id`` (replacing its old one), and without the
    records of other articles first seen before ``horizon`` (forgotten: older than the retention)."""
    new = pack(article_id, rec)
    blob = _current(blob)
    if horizon is None:  # an update: splice the record in, leave the others be
        at = find(blob, article_id)
        if at < 0:
            return blob + new
        return b"".join((blob[:at], new, blob[at + _HEAD.size + _LENGTH.unpack_from(blob, at + 24)[0] :]))
    parts, kept_from, pos = [], 0, 1
    while pos < len(blob):
        rid, order, length = _HEAD.unpack_from(blob, pos)
        end = pos + _HEAD.size + length
        if rid == article_id or order < horizon:  # cut it out
            parts.append(blob[kept_from:pos])
            kept_from = end
        pos = end
    parts += (blob[kept_from:], new)
    return b"".join(parts)
