"""A learned check on the rules: does the article's text support an event type the rules proposed?

One logistic model per type over word uni- and bigrams of the headline and body, trained on the
real-reporting dev files by ``herald_dev.type_veto_train`` and shipped as ``data/type_veto.json``
(weights, biases, vocabulary and per-type thresholds). ``classify`` drops a rule event whose type's
probability is below that type's threshold, unless the headline itself reports the type; the
thresholds were chosen so the veto keeps nearly every true event (README.md, "Learned type veto").
Pure Python: one dict lookup per feature.

``features`` is the one featuriser: the training script calls it too, so training and inference read
the same text the same way.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from itertools import pairwise
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from herald.core.records import EnrichedArticle

MODEL_FILE = "type_veto.json"
# Whether classify() applies the veto unless told otherwise (HERALD_CLASSIFY_TYPE_VETO); chosen by the
# out-of-fold figures on the dev files (README.md).
ON_BY_DEFAULT = True

_TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)?|\d+")
_DIGITS = re.compile(r"\d")


def tokens(text: str) -> list[str]:
    """Lower-cased words; every digit becomes 0 so "12 killed" and "40 killed" are one feature."""
    return [_DIGITS.sub("0", t) for t in _TOKEN.findall(text.lower())]


def features(title: str, body: str) -> set[str]:
    """The article's binary features: uni- and bigrams of headline and body, and the headline's
    unigrams again under ``t:`` (a headline word says more about what the article reports)."""
    head = tokens(title)
    words = [*head, "|", *tokens(body)]
    out = {w for w in words if w != "|"}
    out.update(f"{a} {b}" for a, b in pairwise(words) if "|" not in (a, b))
    out.update(f"t:{w}" for w in head)
    return out


@dataclass(frozen=True)
class TypeVeto:
    """The shipped model: per type, a bias, a weight per known feature and a veto threshold."""

    vocabulary: dict[str, int]
    weights: dict[str, list[float]]  # type -> one weight per vocabulary entry
    bias: dict[str, float]
    thresholds: dict[str, float]

    @classmethod
    def from_json(cls, text: str) -> TypeVeto:
        raw = json.loads(text)
        vocabulary = {f: i for i, f in enumerate(raw["vocabulary"])}
        weights = {code: [float(w) for w in m["weight"]] for code, m in raw["types"].items()}
        if any(len(w) != len(vocabulary) for w in weights.values()):
            raise ValueError(f"{MODEL_FILE}: a type's weights do not match the vocabulary")
        bias = {code: float(m["bias"]) for code, m in raw["types"].items()}
        thresholds = {code: float(m["threshold"]) for code, m in raw["types"].items()}
        return cls(vocabulary, weights, bias, thresholds)

    def probabilities(self, title: str, body: str, codes: Iterable[str] | None = None) -> dict[str, float]:
        """Per type (every type the model knows, or those of ``codes`` it knows), the probability that
        the text reports an event of that type."""
        index = [self.vocabulary[f] for f in features(title, body) if f in self.vocabulary]
        # Binary features scaled to unit length, as the training script scales them.
        scale = 1.0 / math.sqrt(len(index)) if index else 0.0
        out = {}
        for code in self.weights if codes is None else codes:
            weights = self.weights.get(code)
            if weights is None:
                continue
            z = self.bias[code] + scale * sum(weights[i] for i in index)
            out[code] = 1.0 / (1.0 + math.exp(-z))
        return out

    def supported(self, title: str, body: str, codes: Iterable[str]) -> set[str]:
        """The codes among ``codes`` the text supports: a code the model does not know is kept."""
        codes = set(codes)
        probs = self.probabilities(title, body, codes)
        return {c for c in codes if c not in probs or probs[c] >= self.thresholds[c]}


def read_text(article: EnrichedArticle) -> tuple[str, str]:
    """The headline and body the model reads: the body as ``Article.text()`` reads it."""
    return article.title, article.content.strip() or article.summary.strip()


@cache
def shipped() -> TypeVeto:
    """The model in the package's data folder, loaded on first use (not at import)."""
    path = resources.files("herald.classify").joinpath("data", MODEL_FILE)
    return TypeVeto.from_json(path.read_text(encoding="utf-8"))
