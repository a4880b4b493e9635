"""Scoped lookups of notifications: a person reaches only their own."""

from __future__ import annotations

from typing import Any

from django.http import Http404

from threshold.accounts import access
from threshold.accounts.access import _parse_id
from threshold.accounts.roles import Capability
from threshold.notify.models import Notification

ANSWER = Capability.ANSWER_SUMMONS


def notification_for(user: Any, notification_id: Any) -> Notification:
    """One of the user's own notifications, at a school where they may answer summonses."""
    access.require(user, ANSWER)
    try:
        return Notification.objects.select_related("encounter__school__district").get(
            pk=_parse_id(notification_id),
            recipient_id=user.pk,
            district_id=user.district_id,
            encounter__school__in=access.schools_for(user, ANSWER),
        )
    except Notification.DoesNotExist:
        raise Http404 from None
