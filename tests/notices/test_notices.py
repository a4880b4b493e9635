"""Notices to families: starting texts in five languages, changes and reviews with their audit
events, whom families contact, and who may do what."""

import pytest
from django.urls import reverse

from threshold.audit.models import AuditEvent
from threshold.notices import services
from threshold.notices.models import FamilyContact, Kind, NoticeText
from threshold.notices.render import TextProblem, placeholders_in, render
from threshold.notices.texts import LANGUAGES, LETTER


def text_of(district, kind=Kind.LETTER, language="en"):
    return NoticeText.objects.get(district=district, kind=kind, language=language)


def contact(district, actor, slug="north"):
    return services.contact_update(
        district=district,
        actor=actor,
        public_slug=slug,
        contact_name="Office of the Superintendent",
        contact_phone="(860) 555-0100",
        contact_email="families@north.example",
    )


def test_starting_texts_cover_every_kind_and_language_unreviewed_and_once(world):
    added = services.add_defaults(district=world.north, actor=world.dana)

    assert len(added) == len(Kind.values) * len(LANGUAGES) == 20
    assert not any(text.reviewed for text in NoticeText.objects.filter(district=world.north))
    assert services.add_defaults(district=world.north, actor=world.dana) == []
    events = AuditEvent.objects.filter(action="notice.defaults_added")
    assert [event.data["count"] for event in events] == [20]


def test_every_starting_text_uses_only_what_its_kind_can_fill():
    from threshold.notices.models import PLACEHOLDERS

    for kind, by_language in services.DEFAULTS.items():
        assert set(by_language) == set(LANGUAGES), kind
        english = placeholders_in(by_language["en"].body)
        for language, default in by_language.items():
            names = placeholders_in(default.subject) | placeholders_in(default.body)
            assert names <= PLACEHOLDERS[kind], (kind, language)
            # Each translation says everything the English text fills in.
            assert placeholders_in(default.body) == english, (kind, language)


def test_the_letter_says_what_the_seed_letter_says_in_every_language():
    english = LETTER["en"].body
    for phrase in ("immigration status", "FERPA", "judge", "training", "obstruct"):
        assert phrase in english
    for language, default in LETTER.items():
        assert "FERPA" in default.body, language
        assert "{contact_phone}" in default.body, language


def test_a_change_is_a_new_version_that_withdraws_the_review(world):
    services.add_defaults(district=world.north, actor=world.dana, reviewed=True)
    text = text_of(world.north)
    assert text.reviewed

    body = "Dear families,\n\nCall {contact_phone}."
    changed = services.text_update(text=text, actor=world.dana, subject="Welcome", body=body)

    assert changed.version == 2 and not changed.reviewed
    assert services.usable_text(world.north, Kind.LETTER, "en") is None
    event = AuditEvent.objects.get(action="notice.text_changed")
    assert event.data == {"kind": "letter", "language": "en", "version": 2}


@pytest.mark.parametrize(
    "body, problem",
    [
        ("Dear {student},", "cannot fill {student}"),
        ("Dear {parent name},", "is not a placeholder"),
        ("Dear {district", "brace"),
        ("   ", "Write the text"),
    ],
)
def test_a_text_with_a_placeholder_it_cannot_fill_is_refused_and_nothing_changes(
    world, body, problem
):
    services.add_defaults(district=world.north, actor=world.dana)
    text = text_of(world.north)

    with pytest.raises(TextProblem, match=problem):
        services.text_update(text=text, actor=world.dana, subject="Title", body=body)

    text.refresh_from_db()
    assert text.version == 1
    assert not AuditEvent.objects.filter(action="notice.text_changed").exists()


def test_a_review_approves_the_version_read_and_no_other(world):
    services.add_defaults(district=world.north, actor=world.dana)
    text = text_of(world.north, language="pl")
    services.text_update(text=text, actor=world.dana, subject="Witamy", body="Tekst {district}.")

    with pytest.raises(TextProblem, match="changed after you opened it"):
        services.text_review(text=text, actor=world.carl, version=1)
    reviewed = services.text_review(text=text, actor=world.carl, version=2)

    assert reviewed.reviewed and reviewed.reviewed_by == world.carl
    assert services.usable_text(world.north, Kind.LETTER, "pl") == reviewed
    event = AuditEvent.objects.get(action="notice.text_reviewed")
    assert event.actor == world.carl and event.data["language"] == "pl"


def test_rendering_fills_placeholders_and_keeps_lists():
    rendered = render(
        language="en",
        subject="For {district}",
        body="Dear families,\n\n- one {contact_phone}\n- two\n\nBye,\n{contact_name}",
        values={"district": "North", "contact_phone": "555", "contact_name": "Office"},
    )
    assert rendered.subject == "For North"
    assert [(b.is_list, b.lines) for b in rendered.blocks] == [
        (False, ("Dear families,",)),
        (True, ("one 555", "two")),
        (False, ("Bye,", "Office")),
    ]
    assert rendered.plain == "Dear families,\n\n- one 555\n- two\n\nBye,\nOffice\n"


def test_a_public_address_is_one_districts_only(world):
    contact(world.north, world.dana, slug="schools")
    with pytest.raises(TextProblem, match="Another district"):
        contact(world.south, world.sue, slug="schools")
    assert services.free_slug(world.south) != "schools"
    assert FamilyContact.objects.count() == 1


# Pages --------------------------------------------------------------------------------------


def test_the_administrator_sees_every_text_with_its_review(world, client_for):
    response = client_for(world.dana).get(reverse("notices"))
    text = response.content.decode()
    assert response.status_code == 200
    assert "Kreyòl ayisyen" in text and "Polski" in text
    assert "Not reviewed: never sent or published" in text
    assert NoticeText.objects.filter(district=world.north).count() == 20


def test_the_administrator_changes_a_text_and_counsel_reviews_it(world, client_for):
    services.add_defaults(district=world.north, actor=world.dana)
    text = text_of(world.north, language="es")
    url = reverse("notices-text", kwargs={"text_id": text.pk})

    response = client_for(world.dana).post(
        url, {"subject": "Bienvenidos", "body": "Estimadas familias de {district}:"}
    )
    assert response.status_code == 302
    counsel = client_for(world.carl)
    page = counsel.get(url).content.decode()
    assert "Estimadas familias de North" in page and "I reviewed this version" in page
    assert "Change the text" not in page  # counsel reviews; the administrator writes
    assert counsel.post(url, {"subject": "x", "body": "y"}).status_code == 403

    counsel.post(reverse("notices-review", kwargs={"text_id": text.pk}), {"version": 2})
    text.refresh_from_db()
    assert text.reviewed and text.reviewed_by == world.carl


def test_a_text_with_a_bad_placeholder_answers_422_and_keeps_what_was_typed(world, client_for):
    services.add_defaults(district=world.north, actor=world.dana)
    text = text_of(world.north)
    response = client_for(world.dana).post(
        reverse("notices-text", kwargs={"text_id": text.pk}),
        {"subject": "Hello", "body": "Dear {student}, we wrote this carefully."},
    )
    assert response.status_code == 422
    assert "cannot fill {student}" in response.content.decode()
    assert "we wrote this carefully" in response.content.decode()
    text.refresh_from_db()
    assert text.version == 1


def test_front_office_staff_and_other_districts_cannot_open_notices(world, client_for):
    services.add_defaults(district=world.north, actor=world.dana)
    text = text_of(world.north)
    assert client_for(world.alice).get(reverse("notices")).status_code == 403
    url = reverse("notices-text", kwargs={"text_id": text.pk})
    assert client_for(world.sue).get(url).status_code == 404
    review = reverse("notices-review", kwargs={"text_id": text.pk})
    assert client_for(world.sue).post(review, {"version": 1}).status_code == 404
    assert client_for(world.aaron).post(review, {"version": 1}).status_code == 403
    text.refresh_from_db()
    assert not text.reviewed


def test_the_preview_pdf_has_a_font_with_every_letter(world, client_for):
    services.add_defaults(district=world.north, actor=world.dana)
    text = text_of(world.north, language="pl")
    response = client_for(world.dana).get(reverse("notices-pdf", kwargs={"text_id": text.pk}))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    # The embedded face has every letter of the Polish text (the standard fonts lack "ł").
    from reportlab.pdfbase import pdfmetrics

    from threshold.exports import sans_font

    assert b"DejaVuSans" in response.content
    glyphs = pdfmetrics.getFont(sans_font()).face.charToGlyph
    assert all(ord(letter) in glyphs for letter in text.body if not letter.isspace())


def test_the_contact_page_suggests_an_address_and_saves_with_an_event(world, client_for):
    client = client_for(world.dana)
    assert 'value="north-district"' in client.get(reverse("notices-contact")).content.decode()
    response = client.post(
        reverse("notices-contact"),
        {
            "contact_name": "Family office",
            "contact_phone": "555-0100",
            "contact_email": "families@north.example",
            "website": "",
            "public_slug": "north-schools",
        },
    )
    assert response.status_code == 302
    assert FamilyContact.objects.get(district=world.north).public_slug == "north-schools"
    assert AuditEvent.objects.filter(action="notice.contact_changed").count() == 1
    assert client_for(world.carl).get(reverse("notices-contact")).status_code == 403
