"""record(): the one way into the audit trail, and the hash chain it keeps."""

import itertools

import pytest
from django.db import transaction

from tests.audit.helpers import append
from threshold.audit.chain import GENESIS_HASH, InvalidEventData, event_hash
from threshold.audit.models import AuditChain, AuditEvent
from threshold.audit.services import NotInTransaction, UnknownAction, chain_key, record
from threshold.audit.verify import verify_chain


def recomputed(event: AuditEvent) -> str:
    return event_hash(
        chain=event.chain.key,
        seq=event.seq,
        action=event.action,
        actor=str(event.actor_id) if event.actor_id else None,
        school=str(event.school_id) if event.school_id else None,
        subject_type=event.subject_type,
        subject_id=event.subject_id,
        data=event.data,
        created_at=event.created_at,
        prev_hash=event.prev_hash,
    )


def test_it_links_each_event_to_the_one_before(world):
    append(world.north, 4, actor=world.dana, school=world.lincoln)
    events = list(AuditEvent.objects.select_related("chain").order_by("seq"))
    assert [event.seq for event in events] == [1, 2, 3, 4]
    assert events[0].prev_hash == GENESIS_HASH
    for before, after in itertools.pairwise(events):
        assert after.prev_hash == before.hash
    # What is read back from the database hashes to what was written.
    assert all(recomputed(event) == event.hash for event in events)
    chain = AuditChain.objects.get(key=chain_key(world.north))
    assert (chain.head_seq, chain.head_hash) == (4, events[-1].hash)
    assert chain.district == world.north


def test_it_keeps_one_chain_per_district_and_one_for_no_district(world):
    append(world.north, 2)
    append(world.south, 3)
    append(None, 1, action="auth.sign_in_failed", data={"account": "unknown"})
    heads = dict(AuditChain.objects.values_list("key", "head_seq"))
    assert heads == {f"district:{world.north.pk}": 2, f"district:{world.south.pk}": 3, "system": 1}
    for chain in AuditChain.objects.all():
        seqs = list(chain.events.order_by("seq").values_list("seq", flat=True))
        assert seqs == list(range(1, chain.head_seq + 1))
        assert verify_chain(chain).ok


def test_it_names_people_and_records_by_id_only(world):
    with transaction.atomic():
        event = record("staff.updated", actor=world.dana, district=world.north, subject=world.alice)
    assert (event.subject_type, event.subject_id) == ("accounts.user", str(world.alice.pk))
    assert event.actor_id == world.dana.pk
    assert "Alice" not in str(event.data)


def test_it_refuses_an_unknown_action(world):
    with pytest.raises(UnknownAction), transaction.atomic():
        record("visit.teleported", actor=None, district=world.north)
    assert not AuditEvent.objects.exists()


@pytest.mark.parametrize(
    "data",
    [
        {"ratio": 0.5},
        {"nested": {"deeper": [1, 2.0]}},
        {1: "a key that is not text"},
        {"when": object()},
        {"nul": "a\x00b"},
        {"surrogate": "\ud800"},
    ],
)
def test_it_refuses_data_it_cannot_hash_canonically(world, data):
    with pytest.raises(InvalidEventData), transaction.atomic():
        record("district.updated", actor=None, district=world.north, data=data)
    assert not AuditEvent.objects.exists()
    assert not AuditChain.objects.filter(head_seq__gt=0).exists()


def test_it_keeps_large_numbers_and_any_language_unchanged(world):
    data = {"big": 2**70, "negative": -(2**63), "text": "Año escolar: José 😀", "ok": True}
    (event,) = append(world.north, data=data)
    assert AuditEvent.objects.get(pk=event.pk).data == data
    assert verify_chain(AuditChain.objects.get()).ok


def test_it_refuses_a_school_of_another_district(world):
    with pytest.raises(ValueError), transaction.atomic():
        record("school.updated", actor=None, district=world.south, school=world.lincoln)
    with pytest.raises(ValueError), transaction.atomic():
        record("school.updated", actor=None, district=None, school=world.lincoln)
    assert not AuditEvent.objects.exists()


def test_it_leaves_no_event_and_no_head_when_the_change_fails(world):
    (first,) = append(world.north)

    class Refused(Exception):
        pass

    with pytest.raises(Refused), transaction.atomic():
        record("district.updated", actor=None, district=world.north, data={"n": 99})
        raise Refused

    chain = AuditChain.objects.get()
    assert (chain.head_seq, chain.head_hash) == (1, first.hash)
    assert list(AuditEvent.objects.values_list("seq", flat=True)) == [1]
    (second,) = append(world.north)
    assert (second.seq, second.prev_hash) == (2, first.hash)


def test_it_refuses_to_write_outside_a_transaction(transactional_db, world):
    with pytest.raises(NotInTransaction):
        record("district.updated", actor=None, district=world.north)
    assert not AuditEvent.objects.exists()
