"""Event classification: which events an article reports, and how severe each is."""
