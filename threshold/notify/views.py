"""The summons banner on every open page of the people who can be summoned, its Acknowledge
button, and the district's summons settings."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from threshold.accounts import access as account_access
from threshold.accounts.models import User
from threshold.accounts.roles import Capability
from threshold.notify import access, services
from threshold.notify.forms import NotifySettingsForm
from threshold.notify.models import NotifySettings
from threshold.web.middleware import passive


def _person(request: HttpRequest) -> User:
    if not isinstance(request.user, User):
        raise PermissionDenied
    return request.user


def _banner(request: HttpRequest) -> HttpResponse:
    waiting = list(services.waiting_for(_person(request))[:5])
    services.shown_in_app(notifications=waiting)
    return render(request, "notify/_banner.html", {"waiting": waiting})


@require_safe
@passive
def banner_hx(request: HttpRequest) -> HttpResponse:
    """The banner: summonses and notices not yet acknowledged, polled every second or so."""
    account_access.require(request.user, access.ANSWER)
    return _banner(request)


@require_POST
def acknowledge(request: HttpRequest, notification_id: Any) -> HttpResponse:
    """ "I have seen it and I am acting on it": stops the escalation of a summons."""
    notification = access.notification_for(request.user, notification_id)
    services.acknowledge(notification=notification, actor=_person(request))
    if request.headers.get("HX-Request") == "true":
        return _banner(request)
    return redirect("encounters-official", encounter_id=notification.encounter_id)


def notify_settings(request: HttpRequest) -> HttpResponse:
    """How long a summons waits for an acknowledgement before it escalates."""
    district = account_access.district_for(request.user, Capability.MANAGE_DISTRICT)
    found = NotifySettings.objects.filter(district=district).first() or NotifySettings()
    if request.method == "POST":
        form = NotifySettingsForm(request.POST)
        if form.is_valid():
            services.settings_update(
                district=district,
                actor=_person(request),
                escalate_after_seconds=form.cleaned_data["escalate_after_seconds"],
            )
            messages.success(request, _("The summons settings are saved."))
            return redirect("notify-settings")
        return render(request, "notify/settings.html", {"form": form}, status=422)
    if request.method not in ("GET", "HEAD"):
        return HttpResponse(status=405)
    form = NotifySettingsForm(initial={"escalate_after_seconds": found.escalate_after_seconds})
    return render(request, "notify/settings.html", {"form": form})
