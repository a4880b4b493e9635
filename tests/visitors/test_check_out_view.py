"""Checking a visitor out from the desk's list or the roster."""

from django.urls import reverse

from tests.visitors.helpers import desk_url, roster_url
from threshold.audit.models import AuditEvent
from threshold.testing import factories
from threshold.visitors.models import Visit


def check_out_url(visit):
    return reverse("visitors-check-out", kwargs={"visit_id": visit.pk})


def test_it_checks_a_visitor_out_from_the_desk(world, client_for):
    visit = factories.visit(world.lincoln, checked_in_by=world.alice)
    response = client_for(world.alice).post(check_out_url(visit))
    assert response.status_code == 302
    assert response.url == desk_url(world.lincoln)
    visit.refresh_from_db()
    assert visit.departure == Visit.Departure.DESK
    assert visit.checked_out_by == world.alice
    event = AuditEvent.objects.get(action="visit.checked_out")
    assert event.data == {"how": "desk"}
    assert event.subject_id == str(visit.pk)


def test_it_goes_back_to_the_roster_from_the_roster(world, client_for):
    visit = factories.visit(world.lincoln, checked_in_by=world.alice)
    response = client_for(world.olga).post(check_out_url(visit), {"back": "roster"})
    assert response.url == roster_url(world.lincoln)


def test_it_ends_a_visit_once(world, client_for):
    visit = factories.visit(world.lincoln, checked_in_by=world.alice)
    client = client_for(world.alice)
    client.post(check_out_url(visit))
    response = client.post(check_out_url(visit), follow=True)
    assert "had already checked out" in response.content.decode()
    assert AuditEvent.objects.filter(action="visit.checked_out").count() == 1


def test_it_takes_only_a_post(world, client_for):
    visit = factories.visit(world.lincoln, checked_in_by=world.alice)
    assert client_for(world.alice).get(check_out_url(visit)).status_code == 405
