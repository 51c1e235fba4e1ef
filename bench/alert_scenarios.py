"""Alert precision and recall on the project's article-level alert scenarios.

    python -m bench.alert_scenarios        # every tests/data/alerts/*.articles.expected.json

Each scenario is a JSONL of articles (minimal ones are fine) and a file naming every alert it must
raise (url, rule, update or not) and the articles that must stay quiet. The whole offline pipeline
runs (``herald analyze``'s Replay, real spaCy, the HERALD_NOVELTY_* settings); an escalation update
counts as an alert. A measurement, not a test: it prints what fired wrongly and what was missed.
"""

from __future__ import annotations

import json
from pathlib import Path

from herald.alerts.settings import AlertSettings
from herald.analyze import Replay, read_articles
from herald.enrich import nlp
from herald.enrich.extract import Enricher

DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "alerts"


def main() -> None:
    enricher = Enricher(nlp.load())
    total_tp = total_fired = total_expected = 0
    for spec_path in sorted(DATA.glob("*.articles.expected.json")):
        spec = json.loads(spec_path.read_text())
        articles = read_articles(spec_path.with_name(spec_path.name.replace(".expected.json", ".jsonl")))
        replay = Replay(enricher, AlertSettings().novelty())
        fired = [
            (line["urls"][0], line["rule"], line["update_of"] is not None, line["text"])
            for line in replay.run(articles)
            if line["kind"] == "alert"
        ]
        want = [(a["url"], a["rule"], bool(a.get("update"))) for a in spec["alerts"]]
        got = [f[:3] for f in fired]
        tp = sum(1 for w in want if w in got)
        total_tp, total_fired, total_expected = (
            total_tp + tp,
            total_fired + len(got),
            total_expected + len(want),
        )
        print(f"{spec_path.name}: {len(got)} fired, {len(want)} expected, {tp} right")
        for f in fired:
            if f[:3] not in want:
                print(f"  wrong: {f[1]}{' update' if f[2] else ''} {f[0]}: {f[3][:120]}")
        for w in want:
            if w not in got:
                print(f"  missed: {w[1]}{' update' if w[2] else ''} {w[0]}")
    precision = total_tp / total_fired if total_fired else 1.0
    recall = total_tp / total_expected if total_expected else 1.0
    print(f"precision {precision:.0%} ({total_tp}/{total_fired}), ", end="")
    print(f"recall {recall:.0%} ({total_tp}/{total_expected})")


if __name__ == "__main__":
    main()
