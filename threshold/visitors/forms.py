"""Forms of the front desk. They check the shape of what was typed; the services keep the rules."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from threshold.accounts.models import Area
from threshold.idscan.aamva import MAX_PAYLOAD_BYTES
from threshold.visitors.models import BadgeSize, Visit, VisitorSettings
from threshold.visitors.services import SETTINGS_FIELDS

MAX_IMAGE_BYTES = 12 * 1024 * 1024


class ScanForm(forms.Form):
    """The desk's one field: what a scanner types (a licence or a badge), or a typed name."""

    entry = forms.CharField(
        label=_("Scan licence or type a name"),
        max_length=MAX_PAYLOAD_BYTES,
        required=False,
        strip=False,
    )
    image = forms.FileField(
        label=_("Photograph the barcode on the back of the ID"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "image/*", "capture": "environment"}),
    )
    action = forms.ChoiceField(choices=[("", ""), ("new", "new")], required=False)

    def clean_image(self) -> bytes | None:
        upload = self.cleaned_data.get("image")
        if not upload:
            return None
        if upload.size > MAX_IMAGE_BYTES:
            raise ValidationError(_("The photo is too large. Take it again, closer to the card."))
        data: bytes = upload.read()
        return data


class AreaChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        area: Area = obj
        where = _("public") if area.is_public else _("not public")
        return f"{area.name} ({where})"


class CheckInForm(forms.Form):
    """What the desk asks about a visit; for a new visitor typed by hand, also who they are."""

    family_name = forms.CharField(
        label=_("Family name"),
        max_length=100,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    given_names = forms.CharField(
        label=_("Given names"),
        max_length=100,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    date_of_birth = forms.DateField(
        label=_("Date of birth"),
        required=False,
        help_text=_("Ask for it: it tells two people of the same name apart."),
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    visitor_type = forms.ChoiceField(
        label=_("Visitor"), choices=Visit.Type.choices, widget=forms.RadioSelect
    )
    area = AreaChoiceField(
        label=_("Going to"),
        queryset=Area.objects.none(),
        required=False,
        empty_label=_("Choose where they are going"),
    )
    host = forms.CharField(
        label=_("Seeing"),
        max_length=200,
        required=False,
        help_text=_("A person or an office, for example Ms. Lee or the nurse."),
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    purpose = forms.CharField(
        label=_("Purpose"),
        max_length=200,
        required=False,
        help_text=_("For example: picking up a child, a meeting, a delivery."),
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    photo = forms.FileField(
        label=_("Photo for the badge"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "image/*", "capture": "user"}),
    )
    # A returning visitor picked from the search, or the signed result of a licence scan.
    visitor = forms.UUIDField(required=False, widget=forms.HiddenInput)
    scan = forms.CharField(required=False, widget=forms.HiddenInput, max_length=4000)

    def __init__(
        self,
        *args: Any,
        areas: QuerySet[Area],
        photos: bool,
        typed: bool,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        area_field: AreaChoiceField = self.fields["area"]  # type: ignore[assignment]
        area_field.queryset = areas
        self.typed = typed
        if not photos:
            del self.fields["photo"]
        if typed:
            self.fields["family_name"].required = True
            self.fields["given_names"].widget.attrs["autofocus"] = True
        else:
            for name in ("family_name", "given_names", "date_of_birth"):
                del self.fields[name]

    def clean_date_of_birth(self) -> date | None:
        born: date | None = self.cleaned_data.get("date_of_birth")
        if born is not None and not date(1900, 1, 1) <= born <= timezone.localdate():
            raise ValidationError(_("Enter a date of birth in the past, for example 1985-04-23."))
        return born

    def clean_photo(self) -> bytes | None:
        upload = self.cleaned_data.get("photo")
        if not upload:
            return None
        if upload.size > MAX_IMAGE_BYTES:
            raise ValidationError(_("The photo is too large. Take it again."))
        data: bytes = upload.read()
        return data


class HistoryForm(forms.Form):
    since = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    until = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    name = forms.CharField(label=_("Name"), required=False, max_length=100)
    visitor_type = forms.ChoiceField(
        label=_("Visitor"),
        required=False,
        choices=[("", _("Every kind")), *Visit.Type.choices],
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        since, until = data.get("since"), data.get("until")
        if since and until and since > until:
            raise ValidationError(_("The first day comes after the last."))
        return data


# The zones of the states and territories, for the district's end of day.
US_TIME_ZONES = [
    "America/New_York",
    "America/Detroit",
    "America/Indiana/Indianapolis",
    "America/Chicago",
    "America/Denver",
    "America/Boise",
    "America/Phoenix",
    "America/Los_Angeles",
    "America/Anchorage",
    "Pacific/Honolulu",
    "America/Puerto_Rico",
    "Pacific/Guam",
    "Pacific/Pago_Pago",
]


class VisitorSettingsForm(forms.Form):
    time_zone = forms.ChoiceField(label=_("Time zone"), choices=[])
    end_of_day = forms.TimeField(
        label=_("End of the school day"),
        help_text=_("Visitors still signed in at this time are signed out automatically."),
        widget=forms.TimeInput(format="%H:%M", attrs={"type": "time"}),
    )
    badge_hours = forms.IntegerField(
        label=_("Hours a badge is valid"),
        min_value=1,
        max_value=24,
        help_text=_("A badge also expires at the end of the school day, whichever comes first."),
    )
    badge_size = forms.ChoiceField(
        label=_("Badge size"), choices=BadgeSize.choices, widget=forms.RadioSelect
    )
    photos = forms.BooleanField(
        label=_("Take visitors' photos for their badges"),
        required=False,
        help_text=_("Off by default. Turning it off removes every visitor photo already taken."),
    )
    retention_days = forms.IntegerField(
        label=_("Keep visits for (days)"),
        required=False,
        min_value=1,
        max_value=3650,
        help_text=_("Leave empty for the installation's default (%(days)s days)."),
    )

    def __init__(self, *args: Any, current_zone: str, default_days: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        zones = US_TIME_ZONES if current_zone in US_TIME_ZONES else [current_zone, *US_TIME_ZONES]
        zone_field: forms.ChoiceField = self.fields["time_zone"]  # type: ignore[assignment]
        zone_field.choices = [(z, z.replace("_", " ")) for z in zones]
        days = self.fields["retention_days"]
        days.help_text = str(days.help_text) % {"days": default_days}

    @classmethod
    def for_settings(cls, desk: VisitorSettings, *, default_days: int) -> VisitorSettingsForm:
        initial = {name: getattr(desk, name) for name in SETTINGS_FIELDS}
        return cls(initial=initial, current_zone=desk.time_zone, default_days=default_days)
