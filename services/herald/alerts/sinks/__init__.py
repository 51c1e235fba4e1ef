"""Alert sinks: one interface (base.py), one file per destination, one shared retry stage."""
