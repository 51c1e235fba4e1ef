"""The protocol's messages delivered in memory: the local shortcut of the worker, and the offline run.

The protocol is correct under any interleaving of its messages, so a message for a partition this
process owns may be answered at once instead of after a round trip through Kafka.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from typing import Any

from .claims import ClaimIndex
from .gathering import Gatherer
from .messages import Probe
from .routing import Output, Send

Picker = Callable[[list[int]], int]


class LocalBus:
    """Delivers protocol messages in memory, one FIFO queue per (topic, partition) like Kafka.

    ``pick`` chooses which non-empty queue goes next; the default drains them in turn. Tests pass a
    random picker to play partitions running at different speeds.

    ``local`` says which messages this process may answer itself (the worker: those for partitions
    it owns); the others come out of ``run`` as ``Send`` outputs, for Kafka. By default all are.
    """

    def __init__(
        self,
        claims: ClaimIndex,
        gatherer: Gatherer,
        pick: Picker | None = None,
        local: Callable[[Send], bool] | None = None,
    ) -> None:
        self.claims, self.gatherer = claims, gatherer
        self.queues: dict[tuple[str, int], deque[Send]] = {}
        self.pick = pick or (lambda ready: ready[0])
        self.local = local
        self.remote: list[Send] = []
        self.handled = 0  # messages answered in process
        self.sent = 0  # messages handed out for other processes

    def post(self, sends: list[Send]) -> None:
        """Queue what this process may answer; hold the rest for ``run`` to hand out."""
        for send in sends:
            if self.local is not None and not self.local(send):
                self.remote.append(send)
                self.sent += 1
                continue
            self.queues.setdefault((send.topic, send.partition), deque()).append(send)

    def run(self) -> list[Output]:
        """Deliver until every queue is empty (answers may post more); the outputs, then what is remote."""
        out: list[Output] = []
        while True:
            ready = [i for i, q in enumerate(self.queues.values()) if q]
            if not ready:
                break
            queue = list(self.queues.values())[self.pick(ready)]
            send = queue.popleft()
            self.handled += 1
            results: list[Any]
            if send.topic == "probes":
                assert isinstance(send.value, Probe)
                results = list(self.claims.handle(send.value))
            else:
                results = self.gatherer.handle(send.value)  # type: ignore[arg-type]
            for r in results:
                if isinstance(r, Send):
                    self.post([r])
                else:
                    out.append(r)
        out.extend(self.remote)
        self.remote = []
        return out

    def answer_locally(self, outputs: list[Any]) -> list[Any]:
        """A batch's outputs with its protocol messages carried as far as this process may take them:
        what is not a message passes through, local messages are answered, the rest come out."""
        self.post([o for o in outputs if isinstance(o, Send)])
        return [o for o in outputs if not isinstance(o, Send)] + self.run()
