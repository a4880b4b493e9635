"""The rest of an encounter's pages: the student concerned (looked up by an official allowed to
see students), the outcome, and the district's list of encounters with each incident report.

Every view asks for a capability first (403 without it anywhere) and finds the encounter among
the user's schools (404 elsewhere); every read of a report or of the list is an audit event.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from threshold.accounts import access as account_access
from threshold.accounts.models import School
from threshold.accounts.roles import Capability
from threshold.audit.actions import describe
from threshold.audit.services import record
from threshold.encounters import access, outcome, queries, report, students
from threshold.encounters.forms import OutcomeForm, StudentSearchForm
from threshold.encounters.models import Encounter, EncounterReport
from threshold.encounters.views import _render, _staff
from threshold.visitors import clock
from threshold.visitors import queries as visitor_queries


def outcome_form(encounter: Encounter, data: Any = None) -> OutcomeForm:
    initial: dict[str, Any] = {
        f"result_{code}": result for code, result in (encounter.results or {}).items()
    }
    initial.update(
        {
            "protest_route": encounter.protest_route,
            "staff_present": encounter.staff_present,
            "witnesses": "\n".join(encounter.witnesses or []),
            "note": encounter.outcome_note,
        }
    )
    if encounter.protest_at:
        zone = clock.zone(visitor_queries.desk_settings(encounter.school))
        initial["protest_at"] = timezone.localtime(encounter.protest_at, zone).time()
    return OutcomeForm(data, requests=list(encounter.requests), initial=initial)


def _moment(encounter: Encounter, time_of_day: Any) -> datetime | None:
    """A time of day typed on the screen, on the encounter's day in the school's zone (the day
    before when that would be in the future: an encounter that ran past midnight)."""
    if time_of_day is None:
        return None
    zone = clock.zone(visitor_queries.desk_settings(encounter.school))
    now = timezone.localtime(timezone.now(), zone)
    moment = now.replace(hour=time_of_day.hour, minute=time_of_day.minute, second=0, microsecond=0)
    if moment > now + timedelta(minutes=1):
        moment -= timedelta(days=1)
    return moment


@require_POST
def record_outcome(request: HttpRequest, encounter_id: Any) -> HttpResponse:
    """The official records what was granted, denied or taken under protest."""
    encounter = access.encounter_for(request.user, access.OFFICIAL, encounter_id)
    form = outcome_form(encounter, request.POST)
    if form.is_valid():
        try:
            outcome.record_outcome(
                encounter=encounter,
                actor=_staff(request),
                results=form.results(),
                protest_at=_moment(encounter, form.cleaned_data["protest_at"]),
                protest_route=form.cleaned_data["protest_route"],
                staff_present=form.cleaned_data["staff_present"],
                witnesses=form.witness_names(),
                records_taken=form.cleaned_data["records_taken"],
                note=form.cleaned_data["note"],
            )
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                for field, messages_ in error.message_dict.items():
                    name = field if field in form.fields else f"result_{field}"
                    form.add_error(name if name in form.fields else None, messages_)
            else:
                form.add_error(None, error)
        else:
            url = reverse("encounters-official", kwargs={"encounter_id": encounter.pk})
            return redirect(f"{url}#step-outcome")
    response = _render(
        request, "encounters/official.html", encounter, "official", bound=("outcome", form)
    )
    response.status_code = 422
    return response


@require_safe
def student_search(request: HttpRequest, encounter_id: Any) -> HttpResponse:
    """Search the school's enrolled students by name or number (officials allowed to see
    students only; never a list without a query)."""
    encounter = access.encounter_for(request.user, access.OFFICIAL, encounter_id)
    if not students.may_look_up(request.user, encounter):
        from django.core.exceptions import PermissionDenied

        raise PermissionDenied
    form = StudentSearchForm(request.GET)
    found: list[Any] = []
    error = ""
    if form.is_valid():
        try:
            found = students.search(
                encounter=encounter, actor=_staff(request), query=form.cleaned_data["q"]
            )
        except ValidationError as problem:
            error = " ".join(problem.messages)
    else:
        error = _("Type at least two letters of the name, or the student number.")
    return render(
        request,
        "encounters/_student_results.html",
        {"encounter": encounter, "found": found, "error": error, "searched": form.is_valid()},
        status=200 if not error else 422,
    )


@require_POST
def student_link(request: HttpRequest, encounter_id: Any) -> HttpResponse:
    """Name (or clear) the student the officer's request concerns."""
    encounter = access.encounter_for(request.user, access.OFFICIAL, encounter_id)
    student_id = request.POST.get("student") or None
    try:
        students.link(encounter=encounter, actor=_staff(request), student_id=student_id)
    except ValidationError as error:
        from django.contrib import messages

        messages.error(request, " ".join(error.messages))
    url = reverse("encounters-official", kwargs={"encounter_id": encounter.pk})
    return redirect(f"{url}#step-subject")


# The district's list and the reports --------------------------------------------------------


def _filters(request: HttpRequest, schools: Any) -> tuple[dict[str, Any], dict[str, str]]:
    """The list's filters from the query string; a bad value is ignored and said so."""
    chosen: dict[str, Any] = {}
    problems: dict[str, str] = {}
    school_id = request.GET.get("school", "")
    if school_id:
        try:
            chosen["school"] = schools.get(pk=account_access._parse_id(school_id))
        except (School.DoesNotExist, Http404):
            problems["school"] = _("No such school.")
    for name in ("since", "until"):
        value = request.GET.get(name, "")
        if value:
            try:
                chosen[name] = datetime.strptime(value, "%Y-%m-%d").date()
            except ValueError:
                problems[name] = _("Enter a date as YYYY-MM-DD.")
    state = request.GET.get("state", "")
    if state:
        if state in Encounter.State.values:
            chosen["state"] = state
        else:
            problems["state"] = _("Choose a state from the list.")
    result = request.GET.get("outcome", "")
    if result:
        if result in Encounter.Outcome.values or result == "none":
            chosen["outcome"] = result
        else:
            problems["outcome"] = _("Choose an outcome from the list.")
    return chosen, problems


@require_safe
def encounter_list(request: HttpRequest) -> HttpResponse:
    """The district's officer visits (or the school's, for its officials), with filters."""
    rows = access.encounters_seen_by(request.user)
    schools = account_access.schools_for(request.user, access.VIEW).order_by("name")
    chosen, problems = _filters(request, schools)
    if "school" in chosen:
        rows = rows.filter(school=chosen["school"])
    if "since" in chosen:
        rows = rows.filter(started_at__date__gte=chosen["since"])
    if "until" in chosen:
        rows = rows.filter(started_at__date__lte=chosen["until"])
    if "state" in chosen:
        rows = rows.filter(state=chosen["state"])
    if "outcome" in chosen:
        rows = rows.filter(outcome="" if chosen["outcome"] == "none" else chosen["outcome"])
    rows = rows.select_related("school").order_by("-started_at")
    page = Paginator(rows, 50).get_page(request.GET.get("page"))
    with transaction.atomic():
        first = schools.first()
        record(
            "encounter.list_viewed",
            actor=_staff(request),
            district=first.district if first else None,
            data={
                "filters": {
                    key: str(value.pk if hasattr(value, "pk") else value)
                    for key, value in chosen.items()
                },
                "shown": len(page.object_list),
            },
        )
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "encounters/list.html",
        {
            "page": page,
            "schools": schools,
            "chosen": chosen,
            "problems": problems,
            "states": Encounter.State.choices,
            "outcomes": Encounter.Outcome.choices,
            "query": query.urlencode(),
            "values": request.GET,
        },
        status=422 if problems else 200,
    )


@require_safe
def encounter_report(request: HttpRequest, encounter_id: Any) -> HttpResponse:
    """One encounter as the district reads it afterwards: the record, the outcome, the timeline
    and the report PDF."""
    encounter = access.encounter_to_read(request.user, encounter_id)
    with transaction.atomic():
        record(
            "encounter.report_viewed",
            actor=_staff(request),
            district=encounter.school.district,
            school=encounter.school,
            subject=encounter,
        )
    zone = clock.zone(visitor_queries.desk_settings(encounter.school))
    kept = EncounterReport.objects.filter(encounter=encounter).defer("pdf").first()
    context = {
        "encounter": encounter,
        "school": encounter.school,
        "recorded": queries.recorded(encounter),
        "documents": queries.documents(encounter),
        "told": queries.told(encounter),
        "results": [
            (code, report.result_label(result))
            for code, result in (encounter.results or {}).items()
        ],
        "timeline": [
            (event.created_at, describe(event.action), event.actor)
            for event in report.timeline(encounter)
        ],
        "kept": kept,
        "zone": zone,
        "family_notice": _family_notice(request, encounter),
    }
    from threshold.policies import labels

    context["results"] = [
        (labels.say(labels.REQUEST, code), label) for code, label in context["results"]
    ]
    with timezone.override(zone):
        return render(request, "encounters/report.html", context)


def _family_notice(request: HttpRequest, encounter: Encounter) -> dict[str, Any] | None:
    """The notice to the family of the student a closed visit concerned: sent, forbidden by an
    order, or waiting for the designated official's or counsel's approval."""
    if encounter.student_id is None or encounter.closed_at is None:
        return None
    from threshold.notices.models import Mailing
    from threshold.notices.services import order_forbids_notice

    can_approve = (
        account_access.schools_for(request.user, Capability.APPROVE_FAMILY_NOTICE)
        .filter(pk=encounter.school_id)
        .exists()
    )
    return {
        "sent": Mailing.objects.filter(encounter=encounter).first(),
        "forbidden": order_forbids_notice(encounter),
        "can_approve": can_approve,
    }


@require_safe
def encounter_report_pdf(request: HttpRequest, encounter_id: Any) -> HttpResponse:
    encounter = access.encounter_to_read(request.user, encounter_id)
    kept = EncounterReport.objects.filter(encounter=encounter).first()
    if kept is None:
        raise Http404
    with transaction.atomic():
        record(
            "encounter.report_downloaded",
            actor=_staff(request),
            district=encounter.school.district,
            school=encounter.school,
            subject=encounter,
            data={"report": str(kept.pk)},
        )
    response = HttpResponse(bytes(kept.pdf), content_type="application/pdf")
    stamp = timezone.localtime(encounter.started_at).strftime("%Y%m%d-%H%M")
    response["Content-Disposition"] = f'attachment; filename="officer-visit-{stamp}.pdf"'
    response["Cache-Control"] = "private, no-store"
    return response
