"""Checking the district's chain from the audit page (an htmx partial)."""

import pytest
from django.urls import reverse

from tests.audit.helpers import append, behind_the_triggers, sql
from threshold.audit.models import AuditChain

URL = reverse("audit-verify-hx")
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def trail(world):
    north = append(world.north, 3, actor=world.dana)
    append(world.south, 2)
    append(None, 1, action="auth.sign_in_failed", data={"account": "unknown"})
    return north


def test_it_answers_with_the_status_partial(world, trail, client_for):
    response = client_for(world.aaron).get(URL, **HTMX)
    assert response.status_code == 200
    content = response.content.decode()
    assert content.startswith('<section class="card" id="chain-status"')
    assert "<html" not in content
    assert "Intact" in content
    assert "all 3 events match their hashes" in content
    assert AuditChain.objects.get(district=world.north).head_hash in content


def test_it_names_the_broken_event(world, trail, client_for):
    with behind_the_triggers():
        sql("UPDATE audit_auditevent SET action = %s WHERE id = %s", ["x", trail[1].pk])
    content = client_for(world.carl).get(URL, **HTMX).content.decode()
    assert "Broken" in content
    assert f"Event no. 2 (id {trail[1].pk})" in content
    assert "it was altered" in content


def test_it_checks_only_the_readers_district(world, trail, client_for):
    # North's chain is broken; South's administrator sees South's, which holds.
    with behind_the_triggers():
        sql("UPDATE audit_auditevent SET action = %s WHERE id = %s", ["x", trail[1].pk])
    content = client_for(world.sue).get(URL, **HTMX).content.decode()
    assert "all 2 events match their hashes" in content
    assert AuditChain.objects.get(district=world.south).head_hash in content


def test_it_answers_with_a_whole_page_without_htmx(world, trail, client_for):
    response = client_for(world.dana).get(URL)
    assert response.status_code == 200
    assert "<html" in response.content.decode()
    assert "Intact" in response.content.decode()


def test_it_says_when_there_is_nothing_to_check(world, client_for):
    response = client_for(world.aaron).get(URL, **HTMX)
    assert "Nothing has been recorded yet." in response.content.decode()


def test_it_refuses_people_without_the_audit_role(world, trail, client_for):
    for persona in (world.alice, world.oscar, world.sam):
        assert client_for(persona).get(URL, **HTMX).status_code == 403
