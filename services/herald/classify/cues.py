"""The cue engine: which sentence text reports which event type. The rules themselves are data, one
YAML file per taxonomy family in ``data/cues/`` plus ``shared.yaml`` for vocabularies several types
use (sport, markets, labour, culture, attack verbs, armed actors); edit those, not this module.

A sentence reports an event of a type when one of the type's **cues** matches it. A cue is a regular
expression over the sentence text, optionally with a **context** expression that must also occur in
the same sentence (the word "clashed" only means an armed clash when troops, rebels or militants are
in the sentence). A type's **vetoes** cancel it in a sentence ("landslide victory", "record tracks").

Why regular expressions and not a parser: classification must stay a small fraction of enrichment's
cost (no second spaCy parse), and a desk must be able to see exactly why an article was classified
the way it was and change it without retraining anything. Every cue has a name; the event keeps the
names that fired in its severity reasons, so "why is this a riot?" has a one-line answer.

Ambiguous words ("strike", "attack", "rally", "crash", "battle", "record") are **weak** cues: they
need their context expression and they are switched off in sentences about sport, markets, labour
disputes or culture, and in any sentence of an article whose headline is about those things, unless
the article also has an unambiguous conflict or disaster cue somewhere. That is what keeps
"workers strike", "stocks hit a record" and "home side strikes late" out of the conflict types.

A cue that describes something in the past ("the town, captured in 2022", "since the army seized
power last year") is background, not news: such a match is skipped (see ``is_background``).

Every pattern **declares its gate** in the data: the whole words and word starts a text must contain
for the expression to have any chance of matching. ``may_match`` checks the gate with one set
intersection before the expression runs, because a large case-insensitive alternation costs tens of
microseconds per sentence and most sentences cannot match most patterns. A gate that misses a
spelling its expression matches silently hides that cue; the property test in tests/unit/classify
generates matching strings from each pattern and fails on such a gap. (``_rx`` still derives gates
from regex source for the extra cues in ``data/phrasing.yaml``.)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from herald.core import yaml_data

from .taxonomy import CODES

_PREFIX = 8  # a word start used as a gate is at most this long
_LITERALS: dict[re.Pattern[str], frozenset[str]] = {}
_LITERAL_CHARS = re.compile(r"[a-z0-9 '\u2019&-]*", re.I)
_WORDS = re.compile(r"[a-z0-9'\u2019&-]+")
# Parts split at "&" too: "killed&after" is the words "killed" and "after" to a \b in a pattern.
_WORD_PARTS = re.compile(r"[a-z0-9]+")


def split_alternatives(body: str) -> list[str]:
    """Top-level alternatives of a pattern body (the ``|`` outside any group or class)."""
    parts, depth, start, i, in_class = [], 0, 0, 0, False
    while i < len(body):
        c = body[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            parts.append(body[start:i])
            start = i + 1
        i += 1
    parts.append(body[start:])
    return parts


# An optional group of plain words, each ending in a space: "(?:death )?", "(?:formally |officially )?".
_OPTIONAL_WORDS = re.compile(r"\(\?:[a-z0-9'\- ]* (?:\|[a-z0-9'\- ]* )*\)\?", re.I)
# Too common to rule anything out: never chosen as a gate when the literal has another word.
_STOP = frozenset(
    "a an the of in on at to from by for with and or was were is are be been has have had their his her "
    "its under into over out off up as through".split()
)


def word_gates(alternative: str, rest: str = "") -> list[str]:
    """What a text must contain for an alternative to match, as ``word_starts`` spells it: a whole
    word with a trailing space ("dow "), or the start of one ("shell" for "shell(?:ed|ing)").
    "" when nothing is certain. ``rest`` is what follows the alternative in its enclosing pattern."""
    if alternative.startswith("\\b"):
        return word_gates(alternative[2:], rest)  # "\bdams?": the pattern's own word boundary again
    optional = _OPTIONAL_WORDS.match(alternative)
    if optional is not None and optional.end() < len(alternative):
        # "(?:death )?toll": the optional words end in a space, so what follows starts a word either way
        return word_gates(alternative[optional.end() :], rest)
    for opener in ("(?:", "(?-i:"):
        if alternative.startswith(opener):
            depth, i = 0, 0
            while i < len(alternative):
                if alternative[i] == "\\":
                    i += 2
                    continue
                depth += {"(": 1, ")": -1}.get(alternative[i], 0)
                if depth == 0:
                    break
                i += 1
            tail = alternative[i + 1 :]
            after = tail + rest
            if after[:1] in {"?", "*", "{"}:
                return [""]  # an optional group: nothing is certain
            inner = split_alternatives(alternative[len(opener) : i])
            first = [gate for alt in inner for gate in word_gates(alt, after)]
            if tail.startswith(" ") and tail[1:2] not in {"", "?", "*", "{", "|"}:
                # The words after the group are needed too; use them if they are the rarer key
                # ("crash" rather than plane|air|bus|... in "(?:plane|air|bus) crash").
                then = word_gates(tail[1:], rest)
                if "" not in then and "" not in first and _rarity(then) > _rarity(first):
                    return then
            return first
    literal = _LITERAL_CHARS.match(alternative).group(0)  # type: ignore[union-attr]
    following = (alternative[len(literal) :] + rest)[:1]
    if following in {"?", "*", "{"}:
        after_optional = (alternative[len(literal) + 1 :] + rest)[:1]
        if following == "?" and " " not in literal and len(literal) > 2 and after_optional in {"", " ", ")"}:
            return [literal[:-1].lower() + " ", literal.lower() + " "]  # "dams?": dam or dams
        literal = literal[:-1]  # the last character is optional
        following = "~"
    words = literal.lower().split(" ")
    last_whole = following in {"", " ", ")"}
    whole = [w for w in (words if last_whole else words[:-1]) if w]
    if whole:
        useful = [w for w in whole if w not in _STOP] or whole
        return [max(useful, key=len) + " "]  # the longest whole word is the rarest
    return [words[0][:_PREFIX]]


def _rarity(gates: list[str]) -> int:
    """How selective a set of gates is, roughly: its shortest key (short keys match many words)."""
    if any(g.strip() in _STOP for g in gates):
        return -1
    return min(len(g.strip()) for g in gates) * 10 - len(gates)


def _rx(*alternatives: str) -> re.Pattern[str]:
    """One case-insensitive pattern matching any alternative as whole words.

    It also records which words a text needs for the pattern to have a chance, so ``may_match`` can
    rule it out with one set intersection before the regular expression runs: a large
    case-insensitive alternation costs tens of microseconds per sentence, and most sentences cannot
    match most patterns. A test checks over the labelled set that the gate never hides a match.
    """
    pattern = re.compile(r"\b(?:" + "|".join(alternatives) + r")\b", re.I)
    _gate(pattern, *(gate for a in alternatives for gate in word_gates(a)))
    return pattern


def _gate(pattern: re.Pattern[str], *gates: str) -> None:
    if all(len(gate.strip()) >= 2 for gate in gates):
        _LITERALS[pattern] = frozenset(gates)


@lru_cache(maxsize=4096)
def word_starts(text: str) -> frozenset[str]:
    """The gate keys of a text: each word (whole, with a trailing space) and each word start of 2 to 8
    characters, for words as written ("anti-government", "club's") and for their parts. Cached: the
    same segment's keys are asked for again by the off-topic check, and the result is immutable."""
    low = text.lower()
    words = set(_WORDS.findall(low))
    words.update(_WORD_PARTS.findall(low))
    keys: set[str] = set()
    for word in words:
        keys.update(_keys_of(word))
    return frozenset(keys)


@lru_cache(maxsize=65536)
def _keys_of(word: str) -> tuple[str, ...]:
    """One word's gate keys; cached because a language's common words make up most of any text."""
    return (word + " ", *(word[:k] for k in range(2, min(len(word), _PREFIX) + 1)))


def gate_of(pattern: re.Pattern[str]) -> frozenset[str] | None:
    return _LITERALS.get(pattern)


def may_match(pattern: re.Pattern[str], starts: frozenset[str]) -> bool:
    """False only when the pattern certainly cannot match the text whose ``word_starts`` are given."""
    literals = _LITERALS.get(pattern)
    return literals is None or not literals.isdisjoint(starts)


def search(pattern: re.Pattern[str], text: str, starts: frozenset[str]) -> re.Match[str] | None:
    """``pattern.search(text)``, skipping the work a gate proves useless."""
    return pattern.search(text) if may_match(pattern, starts) else None


@dataclass(frozen=True)
class Cue:
    """One way a sentence can say that an event of a type happened."""

    name: str
    pattern: re.Pattern[str]
    context: re.Pattern[str] | None = None  # must also occur in the sentence
    weak: bool = False  # ambiguous word: off in sport, markets, labour and culture contexts
    article_context: re.Pattern[str] | None = None  # must occur somewhere in the article
    exclude: re.Pattern[str] | None = None  # a trigger inside one of these phrases does not count


@dataclass(frozen=True)
class TypeRules:
    code: str
    cues: tuple[Cue, ...]
    vetoes: tuple[re.Pattern[str], ...] = field(default_factory=tuple)


# --- Shared vocabularies ---------------------------------------------------------------------------

_PAST_AFTER = re.compile(
    r"^[^.;]{0,30}?\b(?:in (?:19|20)\d\d|in (?:January|February|March|April|May|June|July|August|September|"
    r"October|November|December) (?:19|20)\d\d|(?:last|previous) (?:year|month|summer|winter|spring|autumn)|"
    r"\d+ years? ago|a year ago|years ago|decades ago|(?:later|earlier) that (?:year|month)|that same year|"
    r"the (?:following|previous) (?:year|month))\b"
)


def is_off_topic(text: str, starts: frozenset[str] | None = None) -> bool:
    starts = word_starts(text) if starts is None else starts
    return any(search(domain, text, starts) for domain in OFF_TOPIC)


# "since Ukrainian forces retook it", "a protest over the death of Mark Duggan, who was shot" (the
# death that set off the unrest); and the participle that continues such a clause ("since gunmen
# attacked an Istanbul church in January, killing one worshipper"), whose clause has a verb of its own.
_PAST_BEFORE = re.compile(
    r"\b(?:since|ever since)\s+(?:[\w'\u2019-]+\s+){0,4}$"
    r"|\b(?:since|ever since)\s+(?:[\w'\u2019-]+\s+){1,3}?"
    r"(?:\w+ed|took|began|seized|struck|hit|fell|overran)\b[^.;,]{0,60},\s+$"
    r"|\b(?:over|after|against|for)\s+the\s+(?:death|killing|shooting)\s+of\s+$",
    re.I,
)
# The killing that set off the unrest, told after the unrest's start: "The unrest began in Tottenham on
# Saturday after police shot a man dead", "riots erupted after officers killed a teenager".
_CAUSE_BEFORE = re.compile(
    r"\b(?:unrest|riots?|rioting|protests?|demonstrations?|disturbances|violence)\s+"
    r"(?:began|erupted|broke\s+out|started|flared(?:\s+up)?)\b[^.;]{0,50}?\bafter\s+(?:[\w'\u2019-]+\s+){1,3}$",
    re.I,
)


# The earlier event a ranking compares with, dated by its year (or month), and the clause that tells of
# it: "the country's worst disaster since the 1998 tsunami at Aitape, which killed more than 2,000
# people", "the deadliest since 1973, when 81 people died", "the sides' first meeting since the military
# escalation in May, when both fired missiles at each other"; or a year the report recalls: "a repeat of
# 1997, when the flood killed 114".
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_PAST_EVENT_BEFORE = re.compile(
    # "the strongest quake since the August 24 tremor that killed almost 300 people": a day of its own
    rf"\b(?:since|ever since)\s+[^.;]{{0,50}}?"
    rf"\b(?:(?:19|20)\d\d|in {_MONTH}|{_MONTH} \d{{1,2}}|\d{{1,2}} {_MONTH})\b[^.;]{{0,60}}?"
    r"\b(?:which|that|when|in which|where)\b[^.;]{0,30}$"
    # "braced for a repeat of 1997, when the 'flood of the millennium' killed 114 people"
    r"|\b(?:19|20)\d\d,?\s+when\b[^.;]{0,60}$",
    re.I,
)


def is_background(sentence: str, match: re.Match[str]) -> bool:
    """History, not news: a cue closely followed by a past date ("captured in 2022") or introduced by
    "since" ("under bombardment since Ukrainian forces retook it"), the killing that set off the unrest
    ("the unrest began after police shot a man dead"), or inside the clause telling of the
    dated earlier event a report ranks its own against ("worst since the 1998 tsunami, which killed")."""
    if _PAST_AFTER.search(sentence[match.end() :]):
        return True
    if in_dated_event_clause(sentence, match.start()):
        return True
    if _CAUSE_BEFORE.search(sentence[max(0, match.start() - 100) : match.start()]):
        return True
    return bool(_PAST_BEFORE.search(sentence[max(0, match.start() - 60) : match.start()]))


def in_dated_event_clause(sentence: str, at: int) -> bool:
    """Whether position ``at`` lies in the clause telling of the dated earlier event the report ranks its
    own against ("worst since the 1998 tsunami at Aitape, which killed more than 2,000 people")."""
    return _PAST_EVENT_BEFORE.search(sentence[max(0, at - 150) : at]) is not None


# --- The data: cues per taxonomy family, shared vocabularies ---------------------------------------

_DATA = Path(__file__).with_name("data") / "cues"
_FAMILIES = ("conflict", "unrest", "political", "disaster", "cyber")
_FLAGS = {"IGNORECASE": re.I, "DOTALL": re.S, "MULTILINE": re.M, "VERBOSE": re.X}
Spec = str | dict[str, Any]


def _read(name: str) -> dict[str, Any]:
    data: dict[str, Any] = yaml_data.load((_DATA / f"{name}.yaml").read_text(encoding="utf-8"))
    return data


def _compile(spec: Spec, shared: dict[str, re.Pattern[str]]) -> re.Pattern[str]:
    """A pattern from its data: ``$NAME`` (a shared vocabulary), ``any`` (whole-word alternatives,
    case-insensitive) or ``regex`` (with ``flags``); its declared ``words``/``starts`` become its gate."""
    if isinstance(spec, str):
        return shared[spec.removeprefix("$")]
    if "any" in spec:
        pattern = re.compile(r"\b(?:" + "|".join(spec["any"]) + r")\b", re.I)
    else:
        flags = 0
        for flag in spec.get("flags", ()):
            flags |= _FLAGS[flag]
        pattern = re.compile(spec["regex"], flags)
    if spec.get("gate") != "none":
        _gate(pattern, *(w + " " for w in spec.get("words", ())), *spec.get("starts", ()))
    return pattern


def _cue(spec: dict[str, Any], shared: dict[str, re.Pattern[str]]) -> Cue:
    def optional(key: str) -> re.Pattern[str] | None:
        return _compile(spec[key], shared) if key in spec else None

    return Cue(
        spec["name"],
        _compile(spec["pattern"], shared),
        context=optional("context"),
        weak=bool(spec.get("weak", False)),
        article_context=optional("article_context"),
        exclude=optional("exclude"),
    )


def _load() -> tuple[
    dict[str, re.Pattern[str]], dict[str, tuple[re.Pattern[str], ...]], Cue, list[TypeRules]
]:
    data = _read("shared")
    shared: dict[str, re.Pattern[str]] = {}
    for name, spec in data["patterns"].items():
        shared[name] = _compile(spec, shared)
    lists = {name: tuple(_compile(s, shared) for s in specs) for name, specs in data["lists"].items()}
    generic = _cue(data["cues"]["GENERIC_STRIKE"], shared)
    rules = [
        TypeRules(
            t["code"],
            tuple(_cue(c, shared) for c in t["cues"]),
            tuple(_compile(v, shared) for v in t.get("vetoes", ())),
        )
        for family in _FAMILIES
        for t in _read(family)["types"]
    ]
    return shared, lists, generic, rules


_SHARED, _LISTS, GENERIC_STRIKE, _RULES = _load()
_ORDER = {code: i for i, code in enumerate(CODES)}
RULES: tuple[TypeRules, ...] = tuple(sorted(_RULES, key=lambda r: _ORDER[r.code]))
BY_CODE: dict[str, TypeRules] = {r.code: r for r in RULES}

CIVILIANS = _SHARED["CIVILIANS"]
SPORT = _SHARED["SPORT"]
CULTURE = _SHARED["CULTURE"]
HARD_NEWS = _SHARED["HARD_NEWS"]
OFF_TOPIC = _LISTS["OFF_TOPIC"]
GENERIC_STRIKE_VETOES = _LISTS["GENERIC_STRIKE_VETOES"]
