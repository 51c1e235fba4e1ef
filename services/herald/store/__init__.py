"""The event store: articles, events, stories, alerts and record series in a database, for the query API."""
