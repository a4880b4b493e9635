"""Many writers at once on one district chain: it never forks, skips or repeats a number.

The chain row is locked (select_for_update) while an event is appended on PostgreSQL; on SQLite
every write transaction starts IMMEDIATE and takes the database's write lock. Writers here are
threads with their own connections, and separate processes, as in a server with many workers.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections import defaultdict
from pathlib import Path

import pytest
from django.db import connection, transaction

from threshold.audit.models import AuditChain
from threshold.audit.services import chain_key, record
from threshold.audit.verify import verify_chain
from threshold.testing import factories

APPENDER = Path(__file__).with_name("appender.py")
ROOT = Path(__file__).resolve().parents[2]
WRITERS, EACH = 20, 25

# Each database's own locking is tested on that database; CI runs the suite on both, and the
# other database's tests are deselected rather than skipped (tests/conftest.py).
postgres_only = pytest.mark.postgres_only
sqlite_only = pytest.mark.sqlite_only


def assert_in_order(writes: list[list[int]]) -> None:
    """Each writer's events are on the chain in the order it wrote them, none lost."""
    seen: dict[tuple[int, int], list[int]] = defaultdict(list)
    for pid, writer, n in writes:
        seen[(pid, writer)].append(n)
    assert all(numbers == list(range(EACH)) for numbers in seen.values())


@postgres_only
def test_it_keeps_one_chain_under_concurrent_threads(transactional_db):
    district = factories.district()
    start = threading.Barrier(WRITERS)
    errors: list[BaseException] = []

    def write(writer: int) -> None:
        try:
            start.wait()
            for n in range(EACH):
                with transaction.atomic():
                    data = {"pid": os.getpid(), "writer": writer, "n": n}
                    record("district.updated", actor=None, district=district, data=data)
        except BaseException as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=write, args=(n,)) for n in range(WRITERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    chain = AuditChain.objects.get(key=chain_key(district))
    report = verify_chain(chain)
    assert report.ok, report.broken
    assert report.events == chain.head_seq == WRITERS * EACH
    rows = chain.events.order_by("seq").values_list("seq", "data")
    assert [seq for seq, _ in rows] == list(range(1, WRITERS * EACH + 1))
    assert_in_order([[d["pid"], d["writer"], d["n"]] for _, d in rows])


@postgres_only
def test_it_verifies_while_writers_append(transactional_db):
    """Events committed while a chain is read are left to the next check, never a break."""
    district = factories.district()
    with transaction.atomic():
        record("district.updated", actor=None, district=district)
    chain_id = AuditChain.objects.get(key=chain_key(district)).pk
    writing = threading.Event()
    errors: list[BaseException] = []

    def write() -> None:
        try:
            for n in range(150):
                with transaction.atomic():
                    record("district.updated", actor=None, district=district, data={"n": n})
                writing.set()
        except BaseException as error:
            errors.append(error)
        finally:
            writing.set()
            connection.close()

    writers = [threading.Thread(target=write) for _ in range(4)]
    for writer in writers:
        writer.start()
    writing.wait()
    checks = []
    while any(writer.is_alive() for writer in writers):
        checks.append(verify_chain(AuditChain.objects.get(pk=chain_id)))
    assert errors == []
    assert checks and all(check.ok for check in checks), [c.broken for c in checks if c.broken]
    assert verify_chain(AuditChain.objects.get(pk=chain_id)).events == 601


def run(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        [sys.executable, str(APPENDER), *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def run_together(env: dict[str, str], district_id: str, processes: int, threads: int) -> None:
    each = [
        subprocess.Popen(
            [sys.executable, str(APPENDER), "append", district_id, str(threads), str(EACH)],
            env=env,
            cwd=ROOT,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(processes)
    ]
    failures = []
    for process in each:
        _, err = process.communicate(timeout=300)
        if process.returncode != 0:
            failures.append(err)
    assert failures == []


def assert_one_chain(env: dict[str, str], district_id: str) -> None:
    report = json.loads(run(env, "report", district_id))
    assert report["ok"], report["problem"]
    assert report["events"] == WRITERS * EACH
    assert report["seqs"] == list(range(1, WRITERS * EACH + 1))
    assert_in_order(report["writes"])


def process_env(database_url: str, var_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    env.update(THRESHOLD_MODE="test", DATABASE_URL=database_url, THRESHOLD_VAR_DIR=str(var_dir))
    return env


@postgres_only
def test_it_keeps_one_chain_under_concurrent_processes(transactional_db, tmp_path):
    settings = connection.settings_dict
    password = f":{settings['PASSWORD']}" if settings["PASSWORD"] else ""
    url = (
        f"postgres://{settings['USER']}{password}@{settings['HOST'] or 'localhost'}:"
        f"{settings['PORT'] or 5432}/{settings['NAME']}"
    )
    env = process_env(url, tmp_path)
    district = factories.district()
    run_together(env, str(district.pk), processes=5, threads=WRITERS // 5)
    assert_one_chain(env, str(district.pk))


@pytest.fixture(scope="module")
def sqlite_file(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """A migrated SQLite database in a file, which several connections and processes share.

    (The test database is in memory, private to this process.)"""
    folder = tmp_path_factory.mktemp("sqlite")
    env = process_env(f"sqlite:///{folder / 'threshold.sqlite3'}", folder)
    subprocess.run(
        [sys.executable, "-m", "threshold.cli", "migrate", "--no-input", "-v", "0"],
        env=env,
        cwd=ROOT,
        check=True,
        timeout=300,
    )
    return env


@sqlite_only
def test_it_keeps_one_sqlite_chain_under_concurrent_threads(sqlite_file):
    district_id = run(sqlite_file, "district").strip()
    run(sqlite_file, "append", district_id, str(WRITERS), str(EACH))
    assert_one_chain(sqlite_file, district_id)


@sqlite_only
def test_it_keeps_one_sqlite_chain_under_concurrent_processes(sqlite_file):
    district_id = run(sqlite_file, "district").strip()
    run_together(sqlite_file, district_id, processes=5, threads=WRITERS // 5)
    assert_one_chain(sqlite_file, district_id)


@sqlite_only
def test_it_verifies_sqlite_while_writers_append(sqlite_file):
    district_id = run(sqlite_file, "district").strip()
    run(sqlite_file, "append", district_id, "1", "1")
    command = [sys.executable, str(APPENDER), "watch", district_id, str(WRITERS * EACH + 1)]
    watcher = subprocess.Popen(
        command, env=sqlite_file, cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    run_together(sqlite_file, district_id, processes=2, threads=WRITERS // 2)
    out, _ = watcher.communicate(timeout=300)
    assert watcher.returncode == 0
    watched = json.loads(out)
    assert watched["checks"] > 1
    assert watched["broken"] == []
