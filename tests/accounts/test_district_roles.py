"""Giving and removing roles from a staff member's page."""

from __future__ import annotations

from django.urls import reverse

from threshold.accounts.models import Membership
from threshold.accounts.roles import Role
from threshold.audit.models import AuditEvent
from threshold.testing import factories


def grant_url(user) -> str:
    return reverse("district-role-grant", kwargs={"staff_id": user.pk})


def revoke_url(membership: Membership) -> str:
    return reverse("district-role-revoke", kwargs={"membership_id": membership.pk})


def events(action: str) -> int:
    return AuditEvent.objects.filter(action=action).count()


def test_it_shows_a_persons_roles_and_the_form_to_give_one(world, client_for):
    response = client_for(world.dana).get(
        reverse("district-staff-member", kwargs={"staff_id": world.olga.pk})
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Designated official" in page
    assert "Lincoln Elementary" in page
    assert grant_url(world.olga) in page
    schools = list(response.context["role_form"].fields["school"].queryset)
    assert schools == [world.lincoln, world.washington]


def test_it_gives_a_school_role(world, client_for):
    response = client_for(world.dana).post(
        grant_url(world.bob), {"role": "principal", "school": world.washington.pk, "rank": "1"}
    )
    assert response.status_code == 302
    assert Membership.objects.filter(
        user=world.bob, role=Role.PRINCIPAL, school=world.washington
    ).exists()
    event = AuditEvent.objects.get(action="role.granted")
    assert event.actor == world.dana
    assert event.school == world.washington
    assert event.data["role"] == "principal"


def test_it_gives_a_district_role(world, client_for):
    response = client_for(world.dana).post(
        grant_url(world.oscar), {"role": "superintendent", "school": "", "rank": "1"}
    )
    assert response.status_code == 302
    membership = Membership.objects.get(user=world.oscar)
    assert (membership.role, membership.school) == ("superintendent", None)


def test_it_gives_a_backup_designated_official(world, client_for):
    response = client_for(world.dana).post(
        grant_url(world.pete),
        {"role": "designated_official", "school": world.lincoln.pk, "rank": "2"},
    )
    assert response.status_code == 302
    membership = Membership.objects.get(user=world.pete, role=Role.DESIGNATED_OFFICIAL)
    assert membership.rank == Membership.Rank.BACKUP


def test_it_refuses_a_second_primary_official_and_keeps_the_choice(world, client_for):
    response = client_for(world.dana).post(
        grant_url(world.pete),
        {"role": "designated_official", "school": world.lincoln.pk, "rank": "1"},
    )
    assert response.status_code == 422
    form = response.context["role_form"]
    assert "Olga Ortiz is already the primary" in form.errors["rank"][0]
    assert form["role"].value() == "designated_official"
    assert form["school"].value() == str(world.lincoln.pk)
    assert not Membership.objects.filter(user=world.pete, role=Role.DESIGNATED_OFFICIAL).exists()
    assert events("role.granted") == 0


def test_it_asks_for_the_school_of_a_school_role(world, client_for):
    response = client_for(world.dana).post(
        grant_url(world.oscar), {"role": "front_office", "school": "", "rank": "1"}
    )
    assert response.status_code == 422
    assert "Choose the school for this role" in response.context["role_form"].errors["school"][0]
    assert not Membership.objects.filter(user=world.oscar).exists()
    assert events("role.granted") == 0


def test_it_refuses_a_school_for_a_district_role(world, client_for):
    response = client_for(world.dana).post(
        grant_url(world.oscar), {"role": "auditor", "school": world.lincoln.pk, "rank": "1"}
    )
    assert response.status_code == 422
    assert "whole district" in response.context["role_form"].errors["school"][0]
    assert not Membership.objects.filter(user=world.oscar).exists()


def test_it_refuses_a_role_held_already(world, client_for):
    response = client_for(world.dana).post(
        grant_url(world.alice), {"role": "front_office", "school": world.lincoln.pk, "rank": "1"}
    )
    assert response.status_code == 422
    assert "already has that role there" in response.content.decode()
    assert Membership.objects.filter(user=world.alice).count() == 1


def test_it_does_not_offer_another_districts_school(world, client_for):
    response = client_for(world.dana).post(
        grant_url(world.oscar), {"role": "front_office", "school": world.jefferson.pk, "rank": "1"}
    )
    assert response.status_code == 422
    assert response.context["role_form"].errors["school"]
    assert not Membership.objects.filter(user=world.oscar).exists()


def test_it_answers_422_for_a_role_not_in_the_list(world, client_for):
    response = client_for(world.dana).post(
        grant_url(world.oscar), {"role": "immigration_liaison", "school": "", "rank": "1"}
    )
    assert response.status_code == 422
    assert not Membership.objects.filter(user=world.oscar).exists()


def test_it_removes_a_role(world, client_for):
    membership = world.alice.memberships.get()
    response = client_for(world.dana).post(revoke_url(membership))
    assert response.status_code == 302
    assert response.url == reverse("district-staff-member", kwargs={"staff_id": world.alice.pk})
    assert not Membership.objects.filter(pk=membership.pk).exists()
    event = AuditEvent.objects.get(action="role.revoked")
    assert event.data == {"role": "front_office", "membership": str(membership.pk)}


def test_it_keeps_the_only_administrator_from_removing_their_own_role(world, client_for):
    membership = world.dana.memberships.get()
    response = client_for(world.dana).post(revoke_url(membership))
    assert response.status_code == 422
    assert "only administrator" in response.content.decode()
    assert Membership.objects.filter(pk=membership.pk).exists()
    assert events("role.revoked") == 0


def test_it_lets_an_administrator_step_down_when_another_remains(world, client_for):
    factories.staff_with_role(world.north, Role.DISTRICT_ADMIN, email="second@north.example")
    membership = world.dana.memberships.get()
    response = client_for(world.dana).post(revoke_url(membership))
    assert response.status_code == 302
    assert not Membership.objects.filter(pk=membership.pk).exists()


def test_it_removes_roles_only_by_post(world, client_for):
    membership = world.alice.memberships.get()
    assert client_for(world.dana).get(revoke_url(membership)).status_code == 405
    assert Membership.objects.filter(pk=membership.pk).exists()


def test_it_hides_another_districts_roles(world, client_for):
    membership = world.alice.memberships.get()
    assert client_for(world.sue).post(revoke_url(membership)).status_code == 404
    assert Membership.objects.filter(pk=membership.pk).exists()
    assert AuditEvent.objects.count() == 0


def test_it_refuses_role_changes_to_someone_without_the_admin_role(world, client_for):
    membership = world.bob.memberships.get()
    client = client_for(world.alice)
    assert client.post(revoke_url(membership)).status_code == 403
    response = client.post(grant_url(world.alice), {"role": "district_admin", "rank": "1"})
    assert response.status_code == 403
    assert Membership.objects.filter(pk=membership.pk).exists()
    assert not Membership.objects.filter(user=world.alice, role=Role.DISTRICT_ADMIN).exists()
    assert AuditEvent.objects.count() == 0


def test_it_gives_a_role_to_a_person_of_the_district_only(world, client_for):
    response = client_for(world.dana).post(
        grant_url(world.sam), {"role": "district_admin", "school": "", "rank": "1"}
    )
    assert response.status_code == 404
    assert not Membership.objects.filter(user=world.sam, role=Role.DISTRICT_ADMIN).exists()
