"""Approved visitors (an "approved guest" list): after "Not this person", an official may silence
that visitor against that entry for good; an administrator may take the approval back."""

import pytest
from django.urls import reverse

from tests.watchlists.helpers import alert_url, check_in, listed_bob
from threshold.audit.models import AuditEvent
from threshold.visitors.models import Visit
from threshold.watchlists import alerts
from threshold.watchlists.models import Alert, ApprovedVisitor


@pytest.fixture
def released(world):
    bob = listed_bob(world.north)
    visit = check_in(world)
    alert = Alert.objects.get()
    alerts.answer(alert=alert, actor=world.olga, given="not_this_person")
    return visit, alert, bob


def approve_url(alert):
    return alert_url(alert, "watchlists-alert-approve")


def test_an_official_approves_the_visitor_after_not_this_person(world, client_for, released):
    visit, alert, bob = released
    client = client_for(world.olga)
    assert "Do not stop this visitor again" in client.get(alert_url(alert)).content.decode()
    response = client.post(approve_url(alert), {"entry": str(bob.pk)})
    assert response.status_code == 302
    approval = ApprovedVisitor.objects.get()
    assert (approval.visitor, approval.entry, approval.approved_by) == (
        visit.visitor,
        bob,
        world.olga,
    )
    event = AuditEvent.objects.get(action="watchlist.visitor_approved")
    assert event.actor == world.olga
    assert event.data == {
        "visitor": str(visit.visitor_id),
        "entry": str(bob.pk),
        "alert": str(alert.pk),
    }
    # Next time the same visitor checks in, nobody is held.
    again = check_in(world, visitor=visit.visitor)
    assert again.screening == Visit.Screening.CLEAR
    assert Alert.objects.count() == 1


def test_approving_twice_records_once(world, client_for, released):
    _visit, alert, bob = released
    client = client_for(world.olga)
    client.post(approve_url(alert), {"entry": str(bob.pk)})
    client.post(approve_url(alert), {"entry": str(bob.pk)})
    assert ApprovedVisitor.objects.count() == 1
    assert AuditEvent.objects.filter(action="watchlist.visitor_approved").count() == 1


def test_no_approval_before_an_official_said_not_this_person(world, client_for):
    bob = listed_bob(world.north)
    check_in(world)
    alert = Alert.objects.get()
    response = client_for(world.olga).post(approve_url(alert), {"entry": str(bob.pk)})
    assert response.status_code == 422
    assert not ApprovedVisitor.objects.exists()


def test_only_an_entry_the_alert_named_can_be_approved(world, client_for, released):
    _visit, alert, _bob = released
    other = listed_bob(world.north, family_name="Other")
    response = client_for(world.olga).post(approve_url(alert), {"entry": str(other.pk)})
    assert response.status_code == 404
    assert not ApprovedVisitor.objects.exists()


def test_an_administrator_lists_and_removes_approvals(world, client_for, released):
    visit, _alert, bob = released
    alerts_approval = ApprovedVisitor.objects.create(
        district=world.north, visitor=visit.visitor, entry=bob, approved_by=world.olga
    )
    client = client_for(world.dana)
    page = client.get(reverse("watchlists-approvals")).content.decode()
    assert "Robert J. Smith" in page and "Bob Smith" in page and "Olga Ortiz" in page
    url = reverse("watchlists-approval-remove", kwargs={"approval_id": alerts_approval.pk})
    assert client.post(url).status_code == 302
    assert not ApprovedVisitor.objects.exists()
    event = AuditEvent.objects.get(action="watchlist.approval_removed")
    assert event.data == {"visitor": str(visit.visitor_id), "entry": str(bob.pk)}
    assert check_in(world, visitor=visit.visitor).screening == Visit.Screening.POSSIBLE_MATCH
