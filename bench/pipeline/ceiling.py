"""The ceiling: raw spaCy ``nlp.pipe`` throughput on the benchmark's own texts, in 1..N processes.

The pipeline's enrichment stage cannot go faster than spaCy itself, and on a small machine spaCy is
nearly all the CPU work there is; so the ceiling is measured with exactly what the stage loads
(``herald.enrich.nlp.load()``: the same model and components) on exactly the texts the pipeline
gets, each process loading its own model and timing only the inner loop after a common start.

Besides texts per second, each process reports the CPU seconds it got: on a shared machine a
process may get much less than a core, and texts per CPU-second is the figure that survives that.
"""

from __future__ import annotations

import itertools
import multiprocessing as mp
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class CeilingResult:
    processes: int
    texts: int
    seconds: float
    rate: float  # texts per wall second, all processes together
    cpu_seconds: float
    rate_per_cpu_second: float
    pipe_names: list[str]
    batch_size: int

    def to_json(self) -> dict[str, Any]:
        return self.__dict__.copy()


def _worker(
    path: str, seconds: float, batch_size: int, offset: int, barrier: Any, results: Any
) -> None:  # pragma: no cover - runs in a child process
    import resource

    from herald.enrich import nlp as herald_nlp

    nlp = herald_nlp.load()
    texts = Path(path).read_text().split("\x1e")
    texts = texts[offset:] + texts[:offset]  # processes start at different texts
    for _ in nlp.pipe(texts[:batch_size], batch_size=batch_size):  # warm-up: first calls are slow
        pass
    barrier.wait()
    cpu0 = resource.getrusage(resource.RUSAGE_SELF)
    started = time.perf_counter()
    done = 0
    for _ in nlp.pipe(itertools.cycle(texts), batch_size=batch_size):
        done += 1
        if done % batch_size == 0 and time.perf_counter() - started >= seconds:
            break
    elapsed = time.perf_counter() - started
    cpu1 = resource.getrusage(resource.RUSAGE_SELF)
    cpu = (cpu1.ru_utime - cpu0.ru_utime) + (cpu1.ru_stime - cpu0.ru_stime)
    results.put((done, elapsed, cpu, list(nlp.pipe_names)))


def measure(
    texts: list[str], processes: int, seconds: float, batch_size: int, workdir: Path
) -> CeilingResult:
    """Run ``processes`` spaCy processes side by side for ``seconds``; sum their throughput."""
    workdir.mkdir(parents=True, exist_ok=True)
    path = workdir / f"ceiling-texts-{processes}.txt"
    path.write_text("\x1e".join(texts))
    ctx = mp.get_context("spawn")
    barrier = ctx.Barrier(processes)
    results = ctx.Queue()
    step = max(1, len(texts) // processes)
    procs = [
        ctx.Process(target=_worker, args=(str(path), seconds, batch_size, i * step, barrier, results))
        for i in range(processes)
    ]
    for p in procs:
        p.start()
    outcomes = [results.get(timeout=seconds + 600) for _ in procs]
    for p in procs:
        p.join(timeout=30)
    path.unlink(missing_ok=True)
    done = sum(o[0] for o in outcomes)
    rate = sum(o[0] / o[1] for o in outcomes)  # the processes ran side by side
    cpu = sum(o[2] for o in outcomes)
    return CeilingResult(
        processes=processes,
        texts=done,
        seconds=max(o[1] for o in outcomes),
        rate=rate,
        cpu_seconds=cpu,
        rate_per_cpu_second=done / cpu if cpu else 0.0,
        pipe_names=outcomes[0][3],
        batch_size=batch_size,
    )
