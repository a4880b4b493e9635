"""Background tasks that failed, for a district administrator to see and send again."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from threshold.accounts import access
from threshold.accounts.roles import Capability


def failed_tasks(request: HttpRequest) -> HttpResponse:
    """Tasks of the district that failed for good."""
    district = access.district_for(request.user, Capability.VIEW_FAILED_TASKS)
    return render(request, "web/home.html", {"district": district})
