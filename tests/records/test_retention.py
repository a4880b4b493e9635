"""Students who left longer ago than the district keeps their records are purged, with their
record of disclosures; the chain records how many, never whom."""

from datetime import date, timedelta

from django.core.management import call_command
from django.utils import timezone

from threshold.audit.models import AuditEvent
from threshold.records import services
from threshold.records.models import DisclosureEntry, Student
from threshold.records.retention import purge_students
from threshold.records.services import Requester

from .conftest import student


def test_it_purges_students_past_the_districts_period_only(world, rita):
    today = timezone.localdate()
    long_gone = student(world.lincoln, is_active=False, left_on=today - timedelta(days=6 * 366))
    recent = student(world.lincoln, is_active=False, left_on=today - timedelta(days=300))
    enrolled = student(world.lincoln)
    services.request_intake(
        district=world.north,
        actor=rita,
        stated_interest="Criminal case",
        channel="PHONE",
        requester=Requester(agency="IMMIGRATION"),
        requested=["STUDENT_RECORDS"],
        student=long_gone,
    )
    assert DisclosureEntry.objects.filter(student=long_gone).exists()
    assert purge_students() == 1
    assert set(Student.objects.values_list("pk", flat=True)) == {recent.pk, enrolled.pk}
    assert not DisclosureEntry.objects.exists()
    event = AuditEvent.objects.get(action="records.students_purged")
    assert event.data == {"students": 1}


def test_a_longer_period_keeps_them(world, rita):
    services.policy_update(district=world.north, actor=rita, values={"retention_years": 10})
    student(world.lincoln, is_active=False, left_on=date.today() - timedelta(days=6 * 366))
    assert purge_students() == 0


def test_the_daily_purge_includes_students(world, capsys):
    call_command("purge")
    assert "students: 0 removed" in capsys.readouterr().out


def test_a_student_with_an_open_request_is_kept(world, rita):
    from threshold.records.services import PresentedDocument

    today = timezone.localdate()
    long_gone = student(world.lincoln, is_active=False, left_on=today - timedelta(days=6 * 366))
    from .conftest import guardian

    guardian(long_gone)
    services.request_intake(
        district=world.north,
        actor=rita,
        stated_interest="Criminal case",
        channel="MAIL_OR_FAX",
        requester=Requester(agency="STATE_OR_LOCAL_POLICE", name="Det. Ruiz"),
        requested=["STUDENT_RECORDS"],
        student=long_gone,
        document=PresentedDocument(doc_class="JUDICIAL_SUBPOENA", facial_check="PASS"),
    )
    assert purge_students() == 0
    assert Student.objects.filter(pk=long_gone.pk).exists()


def test_a_students_record_of_disclosures_cannot_be_deleted_by_accident(world, rita):
    import pytest
    from django.db.models import ProtectedError

    gone = student(world.lincoln)
    services.request_intake(
        district=world.north,
        actor=rita,
        stated_interest="Criminal case",
        channel="PHONE",
        requester=Requester(agency="IMMIGRATION"),
        requested=["STUDENT_RECORDS"],
        student=gone,
    )
    with pytest.raises(ProtectedError):
        gone.delete()
