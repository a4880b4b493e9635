"""The rules the account services keep, whoever calls them (pages, commands, the API)."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from threshold.accounts import services
from threshold.accounts.models import Area, District, Membership, School, User
from threshold.accounts.roles import Role
from threshold.audit.models import AuditEvent
from threshold.testing import factories

ADDRESS = {
    "level": School.Level.HIGH,
    "street": "1 Shore Road",
    "city": "Mystic",
    "state": "CT",
    "postal_code": "06355",
}


def actions() -> list[str]:
    return list(AuditEvent.objects.order_by("created_at", "seq").values_list("action", flat=True))


# Districts and schools --------------------------------------------------------------------------


def test_it_creates_a_district_with_an_upper_case_state(db):
    district = services.district_create(name="Shore District", state="ri", actor=None)
    assert district.state == "RI"
    assert actions() == ["district.created"]


def test_it_refuses_a_state_that_is_not_a_postal_code(db):
    with pytest.raises(ValidationError) as error:
        services.district_create(name="Shore District", state="XX", actor=None)
    assert "state" in error.value.error_dict
    with pytest.raises(ValidationError):
        services.district_create(name="Shore District", state="Connecticut", actor=None)
    assert not District.objects.exists()


def test_it_refuses_a_district_state_change_to_an_unknown_code(world):
    with pytest.raises(ValidationError):
        services.district_update(district=world.north, actor=world.dana, name="North", state="ZZ")
    assert AuditEvent.objects.filter(action="district.updated").count() == 0


def test_it_refuses_two_schools_of_one_name_in_a_district_whatever_the_case(world):
    with pytest.raises(ValidationError) as error:
        services.school_create(
            district=world.north, actor=world.dana, name="LINCOLN ELEMENTARY", **ADDRESS
        )
    assert "name" in error.value.error_dict
    assert School.objects.filter(district=world.north).count() == 2


def test_it_refuses_a_school_rename_to_a_name_in_use(world):
    with pytest.raises(ValidationError):
        services.school_update(school=world.lincoln, actor=world.dana, name="Washington Middle")
    assert actions() == []


def test_it_lets_a_school_change_the_case_of_its_own_name(world):
    services.school_update(school=world.lincoln, actor=world.dana, name="LINCOLN ELEMENTARY")
    assert actions() == ["school.updated"]


def test_it_refuses_a_school_in_an_unknown_state(world):
    with pytest.raises(ValidationError) as error:
        services.school_create(
            district=world.north, actor=world.dana, name="Shore High", **{**ADDRESS, "state": "QQ"}
        )
    assert "state" in error.value.error_dict
    assert actions() == []


def test_it_records_nothing_when_a_school_update_changes_nothing(world):
    services.school_update(school=world.lincoln, actor=world.dana, name="Lincoln Elementary")
    assert actions() == []


# Areas ------------------------------------------------------------------------------------------


def test_it_puts_new_areas_after_the_existing_ones(world):
    first = services.area_create(
        school=world.lincoln, actor=world.dana, name="Lobby", is_public=True
    )
    second = services.area_create(
        school=world.lincoln, actor=world.dana, name="Classrooms", is_public=False
    )
    assert (first.position, second.position) == (0, 1)
    assert list(world.lincoln.areas.all()) == [first, second]


def test_it_refuses_two_areas_of_one_name_at_a_school(world):
    services.area_create(school=world.lincoln, actor=world.dana, name="Lobby", is_public=True)
    with pytest.raises(ValidationError) as error:
        services.area_create(school=world.lincoln, actor=world.dana, name="LOBBY", is_public=True)
    assert "name" in error.value.error_dict
    assert Area.objects.count() == 1


def test_it_allows_the_same_area_name_at_another_school(world):
    services.area_create(school=world.lincoln, actor=world.dana, name="Lobby", is_public=True)
    services.area_create(school=world.washington, actor=world.dana, name="Lobby", is_public=True)
    assert Area.objects.count() == 2


def test_it_refuses_renaming_an_area_to_a_name_in_use(world):
    factories.area(world.lincoln, name="Lobby")
    office = factories.area(world.lincoln, name="Office", is_public=False)
    with pytest.raises(ValidationError):
        services.area_update(area=office, actor=world.dana, name="lobby", is_public=False)
    assert actions() == []


def test_it_records_an_areas_removal_before_removing_it(world):
    area = factories.area(world.lincoln, name="Bus", is_public=False)
    area_id = str(area.pk)
    services.area_delete(area=area, actor=world.dana)
    event = AuditEvent.objects.get(action="area.deleted")
    assert (event.subject_type, event.subject_id) == ("accounts.area", area_id)
    assert event.school == world.lincoln
    assert not Area.objects.exists()


# Staff ------------------------------------------------------------------------------------------


def test_it_creates_staff_with_a_lower_case_address_and_no_password(world):
    person = services.staff_create(
        district=world.north, actor=world.dana, email="New.Person@North.Example", full_name="N P"
    )
    assert person.email == "new.person@north.example"
    assert not person.has_usable_password()
    assert actions() == ["staff.created"]


def test_it_refuses_an_address_used_in_another_district(world):
    with pytest.raises(ValidationError) as error:
        services.staff_create(
            district=world.north, actor=world.dana, email="Sue@South.example", full_name="S"
        )
    assert "email" in error.value.error_dict
    assert actions() == []


def test_it_refuses_to_deactivate_ones_own_account(world):
    with pytest.raises(ValidationError):
        services.staff_set_active(staff=world.dana, actor=world.dana, active=False)
    assert User.objects.get(pk=world.dana.pk).is_active


def test_it_records_nothing_when_the_status_does_not_change(world):
    services.staff_set_active(staff=world.alice, actor=world.dana, active=True)
    assert actions() == []


def test_it_records_who_sent_a_password_link(world):
    services.password_link_sent(staff=world.alice, actor=world.dana)
    event = AuditEvent.objects.get(action="staff.password_link_sent")
    assert (event.actor, event.subject_id) == (world.dana, str(world.alice.pk))


def test_it_refuses_a_password_link_for_a_deactivated_account(world):
    services.staff_set_active(staff=world.alice, actor=world.dana, active=False)
    with pytest.raises(ValidationError):
        services.password_link_sent(staff=world.alice, actor=world.dana)
    assert "staff.password_link_sent" not in actions()


# Roles ------------------------------------------------------------------------------------------


def test_it_gives_a_school_role_and_records_it_on_the_districts_chain(world):
    membership = services.role_grant(
        staff=world.bob, actor=world.dana, role=Role.PRINCIPAL, school=world.washington
    )
    event = AuditEvent.objects.get(action="role.granted")
    assert event.chain.district == world.north
    assert event.school == world.washington
    assert event.data == {"role": "principal", "membership": str(membership.pk), "rank": 1}


def test_it_refuses_a_school_of_another_district(world):
    with pytest.raises(ValidationError) as error:
        services.role_grant(
            staff=world.bob, actor=world.dana, role=Role.FRONT_OFFICE, school=world.jefferson
        )
    assert "school" in error.value.error_dict
    assert not Membership.objects.filter(user=world.bob, school=world.jefferson).exists()


def test_it_refuses_an_unknown_role(world):
    with pytest.raises(ValidationError) as error:
        services.role_grant(staff=world.oscar, actor=world.dana, role="immigration_agent")
    assert "role" in error.value.error_dict


def test_it_refuses_a_school_role_without_a_school_and_a_district_role_with_one(world):
    with pytest.raises(ValidationError):
        services.role_grant(staff=world.oscar, actor=world.dana, role=Role.FRONT_OFFICE)
    with pytest.raises(ValidationError):
        services.role_grant(
            staff=world.oscar, actor=world.dana, role=Role.AUDITOR, school=world.lincoln
        )
    assert not Membership.objects.filter(user=world.oscar).exists()


def test_it_refuses_an_account_with_no_district(world):
    stray = factories.user(None)
    with pytest.raises(ValidationError):
        services.role_grant(staff=stray, actor=world.dana, role=Role.AUDITOR)


def test_it_ignores_the_order_for_roles_other_than_designated_official(world):
    membership = services.role_grant(
        staff=world.oscar, actor=world.dana, role=Role.STAFF, school=world.lincoln, rank=2
    )
    assert membership.rank == Membership.Rank.PRIMARY


def test_it_refuses_an_order_that_is_not_primary_or_backup(world):
    with pytest.raises(ValidationError) as error:
        services.role_grant(
            staff=world.pete,
            actor=world.dana,
            role=Role.DESIGNATED_OFFICIAL,
            school=world.lincoln,
            rank=3,
        )
    assert "rank" in error.value.error_dict


def test_it_keeps_one_primary_designated_official_per_school(world):
    with pytest.raises(ValidationError) as error:
        services.role_grant(
            staff=world.pete, actor=world.dana, role=Role.DESIGNATED_OFFICIAL, school=world.lincoln
        )
    assert "Olga Ortiz" in error.value.error_dict["rank"][0].messages[0]
    backup = services.role_grant(
        staff=world.pete,
        actor=world.dana,
        role=Role.DESIGNATED_OFFICIAL,
        school=world.lincoln,
        rank=Membership.Rank.BACKUP,
    )
    assert backup.rank == Membership.Rank.BACKUP


def test_it_allows_a_primary_at_each_school(world):
    services.role_grant(
        staff=world.olga, actor=world.dana, role=Role.DESIGNATED_OFFICIAL, school=world.washington
    )
    assert Membership.objects.filter(role=Role.DESIGNATED_OFFICIAL, rank=1).count() == 2


def test_it_swaps_the_primary_when_a_backup_becomes_primary(world):
    backup = services.role_grant(
        staff=world.pete,
        actor=world.dana,
        role=Role.DESIGNATED_OFFICIAL,
        school=world.lincoln,
        rank=Membership.Rank.BACKUP,
    )
    services.role_set_rank(membership=backup, actor=world.dana, rank=Membership.Rank.PRIMARY)
    officials = Membership.objects.filter(school=world.lincoln, role=Role.DESIGNATED_OFFICIAL)
    assert {m.user: m.rank for m in officials} == {world.pete: 1, world.olga: 2}
    changes = AuditEvent.objects.filter(action="role.rank_changed").order_by("seq")
    assert [(e.subject_id, e.data["rank"]) for e in changes] == [
        (str(world.olga.pk), 2),
        (str(world.pete.pk), 1),
    ]


def test_it_records_nothing_when_the_order_does_not_change(world):
    membership = world.olga.memberships.get()
    services.role_set_rank(membership=membership, actor=world.dana, rank=Membership.Rank.PRIMARY)
    assert actions() == []


def test_it_gives_an_order_to_designated_officials_only(world):
    with pytest.raises(ValidationError):
        services.role_set_rank(membership=world.alice.memberships.get(), actor=world.dana, rank=2)
    with pytest.raises(ValidationError):
        services.role_set_rank(membership=world.olga.memberships.get(), actor=world.dana, rank=0)
    assert actions() == []


def test_it_keeps_the_last_administrator(world):
    with pytest.raises(ValidationError):
        services.role_revoke(membership=world.dana.memberships.get(), actor=world.dana)
    assert Membership.objects.filter(user=world.dana, role=Role.DISTRICT_ADMIN).exists()
    assert actions() == []


def test_it_does_not_count_a_deactivated_administrator_as_another(world):
    other = factories.staff_with_role(world.north, Role.DISTRICT_ADMIN, is_active=False)
    assert other
    with pytest.raises(ValidationError):
        services.role_revoke(membership=world.dana.memberships.get(), actor=world.dana)


def test_it_records_a_revoked_role_before_removing_it(world):
    membership = world.alice.memberships.get()
    services.role_revoke(membership=membership, actor=world.dana)
    event = AuditEvent.objects.get(action="role.revoked")
    assert event.school == world.lincoln
    assert event.subject_id == str(world.alice.pk)
    assert not Membership.objects.filter(pk=membership.pk).exists()
