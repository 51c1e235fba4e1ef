"""Quality on the labelled set: duplicate precision and recall, story pairwise F1.

The numbers are printed (``pytest -s``) and must reach the bar: precision and recall of
duplicate detection >= 0.95, pairwise F1 of stories >= 0.9.
"""

from __future__ import annotations

import sys

from tests.support.dedup_labelled_set import load, run


def test_labelled_set_quality() -> None:
    rows = load()
    assert len(rows) >= 150
    kinds = {r["group"].split("/")[-1].rstrip("0123456789") for r in rows}
    assert {"original", "paraphrase"} <= kinds
    outcome = run(rows)
    dup = outcome.duplicate_scores()
    story = outcome.story_scores()
    sys.stdout.write(
        f"\n[dedup quality] {len(rows)} articles | duplicates: precision {dup['precision']:.3f} "
        f"recall {dup['recall']:.3f} (tp {dup['tp']}, fp {dup['fp']}, fn {dup['fn']}) | stories: pairwise "
        f"precision {story['precision']:.3f} recall {story['recall']:.3f} F1 {story['f1']:.3f} "
        f"over {story['pairs']:.0f} pairs\n"
    )
    assert dup["precision"] >= 0.95
    assert dup["recall"] >= 0.95
    assert story["f1"] >= 0.9
