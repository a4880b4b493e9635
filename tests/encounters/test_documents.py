"""Documents the officer shows: typed or photographed at either screen, checked by the document
checker, kept without the camera's metadata, and confirmed or corrected by the official; the
engine decides on the reviewed reading."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from threshold.audit.models import AuditEvent
from threshold.encounters import guidance
from threshold.encounters.documents import add_document
from threshold.encounters.models import EncounterDocument
from threshold.encounters.services import record_step, start_encounter

I200_TEXT = """U.S. DEPARTMENT OF HOMELAND SECURITY          WARRANT FOR ARREST OF ALIEN
File No. A 000 000 000
To: Any immigration officer authorized pursuant to sections 236 and 287 of the
Immigration and Nationality Act
I have determined that there is probable cause to believe that JOHN DOE is removable.
YOU ARE COMMANDED to arrest and take into custody for removal proceedings the above-named alien.
                /s/ Pat Example
                (Signature of Authorized Immigration Officer)
                Pat Example, Supervisory Detention and Deportation Officer
                                                  Form I-200 (Rev. 09/16)
"""


@pytest.fixture
def encounter(world):
    found = start_encounter(school=world.lincoln, actor=world.alice)
    record_step(
        encounter=found, actor=world.alice, step="identification", values={"agency": "IMMIGRATION"}
    )
    record_step(
        encounter=found,
        actor=world.alice,
        step="request",
        values={"requests": ["ACCESS_STUDENT"], "place": "NONPUBLIC_AREA", "purpose": ""},
    )
    return found


def add_url(encounter):
    return reverse("encounters-document-add", kwargs={"encounter_id": encounter.pk})


def test_the_desk_types_an_i200_and_the_checker_reads_it(world, client_for, encounter):
    response = client_for(world.alice).post(add_url(encounter), {"text": I200_TEXT})
    assert response.status_code == 302 and response.url.endswith("#documents")
    document = EncounterDocument.objects.get()
    assert (document.doc_type, document.reviewed_at) == ("ADMIN_WARRANT_I200", None)
    encounter.refresh_from_db()
    assert encounter.facts["documents"][0]["type"] == "ADMIN_WARRANT_I200"
    decision = guidance.decision_for(encounter)
    assert decision.access.value == "PUBLIC_ONLY"
    assert decision.student_contact.value == "NOT_PRODUCED"
    event = AuditEvent.objects.get(action="encounter.document_added")
    assert event.data["type"] == "ADMIN_WARRANT_I200" and event.data["source"] == "typed"
    # The official sees the checker's checklist and the pack's words for it.
    page = (
        client_for(world.olga)
        .get(reverse("encounters-official", kwargs={"encounter_id": encounter.pk}))
        .content.decode()
    )
    assert "Administrative warrant, DHS Form I-200" in page
    assert "What the checker found" in page and "The findings are right" in page
    assert "This is not a warrant signed by a judge." in page


def test_the_official_confirms_or_corrects_the_findings(world, client_for, encounter):
    document = add_document(encounter=encounter, actor=world.alice, text=I200_TEXT)
    url = reverse(
        "encounters-document-review",
        kwargs={"encounter_id": encounter.pk, "document_id": document.pk},
    )
    client = client_for(world.olga)
    client.post(
        url,
        {
            "doc_type": "ADMIN_WARRANT_I200",
            "facial_check": document.facial_check,
            "nondisclosure": "NONE",
        },
    )
    document.refresh_from_db()
    assert (document.reviewed_by, document.corrected) == (world.olga, False)

    client.post(
        url, {"doc_type": "UNKNOWN", "facial_check": "NOT_APPLICABLE", "nondisclosure": "NONE"}
    )
    document.refresh_from_db()
    assert (document.doc_type, document.corrected) == ("UNKNOWN", True)
    encounter.refresh_from_db()
    assert encounter.facts["documents"][0]["type"] == "UNKNOWN"
    reviews = AuditEvent.objects.filter(action="encounter.document_reviewed").order_by("seq")
    assert [e.data["corrected"] for e in reviews] == [False, True]


def test_the_front_desk_cannot_review_a_document(world, client_for, encounter):
    document = add_document(encounter=encounter, actor=world.alice, text=I200_TEXT)
    url = reverse(
        "encounters-document-review",
        kwargs={"encounter_id": encounter.pk, "document_id": document.pk},
    )
    response = client_for(world.alice).post(
        url, {"doc_type": "UNKNOWN", "facial_check": "NOT_APPLICABLE", "nondisclosure": "NONE"}
    )
    assert response.status_code == 403
    document.refresh_from_db()
    assert document.reviewed_at is None


def test_a_photo_is_kept_without_its_metadata(world, client_for, encounter):
    image = Image.new("RGB", (800, 600), "white")
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # camera make
    exif[0x8825] = {1: "N", 2: (41.0, 45.0, 0.0)}  # GPS latitude
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif)
    with Image.open(io.BytesIO(out.getvalue())) as sent:
        assert len(sent.getexif()) > 0  # the photo as taken carries metadata
    photo = SimpleUploadedFile("doc.jpg", out.getvalue(), content_type="image/jpeg")
    response = client_for(world.alice).post(add_url(encounter), {"photo": photo})
    assert response.status_code == 302
    document = EncounterDocument.objects.get()
    with Image.open(io.BytesIO(bytes(document.image))) as kept:
        assert kept.format == "JPEG" and len(kept.getexif()) == 0
    # A blank page: the checker cannot classify it, and says so.
    assert document.doc_type == "UNKNOWN"
    photo_url = reverse(
        "encounters-document-photo",
        kwargs={"encounter_id": encounter.pk, "document_id": document.pk},
    )
    assert client_for(world.olga).get(photo_url)["Content-Type"] == "image/jpeg"
    assert client_for(world.bob).get(photo_url).status_code == 404


def test_nothing_to_check_is_refused_plainly(world, client_for, encounter):
    response = client_for(world.alice).post(add_url(encounter), {"text": "  "})
    assert response.status_code == 422
    assert "Take a photo of the document, or type its text." in response.content.decode()
    broken = SimpleUploadedFile("doc.jpg", b"not an image", content_type="image/jpeg")
    response = client_for(world.alice).post(add_url(encounter), {"photo": broken})
    assert response.status_code == 422
    assert "The photo could not be read." in response.content.decode()
    assert not EncounterDocument.objects.exists()
