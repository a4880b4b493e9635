"""District administration: the devices that use the API, their tokens, and revoking them.

District administrators only (403 for anyone else); a device of another district is not found
(404). A new device's token is shown on the page that answers its creation, and nowhere else.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from threshold.accounts import access
from threshold.accounts.forms_district import show_refusal
from threshold.accounts.models import District, User
from threshold.accounts.roles import Capability
from threshold.api import services
from threshold.api.forms import DeviceForm
from threshold.api.models import Device

MANAGE = Capability.MANAGE_DISTRICT


def _admin(request: HttpRequest) -> tuple[District, User]:
    """The administrator's district, and the administrator (403 for anyone else)."""
    district = access.district_for(request.user, MANAGE)
    assert isinstance(request.user, User)
    return district, request.user


def _device(district: District, device_id: Any) -> Device:
    device = (
        Device.objects.select_related("school__district")
        .filter(pk=device_id, school__district=district)
        .first()
    )
    if device is None:
        raise Http404
    return device


@require_safe
def devices(request: HttpRequest) -> HttpResponse:
    """The district's devices: school, what each may do, when it was last used; revoked last."""
    district, _user = _admin(request)
    found = (
        Device.objects.filter(school__district=district)
        .select_related("school")
        .order_by("revoked_at", "school__name", "name")
    )
    return render(request, "api/devices.html", {"district": district, "devices": found})


def device_create(request: HttpRequest) -> HttpResponse:
    """Add a device for one school; the answer shows its token, once."""
    _district, admin = _admin(request)
    schools = access.schools_for(request.user, MANAGE).filter(is_active=True).order_by("name")
    form = DeviceForm(request.POST or None, schools=schools)
    if form.is_bound and form.is_valid():
        try:
            device, token = services.device_create(actor=admin, **form.cleaned_data)
        except ValidationError as error:
            show_refusal(form, error)
        else:
            response = render(request, "api/device_token.html", {"device": device, "token": token})
            # The token is in this page only: no copy in a cache or the browser's history.
            response["Cache-Control"] = "no-store"
            return response
    status = 422 if form.is_bound else 200
    return render(request, "api/device_form.html", {"form": form}, status=status)


@require_POST
def device_revoke(request: HttpRequest, device_id: Any) -> HttpResponse:
    """Revoke a device's token: its next request is refused."""
    district, admin = _admin(request)
    device = _device(district, device_id)
    try:
        services.device_revoke(device=device, actor=admin)
    except ValidationError as error:
        messages.info(request, " ".join(error.messages))
    else:
        messages.success(request, _("The device's token was revoked."))
    return redirect("district-devices")
