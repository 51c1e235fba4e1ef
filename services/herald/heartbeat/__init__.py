"""The heartbeat: a canary feed whose one item changes every N minutes, and the endpoint its alert returns to.

A pipeline that has gone quiet looks exactly like a quiet news day. The heartbeat tells them apart
the way Alertmanager's Watchdog does: something is *meant* to arrive all the time, so its absence
pages. ``herald heartbeat serve`` publishes a new synthetic item each round on ``/feed.xml``; the
poller fetches it like any feed, and every stage carries it through to a dedicated alert route
whose webhook points back at ``/alerts`` on this same server. The server exports when the newest
round came back (``herald_heartbeat_last_seen_timestamp_seconds``) and Prometheus'
``HeraldHeartbeatMissing`` rule fires when that falls more than three rounds behind.

Canary items carry the category ``herald.core.heartbeat_markers.CANARY_TAG``, which becomes ``Article.tags``;
the stages recognise them by that tag (see ``herald.core.heartbeat_markers`` and docs/deployment.md,
"Heartbeat") so they never reach a user's alert routes. This package imports only ``herald.core``.
"""
