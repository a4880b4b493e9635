"""The home page and the pages every signed-in person shares."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views import i18n
from django.views.decorators.http import require_POST

from threshold.accounts import access
from threshold.accounts.models import User
from threshold.accounts.roles import Capability


def home(request: HttpRequest) -> HttpResponse:
    """Each person's starting page: what their roles let them do."""
    access.require(request.user, Capability.USE_APP)
    memberships = access.memberships_with(request.user, Capability.USE_APP)
    schools = access.schools_for(request.user, Capability.VIEW_SCHOOL)
    training_due = 0
    if access.has_capability(request.user, Capability.TAKE_TRAINING):
        from threshold.training.queries import CURRENT, my_standings

        training_due = sum(1 for s in my_standings(request.user) if s.state != CURRENT)  # type: ignore[arg-type]
    context = {
        "memberships": memberships,
        "schools": schools,
        "training_due": training_due,
        "open_encounters": open_encounters(request.user),
    }
    return render(request, "web/home.html", context)


def open_encounters(user: User) -> list[Any]:
    """Officer visits under way at the schools where the person works the desk or answers
    summonses, each with the screen the person follows it on."""
    from threshold.encounters.queries import open_at

    found: dict[Any, tuple[Any, str]] = {}
    for capability, view in (
        (Capability.FRONT_DESK, "encounters-desk"),
        (Capability.ANSWER_SUMMONS, "encounters-official"),
    ):
        schools = list(access.schools_for(user, capability).values_list("pk", flat=True))
        for encounter in open_at(schools) if schools else []:
            found[encounter.pk] = (encounter, view)
    return list(found.values())


@login_not_required
@require_POST
def set_language(request: HttpRequest) -> HttpResponse:
    """Switch the interface language (open to all: the sign-in page has the switch too).

    A signed-in person's choice is remembered on their account for their next sign-in."""
    response = i18n.set_language(request)
    language = request.POST.get("language", "")
    user = request.user
    if user.is_authenticated and language in dict(settings.LANGUAGES):
        User.objects.filter(pk=user.pk).update(preferred_language=language)
    return response
