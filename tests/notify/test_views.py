"""The summons banner on every open page, its Acknowledge button, and the district's settings."""

from __future__ import annotations

import pytest
from django.urls import reverse

from threshold.audit.models import AuditEvent
from threshold.encounters.services import start_encounter
from threshold.notify.models import Delivery, Notification, NotifySettings

BANNER = "/notifications/banner/"


def test_every_page_polls_the_banner_for_people_who_can_be_summoned(world, client_for):
    page = client_for(world.olga).get("/").content.decode()
    assert f'hx-get="{BANNER}"' in page and 'hx-trigger="load, every 1s"' in page
    assert "sounds/alert.wav" in page
    # The front desk is never summoned: no banner polling there.
    assert BANNER not in client_for(world.alice).get("/").content.decode()


def test_the_banner_shows_the_summons_and_records_the_in_app_delivery(world, client_for):
    encounter = start_encounter(school=world.lincoln, actor=world.alice)
    response = client_for(world.olga).get(BANNER, headers={"HX-Request": "true"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Officer at the door of Lincoln Elementary: you are needed now." in page
    assert reverse("encounters-official", kwargs={"encounter_id": encounter.pk}) in page
    assert "Acknowledge" in page
    app = Delivery.objects.get(channel="app")
    assert (app.state, app.attempts) == ("sent", 1) and app.sent_at is not None

    # Shown again on the next poll, but delivered (and audited) once.
    client_for(world.olga).get(BANNER)
    shown = AuditEvent.objects.filter(action="notify.delivery_attempted")
    assert [e.data["channel"] for e in shown] == ["app"]


def test_the_banner_does_not_keep_the_session_alive(world, client_for):
    from threshold.web.middleware import LAST_SEEN

    client = client_for(world.olga)
    client.get(BANNER)
    assert LAST_SEEN not in client.session


def test_the_banner_is_empty_for_others(world, client_for):
    start_encounter(school=world.lincoln, actor=world.alice)
    page = client_for(world.pete).get(BANNER).content.decode()
    assert "data-summons" not in page


def test_acknowledging_from_the_banner_clears_it(world, client_for):
    start_encounter(school=world.lincoln, actor=world.alice)
    summons = Notification.objects.get()
    url = reverse("notify-acknowledge", kwargs={"notification_id": summons.pk})
    response = client_for(world.olga).post(url, headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert "data-summons" not in response.content.decode()
    summons.refresh_from_db()
    assert summons.acknowledged_at is not None
    event = AuditEvent.objects.get(action="notify.acknowledged")
    assert event.actor == world.olga and event.data["first"] is True


@pytest.mark.parametrize("person", ["pete", "carl"])
def test_nobody_else_acknowledges_a_summons(world, client_for, person):
    start_encounter(school=world.lincoln, actor=world.alice)
    summons = Notification.objects.get()
    url = reverse("notify-acknowledge", kwargs={"notification_id": summons.pk})
    assert client_for(getattr(world, person)).post(url).status_code == 404
    summons.refresh_from_db()
    assert summons.acknowledged_at is None


def test_the_front_desk_gets_403_from_the_banner(world, client_for):
    assert client_for(world.alice).get(BANNER).status_code == 403


def test_the_district_administrator_sets_the_escalation_time(world, client_for):
    client = client_for(world.dana)
    page = client.get("/district/notifications/").content.decode()
    assert 'value="120"' in page
    response = client.post("/district/notifications/", {"escalate_after_seconds": "90"})
    assert response.status_code == 302
    assert NotifySettings.objects.get(district=world.north).escalate_after_seconds == 90
    event = AuditEvent.objects.get(action="notify.settings_changed")
    assert event.data == {"escalate_after_seconds": 90, "was": 120}


def test_a_bad_escalation_time_is_refused_plainly(world, client_for):
    response = client_for(world.dana).post(
        "/district/notifications/", {"escalate_after_seconds": "5"}
    )
    assert response.status_code == 422
    assert "greater than or equal to 30" in response.content.decode()
    assert not NotifySettings.objects.exists()


def test_only_district_administrators_change_the_settings(world, client_for):
    assert client_for(world.olga).get("/district/notifications/").status_code == 403
    client_for(world.sue).post("/district/notifications/", {"escalate_after_seconds": "60"})
    assert not NotifySettings.objects.filter(district=world.north).exists()
