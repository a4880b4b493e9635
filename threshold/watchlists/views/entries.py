"""The district's watchlists, for district administrators: entries, imports, list freshness and
approved visitors.

Each view first asks for the watchlist capability (403 without it, a district-wide role), then
looks rows up through `threshold.watchlists.access` (404 for a row of another district).
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from threshold.accounts.models import School, User
from threshold.matching.csvio import LIST_COLUMNS
from threshold.visitors.views.desk import show_refusal
from threshold.watchlists import access, imports, queries, services
from threshold.watchlists.forms import EntryForm, ImportForm, MaxAgeForm, SearchForm
from threshold.watchlists.models import EntryPhoto, Watchlist

PAGE_SIZE = 50


def _admin(request: HttpRequest) -> User:
    if not isinstance(request.user, User):
        raise PermissionDenied
    return request.user


def _schools(district: Any) -> Any:
    return School.objects.filter(district=district, is_active=True).order_by("name")


@require_safe
def entries(request: HttpRequest) -> HttpResponse:
    """The district's lists with their freshness, and the entries, searchable."""
    district = access.managed_district(request.user)
    return _entries_page(request, district)


def _entries_page(
    request: HttpRequest, district: Any, *, problem: str = "", status: int = 200
) -> HttpResponse:
    form = SearchForm(request.GET)
    data = form.cleaned_data if form.is_valid() else {}
    today = timezone.localdate()
    found = queries.entries(
        district,
        text=data.get("q", ""),
        reason=data.get("reason", ""),
        status=data.get("status", ""),
        today=today,
    )
    page = Paginator(found, PAGE_SIZE).get_page(request.GET.get("page"))
    for listed in page.object_list:
        listed.state_today = listed.status(today)
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "district": district,
        "lists": queries.lists_of(district),
        "form": form,
        "page": page,
        "query": query.urlencode(),
        "today": today,
        "problem": problem,
    }
    return render(request, "watchlists/entries.html", context, status=status)


def entry_create(request: HttpRequest) -> HttpResponse:
    """Add a person to the district's list."""
    district = access.managed_district(request.user)
    schools = _schools(district)
    if request.method == "POST":
        form = EntryForm(request.POST, request.FILES, schools=schools, has_photo=False)
    else:
        form = EntryForm(schools=schools, has_photo=False)
    if form.is_bound and form.is_valid():
        try:
            entry = services.entry_create(
                district=district,
                actor=_admin(request),
                details=form.details(),
                photo=form.cleaned_data["photo"],
            )
        except ValidationError as error:
            show_refusal(form, error)
        else:
            messages.success(request, _("%(name)s was added to the list.") % {"name": entry})
            return redirect("watchlists-entries")
    status = 422 if form.is_bound else 200
    context = {"form": form, "entry": None, "district": district}
    return render(request, "watchlists/entry_form.html", context, status=status)


def entry(request: HttpRequest, entry_id: Any) -> HttpResponse:
    """One entry: its details to change, and the buttons that end or deactivate it."""
    found = access.entry_for(request.user, entry_id)
    schools = _schools(found.district)
    has_photo = EntryPhoto.objects.filter(entry=found).exists()
    editable = found.watchlist.kind == Watchlist.Kind.DISTRICT
    if request.method == "POST" and editable:
        form = EntryForm(request.POST, request.FILES, schools=schools, has_photo=has_photo)
    elif request.method == "POST":
        raise Http404  # a registry entry changes only with the next registry import
    else:
        form = EntryForm.for_entry(found, schools=schools, has_photo=has_photo)
    if form.is_bound and form.is_valid():
        try:
            services.entry_update(
                entry=found,
                actor=_admin(request),
                details=form.details(),
                photo=form.cleaned_data["photo"],
                remove_photo=form.cleaned_data.get("remove_photo", False),
            )
        except ValidationError as error:
            show_refusal(form, error)
            found.refresh_from_db()
        else:
            messages.success(request, _("The entry was saved."))
            return redirect("watchlists-entry", entry_id=found.pk)
    status = 422 if form.is_bound else 200
    context = {
        "form": form,
        "entry": found,
        "district": found.district,
        "editable": editable,
        "has_photo": has_photo,
        "status": found.status(timezone.localdate()),
    }
    return render(request, "watchlists/entry_form.html", context, status=status)


def _entry_action(request: HttpRequest, entry_id: Any, action: Any, done: str) -> HttpResponse:
    found = access.entry_for(request.user, entry_id)
    try:
        action(entry=found, actor=_admin(request))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, done)
    return redirect("watchlists-entry", entry_id=found.pk)


@require_POST
def entry_deactivate(request: HttpRequest, entry_id: Any) -> HttpResponse:
    """Take the person off the list now."""
    return _entry_action(
        request, entry_id, services.entry_deactivate, _("The entry was deactivated.")
    )


@require_POST
def entry_reactivate(request: HttpRequest, entry_id: Any) -> HttpResponse:
    """Put a deactivated entry back on the list."""
    return _entry_action(
        request, entry_id, services.entry_reactivate, _("The entry is active again.")
    )


@require_POST
def entry_end(request: HttpRequest, entry_id: Any) -> HttpResponse:
    """The order has ended: the entry stops applying today."""
    return _entry_action(
        request, entry_id, services.entry_end, _("The entry no longer applies from today.")
    )


@require_safe
def entry_photo(request: HttpRequest, entry_id: Any) -> HttpResponse:
    """The photo of a listed person, for the administrator's page."""
    found = access.entry_for(request.user, entry_id)
    photo = EntryPhoto.objects.filter(entry=found).first()
    if photo is None:
        raise Http404
    response = HttpResponse(bytes(photo.jpeg), content_type="image/jpeg")
    response["Cache-Control"] = "private, no-store"
    return response


def import_file(request: HttpRequest) -> HttpResponse:
    """Import a CSV file: every row is checked first, and one bad row imports nothing."""
    district = access.managed_district(request.user)
    form = ImportForm(request.POST, request.FILES) if request.method == "POST" else ImportForm()
    refused: imports.ImportRefused | None = None
    if form.is_bound and form.is_valid():
        try:
            result = imports.import_entries(
                district=district,
                actor=_admin(request),
                mode=form.cleaned_data["mode"],
                data=form.cleaned_data["file"],
            )
        except imports.ImportRefused as error:
            refused = error
        else:
            context = {"district": district, "result": result}
            return render(request, "watchlists/import_done.html", context)
    status = 422 if form.is_bound else 200
    context = {
        "form": form,
        "district": district,
        "refused": refused,
        "columns": ",".join(LIST_COLUMNS),
    }
    return render(request, "watchlists/import.html", context, status=status)


@require_POST
def list_confirm(request: HttpRequest, watchlist_id: Any) -> HttpResponse:
    """The administrator checked the list against its source: it is current."""
    watchlist = access.watchlist_for(request.user, watchlist_id)
    services.watchlist_confirm_current(watchlist=watchlist, actor=_admin(request))
    messages.success(request, _("The list is marked as current from now."))
    return redirect("watchlists-entries")


@require_POST
def list_age(request: HttpRequest, watchlist_id: Any) -> HttpResponse:
    """How old the list may be before its results stop being clear."""
    watchlist = access.watchlist_for(request.user, watchlist_id)
    form = MaxAgeForm(request.POST)
    if form.is_valid():
        services.watchlist_set_max_age(
            watchlist=watchlist, actor=_admin(request), days=form.cleaned_data["max_age_days"]
        )
        messages.success(request, _("The allowed age of the list was saved."))
        return redirect("watchlists-entries")
    problem = _("Enter a number of days from 1 to 365.")
    return _entries_page(request, watchlist.district, problem=problem, status=422)


@require_safe
def approvals(request: HttpRequest) -> HttpResponse:
    """Visitors an official checked are not the listed person they resemble."""
    district = access.managed_district(request.user)
    context = {"district": district, "approvals": list(queries.approvals(district)[:500])}
    return render(request, "watchlists/approvals.html", context)


@require_POST
def approval_remove(request: HttpRequest, approval_id: Any) -> HttpResponse:
    """Raise this visitor against this entry again at their next check-in."""
    approval = access.approval_for(request.user, approval_id)
    services.approval_remove(approval=approval, actor=_admin(request))
    messages.success(request, _("The approval was removed."))
    return redirect("watchlists-approvals")
