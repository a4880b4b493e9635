"""Signing people out after a period without activity.

A session ends SESSION_IDLE_MINUTES after the person last did something. Automatic refreshes (a
roster that updates itself every few seconds) are not activity: views marked `@passive` do not
keep a session alive, so a forgotten screen still signs itself out. Sessions also end when the
browser closes, and after SESSION_COOKIE_AGE whatever happens.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any, TypeVar

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import resolve_url

LAST_SEEN = "threshold_last_seen"
View = TypeVar("View", bound=Callable[..., Any])


def passive(view: View) -> View:
    """Mark a view whose requests come from automatic refreshes, not from the person."""
    view.threshold_passive = True  # type: ignore[attr-defined]
    return view


class IdleTimeoutMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view: Callable[..., Any], args: Any, kwargs: Any
    ) -> HttpResponse | None:
        if not request.user.is_authenticated:
            return None
        now = int(time.time())
        last_seen = request.session.get(LAST_SEEN)
        if last_seen is not None and now - int(last_seen) > settings.SESSION_IDLE_SECONDS:
            logout(request)
            if getattr(view, "login_required", True) is False:
                return None
            if request.headers.get("HX-Request") == "true":
                # An htmx refresh: send the whole page to the sign-in form, not into a fragment.
                response = HttpResponse(status=204)
                response["HX-Redirect"] = resolve_url(settings.LOGIN_URL)
                return response
            return redirect_to_login(request.get_full_path())
        if not getattr(view, "threshold_passive", False):
            request.session[LAST_SEEN] = now
        return None
