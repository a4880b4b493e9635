"""Forms for assigning drills and for answering one."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from threshold.accounts.models import District, School
from threshold.accounts.roles import Role
from threshold.training.bank import TRACKS
from threshold.training.queries import TRAINABLE_ROLES


class AssignmentForm(forms.Form):
    track = forms.ChoiceField(label=_("Drill set"), choices=list(TRACKS.items()))
    title = forms.CharField(
        label=_("Title staff will see"),
        max_length=200,
        required=False,
        help_text=_("Leave empty to use the drill set's name."),
    )
    roles = forms.MultipleChoiceField(
        label=_("Roles that must take it"),
        choices=[(role, Role(role).label) for role in TRAINABLE_ROLES],
        widget=forms.CheckboxSelectMultiple,
    )
    schools = forms.ModelMultipleChoiceField(
        label=_("Schools"),
        queryset=School.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("None chosen: every school, and the district office's records officers."),
    )
    due_on = forms.DateField(label=_("Due date"), widget=forms.DateInput(attrs={"type": "date"}))
    question_count = forms.IntegerField(
        label=_("Questions per drill"), min_value=3, max_value=12, initial=6
    )
    pass_mark = forms.IntegerField(
        label=_("Pass mark (percent)"), min_value=50, max_value=100, initial=80
    )

    def __init__(self, *args: Any, district: District, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["schools"].queryset = School.objects.filter(district=district, is_active=True)

    def clean_due_on(self) -> Any:
        value = self.cleaned_data["due_on"]
        if value < timezone.localdate():
            raise forms.ValidationError(_("The due date cannot be in the past."))
        return value


class DrillForm(forms.Form):
    """One radio choice per question; the options are those the drill drew."""

    def __init__(self, *args: Any, questions: list[dict[str, Any]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for index, question in enumerate(questions):
            self.fields[f"q{index}"] = forms.ChoiceField(
                choices=[(key, key) for key in question["options"]],
                widget=forms.RadioSelect,
                error_messages={"required": _("Choose an answer.")},
            )

    def answers(self) -> list[str]:
        return [self.cleaned_data[f"q{index}"] for index in range(len(self.fields))]
