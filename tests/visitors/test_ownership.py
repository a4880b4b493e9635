"""Every visitor endpoint, as someone of another school (bob, Washington: 404), another district
(sam, Jefferson: 404) and someone with no role (oscar: 403)."""

import pytest
from django.urls import reverse

from threshold.testing import factories
from threshold.visitors.models import Visit


@pytest.fixture
def lincoln_visit(world):
    return factories.visit(world.lincoln, checked_in_by=world.alice)


def endpoints(world, visit):
    school = {"school_id": world.lincoln.pk}
    on_visit = {"visit_id": visit.pk}
    return [
        ("get", reverse("visitors-desk", kwargs=school), {}),
        ("get", reverse("visitors-desk-hx", kwargs=school), {}),
        ("post", reverse("visitors-search-hx", kwargs=school), {"entry": "Pat"}),
        ("post", reverse("visitors-scan", kwargs=school), {"entry": visit.badge_code}),
        ("get", reverse("visitors-check-in", kwargs=school), {}),
        ("post", reverse("visitors-check-in", kwargs=school), {"family_name": "X"}),
        ("post", reverse("visitors-check-out", kwargs=on_visit), {}),
        ("get", reverse("visitors-badge", kwargs=on_visit), {}),
        ("post", reverse("visitors-reprint", kwargs=on_visit), {}),
        ("get", reverse("visitors-photo", kwargs={"visitor_id": visit.visitor_id}), {}),
        ("get", reverse("visitors-roster", kwargs=school), {}),
        ("get", reverse("visitors-roster-hx", kwargs=school), {}),
        ("post", reverse("visitors-roster-export", kwargs=school), {"format": "csv"}),
        ("get", reverse("visitors-history", kwargs=school), {}),
        ("get", reverse("visitors-not-signed-out", kwargs=school), {}),
    ]


def test_it_answers_404_to_the_front_office_of_another_school(world, client_for, lincoln_visit):
    client = client_for(world.bob)
    for method, url, data in endpoints(world, lincoln_visit):
        if "photo" in url:
            continue  # a visitor belongs to the district: bob's desk may know them too
        assert getattr(client, method)(url, data).status_code == 404, url
    lincoln_visit.refresh_from_db()
    assert lincoln_visit.on_site


def test_it_answers_404_to_another_district(world, client_for, lincoln_visit):
    client = client_for(world.sam)
    for method, url, data in endpoints(world, lincoln_visit):
        assert getattr(client, method)(url, data).status_code == 404, url


def test_it_answers_403_to_someone_without_a_role(world, client_for, lincoln_visit):
    client = client_for(world.oscar)
    for method, url, data in endpoints(world, lincoln_visit):
        assert getattr(client, method)(url, data).status_code == 403, url
    assert client.get(reverse("visitors-choose")).status_code == 403
    assert client.get(reverse("visitors-settings")).status_code == 403
    assert Visit.objects.get().on_site


def test_it_keeps_the_desk_from_those_who_only_see_the_roster(world, client_for, lincoln_visit):
    client = client_for(world.dana)  # district administrator: sees rosters, works no desk
    assert (
        client.get(reverse("visitors-roster", kwargs={"school_id": world.lincoln.pk})).status_code
        == 200
    )
    assert (
        client.get(reverse("visitors-desk", kwargs={"school_id": world.lincoln.pk})).status_code
        == 403
    )
    url = reverse("visitors-check-out", kwargs={"visit_id": lincoln_visit.pk})
    assert client.post(url).status_code == 403


def test_it_keeps_a_visitor_of_another_district_out_of_a_check_in(world, client_for):
    stranger = factories.visitor(world.south)
    url = reverse("visitors-check-in", kwargs={"school_id": world.lincoln.pk})
    client = client_for(world.alice)
    assert client.get(url + f"?visitor={stranger.pk}").status_code == 404
    response = client.post(url, {"visitor": str(stranger.pk), "visitor_type": "parent"})
    assert response.status_code == 404
    assert not Visit.objects.exists()


@pytest.mark.parametrize("persona", ["alice", "olga", "pete"])
def test_it_lets_the_schools_front_office_official_and_principal_work_the_desk(
    world, client_for, persona
):
    url = reverse("visitors-desk", kwargs={"school_id": world.lincoln.pk})
    assert client_for(getattr(world, persona)).get(url).status_code == 200
