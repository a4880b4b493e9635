"""Every change the training app makes: assignments, drill runs, completions reopened by a pack
revision, and reminders. Each writes its audit event in the same transaction; events name people
and records by id."""

from __future__ import annotations

import logging
import random
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from threshold.accounts.models import District, School, User
from threshold.audit.services import record
from threshold.policies.models import PackAdoption
from threshold.policies.queries import DistrictPolicy, policy_for
from threshold.training import questions
from threshold.training.bank import TRACK_NAMES, TRACKS
from threshold.training.models import Assignment, Attempt, Reminder
from threshold.training.queries import (
    CURRENT,
    DISTRICT_WIDE_ROLES,
    OVERDUE,
    TRAINABLE_ROLES,
    Standing,
    open_attempts,
    standings,
)
from threshold.worker.mail import queue_email

logger = logging.getLogger(__name__)

PRACTICE_QUESTIONS = 6
PRACTICE_PASS_MARK = 80
# After a pack revision reopens a completed drill, staff have at least this long to retake it.
RETAKE_DAYS = 14
# Reminders: once this many days before the due date, then every OVERDUE_EVERY days after it.
REMIND_BEFORE_DAYS = 3
OVERDUE_EVERY_DAYS = 7


@transaction.atomic
def assignment_create(
    *,
    district: District,
    actor: User,
    track: str,
    title: str,
    roles: Sequence[str],
    schools: Iterable[School],
    due_on: date,
    question_count: int = 6,
    pass_mark: int = 80,
) -> Assignment:
    """Assign a drill set to roles (at some schools, or all) with a due date."""
    errors: dict[str, str] = {}
    if track not in TRACKS:
        errors["track"] = _("Choose a drill set.")
    roles = list(dict.fromkeys(roles))
    if not roles or any(role not in TRAINABLE_ROLES for role in roles):
        errors["roles"] = _("Choose at least one role that takes drills.")
    if due_on < timezone.localdate():
        errors["due_on"] = _("The due date cannot be in the past.")
    schools = list(schools)
    if any(school.district_id != district.pk for school in schools):
        errors["schools"] = _("Choose schools of your district.")
    district_wide = [role for role in roles if role in DISTRICT_WIDE_ROLES]
    if schools and district_wide:
        # A records officer works for the whole district, at no school: choosing schools would
        # cover nobody in that role.
        errors["schools"] = _(
            "Records officers work at the district office, not at a school: assign their drill "
            "with no school chosen, or choose only school roles."
        )
    if errors:
        raise ValidationError(errors)
    assignment = Assignment(
        district=district,
        track=track,
        title=title.strip() or str(TRACK_NAMES[track]),
        roles=roles,
        due_on=due_on,
        question_count=question_count,
        pass_mark=pass_mark,
        created_by=actor,
    )
    assignment.full_clean(exclude=["schools"])
    assignment.save()
    assignment.schools.set(schools)
    record(
        "training.assignment_created",
        actor=actor,
        district=district,
        subject=assignment,
        data={
            "track": track,
            "roles": roles,
            "schools": sorted(str(school.pk) for school in schools),
            "due_on": due_on.isoformat(),
            "questions": question_count,
            "pass_mark": pass_mark,
        },
    )
    return assignment


@transaction.atomic
def assignment_close(*, assignment: Assignment, actor: User) -> None:
    """Stop an assignment: nobody is due on it any more; its completions stay on record."""
    Assignment.objects.filter(pk=assignment.pk).update(is_active=False)
    assignment.is_active = False
    record(
        "training.assignment_closed", actor=actor, district=assignment.district, subject=assignment
    )


@transaction.atomic
def attempt_start(
    *,
    user: User,
    district: District,
    track: str,
    assignment: Assignment | None = None,
    rng: random.Random | None = None,
) -> Attempt:
    """Draw a drill under the district's pack in force, and start the clock."""
    if track not in TRACKS:
        raise ValidationError(_("Choose a drill set."))
    if assignment is not None and (
        assignment.district_id != district.pk or not assignment.is_active
    ):
        raise ValidationError(_("That drill is no longer assigned."))
    policy = policy_for(district)
    count = assignment.question_count if assignment else PRACTICE_QUESTIONS
    first: list[str] = []
    if assignment is not None:
        # A retake after a pack revision asks first the situations whose answer changed.
        reopened = (
            Attempt.objects.filter(
                assignment=assignment, user=user, passed=True, superseded_at__isnull=False
            )
            .order_by("-superseded_at")
            .first()
        )
        if reopened is not None:
            first = list(reopened.changed_scenarios)
    drawn = questions.draw(track, policy, count, rng, first=first)
    if not drawn:
        raise ValidationError(_("The district's policy pack gives no questions for this drill."))
    attempt = Attempt.objects.create(
        district=district,
        user=user,
        assignment=assignment,
        track=track,
        questions=drawn,
        pack_id=policy.pack.id,
        pack_version=policy.pack.version,
        pack_digest=policy.pack.digest,
        pack_options=dict(policy.options),
    )
    record(
        "training.drill_started",
        actor=user,
        district=district,
        subject=attempt,
        data={
            "track": track,
            "assignment": str(assignment.pk) if assignment else None,
            "scenarios": [q["scenario"] for q in drawn],
            "pack": policy.pack.id,
            "version": policy.pack.version,
        },
    )
    return attempt


def _same_policy(attempt: Attempt, policy: DistrictPolicy) -> bool:
    return (
        attempt.pack_id == policy.pack.id
        and attempt.pack_version == policy.pack.version
        and attempt.pack_digest == policy.pack.digest
        and attempt.pack_options == dict(policy.options)
    )


def saved_answers(attempt: Attempt) -> list[str]:
    """The answers chosen so far, one per question ("" where none is chosen yet)."""
    found = [str(answer or "") for answer in (attempt.answers or [])]
    return (found + [""] * len(attempt.questions))[: len(attempt.questions)]


@transaction.atomic
def attempt_save_answer(*, attempt: Attempt, actor: User, index: int, answer: str) -> Attempt:
    """Keep the answer chosen for one question of a drill in progress (a drill is answered one
    question at a time; it can be left and taken up again). Nothing is graded yet."""
    attempt = Attempt.objects.select_for_update().get(pk=attempt.pk)
    if attempt.user_id != actor.pk:
        raise ValidationError(_("This drill is someone else's."))
    if attempt.finished_at is not None:
        raise ValidationError(_("This drill is finished already."))
    if not 0 <= index < len(attempt.questions):
        raise ValidationError(_("There is no such question in this drill."))
    if answer not in attempt.questions[index]["options"]:
        raise ValidationError(_("Choose an answer."))
    answers = saved_answers(attempt)
    answers[index] = answer
    attempt.answers = answers
    attempt.save(update_fields=["answers"])
    return attempt


@transaction.atomic
def attempt_submit(*, attempt: Attempt, actor: User, answers: Sequence[str]) -> Attempt:
    """Grade a drill: each answer against the engine's, record the score and the time taken."""
    attempt = Attempt.objects.select_for_update().get(pk=attempt.pk)
    if attempt.user_id != actor.pk:
        raise ValidationError(_("This drill is someone else's."))
    if attempt.finished_at is not None:
        raise ValidationError(_("This drill is finished already."))
    answers = list(answers)
    if len(answers) != len(attempt.questions) or any(
        answer not in question["options"]
        for answer, question in zip(answers, attempt.questions, strict=False)
    ):
        raise ValidationError(_("Answer every question."))
    policy = policy_for(attempt.district)
    if not _same_policy(attempt, policy):
        raise ValidationError(
            _("The district's policy changed while you were taking this drill. Start it again.")
        )
    correct = sum(
        1
        for answer, question in zip(answers, attempt.questions, strict=True)
        if answer == question["correct"]
    )
    pass_mark = attempt.assignment.pass_mark if attempt.assignment else PRACTICE_PASS_MARK
    attempt.answers = answers
    attempt.correct = correct
    attempt.finished_at = timezone.now()
    attempt.passed = 100 * correct >= pass_mark * len(attempt.questions)
    attempt.save(update_fields=["answers", "correct", "finished_at", "passed"])
    record(
        "training.drill_completed",
        actor=actor,
        district=attempt.district,
        subject=attempt,
        data={
            "assignment": str(attempt.assignment_id) if attempt.assignment_id else None,
            "correct": correct,
            "questions": len(attempt.questions),
            "passed": attempt.passed,
            "seconds": attempt.seconds or 0,
        },
    )
    return attempt


def changed_questions(
    attempt: Attempt, policy: DistrictPolicy, decisions: dict[str, Any] | None = None
) -> list[str]:
    """The scenarios of the attempt whose right answer differs under the policy given."""
    return [
        question["scenario"]
        for question in attempt.questions
        if questions.correct_now(question, policy, decisions) != question["correct"]
    ]


def _due_again_text(attempt: Attempt) -> tuple[str, str]:
    from threshold.watchlists.alerts import site_url

    assert attempt.assignment is not None and attempt.retake_by is not None
    title = attempt.assignment.title
    subject = _("Due again: %(title)s") % {"title": title}
    lines = [
        _("Hello %(name)s,") % {"name": attempt.user.get_short_name()},
        "",
        _(
            "Your district's policy changed, and some answers of your drill “%(title)s” are "
            "different now. Please take it again by %(date)s."
        )
        % {"title": title, "date": date_format(attempt.retake_by, "DATE_FORMAT")},
        _("It takes a few minutes. Open your drills here: %(link)s")
        % {"link": site_url() + reverse("training-home")},
        "",
        _("Threshold, for %(district)s") % {"district": attempt.district.name},
    ]
    return subject, "\n".join(lines)


def reopen_after_pack_change(
    *,
    district: District,
    adoption: PackAdoption | None,
    actor: User | None,
    every: bool = False,
) -> list[Attempt]:
    """After a pack adoption (a new version or new options), or a re-check after a deploy that
    changed the pack file or the engine: every completed drill whose answers the policy in force
    changes no longer counts, and its holder is due again, with at least RETAKE_DAYS to retake
    it, and is told by e-mail. `every`: re-answer drills graded under the same pack digest and
    options too (the engine itself may have changed). Runs inside the caller's transaction."""
    policy = policy_for(district)
    now = timezone.now()
    earliest_retake = timezone.localdate() + timedelta(days=RETAKE_DAYS)
    reopened = []
    decisions: dict[str, Any] = {}  # each scenario decided once under the new policy
    for attempt in (
        open_attempts(district).select_related("user", "district").select_for_update(of=("self",))
    ):
        if not every and _same_policy(attempt, policy):
            continue
        changed = changed_questions(attempt, policy, decisions)
        if not changed:
            continue
        assert attempt.assignment is not None
        attempt.superseded_at = now
        attempt.superseded_by = adoption
        attempt.retake_by = max(attempt.assignment.due_on, earliest_retake)
        attempt.changed_scenarios = changed
        attempt.save(
            update_fields=["superseded_at", "superseded_by", "retake_by", "changed_scenarios"]
        )
        record(
            "training.drill_due_again",
            actor=actor,
            district=district,
            subject=attempt,
            data={
                "user": str(attempt.user_id),
                "assignment": str(attempt.assignment_id),
                "adoption": str(adoption.pk) if adoption else None,
                "scenarios": changed,
                "retake_by": attempt.retake_by.isoformat(),
            },
        )
        if attempt.user.email and attempt.user.is_active:
            with translation.override(attempt.user.preferred_language or "en"):
                subject, body = _due_again_text(attempt)
            queue_email(to=[attempt.user.email], subject=subject, body=body, district=district)
        reopened.append(attempt)
    return reopened


def recheck_all() -> dict[str, int]:
    """Re-check every district's completed drills against the policy in force now: for a deploy
    that changed the engine or a pack file under the same version (the digest differs). Each
    district in its own transaction. Returns the number reopened per district name."""
    from threshold.accounts.models import District as DistrictModel

    reopened: dict[str, int] = {}
    for district in DistrictModel.objects.order_by("name"):
        with transaction.atomic():
            adoption = PackAdoption.objects.filter(district=district, is_current=True).first()
            found = reopen_after_pack_change(
                district=district, adoption=adoption, actor=None, every=True
            )
        if found:
            reopened[district.name] = len(found)
    return reopened


def _reminder_text(user: User, assignment: Assignment, kind: str, due_on: date) -> tuple[str, str]:
    from threshold.watchlists.alerts import site_url

    link = site_url() + reverse("training-home")
    when = date_format(due_on, "DATE_FORMAT")
    if kind == Reminder.Kind.OVERDUE:
        subject = _("Overdue: %(title)s") % {"title": assignment.title}
        opening = _("Your drill “%(title)s” was due on %(date)s and is not done yet.")
    else:
        subject = _("Due soon: %(title)s") % {"title": assignment.title}
        opening = _("Your drill “%(title)s” is due on %(date)s.")
    lines = [
        _("Hello %(name)s,") % {"name": user.get_short_name()},
        "",
        opening % {"title": assignment.title, "date": when},
        _("It takes a few minutes. Open your drills here: %(link)s") % {"link": link},
        "",
        _("Threshold, for %(district)s") % {"district": assignment.district.name},
    ]
    return subject, "\n".join(lines)


def send_reminders(*, today: date | None = None) -> int:
    """E-mail everyone whose assigned drill is due within REMIND_BEFORE_DAYS (once per due date)
    or overdue (every OVERDUE_EVERY_DAYS), through the worker's mail queue. Each reminder is its
    own transaction: one that fails is logged and the others still go out."""
    today = today or timezone.localdate()
    sent = 0
    for assignment in Assignment.objects.filter(is_active=True).select_related("district"):
        for standing in standings(assignment, today=today):
            try:
                with transaction.atomic():
                    sent += _remind(assignment, standing, today)
            except Exception:
                logger.exception(
                    "training reminder failed: assignment %s, user %s",
                    assignment.pk,
                    standing.user.pk,
                )
    return sent


def _remind(assignment: Assignment, standing: Standing, today: date) -> int:
    """Send one reminder if one is due: 1 when sent, 0 when not."""
    user = standing.user
    if standing.state == CURRENT or not user.email:
        return 0
    if standing.state == OVERDUE:
        kind = Reminder.Kind.OVERDUE
        since = timezone.now() - timedelta(days=OVERDUE_EVERY_DAYS)
        already = Reminder.objects.filter(
            assignment=assignment,
            user=user,
            kind=kind,
            due_on=standing.due_on,
            sent_at__gt=since,
        ).exists()
    else:
        if (standing.due_on - today).days > REMIND_BEFORE_DAYS:
            return 0
        kind = Reminder.Kind.BEFORE
        already = Reminder.objects.filter(
            assignment=assignment, user=user, kind=kind, due_on=standing.due_on
        ).exists()
    if already:
        return 0
    with translation.override(user.preferred_language or "en"):
        subject, body = _reminder_text(user, assignment, kind, standing.due_on)
    reminder = Reminder.objects.create(
        assignment=assignment, user=user, kind=kind, due_on=standing.due_on
    )
    queue_email(to=[user.email], subject=subject, body=body, district=assignment.district)
    record(
        "training.reminder_sent",
        actor=None,
        district=assignment.district,
        subject=assignment,
        data={
            "user": str(user.pk),
            "kind": str(kind),
            "due_on": standing.due_on.isoformat(),
            "reminder": str(reminder.pk),
        },
    )
    return 1


def certificate_downloaded(*, attempt: Attempt, actor: User) -> None:
    with transaction.atomic():
        record(
            "training.certificate_downloaded",
            actor=actor,
            district=attempt.district,
            subject=attempt,
        )


def report_viewed(
    *, district: District, school: School | None, actor: User, file_format: str | None = None
) -> None:
    with transaction.atomic():
        record(
            "training.report_exported" if file_format else "training.report_viewed",
            actor=actor,
            district=district,
            school=school,
            data={"format": file_format} if file_format else {},
        )


def describe_answers(attempt: Attempt) -> list[dict[str, Any]]:
    """The attempt's questions with the answer chosen (for the results page)."""
    return [
        {**question, "chosen": answer}
        for question, answer in zip(attempt.questions, attempt.answers or [], strict=False)
    ]
