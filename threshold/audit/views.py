"""The audit trail, read by auditors, counsel and district administrators."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from threshold.accounts import access
from threshold.accounts.roles import Capability


def events(request: HttpRequest) -> HttpResponse:
    """The district's audit events, newest first, with filters."""
    district = access.district_for(request.user, Capability.READ_AUDIT)
    return render(request, "web/home.html", {"district": district})
