"""A list older than its allowed age is never shown as "clear": the visit says "out-of-date list",
the desk sees a neutral notice with the badge, and the administrator sees the list as out of
date."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from tests.watchlists.helpers import check_in, listed_bob
from threshold.audit.models import AuditEvent
from threshold.visitors.identity import Identity
from threshold.visitors.models import Visit
from threshold.watchlists import services
from threshold.watchlists.models import Watchlist

NGOZI = Identity(family_name="Okafor", given_names="Ngozi", date_of_birth=None)


def make_old(days=45):
    Watchlist.objects.update(current_as_of=timezone.now() - timedelta(days=days))


def test_stale_is_recorded_on_the_visit_and_in_the_audit_not_clear(world):
    listed_bob(world.north)
    make_old()
    visit = check_in(world, person=NGOZI)
    assert visit.screening == Visit.Screening.LIST_STALE != Visit.Screening.CLEAR
    assert AuditEvent.objects.get(action="visit.checked_in").data["screening"] == "list_stale"


def test_the_desk_prints_the_badge_with_a_neutral_notice(world, client_for):
    listed_bob(world.north)
    make_old()
    url = reverse("visitors-check-in", kwargs={"school_id": world.lincoln.pk})
    client = client_for(world.alice)
    response = client.post(
        url, {"family_name": "Okafor", "given_names": "Ngozi", "visitor_type": "parent"}
    )
    assert response.url.endswith("/badge/?print=1")
    badge = client.get(response.url).content.decode()
    assert "not screened as clear" in badge
    assert "possible" not in badge.lower() and "match" not in badge.lower()


def test_a_current_list_gives_clear_and_no_notice(world, client_for):
    listed_bob(world.north)
    url = reverse("visitors-check-in", kwargs={"school_id": world.lincoln.pk})
    client = client_for(world.alice)
    response = client.post(
        url, {"family_name": "Okafor", "given_names": "Ngozi", "visitor_type": "parent"}
    )
    assert Visit.objects.get().screening == Visit.Screening.CLEAR
    assert "not screened as clear" not in client.get(response.url).content.decode()


def test_confirming_the_list_makes_the_next_check_in_clear(world):
    bob = listed_bob(world.north)
    make_old()
    assert check_in(world, person=NGOZI).screening == Visit.Screening.LIST_STALE
    services.watchlist_confirm_current(watchlist=bob.watchlist, actor=world.dana)
    assert check_in(world, person=NGOZI).screening == Visit.Screening.CLEAR


def test_the_official_sees_how_old_the_list_is_beside_the_candidate(world, client_for):
    from tests.watchlists.helpers import alert_url
    from threshold.watchlists.models import Alert

    listed_bob(world.north)
    make_old()
    check_in(world)
    text = client_for(world.olga).get(alert_url(Alert.objects.get())).content.decode()
    assert "Out of date" in text
    assert "more than the 30 days allowed: results are not clear" in text


def test_the_administrator_sees_a_never_updated_list_as_out_of_date(world, client_for):
    from threshold.testing import factories

    factories.watchlist(world.north, kind="registry", current_as_of=None)
    text = client_for(world.dana).get(reverse("watchlists-entries")).content.decode()
    assert "Never updated: results are not clear." in text
