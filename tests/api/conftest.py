"""Devices for the API tests, at the personas' schools (tests/conftest.py).

lincoln: every scope at Lincoln (North); washington: every scope at Washington (North);
jefferson: every scope at Jefferson (South); lincoln_roster: Lincoln, roster only;
lincoln_revoked: a Lincoln device whose token was revoked.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client

from threshold.api.models import Device, Scope
from threshold.testing import factories


@dataclass
class Devices:
    lincoln: Device
    washington: Device
    jefferson: Device
    lincoln_roster: Device
    lincoln_revoked: Device
    tokens: dict[str, str]

    def token(self, name: str) -> str:
        return self.tokens[name]


@pytest.fixture
def devices(world) -> Devices:
    made: dict[str, Device] = {}
    tokens: dict[str, str] = {}
    for name, school, scopes, revoked in [
        ("lincoln", world.lincoln, None, False),
        ("washington", world.washington, None, False),
        ("jefferson", world.jefferson, None, False),
        ("lincoln_roster", world.lincoln, [Scope.ROSTER.value], False),
        ("lincoln_revoked", world.lincoln, None, True),
    ]:
        made[name], tokens[name] = factories.device(school, scopes=scopes, revoked=revoked)
    return Devices(tokens=tokens, **made)


@pytest.fixture(autouse=True)
def _fresh_rate_counts() -> None:
    """The per-device request counts live in the cache, which outlives a test."""
    cache.clear()


class ApiClient:
    """The test client, speaking JSON with a device's token."""

    def __init__(self, client: Client, token: str | None) -> None:
        self.client = client
        self.token = token

    def _headers(self, extra: dict[str, str] | None) -> dict[str, str]:
        headers = {"Authorization": f"Bearer {self.token}"} if self.token else {}
        return {**headers, **(extra or {})}

    def get(self, url: str, *, headers: dict[str, str] | None = None) -> Any:
        return self.client.get(url, headers=self._headers(headers))

    def post(self, url: str, body: Any = None, *, headers: dict[str, str] | None = None) -> Any:
        data = json.dumps(body) if body is not None else ""
        return self.client.post(
            url, data=data, content_type="application/json", headers=self._headers(headers)
        )


@pytest.fixture
def api_as(client: Client, devices: Devices):  # type: ignore[no-untyped-def]
    """A JSON client with the named device's token (or a token given as it is)."""

    def make(name_or_token: str | None) -> ApiClient:
        token = devices.tokens.get(name_or_token, name_or_token) if name_or_token else None
        return ApiClient(client, token)

    return make


def check_in_url(school: Any) -> str:
    return f"/api/v1/schools/{school.pk}/check-in/"


def visit_url(visit: Any) -> str:
    return f"/api/v1/visits/{visit.pk}/"


def check_out_url(visit: Any) -> str:
    return f"/api/v1/visits/{visit.pk}/check-out/"


def badge_check_out_url(school: Any) -> str:
    return f"/api/v1/schools/{school.pk}/badge-check-out/"


def on_site_url(school: Any) -> str:
    return f"/api/v1/schools/{school.pk}/on-site/"
