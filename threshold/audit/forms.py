"""The audit page's filters. Every choice comes from the reader's own district."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from threshold.accounts.models import School, User
from threshold.audit.actions import ACTIONS, describe
from threshold.audit.models import AuditEvent


def _start_of(day: date) -> datetime:
    """Midnight of a day in the district's time zone (settings.TIME_ZONE)."""
    return timezone.make_aware(datetime.combine(day, time.min))


class EventFilterForm(forms.Form):
    action = forms.ChoiceField(label=_("What happened"), required=False)
    school = forms.ChoiceField(label=_("School"), required=False)
    actor = forms.ChoiceField(label=_("Who"), required=False)
    date_from = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    # The id of the person, school or record an event is about (each row links to its own).
    subject = forms.CharField(label=_("About (record id)"), required=False, max_length=64)

    def __init__(
        self, data: Any, *, schools: Iterable[School], staff: Iterable[User], **kwargs: Any
    ) -> None:
        super().__init__(data, **kwargs)
        actions = [(code, describe(code)) for code in ACTIONS]
        self._choose("action", [("", _("Any action")), *actions])
        places = [(str(school.pk), school.name) for school in schools]
        self._choose("school", [("", _("Any school")), *places])
        people = [(str(person.pk), person.full_name or person.email) for person in staff]
        self._choose("actor", [("", _("Anyone")), *people])

    def _choose(self, name: str, choices: list[tuple[str, Any]]) -> None:
        field = self.fields[name]
        assert isinstance(field, forms.ChoiceField)
        field.choices = choices

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and end < start:
            raise ValidationError(_("The end date is before the start date."))
        return cleaned

    def filter(self, events: QuerySet[AuditEvent]) -> QuerySet[AuditEvent]:
        """The events that match the (valid) filters."""
        values = self.cleaned_data
        if values.get("action"):
            events = events.filter(action=values["action"])
        if values.get("school"):
            events = events.filter(school_id=values["school"])
        if values.get("actor"):
            events = events.filter(actor_id=values["actor"])
        if values.get("date_from"):
            events = events.filter(created_at__gte=_start_of(values["date_from"]))
        if values.get("date_to"):
            # The whole of the last day, in the district's time zone.
            events = events.filter(created_at__lt=_start_of(values["date_to"] + timedelta(days=1)))
        if values.get("subject"):
            events = events.filter(subject_id=values["subject"])
        return events
