"""Event classification: which events an article reports, and how severe each one is.

Entry point: ``herald.classify.rules.classify(article: EnrichedArticle) -> list[Event]``. The
taxonomy is ``taxonomy.py`` (published as ``schemas/taxonomy.json``); the rules analysts tune are
``cues.py`` (what text means which type) and ``severity.py`` (how bad). See README.md here.
"""
