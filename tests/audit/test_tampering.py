"""`threshold audit verify` finds an altered, removed, reordered or cut-short trail.

Each test changes rows as an attacker with write access to the database would, past the
append-only triggers, then checks that verification fails and names the place.
"""

import json

import pytest
from django.core.management.base import CommandError

from tests.audit.helpers import append, behind_the_triggers, rehash, run_audit, sql
from threshold.audit.models import AuditChain, AuditEvent


@pytest.fixture
def trail(world):
    """Five events on North's chain, two on South's."""
    north = append(world.north, 5, actor=world.dana, school=world.lincoln)
    append(world.south, 2)
    return north


@pytest.fixture
def checkpoint(trail, tmp_path):
    """A checkpoint taken before the attack, kept outside the database."""
    code, out, _ = run_audit("checkpoint")
    assert code == 0
    path = tmp_path / "checkpoint.json"
    path.write_text(out)
    return path


def assert_broken(expected: str, *checkpoint: str) -> str:
    code, _, err = run_audit("verify", *checkpoint)
    assert code == 1
    assert expected in err
    return err


def test_it_is_intact_before_any_tampering(trail, checkpoint):
    assert run_audit("verify")[0] == 0
    assert run_audit("verify", "--checkpoint", str(checkpoint))[0] == 0


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("action", "district.created"),
        ("data", json.dumps({"fields": ["state"], "n": 2})),
        ("subject_id", "someone-else"),
        ("created_at", "2020-01-01 00:00:00"),
    ],
)
def test_it_names_an_altered_event(trail, column, value):
    target = trail[2]
    with behind_the_triggers():
        sql(f"UPDATE audit_auditevent SET {column} = %s WHERE id = %s", [value, target.pk])
    err = assert_broken(f"event {target.pk} (#3)")
    assert "altered" in err


def test_it_names_the_next_event_when_the_altered_one_was_rehashed(trail):
    target, following = trail[1], trail[2]
    with behind_the_triggers():
        sql("UPDATE audit_auditevent SET action = %s WHERE id = %s", ["x", target.pk])
        rehash(target.pk, target.prev_hash)
    err = assert_broken(f"event {following.pk} (#3)")
    assert "does not link" in err


def test_it_finds_a_removed_event(trail):
    with behind_the_triggers():
        sql("DELETE FROM audit_auditevent WHERE id = %s", [trail[2].pk])
    err = assert_broken(f"event {trail[3].pk} (#4)")
    assert "expected event #3" in err


def test_it_finds_two_events_swapped(trail):
    second, fourth = trail[1], trail[3]
    with behind_the_triggers():
        sql("UPDATE audit_auditevent SET seq = 1000 WHERE id = %s", [second.pk])
        sql("UPDATE audit_auditevent SET seq = 2 WHERE id = %s", [fourth.pk])
        sql("UPDATE audit_auditevent SET seq = 4 WHERE id = %s", [second.pk])
    assert_broken(f"event {fourth.pk} (#2)")


def test_it_finds_the_newest_events_removed(trail):
    with behind_the_triggers():
        sql("DELETE FROM audit_auditevent WHERE id IN (%s, %s)", [trail[3].pk, trail[4].pk])
    assert_broken("recorded head is #5 but its last event is #3")


def test_only_a_checkpoint_finds_the_newest_events_removed_and_the_head_moved_back(
    trail, checkpoint
):
    chain = trail[0].chain
    with behind_the_triggers():
        sql("DELETE FROM audit_auditevent WHERE id IN (%s, %s)", [trail[3].pk, trail[4].pk])
        sql(
            "UPDATE audit_auditchain SET head_seq = 3, head_hash = %s WHERE id = %s",
            [trail[2].hash, chain.pk],
        )
    # The chain that is left is a valid chain: on its own, verification cannot tell.
    code, out, _ = run_audit("verify")
    assert code == 0, out
    err = assert_broken("the head at the checkpoint, is gone", "--checkpoint", str(checkpoint))
    assert f"{chain.key}: chain: event #5" in err


def test_only_a_checkpoint_finds_a_chain_rewritten_from_an_event_on(trail, checkpoint):
    chain = trail[0].chain
    with behind_the_triggers():
        sql("UPDATE audit_auditevent SET action = %s WHERE id = %s", ["x", trail[1].pk])
        digest = trail[0].hash
        for event in trail[1:]:
            digest = rehash(event.pk, digest)
        sql("UPDATE audit_auditchain SET head_hash = %s WHERE id = %s", [digest, chain.pk])
    assert run_audit("verify")[0] == 0
    err = assert_broken(f"event {trail[4].pk} (#5)", "--checkpoint", str(checkpoint))
    assert "rewritten" in err


def test_it_finds_the_head_moved_back_over_events_that_remain(trail):
    chain = trail[0].chain
    sql(
        "UPDATE audit_auditchain SET head_seq = 3, head_hash = %s WHERE id = %s",
        [trail[2].hash, chain.pk],
    )
    assert_broken(f"event {trail[3].pk} (#4)")


def test_it_finds_a_chain_moved_to_another_district(trail, world):
    # The chain heads are not append-only (each append moves one): the hashes bind the key.
    chain = trail[0].chain
    AuditChain.objects.filter(district=world.south).update(district=None)
    AuditChain.objects.filter(pk=chain.pk).update(district=world.south)
    assert_broken(f"{chain.key}: chain: the chain's key does not match")


def test_it_finds_an_event_moved_to_another_chain(trail, world):
    south_chain = AuditChain.objects.get(district=world.south)
    target = trail[4]
    with behind_the_triggers():
        sql(
            "UPDATE audit_auditevent SET chain_id = %s, seq = 3 WHERE id = %s",
            [south_chain.pk, target.pk],
        )
    err = assert_broken("recorded head is #5 but its last event is #4")
    assert f"event {target.pk} (#3): event #3 lies beyond the chain's recorded head #2" in err


def test_it_refuses_a_checkpoint_file_it_cannot_read(trail, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"chains": {"system": {"seq": "x", "hash": "y"}}}))
    with pytest.raises(CommandError, match="not a seq and a SHA-256 hash"):
        run_audit("verify", "--checkpoint", str(bad))
    with pytest.raises(CommandError, match="cannot read"):
        run_audit("verify", "--checkpoint", str(tmp_path / "missing.json"))
    assert AuditEvent.objects.count() == 7


@pytest.mark.sqlite_only  # PostgreSQL's column type refuses such a value outright
def test_it_names_an_event_whose_time_no_writer_could_store(trail):
    target = trail[1]
    with behind_the_triggers():
        sql("UPDATE audit_auditevent SET created_at = 'not a time' WHERE id = %s", [target.pk])
    assert_broken(f"event {target.pk} (#2): its content does not match its hash")
