"""What every page's frame needs: the user's roles and where they work."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from threshold.accounts import access
from threshold.accounts.roles import Capability


def shell(request: HttpRequest) -> dict[str, Any]:
    user = request.user
    if not user.is_authenticated:
        return {}
    return {
        "can_manage_district": access.has_capability(user, Capability.MANAGE_DISTRICT),
        "can_read_audit": access.has_capability(user, Capability.READ_AUDIT),
        "can_view_failed_tasks": access.has_capability(user, Capability.VIEW_FAILED_TASKS),
        "can_view_policy": access.has_capability(user, Capability.VIEW_POLICY),
        "my_memberships": access.memberships_with(user, Capability.USE_APP),
    }
