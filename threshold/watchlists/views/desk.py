"""The front desk while a check-in is held for the office.

The desk sees only "Please wait, the office will be with you shortly": nothing on this screen
names a list, a match or a reason, because the visitor may be reading it. The page asks every few
seconds whether the office has released the check-in, and moves on to the badge when it has.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_safe

from threshold.accounts.roles import Capability
from threshold.visitors import access as visitor_access
from threshold.visitors import clock, queries
from threshold.visitors.models import Visit
from threshold.web.middleware import passive


def _next(visit: Visit) -> str | None:
    """Where the desk goes once the office has answered, or None while it waits."""
    if not visit.on_site:
        return reverse("visitors-desk", kwargs={"school_id": visit.school_id})
    if visit.screening != Visit.Screening.POSSIBLE_MATCH:
        return reverse("visitors-badge", kwargs={"visit_id": visit.pk}) + "?print=1"
    return None


@require_safe
def desk_wait(request: HttpRequest, visit_id: Any) -> HttpResponse:
    """The held check-in, as the desk (and the visitor beside it) sees it."""
    visit = visitor_access.visit_for(request.user, Capability.FRONT_DESK, visit_id)
    onward = _next(visit)
    if onward is not None:
        return redirect(onward)
    desk = queries.desk_settings(visit.school)
    with timezone.override(clock.zone(desk)):
        return render(request, "watchlists/desk_wait.html", {"visit": visit})


@require_safe
@passive
def desk_wait_hx(request: HttpRequest, visit_id: Any) -> HttpResponse:
    """Still waiting (nothing to change), or where to go now (HX-Redirect)."""
    visit = visitor_access.visit_for(request.user, Capability.FRONT_DESK, visit_id)
    response = HttpResponse(status=204)
    onward = _next(visit)
    if onward is not None:
        response = HttpResponse(status=200)
        response["HX-Redirect"] = onward
    return response
