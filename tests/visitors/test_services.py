"""The check-in and check-out services, called as pages, commands and the API will call them."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from threshold.audit.models import AuditEvent
from threshold.testing import factories
from threshold.visitors import screening, services
from threshold.visitors.identity import Identity
from threshold.visitors.models import Visit, Visitor

ROSA = Identity(family_name="López", given_names="Rosa", date_of_birth=date(1990, 2, 3))


def check_in(world, **kwargs):
    values = {
        "school": world.lincoln,
        "actor": world.alice,
        "details": services.VisitDetails(visitor_type="parent"),
        "id_check": Visit.IdCheck.BY_HAND,
        "person": ROSA,
        **kwargs,
    }
    return services.visit_check_in(**values)


def test_it_records_the_screening_result_and_never_calls_no_screening_clear(world):
    visit = check_in(world)
    assert visit.screening == Visit.Screening.NOT_SCREENED
    assert AuditEvent.objects.get(action="visit.checked_in").data["screening"] == "not_screened"


def test_a_screener_plugs_in_before_the_visit_is_written(world, monkeypatch):
    seen = []

    def screener(visitor, school):
        seen.append((visitor.family_name, school.pk))
        return "possible_match"

    monkeypatch.setattr(screening, "SCREENER", screener)
    visit = check_in(world)
    assert seen == [("López", world.lincoln.pk)]
    assert visit.screening == Visit.Screening.POSSIBLE_MATCH


def test_a_screener_cannot_answer_something_unknown(world, monkeypatch):
    monkeypatch.setattr(screening, "SCREENER", lambda visitor, school: "fine")
    with pytest.raises(ValueError, match="unknown screening result"):
        check_in(world)
    assert not Visit.objects.exists() and not Visitor.objects.exists()


def test_it_needs_a_family_name(world):
    with pytest.raises(ValidationError):
        check_in(world, person=Identity(family_name=" ", given_names="Rosa", date_of_birth=None))


def test_it_refuses_a_visitor_of_another_district(world):
    stranger = factories.visitor(world.south)
    with pytest.raises(ValueError, match="another district"):
        check_in(world, visitor=stranger, person=None)


def test_a_newer_scan_updates_a_returning_visitor(world):
    visitor = factories.visitor(
        world.north, family_name="López", given_names="Rosa", document_last4="1111"
    )
    scanned = Identity("López", "Rosa", date(1990, 2, 3), "2222")
    check_in(world, visitor=visitor, person=scanned, id_check=Visit.IdCheck.SCANNED)
    visitor.refresh_from_db()
    assert visitor.document_last4 == "2222"
    assert visitor.date_of_birth == date(1990, 2, 3)
    event = AuditEvent.objects.get(action="visitor.updated")
    assert event.data == {"fields": ["document_last4", "date_of_birth"]}


def test_a_desk_cannot_end_a_visit_at_the_end_of_the_day_by_hand(world):
    visit = check_in(world)
    with pytest.raises(ValueError):
        services.visit_check_out(visit=visit, actor=world.alice, how=Visit.Departure.END_OF_DAY)


def test_it_writes_nothing_when_the_audit_event_cannot_be_written(world, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(services, "record", broken)
    with pytest.raises(RuntimeError):
        check_in(world)
    assert not Visit.objects.exists() and not Visitor.objects.exists()
