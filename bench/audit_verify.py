"""How fast the audit trail appends and verifies. Figures, not pass/fail.

    .venv/bin/python bench/audit_verify.py [--events N] [--districts D] [--batch B] [--profile]

It works in a database of its own and removes it afterwards: by default a SQLite file in a
temporary folder; when DATABASE_URL names a PostgreSQL server (as an account that may create
databases, e.g. postgres://postgres@127.0.0.1:5432/postgres), a database `threshold_bench` made
on that server for the run and dropped at the end.

Events are appended with the real `record()` service, BATCH events to a transaction, spread over
a few districts; then `verify_all()` recomputes every chain.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

BENCH_DATABASE = "threshold_bench"
ROOT = Path(__file__).resolve().parent.parent


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=100_000, help="events to append (100000)")
    parser.add_argument("--districts", type=int, default=4, help="districts (chains) to use (4)")
    parser.add_argument("--batch", type=int, default=1000, help="events per transaction (1000)")
    parser.add_argument("--profile", action="store_true", help="profile the verification")
    options = parser.parse_args()
    if options.events < 1 or options.districts < 1 or options.batch < 1:
        parser.error("--events, --districts and --batch must be at least 1")
    return options


def _postgres_admin(url: str) -> dict[str, Any]:
    import dj_database_url

    settings = dj_database_url.parse(url)
    if settings["ENGINE"] != "django.db.backends.postgresql":
        sys.exit("DATABASE_URL must name a PostgreSQL server (or be unset for SQLite)")
    return {
        "dbname": settings["NAME"] or "postgres",
        "user": settings["USER"] or None,
        "password": settings["PASSWORD"] or None,
        "host": settings["HOST"] or None,
        "port": settings["PORT"] or None,
    }


def _postgres(admin: dict[str, Any], statement: str) -> None:
    import psycopg

    with psycopg.connect(**admin, autocommit=True) as connection:
        connection.execute(statement)


def prepare_database(folder: Path) -> Callable[[], None]:
    """Point DATABASE_URL at the bench's own database; returns how to remove it."""
    admin_url = os.environ.get("DATABASE_URL")
    if not admin_url:
        os.environ["DATABASE_URL"] = f"sqlite:///{folder / 'bench.sqlite3'}"
        return lambda: None
    admin = _postgres_admin(admin_url)
    _postgres(admin, f"DROP DATABASE IF EXISTS {BENCH_DATABASE} WITH (FORCE)")
    _postgres(admin, f"CREATE DATABASE {BENCH_DATABASE}")
    user = admin["user"] or ""
    password = f":{admin['password']}" if admin["password"] else ""
    credentials = f"{user}{password}@" if user else ""
    host = admin["host"] or "localhost"
    port = f":{admin['port']}" if admin["port"] else ""
    os.environ["DATABASE_URL"] = f"postgres://{credentials}{host}{port}/{BENCH_DATABASE}"
    return lambda: _postgres(admin, f"DROP DATABASE IF EXISTS {BENCH_DATABASE} WITH (FORCE)")


def setup_django(folder: Path) -> None:
    os.environ["THRESHOLD_MODE"] = "test"
    os.environ["DJANGO_SETTINGS_MODULE"] = "threshold.settings"
    os.environ["THRESHOLD_VAR_DIR"] = str(folder)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)


def make_districts(count: int) -> list[tuple[Any, Any, Any]]:
    """(district, school, staff member) for each district."""
    from threshold.accounts.models import District, School, User

    made = []
    for n in range(count):
        district = District.objects.create(name=f"Bench District {n}", state="CT")
        school = School.objects.create(
            district=district,
            name=f"Bench School {n}",
            level=School.Level.ELEMENTARY,
            street=f"{n} Main Street",
            city="Hartford",
            state="CT",
            postal_code="06103",
        )
        person = User.objects.create_user(
            f"bench{n}@example.org", None, full_name=f"Bench Person {n}", district=district
        )
        made.append((district, school, person))
    return made


def append(events: int, batch: int, places: list[tuple[Any, Any, Any]]) -> float:
    from django.db import transaction

    from threshold.audit.services import record

    started = time.perf_counter()
    written = 0
    while written < events:
        with transaction.atomic():
            for _ in range(min(batch, events - written)):
                district, school, person = places[written % len(places)]
                record(
                    "staff.updated",
                    actor=person,
                    district=district,
                    school=school,
                    subject=person,
                    data={"fields": ["full_name", "phone"], "n": written},
                )
                written += 1
    return time.perf_counter() - started


def verify(profile: bool) -> tuple[float, Any]:
    from threshold.audit.verify import verify_all

    profiler = cProfile.Profile() if profile else None
    started = time.perf_counter()
    if profiler is not None:
        profiler.enable()
    report = verify_all()
    if profiler is not None:
        profiler.disable()
    elapsed = time.perf_counter() - started
    if profiler is not None:
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
    return elapsed, report


def describe_database() -> str:
    from django.db import connection

    if connection.vendor == "sqlite":
        import sqlite3

        return f"SQLite {sqlite3.sqlite_version} (file)"
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        (version,) = cursor.fetchone()
    return f"PostgreSQL {version} (database {connection.settings_dict['NAME']})"


def main() -> int:
    options = arguments()
    folder = Path(tempfile.mkdtemp(prefix="threshold-bench-"))
    remove_database = prepare_database(folder)
    try:
        setup_django(folder)
        places = make_districts(options.districts)
        append_seconds = append(options.events, options.batch, places)
        verify_seconds, report = verify(options.profile)
        print(f"database: {describe_database()}")
        print(
            f"events:   {options.events} in {options.districts} chains, "
            f"{options.batch} to a transaction"
        )
        print(
            f"append:   {append_seconds:.2f} s, "
            f"{options.events / append_seconds:,.0f} events/s (record(), one at a time)"
        )
        print(
            f"verify:   {verify_seconds:.2f} s, "
            f"{report.events / verify_seconds:,.0f} events/s (verify_all())"
        )
        if not report.ok or report.events != options.events:
            for found in report.breaks:
                print(f"BROKEN {found.describe()}", file=sys.stderr)
            return 1
        return 0
    finally:
        from django.db import connections

        connections.close_all()
        remove_database()
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
