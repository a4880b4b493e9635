"""The district administrator's pages for devices: list, add (the token shown once), revoke."""

import re

from django.urls import reverse

from threshold.api import tokens
from threshold.api.models import Device
from threshold.audit.models import AuditEvent
from threshold.testing import factories

LIST = "/district/devices/"
NEW = "/district/devices/new/"


def revoke_url(device):
    return reverse("district-device-revoke", kwargs={"device_id": device.pk})


def test_it_adds_a_device_and_shows_its_token_once(world, client_for):
    client = client_for(world.dana)
    response = client.post(
        NEW, {"name": "Front desk tablet", "school": world.lincoln.pk, "scopes": ["check_in"]}
    )
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    token = re.search(r'value="(thr_[A-Za-z0-9_-]+)"', response.content.decode()).group(1)
    device = Device.objects.get()
    assert device.token_hash == tokens.digest(token)
    assert (device.school, device.scopes) == (world.lincoln, ["check_in"])
    assert AuditEvent.objects.get(action="device.created").actor == world.dana
    # Never again: not on the list, not anywhere the administrator can go back to.
    listing = client.get(LIST).content.decode()
    assert "Front desk tablet" in listing
    assert token not in listing
    assert f"Token ending in {token[-4:]}" in listing


def test_it_shows_what_is_wrong_with_the_form(world, client_for):
    client = client_for(world.dana)
    response = client.post(NEW, {"name": "", "school": world.lincoln.pk})
    assert response.status_code == 422
    assert not Device.objects.exists()


def test_it_offers_only_the_districts_schools(world, client_for):
    client = client_for(world.dana)
    page = client.get(NEW).content.decode()
    assert "Lincoln Elementary" in page and "Jefferson High" not in page
    response = client.post(
        NEW, {"name": "Sneaky", "school": world.jefferson.pk, "scopes": ["check_in"]}
    )
    assert response.status_code == 422
    assert not Device.objects.exists()


def test_it_lists_the_districts_devices_only(world, client_for):
    factories.device(world.lincoln, name="Lincoln kiosk")
    factories.device(world.jefferson, name="Jefferson kiosk")
    page = client_for(world.dana).get(LIST).content.decode()
    assert "Lincoln kiosk" in page and "Jefferson kiosk" not in page


def test_it_revokes_a_device(world, client_for):
    device, _token = factories.device(world.lincoln)
    client = client_for(world.dana)
    response = client.post(revoke_url(device))
    assert response.status_code == 302 and response.url == LIST
    device.refresh_from_db()
    assert device.revoked_by == world.dana
    assert AuditEvent.objects.get(action="device.revoked").subject_id == str(device.pk)
    assert revoke_url(device) not in client.get(LIST).content.decode()
    # A second revocation changes nothing.
    client.post(revoke_url(device))
    assert AuditEvent.objects.filter(action="device.revoked").count() == 1


def test_another_districts_administrator_cannot_revoke(world, client_for):
    device, _token = factories.device(world.lincoln)
    assert client_for(world.sue).post(revoke_url(device)).status_code == 404
    device.refresh_from_db()
    assert device.active


def test_only_district_administrators_manage_devices(world, client_for):
    device, _token = factories.device(world.lincoln)
    for persona in ("alice", "pete", "aaron", "carl", "oscar"):
        client = client_for(getattr(world, persona))
        assert client.get(LIST).status_code == 403, persona
        assert client.get(NEW).status_code == 403, persona
        assert client.post(NEW, {"name": "x", "school": world.lincoln.pk}).status_code == 403
        assert client.post(revoke_url(device)).status_code == 403, persona
    assert Device.objects.count() == 1
    device.refresh_from_db()
    assert device.active


def test_the_pages_read_in_spanish(world, client_for):
    client = client_for(world.dana)
    client.cookies["django_language"] = "es"
    assert "Dispositivos de la API" in client.get(LIST).content.decode()
