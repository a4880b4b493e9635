from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class NotifySettingsForm(forms.Form):
    escalate_after_seconds = forms.IntegerField(
        label=_("Escalate after (seconds)"),
        min_value=30,
        max_value=1800,
        help_text=_(
            "If nobody acknowledges a summons within this time, the backup officials and the "
            "principal are summoned; after the same time again, the superintendent's office. "
            "Between 30 and 1800 seconds; 120 is two minutes."
        ),
    )
