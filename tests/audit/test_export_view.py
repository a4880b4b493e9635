"""Downloading the district's chain as JSON lines, itself an audit event."""

import json

from django.urls import reverse

from tests.audit.helpers import append, check_offline
from threshold.audit.models import AuditChain, AuditEvent

URL = reverse("audit-export")


def download(client) -> list[str]:
    response = client.post(URL)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/jsonl; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="audit-')
    return b"".join(response.streaming_content).decode().splitlines()


def test_it_downloads_the_chain_and_records_the_download(world, client_for):
    append(world.north, 3, actor=world.dana)
    lines = download(client_for(world.aaron))
    key = f"district:{world.north.pk}"
    assert check_offline(lines) == {key: 4}
    last = json.loads(lines[-1])
    assert last["action"] == "audit.exported"
    assert last["actor"] == str(world.aaron.pk)
    event = AuditEvent.objects.get(action="audit.exported")
    assert (event.actor, event.chain.district) == (world.aaron, world.north)
    # The download ends at the head it wrote: a checkpoint to keep.
    assert last["hash"] == AuditChain.objects.get(key=key).head_hash


def test_it_downloads_only_the_readers_district(world, client_for):
    append(world.north, 3)
    append(None, 1, action="auth.sign_in_failed", data={"account": "unknown"})
    lines = download(client_for(world.sue))
    assert check_offline(lines) == {f"district:{world.south.pk}": 1}
    assert AuditEvent.objects.filter(chain__district=world.north).count() == 3


def test_it_needs_a_post(world, client_for):
    assert client_for(world.dana).get(URL).status_code == 405
    assert not AuditEvent.objects.exists()


def test_it_refuses_people_without_the_audit_role(world, client_for):
    for persona in (world.alice, world.oscar, world.bob):
        assert client_for(persona).post(URL).status_code == 403
    assert not AuditEvent.objects.exists()
