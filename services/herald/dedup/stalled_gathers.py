"""Healing gathers that wait too long: ask again for what they still miss.

A mixin of ``Gatherer``: it reads the gather records the gatherer keeps and remembers how often each
was asked again, so the asking backs off.
"""

from __future__ import annotations

from collections.abc import Callable, MutableMapping
from typing import Any

from herald.core.records import Article

from .messages import GatherMsg, Probe, VerifiedMsg, VerifyMsg
from .routing import DedupConfig, Send, to_gather
from .scatter import scatter


class ResendsStalledGathers:
    """``resend_stalled`` for a gatherer: what its waiting gathers still miss, asked for again."""

    pending: MutableMapping[str, Any]
    config: DedupConfig
    clock: Callable[[], float]
    _asked: dict[str, int]  # how many times each pending gather was asked again
    verdict: Callable[[str], dict[str, Any] | None]  # the gatherer's: an article's verdict, if decided

    def resend_stalled(
        self,
        older_than: float,
        give_up_after: float = 600.0,
        limit: int = 500,
        owns: Callable[[int], bool] | None = None,
    ) -> list[Send]:
        """Ask again for what gathers waiting longer than ``older_than`` seconds still miss.

        Every step is idempotent, so asking twice is harmless; asking again heals a message that was
        lost on the way (the stream layer's at-least-once has gaps around rebalances, see the
        project's reliability notes). A candidate original that has not answered after
        ``give_up_after`` seconds (its own article never arrived) is taken as "not the original":
        the article passes as unique rather than wait for ever. Only reads state: safe from a timer.

        A gather that waits is far more often *queued* than lost: under a backlog every reply is
        late. Re-asking then only lengthens the queue it waits in, so each gather is asked again
        after ``older_than``, then twice that, four times that... and at most ``limit`` messages go
        out per call (the rest wait for the next). The worker also skips re-asking while its own
        inputs are backlogged (see the agent).

        Only live gathers are asked for. ``owns`` says which verdict partitions are this worker's:
        its pending table also holds other workers' gathers (Faust's standby copies of their
        changelogs, and what an earlier assignment left), which their owners ask for. A gather whose
        article already has a verdict is a leftover (a worker died after writing the verdict and
        before deleting the gather): asking again would only bring answers that are ignored.
        """
        now = self.clock()
        out: list[Send] = []
        asked: dict[str, int] = {}
        for article_id, p in list(self.pending.items()):
            if owns is not None and not owns(self.config.verdict_partition(article_id)):
                continue
            if p.get("a") is not None and self.verdict(article_id) is not None:
                continue
            age = now - p.get("t", now)
            times = self._asked.get(article_id, 0)
            if p.get("a") is None or age < older_than * 2**times:
                if times:
                    asked[article_id] = times
                continue
            if len(out) >= limit:
                asked[article_id] = times
                continue
            asked[article_id] = times + 1
            if p["v"] is None:
                got = {k.split(":", 1)[1] for k in p["r"] if k.startswith(f"{p['o']}:")}
                for send in scatter(Article.model_validate(p["a"]), self.config)[1:]:
                    if isinstance(send.value, Probe) and str(send.value.part) not in got:
                        out.append(send)
                continue
            orders = {c[1]: c[2] for cs in p["r"].values() for c in cs}
            for candidate, answer in p["v"].items():
                if answer is not None:
                    continue
                msg: GatherMsg
                if age >= give_up_after:
                    msg = VerifiedMsg.model_construct(
                        target=article_id,
                        candidate=candidate,
                        candidate_order=orders.get(candidate, 0),
                        similarity=0.0,
                        agree=False,
                        root=candidate,
                    )
                else:
                    msg = VerifyMsg.model_construct(
                        target=candidate,
                        target_order=orders.get(candidate, 0),
                        asker=article_id,
                        asker_order=p["o"],
                        signature=p["s"],
                        markers=p["m"],
                    )
                out.append(to_gather(self.config, msg))
        self._asked = asked
        return out
