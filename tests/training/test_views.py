"""The training pages: what is due, taking a drill, assignments, the report and its CSV, the
certificate and the specimens; each with its access checks."""

import csv
import io
from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from threshold.audit.models import AuditEvent
from threshold.policies.queries import policy_for
from threshold.training import bank, questions, services
from threshold.training.models import Assignment, Attempt

from .helpers import assign, take


def test_staff_see_what_is_due_on_the_home_page_and_in_the_menu(world, client_for):
    assign(world, schools=[world.lincoln], title="Front desk refresher")
    page = client_for(world.alice).get(reverse("home")).content.decode()
    assert "Training: 1 drill due" in page
    assert f'href="{reverse("training-home")}"' in page
    training = client_for(world.alice).get(reverse("training-home")).content.decode()
    assert "Front desk refresher" in training and "Start the drill" in training


def test_someone_not_covered_sees_no_assignment(world, client_for):
    assign(world, schools=[world.lincoln])
    page = client_for(world.bob).get(reverse("training-home")).content.decode()
    assert "No drill is assigned to you right now." in page
    assert "Training drills" in client_for(world.bob).get(reverse("home")).content.decode()


def test_taking_a_drill_from_start_to_results(world, client_for):
    assignment = assign(world, schools=[world.lincoln])
    client = client_for(world.alice)
    response = client.post(reverse("training-start"), {"assignment": str(assignment.pk)})
    attempt = Attempt.objects.get(user=world.alice)
    assert response.url == reverse("training-attempt", args=[attempt.pk])
    page = client.get(response.url).content.decode()
    assert "Question 1 of 6" in page and "Save and go on" in page
    assert "Question 2 of 6" not in page  # one question per page
    assert "not been signed off" in page  # the pack in force is not reviewed yet
    # No answer chosen: 422, nothing kept.
    assert client.post(response.url, {"question": "0"}).status_code == 422
    for index, question in enumerate(attempt.questions):
        last = index == len(attempt.questions) - 1
        data = {"question": str(index), "answer": question["correct"]}
        data["send" if last else "next"] = "1"
        done = client.post(response.url, data)
        assert done.status_code == 302
        if not last:
            assert done.url.endswith(f"?q={index + 2}")
    results = client.get(response.url).content.decode()
    assert "6 of 6 right (100%)" in results
    assert "The pack&#x27;s answer" in results or "The pack's answer" in results
    assert "Why:" in results
    # Every wrong option says where the pack gives it instead; the terms used are explained.
    assert results.count("Not here: the pack gives this only in other situations") >= 6
    assert "Words used in the drills" in results and "Surface checks" in results
    assert "Download the certificate (PDF)" in results
    attempt.refresh_from_db()
    assert attempt.passed


def test_a_drill_page_shows_the_specimen_and_its_text(world, client_for):
    attempt = services.attempt_start(user=world.olga, district=world.north, track=bank.OFFICIAL)
    with_doc = next(q for q in attempt.questions if bank.BY_ID[q["scenario"]].specimen is not None)
    key = questions.specimen_key(bank.BY_ID[with_doc["scenario"]], policy_for(world.north).pack)
    number = attempt.questions.index(with_doc) + 1
    url = reverse("training-attempt", args=[attempt.pk])
    page = client_for(world.olga).get(f"{url}?q={number}")
    assert reverse("training-specimen", args=[key]) in page.content.decode()
    assert "TRAINING SPECIMEN - NOT A REAL DOCUMENT" in page.content.decode()


def test_every_question_with_a_document_says_where_and_when_it_happens(world, client_for):
    """Answers depend on the school, its address, the date and the hour (an expired warrant,
    another school's address, a ten-day window): the drill says them."""
    from threshold.training import specimens

    attempt = services.attempt_start(user=world.olga, district=world.north, track=bank.OFFICIAL)
    attempt.questions = [
        questions.stored_question(bank.BY_ID[sid], policy_for(world.north))
        for sid in (
            "do-federal-search-expired",
            "do-federal-search-other-school",
            "do-i138-records",
        )
    ]
    attempt.save(update_fields=["questions"])
    url = reverse("training-attempt", args=[attempt.pk])
    client = client_for(world.olga)
    text = "".join(client.get(f"{url}?q={n}").content.decode() for n in (1, 2, 3))
    for key in (
        "search-federal-expired_US-CT",
        "search-federal-premises_US-CT",
        "i138_US-CT",
    ):
        item = specimens.specimen(key)
        when = item.presented_at
        assert f"You work at {item.school}, {item.address}." in text, key
        assert f" on {when:%A}, " in text and f"{when.day}, {when.year}." in text, key
    # The results page says it too.
    services.attempt_submit(
        attempt=attempt, actor=world.olga, answers=[q["correct"] for q in attempt.questions]
    )
    results = client_for(world.olga).get(reverse("training-attempt", args=[attempt.pk]))
    assert "You work at Northgate Intermediate School" in results.content.decode()
    image = client_for(world.olga).get(reverse("training-specimen", args=[key]))
    assert image.status_code == 200 and image["Content-Type"] == "image/png"


def test_an_unknown_specimen_is_not_found(world, client_for):
    url = reverse("training-specimen", args=["no-such-thing"])
    assert client_for(world.alice).get(url).status_code == 404


def test_practice_is_open_to_every_role(world, client_for):
    for persona in (world.alice, world.carl, world.aaron, world.dana):
        client = client_for(persona)
        response = client.post(reverse("training-start"), {"track": bank.RECORDS})
        assert response.status_code == 302, persona
    assert Attempt.objects.filter(assignment=None).count() == 4


def test_someone_elses_drill_is_not_found(world, client_for):
    attempt = services.attempt_start(user=world.alice, district=world.north, track=bank.TEACHER)
    take(attempt, world.alice)
    for name in ("training-attempt", "training-certificate"):
        url = reverse(name, args=[attempt.pk])
        assert client_for(world.bob).get(url).status_code == 404
        assert client_for(world.sam).get(url).status_code == 404


def test_starting_an_assignment_that_does_not_cover_you_is_not_found(world, client_for):
    assignment = assign(world, schools=[world.lincoln])
    response = client_for(world.bob).post(
        reverse("training-start"), {"assignment": str(assignment.pk)}
    )
    assert response.status_code == 404
    response = client_for(world.sam).post(
        reverse("training-start"), {"assignment": str(assignment.pk)}
    )
    assert response.status_code == 404


def test_no_certificate_for_practice_or_for_a_reopened_completion(world, client_for):
    practice = services.attempt_start(user=world.alice, district=world.north, track=bank.TEACHER)
    take(practice, world.alice)
    client = client_for(world.alice)
    assert client.get(reverse("training-certificate", args=[practice.pk])).status_code == 404
    assert (
        "Download the certificate"
        not in client.get(reverse("training-attempt", args=[practice.pk])).content.decode()
    )
    assignment = assign(world, schools=[world.lincoln])
    run = services.attempt_start(
        user=world.alice, district=world.north, track=assignment.track, assignment=assignment
    )
    take(run, world.alice)
    url = reverse("training-certificate", args=[run.pk])
    assert client.get(url).status_code == 200
    Attempt.objects.filter(pk=run.pk).update(superseded_at=timezone.now())
    assert client.get(url).status_code == 404
    results = client.get(reverse("training-attempt", args=[run.pk])).content.decode()
    assert "Download the certificate" not in results


def test_the_certificate_is_a_pdf_for_a_passed_drill_only(world, client_for):
    assignment = assign(world, schools=[world.lincoln])
    attempt = services.attempt_start(
        user=world.alice, district=world.north, track=assignment.track, assignment=assignment
    )
    url = reverse("training-certificate", args=[attempt.pk])
    assert client_for(world.alice).get(url).status_code == 404  # not taken yet
    take(attempt, world.alice)
    response = client_for(world.alice).get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert AuditEvent.objects.filter(action="training.certificate_downloaded").exists()


def test_an_administrator_assigns_from_the_page(world, client_for):
    client = client_for(world.dana)
    assert client.get(reverse("training-assignments")).status_code == 200
    due = (timezone.localdate() + timedelta(days=14)).isoformat()
    response = client.post(
        reverse("training-assignments"),
        {
            "track": bank.FRONT_OFFICE,
            "title": "",
            "roles": ["front_office"],
            "schools": [str(world.lincoln.pk)],
            "due_on": due,
            "question_count": "5",
            "pass_mark": "80",
        },
    )
    assert response.status_code == 302
    assignment = Assignment.objects.get()
    assert assignment.title == "Front office drill"
    assert assignment.question_count == 5
    page = client.get(response.url).content.decode()
    assert "The drill is assigned: 1 person is covered." in page


def test_assigning_records_officers_to_chosen_schools_is_a_clear_error(world, client_for):
    client = client_for(world.dana)
    due = (timezone.localdate() + timedelta(days=14)).isoformat()
    response = client.post(
        reverse("training-assignments"),
        {
            "track": bank.RECORDS,
            "roles": ["records_officer"],
            "schools": [str(world.lincoln.pk)],
            "due_on": due,
            "question_count": "5",
            "pass_mark": "80",
        },
    )
    assert response.status_code == 422
    assert "Records officers work at the district office" in response.content.decode()
    assert not Assignment.objects.exists()


def test_a_bad_assignment_form_is_422_and_keeps_what_was_typed(world, client_for):
    response = client_for(world.dana).post(
        reverse("training-assignments"),
        {"track": bank.FRONT_OFFICE, "title": "Kept", "roles": [], "due_on": "2001-01-01"},
    )
    assert response.status_code == 422
    assert 'value="Kept"' in response.content.decode()
    assert not Assignment.objects.exists()


def test_only_administrators_assign_and_close(world, client_for):
    assignment = assign(world)
    for persona in (world.alice, world.olga, world.pete, world.carl, world.oscar):
        client = client_for(persona)
        assert client.get(reverse("training-assignments")).status_code == 403, persona
        url = reverse("training-assignment-close", args=[assignment.pk])
        assert client.post(url).status_code == 403, persona
    # Another district's administrator does not find it.
    url = reverse("training-assignment-close", args=[assignment.pk])
    assert client_for(world.sue).post(url).status_code == 404
    assignment.refresh_from_db()
    assert assignment.is_active


def test_the_report_shows_each_schools_staff_and_downloads_as_csv(world, client_for):
    assignment = assign(world, title="Desk drill")
    attempt = services.attempt_start(
        user=world.alice, district=world.north, track=assignment.track, assignment=assignment
    )
    take(attempt, world.alice)
    client = client_for(world.dana)
    page = client.get(reverse("training-report"), {"school": str(world.lincoln.pk)})
    text = page.content.decode()
    assert "Alice Adams" in text and "Current" in text and "Bob Brown" not in text
    export = client.post(reverse("training-report-export"), {"school": str(world.washington.pk)})
    assert export["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(export.content.decode())))
    assert [(r["name"], r["drill"], r["state"]) for r in rows] == [
        ("Bob Brown", "Desk drill", "Due")
    ]
    assert AuditEvent.objects.filter(action="training.report_viewed").exists()
    assert AuditEvent.objects.filter(action="training.report_exported").exists()


def test_a_principal_reads_their_own_schools_report_only(world, client_for):
    client = client_for(world.pete)
    assert client.get(reverse("training-report")).status_code == 200
    other = client.get(reverse("training-report"), {"school": str(world.washington.pk)})
    assert other.status_code == 404
    assert client.get(reverse("training-report"), {"school": "district"}).status_code == 404
    outside = client.get(reverse("training-report"), {"school": str(world.jefferson.pk)})
    assert outside.status_code == 404


def test_front_office_staff_do_not_read_the_report(world, client_for):
    for persona in (world.alice, world.olga, world.oscar):
        assert client_for(persona).get(reverse("training-report")).status_code == 403
        response = client_for(persona).post(reverse("training-report-export"))
        assert response.status_code == 403


def test_the_report_page_does_not_grow_queries_with_staff(world, client_for):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from threshold.accounts.roles import Role
    from threshold.testing import factories

    assignment = assign(world)
    client = client_for(world.dana)
    url = reverse("training-report")

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url, {"school": str(world.lincoln.pk)}).status_code == 200
        return len(queries)

    count()
    few = count()
    for n in range(10):
        person = factories.staff_with_role(
            world.north, Role.FRONT_OFFICE, school=world.lincoln, full_name=f"Desk {n}"
        )
        run = services.attempt_start(
            user=person, district=world.north, track=assignment.track, assignment=assignment
        )
        take(run, person)
    assert count() == few


def test_adopting_a_pack_on_the_page_says_how_many_drills_must_be_retaken(world, client_for):
    from threshold.policies.queries import policy_for
    from threshold.protocol import load_pack

    from .helpers import start_with

    official = assign(world, track=bank.OFFICIAL, roles=["designated_official"])
    run = start_with(
        world.olga, world.north, official, ["do-state-arrest-where"], policy_for(world.north)
    )
    take(run, world.olga)
    ref = load_pack("ct-2025").ref
    options = dict.fromkeys(
        [
            "notify_parent_when_student_sought",
            "bus_stop_is_public",
            "directory_information_to_law_enforcement",
            "emergency_contact_when_parent_detained",
        ],
        "on",
    )
    response = client_for(world.dana).post(
        reverse("policy-adopt", args=[ref]), options, follow=True
    )
    assert "1 completed drill has a different answer under this policy" in response.content.decode()


def test_a_drill_is_answered_one_question_at_a_time_and_kept(world, client_for):
    attempt = services.attempt_start(user=world.alice, district=world.north, track=bank.TEACHER)
    client = client_for(world.alice)
    url = reverse("training-attempt", args=[attempt.pk])
    first, second = attempt.questions[0], attempt.questions[1]
    wrong = next(k for k in first["options"] if k != first["correct"])
    assert client.post(url, {"question": "0", "answer": wrong, "next": "1"}).status_code == 302
    # Leaving and coming back: the answer is kept, and the drill opens at the next question.
    attempt.refresh_from_db()
    assert services.saved_answers(attempt)[0] == wrong
    page = client.get(url).content.decode()
    assert "Question 2 of 6" in page and "1 of 6 answered" in page
    assert f'value="{wrong}" checked' in client.get(url + "?q=1").content.decode()
    # Changing an answer replaces it.
    client.post(url, {"question": "0", "answer": first["correct"], "next": "1"})
    attempt.refresh_from_db()
    assert services.saved_answers(attempt)[0] == first["correct"]
    # Sending with questions unanswered names them, and grades nothing.
    response = client.post(url, {"question": "1", "answer": second["correct"], "send": "1"})
    assert response.status_code == 422
    assert "Questions 3, 4, 5, 6 have no answer yet." in response.content.decode()
    attempt.refresh_from_db()
    assert attempt.finished_at is None
    # An answer that is not one of the options is refused.
    response = client.post(url, {"question": "2", "answer": "nonsense", "next": "1"})
    assert response.status_code == 422
    # Someone else cannot answer it.
    assert client_for(world.bob).post(url, {"question": "2", "answer": "x"}).status_code == 404


def test_a_drill_with_a_withdrawn_situation_still_opens(world, client_for):
    """A scenario taken out of the bank (as an answer that taught the wrong thing was): a
    finished drill's results show the others; a drill in progress must be started again."""
    done = services.attempt_start(user=world.alice, district=world.north, track=bank.TEACHER)
    take(done, world.alice)
    withdrawn = {**done.questions[0], "scenario": "do-imminent-danger-records"}
    Attempt.objects.filter(pk=done.pk).update(questions=[withdrawn, *done.questions[1:]])
    client = client_for(world.alice)
    page = client.get(reverse("training-attempt", args=[done.pk]))
    assert page.status_code == 200
    assert "1 question of this drill is no longer in the drills" in page.content.decode()
    open_run = services.attempt_start(user=world.alice, district=world.north, track=bank.TEACHER)
    Attempt.objects.filter(pk=open_run.pk).update(questions=[withdrawn, *open_run.questions[1:]])
    response = client.get(reverse("training-attempt", args=[open_run.pk]), follow=True)
    assert "no longer in the drills: start it again" in response.content.decode()
