"""Loaded by pytest before Django starts (`-p threshold.testing.plugin` in pyproject.toml).

Sets the test profile, and refuses network connections that leave this machine: tests talk only
to local services (the database, the in-process SMTP server, the live server).
"""

from __future__ import annotations

import ipaddress
import os
import socket
from typing import Any

os.environ["THRESHOLD_MODE"] = "test"
# Playwright's sync API runs an event loop in the test thread; the tests' own ORM calls are safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


class NetworkRefused(OSError):
    """A test tried to reach another machine."""


def _is_local(address: Any) -> bool:
    if not isinstance(address, tuple):
        return True  # a Unix socket path
    host = str(address[0])
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


_connect = socket.socket.connect
_connect_ex = socket.socket.connect_ex


def _guarded_connect(self: socket.socket, address: Any) -> None:
    if not _is_local(address):
        raise NetworkRefused(f"tests may not reach {address!r}: no network in tests")
    _connect(self, address)


def _guarded_connect_ex(self: socket.socket, address: Any) -> int:
    if not _is_local(address):
        raise NetworkRefused(f"tests may not reach {address!r}: no network in tests")
    return _connect_ex(self, address)


socket.socket.connect = _guarded_connect  # type: ignore[method-assign]
socket.socket.connect_ex = _guarded_connect_ex  # type: ignore[method-assign]
