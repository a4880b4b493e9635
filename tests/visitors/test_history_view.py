"""The visit history with filters, and the report of visitors who never signed out."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from threshold.audit.models import AuditEvent
from threshold.testing import factories
from threshold.visitors.models import Visit


def history_url(school):
    return reverse("visitors-history", kwargs={"school_id": school.pk})


def past_visit(world, family_name, *, days_ago, **fields):
    when = timezone.now() - timedelta(days=days_ago)
    return factories.visit(
        world.lincoln,
        checked_in_by=world.alice,
        visitor=factories.visitor(world.north, family_name=family_name, given_names="Pat"),
        checked_in_at=when,
        badge_expires_at=when + timedelta(hours=8),
        checked_out_at=when + timedelta(hours=1),
        departure="desk",
        **fields,
    )


def test_it_lists_the_last_thirty_days_by_default(world, client_for):
    past_visit(world, "Recent", days_ago=2)
    past_visit(world, "Older", days_ago=45)
    page = client_for(world.pete).get(history_url(world.lincoln)).content.decode()
    assert "Pat Recent" in page
    assert "Pat Older" not in page


def test_it_filters_by_dates_name_and_type(world, client_for):
    past_visit(world, "Alvarez", days_ago=40, visitor_type="volunteer")
    past_visit(world, "Alvarez-Ruiz", days_ago=41, visitor_type="parent")
    past_visit(world, "Chen", days_ago=40, visitor_type="volunteer")
    today = timezone.localdate()
    query = {
        "since": (today - timedelta(days=60)).isoformat(),
        "until": (today - timedelta(days=30)).isoformat(),
        "name": "alvarez",
        "visitor_type": "volunteer",
    }
    page = client_for(world.alice).get(history_url(world.lincoln), query).content.decode()
    assert "Pat Alvarez<" in page
    assert "Alvarez-Ruiz" not in page and "Chen" not in page


def test_it_records_the_search_by_the_filters_used_not_their_values(world, client_for):
    client_for(world.alice).get(history_url(world.lincoln), {"name": "Alvarez"})
    event = AuditEvent.objects.get(action="visits.searched")
    assert event.data == {"report": "history", "filters": ["name", "since"]}
    assert "Alvarez" not in str(event.data)


def test_it_answers_422_to_dates_the_wrong_way_round(world, client_for):
    response = client_for(world.alice).get(
        history_url(world.lincoln), {"since": "2025-06-02", "until": "2025-06-01"}
    )
    assert response.status_code == 422


def test_it_pages_long_histories(world, client_for):
    for n in range(55):
        past_visit(world, f"Person{n:02d}", days_ago=1)
    page = client_for(world.alice).get(history_url(world.lincoln)).content.decode()
    assert "Page 1 of 2" in page
    assert "page=2" in page


def test_it_reports_who_never_signed_out(world, client_for):
    forgot = past_visit(world, "Forgot", days_ago=3)
    Visit.objects.filter(pk=forgot.pk).update(departure="end_of_day")
    past_visit(world, "Signed", days_ago=3)
    url = reverse("visitors-not-signed-out", kwargs={"school_id": world.lincoln.pk})
    for persona in (world.alice, world.pete):
        page = client_for(persona).get(url).content.decode()
        assert "Pat Forgot" in page
        assert "Pat Signed" not in page
    assert AuditEvent.objects.filter(action="visits.searched").count() == 2
