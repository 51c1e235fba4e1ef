"""The feed poller: feeds in, exactly the new articles onto ``news.articles``.

Where things are:

* ``service.py``  the loop: schedule, fetch, parse, send, then remember (the order is the guarantee)
* ``entries.py``  which entries of a response are new: the articles to send, the ids to remember
* ``bookkeeping.py`` what a poll's outcome does to its feed: health, next poll, metrics
* ``fetch.py``    our own HTTP: conditional GET, per-host cap, deadline, size cap, bounded gzip/deflate
* ``guard.py``    SSRF guard: resolve, refuse internal addresses, connect to the vetted address
* ``parsing.py``  entity-bomb check, feedparser on bytes, classification of bad input
* ``normalize.py`` canonical URL, stable id, plain text, UTC dates
* ``schedule.py`` adaptive intervals and jittered backoff (pure)
* ``state.py``    what is remembered per feed: seen ids and validators, health
* ``output.py``   Kafka: articles (acks=all, idempotent), state in ``herald.poller.state``
* ``memory.py``   in-memory doubles of the output seams
* ``feeds.py``    feed lists (YAML, TOML, OPML)
* ``cli.py``      ``herald feeds list`` / ``herald feeds import``
* ``metrics.py``  Prometheus metrics
"""
