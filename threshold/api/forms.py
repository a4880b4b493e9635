"""The district administrator's form for a new device: its shape only; the rules are the
service's (`threshold.api.services.device_create`)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from threshold.accounts.models import School
from threshold.api.models import Scope


class DeviceForm(forms.Form):
    name = forms.CharField(
        label=_("Name"),
        max_length=100,
        help_text=_(
            "Where the device is, so that the audit trail reads plainly: for example "
            "“Front desk tablet”."
        ),
    )
    school = forms.ModelChoiceField(
        label=_("School"), queryset=School.objects.none(), empty_label="—"
    )
    scopes = forms.MultipleChoiceField(
        label=_("What it may do"),
        choices=Scope.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Only at its school. Give a device only what its place at the desk needs."),
    )

    def __init__(self, *args: Any, schools: QuerySet[School], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["school"].queryset = schools  # type: ignore[attr-defined]
