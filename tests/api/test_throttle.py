"""Each device may make API_REQUESTS_PER_MINUTE requests a minute; then 429 with Retry-After."""

from tests.api.conftest import on_site_url


def test_it_answers_429_past_the_devices_rate(world, devices, api_as, settings):
    settings.API_REQUESTS_PER_MINUTE = 3
    api = api_as("lincoln")
    answers = [api.get(on_site_url(world.lincoln)).status_code for _ in range(4)]
    assert answers == [200, 200, 200, 429]
    response = api.get(on_site_url(world.lincoln))
    assert response.json() == {"detail": "Too many requests."}
    assert 1 <= int(response["Retry-After"]) <= 60


def test_each_device_has_its_own_rate(world, devices, api_as, settings):
    settings.API_REQUESTS_PER_MINUTE = 2
    for _ in range(3):
        api_as("lincoln").get(on_site_url(world.lincoln))
    assert api_as("lincoln_roster").get(on_site_url(world.lincoln)).status_code == 200
    assert api_as("washington").get(on_site_url(world.washington)).status_code == 200


def test_a_refused_token_is_not_counted_against_the_device(world, devices, api_as, settings):
    settings.API_REQUESTS_PER_MINUTE = 1
    for _ in range(3):
        api_as("thr_unknown").get(on_site_url(world.lincoln))
    assert api_as("lincoln").get(on_site_url(world.lincoln)).status_code == 200
