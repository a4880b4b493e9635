"""District administration: schools and their areas, staff and their roles."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from threshold.accounts import access
from threshold.accounts.roles import Capability


def schools(request: HttpRequest) -> HttpResponse:
    """The district's schools."""
    district = access.district_for(request.user, Capability.MANAGE_DISTRICT)
    return render(request, "web/home.html", {"district": district})


def staff(request: HttpRequest) -> HttpResponse:
    """The district's staff."""
    district = access.district_for(request.user, Capability.MANAGE_DISTRICT)
    return render(request, "web/home.html", {"district": district})
