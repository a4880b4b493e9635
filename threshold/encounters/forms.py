"""The guided steps' forms: what the front desk or the official records, in plain words. The
choices are the protocol's vocabulary as the policy pages say it (threshold.policies.labels)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from threshold.encounters.models import Encounter
from threshold.policies import labels


def _choices(table: dict[str, Any]) -> list[tuple[str, Any]]:
    return list(table.items())


class IdentificationForm(forms.Form):
    agency = forms.ChoiceField(
        label=_("Who is asking"), choices=_choices(labels.AGENCY), initial="UNVERIFIED"
    )
    officer_name = forms.CharField(label=_("Officer's name"), max_length=200, required=False)
    officer_badge = forms.CharField(
        label=_("Officer's badge or ID number"), max_length=100, required=False
    )
    officer_phone = forms.CharField(
        label=_("Officer's telephone number"), max_length=40, required=False
    )
    card_kept = forms.BooleanField(label=_("Business card kept or copied"), required=False)
    refused = forms.MultipleChoiceField(
        label=_("Refused to give"),
        choices=_choices(labels.IDENTIFICATION),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    GIVEN = {
        "NAME": "officer_name",
        "BADGE_OR_ID_NUMBER": "officer_badge",
        "PHONE": "officer_phone",
        "BUSINESS_CARD": "card_kept",
    }

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for code in data.get("refused", []):
            field = self.GIVEN[code]
            if data.get(field):
                self.add_error(
                    field,
                    _("This was given, but is also marked as refused: choose one."),
                )
        return data


class RequestForm(forms.Form):
    requests = forms.MultipleChoiceField(
        label=_("What they ask for"),
        choices=_choices(labels.REQUEST),
        widget=forms.CheckboxSelectMultiple,
    )
    place = forms.ChoiceField(
        label=_("Where it would happen"), choices=_choices(labels.PLACE), initial="NOT_APPLICABLE"
    )
    purpose = forms.CharField(
        label=_("In their words"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class SubjectForm(forms.Form):
    subject = forms.ChoiceField(
        label=_("Whom it concerns"), choices=_choices(labels.SUBJECT), widget=forms.RadioSelect
    )
    subject_name = forms.CharField(
        label=_("The name the officer gave, if any"),
        max_length=200,
        required=False,
        help_text=_(
            "Write it as they said it. Do not look it up or say whether that person is here."
        ),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("subject") == "NONE" and (data.get("subject_name") or "").strip():
            self.add_error(
                "subject_name", _("A name was given: choose whom it concerns, not no one.")
            )
        return data


class ExigencyForm(forms.Form):
    exigency = forms.ChoiceField(label=_("Emergency stated"), choices=_choices(labels.EXIGENCY))
    exigency_basis = forms.CharField(
        label=_("The reason they give"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        stated = data.get("exigency") not in (None, "NONE", "ASSERTED_WITHOUT_BASIS")
        if stated and not (data.get("exigency_basis") or "").strip():
            self.add_error("exigency_basis", _("Write down the reason the officer gives."))
        return data


class VerificationForm(forms.Form):
    verification_called = forms.CharField(
        label=_("Whom you called"),
        max_length=200,
        help_text=_("The police non-emergency line or the agency's office, and the person."),
    )
    verification_result = forms.ChoiceField(
        label=_("What they said"),
        choices=Encounter.Verification.choices,
        widget=forms.RadioSelect,
    )


class VerificationNumberForm(forms.Form):
    label = forms.CharField(
        label=_("Who answers"),
        max_length=120,
        help_text=_("For example: Hartford Police, non-emergency line."),
    )
    phone = forms.CharField(label=_("Telephone number"), max_length=40)

    def clean_phone(self) -> str:
        phone: str = self.cleaned_data["phone"]
        if sum(c.isdigit() for c in phone) < 7:
            raise forms.ValidationError(_("Enter a telephone number with its area code."))
        return phone


STEPS: dict[str, type[forms.Form]] = {
    "identification": IdentificationForm,
    "request": RequestForm,
    "subject": SubjectForm,
    "exigency": ExigencyForm,
    "verification": VerificationForm,
}


MAX_PHOTO_BYTES = 15 * 1024 * 1024


class DocumentForm(forms.Form):
    photo = forms.FileField(
        label=_("Photo of the document"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "image/*", "capture": "environment"}),
    )
    text = forms.CharField(
        label=_("Or type its text"),
        required=False,
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        photo = data.get("photo")
        if photo is not None and photo.size > MAX_PHOTO_BYTES:
            self.add_error("photo", _("The photo is too large (15 MB at most)."))
        elif photo is None and not (data.get("text") or "").strip():
            raise forms.ValidationError(_("Take a photo of the document, or type its text."))
        return data


class ReviewForm(forms.Form):
    doc_type = forms.ChoiceField(label=_("Kind of document"), choices=_choices(labels.DOCUMENT))
    facial_check = forms.ChoiceField(
        label=_("What the check found"), choices=_choices(labels.FACIAL_CHECK)
    )
    nondisclosure = forms.ChoiceField(
        label=_("Confidentiality terms"), choices=_choices(labels.NONDISCLOSURE)
    )


class OutcomeForm(forms.Form):
    """For each thing asked, granted, denied or taken under protest; the circumstances of going
    on without consent; the staff and witnesses. Built for the encounter's own requests."""

    RESULT_CHOICES = [
        ("denied", _("Denied")),
        ("granted", _("Granted")),
        ("under_protest", _("Taken under protest: the officer went on without consent")),
    ]

    protest_at = forms.TimeField(
        label=_("When they went on without consent"),
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )
    protest_route = forms.CharField(
        label=_("Where they went"),
        max_length=500,
        required=False,
        help_text=_("For example: through the main office to room 12, then out the side door."),
    )
    staff_present = forms.CharField(label=_("Staff present"), max_length=500, required=False)
    witnesses = forms.CharField(
        label=_("Witnesses, one name a line"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    records_taken = forms.CharField(
        label=_("Which records or information were given or taken"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    note = forms.CharField(
        label=_("What happened, briefly"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args: Any, requests: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.requests = list(requests)
        for code in self.requests:
            self.fields[f"result_{code}"] = forms.ChoiceField(
                label=labels.say(labels.REQUEST, code),
                choices=self.RESULT_CHOICES,
                widget=forms.RadioSelect,
            )

    def result_fields(self) -> list[Any]:
        return [self[f"result_{code}"] for code in self.requests]

    def results(self) -> dict[str, str]:
        return {code: self.cleaned_data[f"result_{code}"] for code in self.requests}

    def witness_names(self) -> list[str]:
        return [
            line.strip() for line in self.cleaned_data["witnesses"].splitlines() if line.strip()
        ]


class StudentSearchForm(forms.Form):
    q = forms.CharField(label=_("Student's name or number"), max_length=100)
