"""The token lists the finders read say what spaCy's own tokens say, on real-shaped text."""

from __future__ import annotations

from typing import Any

import pytest

from herald.enrich.extract import Enricher
from herald.enrich.tokens import Tokens

TEXTS = [
    "Russian drones hit Kharkiv overnight, Ukraine's air force says\n\nAt least 12 people were killed "
    "and dozens wounded in the attack on the city of Kharkiv, regional governor Oleh Syniehubov said. "
    "Russia launched 472 drones and S-300 missiles; 385 were shot down.",
    "KHARTOUM (Reuters) -- Fighting near El-Fasher's market killed 20-30 civilians, medics said.\n"
    "The RSF denied it.  A second  paragraph: Mr. O'Neill, of the U.S. State Department, spoke.",
    "Quake of magnitude 6.4 strikes off Sulawesi",
    "",
]


@pytest.fixture(scope="module", params=TEXTS, ids=["report", "dateline", "headline", "empty"])
def doc(request: pytest.FixtureRequest, enricher: Enricher) -> Any:
    return enricher.nlp(request.param)


def test_words_offsets_and_flags_are_spacys(doc: Any) -> None:
    toks = Tokens(doc, doc.text)
    assert len(toks) == len(doc)
    for k, t in enumerate(doc):
        assert (toks.words[k], toks.lower[k], toks.idx[k]) == (t.text, t.lower_, t.idx)
        assert toks.ends[k] == t.idx + len(t.text)
        flags = (toks.punct[k], toks.space[k], toks.title[k], toks.upper[k], toks.alpha[k], toks.is_lower[k])
        spacy_flags = (t.is_punct, t.is_space, t.is_title, t.is_upper, t.is_alpha, t.is_lower)
        assert tuple(map(bool, flags)) == spacy_flags
        assert bool(toks.like_num[k]) == t.like_num
        assert toks.sent_start[k] == bool(t.is_sent_start)
        assert toks.sentence_start(k) == t.sent.start
        assert toks.sentence_end(k) == t.sent.end


def test_spans_and_sentences_are_spacys(doc: Any) -> None:
    toks = Tokens(doc, doc.text)
    n = len(doc)
    for i in range(n):
        for j in range(i, min(n, i + 4) + 1):
            assert toks.span(i, j) == doc[i:j].text
    assert toks.sentences() == [(s.start, s.start_char, s.end_char) for s in doc.sents]


def test_entities_are_spacys(doc: Any) -> None:
    toks = Tokens(doc, doc.text)
    assert toks.ents == tuple((e.start, e.end, e.label_) for e in doc.ents)
    assert toks.ent_type == [t.ent_type_ for t in doc]
    if doc.text.startswith("Russian drones"):
        assert any(label == "GPE" for _, _, label in toks.ents)  # the test sees real entities
