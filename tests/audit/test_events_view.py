"""The audit page: the reader's own district chain, newest first, filtered, 50 to a page."""

from datetime import UTC, datetime

import pytest
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from tests.audit.helpers import append
from threshold.audit.models import AuditEvent
from threshold.audit.services import record

URL = reverse("audit-events")


def page(client, **params) -> str:
    response = client.get(URL, params)
    assert response.status_code == 200
    return response.content.decode()


def hashes_on(content: str) -> set[str]:
    return {e.hash[:12] for e in AuditEvent.objects.all() if e.hash[:12] in content}


def at(moment: datetime, monkeypatch, district, **fields) -> AuditEvent:
    """An event recorded at a given moment."""
    with monkeypatch.context() as patch:
        patch.setattr(timezone, "now", lambda: moment)
        (event,) = append(district, **fields)
    return event


@pytest.fixture
def trail(world):
    north = append(world.north, 2, actor=world.dana, school=world.lincoln)
    north += append(
        world.north,
        action="role.granted",
        actor=world.olga,
        school=world.washington,
        subject=world.bob,
    )
    south = append(world.south, 2, actor=world.sue, school=world.jefferson)
    system = append(None, 1, action="auth.sign_in_failed", data={"account": "unknown"})
    return {"north": north, "south": south, "system": system}


@pytest.mark.parametrize("persona", ["aaron", "carl", "dana"])
def test_it_shows_the_districts_events_to_district_readers(world, trail, client_for, persona):
    content = page(client_for(getattr(world, persona)))
    assert hashes_on(content) == {e.hash[:12] for e in trail["north"]}
    assert "Dana Diaz" in content
    assert "Olga Ortiz" in content
    assert "Washington Middle" in content
    assert "Role granted" in content


def test_it_shows_the_newest_first_with_time_action_and_data(world, trail, client_for):
    content = page(client_for(world.aaron))
    newest, oldest = trail["north"][-1], trail["north"][0]
    assert content.index(newest.hash[:12]) < content.index(oldest.hash[:12])
    local = timezone.localtime(oldest.created_at).strftime("%Y-%m-%d %H:%M:%S")
    assert local in content
    assert oldest.created_at.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S") not in content
    assert "fields: name<br>n: 0" in content
    assert "District details changed" in content
    assert "America/New_York" in content


def test_it_refuses_people_without_the_audit_role(world, trail, client_for):
    for persona in (world.alice, world.pete, world.oscar):
        assert client_for(persona).get(URL).status_code == 403


def test_it_never_shows_another_districts_or_the_system_events(world, trail, client_for):
    content = page(client_for(world.sue))
    assert hashes_on(content) == {e.hash[:12] for e in trail["south"]}
    assert "Dana Diaz" not in content
    assert "Lincoln Elementary" not in content
    # Not even by asking for North's school, staff or records by id.
    for params in (
        {"school": str(world.lincoln.pk)},
        {"actor": str(world.dana.pk)},
        {"subject": str(world.bob.pk)},
    ):
        response = client_for(world.sue).get(URL, params)
        assert not hashes_on(response.content.decode()) & {e.hash[:12] for e in trail["north"]}


def test_it_filters_by_action_school_and_actor(world, trail, client_for):
    client = client_for(world.aaron)
    granted = trail["north"][2]
    assert hashes_on(page(client, action="role.granted")) == {granted.hash[:12]}
    assert hashes_on(page(client, school=str(world.washington.pk))) == {granted.hash[:12]}
    assert hashes_on(page(client, actor=str(world.olga.pk))) == {granted.hash[:12]}
    assert hashes_on(page(client, actor=str(world.olga.pk), action="district.updated")) == set()
    assert hashes_on(page(client, subject=str(world.bob.pk))) == {granted.hash[:12]}


def test_it_filters_by_subject_id(world, client_for):
    with transaction.atomic():
        about_alice = record(
            "staff.updated", actor=world.dana, district=world.north, subject=world.alice
        )
        record("staff.updated", actor=world.dana, district=world.north, subject=world.bob)
    content = page(client_for(world.carl), subject=str(world.alice.pk))
    assert hashes_on(content) == {about_alice.hash[:12]}


def test_it_filters_by_dates_in_the_districts_time_zone(world, client_for, monkeypatch):
    # 03:30 UTC on 10 March is still the evening of 9 March in New York.
    late = at(datetime(2026, 3, 10, 3, 30, tzinfo=UTC), monkeypatch, world.north)
    next_day = at(datetime(2026, 3, 10, 15, 0, tzinfo=UTC), monkeypatch, world.north)
    client = client_for(world.aaron)
    assert hashes_on(page(client, date_to="2026-03-09")) == {late.hash[:12]}
    assert hashes_on(page(client, date_from="2026-03-10")) == {next_day.hash[:12]}
    both = page(client, date_from="2026-03-09", date_to="2026-03-10")
    assert hashes_on(both) == {late.hash[:12], next_day.hash[:12]}
    assert "2026-03-09 23:30:00" in both


def test_it_answers_422_for_filters_it_cannot_use(world, trail, client_for):
    client = client_for(world.aaron)
    for params in (
        {"action": "visit.teleported"},
        {"school": str(world.jefferson.pk)},
        {"date_from": "yesterday"},
        {"date_from": "2026-03-10", "date_to": "2026-03-09"},
    ):
        response = client.get(URL, params)
        assert response.status_code == 422
        assert not hashes_on(response.content.decode())


def test_it_shows_fifty_events_a_page_and_keeps_the_filters(world, client_for):
    append(world.north, 60, actor=world.dana)
    append(world.north, 1, action="role.granted", actor=world.dana)
    client = client_for(world.aaron)
    first = page(client, actor=str(world.dana.pk))
    assert len(hashes_on(first)) == 50
    assert f"actor={world.dana.pk}&amp;page=2" in first
    second = page(client, actor=str(world.dana.pk), page=2)
    assert len(hashes_on(second)) == 11
    assert not hashes_on(first) & hashes_on(second)


def test_it_reads_the_same_number_of_queries_for_any_page(
    world, client_for, django_assert_max_num_queries
):
    client = client_for(world.aaron)
    people = [world.dana, world.olga, world.pete, world.alice, world.bob, world.carl]
    for person in people:
        append(world.north, 9, actor=person, school=world.lincoln)
        append(world.north, 2, actor=person, school=world.washington)
    # Session and user, roles, schools, staff, chain, count, events, actor names; and the
    # session saved (three statements): the same whether the page shows 16 events or 50.
    with django_assert_max_num_queries(13):
        assert len(hashes_on(page(client))) == 50
    with django_assert_max_num_queries(13):
        assert len(hashes_on(page(client, page=2))) == 16


def test_it_shows_the_chain_without_checking_it_on_load(world, trail, client_for):
    content = page(client_for(world.dana))
    assert "The district's chain holds 3 events." in content
    assert reverse("audit-verify-hx") in content
    assert "Intact" not in content


def test_it_says_when_nothing_is_recorded_yet(world, client_for):
    content = page(client_for(world.aaron))
    assert "Nothing has been recorded yet." in content
