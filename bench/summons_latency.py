"""Officer at the door: how long from the front desk's press to the summons reaching the designated
official, by e-mail, by text message and on the official's open page. Figures, not pass/fail.

    .venv/bin/python bench/summons_latency.py [--rounds 20] [--worker-interval 1.0] [--poll 1.0]

UX.md's target: from "Officer at the door" to the official's phone buzzing, under 5 seconds.

Everything runs on this machine, as a district would run it: production settings, PostgreSQL (a
database made for the run, `threshold_notify_bench` on the server of BENCH_ADMIN_URL, default
postgres://postgres@127.0.0.1:5432/postgres, dropped at the end), `threshold serve` (gunicorn, two
sync workers) and `threshold worker` (the background worker, polling the queue every
--worker-interval seconds, its default 1.0). The mail server is a real SMTP server in this process
(aiosmtpd); the SMS gateway is a JSON-over-HTTPS endpoint in this process (http.server with a
self-signed certificate made by openssl for the run, trusted by the worker through SSL_CERT_FILE),
reached by the app's HTTP provider with its bearer token.

Each round: the front desk, signed in through the sign-in form, POSTs "Officer at the door"
(/schools/<id>/officer/) over HTTP; the clock starts just before the request is sent. Three
arrivals are timed, each from that instant:
- e-mail: the SMTP server has received the summons (the message names the encounter's link);
- SMS: the gateway has received the text message (same);
- page: the designated official's open page, which polls /notifications/banner/ every --poll
  seconds as the page's htmx does (every 1 s), got the first answer that shows the banner.
The desk then closes the encounter, and the next round starts after a random pause (so that the
page's polling phase varies from round to round). Median and worst of each are printed.

A run (2 shared cores with other work on them; PostgreSQL 15; 20 rounds; worker and page polling
every second): e-mail at the SMTP server median 597 ms, worst 1293 ms; text message at the SMS
gateway median 712 ms, worst 1397 ms; banner on the official's open page median 625 ms, worst
1079 ms; the press itself answered in 88 ms (median). A later run, quieter machine: 454/1003,
475/1016 and 472/1026 ms. The e-mail and text message wait for the
worker's next poll of the queue (up to --worker-interval) and then go one after the other; the
banner waits for the page's next poll (up to --poll). All well under UX.md's 5 seconds.
"""

from __future__ import annotations

import argparse
import http.client
import os
import random
import re
import secrets
import signal
import socket
import ssl
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(ROOT))

import scratch_db  # noqa: E402 (the bench folder, just put on the path)

DATABASE = "threshold_notify_bench"
PASSWORD = "bench password " + secrets.token_hex(8)
SMS_TOKEN = secrets.token_urlsafe(24)
WAIT = 30.0  # seconds a round waits for its three arrivals


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=20, help="presses of the button (20)")
    parser.add_argument(
        "--worker-interval", type=float, default=1.0, help="worker's queue poll, seconds (1.0)"
    )
    parser.add_argument("--poll", type=float, default=1.0, help="page's banner poll, seconds (1.0)")
    options = parser.parse_args()
    if not 1 <= options.rounds <= 500:
        parser.error("--rounds must be 1-500")
    return options


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


# The database ------------------------------------------------------------------------------------


# The mail server and the SMS gateway ----------------------------------------------------------


class Arrivals:
    """When each encounter's link first arrived at a channel."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.seen: dict[tuple[str, str], float] = {}

    def note(self, channel: str, text: str) -> None:
        at = time.perf_counter()
        for encounter in set(re.findall(r"/encounters/([0-9a-f-]{36})/", text)):
            with self.lock:
                self.seen.setdefault((channel, encounter), at)

    def get(self, channel: str, encounter: str) -> float | None:
        with self.lock:
            return self.seen.get((channel, encounter))


class SmtpHandler:
    def __init__(self, arrivals: Arrivals) -> None:
        self.arrivals = arrivals

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.arrivals.note("email", envelope.content.decode("utf-8", "replace"))
        return "250 OK"


def sms_gateway(arrivals: Arrivals, certificate: Path, key: Path) -> ThreadingHTTPServer:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            if self.headers.get("Authorization") != f"Bearer {SMS_TOKEN}":
                self.send_response(401)
                self.end_headers()
                return
            arrivals.note("sms", body.decode("utf-8", "replace"))
            self.send_response(202)
            self.end_headers()

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", free_port()), Handler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(certificate, key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def self_signed(folder: Path) -> tuple[Path, Path]:
    certificate, key = folder / "sms.pem", folder / "sms-key.pem"
    subprocess.run(
        [
            "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
            "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
            "-keyout", str(key), "-out", str(certificate),
        ],
        check=True,
        capture_output=True,
    )  # fmt: skip
    return certificate, key


# Seeding ---------------------------------------------------------------------------------------


def seed() -> dict[str, str]:
    from threshold.accounts.models import District, Membership, School, User
    from threshold.accounts.roles import Role

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
    desk = User.objects.create_user(
        "desk@bench.example", PASSWORD, full_name="Desk Person", district=district
    )
    Membership.objects.create(user=desk, district=district, school=school, role=Role.FRONT_OFFICE)
    official = User.objects.create_user(
        "official@bench.example",
        PASSWORD,
        full_name="Bench Official",
        district=district,
        phone="(860) 555-0199",
    )
    Membership.objects.create(
        user=official, district=district, school=school, role=Role.DESIGNATED_OFFICIAL
    )
    return {"school": str(school.pk), "desk": desk.email, "official": official.email}


# HTTP as a browser does it: cookies, CSRF token, no redirects followed -----------------------


class Browser:
    def __init__(self, port: int) -> None:
        self.port = port
        self.cookies: dict[str, str] = {}

    def request(
        self, method: str, path: str, form: dict[str, str] | None = None
    ) -> tuple[int, dict[str, str], str]:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            headers = {"Host": "127.0.0.1"}
            if self.cookies:
                headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
            body = None
            if form is not None:
                body = urlencode(form).encode()
                headers["Content-Type"] = "application/x-www-form-urlencoded"
            connection.request(method, path, body, headers)
            response = connection.getresponse()
            for name, value in response.getheaders():
                if name.lower() == "set-cookie":
                    pair = value.split(";", 1)[0]
                    key, _eq, val = pair.partition("=")
                    self.cookies[key.strip()] = val.strip().strip('"')
            text = response.read().decode("utf-8", "replace")
            return response.status, {k.lower(): v for k, v in response.getheaders()}, text
        finally:
            connection.close()

    def token(self, page: str) -> str:
        found = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        if not found:
            raise SystemExit("no CSRF token on the page")
        return found.group(1)

    def sign_in(self, email: str) -> None:
        _status, _headers, page = self.request("GET", "/sign-in/")
        status, _headers, _text = self.request(
            "POST",
            "/sign-in/",
            {"csrfmiddlewaretoken": self.token(page), "username": email, "password": PASSWORD},
        )
        if status != 302:
            raise SystemExit(f"signing in {email} answered {status}")


class OpenPage(threading.Thread):
    """The official's open page: polls the banner as htmx does, and notes when each encounter's
    banner first shows."""

    def __init__(self, browser: Browser, arrivals: Arrivals, every: float) -> None:
        super().__init__(daemon=True)
        self.browser, self.arrivals, self.every = browser, arrivals, every
        self.stop = threading.Event()
        self.errors = 0

    def run(self) -> None:
        while not self.stop.is_set():
            started = time.perf_counter()
            try:
                status, _headers, text = self.browser.request("GET", "/notifications/banner/")
                if status == 200 and "data-summons" in text:
                    self.arrivals.note("page", text)
                elif status != 200:
                    self.errors += 1
            except OSError:
                self.errors += 1
            self.stop.wait(max(0.0, self.every - (time.perf_counter() - started)))


# The run ---------------------------------------------------------------------------------------


def start(command: list[str], env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    with log.open("wb") as output:
        return subprocess.Popen(
            command, env=env, stdout=output, stderr=subprocess.STDOUT, start_new_session=True
        )


def stop(process: subprocess.Popen[bytes] | None) -> None:
    if process is not None and process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)  # the group this script started
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def wait_until_up(port: int, server: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit("the server stopped while starting (see its log)")
        try:
            if Browser(port).request("GET", "/sign-in/")[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise SystemExit("the server did not answer in time")


def summary(name: str, values: list[float], rounds: int) -> str:
    if not values:
        return f"  {name:<34} no arrivals"
    missing = rounds - len(values)
    return (
        f"  {name:<34} median {statistics.median(values) * 1000:7.0f} ms   "
        f"worst {max(values) * 1000:7.0f} ms   best {min(values) * 1000:6.0f} ms"
        + (f"   ({missing} never arrived)" if missing else "")
    )


def main() -> None:
    options = arguments()
    from aiosmtpd.controller import Controller

    folder = Path(tempfile.mkdtemp(prefix="threshold-bench-summons-"))
    (folder / "static").mkdir()
    arrivals = Arrivals()
    smtp_port = free_port()
    smtp = Controller(SmtpHandler(arrivals), hostname="127.0.0.1", port=smtp_port)
    smtp.start()
    certificate, key = self_signed(folder)
    gateway = sms_gateway(arrivals, certificate, key)
    env = {
        **os.environ,
        "THRESHOLD_MODE": "production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": scratch_db.url(DATABASE),
        "THRESHOLD_VAR_DIR": str(folder),
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(smtp_port),
        "EMAIL_USE_TLS": "false",
        "SMS_PROVIDER": "http",
        "SMS_HTTP_URL": f"https://127.0.0.1:{gateway.server_port}/messages",
        "SMS_HTTP_TOKEN": SMS_TOKEN,
        "SSL_CERT_FILE": str(certificate),  # the worker trusts the gateway's certificate
        "SITE_URL": "http://127.0.0.1",
        "LOG_LEVEL": "WARNING",
        "DJANGO_SETTINGS_MODULE": "threshold.settings",
    }
    os.environ.update(env)
    print(f"PostgreSQL database {DATABASE} (made for this run, dropped at the end)")
    scratch_db.create(DATABASE)
    server = worker = None
    threshold = str(ROOT / ".venv" / "bin" / "threshold")
    try:
        subprocess.run([threshold, "migrate", "--noinput", "-v", "0"], env=env, check=True)
        import django

        django.setup()
        seeded = seed()
        port = free_port()
        server = start(
            [threshold, "serve", "--bind", f"127.0.0.1:{port}", "--workers", "2"],
            env,
            folder / "server.log",
        )
        worker = start(
            [threshold, "worker", "--interval", str(options.worker_interval)],
            env,
            folder / "worker.log",
        )
        wait_until_up(port, server)
        desk, official = Browser(port), Browser(port)
        desk.sign_in(seeded["desk"])
        official.sign_in(seeded["official"])
        page = OpenPage(official, arrivals, options.poll)
        page.start()
        desk_path = f"/schools/{seeded['school']}/desk/"
        press_path = f"/schools/{seeded['school']}/officer/"
        results: dict[str, list[float]] = {"email": [], "sms": [], "page": []}
        press_ms: list[float] = []
        print(
            f"Server on 127.0.0.1:{port} (2 gunicorn workers), worker polling every "
            f"{options.worker_interval} s, official's page polling every {options.poll} s"
        )
        for round_number in range(1, options.rounds + 1):
            _s, _h, desk_page = desk.request("GET", desk_path)
            token = desk.token(desk_page)
            pressed = time.perf_counter()
            status, headers, _text = desk.request(
                "POST", press_path, {"csrfmiddlewaretoken": token}
            )
            press_ms.append((time.perf_counter() - pressed) * 1000)
            found = re.search(r"/encounters/([0-9a-f-]{36})/desk/", headers.get("location", ""))
            if status != 302 or not found:
                raise SystemExit(f"round {round_number}: the press answered {status}")
            encounter = found.group(1)
            deadline = time.perf_counter() + WAIT
            while time.perf_counter() < deadline:
                if all(arrivals.get(c, encounter) for c in results):
                    break
                time.sleep(0.01)
            line = []
            for channel in results:
                at = arrivals.get(channel, encounter)
                if at is not None:
                    results[channel].append(at - pressed)
                    line.append(f"{channel} {(at - pressed) * 1000:5.0f} ms")
                else:
                    line.append(f"{channel}  never")
            print(f"  round {round_number:2d}: " + ", ".join(line))
            _s, _h, encounter_page = desk.request("GET", f"/encounters/{encounter}/desk/")
            desk.request(
                "POST",
                f"/encounters/{encounter}/close/",
                {"csrfmiddlewaretoken": desk.token(encounter_page)},
            )
            time.sleep(random.uniform(0.3, 1.7))
        page.stop.set()
        print(f"\nFrom the press of 'Officer at the door' ({options.rounds} rounds):")
        print(
            summary(
                "the press itself (HTTP answer)", [ms / 1000 for ms in press_ms], options.rounds
            )
        )
        print(summary("e-mail at the SMTP server", results["email"], options.rounds))
        print(summary("text message at the SMS gateway", results["sms"], options.rounds))
        print(summary("banner on the official's open page", results["page"], options.rounds))
        worst = max((max(v) for v in results.values() if v), default=0.0)
        print(f"  UX target (under 5 s to the official): {'met' if worst < 5 else 'not met'}")
        if page.errors:
            print(f"  the page's polling saw {page.errors} errors")
    finally:
        stop(server)
        stop(worker)
        smtp.stop()
        gateway.shutdown()
        try:
            from django.db import connections

            connections.close_all()
        except Exception:  # noqa: S110 (Django may not have started)
            pass
        scratch_db.drop(DATABASE)
        print(f"Dropped {DATABASE}; logs in {folder}")


if __name__ == "__main__":
    main()
