"""A possible match at check-in: the officials' alert, their answers, and what each answer does.

A possible match never turns anyone away by itself. The check-in is held (no badge; the desk shows
only "Please wait, the office will be with you shortly") and the school's designated officials are
alerted privately: in the app, and by an e-mail that holds no personal details, only a link. Their
answers:

- "It is this person": the visit stays held; the official sees the next steps for the reason;
- "Not this person": the check-in is released and the desk's screen moves on to the badge;
- "Not sure: I am coming": the visit stays held, and the other officials see who is on the way.

Each answer, and who gave it, is audited.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from threshold.accounts.models import Membership, User
from threshold.accounts.roles import Role
from threshold.audit.services import record
from threshold.visitors.models import Visit
from threshold.watchlists import screening
from threshold.watchlists.models import Alert, Candidate, Entry
from threshold.worker.mail import queue_email


class Answer:
    THIS_PERSON = "this_person"
    NOT_THIS_PERSON = "not_this_person"
    COMING = "coming"
    ALL = (THIS_PERSON, NOT_THIS_PERSON, COMING)


class AlreadyReleased(ValidationError):
    """Another official answered "Not this person" first: the visitor has their badge."""


def site_url() -> str:
    """Where the app is reached, for links in e-mail (no request at hand in a service)."""
    configured: str = getattr(settings, "SITE_URL", "")
    if configured:
        return configured.rstrip("/")
    origins: list[str] = list(getattr(settings, "CSRF_TRUSTED_ORIGINS", []))
    if origins:
        return origins[0].rstrip("/")
    hosts = [host for host in settings.ALLOWED_HOSTS if host not in ("*", "")]
    host = (hosts[0] if hosts else "localhost").lstrip(".")
    scheme = "https" if getattr(settings, "PRODUCTION", False) else "http"
    return f"{scheme}://{host}"


def officials_to_alert(school: Any) -> list[User]:
    """The school's designated officials (primary first, then backups); the principals when
    the school names none."""
    for role in (Role.DESIGNATED_OFFICIAL, Role.PRINCIPAL):
        people = [
            m.user
            for m in Membership.objects.filter(school=school, role=role, user__is_active=True)
            .select_related("user")
            .order_by("rank", "user__full_name")
        ]
        if people:
            return people
    return []


def _tell_officials(alert: Alert) -> None:
    """An e-mail to each official with only a link: the message may be read on a lock screen."""
    link = site_url() + reverse("watchlists-alert", kwargs={"alert_id": alert.pk})
    for person in officials_to_alert(alert.school):
        if not person.email:
            continue
        with translation.override(person.preferred_language or settings.LANGUAGE_CODE):
            subject = _("Threshold: you are needed at the front desk of %(school)s") % {
                "school": alert.school.name
            }
            body = _(
                "A check-in at the front desk of %(school)s needs a designated official now.\n\n"
                "Open this link to see it and answer:\n%(link)s\n\n"
                "This message holds no personal details on purpose."
            ) % {"school": alert.school.name, "link": link}
        queue_email(to=[person.email], subject=subject, body=body, district=alert.school.district)


def raise_alert(*, visit: Visit, actor: User | None, now: datetime | None = None) -> Alert | None:
    """After a check-in whose screening found a possible match: hold it and alert the officials.
    Called by the check-in, in its transaction, once the visit is written."""
    if visit.screening != Visit.Screening.POSSIBLE_MATCH:
        return None  # every other check-in: no query, no savepoint
    with transaction.atomic():
        return _raise_alert(visit, actor, now or timezone.now())


def _raise_alert(visit: Visit, actor: User | None, now: datetime) -> Alert:
    outcome = screening.screen(visit.visitor, visit.school, now=now)
    alert = Alert.objects.create(visit=visit, school=visit.school, raised_at=now)
    Candidate.objects.bulk_create(
        Candidate(
            alert=alert,
            entry_id=match.id,
            score=match.score,
            reasons=list(match.reasons),
            position=position,
        )
        for position, match in enumerate(outcome.matches)
    )
    record(
        "watchlist.match_raised",
        actor=actor,
        district=visit.school.district,
        school=visit.school,
        subject=alert,
        data={
            "visit": str(visit.pk),
            "visitor": str(visit.visitor_id),
            "entries": [match.id for match in outcome.matches],
        },
    )
    _tell_officials(alert)
    return alert


@transaction.atomic
def answer(
    *,
    alert: Alert,
    actor: User,
    given: str,
    entry: Entry | None = None,
    now: datetime | None = None,
) -> Alert:
    """An official's answer to a possible match (see the module's docstring)."""
    if given not in Answer.ALL:
        raise ValueError(f"unknown answer {given!r}")
    now = now or timezone.now()
    # Two officials may answer at once: the row is locked, and the second answer sees the first.
    locked = Alert.objects.select_for_update().get(pk=alert.pk)
    if locked.state == Alert.State.RELEASED:
        raise AlreadyReleased(_("This check-in was already released: the visitor has a badge."))
    if given == Answer.THIS_PERSON:
        if entry is None or not locked.candidates.filter(entry=entry).exists():
            raise ValidationError(_("Choose the person on the list that the visitor is."))
    elif given == Answer.COMING and locked.state == Alert.State.CONFIRMED:
        raise ValidationError(_("An official already said that it is the listed person."))
    before = locked.state
    visit = Visit.objects.select_related("school__district").get(pk=locked.visit_id)
    if given == Answer.COMING:
        locked.state, locked.coming_by = Alert.State.COMING, actor
    elif given == Answer.THIS_PERSON:
        locked.state, locked.confirmed_entry = Alert.State.CONFIRMED, entry
        locked.answered_by, locked.answered_at = actor, now
    else:
        locked.state, locked.confirmed_entry = Alert.State.RELEASED, None
        locked.answered_by, locked.answered_at = actor, now
        # The badge prints: the result is what the lists say once the candidates are set aside.
        released = screening.result_without_matches(visit.school, now=now)
        Visit.objects.filter(pk=visit.pk, screening=Visit.Screening.POSSIBLE_MATCH).update(
            screening=released
        )
        visit.screening = released
    locked.save()
    data: dict[str, Any] = {"answer": given, "visit": str(visit.pk), "was": before}
    if entry is not None and given == Answer.THIS_PERSON:
        data["entry"] = str(entry.pk)
    record(
        "watchlist.match_answered",
        actor=actor,
        district=visit.school.district,
        school=visit.school,
        subject=locked,
        data=data,
    )
    alert.refresh_from_db()
    return alert
