"""The read-only query API (``herald api``): events, stories, alerts and record series from the store."""
