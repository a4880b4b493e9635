"""The audit trail, read by auditors, counsel and district administrators (district-wide roles).

Every page here shows the reader's own district chain and nothing else: never the system chain,
never another district's.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_POST, require_safe

from threshold.accounts import access
from threshold.accounts.models import School, User
from threshold.accounts.roles import Capability
from threshold.audit import exports, queries, services
from threshold.audit.forms import EventFilterForm
from threshold.audit.verify import verify_chain

READ = Capability.READ_AUDIT
PAGE_SIZE = 50


def _reader(request: HttpRequest) -> User:
    """The signed-in staff member (the access check has already passed)."""
    if not isinstance(request.user, User):
        raise PermissionDenied
    return request.user


@require_safe
def events(request: HttpRequest) -> HttpResponse:
    """The district's audit events, newest first, with filters."""
    district = access.district_for(request.user, READ)
    schools = list(School.objects.filter(district=district).order_by("name"))
    staff = access.staff_for(request.user, READ).order_by("full_name", "email")
    form = EventFilterForm(
        request.GET, schools=schools, staff=staff.only("id", "full_name", "email")
    )
    chain = queries.district_chain(district)
    found = queries.events_of(chain)
    valid = form.is_valid()
    found = form.filter(found) if valid else found.none()
    page = Paginator(found, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "district": district,
        "chain": chain,
        "form": form,
        "page": page,
        "rows": queries.rows(list(page.object_list), schools),
        "filtered": valid and any(form.cleaned_data.values()),
    }
    return render(request, "audit/events.html", context, status=200 if valid else 422)


@require_safe
def verify_hx(request: HttpRequest) -> HttpResponse:
    """Recompute the district's chain now and say whether it holds (a partial for htmx)."""
    district = access.district_for(request.user, READ)
    chain = queries.district_chain(district)
    context = {
        "district": district,
        "chain": chain,
        "report": verify_chain(chain) if chain is not None else None,
        "checked_at": timezone.now(),
    }
    # Without htmx (no script), the same result comes as a whole page.
    partial = request.headers.get("HX-Request") == "true"
    template = "audit/_chain_status.html" if partial else "audit/verify.html"
    return render(request, template, context)


@require_POST
def export(request: HttpRequest) -> StreamingHttpResponse:
    """Download the district's chain as JSON lines; the download is itself an audit event."""
    district = access.district_for(request.user, READ)
    event = services.export_district(district=district, actor=_reader(request))
    # The file ends with its own "audit.exported" event: events appended later are not in it.
    lines = exports.chain_lines(event.chain, up_to=event.seq)
    response = StreamingHttpResponse(lines, content_type="application/jsonl; charset=utf-8")
    moment = timezone.localtime(event.created_at)
    filename = f"audit-{district.pk}-{moment:%Y%m%d-%H%M%S}.jsonl"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response
