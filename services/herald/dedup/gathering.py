"""Step 3: the gather partition of an article collects what its probes found, verifies, decides.

An article is decided once its own message and one reply per probe are in: an exact claimant
earlier than it makes it a copy at once; band claimants are asked (at their own gather partitions) to
compare signatures, and the earliest that agrees is its original; otherwise it is unique. Decisions
are remembered in verdict buckets (``herald.dedup.verdicts``), so a redelivered article gets the
same decision and later copies find it. Re-asking for lost messages is ``stalled_gathers``.
"""

from __future__ import annotations

import time
from collections.abc import Callable, MutableMapping
from typing import Any

from herald.core.records import Article

from . import verdicts as verdict_bucket
from .fingerprint import markers_agree, similarity
from .messages import (
    ArticleMsg,
    CopyMsg,
    Gather,
    GatherMsg,
    MemberMsg,
    ReplyMsg,
    StorySource,
    VerifiedMsg,
    VerifyMsg,
)
from .routing import DedupConfig, Dropped, Output, Send, Unique, to_gather
from .stalled_gathers import ResendsStalledGathers

MAX_VERIFY = 12  # candidates verified per article: those sharing the most bands, then the earliest
MAX_COPIES = 200  # copies remembered per original (more are counted by the story, not listed)
MAX_ARRIVED = 10_000  # in-flight articles a gatherer keeps decoded (a cache: the pending table is the record)


class Gatherer(ResendsStalledGathers):
    """Collects what an article's probes found, verifies near candidates, decides, remembers.

    ``verdicts`` maps a verdict bucket to its packed records (see ``herald.dedup.verdicts``);
    ``pending`` maps an article id to the gather in progress (deleted once decided).
    """

    def __init__(
        self,
        verdicts: MutableMapping[str, bytes],
        pending: MutableMapping[str, Any],
        config: DedupConfig,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.verdicts = verdicts
        self.pending = pending
        self.config = config
        self.clock = clock
        # How many times each pending gather was asked again (in memory: a restart only asks sooner).
        self._asked: dict[str, int] = {}
        # The in-flight articles as the objects they arrived as, so a decision does not rebuild the
        # article from its pending record (which is there for recovery; a miss falls back to it).
        self._arrived: dict[str, Article] = {}

    # -- verdict buckets ---------------------------------------------------------------------

    def _bucket_key(self, article_id: str) -> str:
        return f"{self.config.verdict_bucket(article_id):04x}"

    def verdict(self, article_id: str) -> dict[str, Any] | None:
        """The record of a remembered article (see ``verdicts.pack`` for its fields), else None."""
        blob = self.verdicts.get(self._bucket_key(article_id))
        return verdict_bucket.read(blob, bytes.fromhex(article_id)) if blob else None

    def _store_verdict(self, article_id: str, rec: dict[str, Any], now: int | None) -> None:
        key = self._bucket_key(article_id)
        horizon = None if now is None else now - self.config.retention_us
        blob = self.verdicts.get(key) or b""
        self.verdicts[key] = verdict_bucket.put(blob, bytes.fromhex(article_id), rec, horizon)

    # -- dispatch ------------------------------------------------------------------------------

    def handle(self, msg: GatherMsg | Gather) -> list[Output]:
        """One message about the article it targets; every handler is idempotent under redelivery."""
        if isinstance(msg, Gather):
            msg = msg.root
        if isinstance(msg, ArticleMsg):
            return self._on_article(msg)
        if isinstance(msg, ReplyMsg):
            return self._on_reply(msg)
        if isinstance(msg, VerifyMsg):
            return self._on_verify(msg)
        if isinstance(msg, VerifiedMsg):
            return self._on_verified(msg)
        if isinstance(msg, CopyMsg):
            return self._on_copy(msg)
        return self._on_member(msg)

    def _pending(self, article_id: str) -> dict[str, Any]:
        """A copy of the article's gather record, or a new one.

        Its fields (short: the record is written per message): ``a`` the article, ``o`` its order,
        ``n`` its probe count, ``s``/``m`` its signature and markers, ``r`` the replies by
        "order:part", ``v`` the verification answers by candidate (None until candidates are asked),
        ``w`` the verify questions parked until it is decided, ``c`` copies that arrived meanwhile,
        ``t`` when the gather started.
        """
        found = self.pending.get(article_id)
        if found is None:
            return {"a": None, "r": {}, "v": None, "w": [], "c": [], "t": self.clock()}
        return dict(found)

    def _on_article(self, msg: ArticleMsg) -> list[Output]:
        """The article itself. A known id with the same order is a redelivery (replayed); with another
        order it is the same URL fetched again, an exact copy."""
        article = msg.article
        rec = self.verdict(article.id)
        if rec is not None:
            if rec["o"] == msg.order:
                return self._replay(article, rec)
            # Same canonical URL seen before (another feed, or fetched again): an exact copy. It is
            # listed on the record (a dropped copy's record lists them only to know a redelivery).
            entry = [article.id, msg.order, article.source, article.url, "exact"]
            root = rec["d"] or article.id
            if entry in rec["c"]:  # this very copy, redelivered
                return [Dropped(article.id, root, "exact", redelivery=True)]
            if len(rec["c"]) < MAX_COPIES:
                rec["c"].append(entry)
            self._store_verdict(article.id, rec, None)
            if rec["d"]:
                return self._copy_of(article, msg.order, root, "exact")
            return [Dropped(article.id, root, "exact"), *self._sources_for(article.id, rec, [entry])]
        p = self._pending(article.id)
        if p["a"] is not None:
            if p["o"] != msg.order:  # the same URL while the first copy is still in flight
                entry = [article.id, msg.order, article.source, article.url, "exact"]
                if entry in p["c"]:
                    return [Dropped(article.id, article.id, "exact", redelivery=True)]
                p["c"] = [*p["c"], entry]
                self.pending[article.id] = p
                return [Dropped(article.id, article.id, "exact")]
            return []  # redelivered while still in flight: its replies are on their way
        p.update(a=article.model_dump(mode="json"), o=msg.order, n=msg.parts, s=msg.signature, m=msg.markers)
        self._arrive(article)
        return self._advance(article.id, p)

    def _arrive(self, article: Article) -> None:
        if len(self._arrived) >= MAX_ARRIVED:  # gathers another worker took over: forget the oldest
            del self._arrived[next(iter(self._arrived))]
        self._arrived[article.id] = article

    def _on_reply(self, msg: ReplyMsg) -> list[Output]:
        """A probe's reply; one that carries the article stands in for a lost direct message."""
        if self.verdict(msg.target) is not None:
            return []
        p = self._pending(msg.target)
        carry = msg.carry
        if carry is not None and p["a"] is None:  # the article's direct message was lost, or is late
            p.update(
                a=carry.article.model_dump(mode="json"),
                o=carry.order,
                n=carry.parts,
                s=carry.signature,
                m=carry.markers,
            )
            self._arrive(carry.article)
        p["r"] = {
            **p["r"],
            f"{msg.order}:{msg.part}": [list(c) for c in msg.claimants],
        }
        return self._advance(msg.target, p)

    def _on_verify(self, msg: VerifyMsg) -> list[Output]:
        """A later article asks whether this one is its original. Answered once this one is decided, so
        the answer names this one's own original; an article only waits for earlier ones: no deadlock."""
        rec = self.verdict(msg.target)
        if rec is not None:
            return [self._answer(msg, rec["s"], rec["m"], rec["d"] or msg.target)]
        if msg.target_order < msg.asker_order - self.config.retention_us:
            return [self._answer(msg, "", [], msg.target)]  # forgotten: too old to be the original
        # Not decided yet: park the question, so the answer can name the candidate's own original.
        p = self._pending(msg.target)
        waiting = [w for w in p["w"] if w["asker"] != msg.asker]
        p["w"] = [*waiting, msg.model_dump(exclude={"schema_version"})]
        self.pending[msg.target] = p
        return []

    def _answer(self, msg: VerifyMsg, signature: str, markers: list[int], root: str) -> Send:
        answer = VerifiedMsg.model_construct(
            target=msg.asker,
            candidate=msg.target,
            candidate_order=msg.target_order,
            similarity=similarity(bytes.fromhex(signature), bytes.fromhex(msg.signature)),
            agree=markers_agree(markers, msg.markers),
            root=root,
        )
        return to_gather(self.config, answer)

    def _on_verified(self, msg: VerifiedMsg) -> list[Output]:
        """A candidate's answer; answers for candidates not asked (or after the decision) are ignored."""
        if self.verdict(msg.target) is not None:
            return []
        p = self._pending(msg.target)
        if p["v"] is None or msg.candidate not in p["v"]:
            return []
        p["v"] = {**p["v"], msg.candidate: [msg.similarity, msg.agree, msg.root, msg.candidate_order]}
        return self._advance(msg.target, p)

    def _on_copy(self, msg: CopyMsg) -> list[Output]:
        """A copy was dropped in favour of this article: listed, so its story can count the source."""
        rec = self.verdict(msg.target)
        entry = [msg.copy_id, msg.order, msg.source, msg.url, msg.how]
        if rec is None:
            p = self._pending(msg.target)
            if entry not in p["c"]:
                p["c"] = [*p["c"], entry]
                self.pending[msg.target] = p
            return []
        if rec["d"]:  # the target is itself a copy: its original collects the sources
            forwarded = msg.model_copy(update={"target": rec["d"]})
            return [to_gather(self.config, forwarded)]
        if any(c[0] == msg.copy_id and c[1] == msg.order for c in rec["c"]):
            return self._sources_for(msg.target, rec, [entry])  # redelivery: same notices again
        if len(rec["c"]) < MAX_COPIES:
            rec["c"].append(entry)
        self._store_verdict(msg.target, rec, None)
        return self._sources_for(msg.target, rec, [entry])

    def _on_member(self, msg: MemberMsg) -> list[Output]:
        """This original joined a story: its copies, listed so far and from now on, are counted there."""
        rec = self.verdict(msg.target)
        if rec is None:
            return []  # forgotten (older than the retention window)
        membership = [msg.event_type, msg.story_id]
        if membership not in rec["t"]:
            rec["t"].append(membership)
            self._store_verdict(msg.target, rec, None)
        out: list[Output] = []
        for copy_id, _, source, url, _ in rec["c"]:
            out.append(
                StorySource.model_construct(
                    event_type=msg.event_type,
                    story_id=msg.story_id,
                    original_id=msg.target,
                    article_id=copy_id,
                    source=source,
                    url=url,
                )
            )
        return out

    def _sources_for(self, original: str, rec: dict[str, Any], copies: list[list[Any]]) -> list[Output]:
        return [
            StorySource.model_construct(
                event_type=t, story_id=s, original_id=original, article_id=c[0], source=c[2], url=c[3]
            )
            for t, s in rec["t"]
            for c in copies
        ]

    # -- deciding ------------------------------------------------------------------------------

    def _advance(self, article_id: str, p: dict[str, Any]) -> list[Output]:
        """Decide if everything the decision needs is in; otherwise remember what we have."""
        if p["a"] is None or sum(1 for k in p["r"] if k.startswith(f"{p['o']}:")) < p["n"]:
            self.pending[article_id] = p
            return []
        if p["v"] is None:
            claimants = [
                c for k, cs in p["r"].items() if k.startswith(f"{p['o']}:") for c in cs if c[1] != article_id
            ]
            exact = sorted((c[2], c[1]) for c in claimants if c[3])
            if exact:
                return self._decide(article_id, p, exact[0][1], "exact")
            shared: dict[tuple[int, str], set[int]] = {}
            for c in claimants:
                if not c[3]:
                    shared.setdefault((c[2], c[1]), set()).add(c[0])
            near = sorted(shared, key=lambda k: (-len(shared[k]), k))[:MAX_VERIFY]
            if not near:
                return self._decide(article_id, p, None, None)
            p["v"] = {cid: None for _, cid in near}
            self.pending[article_id] = p
            return [
                to_gather(
                    self.config,
                    VerifyMsg.model_construct(
                        target=cid,
                        target_order=order,
                        asker=article_id,
                        asker_order=p["o"],
                        signature=p["s"],
                        markers=p["m"],
                    ),
                )
                for order, cid in near
            ]
        if any(v is None for v in p["v"].values()):
            self.pending[article_id] = p
            return []
        threshold = self.config.near.threshold
        matches = sorted((v[3], v[2]) for v in p["v"].values() if v[0] >= threshold and v[1])
        if matches:
            return self._decide(article_id, p, matches[0][1], "near")
        return self._decide(article_id, p, None, None)

    def _decide(
        self, article_id: str, p: dict[str, Any], original: str | None, kind: str | None
    ) -> list[Output]:
        """Remember the decision, emit it, and answer the questions parked while it was pending."""
        rec = {"o": p["o"], "d": original, "k": kind, "s": p["s"], "m": p["m"], "c": [], "t": []}
        out: list[Output] = []
        if original is None:
            rec["c"] = p["c"][:MAX_COPIES]
            article = self._arrived.get(article_id)
            out.append(Unique(article if article is not None else Article.model_validate(p["a"])))
        else:
            a = p["a"]
            copy = CopyMsg.model_construct(
                target=original,
                copy_id=article_id,
                order=p["o"],
                source=a["source"],
                url=a["url"],
                how="near" if kind == "near" else "exact",
            )
            out.append(Dropped(article_id, original, kind or "exact"))
            out.append(to_gather(self.config, copy))
            # Copies of this copy that arrived while it was undecided belong to its original.
            for copy_id, order, source, url, how in p["c"]:
                msg = CopyMsg.model_construct(
                    target=original, copy_id=copy_id, order=order, source=source, url=url, how=how
                )
                out.append(to_gather(self.config, msg))
        self._store_verdict(article_id, rec, p["o"])
        self.pending.pop(article_id, None)
        self._arrived.pop(article_id, None)
        for waiting in p["w"]:
            out.append(
                self._answer(VerifyMsg.model_construct(**waiting), p["s"], p["m"], original or article_id)
            )
        return out

    def _copy_msg(self, article: Article, order: int, original: str, how: str) -> CopyMsg:
        return CopyMsg.model_construct(
            target=original,
            copy_id=article.id,
            order=order,
            source=article.source,
            url=article.url,
            how="near" if how == "near" else "exact",
        )

    def _copy_of(self, article: Article, order: int, original: str, how: str) -> list[Output]:
        return [
            Dropped(article.id, original, how),
            to_gather(self.config, self._copy_msg(article, order, original, how)),
        ]

    def _replay(self, article: Article, rec: dict[str, Any]) -> list[Output]:
        """A redelivered article: the outputs of its first decision, again."""
        if rec["d"] is None:
            return [Unique(article)]
        return [
            Dropped(article.id, rec["d"], rec["k"], redelivery=True),
            to_gather(self.config, self._copy_msg(article, rec["o"], rec["d"], rec["k"])),
        ]


def verdict_records(store: MutableMapping[str, bytes]) -> int:
    """How many articles a verdicts store remembers (the benchmark and the tests size state with it)."""
    return sum(verdict_bucket.count(v) for v in store.values())
