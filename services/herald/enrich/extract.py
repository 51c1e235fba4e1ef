"""Turning articles into enriched articles: language, entities, places, quantities, actors.

Pure: takes a loaded spaCy pipeline (``nlp.load()``) and articles, returns records; no Kafka, no
Faust, so the stream worker, ``herald analyze``, the tests and the benchmark all call the same
:meth:`Enricher.enrich`. Articles go through ``nlp.pipe`` in batches because per-document calls waste
most of spaCy's throughput; everything after the model is lookups over its tokens and entities
(``place_mentions``, ``quantities``, ``sentence_actors``), kept cheap so that enrichment keeps at least
80% of the model's own throughput (``bench/enrich_bench.py`` measures it).

The text enriched is ``Article.text()``: title, then the full content when the feed gave it, else the
summary; offsets refer to that string.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from typing import Any

from herald.core.quantity_context import NumberContext, read_sentence
from herald.core.records import Article, EnrichedArticle, Entity, Geo, Quantity, Sentence, utcnow

from . import gazetteer as gazetteer_mod
from .gazetteer import Gazetteer
from .language import detect
from .place_mentions import PlaceFinder
from .quantities import CountFinder, model_counts
from .sentence_actors import sentence_actors
from .tokens import Tokens

ENGLISH = "en"


class Enricher:
    """Enrichment for one process: the spaCy pipeline and the gazetteer, both loaded once.

    ``gazetteer`` defaults to the process-wide one, built on the first call (a worker's entry point
    passes it in so that the cost is paid at start-up, not on the first batch).
    """

    def __init__(
        self,
        nlp: Any,
        gazetteer: Gazetteer | None = None,
        batch_size: int = 64,
        batch_chars: int = 32_000,
    ) -> None:
        self.nlp = nlp
        self.batch_size = batch_size
        self.batch_chars = batch_chars
        self._gazetteer = gazetteer
        self._places: PlaceFinder | None = None
        self._counts: CountFinder | None = None

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            self._gazetteer = gazetteer_mod.shared()
        return self._gazetteer

    def _finders(self) -> tuple[PlaceFinder, CountFinder]:
        if self._places is None or self._counts is None:
            gaz = self.gazetteer
            self._places = PlaceFinder(gaz)
            plurals = frozenset(d.lower() for d in gaz.demonyms if d.endswith("s"))
            self._counts = CountFinder(plurals)
        return self._places, self._counts

    def enrich(self, articles: Sequence[Article]) -> list[EnrichedArticle]:
        """Enrich a batch; the output is in input order, one record per article.

        Non-English articles come back with ``enriched=False`` and their detected language, and no
        entities. An exception means a bug or a pathological input for the whole batch; the stream
        stage then retries the records one by one and dead-letters only the one that fails.
        """
        places, counts = self._finders()
        texts = [a.text() for a in articles]
        languages = [detect(t, a.language) for t, a in zip(texts, articles, strict=True)]
        english = [i for i, lang in enumerate(languages) if lang.code == ENGLISH]
        out: list[EnrichedArticle | None] = [None] * len(articles)
        for chunk in self._chunks(english, texts):
            docs = self.nlp.pipe((texts[i] for i in chunk), batch_size=len(chunk))
            for i, doc in zip(chunk, docs, strict=True):
                out[i] = self._record(articles[i], doc, texts[i], places, counts)
        now = utcnow()
        for i, lang in enumerate(languages):
            if out[i] is None:
                out[i] = EnrichedArticle(
                    **articles[i].model_dump(),
                    duplicate_of=None,
                    detected_language=lang.code,
                    enriched=False,
                    entities=[],
                    quantities=[],
                    enriched_at=now,
                )
        return [r for r in out if r is not None]

    def _chunks(self, indices: list[int], texts: list[str]) -> list[list[int]]:
        """``nlp.pipe`` batches of at most ``batch_size`` texts and ``batch_chars`` characters.

        The model's working memory grows with the tokens of a batch, not its documents: 64 full
        articles at once took a worker about 185 MB above its resting size, 8 of them 11 MB, at the same
        speed. Cutting by characters keeps title-and-summary batches whole and full texts small.
        """
        chunks: list[list[int]] = []
        chunk: list[int] = []
        chars = 0
        for i in indices:
            if chunk and (len(chunk) >= self.batch_size or chars + len(texts[i]) > self.batch_chars):
                chunks.append(chunk)
                chunk, chars = [], 0
            chunk.append(i)
            chars += len(texts[i])
        if chunk:
            chunks.append(chunk)
        return chunks

    @staticmethod
    def _contexts(
        toks: Tokens, sents: list[tuple[int, int, int]], sent_of: Any, found: list[Any]
    ) -> list[NumberContext]:
        """Each count's role and time reference, read per sentence over all its numbers at once."""
        by_sentence: dict[int, list[int]] = {}
        for k, c in enumerate(found):
            by_sentence.setdefault(sent_of(c.number_start), []).append(k)
        out: list[NumberContext] = [NumberContext()] * len(found)
        for s, members in by_sentence.items():
            base = sents[s][1]
            sentence = toks.text[base : sents[s][2]]
            spans = []
            for k in members:
                c = found[k]
                last = max(c.number_start, c.number_end - 1)
                spans.append((toks.idx[c.number_start] - base, toks.ends[last] - base))
            for k, context in zip(
                members, read_sentence(sentence, spans, [found[k].unit for k in members]), strict=True
            ):
                out[k] = NumberContext("model", context.time_ref) if found[k].model else context
        return out

    def _record(
        self, article: Article, doc: Any, text: str, places: PlaceFinder, counts: CountFinder
    ) -> EnrichedArticle:
        # ``text`` is what the doc was made from: the token lists slice it (see tokens.py).
        toks = Tokens(doc, text)
        sents = toks.sentences()
        starts = [s[0] for s in sents]

        def sent_of(token: int) -> int:
            return max(0, bisect_right(starts, token) - 1)

        mentions = places.find(toks)
        entities = []
        for m in mentions:
            start, end = toks.idx[m.start], toks.ends[m.end - 1]
            if text[end - 1] == "." and "." not in text[start : end - 1]:
                end -= 1  # "... for Kyiv." at the very end tokenises with its full stop
            geo = None
            if m.place is not None and m.place.country_code:  # a sea or range has no country
                p = m.place
                geo = Geo(
                    name=p.name,
                    lat=p.lat,
                    lon=p.lon,
                    country_code=p.country_code,
                    admin1=p.admin1,
                    kind=p.kind,
                    geonameid=p.geonameid,
                    admin1_code=p.admin1_code,
                )
            entities.append(
                Entity(
                    text=text[start:end],
                    label=m.label,
                    start=start,
                    end=end,
                    sentence=sent_of(m.start),
                    geo=geo,
                    country_code=m.country_code,
                )
            )
        found = sorted(counts.find(toks) + model_counts(toks, text), key=lambda c: c.start)
        contexts = self._contexts(toks, sents, sent_of, found)
        quantities = []
        sentence_texts: dict[int, str] = {}
        for c, context in zip(found, contexts, strict=True):
            s = sent_of(c.start)
            if s not in sentence_texts:
                sentence_texts[s] = text[sents[s][1] : sents[s][2]].strip()
            quantities.append(
                Quantity(
                    value=c.value,
                    unit=c.unit,
                    text=text[toks.idx[c.start] : toks.ends[c.end - 1]],
                    qualifier=c.qualifier,  # type: ignore[arg-type]
                    sentence=s,
                    sentence_text=sentence_texts[s],
                    value_max=c.value_max,
                    noun=c.noun,
                    role=context.role,
                    time_ref=context.time_ref,
                    vague=c.vague,
                )
            )
        quantities = _same_figure_same_time(quantities)
        actors = sentence_actors(toks, mentions, self.gazetteer, sent_of)
        return EnrichedArticle(
            **article.model_dump(),
            duplicate_of=None,
            detected_language=ENGLISH,
            sentences=[
                Sentence(start=a, end=b, actors=actors.get(k, [])) for k, (_, a, b) in enumerate(sents)
            ],
            entities=entities,
            quantities=quantities,
            enriched_at=utcnow(),
        )


# Below this a figure recurs by coincidence ("two killed" tonight and "two killed" last week), so a
# small number framed as earlier in one sentence says nothing about the same number elsewhere.
DISTINCT_FIGURE_MIN = 10


def _same_figure_same_time(quantities: list[Quantity]) -> list[Quantity]:
    """A figure the report says is a running total or an earlier figure is one wherever it recurs.

    A headline gives the number bare ("Death toll from Israeli airstrikes on Lebanon reaches 2,464")
    and the body says what it is ("have now killed 2,464 people since the start of the conflict"); read
    alone, the headline would make the war's toll the night's. The same value of the same unit read
    as ``cumulative`` or ``earlier`` in one sentence takes that time in every other sentence.
    """
    framed = {
        (q.unit, q.value): q.time_ref
        for q in quantities
        if q.time_ref in ("cumulative", "earlier") and q.role == "event" and q.value >= DISTINCT_FIGURE_MIN
    }
    if not framed:
        return quantities
    return [
        q.model_copy(update={"time_ref": framed[(q.unit, q.value)]})
        if q.time_ref == "this_event" and (q.unit, q.value) in framed
        else q
        for q in quantities
    ]
