"""Every watchlist endpoint, as someone of another district (sue, South: 404, and South's pages
never show North's list), another school (bob and Wendy at Washington: 403/404), the front desk
(alice: the desk's waiting screen only), and someone with no role (oscar: 403)."""

import pytest
from django.urls import reverse

from tests.watchlists.helpers import check_in, listed_bob, washington_official
from threshold.testing import factories
from threshold.watchlists.models import Alert, ApprovedVisitor, Entry


@pytest.fixture
def north(world):
    bob = listed_bob(world.north, photo=b"\xff\xd8\xff")
    visit = check_in(world)
    alert = Alert.objects.get()
    approval = ApprovedVisitor.objects.create(
        district=world.north, visitor=visit.visitor, entry=bob, approved_by=world.olga
    )
    return bob, visit, alert, approval


def admin_rows(north):
    bob, _visit, _alert, approval = north
    entry = {"entry_id": bob.pk}
    listed = {"watchlist_id": bob.watchlist_id}
    return [
        ("get", reverse("watchlists-entry", kwargs=entry), {}),
        ("post", reverse("watchlists-entry", kwargs=entry), {"family_name": "X"}),
        ("post", reverse("watchlists-entry-deactivate", kwargs=entry), {}),
        ("post", reverse("watchlists-entry-reactivate", kwargs=entry), {}),
        ("post", reverse("watchlists-entry-end", kwargs=entry), {}),
        ("get", reverse("watchlists-entry-photo", kwargs=entry), {}),
        ("post", reverse("watchlists-list-confirm", kwargs=listed), {}),
        ("post", reverse("watchlists-list-age", kwargs=listed), {"max_age_days": "2"}),
        ("post", reverse("watchlists-approval-remove", kwargs={"approval_id": approval.pk}), {}),
    ]


def admin_pages():
    return [
        ("get", reverse("watchlists-entries"), {}),
        ("get", reverse("watchlists-entry-create"), {}),
        ("post", reverse("watchlists-entry-create"), {"family_name": "X"}),
        ("get", reverse("watchlists-import"), {}),
        ("post", reverse("watchlists-import"), {"mode": "district"}),
        ("get", reverse("watchlists-approvals"), {}),
    ]


def alert_rows(north):
    bob, _visit, alert, _approval = north
    on_alert = {"alert_id": alert.pk}
    return [
        ("get", reverse("watchlists-alert", kwargs=on_alert), {}),
        ("get", reverse("watchlists-alert-hx", kwargs=on_alert), {}),
        ("post", reverse("watchlists-alert-answer", kwargs=on_alert), {"answer": "coming"}),
        ("post", reverse("watchlists-alert-approve", kwargs=on_alert), {"entry": str(bob.pk)}),
        ("get", reverse("watchlists-alert-visitor-photo", kwargs=on_alert), {}),
        (
            "get",
            reverse("watchlists-alert-entry-photo", kwargs={**on_alert, "entry_id": bob.pk}),
            {},
        ),
    ]


def alert_pages():
    return [
        ("get", reverse("watchlists-alerts"), {}),
        ("get", reverse("watchlists-alerts-hx"), {}),
    ]


def desk_rows(north):
    visit = north[1]
    on_visit = {"visit_id": visit.pk}
    return [
        ("get", reverse("watchlists-desk-wait", kwargs=on_visit), {}),
        ("get", reverse("watchlists-desk-wait-hx", kwargs=on_visit), {}),
    ]


def answers(client, rows):
    return {url: getattr(client, method)(url, data).status_code for method, url, data in rows}


def assert_untouched(north):
    bob, _visit, alert, _approval = north
    bob.refresh_from_db()
    alert.refresh_from_db()
    assert bob.is_active and bob.valid_until is None and bob.family_name == "Smith"
    assert alert.state == "waiting"
    assert ApprovedVisitor.objects.count() == 1
    assert bob.watchlist.max_age_days == 30


def test_another_districts_administrator_gets_404_and_never_sees_norths_list(
    world, client_for, north
):
    client = client_for(world.sue)
    assert set(answers(client, admin_rows(north)).values()) == {404}
    for _method, url, _data in admin_pages()[:1] + admin_pages()[5:]:
        page = client.get(url)
        assert page.status_code == 200
        assert "Smith" not in page.content.decode()
    assert set(answers(client, alert_rows(north) + alert_pages()).values()) == {403}
    assert_untouched(north)


def test_south_lists_only_its_own_entries(world, client_for, north):
    factories.watchlist_entry(world.south, family_name="Southerner")
    page = client_for(world.sue).get(reverse("watchlists-entries")).content.decode()
    assert "Southerner" in page and "Bob Smith" not in page


def test_the_front_office_of_another_school_gets_nothing(world, client_for, north):
    client = client_for(world.bob)
    rows = admin_rows(north) + admin_pages() + alert_rows(north) + alert_pages()
    assert set(answers(client, rows).values()) == {403}
    assert set(answers(client, desk_rows(north)).values()) == {404}
    assert_untouched(north)


def test_an_official_of_another_school_never_gets_lincolns_alerts(world, client_for, north):
    client = client_for(washington_official(world))
    assert set(answers(client, alert_rows(north)).values()) == {404}
    page = client.get(reverse("watchlists-alerts")).content.decode()
    assert "Lincoln" not in page
    assert_untouched(north)


def test_the_front_desk_sees_only_its_waiting_screen(world, client_for, north):
    client = client_for(world.alice)
    rows = admin_rows(north) + admin_pages() + alert_rows(north) + alert_pages()
    assert set(answers(client, rows).values()) == {403}
    assert set(answers(client, desk_rows(north)).values()) == {200, 204}


@pytest.mark.parametrize("persona", ["olga", "pete", "aaron", "carl"])
def test_officials_auditors_and_counsel_do_not_keep_the_lists(world, client_for, north, persona):
    client = client_for(getattr(world, persona))
    assert set(answers(client, admin_rows(north) + admin_pages()).values()) == {403}
    assert_untouched(north)


def test_someone_without_a_role_is_refused_everywhere(world, client_for, north):
    client = client_for(world.oscar)
    rows = admin_rows(north) + admin_pages() + alert_rows(north) + alert_pages() + desk_rows(north)
    assert set(answers(client, rows).values()) == {403}
    assert_untouched(north)
    assert Entry.objects.count() == 1


def test_the_menu_shows_watchlists_to_administrators_and_alerts_to_officials(world, client_for):
    home = reverse("home")
    assert "Watchlists" in client_for(world.dana).get(home).content.decode()
    olga = client_for(world.olga).get(home).content.decode()
    assert "Alerts" in olga and "Watchlists" not in olga
    alice = client_for(world.alice).get(home).content.decode()
    assert "Alerts" not in alice and "Watchlists" not in alice
