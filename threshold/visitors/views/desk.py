"""The front desk: the scanner field, check-in, check-out and badges.

Every view asks for the front-desk capability at the school first (403 without it anywhere, 404
for another school's desk or visit). A licence payload arrives only in a POST body and goes no
further than `identity.read`; the pages never echo it back.
"""

from __future__ import annotations

from typing import Any

import segno
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from threshold.accounts import access
from threshold.accounts.models import School, User
from threshold.accounts.roles import Capability
from threshold.visitors import access as visitor_access
from threshold.visitors import clock, identity, queries, services
from threshold.visitors.forms import CheckInForm, ScanForm
from threshold.visitors.identity import Identity, Scan
from threshold.visitors.models import Visit, Visitor, VisitorPhoto
from threshold.web.middleware import passive

DESK = Capability.FRONT_DESK
VIEW = Capability.VIEW_SCHOOL


def staff(request: HttpRequest) -> User:
    """The signed-in staff member (the access check has already passed)."""
    if not isinstance(request.user, User):
        raise PermissionDenied
    return request.user


def show_refusal(form: Any, error: ValidationError) -> None:
    """A service's refusal on the form: by field where the form has it, else above the form."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, problems in error.message_dict.items():
        form.add_error(field if field in form.fields else None, problems)


def works_desk(request: HttpRequest, school: School) -> bool:
    return any(m.school_id == school.pk for m in access.memberships_with(request.user, DESK))


@require_safe
def choose(request: HttpRequest) -> HttpResponse:
    """Where the desk starts: straight to the one school's desk, or a choice of schools."""
    access.require(request.user, VIEW)
    viewed = list(access.schools_for(request.user, VIEW).filter(is_active=True).order_by("name"))
    desks = {m.school_id for m in access.memberships_with(request.user, DESK)}
    if len(viewed) == 1 and viewed[0].pk in desks:
        return redirect("visitors-desk", school_id=viewed[0].pk)
    context = {
        "schools": viewed,
        "desks": desks,
        "can_change_settings": access.has_capability(request.user, Capability.MANAGE_DISTRICT),
    }
    return render(request, "visitors/choose.html", context)


def _desk_page(
    request: HttpRequest,
    school: School,
    *,
    matches: list[Visitor] | None = None,
    typed: str = "",
    problem: str = "",
    status: int = 200,
) -> HttpResponse:
    desk = queries.desk_settings(school)
    context = {
        "school": school,
        "form": ScanForm(),
        "on_site": queries.on_site_count(school),
        "recent": queries.recent(school),
        "matches": matches,
        "typed": typed,
        "problem": problem,
        "photos": desk.photos,
    }
    with timezone.override(clock.zone(desk)):
        return render(request, "visitors/desk.html", context, status=status)


@require_safe
def desk(request: HttpRequest, school_id: Any) -> HttpResponse:
    """The front-desk home: the scanner field, who is on campus, today's visits."""
    school = visitor_access.desk_school(request.user, school_id)
    return _desk_page(request, school)


@require_safe
@passive
def desk_status_hx(request: HttpRequest, school_id: Any) -> HttpResponse:
    """The on-campus count and today's visits, refreshed while the desk page is open."""
    school = visitor_access.desk_school(request.user, school_id)
    desk = queries.desk_settings(school)
    context = {
        "school": school,
        "on_site": queries.on_site_count(school),
        "recent": queries.recent(school),
    }
    with timezone.override(clock.zone(desk)):
        return render(request, "visitors/_desk_status.html", context)


@require_POST
def search_hx(request: HttpRequest, school_id: Any) -> HttpResponse:
    """Returning visitors of the district whose name matches what is typed so far."""
    school = visitor_access.desk_school(request.user, school_id)
    text = request.POST.get("entry", "")
    if identity.looks_like_payload(text) or identity.badge_code(text) or len(text) > 100:
        matches: list[Visitor] | None = None  # a scan in progress: nothing to search
    else:
        matches = queries.search(school.district, text) if text.strip() else None
    context = {"school": school, "matches": matches, "typed": text.strip()}
    return render(request, "visitors/_matches.html", context)


@require_POST
def scan(request: HttpRequest, school_id: Any) -> HttpResponse:
    """What the desk's field received: a licence, a badge on its way out, or a typed name."""
    school = visitor_access.desk_school(request.user, school_id)
    form = ScanForm(request.POST, request.FILES)
    if not form.is_valid():
        problem = " ".join(str(e) for errors in form.errors.values() for e in errors)
        return _desk_page(request, school, problem=problem, status=422)
    entry: str = form.cleaned_data["entry"]
    image: bytes | None = form.cleaned_data["image"]
    if form.cleaned_data["action"] == "new":
        return _check_in_page(request, school, typed_name=entry.strip())
    code = identity.badge_code(entry)
    if code:
        return _check_out_by_badge(request, school, code)
    if image or identity.looks_like_payload(entry):
        desk = queries.desk_settings(school)
        today = timezone.localdate(timezone=clock.zone(desk))
        try:
            scanned = identity.read(image or entry.encode("utf-8"), today=today)
        except identity.UnreadableCard:
            problem = _("The ID could not be read. Scan it again, or type the name.")
            return _desk_page(request, school, problem=problem, status=422)
        visitor = queries.returning(school.district, scanned.identity)
        return _check_in_page(request, school, scan=scanned, visitor=visitor)
    if not entry.strip():
        return redirect("visitors-check-in", school_id=school.pk)
    matches = queries.search(school.district, entry)
    if not matches:
        # Nobody of that name has visited: straight to the new visitor's form, name filled in.
        return _check_in_page(request, school, typed_name=entry.strip())
    return _desk_page(request, school, matches=matches, typed=entry.strip())


def _check_out_by_badge(request: HttpRequest, school: School, code: str) -> HttpResponse:
    visit = visitor_access.visit_by_badge(school, code)
    if visit is None:
        problem = _("This badge is not one of this school's. Check the visitor out from the list.")
        return _desk_page(request, school, problem=problem, status=422)
    try:
        services.visit_check_out(visit=visit, actor=staff(request), how=Visit.Departure.BADGE)
    except services.AlreadyCheckedOut:
        messages.info(request, _("%(name)s had already checked out.") % {"name": visit.visitor})
    else:
        messages.success(request, _("%(name)s checked out.") % {"name": visit.visitor})
    return redirect("visitors-desk", school_id=school.pk)


def _initial(school: School, visitor: Visitor | None, visitor_type: str) -> dict[str, Any]:
    """The form as it was at the visitor's last visit to this school: a returning parent's
    check-in is then one confirmation."""
    initial: dict[str, Any] = {"visitor_type": visitor_type}
    if visitor is not None:
        initial["visitor"] = visitor.pk
        last = queries.last_visit_at(school, visitor)
        if last is not None:
            initial.update(
                visitor_type=visitor_type or last.visitor_type,
                area=last.area_id,
                host=last.host,
                purpose=last.purpose,
            )
    return initial


def _check_in_page(
    request: HttpRequest,
    school: School,
    *,
    form: CheckInForm | None = None,
    visitor: Visitor | None = None,
    scan: Scan | None = None,
    typed_name: str = "",
    visitor_type: str = "",
    status: int = 200,
) -> HttpResponse:
    desk = queries.desk_settings(school)
    typed = visitor is None and scan is None
    if form is None:
        initial = _initial(school, visitor, visitor_type)
        if scan is not None:
            # The returning visitor matched to the scan travels signed with it.
            initial["scan"] = identity.sign(scan, visitor_id=visitor.pk if visitor else None)
            initial.pop("visitor", None)
        if typed and typed_name:
            initial["given_names"], initial["family_name"] = identity.split_typed_name(typed_name)
        form = CheckInForm(
            initial=initial, areas=queries.areas_of(school), photos=desk.photos, typed=typed
        )
    on_site_now = (
        visitor is not None
        and Visit.objects.filter(
            school=school, visitor=visitor, checked_out_at__isnull=True
        ).exists()
    )
    context = {
        "school": school,
        "form": form,
        "visitor": visitor,
        "scan": scan,
        "person": scan.identity if scan else visitor,
        "typed": typed,
        "on_site_now": on_site_now,
        "has_areas": bool(form.fields["area"].queryset.exists()),  # type: ignore[attr-defined]
    }
    with timezone.override(clock.zone(desk)):
        return render(request, "visitors/check_in.html", context, status=status)


def check_in(request: HttpRequest, school_id: Any) -> HttpResponse:
    """Confirm a check-in: a returning visitor, a scanned licence, or a visitor typed by hand."""
    school = visitor_access.desk_school(request.user, school_id)
    if request.method != "POST":
        visitor_id = request.GET.get("visitor")
        visitor = visitor_access.visitor_for(request.user, DESK, visitor_id) if visitor_id else None
        kind = request.GET.get("type", "")
        return _check_in_page(
            request,
            school,
            visitor=visitor,
            visitor_type=kind if kind in Visit.Type.values else "",
        )
    scan: Scan | None = None
    visitor_id = request.POST.get("visitor")
    if request.POST.get("scan"):
        signed = identity.unsign(request.POST["scan"])
        if signed is None:
            problem = _("That scan is too old to use. Scan the ID again.")
            return _desk_page(request, school, problem=problem, status=422)
        scan, visitor_id = signed  # a scan names its visitor itself, never the form
    visitor = visitor_access.visitor_for(request.user, DESK, visitor_id) if visitor_id else None
    desk = queries.desk_settings(school)
    typed = visitor is None and scan is None
    form = CheckInForm(
        request.POST,
        request.FILES,
        areas=queries.areas_of(school),
        photos=desk.photos,
        typed=typed,
    )
    if form.is_valid():
        data = form.cleaned_data
        details = services.VisitDetails(
            visitor_type=data["visitor_type"],
            purpose=data["purpose"],
            host=data["host"],
            area=data["area"],
        )
        person = scan.identity if scan else None
        if typed:
            person = Identity(
                family_name=data["family_name"],
                given_names=data["given_names"],
                date_of_birth=data["date_of_birth"],
            )
        try:
            visit = services.visit_check_in(
                school=school,
                actor=staff(request),
                details=details,
                id_check=Visit.IdCheck.SCANNED if scan else Visit.IdCheck.BY_HAND,
                visitor=visitor,
                person=person,
                photo=data.get("photo"),
            )
        except ValidationError as error:
            show_refusal(form, error)
        else:
            return _after_check_in(request, visit)
    return _check_in_page(request, school, form=form, visitor=visitor, scan=scan, status=422)


def _after_check_in(request: HttpRequest, visit: Visit) -> HttpResponse:
    if visit.screening == Visit.Screening.POSSIBLE_MATCH:
        # Never alarm the visitor: the desk says only "Please wait" until the office answers;
        # the official is told privately.
        return redirect("watchlists-desk-wait", visit_id=visit.pk)
    if visit.screening == Visit.Screening.LIST_STALE:
        messages.warning(
            request,
            _(
                "Screening lists are out of date, so this check-in is not screened as clear. "
                "Please let the district office know."
            ),
        )
    if visit.visitor_type == Visit.Type.OFFICIAL:
        # An official or officer: the desk is offered the officer protocol (threshold.encounters).
        return redirect("encounters-offer", visit_id=visit.pk)
    url = reverse("visitors-badge", kwargs={"visit_id": visit.pk})
    return redirect(f"{url}?print=1")


@require_POST
def check_out(request: HttpRequest, visit_id: Any) -> HttpResponse:
    """Check a visitor out from the desk's list or the roster."""
    visit = visitor_access.visit_for(request.user, DESK, visit_id)
    try:
        services.visit_check_out(visit=visit, actor=staff(request), how=Visit.Departure.DESK)
    except services.AlreadyCheckedOut:
        messages.info(request, _("%(name)s had already checked out.") % {"name": visit.visitor})
    else:
        messages.success(request, _("%(name)s checked out.") % {"name": visit.visitor})
    back = "visitors-roster" if request.POST.get("back") == "roster" else "visitors-desk"
    return redirect(back, school_id=visit.school_id)


@require_safe
def badge(request: HttpRequest, visit_id: Any) -> HttpResponse:
    """The printable badge: name, photo where the district takes them, destination, date, expiry,
    and the QR code that checks the visitor out."""
    visit = visitor_access.visit_for(request.user, DESK, visit_id)
    desk = queries.desk_settings(visit.school)
    printable = visit.on_site and visit.screening != Visit.Screening.POSSIBLE_MATCH
    has_photo = desk.photos and VisitorPhoto.objects.filter(visitor=visit.visitor).exists()
    qr = segno.make(visit.badge_code, error="m") if printable else None
    context = {
        "visit": visit,
        "school": visit.school,
        "desk": desk,
        "printable": printable,
        "qr": qr.svg_data_uri(scale=4, border=2, dark="#000") if qr else "",
        "has_photo": has_photo,
        "autoprint": printable and request.GET.get("print") == "1",
    }
    with timezone.override(clock.zone(desk)):
        return render(request, "visitors/badge.html", context, status=200 if printable else 410)


@require_POST
def badge_reprint(request: HttpRequest, visit_id: Any) -> HttpResponse:
    """Print a badge again; every reprint is recorded."""
    visit = visitor_access.visit_for(request.user, DESK, visit_id)
    try:
        services.badge_reprint(visit=visit, actor=staff(request))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("visitors-desk", school_id=visit.school_id)
    url = reverse("visitors-badge", kwargs={"visit_id": visit.pk})
    return redirect(f"{url}?print=1")


@require_safe
def photo(request: HttpRequest, visitor_id: Any) -> HttpResponse:
    """A visitor's badge photo, while the district takes photos."""
    visitor = visitor_access.visitor_for(request.user, DESK, visitor_id)
    if not queries.settings_for(visitor.district_id).photos:
        raise Http404
    found = VisitorPhoto.objects.filter(visitor=visitor).first()
    if found is None:
        raise Http404
    response = HttpResponse(bytes(found.jpeg), content_type="image/jpeg")
    response["Cache-Control"] = "private, no-store"
    return response
