"""The store's schema revisions, oldest first (see ``down_revision``)."""
