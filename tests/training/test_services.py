"""Assigning drills, taking them, where each person stands, and a pack revision that reopens a
completed drill."""

import io
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from threshold.accounts.roles import Role
from threshold.audit.models import AuditEvent
from threshold.policies import services as policy_services
from threshold.policies.queries import policy_for
from threshold.protocol import load_pack
from threshold.testing import factories
from threshold.training import bank, queries, services
from threshold.training.models import Assignment, Attempt

from .helpers import assign, start_with, take


def adopt(world, **options):
    return policy_services.pack_adopt(
        district=world.north,
        actor=world.dana,
        pack_id="ct-2025",
        version=load_pack("ct-2025").version,
        options=options,
    )


def test_an_administrator_assigns_a_drill_and_it_is_audited(world):
    assignment = assign(world, schools=[world.lincoln])
    assert list(assignment.schools.all()) == [world.lincoln]
    event = AuditEvent.objects.get(action="training.assignment_created")
    assert event.actor_id == world.dana.pk
    assert event.data["roles"] == ["front_office"]
    assert event.data["schools"] == [str(world.lincoln.pk)]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"roles": ["district_admin"]}, "roles"),
        ({"roles": []}, "roles"),
        ({"days": -1}, "due_on"),
        ({"track": "juggling"}, "track"),
    ],
)
def test_it_refuses_a_bad_assignment_and_writes_nothing(world, change, field):
    with pytest.raises(ValidationError) as error:
        assign(world, **change)
    assert field in error.value.message_dict
    assert not Assignment.objects.exists()
    assert not AuditEvent.objects.filter(action="training.assignment_created").exists()


def test_it_refuses_another_districts_school(world):
    with pytest.raises(ValidationError):
        assign(world, schools=[world.jefferson])
    assert not Assignment.objects.exists()


def test_an_assignment_covers_the_roles_at_the_schools_chosen(world):
    everywhere = assign(world)
    assert set(queries.assignees(everywhere)) == {world.alice, world.bob}
    lincoln_only = assign(world, schools=[world.lincoln])
    assert set(queries.assignees(lincoln_only)) == {world.alice}
    records = factories.staff_with_role(world.north, Role.RECORDS_OFFICER, full_name="Rita Roe")
    for_records = assign(world, track=bank.RECORDS, roles=["records_officer"])
    assert set(queries.assignees(for_records)) == {records}


def test_district_wide_roles_with_chosen_schools_is_refused(world):
    """Records officers hold no school: an assignment for chosen schools would cover nobody in
    that role, silently. It is refused instead."""
    factories.staff_with_role(world.north, Role.RECORDS_OFFICER, full_name="Rita Roe")
    with pytest.raises(ValidationError) as error:
        assign(
            world,
            track=bank.RECORDS,
            roles=["records_officer", "front_office"],
            schools=[world.lincoln],
        )
    assert "schools" in error.value.message_dict
    assert "district office" in error.value.message_dict["schools"][0]
    assert not Assignment.objects.exists()


def test_staff_are_due_then_current_after_passing(world):
    assignment = assign(world, schools=[world.lincoln])
    [standing] = queries.my_standings(world.alice)
    assert standing.state == queries.DUE
    attempt = services.attempt_start(
        user=world.alice, district=world.north, track=assignment.track, assignment=assignment
    )
    assert len(attempt.questions) == assignment.question_count
    take(attempt, world.alice)
    attempt.refresh_from_db()
    assert attempt.passed and attempt.correct == attempt.total
    assert attempt.seconds is not None and attempt.seconds >= 0
    [standing] = queries.my_standings(world.alice)
    assert standing.state == queries.CURRENT and standing.passed == attempt
    completed = AuditEvent.objects.get(action="training.drill_completed")
    assert completed.data["correct"] == attempt.total and completed.data["passed"] is True


def test_a_failed_drill_records_the_score_but_leaves_the_person_due(world):
    assignment = assign(world, schools=[world.lincoln])
    attempt = services.attempt_start(
        user=world.alice, district=world.north, track=assignment.track, assignment=assignment
    )
    take(attempt, world.alice, right=False)
    attempt.refresh_from_db()
    assert attempt.correct == 0 and not attempt.passed and attempt.finished_at
    assert queries.my_standings(world.alice)[0].state == queries.DUE


def test_past_the_due_date_the_person_is_overdue(world):
    assign(world, schools=[world.lincoln], days=1)
    later = timezone.localdate() + timedelta(days=2)
    assert queries.my_standings(world.alice, today=later)[0].state == queries.OVERDUE


def test_it_refuses_answers_that_are_not_the_options_or_a_second_submission(world):
    attempt = services.attempt_start(user=world.alice, district=world.north, track=bank.TEACHER)
    with pytest.raises(ValidationError):
        services.attempt_submit(attempt=attempt, actor=world.alice, answers=["nonsense"])
    with pytest.raises(ValidationError):
        services.attempt_submit(
            attempt=attempt, actor=world.bob, answers=[q["correct"] for q in attempt.questions]
        )
    take(attempt, world.alice)
    with pytest.raises(ValidationError):
        take(attempt, world.alice)


def test_a_drill_taken_while_the_pack_changes_must_be_started_again(world):
    attempt = services.attempt_start(user=world.alice, district=world.north, track=bank.OFFICIAL)
    adopt(world, report_to_board=True)
    with pytest.raises(ValidationError):
        take(attempt, world.alice)
    attempt.refresh_from_db()
    assert attempt.finished_at is None


def test_a_pack_revision_that_changes_a_drill_answer_marks_the_staff_due_again(world):
    """The issue's test: olga completed a drill whose answer the new options change; alice
    completed one whose answers stay the same."""
    official = assign(world, track=bank.OFFICIAL, roles=["designated_official"])
    front = assign(world, track=bank.FRONT_OFFICE, roles=["front_office"])
    before = policy_for(world.north)
    olga_run = start_with(
        world.olga, world.north, official, ["do-state-arrest-where", "do-i138-records"], before
    )
    take(olga_run, world.olga)
    alice_run = start_with(
        world.alice, world.north, front, ["fo-i200-lobby", "fo-no-document-classrooms"], before
    )
    take(alice_run, world.alice)
    assert queries.my_standings(world.olga)[0].state == queries.CURRENT

    adoption = adopt(world, arrest_in_private_office=False)

    olga_run.refresh_from_db()
    assert olga_run.superseded_by == adoption and olga_run.superseded_at is not None
    [standing] = queries.my_standings(world.olga)
    assert standing.state == queries.DUE
    assert standing.superseded == olga_run
    assert standing.due_on == timezone.localdate() + timedelta(days=services.RETAKE_DAYS)
    event = AuditEvent.objects.get(action="training.drill_due_again")
    assert event.data["scenarios"] == ["do-state-arrest-where"]
    assert event.data["user"] == str(world.olga.pk)
    # Alice's answers do not change under the new options: she stays current.
    alice_run.refresh_from_db()
    assert alice_run.superseded_at is None
    assert queries.my_standings(world.alice)[0].state == queries.CURRENT

    # Taking the drill again under the new pack makes olga current again.
    again = services.attempt_start(
        user=world.olga, district=world.north, track=official.track, assignment=official
    )
    take(again, world.olga)
    assert queries.my_standings(world.olga)[0].state == queries.CURRENT


def test_a_revision_that_changes_no_answer_reopens_nothing(world):
    official = assign(world, track=bank.OFFICIAL, roles=["designated_official"])
    run = start_with(
        world.olga, world.north, official, ["do-i138-records"], policy_for(world.north)
    )
    take(run, world.olga)
    adopt(world, community_notice_on_confirmed_presence=True)
    run.refresh_from_db()
    assert run.superseded_at is None
    assert not AuditEvent.objects.filter(action="training.drill_due_again").exists()


def test_a_reopened_drill_keeps_a_later_due_date(world):
    official = assign(world, track=bank.OFFICIAL, roles=["designated_official"], days=60)
    run = start_with(
        world.olga, world.north, official, ["do-state-arrest-where"], policy_for(world.north)
    )
    take(run, world.olga)
    adopt(world, arrest_in_private_office=False)
    assert queries.my_standings(world.olga)[0].due_on == official.due_on


def test_another_districts_adoption_touches_nothing_here(world):
    official = assign(world, track=bank.OFFICIAL, roles=["designated_official"])
    run = start_with(
        world.olga, world.north, official, ["do-state-arrest-where"], policy_for(world.north)
    )
    take(run, world.olga)
    policy_services.pack_adopt(
        district=world.south,
        actor=world.sue,
        pack_id="ct-2025",
        version=load_pack("ct-2025").version,
        options={"arrest_in_private_office": False},
    )
    run.refresh_from_db()
    assert run.superseded_at is None


def test_the_school_report_lists_each_person_with_their_standing(world):
    assignment = assign(world)
    run = services.attempt_start(
        user=world.alice, district=world.north, track=assignment.track, assignment=assignment
    )
    take(run, world.alice)
    lincoln = {row.user: row.state for row in queries.school_report(world.north, world.lincoln)}
    washington = {
        row.user: row.state for row in queries.school_report(world.north, world.washington)
    }
    assert lincoln == {world.alice: queries.CURRENT}
    assert washington == {world.bob: queries.DUE}
    assert queries.school_report(world.north, None) == []


def test_a_closed_assignment_is_no_longer_due(world):
    assignment = assign(world)
    services.assignment_close(assignment=assignment, actor=world.dana)
    assert queries.my_standings(world.alice) == []
    assert Attempt.objects.count() == 0
    assert AuditEvent.objects.filter(action="training.assignment_closed").exists()


def test_a_new_pack_version_that_changes_an_answer_marks_the_staff_due_again(
    world, tmp_path, monkeypatch
):
    """A revision of the pack file itself (version 1.1.0: DHS subpoenas get nothing at all)."""
    from threshold.protocol import pack as pack_module

    shipped = (pack_module.PACKS_DIR / "ct-2025.toml").read_text(encoding="utf-8")
    old_version = load_pack("ct-2025").version
    revised = shipped.replace(f'version = "{old_version}"', 'version = "1.1.0"', 1).replace(
        'STUDENT_RECORDS = { records = "HOLD_FOR_COUNSEL", rule = "i138-counsel-decides" }',
        'STUDENT_RECORDS = { records = "NONE", rule = "i138-counsel-decides" }',
    )
    assert revised.count("1.1.0") == 1 and 'records = "NONE", rule = "i138' in revised
    (tmp_path / f"ct-2025@{old_version}.toml").write_text(shipped, encoding="utf-8")
    (tmp_path / "ct-2025.toml").write_text(revised, encoding="utf-8")
    monkeypatch.setattr(pack_module, "PACKS_DIR", tmp_path)

    policy_services.pack_adopt(
        district=world.north, actor=world.dana, pack_id="ct-2025", version=old_version, options={}
    )
    official = assign(world, track=bank.OFFICIAL, roles=["designated_official"])
    run = start_with(
        world.olga,
        world.north,
        official,
        ["do-i138-records", "do-school-bus"],
        policy_for(world.north),
    )
    take(run, world.olga)
    assert queries.my_standings(world.olga)[0].state == queries.CURRENT

    policy_services.pack_adopt(
        district=world.north, actor=world.dana, pack_id="ct-2025", version="1.1.0", options={}
    )
    assert queries.my_standings(world.olga)[0].state == queries.DUE
    event = AuditEvent.objects.get(action="training.drill_due_again")
    assert event.data["scenarios"] == ["do-i138-records"]


def test_a_retake_asks_first_the_situations_whose_answer_changed(world):
    official = assign(world, track=bank.OFFICIAL, roles=["designated_official"])
    before = policy_for(world.north)
    run = start_with(
        world.olga,
        world.north,
        official,
        ["do-i138-records", "do-school-bus", "do-state-arrest-where"],
        before,
    )
    take(run, world.olga)
    adopt(world, arrest_in_private_office=False)
    run.refresh_from_db()
    assert run.changed_scenarios == ["do-state-arrest-where"]
    for _ in range(3):
        retake = services.attempt_start(
            user=world.olga, district=world.north, track=official.track, assignment=official
        )
        assert retake.questions[0]["scenario"] == "do-state-arrest-where"
        # Under the new options its answer is the other step.
        assert retake.questions[0]["correct"] == "student-per-document"
        assert len({q["scenario"] for q in retake.questions}) == official.question_count
    # A practice run is drawn as usual.
    practice = services.attempt_start(user=world.olga, district=world.north, track=official.track)
    assert len(practice.questions) == services.PRACTICE_QUESTIONS


def test_staff_whose_drill_is_reopened_are_told_by_email(world, smtp_server, run_worker):
    official = assign(world, track=bank.OFFICIAL, roles=["designated_official"], title="Desk")
    run = start_with(
        world.olga, world.north, official, ["do-state-arrest-where"], policy_for(world.north)
    )
    take(run, world.olga)
    adopt(world, arrest_in_private_office=False)
    run_worker()
    [message] = smtp_server.messages
    assert message["To"] == world.olga.email
    assert message["Subject"] == "Due again: Desk"
    body = message.get_payload(decode=True).decode()
    assert "policy changed" in body and "/training/" in body


def test_recheck_after_a_deploy_that_changes_the_pack_under_the_same_version(
    world, tmp_path, monkeypatch, smtp_server, run_worker
):
    """The pack file changes but keeps its version (a fix deployed in place): `threshold
    training recheck` re-answers the completed drills and reopens those that changed."""
    from django.core.management import call_command

    from threshold.protocol import pack as pack_module

    official = assign(world, track=bank.OFFICIAL, roles=["designated_official"])
    run = start_with(
        world.olga,
        world.north,
        official,
        ["do-i138-records", "do-school-bus"],
        policy_for(world.north),
    )
    take(run, world.olga)
    shipped = (pack_module.PACKS_DIR / "ct-2025.toml").read_text(encoding="utf-8")
    revised = shipped.replace(
        'STUDENT_RECORDS = { records = "HOLD_FOR_COUNSEL", rule = "i138-counsel-decides" }',
        'STUDENT_RECORDS = { records = "NONE", rule = "i138-counsel-decides" }',
    )
    assert revised != shipped
    (tmp_path / "ct-2025.toml").write_text(revised, encoding="utf-8")
    monkeypatch.setattr(pack_module, "PACKS_DIR", tmp_path)

    out = io.StringIO()
    call_command("training", "recheck", stdout=out)
    assert "drills due again: 1" in out.getvalue()
    run.refresh_from_db()
    assert run.superseded_at is not None and run.changed_scenarios == ["do-i138-records"]
    assert queries.my_standings(world.olga)[0].state == queries.DUE
    event = AuditEvent.objects.get(action="training.drill_due_again")
    assert event.actor is None and event.data["scenarios"] == ["do-i138-records"]
    run_worker()
    assert [m["To"] for m in smtp_server.messages] == [world.olga.email]
    # Nothing more on a second run.
    out = io.StringIO()
    call_command("training", "recheck", stdout=out)
    assert "drills due again: 0" in out.getvalue()
