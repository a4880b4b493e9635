"""Check-in over HTTP with PostgreSQL: sustained check-ins per second and latency. Figures, not
pass/fail.

    .venv/bin/python bench/checkin_http.py [--duration 30] [--concurrency 8] [--workers 2]
        [--visitors 20000] [--watchlist 100000] [--profile]

Target: 300 check-ins per second at a p95 under 100 ms; below 150 per second, profile (--profile)
and say where the time goes.

The run makes its own PostgreSQL database (`threshold_bench_http`, on the server of
BENCH_ADMIN_URL, default postgres://postgres@127.0.0.1:5432/postgres), migrates it, and seeds a
district, a school with an area, a district administrator, a device token (made through the API's
service), returning visitors with US-like names, and, when the watchlists app is installed, a
watchlist of --watchlist entries imported through its service. It starts `threshold serve`
(gunicorn, --workers sync workers) in production mode on a free port of 127.0.0.1, warms every
worker up (the first screening of a process builds its watchlist index), then drives
POST /api/v1/schools/{school}/check-in/ for --duration seconds from --concurrency threads on
this machine, each a returning visitor (screened, the visit and its audit events written). It
reports check-ins per second, p50/p95/p99 latency, errors, the screening results, the database
queries of one check-in (Django's test client in this process, CaptureQueriesContext), and checks
that every check-in wrote its visit and its audit event. The server is stopped and the database
dropped at the end, whatever happens. Loopback only; it stops by itself.

--profile then runs check-ins in this process under cProfile (the same code path without
gunicorn and HTTP) and prints where the time goes.

Runs (2 cores, PostgreSQL 15, the load generator and gunicorn on the same machine; 8 client
threads, 30 s; 100,000-entry watchlist, screening on; 12 queries per check-in, 10 statements
with BEGIN and COMMIT):

- machine otherwise idle (load average 1.4 to 2), three runs: median 186 check-ins per second
  (173 to 204), p95 median 57 ms (50 to 60 ms), p99 58 to 69 ms, slowest 81 to 106 ms, no
  errors. CPU per check-in: 7.2 to 7.6 ms in the gunicorn workers, 2.3 to 2.5 ms in PostgreSQL,
  0.3 to 0.5 ms in the load generator: about 10 ms, so two cores top out near 200 per second.
  (Earlier runs warmed up one request at a time, so one worker could start the load without its
  index and one check-in took 4 s while it was built.)
- machine shared with other work (load average about 4): 76 per second, p95 187 ms.

Where the workers' time goes (profile): some 80% is Django ORM work for the 11 statements
(building each query costs more CPU than its round trip to PostgreSQL): the audit event (chain
lock, event, head) 15%, the device's token lookup 14%, closing earlier visits 14%, screening 9%
(the lists' versions query 6%, matching against the index 3%), the district's desk settings 7%,
the area and visitor lookups 12%, updating the visitor 5%; middleware, django-ninja and pydantic
the rest. The target needs about 60% of the CPU per check-in, or more cores: the app processes are
stateless and scale out; what serialises is the district's audit chain row, locked from the event
to the commit.
"""

from __future__ import annotations

import argparse
import cProfile
import http.client
import io
import json
import os
import pstats
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(ROOT))

import scratch_db  # noqa: E402 (the bench folder, just put on the path)

DATABASE = "threshold_bench_http"
START_TIMEOUT = 60  # seconds for gunicorn to answer
WARM_TIMEOUT = 120  # seconds for every worker to have built its index
REQUEST_TIMEOUT = 30  # seconds for one request


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=float, default=30, help="seconds of load (30)")
    parser.add_argument("--concurrency", type=int, default=8, help="client threads (8)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (2)")
    parser.add_argument("--visitors", type=int, default=20_000, help="returning visitors (20000)")
    parser.add_argument(
        "--watchlist", type=int, default=100_000, help="watchlist entries, 0 for none (100000)"
    )
    parser.add_argument("--profile", action="store_true", help="profile check-ins in-process")
    options = parser.parse_args()
    if options.duration <= 0 or options.duration > 600:
        parser.error("--duration must be between 0 and 600 seconds")
    if not 1 <= options.concurrency <= 256 or not 1 <= options.workers <= 16:
        parser.error("--concurrency must be 1-256 and --workers 1-16")
    return options


# The database and the environment -----------------------------------------------------------


def environment(var_dir: Path) -> dict[str, str]:
    """Production settings, as a school district would run them, on loopback without TLS."""
    return {
        **os.environ,
        "THRESHOLD_MODE": "production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "DEBUG": "false",
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "EMAIL_HOST": "127.0.0.1",
        "DATABASE_URL": scratch_db.url(DATABASE),
        "THRESHOLD_VAR_DIR": str(var_dir),
        "LOG_LEVEL": "WARNING",
        # One device drives the whole load: lift its per-minute limit (the throttle still runs).
        "API_REQUESTS_PER_MINUTE": "100000000",
        "DJANGO_SETTINGS_MODULE": "threshold.settings",
    }


# Seeding ----------------------------------------------------------------------------------------


def seed(visitors: int, watchlist_size: int) -> dict[str, Any]:
    """The district, school, device and visitors; the watchlist if the app exists."""
    from datetime import timedelta

    from django.apps import apps
    from django.utils import timezone
    from watchlist_generate import clean_visitors

    from threshold.accounts.models import Area, District, Membership, School, User
    from threshold.accounts.roles import Role
    from threshold.api import services as api_services
    from threshold.api.models import Scope
    from threshold.visitors.identity import fold
    from threshold.visitors.models import Visitor

    district = District.objects.create(name="Bench District", state="CT")
    school = School.objects.create(
        district=district,
        name="Bench Elementary",
        level=School.Level.ELEMENTARY,
        street="1 Bench Street",
        city="Hartford",
        state="CT",
        postal_code="06103",
    )
    area = Area.objects.create(school=school, name="Main office", is_public=True)
    admin = User.objects.create(
        email="admin@bench.example", full_name="Bench Admin", district=district
    )
    Membership.objects.create(user=admin, district=district, role=Role.DISTRICT_ADMIN)
    official = User.objects.create(
        email="official@bench.example", full_name="Bench Official", district=district
    )
    Membership.objects.create(
        user=official, district=district, school=school, role=Role.DESIGNATED_OFFICIAL
    )
    _device, token = api_services.device_create(
        school=school, actor=admin, name="Bench kiosk", scopes=[Scope.CHECK_IN]
    )
    earlier = timezone.now() - timedelta(days=30)
    people = [
        Visitor(
            district=district,
            family_name=person.family_name,
            given_names=person.given_name,
            date_of_birth=person.date_of_birth,
            search_name=fold(f"{person.given_name} {person.family_name}"),
            created_at=earlier,
            last_visit_at=earlier,
        )
        for person in clean_visitors(visitors)
    ]
    Visitor.objects.bulk_create(people, batch_size=5000)
    screening = "off: the watchlists app is not installed"
    if watchlist_size and apps.is_installed("threshold.watchlists"):
        screening = _seed_watchlist(district, admin, watchlist_size)
    elif not watchlist_size:
        screening = "off: --watchlist 0"
    return {
        "school": str(school.pk),
        "area": str(area.pk),
        "token": token,
        "visitor_ids": [str(v.pk) for v in people],
        "screening": screening,
    }


REASONS = {
    "registry": "other",
    "custody order": "custody order",
    "trespass": "trespass",
    "restraining order": "court order",
}


def _seed_watchlist(district: Any, admin: Any, size: int) -> str:
    """The district's list, imported through the watchlists app's own import service."""
    import csv

    from watchlist_generate import watchlist

    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["id", "family_name", "given_name", "date_of_birth", "aliases", "reason"])
    for entry in watchlist(size):
        born = entry.date_of_birth.isoformat() if entry.date_of_birth else ""
        reason = REASONS.get(entry.reason, "other")
        aliases = ";".join(entry.aliases)
        writer.writerow([entry.id, entry.family_name, entry.given_name, born, aliases, reason])
    try:
        from threshold.watchlists.imports import import_entries

        started = time.perf_counter()
        result = import_entries(
            district=district, actor=admin, mode="district", data=out.getvalue().encode()
        )
        took = time.perf_counter() - started
    except Exception as error:  # the app is being built: run without it, and say why
        return f"off: the watchlist import failed ({type(error).__name__}: {error})"
    return f"on: {size:,} entries imported in {took:.1f} s ({result})"


# Queries of one check-in ------------------------------------------------------------------------


def queries_per_check_in(seeded: dict[str, Any], visitor_ids: list[str]) -> tuple[int, list[str]]:
    """One check-in through Django's test client in this process, its queries counted."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1")
    headers = {"Authorization": f"Bearer {seeded['token']}"}
    url = f"/api/v1/schools/{seeded['school']}/check-in/"
    warm, counted = visitor_ids
    for visitor_id in (warm,):  # the first builds this process's index, writes "last used"
        body = {"visitor_id": visitor_id, "visitor_type": "parent", "area_id": seeded["area"]}
        client.post(url, json.dumps(body), content_type="application/json", headers=headers)
    body = {"visitor_id": counted, "visitor_type": "parent", "area_id": seeded["area"]}
    with CaptureQueriesContext(connection) as captured:
        response = client.post(
            url, json.dumps(body), content_type="application/json", headers=headers
        )
    if response.status_code != 201:
        raise SystemExit(
            f"the counted check-in answered {response.status_code}: {response.content!r}"
        )
    return len(captured), [q["sql"][:110] for q in captured.captured_queries]


# The server -------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def start_server(
    env: dict[str, str], port: int, workers: int, log: Path
) -> subprocess.Popen[bytes]:
    command = [
        str(ROOT / ".venv" / "bin" / "threshold"),
        "serve",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(workers),
        "--no-collectstatic",  # the API serves no static files
    ]
    with log.open("wb") as output:
        return subprocess.Popen(
            command, env=env, stdout=output, stderr=subprocess.STDOUT, start_new_session=True
        )


def stop_server(server: subprocess.Popen[bytes]) -> None:
    if server.poll() is None:
        os.killpg(server.pid, signal.SIGTERM)  # gunicorn and its workers: the group we started
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


def request(port: int, path: str, token: str, body: dict[str, Any] | None) -> tuple[int, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=REQUEST_TIMEOUT)
    try:
        headers = {"Authorization": f"Bearer {token}", "Host": "127.0.0.1"}
        if body is None:
            connection.request("GET", path, headers=headers)
        else:
            headers["Content-Type"] = "application/json"
            connection.request("POST", path, json.dumps(body).encode(), headers)
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def wait_until_up(port: int, token: str, server: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit("the server stopped while starting (see its log)")
        try:
            if request(port, "/api/v1/openapi.json", token, None)[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise SystemExit("the server did not answer in time")


# CPU use, from /proc: the server's processes (its process group), PostgreSQL's, and this one's --


def cpu_seconds(server_group: int) -> Counter[str]:
    tick = os.sysconf("SC_CLK_TCK")
    used: Counter[str] = Counter()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            text = (entry / "stat").read_text()
        except OSError:
            continue  # it ended meanwhile
        name = text[text.index("(") + 1 : text.rindex(")")]
        fields = text[text.rindex(")") + 2 :].split()
        seconds = (int(fields[11]) + int(fields[12])) / tick  # utime, stime
        if int(entry.name) == os.getpid():
            used["load generator (this process)"] += seconds
        elif int(fields[2]) == server_group:
            used["gunicorn (master and workers)"] += seconds
        elif name.startswith("postgres"):
            used["PostgreSQL"] += seconds
    return used


def cpu_report(before: Counter[str], after: Counter[str], elapsed: float, count: int) -> None:
    print(
        f"  CPU during the load ({os.cpu_count()} cores, "
        f"{os.getloadavg()[0]:.1f} load average now):"
    )
    for name in ("gunicorn (master and workers)", "PostgreSQL", "load generator (this process)"):
        used = after[name] - before[name]
        each = used / count * 1000 if count else 0.0
        print(f"    {name}: {used / elapsed:.2f} cores busy, {each:.2f} ms of CPU per check-in")


# The load ---------------------------------------------------------------------------------------


class Load:
    """Check-ins from `concurrency` threads; each returning visitor checks in once."""

    def __init__(self, port: int, seeded: dict[str, Any], visitor_ids: list[str]) -> None:
        self.port = port
        self.token = seeded["token"]
        self.path = f"/api/v1/schools/{seeded['school']}/check-in/"
        self.area = seeded["area"]
        self._ids = iter(visitor_ids)
        self._lock = threading.Lock()
        self.results: list[tuple[float, float, Any, str]] = []

    def next_visitor(self) -> str | None:
        with self._lock:
            return next(self._ids, None)

    def one(self) -> tuple[float, float, Any, str]:
        visitor = self.next_visitor()
        if visitor is None:
            raise SystemExit("out of returning visitors: raise --visitors")
        body = {"visitor_id": visitor, "visitor_type": "parent", "area_id": self.area}
        started = time.perf_counter()
        state = ""
        try:
            status, content = request(self.port, self.path, self.token, body)
            if status == 201:
                state = json.loads(content)["screening"]
        except OSError as error:
            status = type(error).__name__
        return started, time.perf_counter(), status, state

    def run(self, concurrency: int, duration: float) -> tuple[float, float]:
        start = time.perf_counter()
        stop = start + duration

        def client() -> None:
            while time.perf_counter() < stop:
                self.results.append(self.one())

        threads = [threading.Thread(target=client, daemon=True) for _ in range(concurrency)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=duration + REQUEST_TIMEOUT + 5)
        return start, stop


def warm_up(load: Load, workers: int) -> int:
    """Until every worker answers quickly: the first check-in of a process builds its index.
    Requests go several at a time, so that every worker gets some: one at a time, the same worker
    can take them all while another has not built its index yet."""
    from concurrent.futures import ThreadPoolExecutor

    deadline = time.monotonic() + WARM_TIMEOUT
    quick_rounds = 0
    sent = 0
    with ThreadPoolExecutor(max_workers=workers * 4) as pool:
        while quick_rounds < 5:
            if time.monotonic() > deadline:
                raise SystemExit("the workers did not warm up in time")
            results = list(pool.map(lambda _: load.one(), range(workers * 4)))
            sent += len(results)
            for _started, _ended, status, _state in results:
                if status != 201:
                    raise SystemExit(f"a warm-up check-in answered {status}")
            quick = all(ended - started < 0.5 for started, ended, _s, _t in results)
            quick_rounds = quick_rounds + 1 if quick else 0
    load.results.clear()
    return sent


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def report(load: Load, start: float, stop: float, options: argparse.Namespace) -> int:
    done = [r for r in load.results if r[1] <= stop]
    ok = [r for r in done if r[2] == 201]
    errors = Counter(str(r[2]) for r in done if r[2] != 201)
    latencies = [(r[1] - r[0]) * 1000 for r in ok]
    elapsed = stop - start
    rate = len(ok) / elapsed
    print(
        f"\nLoad: {options.concurrency} client threads for {elapsed:.1f} s, "
        f"{options.workers} gunicorn workers"
    )
    print(f"  check-ins: {len(ok):,} ({rate:.1f} per second sustained)")
    if latencies:
        print(
            f"  latency: p50 {percentile(latencies, 0.50):.1f} ms, "
            f"p95 {percentile(latencies, 0.95):.1f} ms, "
            f"p99 {percentile(latencies, 0.99):.1f} ms, max {max(latencies):.1f} ms, "
            f"mean {statistics.fmean(latencies):.1f} ms"
        )
    print(f"  errors: {sum(errors.values())} {dict(errors) if errors else ''}")
    print(f"  screening results: {dict(Counter(r[3] for r in ok))}")
    target = "met" if rate >= 300 and latencies and percentile(latencies, 0.95) < 100 else "not met"
    print(f"  target (300 per second at p95 < 100 ms): {target}")
    return len([r for r in load.results if r[2] == 201])


def check_written(expected_visits: int) -> None:
    """Every check-in answered 201 wrote its visit and its audit event."""
    from threshold.audit.models import AuditEvent
    from threshold.visitors.models import Visit

    visits = Visit.objects.count()
    events = AuditEvent.objects.filter(action="visit.checked_in").count()
    print(
        f"  written: {visits:,} visits, {events:,} 'visit.checked_in' audit events "
        f"(expected {expected_visits:,} each)"
    )
    if visits != expected_visits or events != expected_visits:
        print("  MISMATCH between answers and rows written")


# Profile ----------------------------------------------------------------------------------------


def profile(seeded: dict[str, Any], visitor_ids: list[str]) -> None:
    from django.test import Client

    client = Client(HTTP_HOST="127.0.0.1")
    headers = {"Authorization": f"Bearer {seeded['token']}"}
    url = f"/api/v1/schools/{seeded['school']}/check-in/"

    def check_in(visitor_id: str) -> None:
        body = {"visitor_id": visitor_id, "visitor_type": "parent", "area_id": seeded["area"]}
        response = client.post(
            url, json.dumps(body), content_type="application/json", headers=headers
        )
        assert response.status_code == 201, response.content

    check_in(visitor_ids[0])
    plain, profiled = visitor_ids[1:101], visitor_ids[101:]
    started, cpu = time.perf_counter(), time.process_time()
    for visitor_id in plain:
        check_in(visitor_id)
    took, cpu = time.perf_counter() - started, time.process_time() - cpu
    print(
        f"\nIn this process, without gunicorn and HTTP: {took / len(plain) * 1000:.2f} ms per "
        f"check-in, {cpu / len(plain) * 1000:.2f} ms of it on this process's CPU"
    )
    profiler = cProfile.Profile()
    profiler.enable()
    for visitor_id in profiled:
        check_in(visitor_id)
    profiler.disable()
    print(f"Profile of {len(profiled)} more check-ins (cumulative seconds, profiler overhead in):")
    listings = [
        ("tottime", None, 25),
        ("cumulative", None, 25),
        ("cumulative", r"threshold/|ninja/operation|pydantic/main", 45),
    ]
    for order, only, lines in listings:
        out = io.StringIO()
        stats = pstats.Stats(profiler, stream=out)
        if only is None:
            stats.strip_dirs()
        stats.sort_stats(order)
        stats.print_stats(*([only] if only else []), lines)
        print(f"\n-- by {order}{' (Threshold code only)' if only else ''} --")
        print("\n".join(line for line in out.getvalue().splitlines()[4:] if line.strip()))


# Main -------------------------------------------------------------------------------------------


def main() -> None:
    options = arguments()
    var_dir = Path(tempfile.mkdtemp(prefix="threshold-bench-http-"))
    (var_dir / "static").mkdir()  # WhiteNoise expects STATIC_ROOT (the API serves no static file)
    env = environment(var_dir)
    os.environ.update(env)
    print(f"PostgreSQL database {DATABASE} (made for this run, dropped at the end)")
    scratch_db.create(DATABASE)
    server: subprocess.Popen[bytes] | None = None
    try:
        subprocess.run(
            [str(ROOT / ".venv" / "bin" / "threshold"), "migrate", "--noinput", "-v", "0"],
            env=env,
            check=True,
        )
        import django

        django.setup()
        started = time.perf_counter()
        seeded = seed(options.visitors, options.watchlist)
        print(
            f"Seeded in {time.perf_counter() - started:.1f} s: "
            f"{options.visitors:,} returning visitors"
        )
        print(f"Screening: {seeded['screening']}")
        ids: list[str] = seeded["visitor_ids"]
        # Each check-in is a different returning visitor; the last few are kept for this process.
        reserved, ids = ids[-303:], ids[:-303]
        count, sqls = queries_per_check_in(seeded, reserved[:2])
        print(f"Queries per check-in (API, returning visitor, area; Django test client): {count}")
        for sql in sqls:
            print(f"    {sql}")

        port = free_port()
        log = var_dir / "server.log"
        server = start_server(env, port, options.workers, log)
        wait_until_up(port, seeded["token"], server)
        load = Load(port, seeded, ids)
        sent = warm_up(load, options.workers)
        print(f"Server up on 127.0.0.1:{port}; warmed up with {sent} check-ins")
        cpu_before = cpu_seconds(server.pid)
        start, stop = load.run(options.concurrency, options.duration)
        cpu_after = cpu_seconds(server.pid)
        answered = report(load, start, stop, options)
        cpu_report(cpu_before, cpu_after, time.perf_counter() - start, answered)
        stop_server(server)
        check_written(answered + sent + 2)
        if options.profile:
            profile(seeded, reserved[2:])
    finally:
        if server is not None:
            stop_server(server)
        try:
            from django.db import connections

            connections.close_all()
        except Exception:  # noqa: S110 (Django may not have started)
            pass
        scratch_db.drop(DATABASE)
        print(f"Dropped {DATABASE}; server log was {var_dir / 'server.log'}")


if __name__ == "__main__":
    main()
