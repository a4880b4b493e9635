"""The parent's notice leaves through the background worker as real mail, in the parent's
language; counsel hears of the request too."""

from threshold.records import services
from threshold.records.models import Notice
from threshold.records.services import PresentedDocument, Requester

from .conftest import guardian, student


def test_the_notice_reaches_the_parent_by_mail(world, rita, smtp_server, run_worker):
    child = student(world.lincoln, given_name="Lucia", family_name="Morales")
    guardian(child, name="Rosa Morales", email="rosa@family.example", preferred_language="es")
    guardian(child, name="Tom Morales", email="tom@family.example", preferred_language="en")
    request = services.request_intake(
        district=world.north,
        actor=rita,
        stated_interest="Criminal case",
        channel="MAIL_OR_FAX",
        requester=Requester(agency="STATE_OR_LOCAL_POLICE", name="Det. Ruiz"),
        requested=["STUDENT_RECORDS"],
        student=child,
        document=PresentedDocument(doc_class="JUDICIAL_SUBPOENA", facial_check="PASS"),
    )
    services.notice_send(request=request, actor=rita)
    assert smtp_server.messages == []  # the worker sends, not the request
    run_worker()
    by_recipient = {m["To"]: m for m in smtp_server.messages}
    # The parents, in their languages; counsel and the school's designated official, as the
    # pack says, by the request's reference only.
    assert set(by_recipient) == {
        "rosa@family.example",
        "tom@family.example",
        "carl@north.example",
        "olga@north.example",
    }
    # The worker wrote back each delivery: the waiting period runs from it.
    for notice in request.notices.all():
        assert notice.state == Notice.State.SENT and notice.delivered_at is not None
        assert notice.earliest_release == notice.stated_release
    spanish = by_recipient["rosa@family.example"]
    assert spanish["Subject"].startswith("Aviso antes de entregar expedientes")
    assert "Lucia Morales" in spanish.get_payload(decode=True).decode()
    english = by_recipient["tom@family.example"]
    assert english["Subject"].startswith("Notice before the release of student records")
    counsel = by_recipient["carl@north.example"].get_payload(decode=True).decode()
    assert "Lucia" not in counsel and "Morales" not in counsel  # counsel's mail names no one
    official = by_recipient["olga@north.example"].get_payload(decode=True).decode()
    assert "Lucia" not in official and "Morales" not in official
