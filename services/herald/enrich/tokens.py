"""A spaCy ``Doc``'s token attributes as plain Python lists, read once per document.

Every ``doc[i]`` makes a new ``Token`` object, and ``doc[i:j].text`` rebuilds a string token by
token: the token walks of the place and count finders did that thousands of times per full article,
which cost more than the walks themselves. Here one ``Doc.to_array`` call gives the offsets and
flags of all tokens, the words are slices of the text the doc was made from, and the lookup keys of
names (``gazetteer.fold``) are computed once per span; the finders read these lists and keep the
``Doc`` for what only the model knows (its entities and their labels).
"""

from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache
from typing import Any

from spacy import attrs

from .gazetteer import fold

# Names and the words around them recur from article to article ("Ukraine", "the Kremlin", "Kyiv
# region"): their keys are kept across documents, a bounded set of short strings.
_fold = lru_cache(maxsize=16_384)(fold)

_ATTRS = [
    attrs.IDX, attrs.LENGTH, attrs.IS_PUNCT, attrs.IS_SPACE, attrs.IS_TITLE, attrs.IS_UPPER, attrs.IS_ALPHA,
    attrs.IS_LOWER, attrs.LIKE_NUM, attrs.SENT_START, attrs.ENT_TYPE,
]  # fmt: skip


class Tokens:
    """The tokens of one ``Doc``: words, lower-case words, character offsets, flags, sentences.

    ``text`` must be the string the doc was made from (``Doc.text`` rebuilds it), so that a token's
    word is ``text[idx:end]`` exactly as spaCy's ``Token.text``.
    """

    __slots__ = (
        "_folds", "alpha", "doc", "ends", "ent_type", "ents", "idx", "is_lower", "like_num", "lower", "n",
        "punct", "sent_start", "sent_starts", "space", "text", "title", "upper", "words",
    )  # fmt: skip

    def __init__(self, doc: Any, text: str | None = None) -> None:
        self.doc = doc
        self.text = doc.text if text is None else text
        self.n = n = len(doc)
        cols = doc.to_array(_ATTRS).T.tolist() if n else [[] for _ in _ATTRS]
        idx, length, punct, space, title, upper, alpha, lower, like_num, sent_start, ent_type = cols
        self.idx: list[int] = idx
        self.ends: list[int] = [i + k for i, k in zip(idx, length, strict=True)]
        t = self.text
        self.words: list[str] = [t[i:e] for i, e in zip(idx, self.ends, strict=True)]
        # spaCy's LOWER is str.lower of the token's text.
        self.lower: list[str] = [w.lower() for w in self.words]
        self.punct: list[int] = punct
        self.space: list[int] = space
        self.title: list[int] = title
        self.upper: list[int] = upper
        self.alpha: list[int] = alpha
        self.is_lower: list[int] = lower
        self.like_num: list[int] = like_num
        # As ``Doc.sents`` splits: the first token, then every token marked as a sentence start.
        self.sent_start: list[bool] = [k == 0 or s == 1 for k, s in enumerate(sent_start)]
        self.sent_starts: list[int] = [k for k, s in enumerate(self.sent_start) if s]
        # The model's entities as (start, end, label), and each token's entity label ("" outside one):
        # ``Doc.ents`` builds a ``Span`` per entity on every access, ``doc[k].ent_type_`` a ``Token``.
        self.ents: tuple[tuple[int, int, str], ...] = tuple((e.start, e.end, e.label_) for e in doc.ents)
        strings = doc.vocab.strings
        self.ent_type: list[str] = [strings[h] if h else "" for h in ent_type]
        self._folds: dict[tuple[int, int], str] = {}

    def __len__(self) -> int:
        return self.n

    def span(self, i: int, j: int) -> str:
        """The text of tokens ``i`` to ``j - 1``, as ``doc[i:j].text`` gives it."""
        if j <= i:
            return ""
        return self.text[self.idx[i] : self.ends[j - 1]]

    def key(self, i: int, j: int) -> str:
        """The gazetteer key of tokens ``i`` to ``j - 1``: the same spans are looked up many times."""
        k = (i, j)
        key = self._folds.get(k)
        if key is None:
            key = self._folds[k] = _fold(self.span(i, j))
        return key

    def sentences(self) -> list[tuple[int, int, int]]:
        """Each sentence's first token and its character span, in order."""
        if not self.n:
            return []
        ends = [*self.sent_starts[1:], self.n]
        return [(s, self.idx[s], self.ends[e - 1]) for s, e in zip(self.sent_starts, ends, strict=True)]

    def sentence_start(self, k: int) -> int:
        """The first token of the sentence that holds token ``k``."""
        return self.sent_starts[bisect_right(self.sent_starts, k) - 1]

    def sentence_end(self, k: int) -> int:
        """The token after the sentence that holds token ``k``."""
        s = bisect_right(self.sent_starts, k)
        return self.sent_starts[s] if s < len(self.sent_starts) else self.n
