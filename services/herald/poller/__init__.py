"""The feed poller: feeds in, new articles onto ``news.articles``."""
