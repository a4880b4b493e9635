"""Who calls the API: a device, by its token (`Authorization: Bearer thr_…`), and how often.

The checks run before the request body is read, in this order: a valid, unrevoked token (else
401), the operation's scope (else 403), the school named in the URL being the device's (else 404);
then the per-device rate (else 429). Only then is the input validated (422).
"""

from __future__ import annotations

import time
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _
from ninja.errors import AuthorizationError
from ninja.security import HttpBearer
from ninja.throttling import BaseThrottle

from threshold.api import services
from threshold.api.models import Device, Scope


class DeviceToken(HttpBearer):
    """A device's bearer token; with a scope, only devices given that scope pass."""

    def __init__(self, scope: Scope | None = None) -> None:
        self.scope = scope
        super().__init__()

    def authenticate(self, request: HttpRequest, token: str) -> Device | None:
        device = services.device_for_token(token)
        if device is None:
            return None
        if self.scope is not None and not device.may(self.scope):
            raise AuthorizationError(message=_("This device may not do that."))
        match = getattr(request, "resolver_match", None)
        school_id = match.kwargs.get("school_id") if match else None
        if school_id is not None and str(school_id) != str(device.school_id):
            raise Http404
        return device


WINDOW = 60  # seconds


class DeviceRateThrottle(BaseThrottle):
    """At most API_REQUESTS_PER_MINUTE requests per device in each clock minute.

    Counted in Django's cache. With the default (local-memory) cache each server process counts
    on its own, so with N processes a device may reach N times the limit; point CACHES at a shared
    cache to make it exact.
    """

    def allow_request(self, request: HttpRequest) -> bool:
        device: Any = getattr(request, "auth", None)
        if not isinstance(device, Device):
            return True  # not reached: every operation authenticates first
        key = f"threshold-api-rate:{device.pk}:{int(time.time() // WINDOW)}"
        cache.add(key, 0, timeout=WINDOW * 2)
        try:
            count = cache.incr(key)
        except ValueError:  # evicted between the two calls
            cache.set(key, 1, timeout=WINDOW * 2)
            count = 1
        limit: int = settings.API_REQUESTS_PER_MINUTE
        return count <= limit

    def wait(self) -> float | None:
        return WINDOW - time.time() % WINDOW
