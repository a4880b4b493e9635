"""A PostgreSQL database made for one benchmark run and dropped after it, on the server that
BENCH_ADMIN_URL names (default postgres://postgres@127.0.0.1:5432/postgres)."""

from __future__ import annotations

import os
from typing import Any

ADMIN_URL = os.environ.get("BENCH_ADMIN_URL", "postgres://postgres@127.0.0.1:5432/postgres")


def admin() -> dict[str, Any]:
    """psycopg's connection arguments for the server's administrative database."""
    import dj_database_url

    parsed = dj_database_url.parse(ADMIN_URL)
    return {
        "dbname": parsed["NAME"] or "postgres",
        "user": parsed["USER"] or None,
        "password": parsed["PASSWORD"] or None,
        "host": parsed["HOST"] or "127.0.0.1",
        "port": parsed["PORT"] or 5432,
    }


def run(statement: str) -> None:
    """One statement outside a transaction (CREATE or DROP DATABASE)."""
    import psycopg

    with psycopg.connect(**admin(), autocommit=True) as connection:
        connection.execute(statement)  # type: ignore[arg-type]


def create(name: str) -> None:
    """A new, empty database `name` (any earlier one of that name is dropped first)."""
    drop(name)
    run(f'CREATE DATABASE "{name}"')


def drop(name: str) -> None:
    run(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def url(name: str) -> str:
    """The DATABASE_URL of database `name` on the same server."""
    server = admin()
    credentials = server["user"] or "postgres"
    if server["password"]:
        credentials += f":{server['password']}"
    return f"postgres://{credentials}@{server['host']}:{server['port']}/{name}"
