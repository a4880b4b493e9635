"""The records officer's pages: intake to release through the web, ownership across districts,
the restricted file, and an audit event for every view and export of a record of disclosures."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from threshold.audit.models import AuditEvent
from threshold.records import services
from threshold.records.models import Notice, RecordsRequest
from threshold.records.services import PresentedDocument, Requester
from threshold.testing.oneroster import oneroster_files, zipped

from .conftest import student

SUBPOENA = {
    "channel": "IN_PERSON",
    "requester_agency": "STATE_OR_LOCAL_POLICE",
    "requester_name": "Det. Ruiz",
    "requester_organization": "Hartford Police",
    "requester_badge": "H-12",
    "requested": ["STUDENT_RECORDS"],
    "student_number": "",
    "description": "Attendance records, 2025-26",
    "stated_interest": "Criminal case",
    "document_class": "JUDICIAL_SUBPOENA",
    "document_reference": "HHD-CR26-0001",
    "facial_check": "PASS",
    "nondisclosure": "NONE",
}


def test_a_subpoena_goes_from_intake_to_the_recorded_release(world, rita, maria, client_for):
    client = client_for(rita)
    response = client.post(
        reverse("records-request-new"), {**SUBPOENA, "student_number": maria.local_id}
    )
    assert response.status_code == 302
    item = RecordsRequest.objects.get()
    assert item.status == "awaiting_notice"
    page = client.get(response.url)
    assert b"Send the notice" in page.content
    # Before sending: who gets it, how, in which language, and the date it names.
    assert b"ana@family.example" in page.content and "Español".encode() in page.content
    client.post(reverse("records-request-notice", kwargs={"request_id": item.pk}))
    notice = Notice.objects.get()
    assert notice.language == "es"
    refused = client.post(
        reverse("records-request-disclose", kwargs={"request_id": item.pk}),
        {"what": "Attendance 2025-26", "disclosed_to": "", "redisclosure_conditions": ""},
    )
    assert refused.status_code == 422
    assert b"not been delivered" in refused.content
    # The worker delivers it today: still too early.
    services.notice_deliver(notice_id=str(notice.pk))
    refused = client.post(
        reverse("records-request-disclose", kwargs={"request_id": item.pk}),
        {"what": "Attendance 2025-26", "disclosed_to": "", "redisclosure_conditions": ""},
    )
    assert refused.status_code == 422
    assert b"Not before" in refused.content
    done = client.post(
        reverse("records-request-disclose", kwargs={"request_id": item.pk}),
        {"what": "Attendance 2025-26", "disclosed_to": "", "redisclosure_conditions": "Case only"},
    )
    assert done.status_code == 422
    assert RecordsRequest.objects.get().status == "notice_sent"


def test_the_release_goes_through_once_the_period_after_delivery_has_passed(
    world, rita, maria, client_for
):
    client = client_for(rita)
    client.post(reverse("records-request-new"), {**SUBPOENA, "student_number": maria.local_id})
    item = RecordsRequest.objects.get()
    client.post(reverse("records-request-notice", kwargs={"request_id": item.pk}))
    # Delivered eleven days ago (the services' own clock, not an edited row).
    earlier = timezone.now() - timedelta(days=11)
    services.notice_deliver(notice_id=str(Notice.objects.get().pk), now=earlier)
    done = client.post(
        reverse("records-request-disclose", kwargs={"request_id": item.pk}),
        {"what": "Attendance 2025-26", "disclosed_to": "", "redisclosure_conditions": "Case only"},
    )
    assert done.status_code == 302
    assert RecordsRequest.objects.get().status == "disclosed"


def test_a_letter_is_printed_then_marked_posted(world, rita, client_for):
    child = student(world.lincoln)
    from .conftest import guardian

    guardian(child, name="Rosa Morales", email="", preferred_language="es")
    client = client_for(rita)
    client.post(reverse("records-request-new"), {**SUBPOENA, "student_number": child.local_id})
    item = RecordsRequest.objects.get()
    client.post(reverse("records-request-notice", kwargs={"request_id": item.pk}))
    letter = Notice.objects.get()
    page = client.get(reverse("records-request", kwargs={"request_id": item.pk}))
    assert b"Print the letter" in page.content
    keys = {"request_id": item.pk, "notice_id": letter.pk}
    printed = client.get(reverse("records-notice-print", kwargs=keys))
    assert printed.status_code == 200
    assert b"Rosa Morales" in printed.content
    assert client.post(reverse("records-notice-posted", kwargs=keys)).status_code == 302
    letter.refresh_from_db()
    assert letter.state == Notice.State.POSTED and letter.earliest_release is not None


def test_intake_keeps_what_was_typed_on_an_error(world, rita, client_for):
    response = client_for(rita).post(
        reverse("records-request-new"), {**SUBPOENA, "student_number": "nobody"}
    )
    assert response.status_code == 422
    assert b"No student with this number" in response.content
    assert b"HHD-CR26-0001" in response.content
    assert not RecordsRequest.objects.exists()


def test_a_records_officer_cannot_see_another_districts_requests(
    world, rita, ralph, maria, client_for
):
    item = services.request_intake(
        district=world.north,
        actor=rita,
        stated_interest="Criminal case",
        channel="EMAIL",
        requester=Requester(agency="PRIVATE_PARTY", name="A. Lawyer"),
        requested=["STUDENT_RECORDS"],
        student=maria,
    )
    client = client_for(ralph)
    queue = client.get(reverse("records-queue"), {"show": "all"})
    assert queue.status_code == 200
    assert item.reference.encode() not in queue.content
    for name in ("records-request",):
        assert client.get(reverse(name, kwargs={"request_id": item.pk})).status_code == 404
    for name in ("records-request-notice", "records-request-disclose", "records-request-close"):
        assert client.post(reverse(name, kwargs={"request_id": item.pk})).status_code == 404
    for name in ("records-student", "records-student-csv", "records-student-pdf"):
        assert client.get(reverse(name, kwargs={"student_id": maria.pk})).status_code == 404


def test_staff_without_a_records_role_are_refused(world, maria, client_for):
    for persona in (world.alice, world.olga, world.dana, world.aaron):
        client = client_for(persona)
        assert client.get(reverse("records-queue")).status_code == 403
        assert (
            client.get(reverse("records-student", kwargs={"student_id": maria.pk})).status_code
            == 403
        )


def test_the_restricted_file_opens_for_counsel_and_the_records_officer_only(
    world, rita, maria, client_for
):
    from threshold.accounts.roles import Role
    from threshold.records import exports, queries
    from threshold.testing import factories

    item = services.request_intake(
        district=world.north,
        actor=rita,
        stated_interest="Criminal case",
        channel="IN_PERSON",
        requester=Requester(agency="FEDERAL_LAW_ENFORCEMENT", name="SA Reed"),
        requested=["STUDENT_RECORDS"],
        student=maria,
        document=PresentedDocument(
            doc_class="GRAND_JURY_SUBPOENA", facial_check="PASS", nondisclosure="ORDERED_BY_COURT"
        ),
    )
    url = reverse("records-request", kwargs={"request_id": item.pk})
    for persona in (rita, world.carl):
        page = client_for(persona).get(url)
        assert page.status_code == 200
        assert b"Restricted file" in page.content
    assert AuditEvent.objects.filter(action="records.restricted_opened").count() == 2
    # Nobody else opens it: not the auditor, the administrator or the superintendent.
    superintendent = factories.staff_with_role(
        world.north, Role.SUPERINTENDENT, email="sup@north.example", full_name="Sol Super"
    )
    for persona in (world.aaron, world.dana, superintendent):
        assert client_for(persona).get(url).status_code in (403, 404)
    student_page = client_for(rita).get(reverse("records-student", kwargs={"student_id": maria.pk}))
    assert item.reference.encode() not in student_page.content
    # The parent's export is built from the student's record, where the matter is not.
    rows = exports._rows(maria, queries.record_of(maria))
    assert rows == []
    assert "SA Reed" not in str(rows)
    pdf = client_for(rita).get(reverse("records-student-pdf", kwargs={"student_id": maria.pk}))
    assert pdf.status_code == 200


def test_the_audit_page_and_export_do_not_reveal_the_restricted_matter(
    world, rita, maria, client_for
):
    item = services.request_intake(
        district=world.north,
        actor=rita,
        stated_interest="Criminal case",
        channel="IN_PERSON",
        requester=Requester(agency="FEDERAL_LAW_ENFORCEMENT", name="SA Reed"),
        requested=["STUDENT_RECORDS"],
        student=maria,
        document=PresentedDocument(
            doc_class="GRAND_JURY_SUBPOENA", facial_check="PASS", nondisclosure="ORDERED_BY_COURT"
        ),
    )
    client_for(rita).get(reverse("records-request", kwargs={"request_id": item.pk}))
    for persona in (world.aaron, world.dana):
        client = client_for(persona)
        page = client.get(reverse("audit-events"))
        assert page.status_code == 200
        export = b"".join(client.post(reverse("audit-export")).streaming_content)
        for shown in (page.content, export):
            assert str(maria.pk).encode() not in shown
            assert b"GRAND_JURY_SUBPOENA" not in shown
            assert b"SA Reed" not in shown
        # (The page lists the schools in its filter; the events themselves name none.)
        assert str(maria.school.pk).encode() not in export


def test_counsel_reads_but_does_not_handle(world, rita, maria, client_for):
    client = client_for(world.carl)
    assert client.get(reverse("records-queue")).status_code == 200
    assert client.get(reverse("records-request-new")).status_code == 403
    assert client.post(reverse("records-policy"), {}).status_code == 403


@pytest.mark.parametrize(
    ("name", "action", "kind"),
    [
        ("records-student", "records.disclosures_viewed", "text/html"),
        ("records-student-csv", "records.disclosures_exported", "text/csv"),
        ("records-student-pdf", "records.parent_export_downloaded", "application/pdf"),
    ],
)
def test_every_view_of_a_record_is_an_audit_event(
    world, rita, maria, client_for, name, action, kind
):
    services.request_intake(
        district=world.north,
        actor=rita,
        stated_interest="Criminal case",
        channel="PHONE",
        requester=Requester(agency="IMMIGRATION", name="Caller"),
        requested=["STUDENT_RECORDS"],
        student=maria,
    )
    response = client_for(rita).get(reverse(name, kwargs={"student_id": maria.pk}))
    assert response.status_code == 200
    assert response["Content-Type"].startswith(kind)
    event = AuditEvent.objects.get(action=action)
    assert event.subject_id == str(maria.pk) and event.actor == rita
    if kind == "text/csv":
        lines = response.content.decode("utf-8-sig").splitlines()
        assert lines[0].startswith("student_number,date,entry,parties")
        assert "Request refused" in lines[1]
    if kind == "application/pdf":
        assert response.content.startswith(b"%PDF")


def test_the_import_page_reports_bad_lines_and_changes_nothing(world, rita, client_for):
    from django.core.files.uploadedfile import SimpleUploadedFile

    bad = b"student_id,given_name,family_name,school\nA1,Maria,,Lincoln Elementary\nA2,Li,Wu,Mars\n"
    response = client_for(rita).post(
        reverse("records-import"),
        {"kind": "simple", "file": SimpleUploadedFile("s.csv", bad, content_type="text/csv")},
    )
    assert response.status_code == 422
    assert b"line 2" in response.content and b"line 3" in response.content
    good = zipped(oneroster_files(students=3, schools=["Lincoln Elementary"]))
    done = client_for(world.dana).post(
        reverse("records-import"),
        {"kind": "oneroster", "file": SimpleUploadedFile("r.zip", good)},
    )
    assert done.status_code == 200
    assert b"Roster imported" in done.content
    unknown = (
        b"student_id,given_name,family_name,school,guardian_name,guardian_language\n"
        b"B1,Kim,Park,Lincoln Elementary,Mae Park,tagalog\n"
    )
    warned = client_for(rita).post(
        reverse("records-import"),
        {"kind": "simple", "file": SimpleUploadedFile("s.csv", unknown, content_type="text/csv")},
    )
    assert warned.status_code == 200
    assert b"Mae Park" in warned.content and b"tagalog" in warned.content


def test_the_policy_page_saves_the_directory_policy(world, rita, client_for):
    response = client_for(rita).post(
        reverse("records-policy"),
        {
            "directory_categories": ["name", "grade"],
            "parties_limited": "on",
            "directory_parties": ["school_organizations"],
            "directory_purposes": "Yearbook and programs",
            "annual_notice_on": "2025-08-25",
            "opt_out_days": "14",
            "notice_period_days": "7",
            "response_days": "10",
            "retention_years": "5",
        },
    )
    assert response.status_code == 302
    policy = world.north.records_policy
    assert policy.directory_categories == ["name", "grade"] and policy.notice_period_days == 7
    assert AuditEvent.objects.filter(action="records.policy_changed").exists()
    page = client_for(rita).get(reverse("records-policy"))
    assert b"Grade level" in page.content and b"School organizations" in page.content


def test_opt_out_from_the_student_page(world, rita, client_for):
    child = student(world.lincoln)
    client_for(rita).post(
        reverse("records-student-opt-out", kwargs={"student_id": child.pk}),
        {"opted_out": "on", "note": "Form of 2025-09-01"},
    )
    child.refresh_from_db()
    assert child.directory_opt_out
    assert child.opt_out_changes.get().note == "Form of 2025-09-01"


def test_counsel_records_a_direction_from_the_request_page(world, rita, maria, client_for):
    item = services.request_intake(
        district=world.north,
        actor=rita,
        stated_interest="Criminal case",
        channel="MAIL_OR_FAX",
        requester=Requester(agency="IMMIGRATION", name="HSI"),
        requested=["STUDENT_RECORDS"],
        student=maria,
        document=PresentedDocument(doc_class="ADMIN_SUBPOENA_I138"),
    )
    client = client_for(world.carl)
    page = client.get(reverse("records-request", kwargs={"request_id": item.pk}))
    assert (
        b"Record counsel&#x27;s direction" in page.content
        or b"Record counsel's direction" in page.content
    )
    url = reverse("records-request-direction", kwargs={"request_id": item.pk})
    # Counsel's own account names counsel: nothing to type, and a choice is needed.
    assert b'name="counsel_name"' not in page.content
    assert client.post(url, {"direction": ""}).status_code == 422
    done = client.post(url, {"direction": "no_release"})
    assert done.status_code == 302
    found = RecordsRequest.objects.get()
    assert (found.status, found.counsel_name) == ("closed", "Carl Counsel")
    assert client_for(world.dana).post(url, {}).status_code == 403


def test_a_request_for_immigration_status_shows_the_packs_answer(world, rita, maria, client_for):
    item = services.request_intake(
        district=world.north,
        actor=rita,
        stated_interest="Criminal case",
        channel="PHONE",
        requester=Requester(agency="IMMIGRATION", name="Caller"),
        requested=["IMMIGRATION_STATUS"],
        student=maria,
    )
    page = client_for(rita).get(reverse("records-request", kwargs={"request_id": item.pk}))
    assert b"The school does not collect or keep immigration status" in page.content


def test_the_queue_reads_a_fixed_number_of_queries(
    world, rita, client_for, django_assert_max_num_queries
):
    client = client_for(rita)
    client.get(reverse("records-queue"))  # warm the session and the roles
    for n in range(12):
        services.request_intake(
            district=world.north,
            actor=rita,
            stated_interest="Criminal case",
            channel="EMAIL",
            requester=Requester(agency="PRIVATE_PARTY", name=f"Lawyer {n}"),
            requested=["STUDENT_RECORDS"],
            student=student(world.lincoln),
            document=PresentedDocument(doc_class="JUDICIAL_SUBPOENA", facial_check="PASS"),
        )
    with django_assert_max_num_queries(13):
        response = client.get(reverse("records-queue"))
    assert response.content.count(b"Parent notice to send") == 12
    assert AuditEvent.objects.filter(action="records.queue_viewed").count() == 2


def test_a_directory_request_shows_the_items_and_the_districts_notice(world, rita, client_for):
    services.policy_update(
        district=world.north,
        actor=rita,
        values={"directory_categories": ["name", "grade"], "annual_notice_on": None},
    )
    listed = student(world.lincoln)
    form = client_for(rita).get(reverse("records-request-new"))
    assert b"Which directory information?" in form.content
    assert b"Grade level" in form.content
    item = services.request_intake(
        district=world.north,
        actor=rita,
        stated_interest="Criminal case",
        channel="MAIL_OR_FAX",
        requester=Requester(agency="PRIVATE_PARTY", name="A. Reporter"),
        requested=["DIRECTORY_INFORMATION"],
        student=listed,
        directory_items=["name", "address"],
    )
    assert item.status == RecordsRequest.Status.DENIED
    page = client_for(rita).get(reverse("records-request", kwargs={"request_id": item.pk}))
    assert b"Home address" in page.content  # what was asked
    assert b"Grade level" in page.content  # what the notice designates
    assert b"No annual notice is recorded" in page.content
