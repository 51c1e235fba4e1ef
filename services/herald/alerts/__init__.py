"""Novelty detection (what is new and serious) and alert delivery to sinks."""
