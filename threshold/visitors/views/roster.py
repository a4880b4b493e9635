"""Who is on campus, the emergency list, the visit history and the visits never signed out.

Open to the school's front office, designated officials and principal, and to district roles
that see the district's schools. Opening the roster, downloading the list and reading the history
are recorded in the audit trail; the roster's live refreshes are part of the viewing recorded.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_POST, require_safe

from threshold.accounts.models import School
from threshold.visitors import access as visitor_access
from threshold.visitors import clock, exports, queries, services
from threshold.visitors.forms import HistoryForm
from threshold.visitors.views.desk import staff, works_desk
from threshold.web.middleware import passive

PAGE_SIZE = 50
REPORT_DAYS = (7, 30, 90)


def _roster_context(request: HttpRequest, school: School) -> dict[str, Any]:
    visits = list(queries.on_site(school))
    return {
        "school": school,
        "visits": visits,
        "can_check_out": works_desk(request, school),
        "refreshed_at": timezone.now(),
    }


@require_safe
def roster(request: HttpRequest, school_id: Any) -> HttpResponse:
    """Everyone on site at the school now, kept current while the page is open."""
    school = visitor_access.viewed_school(request.user, school_id)
    services.roster_viewed(school=school, actor=staff(request))
    desk = queries.desk_settings(school)
    with timezone.override(clock.zone(desk)):
        return render(request, "visitors/roster.html", _roster_context(request, school))


@require_safe
@passive
def roster_hx(request: HttpRequest, school_id: Any) -> HttpResponse:
    """The roster's table, for the page's refresh every few seconds."""
    school = visitor_access.viewed_school(request.user, school_id)
    desk = queries.desk_settings(school)
    with timezone.override(clock.zone(desk)):
        return render(request, "visitors/_roster.html", _roster_context(request, school))


@require_POST
def roster_export(request: HttpRequest, school_id: Any) -> HttpResponse:
    """Download everyone on site, as a PDF to print or a CSV; each download is recorded."""
    school = visitor_access.viewed_school(request.user, school_id)
    file_format = "csv" if request.POST.get("format") == "csv" else "pdf"
    visits = list(queries.on_site(school))
    services.roster_exported(
        school=school, actor=staff(request), file_format=file_format, count=len(visits)
    )
    desk = queries.desk_settings(school)
    now = timezone.now()
    with timezone.override(clock.zone(desk)):
        stamp = timezone.localtime(now).strftime("%Y%m%d-%H%M")
        if file_format == "csv":
            response = HttpResponse(exports.as_csv(visits), content_type="text/csv; charset=utf-8")
        else:
            pdf = exports.as_pdf(visits, school=school, at=now)
            response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="on-site-{stamp}.{file_format}"'
    response["Cache-Control"] = "no-store"
    return response


@require_safe
def history(request: HttpRequest, school_id: Any) -> HttpResponse:
    """The school's past visits, by dates, name and kind of visitor."""
    school = visitor_access.viewed_school(request.user, school_id)
    desk = queries.desk_settings(school)
    zone = clock.zone(desk)
    today = timezone.localdate(timezone=zone)
    values = request.GET.copy()
    if not values.get("since") and not values.get("until"):
        values.setdefault("since", (today - timedelta(days=30)).isoformat())
    form = HistoryForm(values)
    page = None
    if form.is_valid():
        data = form.cleaned_data
        found = queries.history(
            school,
            since=data["since"],
            until=data["until"],
            name=data["name"],
            visitor_type=data["visitor_type"],
            desk=desk,
        )
        page = Paginator(found, PAGE_SIZE).get_page(request.GET.get("page"))
        used = [name for name, value in data.items() if value]
        services.visits_searched(
            school=school, actor=staff(request), report="history", filters=used
        )
    query = values.copy()
    query.pop("page", None)
    context = {"school": school, "form": form, "page": page, "query": query.urlencode()}
    with timezone.override(zone):
        return render(
            request, "visitors/history.html", context, status=200 if form.is_valid() else 422
        )


@require_safe
def not_signed_out(request: HttpRequest, school_id: Any) -> HttpResponse:
    """Visitors who never signed out: signed out at the day's end, or back without leaving."""
    school = visitor_access.viewed_school(request.user, school_id)
    desk = queries.desk_settings(school)
    zone = clock.zone(desk)
    days = int(request.GET["days"]) if request.GET.get("days") in {"7", "30", "90"} else 30
    since = timezone.localdate(timezone=zone) - timedelta(days=days)
    visits = list(queries.not_signed_out(school, since=since, desk=desk))
    services.visits_searched(
        school=school, actor=staff(request), report="not_signed_out", filters=["days"]
    )
    context = {"school": school, "visits": visits, "days": days, "choices": REPORT_DAYS}
    with timezone.override(zone):
        return render(request, "visitors/not_signed_out.html", context)
