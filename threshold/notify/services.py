"""Summoning, informing, delivering, acknowledging and escalating.

Every function that changes something runs in a transaction and writes its audit event there.
Messages leave through the background worker only (`threshold.notify.tasks`), queued once the
transaction has committed: a summons is never sent for an encounter that was rolled back, and a
request never waits for a mail server or an SMS gateway.

Messages hold no personal details: the school, why the person is called, and a link.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from threshold.accounts.models import School, User
from threshold.audit.services import record
from threshold.encounters.models import Encounter
from threshold.notify import recipients, sms
from threshold.notify.models import Delivery, Notification, NotifySettings
from threshold.watchlists.alerts import site_url

logger = logging.getLogger(__name__)


def escalate_after(school: School) -> timedelta:
    """How long a summons waits for an acknowledgement before it escalates (the district's
    setting; the shipped policy packs set no such time)."""
    found = NotifySettings.objects.filter(district_id=school.district_id).first()
    seconds = found.escalate_after_seconds if found else NotifySettings().escalate_after_seconds
    return timedelta(seconds=seconds)


# Creating notifications ----------------------------------------------------------------------


def _channels(person: User) -> list[str]:
    channels: list[str] = [Delivery.Channel.APP]
    if person.email:
        channels.append(Delivery.Channel.EMAIL)
    if person.phone and sms.enabled():
        channels.append(Delivery.Channel.SMS)
    return channels


def _notify(
    *,
    encounter: Encounter,
    people: list[tuple[User, str]],
    kind: str,
    stage: int,
    actor: User | None,
    now: datetime,
) -> list[Notification]:
    """A notification and its deliveries for each person not yet told this way; audited, and
    queued for the worker once the transaction commits."""
    school = encounter.school
    told = set(
        Notification.objects.filter(encounter=encounter, kind=kind).values_list(
            "recipient_id", flat=True
        )
    )
    made: list[Notification] = []
    for person, reason in people:
        if person.pk in told:
            continue
        told.add(person.pk)
        notification = Notification.objects.create(
            encounter=encounter,
            district_id=school.district_id,
            recipient=person,
            kind=kind,
            reason=reason,
            stage=stage,
            created_at=now,
        )
        channels = _channels(person)
        deliveries = Delivery.objects.bulk_create(
            Delivery(notification=notification, channel=channel, created_at=now)
            for channel in channels
        )
        record(
            "notify.summoned" if kind == Notification.Kind.SUMMONS else "notify.informed",
            actor=actor,
            district=school.district,
            school=school,
            subject=notification,
            data={
                "encounter": str(encounter.pk),
                "recipient": str(person.pk),
                "reason": reason,
                "stage": stage,
                "channels": channels,
            },
        )
        for delivery in deliveries:
            if delivery.channel != Delivery.Channel.APP:
                _queue(delivery, school)
        made.append(notification)
    return made


def _queue(delivery: Delivery, school: School) -> None:
    from threshold.notify.tasks import deliver

    delivery_id, district_id = str(delivery.pk), str(school.district_id)
    transaction.on_commit(lambda: deliver.enqueue(delivery_id=delivery_id, district_id=district_id))


def summon_stage(
    *, encounter: Encounter, stage: int, actor: User | None, now: datetime
) -> list[Notification]:
    people = recipients.for_stage(encounter.school, stage)
    return _notify(
        encounter=encounter,
        people=people,
        kind=Notification.Kind.SUMMONS,
        stage=stage,
        actor=actor,
        now=now,
    )


def inform_per_pack(
    *, encounter: Encounter, codes: tuple[str, ...] | list[str], actor: User | None, now: datetime
) -> list[Notification]:
    """Inform the district staff the decision's notification codes name (superintendent,
    counsel), each once per encounter. Called at the start and whenever the facts change."""
    people = recipients.to_inform(encounter.school, codes)
    return _notify(
        encounter=encounter,
        people=people,
        kind=Notification.Kind.INFORM,
        stage=encounter.escalation_stage,
        actor=actor,
        now=now,
    )


def _schedule_escalation(encounter: Encounter, stage: int, at: datetime) -> None:
    from threshold.notify.tasks import escalate

    encounter_id, district_id = str(encounter.pk), str(encounter.school.district_id)
    transaction.on_commit(
        lambda: escalate.using(run_after=at).enqueue(
            encounter_id=encounter_id, stage=stage, district_id=district_id
        )
    )


def on_encounter_started(
    *, encounter: Encounter, actor: User, notify_codes: tuple[str, ...], now: datetime
) -> None:
    """Summon the first stage at once, inform per the pack, and set the escalation timer.
    Called by `threshold.encounters.services.start_encounter` in its transaction. A school that
    names nobody for the first stage goes on to the next stages at once: someone is always
    called."""
    summoned = summon_stage(encounter=encounter, stage=recipients.FIRST_STAGE, actor=actor, now=now)
    inform_per_pack(encounter=encounter, codes=notify_codes, actor=actor, now=now)
    if not summoned:
        _escalate_from(encounter, recipients.FIRST_STAGE + 1, now)
        return
    _schedule_escalation(
        encounter, recipients.FIRST_STAGE + 1, now + escalate_after(encounter.school)
    )


# Escalation (run by the worker) --------------------------------------------------------------


@transaction.atomic
def escalate(*, encounter_id: str, stage: int, now: datetime | None = None) -> str:
    """Nobody acknowledged in time: summon `stage` (and the next when it names nobody), and set
    the timer for the stage after. Does nothing once someone has acknowledged, the encounter
    has closed, or the stage was reached already."""
    now = now or timezone.now()
    encounter = (
        Encounter.objects.select_for_update()
        .select_related("school__district")
        .filter(pk=encounter_id)
        .first()
    )
    if encounter is None:
        return "no such encounter"
    if not encounter.is_open:
        return "closed"
    if encounter.acknowledged_at is not None:
        return "acknowledged"
    if encounter.escalation_stage >= stage:
        return "already escalated"
    reached = _escalate_from(encounter, stage, now)
    return f"stage {reached}"


def _escalate_from(encounter: Encounter, stage: int, now: datetime) -> int:
    """Summon `stage`, or the first later stage that names someone; audit it, and set the timer
    for the stage after. Returns the stage reached."""
    reached, summoned, empty = stage, 0, []
    while True:
        summoned = len(summon_stage(encounter=encounter, stage=reached, actor=None, now=now))
        if summoned or reached >= recipients.LAST_STAGE:
            break
        empty.append(reached)
        reached += 1
    Encounter.objects.filter(pk=encounter.pk).update(escalation_stage=reached)
    encounter.escalation_stage = reached
    record(
        "notify.escalated",
        actor=None,
        district=encounter.school.district,
        school=encounter.school,
        subject=encounter,
        data={
            "stage": reached,
            "summoned": summoned,
            "stages_with_nobody": empty,
            "waited_seconds": int((now - encounter.started_at).total_seconds()),
        },
    )
    if reached < recipients.LAST_STAGE:
        _schedule_escalation(encounter, reached + 1, now + escalate_after(encounter.school))
    return reached


# Delivery (run by the worker) ----------------------------------------------------------------


def _link(encounter: Encounter) -> str:
    return site_url() + reverse("encounters-official", kwargs={"encounter_id": encounter.pk})


def message(notification: Notification) -> tuple[str, str, str]:
    """The subject, e-mail body and text message, in the recipient's language."""
    encounter = notification.encounter
    school = encounter.school.name
    link = _link(encounter)
    language = notification.recipient.preferred_language or settings.LANGUAGE_CODE
    with translation.override(language):
        why = notification.get_reason_display()
        if notification.kind == Notification.Kind.SUMMONS:
            subject = _("Threshold: an officer is at the front desk of %(school)s") % {
                "school": school
            }
            body = _(
                "An officer is at the front desk of %(school)s. You are called as: %(why)s.\n\n"
                "Go to the front office now, and open this link to acknowledge and follow the "
                "steps:\n%(link)s\n\n"
                "This message holds no personal details on purpose."
            ) % {"school": school, "why": why, "link": link}
            text = _(
                "Threshold: officer at %(school)s front desk. Come now and acknowledge: %(link)s"
            ) % {
                "school": school,
                "link": link,
            }
        else:
            subject = _("Threshold: an officer visit at %(school)s") % {"school": school}
            body = _(
                "For your information (%(why)s): an officer is at the front desk of %(school)s, "
                "and the district's policy pack says you are told.\n\n"
                "Follow the encounter here:\n%(link)s\n\n"
                "This message holds no personal details on purpose."
            ) % {"school": school, "why": why, "link": link}
            text = _("Threshold: for your information, officer visit at %(school)s: %(link)s") % {
                "school": school,
                "link": link,
            }
    return subject, body, text


class Undeliverable(Exception):
    """No address or number to send to: trying again will not help."""


def _send(delivery: Delivery) -> None:
    notification = delivery.notification
    person = notification.recipient
    subject, body, text = message(notification)
    if delivery.channel == Delivery.Channel.EMAIL:
        if not person.email:
            raise Undeliverable("the recipient has no e-mail address")
        EmailMessage(subject=subject, body=body, to=[person.email]).send()
    elif delivery.channel == Delivery.Channel.SMS:
        provider = sms.provider()
        if provider is None:
            raise sms.SmsError("text messages are turned off (SMS_PROVIDER=none)")
        if not person.phone:
            raise Undeliverable("the recipient has no mobile phone number")
        try:
            number = sms.international(person.phone)
        except sms.BadNumber as error:
            raise Undeliverable(str(error)) from None
        provider.send(to=number, body=text, reference=str(delivery.pk))
    else:
        raise ValueError(f"the worker does not deliver {delivery.channel!r}")


def _attempted(
    delivery: Delivery, *, delivered: bool, error: str = "", final: bool = False
) -> None:
    notification = delivery.notification
    school = notification.encounter.school
    data: dict[str, Any] = {
        "notification": str(notification.pk),
        "encounter": str(notification.encounter_id),
        "recipient": str(notification.recipient_id),
        "channel": delivery.channel,
        "attempt": delivery.attempts,
        "delivered": delivered,
    }
    if error:
        data["error"] = error
        data["final"] = final
    record(
        "notify.delivery_attempted",
        actor=None,
        district=school.district,
        school=school,
        subject=delivery,
        data=data,
    )


def deliver(*, delivery_id: str, last_attempt: bool = False) -> str:
    """Send one e-mail or text message, at most once: a delivery already sent is left alone.
    Raises when the send fails, so that the worker tries again later."""
    with transaction.atomic():
        delivery = (
            Delivery.objects.select_for_update()
            .select_related("notification__recipient", "notification__encounter__school__district")
            .filter(pk=delivery_id)
            .first()
        )
        if delivery is None:
            return "no such delivery"
        if delivery.state == Delivery.State.SENT:
            return "already sent"
        delivery.attempts += 1
        Delivery.objects.filter(pk=delivery.pk).update(attempts=delivery.attempts)
    try:
        _send(delivery)
    except Undeliverable:
        # Trying again will not help: failed now, shown on the encounter's screen.
        with transaction.atomic():
            Delivery.objects.filter(pk=delivery.pk).update(
                last_error="Undeliverable", state=Delivery.State.FAILED
            )
            _attempted(delivery, delivered=False, error="Undeliverable", final=True)
        return "undeliverable"
    except Exception as error:
        name = type(error).__name__
        with transaction.atomic():
            Delivery.objects.filter(pk=delivery.pk).update(
                last_error=name[:100],
                state=Delivery.State.FAILED if last_attempt else Delivery.State.PENDING,
            )
            _attempted(delivery, delivered=False, error=name, final=last_attempt)
        raise
    now = timezone.now()
    with transaction.atomic():
        Delivery.objects.filter(pk=delivery.pk).update(
            state=Delivery.State.SENT, sent_at=now, last_error=""
        )
        _attempted(delivery, delivered=True)
    return "sent"


# In the app ------------------------------------------------------------------------------------


def waiting_for(user: User) -> QuerySet[Notification]:
    """The notifications a person has not acknowledged, of encounters still under way."""
    return (
        Notification.objects.filter(
            recipient=user,
            district=user.district,
            acknowledged_at__isnull=True,
            encounter__state=Encounter.State.OPEN,
        )
        .select_related("encounter__school", "encounter__acknowledged_by")
        .order_by("-created_at")
    )


def shown_in_app(*, notifications: list[Notification], now: datetime | None = None) -> int:
    """The banner showed these notifications on the person's open page: their in-app delivery
    is done. Audited once per notification, on the first showing."""
    now = now or timezone.now()
    pending = list(
        Delivery.objects.filter(
            notification__in=notifications,
            channel=Delivery.Channel.APP,
            state=Delivery.State.PENDING,
        ).select_related("notification__encounter__school__district")
    )
    if not pending:
        return 0
    with transaction.atomic():
        for delivery in pending:
            done = Delivery.objects.filter(pk=delivery.pk, state=Delivery.State.PENDING).update(
                state=Delivery.State.SENT, sent_at=now, attempts=1
            )
            if done:
                delivery.attempts = 1
                _attempted(delivery, delivered=True)
    return len(pending)


class NotYours(Exception):
    """The notification is someone else's."""


@transaction.atomic
def acknowledge(*, notification: Notification, actor: User, now: datetime | None = None) -> bool:
    """The person has seen the summons (or the information) and is acting on it. The first
    acknowledgement of a summons stops the escalation. Returns False when it was already done."""
    if notification.recipient_id != actor.pk:
        raise NotYours
    now = now or timezone.now()
    done = Notification.objects.filter(pk=notification.pk, acknowledged_at__isnull=True).update(
        acknowledged_at=now
    )
    if not done:
        return False
    notification.acknowledged_at = now
    encounter = notification.encounter
    first = False
    if notification.kind == Notification.Kind.SUMMONS:
        first = bool(
            Encounter.objects.filter(pk=encounter.pk, acknowledged_at__isnull=True).update(
                acknowledged_at=now, acknowledged_by=actor
            )
        )
    # Seen in the app, whichever way it was opened.
    Delivery.objects.filter(
        notification=notification, channel=Delivery.Channel.APP, state=Delivery.State.PENDING
    ).update(state=Delivery.State.SENT, sent_at=now, attempts=1)
    record(
        "notify.acknowledged",
        actor=actor,
        district=encounter.school.district,
        school=encounter.school,
        subject=notification,
        data={
            "encounter": str(encounter.pk),
            "kind": notification.kind,
            "first": first,
            "seconds_after_start": int((now - encounter.started_at).total_seconds()),
        },
    )
    return True


# The district's settings -----------------------------------------------------------------------


@transaction.atomic
def settings_update(*, district: Any, actor: User, escalate_after_seconds: int) -> NotifySettings:
    """Change how long a summons waits for an acknowledgement before it escalates."""
    found, _created = NotifySettings.objects.select_for_update().get_or_create(district=district)
    if found.escalate_after_seconds == escalate_after_seconds:
        return found
    before = found.escalate_after_seconds
    found.escalate_after_seconds = escalate_after_seconds
    found.updated_at = timezone.now()
    found.full_clean()
    found.save()
    record(
        "notify.settings_changed",
        actor=actor,
        district=district,
        data={"escalate_after_seconds": escalate_after_seconds, "was": before},
    )
    return found
