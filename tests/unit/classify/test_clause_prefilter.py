"""The clause cut of quantity contexts skips its expression only where the expression cannot match."""

from __future__ import annotations

from pathlib import Path

import yaml

from herald.core import quantity_context as qc

DATA = Path(__file__).resolve().parents[2] / "data" / "reporting"


def _windows() -> list[str]:
    out = []
    for path in sorted(DATA.glob("dev_*.yaml")):
        for item in yaml.safe_load(path.read_text(encoding="utf-8"))["items"]:
            low = f"{item['title']} {item.get('body') or ''}".lower()
            out += [low[k : k + 90] for k in range(0, len(low), 45)]
    return out


def test_every_window_the_prefilter_skips_has_no_clause_cut() -> None:
    windows = _windows()
    skipped = [w for w in windows if not qc._may_cut(w)]
    assert skipped, "the prefilter never skips: nothing is tested"
    assert [w for w in skipped if qc._CLAUSE.search(w)] == []


def test_each_branch_of_the_clause_expression_is_seen_by_the_prefilter() -> None:
    for window in ("the bombs; and", "killed: 12", "12 killed, and 4", "a strike that", "which", "who"):
        assert qc._CLAUSE.search(window)
        assert qc._may_cut(window)
    assert not qc._may_cut("killed 12 people in the town")
