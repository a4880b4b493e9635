"""The district's front-desk settings, for district administrators."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from threshold.accounts import access
from threshold.accounts.roles import Capability
from threshold.visitors import queries, services
from threshold.visitors.forms import VisitorSettingsForm
from threshold.visitors.views.desk import show_refusal, staff


def visitor_settings(request: HttpRequest) -> HttpResponse:
    """Badges, the end of the school day, photos and how long visits are kept."""
    district = access.district_for(request.user, Capability.MANAGE_DISTRICT)
    desk = queries.settings_for(district.pk)
    default_days: int = settings.RETENTION_DAYS.get("visits", 365)
    if request.method == "POST":
        form = VisitorSettingsForm(
            request.POST, current_zone=desk.time_zone, default_days=default_days
        )
    else:
        form = VisitorSettingsForm.for_settings(desk, default_days=default_days)
    if form.is_bound and form.is_valid():
        try:
            services.visitor_settings_update(
                district=district, actor=staff(request), **form.cleaned_data
            )
        except ValidationError as error:
            show_refusal(form, error)
        else:
            messages.success(request, _("The front-desk settings were saved."))
            return redirect("visitors-settings")
    status = 422 if form.is_bound else 200
    context = {"form": form, "district": district}
    return render(request, "visitors/settings.html", context, status=status)
