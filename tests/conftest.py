"""Personas shared by the tests.

North district: Lincoln (alice, front office; olga, designated official; pete, principal) and
Washington (bob, front office); dana is North's district administrator, aaron its auditor,
carl its counsel. South district: Jefferson (sam, front office); sue is South's administrator.
oscar has an account in North but no role anywhere: he must be refused everywhere.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from django.db import connection
from django.test import Client
from django.utils import translation

from threshold.accounts.models import District, School, User
from threshold.accounts.roles import Role
from threshold.testing import factories


@dataclass
class World:
    north: District
    south: District
    lincoln: School
    washington: School
    jefferson: School
    alice: User
    bob: User
    olga: User
    pete: User
    dana: User
    aaron: User
    carl: User
    sam: User
    sue: User
    oscar: User


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Tests of one database's own behaviour run on that database only. CI runs the suite on
    both, so the others are deselected here, not skipped: in CI nothing is skipped."""
    on_postgres = os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://"))
    unwanted = "sqlite_only" if on_postgres else "postgres_only"
    kept = [item for item in items if item.get_closest_marker(unwanted) is None]
    if len(kept) != len(items):
        config.hook.pytest_deselected(items=[i for i in items if i not in kept])
        items[:] = kept


@pytest.fixture(autouse=True)
def _english_between_tests() -> Iterator[None]:
    """A request in Spanish leaves Spanish active in the thread: start every test in English."""
    translation.activate("en")
    yield
    translation.activate("en")


_triggers = importlib.import_module("threshold.audit.migrations.0002_append_only_triggers")


@pytest.fixture(autouse=True)
def _sqlite_flush_past_audit_triggers(request: pytest.FixtureRequest) -> Iterator[None]:
    """Tests with real transactions end with a flush, which SQLite runs as DELETE: the audit
    triggers (rightly) refuse it. Lift them for the flush and put them back for the next test.
    PostgreSQL flushes with TRUNCATE, which the row triggers do not see."""
    transactional = {"transactional_db", "live_server"} & set(request.fixturenames)
    uses_db = transactional or {"db", "world"} & set(request.fixturenames)
    if transactional:
        request.getfixturevalue(next(iter(transactional)))
    elif uses_db:
        request.getfixturevalue("db")
    sqlite = bool(uses_db) and connection.vendor == "sqlite"
    if sqlite:
        with connection.cursor() as cursor:
            for statement in _triggers.SQLITE_UP:
                cursor.execute(statement)
    yield
    if sqlite and transactional:
        with connection.cursor() as cursor:
            for statement in _triggers.SQLITE_DOWN:
                cursor.execute(statement)


@pytest.fixture
def world(db: None) -> World:
    north = factories.district(name="North District")
    south = factories.district(name="South District")
    lincoln = factories.school(north, name="Lincoln Elementary", street="120 Maple Street")
    washington = factories.school(
        north, name="Washington Middle", level="middle", street="45 Oak Avenue"
    )
    jefferson = factories.school(south, name="Jefferson High", level="high", street="9 Elm Road")
    return World(
        north=north,
        south=south,
        lincoln=lincoln,
        washington=washington,
        jefferson=jefferson,
        alice=factories.staff_with_role(
            north,
            Role.FRONT_OFFICE,
            school=lincoln,
            email="alice@north.example",
            full_name="Alice Adams",
        ),
        bob=factories.staff_with_role(
            north,
            Role.FRONT_OFFICE,
            school=washington,
            email="bob@north.example",
            full_name="Bob Brown",
        ),
        olga=factories.staff_with_role(
            north,
            Role.DESIGNATED_OFFICIAL,
            school=lincoln,
            email="olga@north.example",
            full_name="Olga Ortiz",
        ),
        pete=factories.staff_with_role(
            north, Role.PRINCIPAL, school=lincoln, email="pete@north.example", full_name="Pete Park"
        ),
        dana=factories.staff_with_role(
            north, Role.DISTRICT_ADMIN, email="dana@north.example", full_name="Dana Diaz"
        ),
        aaron=factories.staff_with_role(
            north, Role.AUDITOR, email="aaron@north.example", full_name="Aaron Auditor"
        ),
        carl=factories.staff_with_role(
            north, Role.DISTRICT_COUNSEL, email="carl@north.example", full_name="Carl Counsel"
        ),
        sam=factories.staff_with_role(
            south,
            Role.FRONT_OFFICE,
            school=jefferson,
            email="sam@south.example",
            full_name="Sam Stone",
        ),
        sue=factories.staff_with_role(
            south, Role.DISTRICT_ADMIN, email="sue@south.example", full_name="Sue Silva"
        ),
        oscar=factories.user(north, email="oscar@north.example", full_name="Oscar Outsider"),
    )


@pytest.fixture
def client_for(client: Client):  # type: ignore[no-untyped-def]
    """A test client signed in as the given persona."""

    def sign_in(user: User) -> Client:
        client.force_login(user)
        return client

    return sign_in


@pytest.fixture
def run_worker(transactional_db: None):  # type: ignore[no-untyped-def]
    """Runs the background worker over what is due, as `threshold worker --batch` does.

    The worker commits and closes connections as in production, so tests that use it run with
    real transactions (transactional_db) rather than inside one rolled-back transaction.
    """
    from django.core.management import call_command

    def run() -> None:
        call_command("worker", batch=True, verbosity=0)

    return run


pytest_plugins = ["tests.mail_server", "tests.browser"]
