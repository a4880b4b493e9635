"""The district's letter e-mailed to every family: once per address, each in its language, only
reviewed words, delivered by the worker once even when the mail server is down for a while."""

from datetime import date
from email.header import decode_header, make_header

import pytest
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from tests.notify.fixtures import smtp  # noqa: F401 (fixture)
from tests.records.conftest import guardian, student
from threshold.audit.models import AuditEvent
from threshold.notices import services
from threshold.notices.models import FamilyDelivery, Kind, Mailing, NoticeText
from threshold.notices.render import TextProblem


@pytest.fixture
def families(world):
    services.add_defaults(district=world.north, actor=world.dana, reviewed=True)
    services.contact_update(
        district=world.north,
        actor=world.dana,
        public_slug="north",
        contact_name="Family office",
        contact_phone="(860) 555-0100",
        contact_email="families@north.example",
    )
    maria = student(world.lincoln, given_name="Maria", family_name="Lopez")
    guardian(maria, name="Ana Lopez", email="ana@family.example", preferred_language="es")
    guardian(maria, name="Luis Lopez", email="", preferred_language="en")
    # Ana's second child: one letter to Ana, not two.
    pablo = student(world.washington, given_name="Pablo", family_name="Lopez")
    guardian(pablo, name="Ana Lopez", email="ANA@family.example", preferred_language="es")
    ola = student(world.lincoln, given_name="Ola", family_name="Nowak")
    guardian(ola, name="Ewa Nowak", email="ewa@family.example", preferred_language="pl")
    adult = student(
        world.lincoln, given_name="Sam", family_name="Reed", date_of_birth=date(2006, 1, 5)
    )
    adult.email, adult.eligible_flag = "sam@student.example", True
    adult.save()
    nobody = student(world.lincoln, given_name="Kim", family_name="Park")
    guardian(nobody, name="Jin Park", email="", preferred_language="en")
    # South's families are never North's business.
    other = student(world.jefferson, given_name="Zed", family_name="South")
    guardian(other, name="Zoe South", email="zoe@family.example", preferred_language="en")
    return world


def test_each_family_is_reached_once_in_its_language(families):
    plan = services.letter_plan(district=families.north)
    addresses = sorted(
        (r.guardian.email.lower() if r.guardian else r.student.email, r.language)
        for r in plan.recipients
    )
    assert addresses == [
        ("ana@family.example", "es"),
        ("ewa@family.example", "pl"),
        ("sam@student.example", "en"),
    ]
    assert plan.skipped == 1  # Kim Park's family has no address
    assert plan.languages == {"es": 1, "pl": 1, "en": 1} and plan.fallback == {}


def test_one_school_only(families):
    plan = services.letter_plan(district=families.north, school=families.washington)
    assert [r.guardian.name for r in plan.recipients] == ["Ana Lopez"]


def test_an_unreviewed_language_gets_the_reviewed_english_letter(families):
    polish = NoticeText.objects.get(district=families.north, kind=Kind.LETTER, language="pl")
    services.text_update(text=polish, actor=families.dana, subject="Nowy", body="Nowy {district}.")
    plan = services.letter_plan(district=families.north)
    assert plan.languages == {"es": 1, "en": 2} and plan.fallback == {"pl": 1}


def test_nothing_is_sent_without_a_reviewed_text_and_nothing_is_written(families):
    for text in NoticeText.objects.filter(district=families.north, kind=Kind.LETTER):
        services.text_update(text=text, actor=families.dana, subject="New", body="New.")
    plan = services.letter_plan(district=families.north)
    with pytest.raises(TextProblem, match="no reviewed text"):
        services.mailing_send(
            district=families.north, actor=families.dana, kind=Kind.LETTER, plan=plan
        )
    assert not Mailing.objects.exists() and not FamilyDelivery.objects.exists()


def test_the_worker_sends_each_family_its_own_e_mail_once(families, run_worker, smtp):  # noqa: F811
    plan = services.letter_plan(district=families.north)
    mailing = services.mailing_send(
        district=families.north, actor=families.dana, kind=Kind.LETTER, plan=plan
    )
    assert smtp.messages == []  # the request only queues
    run_worker()
    by_address = {m["To"].lower(): m for m in smtp.messages}
    assert set(by_address) == {"ana@family.example", "ewa@family.example", "sam@student.example"}
    subject = str(make_header(decode_header(by_address["ana@family.example"]["Subject"])))
    assert subject.startswith("Todos los niños")
    polish = by_address["ewa@family.example"].get_payload(decode=True).decode()
    assert "Każde dziecko" in polish or "okręgu" in polish
    assert "(860) 555-0100" in polish
    for message in smtp.messages:  # one recipient per e-mail, no copies to anyone else
        assert message["Cc"] is None and message["Bcc"] is None
    assert set(mailing.deliveries.values_list("state", flat=True)) == {"sent"}
    event = AuditEvent.objects.get(action="notice.mailing_sent")
    assert event.data["families"] == 3 and event.data["skipped"] == 1
    run_worker()
    assert len(smtp.messages) == 3


def test_no_letter_is_lost_while_the_mail_server_is_down(families, run_worker, smtp):  # noqa: F811
    smtp.stop()
    plan = services.letter_plan(district=families.north)
    mailing = services.mailing_send(
        district=families.north, actor=families.dana, kind=Kind.LETTER, plan=plan
    )
    run_worker()
    states = set(mailing.deliveries.values_list("state", "last_error"))
    assert states == {("pending", "ConnectionRefusedError")}
    smtp.start()
    DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())
    run_worker()
    assert sorted(m["To"].lower() for m in smtp.messages) == [
        "ana@family.example",
        "ewa@family.example",
        "sam@student.example",
    ]
    assert set(mailing.deliveries.values_list("state", flat=True)) == {"sent"}


def test_the_administrator_counts_then_sends_and_sees_how_it_went(families, client_for):
    client = client_for(families.dana)
    page = client.get(reverse("notices-letter-send")).content.decode()
    assert "3 families will get the letter" in page
    response = client.post(reverse("notices-letter-send"))
    mailing = Mailing.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(f"{mailing.pk}/")
    status = client.get(reverse("notices-mailing", kwargs={"mailing_id": mailing.pk}))
    assert "Waiting to be sent" in status.content.decode()


def test_counsel_sees_how_a_mailing_went_but_cannot_send_and_other_districts_see_nothing(
    families, client_for
):
    plan = services.letter_plan(district=families.north)
    mailing = services.mailing_send(
        district=families.north, actor=families.dana, kind=Kind.LETTER, plan=plan
    )
    url = reverse("notices-mailing", kwargs={"mailing_id": mailing.pk})
    assert client_for(families.carl).get(url).status_code == 200
    assert client_for(families.carl).post(reverse("notices-letter-send")).status_code == 403
    assert client_for(families.sue).get(url).status_code == 404
    assert client_for(families.alice).get(url).status_code == 403


# The notice after an officer's visit concerning one student ------------------------------------


def test_the_visit_notice_goes_to_that_childs_family_only_with_its_own_details(
    families,
    run_worker,
    smtp,  # noqa: F811
):
    from threshold.records.models import Student

    maria = Student.objects.get(given_name="Maria")
    services.visit_notice_send(
        student=maria,
        school=families.lincoln,
        visit_date=date(2026, 11, 3),
        actor=families.olga,
        order_forbids_notice=False,
    )
    run_worker()
    (message,) = smtp.messages  # Ana only; Luis has no address; no other family
    assert message["To"].lower() == "ana@family.example"
    body = message.get_payload(decode=True).decode()
    assert "Maria Lopez" in body and "Lincoln Elementary" in body and "03/11/2026" in body
    assert "Pablo" not in body and "Nowak" not in body
    # Once sent, the child's details are not kept with the delivery (the roster has them).
    assert FamilyDelivery.objects.get().values == {}


def test_the_visit_notice_goes_to_the_student_once_the_rights_are_theirs(families):
    from threshold.records.models import Student

    sam = Student.objects.get(given_name="Sam")
    mailing = services.visit_notice_send(
        student=sam,
        school=families.lincoln,
        visit_date=date(2026, 11, 3),
        actor=families.carl,
        order_forbids_notice=False,
    )
    (delivery,) = mailing.deliveries.all()
    assert delivery.student == sam and delivery.guardian is None
    assert delivery.values["visit_date"] == "November 3, 2026"


def test_no_visit_notice_while_an_order_forbids_it(families):
    from threshold.records.models import Student

    maria = Student.objects.get(given_name="Maria")
    with pytest.raises(services.NoticeForbidden):
        services.visit_notice_send(
            student=maria,
            school=families.lincoln,
            visit_date=date(2026, 11, 3),
            actor=families.olga,
            order_forbids_notice=True,
        )
    assert not Mailing.objects.exists()


def test_counting_and_sending_read_each_text_once_however_many_families(
    families, django_assert_max_num_queries
):
    for n in range(30):
        child = student(families.lincoln, given_name=f"Kid{n}", family_name="Many")
        guardian(child, name=f"Parent {n}", email=f"p{n}@family.example", preferred_language="pt")
    # The students, their parents, and the district's texts of the kind: three reads.
    with django_assert_max_num_queries(3):
        plan = services.letter_plan(district=families.north)
    assert len(plan.recipients) == 33
