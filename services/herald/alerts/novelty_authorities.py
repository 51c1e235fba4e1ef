"""Who a report gives its toll on the authority of: "the civil defence said", "according to the
health ministry".

A toll that rises by less than the update floor is, on its own, as likely a count settling (another
outlet's figure hours later, a retelling abroad, a prime minister rounding up) as the event getting
worse. What tells them apart in real reporting is who speaks: when a body that gave a count the
desk was paged with (a medical examiner, a health ministry, a civil defence) gives a higher one
and the report says the toll rose, the event itself escalated. The bodies and the words that attribute
a count to them are data (``data/toll_authorities.yaml``), each with the report that motivated it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from herald.core import yaml_data
from herald.core.records import Event


@dataclass(frozen=True)
class _Authority:
    key: str
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class _Vocabulary:
    authorities: tuple[_Authority, ...]
    after: re.Pattern[str]
    before: re.Pattern[str]


@cache
def _vocabulary() -> _Vocabulary:
    path = resources.files("herald.alerts").joinpath("data", "toll_authorities.yaml")
    data = yaml_data.load(path.read_text(encoding="utf-8")) or {}
    return _Vocabulary(
        authorities=tuple(
            _Authority(entry["key"], re.compile(entry["pattern"], re.IGNORECASE))
            for entry in data.get("authorities") or []
        ),
        after=re.compile(data["after"], re.IGNORECASE),
        before=re.compile(data["before"], re.IGNORECASE),
    )


def authorities_cited(event: Event) -> frozenset[str]:
    """The bodies the report gives its words on ("civil_defence", "minister:energy"): each named in a
    sentence right before or after a word of attribution ("..., the medical examiner said", "Lebanon's
    health ministry reported", "according to the police"). Empty when it cites only vague speakers."""
    vocabulary = _vocabulary()
    found: set[str] = set()
    for text in (event.title, *event.sentences, *event.attributions):
        if not text:
            continue
        for authority in vocabulary.authorities:
            for match in authority.pattern.finditer(text):
                if vocabulary.after.search(text[match.end() :]) or vocabulary.before.search(
                    text[: match.start()]
                ):
                    group = match.group(1).lower() if authority.pattern.groups else None
                    found.add(f"{authority.key}:{group}" if group else authority.key)
    return frozenset(found)
