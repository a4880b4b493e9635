"""The district administrator's pages for staff accounts."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from threshold.accounts.models import User
from threshold.accounts.roles import Role
from threshold.audit.models import AuditEvent
from threshold.testing import factories

NEW_PERSON = {
    "full_name": "Nina Novak",
    "email": "Nina.Novak@North.example",
    "phone": "(860) 555-0199",
    "preferred_language": "es",
}


def events(action: str) -> int:
    return AuditEvent.objects.filter(action=action).count()


def queued_mail() -> list[dict]:
    return [task.args_kwargs["kwargs"] for task in DBTaskResult.objects.all()]


# The list -------------------------------------------------------------------------------------


def test_it_lists_the_districts_staff_with_roles_and_status(world, client_for):
    world.bob.is_active = False
    world.bob.save()
    response = client_for(world.dana).get(reverse("district-staff"))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Alice Adams" in page
    assert "Oscar Outsider" in page
    assert "Sue Silva" not in page
    assert "Sam Stone" not in page
    assert "Deactivated" in page
    assert "Front office · Lincoln Elementary" in page


def test_it_searches_staff_by_name_or_email(world, client_for):
    client = client_for(world.dana)
    by_name = client.get(reverse("district-staff"), {"q": "ortiz"})
    assert [u.full_name for u in by_name.context["page"]] == ["Olga Ortiz"]
    by_email = client.get(reverse("district-staff"), {"q": "pete@"})
    assert [u.full_name for u in by_email.context["page"]] == ["Pete Park"]


def test_it_filters_staff_by_status(world, client_for):
    world.bob.is_active = False
    world.bob.save()
    response = client_for(world.dana).get(reverse("district-staff"), {"status": "inactive"})
    assert [u.full_name for u in response.context["page"]] == ["Bob Brown"]


def test_it_keeps_the_staff_list_to_a_fixed_number_of_queries(
    world, client_for, django_assert_max_num_queries
):
    for n in range(30):
        factories.staff_with_role(
            world.north, Role.FRONT_OFFICE, school=world.lincoln, email=f"p{n}@north.example"
        )
    client = client_for(world.dana)
    with django_assert_max_num_queries(9):
        response = client.get(reverse("district-staff"))
    assert response.status_code == 200
    assert len(response.context["page"]) == 38


def test_it_pages_a_long_staff_list(world, client_for):
    for n in range(60):
        factories.user(world.north, email=f"p{n}@north.example", full_name=f"Zed {n:02}")
    client = client_for(world.dana)
    first = client.get(reverse("district-staff"), {"q": "zed"})
    assert len(first.context["page"]) == 50
    assert "page=2" in first.content.decode()
    second = client.get(reverse("district-staff"), {"q": "zed", "page": "2"})
    assert len(second.context["page"]) == 10


def test_it_refuses_the_staff_list_to_someone_without_the_admin_role(world, client_for):
    assert client_for(world.alice).get(reverse("district-staff")).status_code == 403
    assert client_for(world.aaron).get(reverse("district-staff")).status_code == 403


# Adding a staff member ------------------------------------------------------------------------


def test_it_adds_a_staff_member_with_no_password(world, client_for):
    response = client_for(world.dana).post(reverse("district-staff-create"), NEW_PERSON)
    person = User.objects.get(email="nina.novak@north.example")
    assert response.status_code == 302
    assert response.url == reverse("district-staff-member", kwargs={"staff_id": person.pk})
    assert person.district == world.north
    assert person.preferred_language == "es"
    assert not person.has_usable_password()
    event = AuditEvent.objects.get(action="staff.created")
    assert (event.actor, event.subject_id) == (world.dana, str(person.pk))


def test_it_offers_to_email_a_new_person_a_link_to_set_a_password(world, client_for):
    client = client_for(world.dana)
    client.post(reverse("district-staff-create"), NEW_PERSON)
    person = User.objects.get(email="nina.novak@north.example")
    page = client.get(reverse("district-staff-member", kwargs={"staff_id": person.pk}))
    assert "No password yet" in page.content.decode()
    assert reverse("district-staff-password-link", kwargs={"staff_id": person.pk}) in (
        page.content.decode()
    )


def test_it_refuses_an_email_address_already_in_use_anywhere(world, client_for):
    response = client_for(world.dana).post(
        reverse("district-staff-create"), {**NEW_PERSON, "email": "SAM@south.example"}
    )
    assert response.status_code == 422
    page = response.content.decode()
    assert "Another account already uses this e-mail address" in page
    assert 'value="Nina Novak"' in page
    assert not User.objects.filter(full_name="Nina Novak").exists()
    assert events("staff.created") == 0


def test_it_answers_422_for_a_missing_name(world, client_for):
    response = client_for(world.dana).post(
        reverse("district-staff-create"), {**NEW_PERSON, "full_name": ""}
    )
    assert response.status_code == 422
    assert 'value="Nina.Novak@North.example"' in response.content.decode()
    assert not User.objects.filter(email__iexact=NEW_PERSON["email"]).exists()
    assert events("staff.created") == 0


def test_it_refuses_adding_staff_to_someone_without_the_admin_role(world, client_for):
    response = client_for(world.alice).post(reverse("district-staff-create"), NEW_PERSON)
    assert response.status_code == 403
    assert not User.objects.filter(full_name="Nina Novak").exists()


# The password link ------------------------------------------------------------------------------


def test_it_emails_the_link_through_the_worker_in_the_persons_language(
    world, client_for, django_capture_on_commit_callbacks
):
    person = factories.user(world.north, email="nina@north.example", preferred_language="es")
    url = reverse("district-staff-password-link", kwargs={"staff_id": person.pk})
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(world.dana).post(url)
    assert response.status_code == 302
    [mail] = queued_mail()
    assert mail["to"] == ["nina@north.example"]
    assert mail["subject"] == "Establezca su contraseña de Threshold"  # in her language
    assert "/password/reset/" in mail["body"]
    assert mail["district_id"] == str(world.north.pk)
    sent = AuditEvent.objects.get(action="staff.password_link_sent")
    assert (sent.actor, sent.subject_id) == (world.dana, str(person.pk))
    assert events("auth.password_reset_requested") == 1


def test_it_sends_no_link_to_a_deactivated_account(
    world, client_for, django_capture_on_commit_callbacks
):
    world.bob.is_active = False
    world.bob.save()
    url = reverse("district-staff-password-link", kwargs={"staff_id": world.bob.pk})
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(world.dana).post(url)
    assert response.status_code == 422
    assert "reactivate it first" in response.content.decode()
    assert queued_mail() == []
    assert events("staff.password_link_sent") == 0
    assert events("auth.password_reset_requested") == 0


# Editing, deactivating, reactivating ------------------------------------------------------------


def test_it_edits_a_staff_member(world, client_for):
    url = reverse("district-staff-edit", kwargs={"staff_id": world.alice.pk})
    client = client_for(world.dana)
    assert client.get(url).context["form"]["email"].value() == "alice@north.example"
    response = client.post(
        url,
        {
            "full_name": "Alice Adams-Lee",
            "email": "alice@north.example",
            "phone": "",
            "preferred_language": "en",
        },
    )
    assert response.status_code == 302
    world.alice.refresh_from_db()
    assert world.alice.full_name == "Alice Adams-Lee"
    assert AuditEvent.objects.get(action="staff.updated").data == {"fields": ["full_name"]}


def test_it_refuses_an_edit_to_a_taken_email_and_keeps_the_input(world, client_for):
    url = reverse("district-staff-edit", kwargs={"staff_id": world.alice.pk})
    response = client_for(world.dana).post(
        url,
        {
            "full_name": "Alice New",
            "email": "bob@north.example",
            "phone": "",
            "preferred_language": "en",
        },
    )
    assert response.status_code == 422
    assert 'value="Alice New"' in response.content.decode()
    assert response.context["member"].full_name == "Alice Adams"
    world.alice.refresh_from_db()
    assert world.alice.email == "alice@north.example"
    assert events("staff.updated") == 0


def test_it_deactivates_and_reactivates_an_account(world, client_for):
    url = reverse("district-staff-active", kwargs={"staff_id": world.alice.pk})
    client = client_for(world.dana)
    assert client.post(url, {"active": "0"}).status_code == 302
    world.alice.refresh_from_db()
    assert not world.alice.is_active
    assert client.post(url, {"active": "1"}).status_code == 302
    world.alice.refresh_from_db()
    assert world.alice.is_active
    assert events("staff.deactivated") == 1
    assert events("staff.reactivated") == 1


def test_it_signs_a_deactivated_person_out(world, client_for, client):
    from django.test import Client

    alices_browser = Client()
    alices_browser.force_login(world.alice)
    assert alices_browser.get(reverse("home")).status_code == 200
    url = reverse("district-staff-active", kwargs={"staff_id": world.alice.pk})
    client_for(world.dana).post(url, {"active": "0"})
    assert alices_browser.get(reverse("home")).status_code == 302


def test_it_refuses_to_deactivate_ones_own_account(world, client_for):
    url = reverse("district-staff-active", kwargs={"staff_id": world.dana.pk})
    response = client_for(world.dana).post(url, {"active": "0"})
    assert response.status_code == 422
    assert "cannot deactivate your own account" in response.content.decode()
    world.dana.refresh_from_db()
    assert world.dana.is_active
    assert events("staff.deactivated") == 0


def test_it_changes_nothing_without_a_clear_choice(world, client_for):
    url = reverse("district-staff-active", kwargs={"staff_id": world.alice.pk})
    assert client_for(world.dana).post(url).status_code == 422
    world.alice.refresh_from_db()
    assert world.alice.is_active


# Ownership --------------------------------------------------------------------------------------

STAFF_URLS = [
    "district-staff-member",
    "district-staff-edit",
    "district-staff-active",
    "district-staff-password-link",
    "district-role-grant",
]


@pytest.mark.parametrize("name", STAFF_URLS)
def test_it_hides_another_districts_staff(world, client_for, name):
    url = reverse(name, kwargs={"staff_id": world.alice.pk})
    response = client_for(world.sue).post(url, {**NEW_PERSON, "active": "0", "role": "staff"})
    assert response.status_code == 404
    world.alice.refresh_from_db()
    assert (world.alice.full_name, world.alice.is_active) == ("Alice Adams", True)
    assert AuditEvent.objects.count() == 0


@pytest.mark.parametrize("name", STAFF_URLS)
def test_it_refuses_staff_pages_to_someone_without_the_admin_role(world, client_for, name):
    url = reverse(name, kwargs={"staff_id": world.bob.pk})
    response = client_for(world.alice).post(url, {**NEW_PERSON, "active": "0", "role": "staff"})
    assert response.status_code == 403
    assert AuditEvent.objects.count() == 0


def test_it_answers_404_for_someone_with_no_district(world, client_for):
    stray = factories.user(None, email="stray@example.org")
    url = reverse("district-staff-member", kwargs={"staff_id": stray.pk})
    assert client_for(world.dana).get(url).status_code == 404
