"""Local stand-ins for what lies outside Threshold: an SMTP server that can be stopped and started
again on the same port, and an SMS gateway (http.server in a thread) that can fail then recover.
Both run in the test process on 127.0.0.1."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from aiosmtpd.controller import Controller

from tests.mail_server import Mailbox

SMS_TOKEN = "test-sms-token"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class RestartableSmtp:
    """The real in-process SMTP server (aiosmtpd), which a test can stop and start again."""

    def __init__(self, mailbox: Mailbox, port: int) -> None:
        self.mailbox = mailbox
        self.port = port
        self.received_at: list[float] = []
        self.controller: Controller | None = None

    @property
    def messages(self) -> list[Any]:
        return self.mailbox.messages

    def start(self) -> None:
        if self.controller is None:
            self.controller = Controller(self, hostname="127.0.0.1", port=self.port)
            self.controller.start()

    def stop(self) -> None:
        if self.controller is not None:
            self.controller.stop()
            self.controller = None

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        answer = await self.mailbox.handle_DATA(server, session, envelope)
        if answer.startswith("250"):
            self.received_at.append(time.time())
        return answer


@pytest.fixture
def smtp(settings: Any) -> Iterator[RestartableSmtp]:
    server = RestartableSmtp(Mailbox(), free_port())
    server.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = server.port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_TIMEOUT = 5
    try:
        yield server
    finally:
        server.stop()


@dataclass
class SmsGateway:
    """A JSON-over-HTTP SMS gateway. `failing` answers 503 to every message until set False."""

    port: int
    failing: bool = False
    messages: list[dict[str, Any]] = field(default_factory=list)
    refused: int = 0
    received_at: list[float] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/messages"


def _handler(gateway: SmsGateway) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length", "0"))
            body = self.rfile.read(length)
            if self.headers.get("Authorization") != f"Bearer {SMS_TOKEN}":
                self.send_response(401)
                self.end_headers()
                return
            with gateway.lock:
                if gateway.failing:
                    gateway.refused += 1
                    status = 503
                else:
                    gateway.messages.append(json.loads(body))
                    gateway.received_at.append(time.time())
                    status = 202
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(b'{"ok": true}' if status == 202 else b'{"error": "unavailable"}')

        def log_message(self, format: str, *args: Any) -> None:
            pass

    return Handler


@pytest.fixture
def sms_gateway(settings: Any) -> Iterator[SmsGateway]:
    gateway = SmsGateway(port=free_port())
    server = ThreadingHTTPServer(("127.0.0.1", gateway.port), _handler(gateway))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.SMS_PROVIDER = "http"
    settings.SMS_HTTP_URL = gateway.url
    settings.SMS_HTTP_TOKEN = SMS_TOKEN
    settings.SMS_HTTP_TIMEOUT_SECONDS = 5
    try:
        yield gateway
    finally:
        server.shutdown()
        server.server_close()
