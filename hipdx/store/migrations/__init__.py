"""Alembic migrations of the hipdx database, run by `hipdx.store.db.migrate`."""
