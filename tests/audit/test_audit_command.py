"""`threshold audit verify | checkpoint | export`."""

import json

import pytest
from django.core.management.base import CommandError

from tests.audit.helpers import append, check_offline, run_audit
from threshold.audit.models import AuditChain


@pytest.fixture
def trail(world):
    append(world.north, 3, actor=world.dana, school=world.lincoln)
    append(world.south, 2, data={"text": "Año", "big": 2**64})
    append(None, 1, action="auth.sign_in_failed", data={"account": "unknown"})


def test_it_says_ok_for_intact_chains(trail, world):
    code, out, err = run_audit("verify")
    assert code == 0
    assert err == ""
    assert f"district:{world.north.pk}: 3 events, intact" in out
    assert "system: 1 events, intact" in out
    assert out.strip().endswith("OK: 6 events in 3 chains")


def test_it_says_ok_for_an_empty_trail(db):
    code, out, _ = run_audit("verify")
    assert (code, out.strip()) == (0, "OK: 0 events in 0 chains")


def test_it_prints_each_chains_head_as_a_checkpoint(trail, world):
    code, out, _ = run_audit("checkpoint")
    assert code == 0
    checkpoint = json.loads(out)
    assert checkpoint["taken_at"].endswith("+00:00")
    north = AuditChain.objects.get(district=world.north)
    assert checkpoint["chains"][north.key] == {"seq": 3, "hash": north.head_hash}
    assert set(checkpoint["chains"]) == set(AuditChain.objects.values_list("key", flat=True))
    # Taking the checkpoint is on record, and the checkpoint already covers that event.
    system = AuditChain.objects.get(key="system")
    assert system.events.last().action == "audit.checkpointed"
    assert checkpoint["chains"]["system"] == {"seq": system.head_seq, "hash": system.head_hash}


def test_it_exports_json_lines_that_verify_offline(trail, world):
    code, out, err = run_audit("export")
    assert code == 0
    # The export is itself on record, on the system chain, before the events are read.
    assert err.strip() == "7 events exported"
    lines = out.splitlines()
    assert check_offline(lines) == {
        f"district:{world.north.pk}": 3,
        f"district:{world.south.pk}": 2,
        "system": 2,
    }
    assert json.loads(lines[-2])["data"] == {"account": "unknown"}
    assert json.loads(lines[-1])["action"] == "audit.exported"
    assert json.loads(lines[-1])["data"] == {"via": "command", "district": "all"}


def test_it_exports_one_district_to_a_file(trail, world, tmp_path):
    path = tmp_path / "south.jsonl"
    code, out, err = run_audit("export", "--district", str(world.south.pk), "--output", str(path))
    assert (code, out, err.strip()) == (0, "", "2 events exported")
    lines = path.read_text(encoding="utf-8").splitlines()
    assert check_offline(lines) == {f"district:{world.south.pk}": 2}
    assert json.loads(lines[0])["data"] == {"text": "Año", "big": 2**64}
    # The last line's hash is the chain's head: the export is its own checkpoint.
    assert json.loads(lines[-1])["hash"] == AuditChain.objects.get(district=world.south).head_hash


def test_it_refuses_a_malformed_district_id(trail):
    with pytest.raises(CommandError, match="not a district id"):
        run_audit("export", "--district", "north")
