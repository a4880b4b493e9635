"""What every page's frame needs: the user's roles and where they work."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from threshold.accounts import access
from threshold.accounts.roles import Capability

# URL-name prefixes of each menu section, to mark the current one (aria-current="page").
SECTIONS = {
    "district-school": "schools",
    "district-area": "schools",
    "district-staff": "staff",
    "district-device": "schools",
    "district-member": "staff",
    "district-role": "staff",
    "policy": "policy",
    "audit": "audit",
    "home": "home",
    "visitors": "front-desk",
    "watchlists-alert": "alerts",
    "watchlists-desk": "front-desk",
    "watchlists": "watchlists",
    "notices": "notices",
    "records": "records",
    "training": "training",
    "encounters-desk": "front-desk",
    "encounters-offer": "front-desk",
    "notify-settings": "schools",
}


def _section(request: HttpRequest) -> str:
    match = getattr(request, "resolver_match", None)
    name = (match.url_name or "") if match else ""
    for prefix, section in SECTIONS.items():
        if name.startswith(prefix):
            return section
    return ""


def shell(request: HttpRequest) -> dict[str, Any]:
    user = request.user
    if not user.is_authenticated:
        return {}
    return {
        "nav_section": _section(request),
        "can_manage_district": access.has_capability(user, Capability.MANAGE_DISTRICT),
        "can_read_audit": access.has_capability(user, Capability.READ_AUDIT),
        "can_view_failed_tasks": access.has_capability(user, Capability.VIEW_FAILED_TASKS),
        "can_view_policy": access.has_capability(user, Capability.VIEW_POLICY),
        "can_front_desk": access.has_capability(user, Capability.FRONT_DESK),
        "can_view_visitors": access.has_capability(user, Capability.VIEW_SCHOOL),
        "can_manage_watchlists": access.has_capability(user, Capability.MANAGE_WATCHLISTS),
        "can_answer_watchlist": access.has_capability(user, Capability.ANSWER_WATCHLIST_MATCH),
        "can_see_notices": access.has_capability(user, Capability.MANAGE_NOTICES)
        or access.has_capability(user, Capability.REVIEW_NOTICES),
        "can_read_records": access.has_capability(user, Capability.READ_RECORDS_REQUESTS),
        "can_view_encounters": access.has_capability(user, Capability.VIEW_ENCOUNTERS),
        "can_import_roster": access.has_capability(user, Capability.IMPORT_ROSTER),
        "can_take_training": access.has_capability(user, Capability.TAKE_TRAINING),
        "can_answer_summons": access.has_capability(user, Capability.ANSWER_SUMMONS),
        "my_memberships": access.memberships_with(user, Capability.USE_APP),
    }
