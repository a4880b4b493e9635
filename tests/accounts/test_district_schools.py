"""The district administrator's pages for schools and their areas."""

from __future__ import annotations

import pytest
from django.urls import reverse

from threshold.accounts.models import Area, School
from threshold.accounts.roles import Role
from threshold.audit.models import AuditEvent
from threshold.testing import factories

SCHOOL = {
    "name": "Roosevelt Middle",
    "level": "middle",
    "street": "77 Harbor Road",
    "city": "New Haven",
    "state": "ct",
    "postal_code": "06511",
    "phone": "(203) 555-0142",
    "is_active": "on",
}


def events(action: str) -> int:
    return AuditEvent.objects.filter(action=action).count()


# The list -------------------------------------------------------------------------------------


def test_it_lists_the_districts_schools_only(world, client_for):
    response = client_for(world.dana).get(reverse("district-schools"))
    assert response.status_code == 200
    assert b"Lincoln Elementary" in response.content
    assert b"Washington Middle" in response.content
    assert b"Jefferson High" not in response.content


def test_it_shows_the_primary_official_on_the_list(world, client_for):
    response = client_for(world.dana).get(reverse("district-schools"))
    assert "Olga Ortiz" in response.content.decode()


def test_it_refuses_the_list_to_someone_without_the_admin_role(world, client_for):
    assert client_for(world.alice).get(reverse("district-schools")).status_code == 403
    assert client_for(world.oscar).get(reverse("district-schools")).status_code == 403


def test_it_keeps_the_list_to_a_fixed_number_of_queries(
    world, client_for, django_assert_max_num_queries
):
    client = client_for(world.dana)
    for n in range(15):
        school = factories.school(world.north, name=f"Extra School {n}")
        factories.area(school)
        official = factories.staff_with_role(
            world.north, Role.DESIGNATED_OFFICIAL, school=school, email=f"official{n}@n.example"
        )
        assert official
    with django_assert_max_num_queries(8):
        response = client.get(reverse("district-schools"))
    assert response.status_code == 200
    assert b"Extra School 14" in response.content


# Adding and editing a school --------------------------------------------------------------------


def test_it_adds_a_school(world, client_for):
    response = client_for(world.dana).post(reverse("district-school-create"), SCHOOL)
    school = School.objects.get(name="Roosevelt Middle")
    assert response.status_code == 302
    assert response.url == reverse("district-school", kwargs={"school_id": school.pk})
    assert school.district == world.north
    assert school.state == "CT"
    assert school.is_active
    event = AuditEvent.objects.get(action="school.created")
    assert event.actor == world.dana
    assert event.school == school


def test_it_offers_the_districts_state_on_a_new_school(world, client_for):
    response = client_for(world.dana).get(reverse("district-school-create"))
    assert response.status_code == 200
    assert response.context["form"]["state"].value() == "CT"


def test_it_answers_422_and_keeps_the_input_for_a_bad_zip_code(world, client_for):
    response = client_for(world.dana).post(
        reverse("district-school-create"), {**SCHOOL, "postal_code": "651"}
    )
    assert response.status_code == 422
    page = response.content.decode()
    assert "ZIP code of five digits" in page
    assert 'value="77 Harbor Road"' in page
    assert not School.objects.filter(name="Roosevelt Middle").exists()
    assert events("school.created") == 0


def test_it_refuses_a_second_school_of_the_same_name(world, client_for):
    response = client_for(world.dana).post(
        reverse("district-school-create"), {**SCHOOL, "name": "lincoln elementary"}
    )
    assert response.status_code == 422
    assert "already has a school with this name" in response.content.decode()
    assert School.objects.filter(district=world.north).count() == 2
    assert events("school.created") == 0


def test_it_allows_the_same_name_in_another_district(world, client_for):
    response = client_for(world.sue).post(
        reverse("district-school-create"), {**SCHOOL, "name": "Lincoln Elementary"}
    )
    assert response.status_code == 302
    assert School.objects.get(district=world.south, name="Lincoln Elementary")


def test_it_refuses_adding_a_school_to_someone_without_the_admin_role(world, client_for):
    response = client_for(world.alice).post(reverse("district-school-create"), SCHOOL)
    assert response.status_code == 403
    assert not School.objects.filter(name="Roosevelt Middle").exists()


def test_it_edits_a_school_and_records_what_changed(world, client_for):
    url = reverse("district-school-edit", kwargs={"school_id": world.lincoln.pk})
    client = client_for(world.dana)
    form = client.get(url).context["form"]
    data = {name: form[name].value() for name in form.fields}
    data.update(street="121 Maple Street", is_active="")
    response = client.post(url, data)
    assert response.status_code == 302
    world.lincoln.refresh_from_db()
    assert world.lincoln.street == "121 Maple Street"
    assert not world.lincoln.is_active
    event = AuditEvent.objects.get(action="school.updated")
    assert event.data == {"fields": ["is_active", "street"]}


def test_it_shows_the_school_as_saved_when_an_edit_is_refused(world, client_for):
    url = reverse("district-school-edit", kwargs={"school_id": world.lincoln.pk})
    response = client_for(world.dana).post(url, {**SCHOOL, "name": "Washington Middle"})
    assert response.status_code == 422
    assert response.context["school"].name == "Lincoln Elementary"
    assert 'value="Washington Middle"' in response.content.decode()
    assert events("school.updated") == 0


@pytest.mark.parametrize(
    "name", ["district-school", "district-school-edit", "district-area-create"]
)
def test_it_hides_another_districts_school(world, client_for, name):
    url = reverse(name, kwargs={"school_id": world.lincoln.pk})
    client = client_for(world.sue)
    assert client.get(url).status_code in {404, 405}
    assert client.post(url, SCHOOL).status_code == 404
    world.lincoln.refresh_from_db()
    assert world.lincoln.street == "120 Maple Street"
    assert not Area.objects.exists()


@pytest.mark.parametrize(
    "name", ["district-school", "district-school-edit", "district-area-create"]
)
def test_it_refuses_school_pages_to_someone_without_the_admin_role(world, client_for, name):
    url = reverse(name, kwargs={"school_id": world.lincoln.pk})
    assert client_for(world.alice).post(url, SCHOOL).status_code == 403


def test_it_answers_404_for_an_unknown_school(world, client_for):
    url = reverse("district-school", kwargs={"school_id": "00000000-0000-0000-0000-000000000000"})
    assert client_for(world.dana).get(url).status_code == 404


# The school's page ------------------------------------------------------------------------------


def test_it_shows_the_address_officials_in_order_principal_and_areas(world, client_for):
    backup = factories.staff_with_role(
        world.north, Role.DESIGNATED_OFFICIAL, school=world.lincoln, full_name="Bea Backup"
    )
    backup.memberships.update(rank=2)
    factories.area(world.lincoln, name="Main lobby", is_public=True)
    factories.area(world.lincoln, name="Classrooms", is_public=False)
    response = client_for(world.dana).get(
        reverse("district-school", kwargs={"school_id": world.lincoln.pk})
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "120 Maple Street" in page
    assert "Hartford, CT 06103" in page
    assert page.index("Olga Ortiz") < page.index("Bea Backup")
    assert [m.user for m in response.context["officials"]] == [world.olga, backup]
    assert [m.user for m in response.context["principals"]] == [world.pete]
    assert "Main lobby" in page
    assert "Classrooms" in page


def test_it_warns_when_a_school_has_no_designated_official(world, client_for):
    response = client_for(world.dana).get(
        reverse("district-school", kwargs={"school_id": world.washington.pk})
    )
    assert "No designated official is named" in response.content.decode()


# Areas ------------------------------------------------------------------------------------------


def test_it_adds_a_public_and_a_private_area(world, client_for):
    client = client_for(world.dana)
    url = reverse("district-area-create", kwargs={"school_id": world.lincoln.pk})
    assert client.post(url, {"name": "Lobby", "is_public": "yes"}).status_code == 302
    assert client.post(url, {"name": "School buses", "is_public": "no"}).status_code == 302
    areas = {a.name: a.is_public for a in world.lincoln.areas.all()}
    assert areas == {"Lobby": True, "School buses": False}
    assert events("area.created") == 2


def test_it_asks_whether_an_area_is_public(world, client_for):
    url = reverse("district-area-create", kwargs={"school_id": world.lincoln.pk})
    response = client_for(world.dana).post(url, {"name": "Gym"})
    assert response.status_code == 422
    assert 'value="Gym"' in response.content.decode()
    assert not Area.objects.exists()
    assert events("area.created") == 0


def test_it_refuses_two_areas_of_the_same_name_at_a_school(world, client_for):
    factories.area(world.lincoln, name="Lobby")
    url = reverse("district-area-create", kwargs={"school_id": world.lincoln.pk})
    response = client_for(world.dana).post(url, {"name": "lobby", "is_public": "yes"})
    assert response.status_code == 422
    assert "already has an area with this name" in response.content.decode()
    assert world.lincoln.areas.count() == 1
    assert events("area.created") == 0


def test_it_renames_an_area_and_makes_it_not_public(world, client_for):
    area = factories.area(world.lincoln, name="Office")
    url = reverse("district-area-edit", kwargs={"area_id": area.pk})
    client = client_for(world.dana)
    assert client.get(url).status_code == 200
    response = client.post(url, {"name": "Main office", "is_public": "no"})
    assert response.status_code == 302
    area.refresh_from_db()
    assert (area.name, area.is_public) == ("Main office", False)
    event = AuditEvent.objects.get(action="area.updated")
    assert event.data == {"fields": ["is_public", "name"], "is_public": False}


def test_it_answers_422_for_a_blank_area_name(world, client_for):
    area = factories.area(world.lincoln, name="Office")
    url = reverse("district-area-edit", kwargs={"area_id": area.pk})
    response = client_for(world.dana).post(url, {"name": "", "is_public": "no"})
    assert response.status_code == 422
    area.refresh_from_db()
    assert area.name == "Office"
    assert events("area.updated") == 0


def test_it_removes_an_area(world, client_for):
    area = factories.area(world.lincoln, name="Portable classroom", is_public=False)
    url = reverse("district-area-delete", kwargs={"area_id": area.pk})
    response = client_for(world.dana).post(url)
    assert response.status_code == 302
    assert not Area.objects.filter(pk=area.pk).exists()
    event = AuditEvent.objects.get(action="area.deleted")
    assert event.subject_id == str(area.pk)
    assert event.actor == world.dana


def test_it_removes_an_area_only_by_post(world, client_for):
    area = factories.area(world.lincoln)
    url = reverse("district-area-delete", kwargs={"area_id": area.pk})
    assert client_for(world.dana).get(url).status_code == 405
    assert Area.objects.filter(pk=area.pk).exists()


@pytest.mark.parametrize("name", ["district-area-edit", "district-area-delete"])
def test_it_hides_another_districts_area(world, client_for, name):
    area = factories.area(world.lincoln, name="Lobby")
    url = reverse(name, kwargs={"area_id": area.pk})
    response = client_for(world.sue).post(url, {"name": "Taken", "is_public": "no"})
    assert response.status_code == 404
    area.refresh_from_db()
    assert area.name == "Lobby"
    assert AuditEvent.objects.filter(action__startswith="area.").count() == 0


@pytest.mark.parametrize("name", ["district-area-edit", "district-area-delete"])
def test_it_refuses_area_changes_to_someone_without_the_admin_role(world, client_for, name):
    area = factories.area(world.lincoln, name="Lobby")
    url = reverse(name, kwargs={"area_id": area.pk})
    response = client_for(world.alice).post(url, {"name": "Taken", "is_public": "no"})
    assert response.status_code == 403
    assert Area.objects.filter(pk=area.pk, name="Lobby").exists()


# The order of designated officials ----------------------------------------------------------------


def test_it_makes_a_backup_the_primary_and_the_primary_a_backup(world, client_for):
    backup = factories.user(world.north, full_name="Bea Backup")
    membership = factories.membership(
        backup, Role.DESIGNATED_OFFICIAL, school=world.lincoln, rank=2
    )
    url = reverse("district-role-rank", kwargs={"membership_id": membership.pk})
    response = client_for(world.dana).post(url, {"rank": "1"})
    assert response.status_code == 302
    ranks = {m.user: m.rank for m in world.lincoln.memberships.filter(role="designated_official")}
    assert ranks == {backup: 1, world.olga: 2}
    assert events("role.rank_changed") == 2


def test_it_answers_422_when_the_order_is_not_primary_or_backup(world, client_for):
    membership = world.olga.memberships.get()
    url = reverse("district-role-rank", kwargs={"membership_id": membership.pk})
    response = client_for(world.dana).post(url, {"rank": "7"})
    assert response.status_code == 422
    assert "Choose primary or backup" in response.content.decode()
    assert events("role.rank_changed") == 0


def test_it_hides_another_districts_official_order(world, client_for):
    membership = world.olga.memberships.get()
    url = reverse("district-role-rank", kwargs={"membership_id": membership.pk})
    assert client_for(world.sue).post(url, {"rank": "2"}).status_code == 404
    assert client_for(world.alice).post(url, {"rank": "2"}).status_code == 403
    assert world.olga.memberships.get().rank == 1
