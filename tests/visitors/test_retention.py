"""Visits and visitors are purged after the district's retention period; counts, not names."""

from datetime import timedelta

from django.core.management import call_command
from django.utils import timezone

from threshold.audit.models import AuditEvent
from threshold.testing import factories
from threshold.visitors.models import Visit, Visitor, VisitorPhoto, VisitorSettings


def old_visit(world, school, days, **visitor_fields):
    when = timezone.now() - timedelta(days=days)
    person = factories.visitor(school.district, last_visit_at=when, **visitor_fields)
    return factories.visit(
        school,
        checked_in_by=world.alice,
        visitor=person,
        checked_in_at=when,
        badge_expires_at=when + timedelta(hours=8),
        checked_out_at=when + timedelta(hours=1),
        departure="desk",
    )


def test_it_purges_visits_and_visitors_past_the_installation_default(world, settings):
    settings.RETENTION_DAYS = {**settings.RETENTION_DAYS, "visits": 365}
    gone = old_visit(world, world.lincoln, 400, family_name="Gone")
    VisitorPhoto.objects.create(visitor=gone.visitor, jpeg=b"x")
    kept = old_visit(world, world.lincoln, 10, family_name="Kept")

    call_command("purge", verbosity=0)

    assert list(Visit.objects.all()) == [kept]
    assert list(Visitor.objects.all()) == [kept.visitor]
    assert not VisitorPhoto.objects.exists()
    event = AuditEvent.objects.get(action="visits.purged")
    assert event.data == {"visits": 1, "visitors": 1}
    assert event.chain.district == world.north
    assert "Gone" not in str(event.data)


def test_it_keeps_a_returning_visitor_and_purges_only_their_old_visits(world, settings):
    settings.RETENTION_DAYS = {**settings.RETENTION_DAYS, "visits": 365}
    old = old_visit(world, world.lincoln, 400)
    person = old.visitor
    recent = factories.visit(world.lincoln, checked_in_by=world.alice, visitor=person)
    Visitor.objects.filter(pk=person.pk).update(last_visit_at=timezone.now())

    call_command("purge", verbosity=0)

    assert list(Visit.objects.all()) == [recent]
    assert Visitor.objects.filter(pk=person.pk).exists()


def test_it_follows_each_districts_own_period(world, settings):
    settings.RETENTION_DAYS = {**settings.RETENTION_DAYS, "visits": 365}
    VisitorSettings.objects.create(district=world.south, retention_days=30)
    north = old_visit(world, world.lincoln, 60)
    old_visit(world, world.jefferson, 60)

    call_command("purge", verbosity=0)

    assert list(Visit.objects.all()) == [north]
    assert AuditEvent.objects.get(action="visits.purged").chain.district == world.south
