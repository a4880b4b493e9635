"""The rest of the officer visit: the student concerned (looked up only by officials allowed to
see students), an officer who refuses identification, the outcome (granted, denied, taken under
protest, never consent), the records intake, the incident report and the district's list."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from tests.notify.helpers import superintendent
from tests.records.conftest import student as make_student
from tests.watchlists.helpers import queued_mail
from threshold.audit.models import AuditEvent
from threshold.encounters import guidance, students
from threshold.encounters.documents import review_document
from threshold.encounters.models import Encounter, EncounterDocument, EncounterReport
from threshold.encounters.outcome import record_outcome
from threshold.encounters.report import render
from threshold.encounters.services import close_encounter, record_step, start_encounter
from threshold.records.models import DisclosureEntry, RecordsRequest


@pytest.fixture
def encounter(world):
    return start_encounter(school=world.lincoln, actor=world.alice)


def official_url(encounter):
    return reverse("encounters-official", kwargs={"encounter_id": encounter.pk})


def add_document(encounter, actor, doc_type, facial="NOT_APPLICABLE"):
    document = EncounterDocument.objects.create(
        encounter=encounter,
        added_by=actor,
        text="typed",
        findings={"findings": [{"result": "PASS", "text": "signed"}]},
        doc_type=doc_type,
        facial_check=facial,
        nondisclosure="NONE",
    )
    return review_document(
        document=document,
        actor=actor,
        doc_type=doc_type,
        facial_check=facial,
        nondisclosure="NONE",
    )


# 1. The student concerned ----------------------------------------------------------------------


def test_the_official_finds_a_student_of_this_school_only(world, client_for, encounter):
    maria = make_student(world.lincoln, given_name="Maria", family_name="Lopez")
    make_student(world.washington, given_name="Mario", family_name="Lopez")  # another school
    make_student(world.lincoln, given_name="Maria", family_name="Gone", is_active=False)
    url = reverse("encounters-student-search", kwargs={"encounter_id": encounter.pk})
    response = client_for(world.olga).get(url, {"q": "lopez"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Maria Lopez" in page and "Mario" not in page and "Gone" not in page
    event = AuditEvent.objects.get(action="encounter.student_searched")
    assert event.data == {"found": 1}  # how many, never what was typed
    by_number = client_for(world.olga).get(url, {"q": maria.local_id}).content.decode()
    assert "Maria Lopez" in by_number
    # No browsing: a query of fewer than two characters lists nobody.
    short = client_for(world.olga).get(url, {"q": "l"})
    assert short.status_code == 422 and "Maria" not in short.content.decode()


def test_the_desk_never_looks_a_student_up(world, client_for, encounter):
    make_student(world.lincoln, given_name="Maria", family_name="Lopez")
    url = reverse("encounters-student-search", kwargs={"encounter_id": encounter.pk})
    assert client_for(world.alice).get(url, {"q": "lopez"}).status_code == 403
    link = reverse("encounters-student-link", kwargs={"encounter_id": encounter.pk})
    assert client_for(world.alice).post(link, {"student": "x"}).status_code == 403
    # Another school's official: not found.
    assert client_for(world.bob).get(url, {"q": "lopez"}).status_code in (403, 404)
    desk = client_for(world.alice).get(
        reverse("encounters-desk", kwargs={"encounter_id": encounter.pk})
    )
    assert "student-lookup" not in desk.content.decode()
    with pytest.raises(PermissionDenied):
        students.search(encounter=encounter, actor=world.alice, query="lopez")


def test_linking_the_student_sets_the_subject_and_the_desk_does_not_see_it(
    world, client_for, encounter
):
    maria = make_student(world.lincoln, given_name="Maria", family_name="Lopez")
    record_step(
        encounter=encounter,
        actor=world.alice,
        step="subject",
        values={"subject": "STUDENT", "subject_name": "Maria L."},
    )
    link = reverse("encounters-student-link", kwargs={"encounter_id": encounter.pk})
    response = client_for(world.olga).post(link, {"student": str(maria.pk)})
    assert response.status_code == 302
    encounter.refresh_from_db()
    assert encounter.student == maria and encounter.subject == "STUDENT"
    assert encounter.facts["student"]["directory_opt_out"] is False
    event = AuditEvent.objects.get(action="encounter.student_linked")
    assert event.data["student"] == str(maria.pk)
    official = client_for(world.olga).get(official_url(encounter)).content.decode()
    assert "Maria Lopez" in official
    desk = (
        client_for(world.alice)
        .get(reverse("encounters-desk", kwargs={"encounter_id": encounter.pk}))
        .content.decode()
    )
    assert "Maria L." in desk  # the name the officer gave, as the desk wrote it
    assert "Maria Lopez" not in desk and maria.local_id not in desk
    # A student of another school cannot be linked.
    other = make_student(world.washington, given_name="Ana", family_name="Other")
    assert client_for(world.olga).post(link, {"student": str(other.pk)}).status_code == 404


# 2. An officer who refuses identification ------------------------------------------------------


def test_refusing_identification_is_an_unidentified_visitor(world, client_for, encounter):
    record_step(
        encounter=encounter,
        actor=world.alice,
        step="identification",
        values={
            "agency": "IMMIGRATION",
            "officer_name": "",
            "officer_badge": "",
            "officer_phone": "",
            "card_kept": False,
            "refused": ["NAME", "BADGE_OR_ID_NUMBER"],
        },
    )
    encounter.refresh_from_db()
    assert encounter.unidentified
    assert encounter.facts["requester"]["agency"] == "UNVERIFIED"
    assert AuditEvent.objects.filter(action="encounter.unidentified_visitor").count() == 1
    decision = guidance.decision_for(encounter)
    assert decision.access.value == "PUBLIC_ONLY"
    assert any("verify who you are" in words for words in decision.say)
    page = (
        client_for(world.alice)
        .get(reverse("encounters-desk", kwargs={"encounter_id": encounter.pk}))
        .content.decode()
    )
    assert "An unidentified visitor" in page
    assert "I need to verify who you are" in page
    # The pack's words in Spanish, too.
    assert "Necesito verificar quién es usted" in page


# 3. The outcome --------------------------------------------------------------------------------


def ask(encounter, actor, requests, place="NOT_APPLICABLE", agency="IMMIGRATION"):
    record_step(
        encounter=encounter,
        actor=actor,
        step="identification",
        values={
            "agency": agency,
            "officer_name": "D. Agent",
            "officer_badge": "4471",
            "officer_phone": "",
            "card_kept": True,
            "refused": [],
        },
    )
    record_step(
        encounter=encounter,
        actor=actor,
        step="request",
        values={"requests": requests, "place": place, "purpose": "to see a student"},
    )


def test_a_grant_the_pack_forbids_is_refused_and_nothing_changes(world, encounter):
    ask(encounter, world.alice, ["ACCESS_STUDENT"])
    add_document(encounter, world.olga, "ADMIN_WARRANT_I200")
    with pytest.raises(ValidationError) as refused:
        record_outcome(encounter=encounter, actor=world.olga, results={"ACCESS_STUDENT": "granted"})
    assert "ACCESS_STUDENT" in refused.value.message_dict
    encounter.refresh_from_db()
    assert encounter.outcome == ""
    assert not AuditEvent.objects.filter(action="encounter.outcome_recorded").exists()
    done = record_outcome(
        encounter=encounter, actor=world.olga, results={"ACCESS_STUDENT": "denied"}
    )
    assert done.outcome == Encounter.Outcome.DENIED


def test_under_protest_needs_time_route_and_staff_and_is_never_consent(world, encounter):
    ask(encounter, world.alice, ["ENTER_NONPUBLIC_AREA"], place="NONPUBLIC_AREA")
    with pytest.raises(ValidationError) as missing:
        record_outcome(
            encounter=encounter,
            actor=world.olga,
            results={"ENTER_NONPUBLIC_AREA": "under_protest"},
        )
    assert {"protest_at", "protest_route", "staff_present"} <= set(missing.value.message_dict)
    went = timezone.now() - timedelta(seconds=30)
    done = record_outcome(
        encounter=encounter,
        actor=world.olga,
        results={"ENTER_NONPUBLIC_AREA": "under_protest"},
        protest_at=went,
        protest_route="Main office, then hallway B",
        staff_present="Olga Official, Alice Front",
        witnesses=["Pat Teacher", " ", "Lee Custodian"],
    )
    assert done.outcome == Encounter.Outcome.UNDER_PROTEST
    assert done.results == {"ENTER_NONPUBLIC_AREA": "under_protest"}
    assert done.witnesses == ["Pat Teacher", "Lee Custodian"]
    assert done.facts["proceeds_without_consent"] is True
    decision = guidance.decision_for(done)
    assert decision.access.value == "NO_CONSENT_DO_NOT_OBSTRUCT"
    event = AuditEvent.objects.get(action="encounter.outcome_recorded")
    assert event.data["under_protest"] is True and event.data["witnesses"] == 2
    assert "granted" not in event.data["results"].values()
    assert "Pat" not in str(event.data)


def test_a_warrant_seizure_of_records_goes_through_the_records_intake(world, encounter):
    maria = make_student(world.lincoln, given_name="Maria", family_name="Lopez")
    ask(
        encounter,
        world.alice,
        ["ENTER_NONPUBLIC_AREA", "STUDENT_RECORDS"],
        place="NONPUBLIC_AREA",
        agency="FEDERAL_LAW_ENFORCEMENT",
    )
    record_step(
        encounter=encounter,
        actor=world.alice,
        step="subject",
        values={"subject": "STUDENT", "subject_name": "Maria Lopez"},
    )
    students.link(encounter=encounter, actor=world.olga, student_id=maria.pk)
    add_document(encounter, world.olga, "JUDICIAL_SEARCH_WARRANT", "PASS")
    encounter.refresh_from_db()
    assert guidance.decision_for(encounter).records.value == "SEIZED_UNDER_WARRANT"
    done = record_outcome(
        encounter=encounter,
        actor=world.olga,
        results={"ENTER_NONPUBLIC_AREA": "granted", "STUDENT_RECORDS": "granted"},
        staff_present="Olga Official",
        records_taken="The cumulative file of the student named in the warrant",
    )
    request = RecordsRequest.objects.get()
    assert done.records_request == request
    assert request.records_outcome == "SEIZED_UNDER_WARRANT"
    assert request.student == maria and request.channel == "IN_PERSON"
    assert request.status == RecordsRequest.Status.DISCLOSED
    kinds = set(DisclosureEntry.objects.filter(student=maria).values_list("kind", flat=True))
    assert kinds == {"request", "disclosure"}
    assert AuditEvent.objects.filter(action="encounter.records_request_made").count() == 1
    # Recording the outcome again does not make a second request.
    record_outcome(
        encounter=done,
        actor=world.olga,
        results={"ENTER_NONPUBLIC_AREA": "granted", "STUDENT_RECORDS": "granted"},
        staff_present="Olga Official",
        records_taken="The cumulative file",
    )
    assert RecordsRequest.objects.count() == 1


def test_the_outcome_form_on_the_official_screen(world, client_for, encounter):
    ask(encounter, world.alice, ["ACCESS_STUDENT"])
    url = reverse("encounters-outcome", kwargs={"encounter_id": encounter.pk})
    bad = client_for(world.olga).post(url, {"result_ACCESS_STUDENT": "under_protest"})
    assert bad.status_code == 422
    assert "Write down where the officer went." in bad.content.decode()
    ok = client_for(world.olga).post(
        url, {"result_ACCESS_STUDENT": "denied", "staff_present": "Olga", "witnesses": "Pat\nLee"}
    )
    assert ok.status_code == 302
    encounter.refresh_from_db()
    assert encounter.outcome == "denied" and encounter.witnesses == ["Pat", "Lee"]
    # The desk records and waits: no outcome from there.
    assert client_for(world.alice).post(url, {"result_ACCESS_STUDENT": "denied"}).status_code == 403


# 4. The report and the district's list ---------------------------------------------------------


def test_closing_writes_the_report_and_sends_a_link_only(
    world, encounter, django_capture_on_commit_callbacks
):
    boss = superintendent(world)
    ask(encounter, world.alice, ["ACCESS_STUDENT"])
    add_document(encounter, world.olga, "ADMIN_WARRANT_I200")
    record_outcome(encounter=encounter, actor=world.olga, results={"ACCESS_STUDENT": "denied"})
    with django_capture_on_commit_callbacks(execute=True):
        close_encounter(encounter=encounter, actor=world.olga)
    report = EncounterReport.objects.get(encounter=encounter)
    pdf = bytes(report.pdf)
    assert pdf.startswith(b"%PDF") and len(pdf) > 2000
    event = AuditEvent.objects.get(action="encounter.report_written")
    assert set(event.data["sent_to"]) == {str(boss.pk), str(world.carl.pk)}
    report_mail = [m for m in queued_mail() if "report" in m[1].lower()]
    assert len(report_mail) == 1
    to, _subject, body = report_mail[0]
    assert set(to) == {boss.email, world.carl.email}
    assert f"/encounters/{encounter.pk}/report/" in body
    assert "D. Agent" not in body and "4471" not in body and "%PDF" not in body


def test_the_report_pdf_holds_the_record(world, encounter):
    ask(encounter, world.alice, ["ENTER_NONPUBLIC_AREA"], place="NONPUBLIC_AREA")
    record_outcome(
        encounter=encounter,
        actor=world.olga,
        results={"ENTER_NONPUBLIC_AREA": "under_protest"},
        protest_at=timezone.now(),
        protest_route="Hallway B",
        staff_present="Olga Official",
        witnesses=["Pat Teacher"],
    )
    close_encounter(encounter=encounter, actor=world.olga)
    pdf, written = render(Encounter.objects.get(pk=encounter.pk))
    assert pdf.startswith(b"%PDF")
    text = " ".join(written)
    for expected in (
        "D. Agent",
        "4471",
        "Taken under protest",
        "Hallway B",
        "Pat Teacher",
        "Timeline",
        "Officer at the door: encounter started",
    ):
        assert expected in text, expected


def test_the_district_list_and_report_are_scoped_and_audited(world, client_for, encounter):
    close_encounter(encounter=encounter, actor=world.alice)
    other = start_encounter(school=world.washington, actor=world.bob)
    url = reverse("encounters-list")
    page = client_for(world.dana).get(url).content.decode()
    assert str(encounter.pk) in page and str(other.pk) in page
    filtered = client_for(world.dana).get(url, {"school": str(world.lincoln.pk), "state": "closed"})
    assert str(encounter.pk) in filtered.content.decode()
    assert str(other.pk) not in filtered.content.decode()
    bad = client_for(world.dana).get(url, {"since": "yesterday"})
    assert bad.status_code == 422
    # A school's official sees their own school only; the desk and other districts nothing.
    own = client_for(world.olga).get(url).content.decode()
    assert str(encounter.pk) in own and str(other.pk) not in own
    assert client_for(world.alice).get(url).status_code == 403
    detail = reverse("encounters-report", kwargs={"encounter_id": encounter.pk})
    assert client_for(world.sue).get(detail).status_code == 404
    assert client_for(world.dana).get(detail).status_code == 200
    pdf = client_for(world.carl).get(
        reverse("encounters-report-pdf", kwargs={"encounter_id": encounter.pk})
    )
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {
        "encounter.list_viewed",
        "encounter.report_viewed",
        "encounter.report_downloaded",
    } <= actions


@pytest.mark.django_db(transaction=True)
def test_a_report_that_fails_does_not_keep_the_encounter_open(world, run_worker, monkeypatch):
    from threshold.encounters import report as report_module

    encounter = start_encounter(school=world.lincoln, actor=world.alice)
    real = report_module.render

    def broken(found):
        raise OSError("disk full")

    monkeypatch.setattr(report_module, "render", broken)
    close_encounter(encounter=encounter, actor=world.olga)
    encounter.refresh_from_db()
    assert encounter.state == "closed"
    assert not EncounterReport.objects.exists()

    monkeypatch.setattr(report_module, "render", real)
    run_worker()  # the worker writes it
    assert EncounterReport.objects.filter(encounter=encounter).count() == 1
    assert AuditEvent.objects.filter(action="encounter.report_written").count() == 1


def test_the_list_reads_in_a_fixed_number_of_queries(
    world, client_for, django_assert_max_num_queries
):
    for _ in range(3):
        close_encounter(
            encounter=start_encounter(school=world.lincoln, actor=world.alice), actor=world.alice
        )
    client = client_for(world.dana)
    client.get(reverse("encounters-list"))  # warm the session and the roles
    with django_assert_max_num_queries(20) as few:
        client.get(reverse("encounters-list"))
    for _ in range(10):
        start_encounter(school=world.washington, actor=world.bob)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(reverse("encounters-list")).status_code == 200


def test_a_spanish_screen_reads_the_pack_in_spanish_with_the_english_beside(
    world, client_for, encounter
):
    client = client_for(world.alice)
    client.cookies["django_language"] = "es"
    page = client.get(
        reverse("encounters-desk", kwargs={"encounter_id": encounter.pk})
    ).content.decode()
    spanish = '<blockquote class="say" lang="es">“Por favor, espere aquí.'
    english = '<blockquote class="say" lang="en">“Please wait here.'
    assert spanish in page and english in page
    assert page.index(spanish) < page.index(english)
    assert "Las mismas palabras en" in page
