"""Turning articles into enriched articles: entities, sentences, quantities.

Pure: takes a loaded spaCy pipeline and articles, returns records. Batched through ``nlp.pipe``
because per-document calls waste most of spaCy's throughput.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from herald.core.records import Article, EnrichedArticle, Entity, Quantity, Sentence, utcnow

_UNITS = {
    "drone": "drones",
    "drones": "drones",
    "missile": "missiles",
    "missiles": "missiles",
    "killed": "killed",
    "dead": "killed",
    "wounded": "wounded",
    "injured": "wounded",
}
_QTY = re.compile(r"\b(\d[\d,]*)\s+(?:\w+\s+)?(drones?|missiles?|killed|dead|wounded|injured)\b", re.I)


class Enricher:
    def __init__(self, nlp: Any, batch_size: int = 64) -> None:
        self.nlp = nlp
        self.batch_size = batch_size

    def enrich(self, articles: Sequence[Article]) -> list[EnrichedArticle]:
        texts = [a.text() for a in articles]
        out = []
        for article, doc in zip(articles, self.nlp.pipe(texts, batch_size=self.batch_size), strict=True):
            out.append(self._record(article, doc))
        return out

    def _record(self, article: Article, doc: Any) -> EnrichedArticle:
        sents = list(doc.sents)
        starts = [s.start_char for s in sents]

        def sentence_of(char: int) -> int:
            idx = 0
            for i, start in enumerate(starts):
                if start <= char:
                    idx = i
            return idx

        entities = [
            Entity(text=e.text, label=e.label_, start=e.start_char, end=e.end_char, sentence=sentence_of(e.start_char))
            for e in doc.ents
            if e.label_ not in {"CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT", "DATE", "TIME"}
        ]
        quantities = []
        for i, sent in enumerate(sents):
            for m in _QTY.finditer(sent.text):
                quantities.append(
                    Quantity(
                        value=float(m.group(1).replace(",", "")),
                        unit=_UNITS[m.group(2).lower()],
                        text=m.group(0),
                        sentence=i,
                        sentence_text=sent.text,
                    )
                )
        return EnrichedArticle(
            **article.model_dump(),
            duplicate_of=None,
            detected_language="en",
            sentences=[Sentence(start=s.start_char, end=s.end_char) for s in sents],
            entities=entities,
            quantities=quantities,
            enriched_at=utcnow(),
        )
