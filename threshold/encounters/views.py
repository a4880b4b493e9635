"""Officer at the door: starting an encounter at the front desk, and following it from the desk
and from the official's side.

Every view asks for a capability first (403 without it anywhere) and looks the school or the
encounter up among the user's schools (404 elsewhere). The desk records and waits; it never sees a
decision button.
"""

from __future__ import annotations

import hashlib
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from threshold.accounts import access as account_access
from threshold.accounts.access import _parse_id as parse_id
from threshold.accounts.models import User
from threshold.accounts.roles import Capability
from threshold.encounters import access, documents, guidance, queries, services, students
from threshold.encounters.forms import STEPS, DocumentForm, ReviewForm, VerificationNumberForm
from threshold.encounters.models import Encounter, EncounterDocument, VerificationNumber
from threshold.notify.models import Notification
from threshold.policies import labels
from threshold.policies.cards import decision_card
from threshold.visitors import access as visitor_access
from threshold.visitors import clock
from threshold.visitors import queries as visitor_queries
from threshold.visitors.models import Visit
from threshold.visitors.views.desk import show_refusal
from threshold.web.middleware import passive


def _staff(request: HttpRequest) -> User:
    if not isinstance(request.user, User):
        raise PermissionDenied
    return request.user


@require_POST
def start(request: HttpRequest, school_id: Any) -> HttpResponse:
    """ "Officer at the door" on the front desk: start the encounter, summon the official."""
    school = visitor_access.desk_school(request.user, school_id)
    encounter = services.start_encounter(school=school, actor=_staff(request))
    return redirect("encounters-desk", encounter_id=encounter.pk)


def offer(request: HttpRequest, visit_id: Any) -> HttpResponse:
    """After an official or officer is checked in: start the officer protocol, or print the
    badge only."""
    visit = visitor_access.visit_for(request.user, access.DESK, visit_id)
    if visit.visitor_type != Visit.Type.OFFICIAL:
        return redirect("visitors-badge", visit_id=visit.pk)
    running = Encounter.objects.filter(visit=visit, state=Encounter.State.OPEN).first()
    if request.method == "POST":
        encounter = services.start_encounter(
            school=visit.school, actor=_staff(request), visit=visit
        )
        return redirect("encounters-desk", encounter_id=encounter.pk)
    if request.method not in ("GET", "HEAD"):
        return HttpResponse(status=405)
    return render(
        request,
        "encounters/offer.html",
        {"visit": visit, "school": visit.school, "running": running},
    )


STEP_ORDER = ("identification", "request", "subject", "exigency", "verification")


def _forms(encounter: Encounter, bound: tuple[str, Any] | None = None) -> dict[str, Any]:
    """Each step's form, filled in with what is recorded (or the one just sent, with errors)."""
    found = {}
    for step in STEP_ORDER:
        if bound is not None and bound[0] == step:
            found[step] = bound[1]
            continue
        initial = {name: getattr(encounter, name) for name in services.STEP_FIELDS[step]}
        initial = {name: value for name, value in initial.items() if value not in ("", [])}
        found[step] = STEPS[step](initial=initial)
    return found


def version(encounter: Encounter, told: list[queries.Told]) -> str:
    """Changes when anything either screen shows changes: the live panel is sent only then, so
    that an open "Why" stays open while nothing moves."""
    parts = [
        str(encounter.updated_at),
        str(encounter.acknowledged_at),
        encounter.state,
        str(encounter.escalation_stage),
    ]
    for document in encounter.documents.all():
        parts.append(f"{document.pk}:{document.reviewed_at}")
    for row in told:
        parts.append(f"{row.notification.pk}:{row.notification.acknowledged_at}")
        parts += [f"{d.channel}:{d.state}:{d.attempts}" for d in row.deliveries]
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:16]


def _context(request: HttpRequest, encounter: Encounter, view_name: str) -> dict[str, Any]:
    now = timezone.now()
    decision, other = guidance.decisions_for(encounter)
    mine = None
    if isinstance(request.user, User):
        mine = (
            Notification.objects.filter(encounter=encounter, recipient=request.user)
            .order_by("kind")
            .first()
        )
    told = queries.told(encounter)
    return {
        "encounter": encounter,
        "school": encounter.school,
        "view_name": view_name,
        "steps": decision.steps,
        "say": decision.say,
        "say_language": decision.language,
        "say_other": other.say if other is not None else (),
        "other_language": other.language if other is not None else None,
        "other_language_label": labels.language_name(other.language) if other else None,
        "card": decision_card(decision, other) if view_name == "official" else None,
        "student_lookup": view_name == "official" and students.may_look_up(request.user, encounter),
        "reviewed": decision.review_notice is None,
        "pack": f"{decision.pack_id} {decision.pack_version}",
        "told": told,
        "version": version(encounter, told),
        "recorded": queries.recorded(encounter),
        "documents": queries.documents(encounter),
        "document_choices": list(labels.DOCUMENT.items()),
        "facial_choices": list(labels.FACIAL_CHECK.items()),
        "nondisclosure_choices": list(labels.NONDISCLOSURE.items()),
        "elapsed": queries.elapsed(encounter.started_at, now),
        "elapsed_seconds": int((now - encounter.started_at).total_seconds()),
        "mine": mine,
        "zone": clock.zone(visitor_queries.desk_settings(encounter.school)),
    }


def _render(
    request: HttpRequest,
    template: str,
    encounter: Encounter,
    view_name: str,
    *,
    bound: tuple[str, Any] | None = None,
    status: int = 200,
) -> HttpResponse:
    context = _context(request, encounter, view_name)
    if view_name == "official" and template != "encounters/_live.html":
        context["counsel"] = queries.counsel_to_call(encounter)
        context["verification_numbers"] = queries.verification_numbers(encounter)
    if template != "encounters/_live.html":
        from threshold.encounters.views_more import outcome_form

        context["forms"] = _forms(encounter, bound)
        if view_name == "official":
            context["outcome_form"] = (
                bound[1] if bound and bound[0] == "outcome" else outcome_form(encounter)
            )
        context["document_form"] = bound[1] if bound and bound[0] == "document" else DocumentForm()
    with timezone.override(context["zone"]):
        return render(request, template, context, status=status)


def _live(request: HttpRequest, encounter: Encounter, view_name: str) -> HttpResponse:
    if request.GET.get("v") == version(encounter, queries.told(encounter)):
        return HttpResponse(status=204)  # nothing changed: htmx leaves the panel as it is
    return _render(request, "encounters/_live.html", encounter, view_name)


@require_safe
def desk(request: HttpRequest, encounter_id: Any) -> HttpResponse:
    """The front desk's screen: a running timer, the official's status, the pack's steps and
    words, and the guided steps to record."""
    encounter = access.encounter_for(request.user, access.DESK, encounter_id)
    return _render(request, "encounters/desk.html", encounter, "desk")


@require_safe
@passive
def desk_hx(request: HttpRequest, encounter_id: Any) -> HttpResponse:
    """What changed since the desk's screen last looked (204 when nothing did)."""
    encounter = access.encounter_for(request.user, access.DESK, encounter_id)
    return _live(request, encounter, "desk")


@require_safe
def official(request: HttpRequest, encounter_id: Any) -> HttpResponse:
    """The summoned official's screen: acknowledge, the decision card, and the same record."""
    encounter = access.encounter_for(request.user, access.OFFICIAL, encounter_id)
    services.encounter_viewed(encounter=encounter, actor=_staff(request))
    response = _render(request, "encounters/official.html", encounter, "official")
    return response


@require_safe
@passive
def official_hx(request: HttpRequest, encounter_id: Any) -> HttpResponse:
    encounter = access.encounter_for(request.user, access.OFFICIAL, encounter_id)
    return _live(request, encounter, "official")


@require_POST
def record_step(request: HttpRequest, encounter_id: Any, step: str) -> HttpResponse:
    """Record one guided step from either screen; the other shows it within two seconds."""
    back = "official" if request.POST.get("back") == "official" else "desk"
    if back == "official":
        encounter = access.encounter_for(request.user, access.OFFICIAL, encounter_id)
    else:
        encounter = access.encounter_for(request.user, access.DESK, encounter_id)
    if step not in STEPS:
        raise Http404
    if step == "verification" and back != "official":
        raise PermissionDenied  # the official verifies; the desk records and waits
    form = STEPS[step](request.POST)
    if form.is_valid():
        try:
            services.record_step(
                encounter=encounter, actor=_staff(request), step=step, values=form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            url = reverse(f"encounters-{back}", kwargs={"encounter_id": encounter.pk})
            return redirect(f"{url}#step-{step}")
    template = f"encounters/{back}.html"
    return _render(request, template, encounter, back, bound=(step, form), status=422)


def _back(request: HttpRequest, encounter_id: Any) -> tuple[Encounter, str]:
    """The encounter through the screen the form was sent from (desk or official)."""
    if request.POST.get("back") == "official":
        return access.encounter_for(request.user, access.OFFICIAL, encounter_id), "official"
    return access.encounter_for(request.user, access.DESK, encounter_id), "desk"


@require_POST
def add_document(request: HttpRequest, encounter_id: Any) -> HttpResponse:
    """A document the officer shows: photographed (camera or upload) or typed, then checked."""
    encounter, back = _back(request, encounter_id)
    form = DocumentForm(request.POST, request.FILES)
    if form.is_valid():
        photo = form.cleaned_data["photo"]
        try:
            documents.add_document(
                encounter=encounter,
                actor=_staff(request),
                photo=photo.read() if photo is not None else None,
                text=form.cleaned_data["text"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            url = reverse(f"encounters-{back}", kwargs={"encounter_id": encounter.pk})
            return redirect(f"{url}#documents")
    template = f"encounters/{back}.html"
    return _render(request, template, encounter, back, bound=("document", form), status=422)


def _document(request: HttpRequest, encounter: Encounter, document_id: Any) -> EncounterDocument:
    try:
        return encounter.documents.get(pk=parse_id(document_id))
    except EncounterDocument.DoesNotExist:
        raise Http404 from None


@require_safe
def document_photo(request: HttpRequest, encounter_id: Any, document_id: Any) -> HttpResponse:
    """The photo of a presented document, for the desk and the officials of the school."""
    try:
        encounter = access.encounter_for_any(request.user, encounter_id)
    except (PermissionDenied, Http404):
        if not account_access.has_capability(request.user, access.VIEW):
            raise
        encounter = access.encounter_to_read(request.user, encounter_id)  # the district, later
    document = _document(request, encounter, document_id)
    if document.image is None:
        raise Http404
    response = HttpResponse(bytes(document.image), content_type="image/jpeg")
    response["Cache-Control"] = "private, no-store"
    return response


@require_POST
def review_document(request: HttpRequest, encounter_id: Any, document_id: Any) -> HttpResponse:
    """The official confirms the checker's findings, or corrects them."""
    encounter = access.encounter_for(request.user, access.OFFICIAL, encounter_id)
    document = _document(request, encounter, document_id)
    form = ReviewForm(request.POST)
    if form.is_valid():
        try:
            documents.review_document(document=document, actor=_staff(request), **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
    else:
        messages.error(request, _("Choose the kind of document and what the check found."))
    url = reverse("encounters-official", kwargs={"encounter_id": encounter.pk})
    return redirect(f"{url}#documents")


@require_POST
def close(request: HttpRequest, encounter_id: Any) -> HttpResponse:
    """The officer has left: close the encounter (from the desk or the official's screen)."""
    encounter = access.encounter_for_any(request.user, encounter_id)
    try:
        services.close_encounter(encounter=encounter, actor=_staff(request))
    except ValidationError as error:
        messages.info(request, " ".join(error.messages))
    else:
        messages.success(request, _("The encounter is closed."))
    if request.POST.get("back") == "official":
        return redirect("encounters-official", encounter_id=encounter.pk)
    return redirect("visitors-desk", school_id=encounter.school_id)


# The numbers each school calls to verify an officer (district administrators) ------------------


def verification_numbers(request: HttpRequest, school_id: Any) -> HttpResponse:
    """A school's numbers for checking an officer's identity: the police non-emergency line,
    the agencies' field offices."""
    school = account_access.school_for(request.user, Capability.MANAGE_DISTRICT, school_id)
    form = VerificationNumberForm()
    status = 200
    if request.method == "POST":
        form = VerificationNumberForm(request.POST)
        if form.is_valid():
            try:
                services.verification_number_add(
                    school=school, actor=_staff(request), **form.cleaned_data
                )
            except ValidationError as error:
                show_refusal(form, error)
            else:
                messages.success(request, _("The number is saved."))
                return redirect("encounters-verification-numbers", school_id=school.pk)
        status = 422
    elif request.method not in ("GET", "HEAD"):
        return HttpResponse(status=405)
    numbers = VerificationNumber.objects.filter(school=school)
    return render(
        request,
        "encounters/verification_numbers.html",
        {"school": school, "numbers": numbers, "form": form},
        status=status,
    )


@require_POST
def verification_number_remove(request: HttpRequest, number_id: Any) -> HttpResponse:
    district = account_access.district_for(request.user, Capability.MANAGE_DISTRICT)
    try:
        number = VerificationNumber.objects.select_related("school__district").get(
            pk=parse_id(number_id), school__district=district
        )
    except VerificationNumber.DoesNotExist:
        raise Http404 from None
    services.verification_number_remove(number=number, actor=_staff(request))
    messages.success(request, _("The number is removed."))
    return redirect("encounters-verification-numbers", school_id=number.school_id)
