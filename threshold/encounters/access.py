"""Scoped lookups of encounters, following `threshold.accounts.access`: 403 for someone without
the capability anywhere, 404 for an encounter at a school outside their reach."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404

from threshold.accounts import access
from threshold.accounts.access import _parse_id
from threshold.accounts.roles import Capability
from threshold.encounters.models import Encounter

DESK = Capability.FRONT_DESK
OFFICIAL = Capability.ANSWER_SUMMONS


def encounter_for(user: Any, capability: Capability, encounter_id: Any) -> Encounter:
    """One encounter at a school where the user holds the capability."""
    access.require(user, capability)
    try:
        return (
            Encounter.objects.filter(school__in=access.schools_for(user, capability))
            .select_related("school__district", "started_by", "acknowledged_by", "visit__visitor")
            .get(pk=_parse_id(encounter_id))
        )
    except Encounter.DoesNotExist:
        raise Http404 from None


def encounter_for_any(user: Any, encounter_id: Any) -> Encounter:
    """An encounter the user may act on from the desk or as an official (closing it)."""
    capabilities = [c for c in (DESK, OFFICIAL) if access.has_capability(user, c)]
    if not capabilities:
        raise PermissionDenied
    for capability in capabilities:
        try:
            return encounter_for(user, capability, encounter_id)
        except Http404:
            continue
    raise Http404


VIEW = Capability.VIEW_ENCOUNTERS


def encounters_seen_by(user: Any) -> Any:
    """The encounters at the schools where the user may read them (403 without the capability)."""
    access.require(user, VIEW)
    return Encounter.objects.filter(school__in=access.schools_for(user, VIEW))


def encounter_to_read(user: Any, encounter_id: Any) -> Encounter:
    try:
        return (
            encounters_seen_by(user)
            .select_related("school__district", "started_by", "closed_by", "student")
            .get(pk=_parse_id(encounter_id))
        )
    except Encounter.DoesNotExist:
        raise Http404 from None
