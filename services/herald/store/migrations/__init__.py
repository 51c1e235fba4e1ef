"""Alembic's script directory for the store's schema, shipped in the wheel so `migrate` needs no checkout."""
