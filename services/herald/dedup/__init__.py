"""Deduplication of articles and grouping of events into stories."""
