"""District administration: the district's staff accounts and the roles they hold."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from threshold.accounts import access, services
from threshold.accounts.forms_district import (
    RoleGrantForm,
    StaffForm,
    StaffSearchForm,
    send_password_link,
    show_refusal,
)
from threshold.accounts.models import Membership, User
from threshold.accounts.roles import Capability

MANAGE = Capability.MANAGE_DISTRICT
PAGE_SIZE = 50


def staff(request: HttpRequest) -> HttpResponse:
    """The district's staff, searchable by name or e-mail, with their roles."""
    found = access.staff_for(request.user, MANAGE)
    search = StaffSearchForm(request.GET)
    roles = Membership.objects.select_related("school").order_by("role", "school__name")
    found = search.filter(found).prefetch_related(Prefetch("memberships", queryset=roles))
    page = Paginator(found.order_by("full_name", "email"), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    context = {"search": search, "page": page}
    return render(request, "accounts/district/staff_list.html", context)


def staff_create(request: HttpRequest) -> HttpResponse:
    """Add a staff account (with no password: they set one from an e-mailed link)."""
    district = access.district_for(request.user, MANAGE)
    form = StaffForm(request.POST) if request.method == "POST" else StaffForm()
    if form.is_bound and form.is_valid():
        try:
            member = services.staff_create(
                district=district, actor=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            show_refusal(form, error)
        else:
            messages.success(request, _("The account was created."))
            return redirect("district-staff-member", staff_id=member.pk)
    status = 422 if form.is_bound else 200
    return render(request, "accounts/district/staff_form.html", {"form": form}, status=status)


def staff_member(request: HttpRequest, staff_id: Any) -> HttpResponse:
    """One staff member: their details, roles, and what can be done with the account."""
    member = access.staff_member_for(request.user, MANAGE, staff_id)
    return staff_page(request, member)


def staff_edit(request: HttpRequest, staff_id: Any) -> HttpResponse:
    """Change a staff member's name, e-mail address, mobile phone or language."""
    member = access.staff_member_for(request.user, MANAGE, staff_id)
    form = StaffForm(request.POST) if request.method == "POST" else StaffForm.for_staff(member)
    if form.is_bound and form.is_valid():
        try:
            services.staff_update(staff=member, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            show_refusal(form, error)
            member.refresh_from_db()  # the page shows the account as saved, not as typed
        else:
            messages.success(request, _("The account was saved."))
            return redirect("district-staff-member", staff_id=member.pk)
    status = 422 if form.is_bound else 200
    context = {"form": form, "member": member}
    return render(request, "accounts/district/staff_form.html", context, status=status)


@require_POST
def staff_set_active(request: HttpRequest, staff_id: Any) -> HttpResponse:
    """Deactivate an account (it can no longer sign in) or reactivate it."""
    member = access.staff_member_for(request.user, MANAGE, staff_id)
    active = request.POST.get("active")
    if active not in ("0", "1"):
        return staff_page(request, member, problems=[_("Nothing was changed.")], status=422)
    try:
        services.staff_set_active(staff=member, actor=request.user, active=active == "1")
    except ValidationError as error:
        return staff_page(request, member, problems=error.messages, status=422)
    if active == "1":
        messages.success(request, _("The account was reactivated."))
    else:
        messages.success(request, _("The account was deactivated: it can no longer sign in."))
    return redirect("district-staff-member", staff_id=member.pk)


@require_POST
def staff_password_link(request: HttpRequest, staff_id: Any) -> HttpResponse:
    """E-mail a staff member the link to set (or reset) their password."""
    member = access.staff_member_for(request.user, MANAGE, staff_id)
    try:
        send_password_link(request, staff=member, actor=request.user)
    except ValidationError as error:
        return staff_page(request, member, problems=error.messages, status=422)
    messages.success(
        request,
        _("A link to set a password is on its way to %(email)s.") % {"email": member.email},
    )
    return redirect("district-staff-member", staff_id=member.pk)


@require_POST
def role_grant(request: HttpRequest, staff_id: Any) -> HttpResponse:
    """Give a staff member a role, at a school or across the district."""
    member = access.staff_member_for(request.user, MANAGE, staff_id)
    form = RoleGrantForm(request.POST, schools=_schools(request))
    if form.is_valid():
        try:
            services.role_grant(staff=member, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            show_refusal(form, error)
        else:
            messages.success(request, _("The role was given."))
            return redirect("district-staff-member", staff_id=member.pk)
    return staff_page(request, member, role_form=form, status=422)


@require_POST
def role_revoke(request: HttpRequest, membership_id: Any) -> HttpResponse:
    """Take a role away from a staff member."""
    membership = access.membership_for(request.user, MANAGE, membership_id)
    try:
        services.role_revoke(membership=membership, actor=request.user)
    except ValidationError as error:
        return staff_page(request, membership.user, problems=error.messages, status=422)
    messages.success(request, _("The role was removed."))
    return redirect("district-staff-member", staff_id=membership.user_id)


def staff_page(
    request: HttpRequest,
    member: User,
    *,
    role_form: RoleGrantForm | None = None,
    problems: list[str] | None = None,
    status: int = 200,
) -> HttpResponse:
    """The staff member's page, also shown (with status 422) when a change on it was refused."""
    context = {
        "member": member,
        "roles": member.memberships.select_related("school").order_by("school__name", "role"),
        "role_form": role_form or RoleGrantForm(schools=_schools(request)),
        "has_password": member.has_usable_password(),
        "is_me": member.pk == request.user.pk,
        "problems": problems or [],
    }
    return render(request, "accounts/district/staff_member.html", context, status=status)


def _schools(request: HttpRequest) -> Any:
    return access.schools_for(request.user, MANAGE).order_by("-is_active", "name")
