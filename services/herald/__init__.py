"""Herald: news feeds in, structured events and alerts on what is new and serious out."""

__version__ = "0.1.0"
