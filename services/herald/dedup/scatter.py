"""Step 1, stateless: an article becomes the probes for its fingerprint keys and a message to its gather.

Probes for keys owned by one partition travel together, one per owner partition; the first also
carries the article, so its reply brings the article back should the direct message be lost.
"""

from __future__ import annotations

from herald.core.heartbeat_markers import is_canary
from herald.core.records import Article

from .fingerprint import Fingerprint, fingerprint
from .messages import ArticleMsg, MemberMsg, Probe
from .routing import DedupConfig, Send, Unique, order_of, to_gather


def route_article(article: Article, config: DedupConfig) -> list[Send | Unique]:
    """What the dedup stage emits for one article: its protocol messages, or, for the heartbeat's canary,
    the article itself, unique at once.

    The canary never enters the protocol: it claims no key (so no user article can ever be taken
    for a copy of it), waits for no verdict, and can never be dropped as a copy itself, however its
    text compares. A redelivered canary passes again; the same article gives the same event and
    alert ids downstream, and delivery's ledger skips the repeat.
    """
    if is_canary(article.tags):
        return [Unique(article)]
    return [*scatter(article, config)]


def scatter(article: Article, config: DedupConfig, fp: Fingerprint | None = None) -> list[Send]:
    """The probes for an article's keys, grouped by owner partition, and the article for its gather."""
    fp = fp or fingerprint(article, config.near)
    order = order_of(article)
    keys = [(k, True) for k in fp.exact] + [(k, False) for k in fp.bands]
    by_partition: dict[int, list[tuple[int, int, bool]]] = {}
    shift, partitions = 64 - config.claim_buckets_log2, config.partitions  # claim_partition, inlined
    for index, (key, exact) in enumerate(keys):
        by_partition.setdefault((key >> shift) % partitions, []).append((index, key, exact))
    msg = ArticleMsg.model_construct(
        target=article.id,
        article=article,
        order=order,
        parts=len(by_partition),
        signature=fp.signature.hex(),
        markers=list(fp.markers),
    )
    sends = [
        Send(
            "probes",
            p,
            f"p{p}",
            Probe.model_construct(
                article_id=article.id, order=order, part=part, items=items, carry=msg if part == 0 else None
            ),
        )
        for part, (p, items) in enumerate(sorted(by_partition.items()))
    ]
    return [to_gather(config, msg), *sends]


def membership_notice(config: DedupConfig, article_id: str, event_type: str, story_id: str) -> Send:
    """The story stage's notice that an original joined a story (its copies are counted there)."""
    msg = MemberMsg(target=article_id, event_type=event_type, story_id=story_id)
    return to_gather(config, msg)
