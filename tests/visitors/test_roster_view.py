"""Who is on campus: the live roster, and the emergency list as PDF and CSV."""

import csv
import io

import pytest
from django.urls import reverse

from tests.visitors.helpers import roster_url
from threshold.audit.models import AuditEvent
from threshold.testing import factories
from threshold.visitors.models import Visit


def export_url(school):
    return reverse("visitors-roster-export", kwargs={"school_id": school.pk})


def on_site(world, family_name, **fields):
    person = factories.visitor(world.north, family_name=family_name, given_names="Pat")
    return factories.visit(world.lincoln, checked_in_by=world.alice, visitor=person, **fields)


@pytest.mark.parametrize("persona", ["alice", "olga", "pete", "dana", "aaron"])
def test_it_shows_everyone_on_site_to_those_who_see_the_school(world, client_for, persona):
    on_site(world, "Alvarez", destination="Classrooms", destination_public=False)
    response = client_for(getattr(world, persona)).get(roster_url(world.lincoln))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Pat Alvarez" in page
    assert "not public" in page


def test_it_leaves_out_who_has_left_and_other_schools(world, client_for):
    on_site(world, "Present")
    on_site(world, "Gone")
    gone = Visit.objects.get(visitor__family_name="Gone")
    Visit.objects.filter(pk=gone.pk).update(checked_out_at=gone.checked_in_at, departure="desk")
    factories.visit(
        world.washington,
        checked_in_by=world.bob,
        visitor=factories.visitor(world.north, family_name="Elsewhere"),
    )
    page = client_for(world.alice).get(roster_url(world.lincoln)).content.decode()
    assert "Present" in page
    assert "Gone" not in page and "Elsewhere" not in page


def test_it_records_who_opened_the_roster_but_not_each_refresh(world, client_for):
    client = client_for(world.pete)
    client.get(roster_url(world.lincoln))
    live = reverse("visitors-roster-hx", kwargs={"school_id": world.lincoln.pk})
    response = client.get(live, headers={"HX-Request": "true"})
    assert response.status_code == 200 and b"<html" not in response.content
    event = AuditEvent.objects.get(action="roster.viewed")
    assert event.actor == world.pete and event.school == world.lincoln


def test_it_offers_check_out_only_to_the_desk(world, client_for):
    visit = on_site(world, "Alvarez")
    check_out = reverse("visitors-check-out", kwargs={"visit_id": visit.pk})
    assert check_out in client_for(world.alice).get(roster_url(world.lincoln)).content.decode()
    assert check_out not in client_for(world.dana).get(roster_url(world.lincoln)).content.decode()


def test_it_keeps_the_roster_to_a_fixed_number_of_queries(
    world, client_for, django_assert_max_num_queries
):
    for n in range(25):
        on_site(world, f"Visitor{n}", destination="Lobby", destination_public=True)
    client = client_for(world.alice)
    client.get(roster_url(world.lincoln))  # the district's audit chain exists from here on
    # 14, however many are on site: session, user, roles, school, settings, the visits with
    # their visitors; the audit event (lock, insert, head, two savepoints); the session saved.
    with django_assert_max_num_queries(14):
        response = client.get(roster_url(world.lincoln))
    assert response.status_code == 200
    assert "Visitor24" in response.content.decode()
    live = reverse("visitors-roster-hx", kwargs={"school_id": world.lincoln.pk})
    with django_assert_max_num_queries(9):
        client.get(live)


def test_it_exports_everyone_on_site_as_csv(world, client_for):
    on_site(world, "Alvarez", destination="Gym", host="Coach Kim")
    on_site(world, "=HYPERLINK(evil)")
    response = client_for(world.olga).post(export_url(world.lincoln), {"format": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert response["Cache-Control"] == "no-store"
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert {row["name"] for row in rows} == {"Pat Alvarez", "Pat =HYPERLINK(evil)"}
    alvarez = next(row for row in rows if row["name"] == "Pat Alvarez")
    assert (alvarez["destination"], alvarez["seeing"]) == ("Gym", "Coach Kim")
    event = AuditEvent.objects.get(action="roster.exported")
    assert event.data == {"format": "csv", "visits": 2}
    assert event.actor == world.olga


def test_it_keeps_a_spreadsheet_from_running_a_typed_name(world, client_for):
    factories.visit(
        world.lincoln,
        checked_in_by=world.alice,
        visitor=factories.visitor(world.north, family_name="SUM(A1)", given_names="=1+"),
    )
    response = client_for(world.alice).post(export_url(world.lincoln), {"format": "csv"})
    assert "\n'=1+ SUM(A1)," in response.content.decode().replace("\r\n", "\n")


def test_it_exports_everyone_on_site_as_a_pdf(world, client_for):
    on_site(world, "Łukasiewicz")
    response = client_for(world.alice).post(export_url(world.lincoln), {"format": "pdf"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert 'attachment; filename="on-site-' in response["Content-Disposition"]
    assert AuditEvent.objects.get(action="roster.exported").data["format"] == "pdf"


def test_it_exports_only_with_a_post(world, client_for):
    response = client_for(world.alice).get(export_url(world.lincoln))
    assert response.status_code == 405
    assert not AuditEvent.objects.filter(action="roster.exported").exists()
