"""Shared cases of the dedup protocol tests: six reports and their syndicated copies, and the safety check."""

from __future__ import annotations

from herald.core.records import Article
from herald.dedup.routing import Dropped, Unique, order_of
from tests.support.dedup_articles import article, report, syndicated

PLACES = [
    ("Brno", 7, "Monday"),
    ("Tartu", 12, "Monday"),
    ("Gdansk", 4, "Tuesday"),
    ("Ghent", 9, "Tuesday"),
    ("Porto", 15, "Monday"),
    ("Graz", 3, "Wednesday"),
]


def cluster_articles(offset: float = 0) -> tuple[list[Article], list[Article]]:
    originals = [
        article(f"https://wire/{p}", report(p, n, d), minutes=offset + i)
        for i, (p, n, d) in enumerate(PLACES)
    ]
    copies = [
        article(f"https://copy/{p}", syndicated(report(p, n, d)), minutes=offset + 30 + i, source="Other")
        for i, (p, n, d) in enumerate(PLACES)
    ]
    return originals, copies


def assert_safely_decided(outputs: list[object], articles: list[Article], originals: list[Article]) -> None:
    """Every article decided, the earliest copy of each text passed, copies only of earlier ones."""
    unique = {o.article.id for o in outputs if isinstance(o, Unique)}
    dropped = {o.article_id: o.duplicate_of for o in outputs if isinstance(o, Dropped)}
    assert unique | set(dropped) == {a.id for a in articles}, "every article is decided"
    assert {a.id for a in originals} <= unique, "the earliest copy is never dropped"
    order = {a.id: order_of(a) for a in articles}
    assert all(order[orig] < order[copy] for copy, orig in dropped.items())
