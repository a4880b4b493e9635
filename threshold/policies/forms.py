"""Forms for the policy pages: adopting a pack, counsel's sign-off, and trying a scenario."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from threshold.policies import labels
from threshold.protocol import Pack


def _choices(table: dict[str, Any]) -> list[tuple[str, Any]]:
    return list(table.items())


class OptionsForm(forms.Form):
    """A pack's district options, each a checkbox with the pack's own description."""

    def __init__(self, *args: Any, pack: Pack, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.pack = pack
        for name, spec in pack.options.items():
            self.fields[name] = forms.BooleanField(
                label=spec.label, help_text=spec.description, required=False
            )

    def options(self) -> dict[str, bool]:
        return {name: bool(self.cleaned_data.get(name, False)) for name in self.pack.options}


class SignOffForm(forms.Form):
    counsel_name = forms.CharField(label=_("Counsel's name"), max_length=200)
    signed_on = forms.DateField(
        label=_("Date of the review"), widget=forms.DateInput(attrs={"type": "date"})
    )
    scope = forms.CharField(
        label=_("What the review covers"),
        widget=forms.Textarea(attrs={"rows": 3}),
        initial=_("The whole pack and the district's options, for all schools of the district."),
    )

    def clean_signed_on(self) -> Any:
        value = self.cleaned_data["signed_on"]
        if value > timezone.localdate():
            raise forms.ValidationError(_("The review date cannot be in the future."))
        return value


class ScenarioForm(forms.Form):
    """An encounter described in plain words, turned into the engine's facts."""

    agency = forms.ChoiceField(label=_("Who is asking"), choices=_choices(labels.AGENCY))
    identification = forms.MultipleChoiceField(
        label=_("What identification they gave"),
        choices=_choices(labels.IDENTIFICATION),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    channel = forms.ChoiceField(label=_("How the request came"), choices=_choices(labels.CHANNEL))
    place = forms.ChoiceField(label=_("Where it would happen"), choices=_choices(labels.PLACE))
    requests = forms.MultipleChoiceField(
        label=_("What they ask for"),
        choices=_choices(labels.REQUEST),
        widget=forms.CheckboxSelectMultiple,
    )
    subject = forms.ChoiceField(label=_("Whom it concerns"), choices=_choices(labels.SUBJECT))
    document = forms.ChoiceField(
        label=_("Document shown"),
        choices=[("", _("None")), *_choices(labels.DOCUMENT)],
        required=False,
    )
    facial_check = forms.ChoiceField(
        label=_("What the document check found"), choices=_choices(labels.FACIAL_CHECK)
    )
    nondisclosure = forms.ChoiceField(
        label=_("Confidentiality terms"), choices=_choices(labels.NONDISCLOSURE)
    )
    exigency = forms.ChoiceField(label=_("Emergency stated"), choices=_choices(labels.EXIGENCY))
    proceeds_without_consent = forms.BooleanField(
        label=_("The officer went on after consent was refused"), required=False
    )
    directory_opt_out = forms.BooleanField(
        label=_("The family opted out of directory information"), required=False
    )
    identified_by_non_directory_info = forms.BooleanField(
        label=_("They identify the student by a number or other private detail"), required=False
    )

    def facts(self) -> dict[str, Any]:
        data = self.cleaned_data
        documents = []
        if data["document"]:
            documents.append(
                {
                    "type": data["document"],
                    "facial_check": data["facial_check"],
                    "nondisclosure": data["nondisclosure"],
                }
            )
        return {
            "requester": {"agency": data["agency"], "identification": data["identification"]},
            "channel": data["channel"],
            "place": data["place"],
            "requests": data["requests"],
            "subject": data["subject"],
            "documents": documents,
            "exigency": data["exigency"],
            "proceeds_without_consent": data["proceeds_without_consent"],
            "student": {
                "directory_opt_out": data["directory_opt_out"],
                "identified_by_non_directory_info": data["identified_by_non_directory_info"],
            },
        }
