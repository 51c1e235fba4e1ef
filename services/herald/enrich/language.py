"""Which language an article is in, so non-English text is passed on marked instead of mis-enriched.

English NER run over German or Ukrainian text produces confident nonsense (every capitalised noun a
person), so such articles leave enrichment with ``enriched=False`` and their detected language.
Almost every article on an English desk is English, and py3langid costs about as much as spaCy on a
short text, so a cheap test comes first: English prose is full of a few function words. Only text
that fails it (other languages, or English too short or too full of names to tell) goes to py3langid.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

# Frequent English function words that are rare as words in other Latin-script languages.
_ENGLISH = frozenset(
    {
        "the", "of", "and", "to", "in", "is", "was", "were", "on", "for", "that", "with", "said", "by",
        "from", "at", "as", "has", "have", "had", "after", "its", "it", "their", "this", "an", "be", "been",
        "are", "which", "who", "will", "would", "than", "more", "over", "into", "when", "says", "not",
    }
)  # fmt: skip
ENGLISH_SHARE = 0.12  # English news text runs at 0.25-0.40; German, French, Spanish below 0.05
MIN_WORDS = 8
CONFIDENT = 0.5
SAMPLE_CHARS = 1000


@dataclass(frozen=True)
class Language:
    code: str  # ISO 639-1, e.g. "en"
    method: str  # "function_words", "langid", "declared", "default": how it was decided


@cache
def _identifier() -> Any:
    """py3langid's model with normalised probabilities; loaded on first use, once per process."""
    try:
        from py3langid.langid import MODEL_FILE, LanguageIdentifier
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise ImportError("language detection needs py3langid: pip install 'herald[nlp]'") from exc
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect(text: str, declared: str | None = None) -> Language:
    """The language of ``text``; ``declared`` is what the feed said, used only when the text can't tell."""
    sample = text[:SAMPLE_CHARS]
    words = sample.lower().split()
    if (len(words) >= MIN_WORDS and sample.isascii()) or len(words) >= MIN_WORDS * 2:
        hits = sum(1 for w in words if w.strip(".,;:!?\"'()") in _ENGLISH)
        if hits / len(words) >= ENGLISH_SHARE:
            return Language("en", "function_words")
    if not sample.strip():
        return Language(_primary(declared) or "en", "declared" if declared else "default")
    code, prob = _identifier().classify(sample)
    if prob >= CONFIDENT or not sample.isascii():
        return Language(str(code), "langid")
    if declared:
        return Language(_primary(declared) or "en", "declared")
    # Too short or too full of names to tell, and in plain ASCII: an English desk's headline.
    return Language("en", "default")


def _primary(tag: str | None) -> str | None:
    """ "en-US" -> "en"."""
    return tag.split("-")[0].split("_")[0].lower() if tag else None
