"""Audit events cannot be changed or removed: not through the ORM, not through SQL."""

import pytest
from django.db import DatabaseError, IntegrityError, transaction

from tests.audit.helpers import append, sql
from threshold.audit.models import AppendOnlyError, AuditEvent


def test_it_refuses_to_save_a_changed_event(world):
    (event,) = append(world.north)
    event.action = "district.created"
    with pytest.raises(AppendOnlyError):
        event.save()
    with pytest.raises(AppendOnlyError):
        event.save(update_fields=["action"])
    assert AuditEvent.objects.get(pk=event.pk).action == "district.updated"


def test_it_never_saves_a_new_instance_over_an_existing_row(world):
    (event,) = append(world.north)
    copy = AuditEvent(
        pk=event.pk,
        chain=event.chain,
        seq=event.seq,
        action="district.created",
        data={},
        created_at=event.created_at,
        prev_hash=event.prev_hash,
        hash="f" * 64,
    )
    # Saved as an INSERT (which the primary key refuses), never as an UPDATE of the row.
    with pytest.raises(IntegrityError), transaction.atomic():
        copy.save()
    with pytest.raises(AppendOnlyError):
        copy.save(force_update=True)
    assert AuditEvent.objects.get(pk=event.pk).action == "district.updated"


def test_it_refuses_to_delete_an_event(world):
    (event,) = append(world.north)
    with pytest.raises(AppendOnlyError):
        event.delete()
    assert AuditEvent.objects.filter(pk=event.pk).exists()


def test_it_refuses_to_update_or_delete_in_bulk(world):
    events = append(world.north, 3)
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.filter(seq=2).update(action="district.created")
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.all().delete()
    for event in events:
        event.action = "district.created"
    with pytest.raises(AppendOnlyError), transaction.atomic():
        AuditEvent.objects.bulk_update(events, ["action"])
    assert set(AuditEvent.objects.values_list("action", flat=True)) == {"district.updated"}
    assert AuditEvent.objects.count() == 3


def test_it_refuses_an_sql_update_in_the_database(world):
    (event,) = append(world.north)
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        sql("UPDATE audit_auditevent SET action = %s WHERE id = %s", ["x", event.pk])
    assert AuditEvent.objects.get(pk=event.pk).action == "district.updated"


def test_it_refuses_an_sql_delete_in_the_database(world):
    append(world.north, 2)
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        sql("DELETE FROM audit_auditevent")
    assert AuditEvent.objects.count() == 2
