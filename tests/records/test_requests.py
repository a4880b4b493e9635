"""Requests for student information: the pack decides, the request follows; parent notice before
a release; the restricted file; the 99.32 record."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from threshold.audit.models import AuditEvent
from threshold.records import services
from threshold.records.models import DisclosureEntry, Notice, RecordsRequest
from threshold.records.queries import record_of
from threshold.records.services import PresentedDocument, Requester

from .conftest import guardian, student


def django_on_commit():
    """Run what waits for the commit (mail to the outbox) at the end of the block."""
    from django.test import TestCase

    return TestCase.captureOnCommitCallbacks(execute=True)


ICE = Requester(agency="IMMIGRATION", name="J. Agent", organization="ICE ERO", badge="1234")


def intake(world, actor, **fields):
    values = {
        "district": world.north,
        "actor": actor,
        "channel": "IN_PERSON",
        "requester": ICE,
        "requested": ["STUDENT_RECORDS"],
        "stated_interest": "Criminal case",
    }
    return services.request_intake(**{**values, **fields})


def deliver(now=None):
    """What the worker does: each queued notice goes out by e-mail (the test mailbox)."""
    for notice in Notice.objects.filter(state=Notice.State.QUEUED):
        assert services.notice_deliver(notice_id=str(notice.pk), now=now) == "sent"


def subpoena(**fields):
    values = {
        "doc_class": "JUDICIAL_SUBPOENA",
        "reference": "D. Conn. 3:26-cv-0101",
        "facial_check": "PASS",
    }
    return PresentedDocument(**{**values, **fields})


def test_it_refuses_a_request_without_a_document_and_logs_it(world, rita, maria):
    request = intake(world, rita, student=maria)
    assert request.records_outcome == "NONE"
    assert request.status == RecordsRequest.Status.DENIED
    assert not request.restricted
    entry = DisclosureEntry.objects.get(request=request)
    assert entry.kind == DisclosureEntry.Kind.REFUSED
    assert entry.student == maria
    assert "J. Agent" in entry.parties and "ICE ERO" in entry.parties
    assert "34 CFR" in entry.basis or "FERPA" in entry.basis
    event = AuditEvent.objects.get(action="records.request_received")
    assert event.subject_id == str(request.pk)
    assert event.data["records"] == "NONE"
    assert "J. Agent" not in str(event.data)  # the chain names no one


POLICE = Requester(agency="STATE_OR_LOCAL_POLICE", name="Off. Kim", badge="77", phone="555")


def directory_policy(world, rita, **values):
    """A district that gave its annual notice a month ago, naming name, address and grade."""
    services.policy_update(
        district=world.north,
        actor=rita,
        values={
            "annual_notice_on": timezone.localdate() - timedelta(days=30),
            "opt_out_days": 14,
            "directory_categories": ["name", "address", "grade"],
            **values,
        },
    )


def ask_directory(world, rita, who, **fields):
    values = {"requester": POLICE, "requested": ["DIRECTORY_INFORMATION"]}
    values["directory_items"] = ["name", "address"]
    return intake(world, rita, student=who, **{**values, **fields})


def test_it_refuses_directory_information_for_an_opted_out_student(world, rita):
    directory_policy(world, rita)
    opted_out = student(world.lincoln, directory_opt_out=True)
    request = ask_directory(world, rita, opted_out)
    assert request.records_outcome == "NONE"
    assert request.status == RecordsRequest.Status.DENIED
    assert any("opted out" in step for step in request.decision["steps"])


def test_directory_information_may_go_out_when_nothing_stops_it(world, rita):
    directory_policy(world, rita)
    listed = student(world.lincoln)
    request = ask_directory(world, rita, listed)
    assert request.records_outcome == "DIRECTORY_DISCRETIONARY"
    assert request.status == RecordsRequest.Status.READY
    assert request.directory_items == ["name", "address"]
    assert not DisclosureEntry.objects.filter(request=request).exists()  # 99.32(d)(4)


def _refused_under(request, citation):
    assert request.records_outcome == "NONE"
    assert request.status == RecordsRequest.Status.DENIED
    cited = [c.get("name", "") for rule in request.decision["rules"] for c in rule["citations"]]
    assert any(citation in name for name in cited), cited


def test_no_directory_information_goes_out_before_the_annual_notice(world, rita):
    listed = student(world.lincoln)
    # The default policy: no annual notice recorded, nothing designated.
    _refused_under(ask_directory(world, rita, listed), "99.37(a)")
    directory_policy(world, rita, annual_notice_on=timezone.localdate() + timedelta(days=3))
    _refused_under(ask_directory(world, rita, listed), "99.37(a)")


def test_no_directory_information_goes_out_while_parents_may_still_opt_out(world, rita):
    directory_policy(world, rita, annual_notice_on=timezone.localdate() - timedelta(days=5))
    request = ask_directory(world, rita, student(world.lincoln))
    _refused_under(request, "99.37(a)")
    assert any("time to opt out" in step for step in request.decision["steps"])


def test_only_the_designated_items_may_go_out(world, rita):
    directory_policy(world, rita)
    listed = student(world.lincoln)
    _refused_under(ask_directory(world, rita, listed, directory_items=["phone"]), "99.37(a)")
    with pytest.raises(ValidationError):
        ask_directory(world, rita, listed, directory_items=[])


def test_the_notice_limits_of_99_37_d_are_kept(world, rita):
    directory_policy(world, rita, parties_limited=True, directory_parties=["school_organizations"])
    request = ask_directory(world, rita, student(world.lincoln))
    _refused_under(request, "99.37(d)")
    # The basis on record names the rule that decided, with its citation.
    assert DisclosureEntry.objects.filter(request=request).count() == 0


def test_the_notice_limits_on_purposes_are_kept(world, rita):
    directory_policy(world, rita, directory_purposes="Yearbook and school programs")
    listed = student(world.lincoln)
    _refused_under(ask_directory(world, rita, listed), "99.37(d)")
    allowed = ask_directory(world, rita, listed, purpose_within_notice=True)
    assert allowed.records_outcome == "DIRECTORY_DISCRETIONARY"


def test_a_directory_list_must_leave_out_the_students_who_opted_out(world, rita):
    directory_policy(world, rita)
    _refused_under(ask_directory(world, rita, None), "99.37")
    kept = ask_directory(world, rita, None, opted_out_excluded=True)
    assert kept.records_outcome == "DIRECTORY_DISCRETIONARY"


def test_it_refuses_directory_information_when_the_student_is_named_by_ssn(world, rita, maria):
    directory_policy(world, rita)
    request = ask_directory(world, rita, maria, identified_by_non_directory_info=True)
    assert request.records_outcome == "NONE"
    assert request.status == RecordsRequest.Status.DENIED
    assert any("Social Security" in step for step in request.decision["steps"])
    assert DisclosureEntry.objects.get(request=request).kind == DisclosureEntry.Kind.REFUSED


def test_a_request_for_immigration_status_is_answered_in_the_packs_words(world, rita, maria):
    request = intake(world, rita, student=maria, requested=["IMMIGRATION_STATUS"])
    assert request.status == RecordsRequest.Status.DENIED
    assert any(
        "does not collect or keep immigration status" in step for step in request.decision["steps"]
    )


def test_a_judicial_subpoena_waits_for_the_notice_period_then_is_recorded(
    world, rita, maria, django_capture_on_commit_callbacks
):
    request = intake(world, rita, student=maria, document=subpoena())
    assert request.records_outcome == "DISCLOSE_AFTER_PARENT_NOTICE"
    assert request.status == RecordsRequest.Status.AWAITING_NOTICE
    assert "PARENT_FERPA" in request.decision["notify"]

    with pytest.raises(ValidationError, match="notice"):
        services.disclosure_record(
            request=request,
            actor=rita,
            what="Attendance 2025-26",
            disclosed_to="",
            redisclosure_conditions="",
        )

    now = timezone.now()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        sent = services.notice_send(request=request, actor=rita, now=now)
    assert len(callbacks) == 1  # the e-mail, queued for the worker after the commit
    (notice,) = sent
    assert notice.language == "es"
    assert notice.method == Notice.Method.EMAIL
    assert "Aviso antes de entregar" in notice.subject
    assert "Maria Lopez" in notice.body
    assert "(referencia D. Conn. 3:26-cv-0101)" in notice.body
    period = 10
    assert notice.stated_release == timezone.localdate(now) + timedelta(days=period)
    # Nothing counts until the worker delivered it: no release date yet.
    assert notice.earliest_release is None and notice.state == Notice.State.QUEUED
    request.refresh_from_db()
    assert services.release_date(request) is None
    with pytest.raises(ValidationError, match="not been delivered"):
        services.disclosure_record(
            request=request,
            actor=rita,
            what="Attendance 2025-26",
            disclosed_to="",
            redisclosure_conditions="",
            now=now + timedelta(days=period + 5),
        )
    deliver(now)
    notice.refresh_from_db()
    assert notice.state == Notice.State.SENT
    assert notice.earliest_release == timezone.localdate(now) + timedelta(days=period)

    request.refresh_from_db()
    with pytest.raises(ValidationError, match="Not before"):
        services.disclosure_record(
            request=request,
            actor=rita,
            what="Attendance 2025-26",
            disclosed_to="",
            redisclosure_conditions="",
            now=now + timedelta(days=period - 1),
        )
    assert not DisclosureEntry.objects.filter(kind="disclosure").exists()

    services.disclosure_record(
        request=request,
        actor=rita,
        what="Attendance 2025-26",
        disclosed_to="Clerk, U.S. District Court",
        redisclosure_conditions="Only for the case named in the subpoena.",
        now=now + timedelta(days=period),
    )
    request.refresh_from_db()
    assert request.status == RecordsRequest.Status.DISCLOSED
    kinds = [entry.kind for entry in record_of(maria)]
    assert kinds == ["request", "disclosure"]
    disclosure = record_of(maria).get(kind="disclosure")
    assert disclosure.what_disclosed == "Attendance 2025-26"
    assert disclosure.redisclosure_conditions.startswith("Only for the case")


def test_an_order_may_set_an_earlier_release_date(world, rita, maria):
    request = intake(world, rita, student=maria, document=subpoena())
    now = timezone.now()
    services.notice_send(request=request, actor=rita, now=now)
    deliver(now)
    # Only counsel records an order's date, and never one before the notice went out.
    with pytest.raises(ValidationError, match="Only counsel"):
        services.release_order_record(
            request=request,
            actor=rita,
            release_on=timezone.localdate(now) + timedelta(days=2),
            reference="Order of Judge Park",
        )
    with pytest.raises(ValidationError, match="before the parent's notice"):
        services.release_order_record(
            request=request,
            actor=world.carl,
            release_on=timezone.localdate(now) - timedelta(days=3),
            reference="Order of Judge Park",
        )
    assert RecordsRequest.objects.get(pk=request.pk).release_order_on is None
    services.release_order_record(
        request=request,
        actor=world.carl,
        release_on=timezone.localdate(now) + timedelta(days=2),
        reference="Order of Judge Park",
    )
    request.refresh_from_db()
    services.disclosure_record(
        request=request,
        actor=rita,
        what="Enrollment dates",
        disclosed_to="",
        redisclosure_conditions="",
        now=now + timedelta(days=2),
    )
    assert RecordsRequest.objects.get(pk=request.pk).status == "disclosed"


def test_an_eligible_student_gets_the_notice(world, rita):
    adult = student(world.lincoln, date_of_birth=date(2000, 1, 1), email="adult@student.example")
    guardian(adult, preferred_language="en")
    request = intake(world, rita, student=adult, document=subpoena())
    assert "ELIGIBLE_STUDENT_FERPA" in request.decision["notify"]
    (notice,) = services.notice_send(request=request, actor=rita)
    assert notice.recipient_email == "adult@student.example"
    assert notice.recipient_name == str(adult)
    assert f"records of {adult.given_name} {adult.family_name}" in notice.body


def test_a_parent_without_e_mail_gets_a_letter(world, rita):
    child = student(world.lincoln)
    guardian(child, email="", preferred_language="en")
    request = intake(world, rita, student=child, document=subpoena())
    (notice,) = services.notice_send(request=request, actor=rita)
    assert notice.method == Notice.Method.MAIL
    assert notice.subject.startswith("Notice before the release")


def test_the_notice_goes_in_the_familys_language_once_that_text_is_reviewed(world, rita):
    child = student(world.lincoln)
    guardian(child, preferred_language="pl")
    request = intake(world, rita, student=child, document=subpoena())
    (notice,) = services.notice_send(request=request, actor=rita)
    assert notice.language == "pl"
    assert notice.subject.startswith("Zawiadomienie przed udostępnieniem")
    assert f"{child.given_name} {child.family_name}" in notice.body


def test_an_unreviewed_translation_is_never_sent_english_goes_instead(world, rita):
    from threshold.notices import services as notices
    from threshold.notices.models import Kind, NoticeText

    polish = NoticeText.objects.get(district=world.north, kind=Kind.RECORDS_NOTICE, language="pl")
    notices.text_update(text=polish, actor=world.dana, subject="Nowy", body="Nowy tekst {student}.")
    child = student(world.lincoln)
    guardian(child, preferred_language="pl")
    request = intake(world, rita, student=child, document=subpoena())
    (notice,) = services.notice_send(request=request, actor=rita)
    assert notice.language == "en"
    assert "Nowy tekst" not in notice.body


def test_no_notice_goes_without_a_reviewed_text_and_nothing_is_recorded(world, rita):
    from threshold.notices import services as notices
    from threshold.notices.models import Kind, NoticeText

    for text in NoticeText.objects.filter(district=world.north, kind=Kind.RECORDS_NOTICE):
        notices.text_update(text=text, actor=world.dana, subject="New", body="New {student}.")
    child = student(world.lincoln)
    guardian(child, preferred_language="es")
    request = intake(world, rita, student=child, document=subpoena())
    with pytest.raises(ValidationError, match="no reviewed text"):
        services.notice_send(request=request, actor=rita)
    assert not Notice.objects.filter(request=request).exists()
    assert RecordsRequest.objects.get(pk=request.pk).status == "awaiting_notice"


def test_a_grand_jury_subpoena_under_a_court_order_goes_to_the_restricted_file(
    world, rita, maria, django_capture_on_commit_callbacks
):
    document = PresentedDocument(
        doc_class="GRAND_JURY_SUBPOENA", facial_check="PASS", nondisclosure="ORDERED_BY_COURT"
    )
    fbi = Requester(agency="FEDERAL_LAW_ENFORCEMENT", name="SA Reed", badge="F-9")
    with django_capture_on_commit_callbacks(execute=False):
        request = intake(world, rita, student=maria, requester=fbi, document=document)
    assert request.records_outcome == "DISCLOSE_WITHOUT_NOTICE_ORDERED"
    assert request.restricted
    # Nothing goes out before counsel confirms the order's terms, from counsel's own account.
    assert request.status == RecordsRequest.Status.WITH_COUNSEL
    assert not set(request.decision["notify"]) & {"PARENT_FERPA", "PARENT_POLICY"}
    with pytest.raises(ValidationError):
        services.notice_send(request=request, actor=rita)
    with pytest.raises(ValidationError):
        services.disclosure_record(
            request=request, actor=rita, what="x", disclosed_to="", redisclosure_conditions=""
        )
    with pytest.raises(ValidationError, match="Only counsel"):
        services.counsel_direction_record(
            request=request, actor=rita, direction="release_under_order", counsel_name="Carl"
        )
    services.counsel_direction_record(
        request=request, actor=world.carl, direction="release_under_order"
    )
    request.refresh_from_db()
    assert request.status == RecordsRequest.Status.READY
    assert request.counsel_name == "Carl Counsel"
    assert request.restricted
    services.disclosure_record(
        request=request,
        actor=rita,
        what="Attendance records",
        disclosed_to="",
        redisclosure_conditions="",
    )
    assert not Notice.objects.exists()
    assert not DisclosureEntry.objects.exists()  # no 99.32 entry (34 CFR 99.32(d)(5))
    assert list(record_of(maria)) == []


def test_a_court_order_forbidding_notice_goes_to_counsel_not_out_without_notice(world, rita, maria):
    """FERPA excuses the notice only for law-enforcement subpoenas under a non-disclosure order
    and the Attorney General's ex parte orders (34 CFR 99.31(a)(9)(ii)), not other orders."""
    fbi = Requester(agency="FEDERAL_LAW_ENFORCEMENT", name="SA Reed", badge="F-9")
    order = PresentedDocument(
        doc_class="COURT_ORDER", facial_check="PASS", nondisclosure="ORDERED_BY_COURT"
    )
    request = intake(world, rita, student=maria, requester=fbi, document=order)
    assert request.records_outcome == "HOLD_FOR_COUNSEL"
    assert request.status == RecordsRequest.Status.WITH_COUNSEL
    assert request.restricted


def test_counsel_lets_a_restricted_matter_go_ahead_with_notice_it_leaves_the_file(
    world, rita, maria
):
    fbi = Requester(agency="FEDERAL_LAW_ENFORCEMENT", name="SA Reed", badge="F-9")
    order = PresentedDocument(
        doc_class="COURT_ORDER", facial_check="PASS", nondisclosure="ORDERED_BY_COURT"
    )
    request = intake(world, rita, student=maria, requester=fbi, document=order)
    assert request.restricted and not DisclosureEntry.objects.exists()
    services.counsel_direction_record(
        request=request, actor=world.carl, direction="release_after_notice"
    )
    request.refresh_from_db()
    assert not request.restricted
    assert request.status == RecordsRequest.Status.AWAITING_NOTICE
    assert [e.kind for e in record_of(maria)] == ["request"]
    lifted = AuditEvent.objects.get(action="records.restriction_lifted")
    assert lifted.subject_id == str(request.pk)


def test_counsel_refusing_a_restricted_matter_puts_the_refusal_on_the_record(world, rita, maria):
    order = PresentedDocument(
        doc_class="COURT_ORDER", facial_check="PASS", nondisclosure="ORDERED_BY_COURT"
    )
    request = intake(world, rita, student=maria, document=order)
    services.counsel_direction_record(request=request, actor=world.carl, direction="no_release")
    request.refresh_from_db()
    assert not request.restricted
    assert [e.kind for e in record_of(maria)] == ["refused"]


def test_a_direction_recorded_for_counsel_is_sent_to_counsel_to_confirm(
    world, rita, maria, django_capture_on_commit_callbacks
):
    request = intake(world, rita, student=maria, document=PresentedDocument(doc_class="UNKNOWN"))
    with pytest.raises(ValidationError):
        services.counsel_direction_record(request=request, actor=rita, direction="no_release")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.counsel_direction_record(
            request=request, actor=rita, direction="no_release", counsel_name="Carl Counsel"
        )
    assert len(callbacks) == 1
    event = AuditEvent.objects.get(action="records.counsel_direction_recorded")
    assert event.data["by_counsel"] is False
    assert AuditEvent.objects.filter(action="records.counsel_confirmation_asked").exists()


def test_the_restricted_file_leaves_no_trace_in_the_audit_data(world, rita, maria):
    fbi = Requester(agency="FEDERAL_LAW_ENFORCEMENT", name="SA Reed", badge="F-9")
    document = PresentedDocument(
        doc_class="GRAND_JURY_SUBPOENA", facial_check="PASS", nondisclosure="ORDERED_BY_COURT"
    )
    request = intake(world, rita, student=maria, requester=fbi, document=document)
    services.counsel_direction_record(
        request=request, actor=world.carl, direction="release_under_order"
    )
    services.disclosure_record(
        request=request, actor=rita, what="Attendance", disclosed_to="", redisclosure_conditions=""
    )
    events = AuditEvent.objects.filter(subject_id=str(request.pk))
    assert events.count() == 3
    for event in events:
        assert event.data == {"restricted": True}
        assert event.school_id is None


def test_everyone_the_pack_names_is_told_or_put_on_the_checklist(world, rita, maria, monkeypatch):
    from threshold.accounts.roles import Role
    from threshold.testing import factories

    factories.staff_with_role(
        world.north, Role.SUPERINTENDENT, email="sup@north.example", full_name="Sol Super"
    )
    fbi = Requester(agency="FEDERAL_LAW_ENFORCEMENT", name="SA Reed", badge="F-9")
    with_order = PresentedDocument(
        doc_class="COURT_ORDER", facial_check="PASS", nondisclosure="NONE"
    )
    sent = []
    monkeypatch.setattr(services, "queue_email", lambda **mail: sent.append(mail))
    request = intake(world, rita, student=maria, requester=fbi, document=with_order)
    notify = set(request.decision["notify"])
    assert {"SUPERINTENDENT", "COUNSEL", "DESIGNATED_OFFICIAL"} <= notify
    to = {address for mail in sent for address in mail["to"]}
    assert {"carl@north.example", "sup@north.example", world.olga.email} <= to
    for mail in sent:
        assert "Maria" not in mail["body"] and "Lopez" not in mail["body"]  # reference only
    # What Threshold cannot do is a checklist whose completion is recorded.
    to_tell = {d["code"] for d in request.duties}
    assert to_tell == notify - {"SUPERINTENDENT", "COUNSEL", "DESIGNATED_OFFICIAL", "PARENT_FERPA"}
    if to_tell:
        code = sorted(to_tell)[0]
        services.duty_done(request=request, actor=rita, code=code)
        done = RecordsRequest.objects.get(pk=request.pk).duties
        assert [d["done_by"] for d in done if d["code"] == code] == ["Rita Records"]
        with pytest.raises(ValidationError):
            services.duty_done(request=request, actor=rita, code=code)


def test_with_nobody_to_e_mail_the_superintendent_is_on_the_checklist(world, rita, maria):
    fbi = Requester(agency="FEDERAL_LAW_ENFORCEMENT", name="SA Reed", badge="F-9")
    order = PresentedDocument(doc_class="COURT_ORDER", facial_check="PASS")
    request = intake(world, rita, student=maria, requester=fbi, document=order)
    assert "SUPERINTENDENT" in {d["code"] for d in request.duties}


def test_a_return_date_inside_the_notice_period_warns_and_tells_counsel(world, rita, maria):
    soon = timezone.localdate() + timedelta(days=3)
    with django_on_commit() as callbacks:
        request = intake(world, rita, student=maria, document=subpoena(), respond_by=soon)
    assert services.return_date_too_soon(request)
    assert AuditEvent.objects.filter(action="records.return_date_warning").exists()
    assert len(callbacks) >= 2  # counsel hears of the request and of the return date
    later = intake(
        world, rita, student=maria, document=subpoena(), respond_by=soon + timedelta(days=30)
    )
    assert not services.return_date_too_soon(later)


def test_the_recipient_is_decided_when_the_notice_goes_on_todays_facts(world, rita):
    # 17 at intake, 18 by the time the notice goes: the student holds the rights then.
    today = timezone.localdate()
    almost = student(
        world.lincoln, date_of_birth=date(today.year - 18, today.month, 1), email="kid@x.example"
    )
    assert not almost.is_eligible(today - timedelta(days=40))
    guardian(almost, preferred_language="en")
    received = timezone.now() - timedelta(days=40)
    request = intake(world, rita, student=almost, document=subpoena(), received_at=received)
    assert "PARENT_FERPA" in request.decision["notify"]
    (notice,) = services.notice_send(request=request, actor=rita)
    assert notice.recipient_email == "kid@x.example"


def test_no_notice_without_a_date_of_birth_or_the_eligible_flag(world, rita):
    unknown = student(world.lincoln, date_of_birth=None)
    guardian(unknown)
    request = intake(world, rita, student=unknown, document=subpoena())
    with pytest.raises(ValidationError, match="date of birth"):
        services.notice_send(request=request, actor=rita)
    assert not Notice.objects.exists()


def test_a_letter_starts_the_period_only_once_posted(world, rita):
    child = student(world.lincoln)
    guardian(child, email="", preferred_language="en")
    request = intake(world, rita, student=child, document=subpoena())
    now = timezone.now()
    (letter,) = services.notice_send(request=request, actor=rita, now=now)
    assert letter.state == Notice.State.TO_POST and letter.earliest_release is None
    with pytest.raises(ValidationError, match="not been delivered"):
        services.disclosure_record(
            request=request,
            actor=rita,
            what="Attendance",
            disclosed_to="",
            redisclosure_conditions="",
            now=now + timedelta(days=30),
        )
    posted = services.notice_mark_posted(notice=letter, actor=rita, now=now + timedelta(days=4))
    assert posted.earliest_release == timezone.localdate(now) + timedelta(days=14)
    with pytest.raises(ValidationError, match="Not before"):
        services.disclosure_record(
            request=request,
            actor=rita,
            what="Attendance",
            disclosed_to="",
            redisclosure_conditions="",
            now=now + timedelta(days=13),
        )
    services.disclosure_record(
        request=request,
        actor=rita,
        what="Attendance",
        disclosed_to="",
        redisclosure_conditions="",
        now=now + timedelta(days=14),
    )


def test_a_notice_that_cannot_be_delivered_blocks_the_release(world, rita, maria, monkeypatch):
    from django.core.mail import EmailMessage

    request = intake(world, rita, student=maria, document=subpoena())
    now = timezone.now()
    (notice,) = services.notice_send(request=request, actor=rita, now=now)

    def refuse(self, *args, **kwargs):
        raise ConnectionRefusedError

    monkeypatch.setattr(EmailMessage, "send", refuse)
    with pytest.raises(ConnectionRefusedError):
        services.notice_deliver(notice_id=str(notice.pk), now=now)
    notice.refresh_from_db()
    assert notice.state == Notice.State.QUEUED  # tried again later
    with pytest.raises(ConnectionRefusedError):
        services.notice_deliver(notice_id=str(notice.pk), last_attempt=True, now=now)
    notice.refresh_from_db()
    assert notice.state == Notice.State.FAILED
    with pytest.raises(ValidationError, match="could not be delivered"):
        services.disclosure_record(
            request=request,
            actor=rita,
            what="Attendance",
            disclosed_to="",
            redisclosure_conditions="",
            now=now + timedelta(days=30),
        )
    # The office posts it as a letter instead: the period runs from then.
    services.notice_mark_posted(notice=notice, actor=rita, now=now + timedelta(days=1))
    notice.refresh_from_db()
    assert notice.earliest_release == timezone.localdate(now) + timedelta(days=11)


def test_a_request_that_may_lead_to_a_release_needs_the_stated_interest(world, rita, maria):
    with pytest.raises(ValidationError, match="why they say they need it"):
        intake(world, rita, student=maria, document=subpoena(), stated_interest=" ")
    assert not RecordsRequest.objects.exists()
    refused = intake(world, rita, student=maria, stated_interest="")  # no document: refused
    assert refused.status == RecordsRequest.Status.DENIED


def test_it_refuses_codes_outside_the_vocabulary(world, rita):
    with pytest.raises(ValidationError):
        intake(world, rita, requested=["EVERYTHING"])
    with pytest.raises(ValidationError):
        intake(world, rita, document=PresentedDocument(doc_class="NAPKIN"))
    assert not RecordsRequest.objects.exists()


def test_it_refuses_a_student_of_another_district(world, rita):
    other = student(world.jefferson)
    with pytest.raises(ValidationError):
        intake(world, rita, student=other)


def test_closing_needs_a_reason(world, rita, maria):
    request = intake(world, rita, student=maria, document=subpoena())
    with pytest.raises(ValidationError):
        services.request_close(request=request, actor=rita, note=" ")
    services.request_close(request=request, actor=rita, note="The court quashed the subpoena.")
    assert RecordsRequest.objects.get(pk=request.pk).status == "closed"


def test_opt_outs_keep_their_history(world, rita, maria):
    services.opt_out_set(student=maria, actor=rita, opted_out=True, note="Form received")
    services.opt_out_set(student=maria, actor=rita, opted_out=False)
    assert [c.opted_out for c in maria.opt_out_changes.order_by("changed_at")] == [True, False]


def test_counsel_directs_a_held_request_to_release_after_notice(world, rita, maria):
    dhs = PresentedDocument(doc_class="ADMIN_SUBPOENA_I138")
    request = intake(world, rita, student=maria, document=dhs)
    assert request.records_outcome == "HOLD_FOR_COUNSEL"
    assert request.status == RecordsRequest.Status.WITH_COUNSEL
    with pytest.raises(ValidationError):
        services.disclosure_record(
            request=request, actor=rita, what="x", disclosed_to="", redisclosure_conditions=""
        )
    with pytest.raises(ValidationError):
        services.counsel_direction_record(
            request=request,
            actor=world.carl,
            direction="release_under_order",
            counsel_name="Carl Counsel",
            note="",
        )
    services.counsel_direction_record(
        request=request,
        actor=world.carl,
        direction="release_after_notice",
        counsel_name="Carl Counsel",
        note="Enforced by the district court on 2026-01-10",
    )
    request.refresh_from_db()
    assert request.status == RecordsRequest.Status.AWAITING_NOTICE
    assert services.notice_required(request)
    now = timezone.now()
    services.notice_send(request=request, actor=rita, now=now)
    deliver(now)
    services.disclosure_record(
        request=request,
        actor=rita,
        what="Enrollment dates",
        disclosed_to="",
        redisclosure_conditions="",
        now=now + timedelta(days=10),
    )
    assert [e.kind for e in record_of(maria)] == ["request", "disclosure"]


def test_counsel_may_direct_that_nothing_is_released(world, rita, maria):
    request = intake(world, rita, student=maria, document=PresentedDocument(doc_class="UNKNOWN"))
    services.counsel_direction_record(
        request=request, actor=rita, direction="no_release", counsel_name="Carl Counsel", note=""
    )
    request.refresh_from_db()
    assert request.status == RecordsRequest.Status.CLOSED
    assert request.closed_note


@pytest.mark.parametrize(
    "text",
    ["A123456789", "a-12-345-678", "A 123 456 789", "123-45-6789", "123456789", "SSN 123 45 6789"],
)
def test_an_alien_number_or_ssn_is_never_stored(world, rita, maria, text):
    for fields in (
        {"document": subpoena(reference=f"Case {text}")},
        {"description": f"Records of the child with number {text}"},
        {"stated_interest": text},
        {"requester": Requester(agency="IMMIGRATION", name="J. Agent", badge=text)},
    ):
        with pytest.raises(ValidationError, match="alien number or a Social Security number"):
            intake(world, rita, student=maria, **fields)
    assert not RecordsRequest.objects.exists()


def test_a_court_case_number_is_kept_but_no_number_of_a_dhs_document(world, rita, maria):
    kept = intake(world, rita, student=maria, document=subpoena(reference="3:26-cv-0101"))
    assert kept.document_reference == "3:26-cv-0101"
    dhs = PresentedDocument(doc_class="ADMIN_SUBPOENA_I138", reference="HSI-2026-77")
    assert intake(world, rita, student=maria, document=dhs).document_reference == ""


def test_a_release_or_a_closing_note_may_not_hold_an_ssn(world, rita, maria):
    request = intake(world, rita, student=maria, document=subpoena())
    with pytest.raises(ValidationError):
        services.request_close(request=request, actor=rita, note="Withdrawn for 123-45-6789")
    assert RecordsRequest.objects.get(pk=request.pk).is_open
