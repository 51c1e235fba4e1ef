"""Deduplication of articles and grouping of events into stories; the design is docs/dedup.md."""
