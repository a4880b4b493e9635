"""GET /api/v1/schools/{school}/on-site/: who is on campus, each reading audited."""

from django.utils import timezone

from tests.api.conftest import on_site_url
from threshold.audit.models import AuditEvent
from threshold.testing import factories


def test_it_lists_everyone_on_site_at_the_school(world, devices, api_as):
    here = factories.visit(world.lincoln, checked_in_by=world.alice)
    held = factories.visit(world.lincoln, checked_in_by=world.alice, screening="possible_match")
    factories.visit(
        world.lincoln,
        checked_in_by=world.alice,
        checked_out_at=timezone.now(),
        checked_out_by=world.alice,
        departure="desk",
    )
    factories.visit(world.washington, checked_in_by=world.bob)
    response = api_as("lincoln_roster").get(on_site_url(world.lincoln))
    assert response.status_code == 200
    body = response.json()
    assert body["school_id"] == str(world.lincoln.pk)
    assert body["count"] == 2
    assert {v["id"]: v["held"] for v in body["visits"]} == {str(here.pk): False, str(held.pk): True}


def test_it_gives_no_badge_codes(world, devices, api_as):
    visit = factories.visit(world.lincoln, checked_in_by=world.alice)
    text = api_as("lincoln_roster").get(on_site_url(world.lincoln)).content.decode()
    assert visit.checkout_code not in text


def test_it_records_each_reading_with_the_device_as_reader(world, devices, api_as):
    api_as("lincoln_roster").get(on_site_url(world.lincoln))
    event = AuditEvent.objects.get(action="roster.viewed")
    assert event.actor == devices.lincoln_roster.account
    assert event.school == world.lincoln


def test_it_reads_the_roster_in_a_few_queries(world, devices, api_as, django_assert_num_queries):
    for _ in range(5):
        factories.visit(world.lincoln, checked_in_by=world.alice)
    api = api_as("lincoln_roster")
    api.get(on_site_url(world.lincoln))  # the chain exists, "last used" is fresh
    # The device; the audit chain's lock, event and head (and, inside the test's transaction, a
    # savepoint and its release); the visits with their visitors.
    with django_assert_num_queries(7):
        assert api.get(on_site_url(world.lincoln)).status_code == 200
