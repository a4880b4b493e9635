"""The notice to a family after an officer's visit that concerned their child: approved by the
designated official or counsel, once per visit, never while an order forbids telling the family."""

import pytest
from django.urls import reverse

from tests.records.conftest import guardian, student
from threshold.encounters import students
from threshold.encounters.models import EncounterDocument
from threshold.encounters.services import close_encounter, start_encounter
from threshold.notices import services
from threshold.notices.models import Mailing


@pytest.fixture
def visit(world):
    services.add_defaults(district=world.north, actor=world.dana, reviewed=True)
    maria = student(world.lincoln, given_name="Maria", family_name="Lopez")
    guardian(maria, name="Ana Lopez", email="ana@family.example", preferred_language="es")
    encounter = start_encounter(school=world.lincoln, actor=world.alice)
    students.link(encounter=encounter, actor=world.olga, student_id=maria.pk)
    close_encounter(encounter=encounter, actor=world.olga)
    encounter.refresh_from_db()
    return encounter


def report_url(encounter):
    return reverse("encounters-report", kwargs={"encounter_id": encounter.pk})


def send_url(encounter):
    return reverse("encounters-family-notice", kwargs={"encounter_id": encounter.pk})


def test_the_designated_official_approves_and_the_family_is_sent_the_notice_once(
    world, client_for, visit
):
    client = client_for(world.olga)
    assert (
        "Approve and send the notice to the family"
        in client.get(report_url(visit)).content.decode()
    )
    response = client.post(send_url(visit))
    mailing = Mailing.objects.get(encounter=visit)
    assert response.status_code == 302 and str(mailing.pk) in response["Location"]
    (delivery,) = mailing.deliveries.all()
    assert delivery.language == "es" and delivery.values["student"] == "Maria Lopez"
    page = client.get(report_url(visit)).content.decode()
    assert "See how it was delivered" in page and "Approve and send" not in page
    client.post(send_url(visit))
    assert Mailing.objects.filter(encounter=visit).count() == 1


def test_the_front_desk_and_the_superintendent_cannot_approve_it(world, client_for, visit):
    assert client_for(world.alice).post(send_url(visit)).status_code in (403, 404)
    from tests.notify.helpers import superintendent

    boss = superintendent(world)
    assert client_for(boss).post(send_url(visit)).status_code == 403
    assert not Mailing.objects.exists()


def test_counsel_may_approve_it(world, client_for, visit):
    client_for(world.carl).post(send_url(visit))
    assert Mailing.objects.filter(encounter=visit, created_by=world.carl).exists()


def test_nothing_is_sent_while_an_order_forbids_telling_the_family(world, client_for, visit):
    EncounterDocument.objects.create(
        encounter=visit,
        added_by=world.olga,
        text="typed",
        findings={},
        doc_type="GRAND_JURY_SUBPOENA",
        facial_check="PASS",
        nondisclosure="ORDERED_BY_COURT",
    )
    client = client_for(world.olga)
    page = client.get(report_url(visit)).content.decode()
    assert "An order forbids telling the family" in page
    assert "Approve and send" not in page
    client.post(send_url(visit))
    assert not Mailing.objects.exists()
