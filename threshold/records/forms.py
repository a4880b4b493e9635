"""The records officer's forms: a request's intake, the release, the notice's order date, closing,
the roster import, the directory policy and a student's opt-out."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from threshold.policies import labels
from threshold.records.models import (
    DirectoryCategory,
    DirectoryParty,
    RecordsPolicy,
    RecordsRequest,
    Student,
)
from threshold.records.services import PresentedDocument, Requester

MAX_UPLOAD = 200 * 1024 * 1024


def _choices(table: dict[str, Any], *, skip: tuple[str, ...] = ()) -> list[tuple[str, Any]]:
    return [(code, label) for code, label in table.items() if code not in skip]


INFORMATION_REQUESTS = (
    "STUDENT_RECORDS",
    "DIRECTORY_INFORMATION",
    "SCHEDULE_OR_WHEREABOUTS",
    "STUDENT_LIST",
    "IMMIGRATION_STATUS",
)


class IntakeForm(forms.Form):
    channel = forms.ChoiceField(
        label=_("How did the request come?"),
        choices=_choices(labels.CHANNEL),
        widget=forms.RadioSelect,
        initial="IN_PERSON",
    )
    requester_agency = forms.ChoiceField(label=_("Who is asking?"), choices=_choices(labels.AGENCY))
    requester_name = forms.CharField(label=_("Their name"), max_length=200, required=False)
    requester_organization = forms.CharField(
        label=_("Agency, office or company"), max_length=200, required=False
    )
    requester_badge = forms.CharField(label=_("Badge or ID number"), max_length=64, required=False)
    requester_phone = forms.CharField(label=_("Phone"), max_length=30, required=False)
    requester_email = forms.EmailField(label=_("E-mail"), required=False)
    business_card = forms.BooleanField(label=_("Left a business card"), required=False)
    requested = forms.MultipleChoiceField(
        label=_("What do they ask for?"),
        choices=[(code, labels.REQUEST[code]) for code in INFORMATION_REQUESTS],
        widget=forms.CheckboxSelectMultiple,
    )
    directory_items = forms.MultipleChoiceField(
        label=_("Which directory information?"),
        choices=DirectoryCategory.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Only for a request for directory information."),
    )
    opted_out_excluded = forms.BooleanField(
        label=_("The students whose parents opted out will be left out"),
        required=False,
        help_text=_("Needed when a directory request names no student (a list)."),
    )
    purpose_within_notice = forms.BooleanField(
        label=_("Their purpose is one the district's notice allows"),
        required=False,
        help_text=_("Only where the notice limits directory information to some purposes."),
    )
    student_number = forms.CharField(
        label=_("Student number"),
        max_length=64,
        required=False,
        help_text=_("The student the request is about, if it names one."),
    )
    identified_by_non_directory_info = forms.BooleanField(
        label=_("They named the student by a number or detail that is not directory information"),
        required=False,
        help_text=_("For example a Social Security number: then nothing is confirmed."),
    )
    description = forms.CharField(
        label=_("The request in their words"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    stated_interest = forms.CharField(
        label=_("Why they say they need it"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
    )
    document_class = forms.ChoiceField(
        label=_("Document presented"),
        choices=[("", _("None")), *_choices(labels.DOCUMENT)],
        required=False,
    )
    document_reference = forms.CharField(
        label=_("Court, case or document number"),
        max_length=200,
        required=False,
        help_text=_(
            "Never an alien number or a Social Security number; nothing is kept from a "
            "DHS document."
        ),
    )
    facial_check = forms.ChoiceField(
        label=_("Surface checks of the document"),
        choices=_choices(labels.FACIAL_CHECK),
        initial="NOT_APPLICABLE",
        required=False,
    )
    nondisclosure = forms.ChoiceField(
        label=_("Does it forbid telling the family?"),
        choices=_choices(labels.NONDISCLOSURE),
        initial="NONE",
        required=False,
    )
    respond_by = forms.DateField(
        label=_("Return date on the document"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def __init__(self, *args: Any, students: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.students = students

    def clean_student_number(self) -> Student | None:
        number = self.cleaned_data["student_number"].strip()
        if not number:
            return None
        found: Student | None = self.students.filter(local_id=number).order_by("-is_active").first()
        if found is None:
            raise forms.ValidationError(_("No student with this number in the district."))
        return found

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        data["student"] = data.get("student_number")
        return data

    def requester(self) -> Requester:
        data = self.cleaned_data
        return Requester(
            agency=data["requester_agency"],
            name=data["requester_name"].strip(),
            organization=data["requester_organization"].strip(),
            badge=data["requester_badge"].strip(),
            phone=data["requester_phone"].strip(),
            email=data["requester_email"].strip(),
            business_card=data["business_card"],
        )

    def document(self) -> PresentedDocument | None:
        data = self.cleaned_data
        if not data.get("document_class"):
            return None
        return PresentedDocument(
            doc_class=data["document_class"],
            reference=data["document_reference"].strip(),
            facial_check=data.get("facial_check") or "NOT_APPLICABLE",
            nondisclosure=data.get("nondisclosure") or "NONE",
        )


class DisclosureForm(forms.Form):
    what = forms.CharField(
        label=_("What was released"), widget=forms.Textarea(attrs={"rows": 3}), max_length=4000
    )
    disclosed_to = forms.CharField(
        label=_("Released to"),
        max_length=300,
        required=False,
        help_text=_("Leave empty for the requester."),
    )
    redisclosure_conditions = forms.CharField(
        label=_("Conditions on redisclosure told to the recipient"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        help_text=_("34 CFR 99.33: the recipient may use the records only for the stated purpose."),
    )


class ReleaseOrderForm(forms.Form):
    release_on = forms.DateField(
        label=_("Release date the order sets"), widget=forms.DateInput(attrs={"type": "date"})
    )
    reference = forms.CharField(label=_("The order (court, case number, date)"), max_length=200)


class CounselDirectionForm(forms.Form):
    direction = forms.ChoiceField(
        label=_("Counsel's direction"),
        choices=RecordsRequest.Direction.choices,
        widget=forms.RadioSelect,
    )
    counsel_name = forms.CharField(
        label=_("Counsel who decided"),
        max_length=200,
        required=False,
        help_text=_("Counsel will be e-mailed to confirm what you record in their name."),
    )
    note = forms.CharField(
        label=_("Counsel's reasons"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )

    def __init__(self, *args: Any, counsel: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if counsel:
            # Counsel decides from their own account: their name is the account's.
            del self.fields["counsel_name"]
        else:
            # A release without notice is counsel's own decision, never recorded for them.
            self.fields["direction"].choices = [
                choice
                for choice in RecordsRequest.Direction.choices
                if choice[0] != RecordsRequest.Direction.RELEASE_UNDER_ORDER
            ]


class CloseForm(forms.Form):
    note = forms.CharField(
        label=_("Why it is closed without a release"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
    )


class RosterImportForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("What are you importing?"),
        choices=[
            ("oneroster", _("A OneRoster export (.zip, version 1.1 or 1.2)")),
            ("simple", _("One CSV file with everything")),
        ],
        widget=forms.RadioSelect,
        initial="oneroster",
    )
    file = forms.FileField(label=_("File"))
    supplement = forms.FileField(
        label=_("Supplementary CSV (OneRoster only)"),
        required=False,
        help_text=_("Directory opt-outs, eligible students and parents' contacts and language."),
    )

    def _read(self, name: str) -> bytes | None:
        upload = self.cleaned_data.get(name)
        if upload is None:
            return None
        if upload.size > MAX_UPLOAD:
            raise forms.ValidationError(_("The file is larger than 200 MB."))
        data: bytes = upload.read()
        return data

    def clean_file(self) -> bytes | None:
        return self._read("file")

    def clean_supplement(self) -> bytes | None:
        return self._read("supplement")


class PolicyForm(forms.ModelForm[RecordsPolicy]):
    directory_categories = forms.MultipleChoiceField(
        label=_("Directory information the district designates"),
        choices=DirectoryCategory.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    directory_parties = forms.MultipleChoiceField(
        label=_("Parties the notice allows"),
        choices=DirectoryParty.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Only when the notice limits who may receive directory information."),
    )

    class Meta:
        model = RecordsPolicy
        fields = [
            "directory_categories",
            "parties_limited",
            "directory_parties",
            "directory_purposes",
            "annual_notice_on",
            "opt_out_days",
            "notice_period_days",
            "response_days",
            "retention_years",
        ]
        widgets = {
            "annual_notice_on": forms.DateInput(attrs={"type": "date"}),
            "directory_purposes": forms.Textarea(attrs={"rows": 2}),
        }

    def clean_notice_period_days(self) -> int:
        days: int = self.cleaned_data["notice_period_days"]
        if not 1 <= days <= 90:
            raise forms.ValidationError(_("Give from 1 to 90 days."))
        return days


class OptOutForm(forms.Form):
    opted_out = forms.BooleanField(label=_("Opted out of directory information"), required=False)
    note = forms.CharField(
        label=_("Note (the form received, its date)"), max_length=300, required=False
    )


class StudentSearchForm(forms.Form):
    q = forms.CharField(label=_("Name or student number"), max_length=100, required=False)
