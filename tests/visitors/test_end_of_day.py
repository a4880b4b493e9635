"""End of the school day: visitors still signed in are signed out, and reported."""

from datetime import UTC, datetime, time, timedelta

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from threshold.audit.models import AuditEvent
from threshold.testing import factories
from threshold.visitors import clock
from threshold.visitors.models import Visit, VisitorSettings
from threshold.visitors.services import sign_out_end_of_day

# 2025-06-02 is a Monday; New York is four hours behind UTC in June.
MORNING = datetime(2025, 6, 2, 12, 0, tzinfo=UTC)  # 8:00 in New York
DAY_END = datetime(2025, 6, 2, 22, 0, tzinfo=UTC)  # 18:00 in New York


def visit_at(world, moment, school=None):
    school = school or world.lincoln
    desk = VisitorSettings(district=school.district, time_zone="America/New_York")
    return factories.visit(
        school,
        checked_in_by=world.alice,
        checked_in_at=moment,
        badge_expires_at=clock.badge_expiry(desk, moment),
    )


def test_it_signs_out_at_the_end_of_the_day_those_still_signed_in(world):
    stayed = visit_at(world, MORNING)
    left = visit_at(world, MORNING + timedelta(hours=1))
    Visit.objects.filter(pk=left.pk).update(checked_out_at=MORNING, departure="desk")

    assert sign_out_end_of_day(district=world.north, now=DAY_END - timedelta(minutes=1)) == 0
    assert sign_out_end_of_day(district=world.north, now=DAY_END + timedelta(minutes=5)) == 1

    stayed.refresh_from_db()
    assert stayed.departure == Visit.Departure.END_OF_DAY
    assert stayed.checked_out_at == DAY_END
    assert stayed.checked_out_by is None
    event = AuditEvent.objects.get(action="visit.auto_signed_out")
    assert event.actor is None and event.subject_id == str(stayed.pk)


def test_it_is_safe_to_run_again(world):
    visit_at(world, MORNING)
    sign_out_end_of_day(district=world.north, now=DAY_END + timedelta(minutes=5))
    assert sign_out_end_of_day(district=world.north, now=DAY_END + timedelta(minutes=20)) == 0
    assert AuditEvent.objects.filter(action="visit.auto_signed_out").count() == 1


def test_it_follows_the_districts_time_and_zone(world):
    VisitorSettings.objects.create(
        district=world.north, time_zone="America/Los_Angeles", end_of_day=time(16, 0)
    )
    visit_at(world, MORNING)
    # 16:00 in Los Angeles is 23:00 UTC.
    assert sign_out_end_of_day(district=world.north, now=DAY_END + timedelta(minutes=5)) == 0
    assert (
        sign_out_end_of_day(district=world.north, now=DAY_END + timedelta(hours=1, minutes=1)) == 1
    )


def test_it_leaves_an_evening_event_until_its_badge_expires(world):
    evening = visit_at(world, DAY_END + timedelta(hours=1))  # 19:00
    assert evening.badge_expires_at == DAY_END + timedelta(hours=13)  # 07:00 the next day
    assert sign_out_end_of_day(district=world.north, now=DAY_END + timedelta(hours=3)) == 0
    assert sign_out_end_of_day(district=world.north, now=DAY_END + timedelta(hours=14)) == 1
    evening.refresh_from_db()
    assert evening.checked_out_at == evening.badge_expires_at


def test_it_touches_only_the_district_it_runs_for(world):
    south = visit_at(world, MORNING, school=world.jefferson)
    sign_out_end_of_day(district=world.north, now=DAY_END + timedelta(hours=1))
    south.refresh_from_db()
    assert south.on_site


def test_the_command_runs_for_every_district(world, capsys):
    north = visit_at(world, MORNING - timedelta(days=1))
    south = visit_at(world, MORNING - timedelta(days=1), school=world.jefferson)
    call_command("visitors", "end-of-day")
    assert "signed out: 2" in capsys.readouterr().out
    north.refresh_from_db()
    south.refresh_from_db()
    assert north.departure == south.departure == "end_of_day"


def test_the_command_runs_for_one_district(world, capsys):
    visit_at(world, MORNING - timedelta(days=1), school=world.jefferson)
    call_command("visitors", "end-of-day", "--district", str(world.north.pk))
    assert "signed out: 0" in capsys.readouterr().out
    with pytest.raises(CommandError):
        call_command("visitors", "end-of-day", "--district", "nope")


def test_a_badge_expires_after_the_districts_hours_or_at_the_days_end(world):
    desk = VisitorSettings(time_zone="America/New_York", badge_hours=4)
    assert clock.badge_expiry(desk, MORNING) == MORNING + timedelta(hours=4)
    late = DAY_END - timedelta(hours=2)
    assert clock.badge_expiry(desk, late) == DAY_END
