"""The designated officials' side of a possible match: the alerts, the visitor and the listed
person side by side, and the three answers.

Every view asks first for the capability to answer possible matches (403 without it anywhere),
then looks the alert up among the user's schools (404 for another school's alert).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from threshold.accounts import access as account_access
from threshold.accounts.models import User
from threshold.visitors import clock
from threshold.visitors import queries as visitor_queries
from threshold.visitors.models import VisitorPhoto
from threshold.watchlists import access, procedures, queries, reasons, services
from threshold.watchlists import alerts as answering
from threshold.watchlists.models import Alert, Candidate, EntryPhoto
from threshold.web.middleware import passive


def _official(request: HttpRequest) -> User:
    if not isinstance(request.user, User):
        raise PermissionDenied
    return request.user


def waited(since: datetime, now: datetime) -> str:
    """Minutes and seconds, as a stopwatch shows them: 0:35, 12:04."""
    seconds = max(int((now - since).total_seconds()), 0)
    return f"{seconds // 60}:{seconds % 60:02d}"


def _alerts_context(request: HttpRequest) -> dict[str, Any]:
    now = timezone.now()
    mine = access.alerts_for(request.user)
    waiting = queries.open_alerts(mine)
    for alert in waiting:
        alert.waited = waited(alert.raised_at, now)  # type: ignore[attr-defined]
    return {"open": waiting, "recent": queries.recent_alerts(mine, now=now), "now": now}


@require_safe
def alerts(request: HttpRequest) -> HttpResponse:
    """Possible matches at the user's schools: open ones first, then the last day's."""
    account_access.require(request.user, access.ANSWER)
    return render(request, "watchlists/alerts.html", _alerts_context(request))


@require_safe
@passive
def alerts_hx(request: HttpRequest) -> HttpResponse:
    """The alerts, refreshed every few seconds while the page is open."""
    account_access.require(request.user, access.ANSWER)
    return render(request, "watchlists/_alerts.html", _alerts_context(request))


def _candidates(alert: Alert, now: datetime) -> list[dict[str, Any]]:
    rows = (
        Candidate.objects.filter(alert=alert)
        .select_related("entry__watchlist")
        .order_by("position")
    )
    with_photo = set(
        EntryPhoto.objects.filter(entry__in=[row.entry_id for row in rows]).values_list(
            "entry_id", flat=True
        )
    )
    found = []
    for row in rows:
        stale, freshness = queries.freshness_text(row.entry.watchlist, now=now)
        found.append(
            {
                "candidate": row,
                "entry": row.entry,
                "reasons": [reasons.translated(text) for text in row.reasons],
                "has_photo": row.entry_id in with_photo,
                "list_stale": stale,
                "list_freshness": freshness,
            }
        )
    return found


def _alert_context(request: HttpRequest, alert: Alert) -> dict[str, Any]:
    now = timezone.now()
    visit = alert.visit
    desk = visitor_queries.desk_settings(alert.school)
    steps: list[str] = []
    if alert.state == Alert.State.CONFIRMED and alert.confirmed_entry is not None:
        steps = procedures.steps_for(alert.confirmed_entry.reason)
    return {
        "alert": alert,
        "visit": visit,
        "visitor": visit.visitor,
        "visitor_photo": desk.photos
        and VisitorPhoto.objects.filter(visitor=visit.visitor).exists(),
        "candidates": _candidates(alert, now),
        "waited": waited(alert.raised_at, now),
        "steps": steps,
        "zone": clock.zone(desk),
        "me": request.user,
    }


@require_safe
def alert(request: HttpRequest, alert_id: Any) -> HttpResponse:
    """The visitor and the listed person side by side, with the three answers."""
    found = access.alert_for(request.user, alert_id)
    context = _alert_context(request, found)
    with timezone.override(context["zone"]):
        return render(request, "watchlists/alert.html", context)


@require_safe
@passive
def alert_hx(request: HttpRequest, alert_id: Any) -> HttpResponse:
    """Who answered and how long the visitor has waited, refreshed while the page is open."""
    found = access.alert_for(request.user, alert_id)
    context = _alert_context(request, found)
    with timezone.override(context["zone"]):
        return render(request, "watchlists/_alert_status.html", context)


@require_POST
def alert_answer(request: HttpRequest, alert_id: Any) -> HttpResponse:
    """It is this person / Not this person / Not sure: I am coming."""
    found = access.alert_for(request.user, alert_id)
    given = request.POST.get("answer", "")
    if given not in answering.Answer.ALL:
        return _alert_refused(request, found, _("Choose one of the three answers."))
    entry = None
    if given == answering.Answer.THIS_PERSON:
        candidate = found.candidates.filter(entry_id=_entry_id(request)).first()
        entry = candidate.entry if candidate else None
    try:
        answering.answer(alert=found, actor=_official(request), given=given, entry=entry)
    except ValidationError as error:
        return _alert_refused(request, found, " ".join(error.messages))
    if given == answering.Answer.NOT_THIS_PERSON:
        messages.success(request, _("Released: the front desk prints the visitor's badge now."))
    elif given == answering.Answer.COMING:
        messages.success(request, _("The other officials see that you are on the way."))
    return redirect("watchlists-alert", alert_id=found.pk)


def _entry_id(request: HttpRequest) -> Any:
    from threshold.accounts.access import _parse_id

    try:
        return _parse_id(request.POST.get("entry", ""))
    except Http404:
        return None


def _alert_refused(request: HttpRequest, alert: Alert, problem: str) -> HttpResponse:
    alert.refresh_from_db()
    context = {**_alert_context(request, alert), "problem": problem}
    with timezone.override(context["zone"]):
        return render(request, "watchlists/alert.html", context, status=422)


@require_POST
def alert_approve(request: HttpRequest, alert_id: Any) -> HttpResponse:
    """After "Not this person": do not raise this visitor against this entry again."""
    found = access.alert_for(request.user, alert_id)
    if found.state != Alert.State.RELEASED:
        return _alert_refused(
            request, found, _("Approve a visitor only after answering 'Not this person'.")
        )
    candidate = found.candidates.select_related("entry").filter(entry_id=_entry_id(request)).first()
    if candidate is None:
        raise Http404
    services.visitor_approve(
        visitor=found.visit.visitor, entry=candidate.entry, actor=_official(request), alert=found
    )
    messages.success(
        request, _("This visitor will not be stopped again for this entry of the list.")
    )
    return redirect("watchlists-alert", alert_id=found.pk)


@require_safe
def alert_visitor_photo(request: HttpRequest, alert_id: Any) -> HttpResponse:
    """The visitor's photo, where the district takes photos."""
    found = access.alert_for(request.user, alert_id)
    if not visitor_queries.desk_settings(found.school).photos:
        raise Http404
    photo = VisitorPhoto.objects.filter(visitor=found.visit.visitor).first()
    return _jpeg(photo.jpeg if photo else None)


@require_safe
def alert_entry_photo(request: HttpRequest, alert_id: Any, entry_id: Any) -> HttpResponse:
    """The listed person's photo, for an alert that names them."""
    found = access.alert_for(request.user, alert_id)
    candidate = found.candidates.filter(entry_id=entry_id).first()
    if candidate is None:
        raise Http404
    photo = EntryPhoto.objects.filter(entry_id=candidate.entry_id).first()
    return _jpeg(photo.jpeg if photo else None)


def _jpeg(data: Any) -> HttpResponse:
    if data is None:
        raise Http404
    response = HttpResponse(bytes(data), content_type="image/jpeg")
    response["Cache-Control"] = "private, no-store"
    return response
