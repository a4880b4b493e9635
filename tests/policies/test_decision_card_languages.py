"""The decision card reads the pack in the interface's language, and always offers the words to
say in the pack's other language, so that the front desk can read them in either."""

from __future__ import annotations

from html import unescape

from django.urls import reverse
from django.utils import translation

from threshold.policies import queries
from threshold.policies.cards import card_language, district_decision_card
from threshold.protocol import load_pack, load_pack_text
from threshold.protocol.pack import PACKS_DIR

I200_AT_THE_CLASSROOM = {
    "agency": "IMMIGRATION",
    "identification": ["NAME", "BADGE_OR_ID_NUMBER"],
    "channel": "IN_PERSON",
    "place": "NONPUBLIC_AREA",
    "requests": ["ENTER_NONPUBLIC_AREA", "ARREST_PERSON"],
    "subject": "STUDENT",
    "document": "ADMIN_WARRANT_I200",
    "facial_check": "NOT_APPLICABLE",
    "nondisclosure": "NONE",
    "exigency": "NONE",
}
NOT_A_JUDGE_EN = "This is not a warrant signed by a judge."
NOT_A_JUDGE_ES = "Esta no es una orden firmada por un juez."


def scenario(client):  # type: ignore[no-untyped-def]
    response = client.get(reverse("policy-scenario"), I200_AT_THE_CLASSROOM)
    assert response.status_code == 200
    return unescape(response.content.decode())


def test_a_spanish_interface_reads_the_steps_and_words_in_spanish(world, client_for):
    client = client_for(world.olga)
    client.cookies["django_language"] = "es"

    body = scenario(client)

    assert '<blockquote lang="es">' + NOT_A_JUDGE_ES in body
    assert "Orden administrativa (formulario I-200 del DHS" in body
    assert "Anote lo que piden, con sus propias palabras: entrar en zonas cerradas" in body
    assert "Un I-200 no es una orden judicial" in body
    # The same words in English, one tap away, for an officer who speaks English.
    assert '<details class="say-other">' in body
    assert '<blockquote lang="en">' + NOT_A_JUDGE_EN in body
    assert body.index(NOT_A_JUDGE_ES) < body.index('<details class="say-other">')
    # The citations stay as written.
    assert "Conn. Gen. Stat. § 54-192h(a)(1)" in body


def test_an_english_interface_offers_the_words_in_spanish(world, client_for):
    body = scenario(client_for(world.olga))

    assert '<blockquote lang="en">' + NOT_A_JUDGE_EN in body
    assert "<summary>In Spanish</summary>" in body
    assert '<blockquote lang="es">' + NOT_A_JUDGE_ES in body
    assert body.index(NOT_A_JUDGE_EN) < body.index("<summary>In Spanish</summary>")
    assert body.index("<summary>In Spanish</summary>") < body.index(NOT_A_JUDGE_ES)
    assert "Public areas only, like any visitor" in body


def test_the_card_language_follows_the_request_and_the_pack(world):
    pack = load_pack("ct-2025")
    english_only = load_pack_text(
        "\n".join(
            line
            for line in (PACKS_DIR / "ct-2025.toml").read_text(encoding="utf-8").splitlines()
            if not line.startswith(("translations.", "languages ="))
        ),
        name="ct-2025.toml",
    )
    assert card_language(pack, "es") == "es"
    assert card_language(pack, "es-mx") == "es"
    assert card_language(pack, "en") == "en"
    assert card_language(english_only, "es") == "en"  # no Spanish in the pack: its English
    with translation.override("es"):
        assert card_language(pack) == "es"
        decision, card = district_decision_card(
            queries.policy_for(world.north),
            {
                "requester": {"agency": "IMMIGRATION"},
                "requests": ["ACCESS_STUDENT"],
                "subject": "STUDENT",
            },
        )
    assert decision.language == card["language"] == "es"
    assert card["other_language"] == "en"
    assert card["say_other"] and card["say_other"] != card["say"]
    assert card["access_code"] == "PUBLIC_ONLY"


def test_the_policy_pages_read_the_pack_in_spanish(world, client_for):
    client = client_for(world.dana)
    client.cookies["django_language"] = "es"

    policy = unescape(client.get(reverse("policy")).content.decode())
    adopt = unescape(client.get(reverse("policy-adopt", args=["ct-2025"])).content.decode())

    assert "Connecticut: guía del CSDE (enero de 2025)" in policy
    assert "Tratar los autobuses escolares como zonas públicas" in policy
    assert "California: políticas modelo del Fiscal General" in policy
    assert "Tratar los autobuses escolares como zonas públicas" in adopt
    client.cookies["django_language"] = "en"
    english = unescape(client.get(reverse("policy")).content.decode())
    assert "Treat school buses as public areas" in english
