"""Forms of the watchlist pages. They check the shape of what was typed; the services keep the
rules (reasons, dates, schools, what notes may hold)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from threshold.accounts.models import School
from threshold.watchlists.imports import Mode
from threshold.watchlists.models import DISTRICT_REASONS, Entry, Reason
from threshold.watchlists.queries import STATUSES
from threshold.watchlists.services import EntryDetails

MAX_PHOTO_BYTES = 12 * 1024 * 1024
MAX_FILE_BYTES = 25 * 1024 * 1024
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class SchoolChoices(forms.ModelMultipleChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.name)


class EntryForm(forms.Form):
    """A person on the district's list."""

    reason = forms.ChoiceField(
        label=_("Why is the person on the list?"),
        choices=DISTRICT_REASONS,
        widget=forms.RadioSelect,
    )
    family_name = forms.CharField(label=_("Family name"), max_length=100)
    given_name = forms.CharField(label=_("Given names"), max_length=100, required=False)
    aliases = forms.CharField(
        label=_("Other names"),
        required=False,
        max_length=4000,
        help_text=_("Other full names the person uses, one a line (for example: Bobby Smith)."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    date_of_birth = forms.DateField(
        label=_("Date of birth"),
        required=False,
        help_text=_("Give it when known: it keeps namesakes from being stopped."),
        widget=DATE,
    )
    reference = forms.CharField(
        label=_("Order or case reference"),
        max_length=200,
        required=False,
        help_text=_("For example: Smith v. Smith, 2024."),
    )
    notes = forms.CharField(
        label=_("Notes for the designated officials"),
        max_length=1000,
        required=False,
        help_text=_(
            "What an official needs to act: whom the order protects, whom to call. Never a "
            "person's immigration status, citizenship, country of birth or social security number."
        ),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    valid_from = forms.DateField(label=_("Applies from"), required=False, widget=DATE)
    valid_until = forms.DateField(
        label=_("Applies until"),
        required=False,
        help_text=_("Leave empty for no end date."),
        widget=DATE,
    )
    all_schools = forms.TypedChoiceField(
        label=_("Schools"),
        choices=[("yes", _("Every school of the district")), ("no", _("Only the schools below"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        initial="yes",
    )
    schools = SchoolChoices(
        label=_("Applies at"),
        queryset=School.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    photo = forms.FileField(
        label=_("Photo"),
        required=False,
        help_text=_("Only if the district has one from the order or the police. Optional."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/*"}),
    )
    remove_photo = forms.BooleanField(label=_("Remove the photo"), required=False)

    def __init__(
        self, *args: Any, schools: QuerySet[School], has_photo: bool, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        choices: SchoolChoices = self.fields["schools"]  # type: ignore[assignment]
        choices.queryset = schools
        if not has_photo:
            del self.fields["remove_photo"]

    @classmethod
    def for_entry(cls, entry: Entry, *, schools: QuerySet[School], has_photo: bool) -> EntryForm:
        initial = {
            "reason": entry.reason,
            "family_name": entry.family_name,
            "given_name": entry.given_name,
            "aliases": "\n".join(entry.aliases),
            "date_of_birth": entry.date_of_birth,
            "reference": entry.reference,
            "notes": entry.notes,
            "valid_from": entry.valid_from,
            "valid_until": entry.valid_until,
            "all_schools": "yes" if entry.all_schools else "no",
            "schools": list(entry.schools.values_list("pk", flat=True)),
        }
        return cls(initial=initial, schools=schools, has_photo=has_photo)

    def clean_photo(self) -> bytes | None:
        upload = self.cleaned_data.get("photo")
        if not upload:
            return None
        if upload.size > MAX_PHOTO_BYTES:
            raise ValidationError(_("The photo is too large."))
        data: bytes = upload.read()
        return data

    def details(self) -> EntryDetails:
        data = self.cleaned_data
        return EntryDetails(
            reason=data["reason"],
            family_name=data["family_name"],
            given_name=data["given_name"],
            aliases=tuple(line for line in data["aliases"].splitlines() if line.strip()),
            date_of_birth=data["date_of_birth"],
            reference=data["reference"],
            notes=data["notes"],
            valid_from=data["valid_from"],
            valid_until=data["valid_until"],
            all_schools=data["all_schools"],
            schools=tuple(data["schools"]) if not data["all_schools"] else (),
        )


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Name"), required=False, max_length=100)
    reason = forms.ChoiceField(
        label=_("Reason"), required=False, choices=[("", _("Every reason")), *Reason.choices]
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[
            ("", _("Any status")),
            *zip(
                STATUSES,
                [
                    _("Applies today"),
                    _("Starts later"),
                    _("Ended"),
                    _("Deactivated"),
                    _("No date of birth"),
                ],
                strict=True,
            ),
        ],
    )


class ImportForm(forms.Form):
    mode = forms.ChoiceField(
        label=_("What the file holds"),
        choices=[
            (Mode.DISTRICT, _("The district's list (columns of the screening contract)")),
            (Mode.REGISTRY, _("A state registry export (replaces the registry list)")),
        ],
        widget=forms.RadioSelect,
        initial=Mode.DISTRICT,
    )
    file = forms.FileField(label=_("CSV file"), widget=forms.FileInput(attrs={"accept": ".csv"}))

    def clean_file(self) -> bytes:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_FILE_BYTES:
            raise ValidationError(_("The file is larger than 25 MB."))
        data: bytes = upload.read()
        return data


class MaxAgeForm(forms.Form):
    max_age_days = forms.IntegerField(
        label=_("Results are not clear after (days)"), min_value=1, max_value=365
    )
