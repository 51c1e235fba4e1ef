"""Enrichment: named entities, places, quantities and language."""
