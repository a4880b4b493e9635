"""Every API endpoint, for a device of another school (404), of another district (404), without
the scope (403), with a revoked or no token (401): and nothing changes."""

import pytest

from tests.api.conftest import (
    badge_check_out_url,
    check_in_url,
    check_out_url,
    on_site_url,
    visit_url,
)
from threshold.audit.models import AuditEvent
from threshold.testing import factories
from threshold.visitors.models import Visit


@pytest.fixture
def lincoln_visit(world):
    return factories.visit(world.lincoln, checked_in_by=world.alice)


def endpoints(world, visit):
    """Each operation on a Lincoln school or visit, with a body that would succeed."""
    check_in = {"visitor_id": str(visit.visitor_id), "visitor_type": "parent"}
    return [
        ("post", check_in_url(world.lincoln), check_in),
        ("get", visit_url(visit), None),
        ("post", check_out_url(visit), None),
        ("post", badge_check_out_url(world.lincoln), {"code": visit.badge_code}),
        ("get", on_site_url(world.lincoln), None),
    ]


def call(api, method, url, body):
    return api.get(url) if method == "get" else api.post(url, body)


def nothing_changed(visit):
    visit.refresh_from_db()
    assert visit.on_site
    assert Visit.objects.count() == 1
    assert not AuditEvent.objects.exists()


def test_the_lincoln_device_reaches_every_endpoint(world, devices, api_as, lincoln_visit):
    """The control: the same calls succeed with the school's own device (each on a visit of its
    own: a check-in ends the visitor's earlier visit)."""
    api = api_as("lincoln")
    for index in range(len(endpoints(world, lincoln_visit))):
        visit = factories.visit(world.lincoln, checked_in_by=world.alice)
        method, url, body = endpoints(world, visit)[index]
        assert call(api, method, url, body).status_code in {200, 201}, url


def test_a_device_of_another_school_gets_404(world, devices, api_as, lincoln_visit):
    api = api_as("washington")  # Washington, same district
    for method, url, body in endpoints(world, lincoln_visit):
        response = call(api, method, url, body)
        assert response.status_code == 404, url
        assert response.json() == {"detail": "Not found"}
    nothing_changed(lincoln_visit)


def test_a_device_of_another_district_gets_404(world, devices, api_as, lincoln_visit):
    api = api_as("jefferson")  # South
    for method, url, body in endpoints(world, lincoln_visit):
        assert call(api, method, url, body).status_code == 404, url
    nothing_changed(lincoln_visit)


def test_a_lincoln_device_cannot_check_out_a_washington_visit(world, devices, api_as):
    washington_visit = factories.visit(world.washington, checked_in_by=world.bob)
    api = api_as("lincoln")
    assert api.post(check_out_url(washington_visit)).status_code == 404
    assert api.get(visit_url(washington_visit)).status_code == 404
    washington_visit.refresh_from_db()
    assert washington_visit.on_site


def test_a_south_device_sees_nothing_of_north(world, devices, api_as, lincoln_visit):
    south_visit = factories.visit(world.jefferson, checked_in_by=world.sam)
    api = api_as("jefferson")
    body = api.get(on_site_url(world.jefferson)).json()
    assert [v["id"] for v in body["visits"]] == [str(south_visit.pk)]
    # A North visitor cannot be checked in at a South school by id.
    check_in = {"visitor_id": str(lincoln_visit.visitor_id), "visitor_type": "parent"}
    assert api.post(check_in_url(world.jefferson), check_in).status_code == 404
    # Nor a North area named for a South visit.
    area = factories.area(world.lincoln)
    check_in = {"visitor_id": str(south_visit.visitor_id), "visitor_type": "parent"}
    response = api.post(check_in_url(world.jefferson), {**check_in, "area_id": str(area.pk)})
    assert response.status_code == 422
    assert Visit.objects.filter(school=world.jefferson).count() == 1


def test_a_device_without_the_scope_gets_403(world, devices, api_as, lincoln_visit):
    api = api_as("lincoln_roster")  # may read the roster only
    for method, url, body in endpoints(world, lincoln_visit):
        if "on-site" in url:
            continue
        response = call(api, method, url, body)
        assert response.status_code == 403, url
        assert response.json() == {"detail": "This device may not do that."}
    nothing_changed(lincoln_visit)


def test_the_scope_is_checked_before_the_input(world, devices, api_as):
    response = api_as("lincoln_roster").post(check_in_url(world.lincoln), {"nonsense": 1})
    assert response.status_code == 403


def test_another_school_is_not_found_before_the_input_is_read(world, devices, api_as):
    response = api_as("washington").post(check_in_url(world.lincoln), {"nonsense": 1})
    assert response.status_code == 404


@pytest.mark.parametrize("token", ["lincoln_revoked", None])
def test_a_revoked_or_missing_token_gets_401(world, devices, api_as, lincoln_visit, token):
    api = api_as(token)
    for method, url, body in endpoints(world, lincoln_visit):
        response = call(api, method, url, body)
        assert response.status_code == 401, url
        assert response["WWW-Authenticate"] == 'Bearer realm="threshold"'
    nothing_changed(lincoln_visit)
