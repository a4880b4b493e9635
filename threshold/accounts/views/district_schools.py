"""District administration: the district's schools, their areas and their designated officials.

Each view first asks for the district administrator's capability (403 without it), then looks the
row up through the scoped helpers of `access` (404 for a row of another district).
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from threshold.accounts import access, services
from threshold.accounts.forms_district import AreaForm, SchoolForm, show_refusal
from threshold.accounts.models import Membership, School
from threshold.accounts.roles import Capability, Role
from threshold.accounts.views.district_staff import staff_page

MANAGE = Capability.MANAGE_DISTRICT


def schools(request: HttpRequest) -> HttpResponse:
    """The district's schools, with their address, primary official and number of areas."""
    district = access.district_for(request.user, MANAGE)
    officials = Membership.objects.filter(role=Role.DESIGNATED_OFFICIAL).select_related("user")
    found = (
        access.schools_for(request.user, MANAGE)
        .annotate(area_count=Count("areas"))
        .prefetch_related(
            Prefetch(
                "memberships",
                queryset=officials.order_by("rank", "user__full_name"),
                to_attr="officials",
            )
        )
        .order_by("-is_active", "name")
    )
    context = {"district": district, "schools": found}
    return render(request, "accounts/district/schools.html", context)


def school_create(request: HttpRequest) -> HttpResponse:
    """Add a school to the district."""
    district = access.district_for(request.user, MANAGE)
    if request.method == "POST":
        form = SchoolForm(request.POST)
    else:
        form = SchoolForm(initial={"state": district.state})
    if form.is_bound and form.is_valid():
        try:
            school = services.school_create(
                district=district, actor=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            show_refusal(form, error)
        else:
            messages.success(request, _("%(name)s was added.") % {"name": school.name})
            return redirect("district-school", school_id=school.pk)
    status = 422 if form.is_bound else 200
    return render(request, "accounts/district/school_form.html", {"form": form}, status=status)


def school(request: HttpRequest, school_id: Any) -> HttpResponse:
    """One school: its address, designated officials in order, principals and areas."""
    access.require(request.user, MANAGE)
    found = access.school_for(request.user, MANAGE, school_id)
    return _school_page(request, found)


def school_edit(request: HttpRequest, school_id: Any) -> HttpResponse:
    """Change a school's name, level, address, phone, or whether it is open."""
    access.require(request.user, MANAGE)
    found = access.school_for(request.user, MANAGE, school_id)
    form = SchoolForm(request.POST) if request.method == "POST" else SchoolForm.for_school(found)
    if form.is_bound and form.is_valid():
        try:
            services.school_update(school=found, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            show_refusal(form, error)
            found.refresh_from_db()  # the page shows the school as saved, not as typed
        else:
            messages.success(request, _("The school's details were saved."))
            return redirect("district-school", school_id=found.pk)
    status = 422 if form.is_bound else 200
    context = {"form": form, "school": found}
    return render(request, "accounts/district/school_form.html", context, status=status)


@require_POST
def area_create(request: HttpRequest, school_id: Any) -> HttpResponse:
    """Add an area to a school (from the school's page)."""
    access.require(request.user, MANAGE)
    found = access.school_for(request.user, MANAGE, school_id)
    form = AreaForm(request.POST)
    if form.is_valid():
        try:
            services.area_create(school=found, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            show_refusal(form, error)
        else:
            messages.success(request, _("The area was added."))
            return redirect("district-school", school_id=found.pk)
    return _school_page(request, found, area_form=form, status=422)


def area_edit(request: HttpRequest, area_id: Any) -> HttpResponse:
    """Rename an area, or change whether it is public."""
    access.require(request.user, MANAGE)
    area = access.area_for(request.user, MANAGE, area_id)
    form = AreaForm(request.POST) if request.method == "POST" else AreaForm.for_area(area)
    if form.is_bound and form.is_valid():
        try:
            services.area_update(area=area, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            show_refusal(form, error)
            area.refresh_from_db()
        else:
            messages.success(request, _("The area was saved."))
            return redirect("district-school", school_id=area.school_id)
    status = 422 if form.is_bound else 200
    context = {"form": form, "area": area, "school": area.school}
    return render(request, "accounts/district/area_form.html", context, status=status)


@require_POST
def area_delete(request: HttpRequest, area_id: Any) -> HttpResponse:
    """Remove an area from its school."""
    access.require(request.user, MANAGE)
    area = access.area_for(request.user, MANAGE, area_id)
    services.area_delete(area=area, actor=request.user)
    messages.success(request, _("%(name)s was removed.") % {"name": area.name})
    return redirect("district-school", school_id=area.school_id)


@require_POST
def official_rank(request: HttpRequest, membership_id: Any) -> HttpResponse:
    """Make a designated official the primary, or a backup."""
    membership = access.membership_for(request.user, MANAGE, membership_id)
    rank = request.POST.get("rank", "")
    try:
        services.role_set_rank(
            membership=membership, actor=request.user, rank=int(rank) if rank.isdigit() else 0
        )
    except ValidationError as error:
        if membership.school is None:
            return staff_page(request, membership.user, problems=error.messages, status=422)
        return _school_page(request, membership.school, problems=error.messages, status=422)
    messages.success(request, _("The order of the designated officials was saved."))
    return redirect("district-school", school_id=membership.school_id)


def _school_page(
    request: HttpRequest,
    school: School,
    *,
    area_form: AreaForm | None = None,
    problems: list[str] | None = None,
    status: int = 200,
) -> HttpResponse:
    people = list(school.memberships.select_related("user").order_by("rank", "user__full_name"))
    context = {
        "school": school,
        "officials": [m for m in people if m.role == Role.DESIGNATED_OFFICIAL],
        "principals": [m for m in people if m.role == Role.PRINCIPAL],
        "front_office": [m for m in people if m.role == Role.FRONT_OFFICE],
        "areas": list(school.areas.all()),
        "area_form": area_form or AreaForm(),
        "problems": problems or [],
    }
    return render(request, "accounts/district/school.html", context, status=status)
