"""Authentication: a device's bearer token and nothing else; a JSON 401, never the sign-in page."""

import pytest
from django.utils import timezone

from tests.api.conftest import on_site_url
from threshold.api import services


@pytest.mark.parametrize(
    "header",
    [
        "",
        "Bearer",
        "Bearer ",
        "Bearer thr_not-a-real-token",
        "Bearer not-even-our-prefix",
        "Basic dXNlcjpwYXNz",
        "Token {token}",
        "Bearer {token}x",
        "Bearer " + "thr_" + "a" * 200,
    ],
)
def test_it_answers_401_without_a_valid_token(world, devices, client, header):
    headers = {"Authorization": header.format(token=devices.token("lincoln"))} if header else {}
    response = client.get(on_site_url(world.lincoln), headers=headers)
    assert response.status_code == 401
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response.json() == {"detail": "A valid device token is required."}


def test_it_does_not_send_api_calls_to_the_sign_in_page(world, client):
    response = client.get(on_site_url(world.lincoln))
    assert response.status_code == 401
    assert "Location" not in response


def test_a_signed_in_session_is_not_a_token(world, devices, client_for):
    """Only devices use the API: a person's session (even at the school's desk) is refused."""
    client = client_for(world.alice)
    assert client.get(on_site_url(world.lincoln)).status_code == 401


def test_the_scheme_name_is_not_case_sensitive(world, devices, client):
    headers = {"Authorization": f"bearer {devices.token('lincoln')}"}
    assert client.get(on_site_url(world.lincoln), headers=headers).status_code == 200


def test_a_revoked_token_stops_working_at_once(world, devices, api_as):
    api = api_as("lincoln")
    assert api.get(on_site_url(world.lincoln)).status_code == 200
    services.device_revoke(device=devices.lincoln, actor=world.dana)
    assert api.get(on_site_url(world.lincoln)).status_code == 401


def test_it_notes_when_a_device_was_last_used(world, devices, api_as):
    assert devices.lincoln.last_used_at is None
    before = timezone.now()
    api_as("lincoln").get(on_site_url(world.lincoln))
    devices.lincoln.refresh_from_db()
    assert devices.lincoln.last_used_at >= before
