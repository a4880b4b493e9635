"""Packs in more than one language: the validator refuses a pack whose translations are missing,
have other placeholders or name an undeclared language; the engine reads a decision's texts in
Spanish with the same outcomes; both shipped packs are translated in full."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.protocol.helpers import FULL_ID, doc, facts
from threshold.protocol import LanguageError, PackError, decide, load_pack, load_pack_text
from threshold.protocol.pack import PACKS_DIR, Pack, placeholder_names
from threshold.protocol.vocab import RENDERED, join_words, words

CT_TEXT = (PACKS_DIR / "ct-2025.toml").read_text(encoding="utf-8")
THRESHOLD = str(Path(sys.executable).with_name("threshold"))

WAIT_HERE_ES = (
    'translations.es.text = "Por favor, espere aquí. Nuestro funcionario designado viene a '
    'hablar con usted."\n'
)


def issues(text: str) -> list[str]:
    with pytest.raises(PackError) as caught:
        load_pack_text(text, name="draft.toml")
    return [str(issue) for issue in caught.value.issues]


def edited(old: str, new: str, text: str = CT_TEXT) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


# -- the validator


def test_a_missing_translation_is_refused_with_its_table_and_key() -> None:
    found = issues(edited(WAIT_HERE_ES, ""))

    assert found == [
        "draft.toml: [say.wait-here] translations.es.text: missing: the pack declares 'es'; "
        "translate the text"
    ]


def test_a_missing_rule_title_translation_is_refused() -> None:
    line = next(
        line
        for line in CT_TEXT.splitlines(keepends=True)
        if line.startswith('translations.es.title = "Nunca obstruya físicamente"')
    )
    assert issues(edited(line, "")) == [
        "draft.toml: [rules.do-not-obstruct] translations.es.title: missing: the pack declares "
        "'es'; translate the title"
    ]


def test_a_translation_with_other_placeholders_is_refused() -> None:
    renamed = edited("con sus propias palabras: {requests}.", "con sus propias palabras: {agency}.")
    dropped = edited("con sus propias palabras: {requests}.", "con sus propias palabras.")

    assert issues(renamed) == [
        "draft.toml: [steps.purpose] translations.es.text: placeholders differ from the English "
        "text (English: {requests}; here: {agency})"
    ]
    assert issues(dropped) == [
        "draft.toml: [steps.purpose] translations.es.text: placeholders differ from the English "
        "text (English: {requests}; here: none)"
    ]


def test_a_placeholder_added_to_a_rule_text_is_refused() -> None:
    text = edited(
        'translations.es.text = "Sin una emergencia, se aplican las reglas ordinarias."',
        'translations.es.text = "Sin una emergencia ({exigency}), se aplican las reglas."',
    )
    assert issues(text) == [
        "draft.toml: [rules.exigency-none] translations.es.text: placeholders differ from the "
        "English text (English: none; here: {exigency})"
    ]


def test_an_unknown_language_is_refused() -> None:
    found = issues(edited('languages = ["en", "es"]', 'languages = ["en", "es", "fr"]'))

    assert found == ["draft.toml: [pack] languages: unknown language 'fr' (known: en, es)"]


def test_english_comes_first() -> None:
    found = issues(edited('languages = ["en", "es"]', 'languages = ["es"]'))

    assert 'draft.toml: [pack] languages: must start with "en", the language of the pack text' in (
        found
    )


def test_a_translation_into_an_undeclared_language_is_refused() -> None:
    found = issues(edited('languages = ["en", "es"]', 'languages = ["en"]'))

    assert (
        "draft.toml: [say.wait-here] translations.es: language not declared in [pack] languages "
        "(translations: none besides en)"
    ) in found
    assert all("translations.es: language not declared" in issue for issue in found)


def test_a_translated_key_that_is_not_a_text_of_the_table_is_refused() -> None:
    text = edited(
        'translations.es.label = "un evento público"\n',
        'translations.es.label = "un evento público"\ntranslations.es.summary = "abierto"\n',
    )
    assert issues(text) == [
        "draft.toml: [places.PUBLIC_EVENT] translations.es.summary: unknown key (translated: label)"
    ]


def test_a_pack_without_languages_is_english_only() -> None:
    english = "\n".join(
        line
        for line in CT_TEXT.splitlines()
        if not line.startswith(("translations.", "languages ="))
    )
    pack = load_pack_text(english, name="ct-2025.toml")

    assert pack.languages == ("en",)
    message = r"pack ct-2025 has no texts in 'es' \(its languages: en\)"
    with pytest.raises(LanguageError, match=message):
        decide(facts(requests=["ACCESS_STUDENT"]), pack, language="es")


# -- the engine in Spanish

I200_AT_THE_CLASSROOM = facts(
    place="NONPUBLIC_AREA",
    requests=["ENTER_NONPUBLIC_AREA", "ARREST_PERSON"],
    subject="STUDENT",
    documents=[doc("ADMIN_WARRANT_I200")],
)


def codes(decision_dict: dict[str, object]) -> dict[str, object]:
    keep = ("access", "student_contact", "records", "notify", "log", "consult_counsel")
    out = {key: decision_dict[key] for key in keep}
    out["do_not_obstruct"] = decision_dict["do_not_obstruct"]
    out["requests"] = decision_dict["requests"]
    out["rule_ids"] = [rule["id"] for rule in decision_dict["rules"]]  # type: ignore[attr-defined]
    out["citations"] = [rule["citations"] for rule in decision_dict["rules"]]  # type: ignore[attr-defined]
    return out


def test_an_i200_at_the_classroom_door_in_spanish() -> None:
    pack = load_pack("ct-2025")
    english = decide(I200_AT_THE_CLASSROOM, pack)
    spanish = decide(I200_AT_THE_CLASSROOM, pack, language="es")

    assert codes(spanish.as_dict()) == codes(english.as_dict())
    assert spanish.language == "es"
    assert spanish.headline == (
        "Orden administrativa (formulario I-200 del DHS, Warrant for Arrest of Alien) · "
        "firmada por un agente de inmigración, no por un juez"
    )
    assert spanish.say == (
        "Por favor, espere aquí. Nuestro funcionario designado viene a hablar con usted.",
        "Esta no es una orden firmada por un juez. No doy mi consentimiento para entrar más "
        "allá del vestíbulo. Me estoy comunicando con nuestro abogado.",
        "No puedo traerle a ningún estudiante, ni decirle si un estudiante está aquí.",
    )
    assert (
        "Anote lo que piden, con sus propias palabras: entrar en zonas cerradas al público y "
        "arrestar a una persona."
    ) in spanish.steps
    assert (
        "Copie cada documento presentado, por delante y por detrás, y adjunte las copias al "
        "registro del encuentro: Orden administrativa (formulario I-200 del DHS, Warrant for "
        "Arrest of Alien)."
    ) in spanish.steps
    assert len(spanish.steps) == len(english.steps)
    titles = {rule.id: rule.title for rule in spanish.rules}
    assert titles["i200-not-judicial"] == "Un I-200 no es una orden judicial"
    assert spanish.review_notice is not None
    assert spanish.review_notice.startswith("El abogado del distrito no ha revisado")


def test_a_judicial_search_warrant_for_records_in_spanish() -> None:
    pack = load_pack("ct-2025")
    warrant = facts(
        place="NOT_APPLICABLE",
        requests=["STUDENT_RECORDS"],
        documents=[doc("JUDICIAL_SEARCH_WARRANT", "PASS")],
    )
    spanish = decide(warrant, pack, language="es")

    assert spanish.records.value == "SEIZED_UNDER_WARRANT"
    assert spanish.headline.endswith(
        "· emitida por un juez federal o un juez magistrado · pasa sus verificaciones formales"
    )
    assert spanish.say == (
        "Vamos a cumplir con la orden judicial. Por favor, muéstreme exactamente lo que cubre. "
        "Estoy llamando a nuestro abogado.",
    )
    seized = "Los agentes se llevan solo los expedientes"
    assert any(step.startswith(seized) for step in spanish.steps)


def test_a_warrant_that_fails_its_checks_names_the_failure_in_spanish() -> None:
    failed = facts(
        requests=["ENTER_NONPUBLIC_AREA"], documents=[doc("JUDICIAL_SEARCH_WARRANT", "EXPIRED")]
    )
    spanish = decide(failed, load_pack("ct-2025"), language="es")

    assert (
        "El documento del tribunal no pasa sus verificaciones formales (Orden federal de registro "
        "e incautación (AO 93 / AO 93C): ha pasado su fecha), así que, a primera vista, no da "
        "ninguna autoridad aquí. Niegue el consentimiento, no obstruya y comuníquese ahora con "
        "el abogado del distrito."
    ) in spanish.steps


def test_no_document_and_missing_identification_in_spanish() -> None:
    nothing = facts(identification=["NAME"], requests=["ENTER_NONPUBLIC_AREA", "ACCESS_STUDENT"])
    spanish = decide(nothing, load_pack("ca-2025"), language="es")

    assert spanish.headline == (
        "No se presentó ninguna orden judicial, citación ni orden de un tribunal"
    )
    assert spanish.say[0] == (
        "Por favor, espere aquí. Nuestro administrador designado viene a hablar con usted."
    )
    assert any(
        "Aún no se ha dado: número de placa o de identificación, número de teléfono y tarjeta "
        "de presentación." in step
        for step in spanish.steps
    )


def test_a_stated_emergency_is_named_in_spanish() -> None:
    danger = facts(requests=["ENTER_NONPUBLIC_AREA"], exigency="IMMINENT_DANGER")
    spanish = decide(danger, load_pack("ct-2025"), language="es")

    assert any(
        step.startswith(
            "Se declara una emergencia (peligro inminente para la seguridad de alguien)."
        )
        for step in spanish.steps
    )


def test_an_unknown_language_is_an_error_not_english() -> None:
    with pytest.raises(LanguageError, match=r"no texts in 'fr' \(its languages: en, es\)"):
        decide(I200_AT_THE_CLASSROOM, load_pack("ct-2025"), language="fr")


def test_english_is_the_default_and_unchanged() -> None:
    pack = load_pack("ct-2025")
    default = decide(I200_AT_THE_CLASSROOM, pack)

    assert decide(I200_AT_THE_CLASSROOM, pack, language="en").as_dict() == default.as_dict()
    assert default.language == "en"
    assert default.say[0] == (
        "Please wait here. Our designated official is on the way to speak with you."
    )
    assert "language" not in default.as_dict()
    assert pack.in_language("es").in_language("en") is pack


# -- the shipped packs are translated in full

PACK_IDS = ["ct-2025", "ca-2025"]


def texts(pack: Pack) -> dict[str, str]:
    """Every person-readable text of a pack, by where it is."""
    out = {"pack.title": pack.title, "pack.description": pack.description}
    out["review.statement"] = pack.review.statement
    out["review.notice"] = pack.review.notice
    out["no_document.label"] = pack.no_document_label
    for name, option in pack.options.items():
        out[f"options.{name}.label"] = option.label
        out[f"options.{name}.description"] = option.description
    for place, spec in pack.places.items():
        out[f"places.{place.value}.label"] = spec.label
    for name, label in pack.recipients.items():
        out[f"recipients.{name}.label"] = label
    for doc_type, doc_class in pack.documents.items():
        out[f"documents.{doc_type.value}.label"] = doc_class.label
        out[f"documents.{doc_type.value}.summary"] = doc_class.summary
    for kind, rules in (("steps", pack.steps), ("say", pack.say)):
        for rule in rules:
            out[f"{kind}.{rule.id}.text"] = rule.text
    for rule_id, rule in pack.rules.items():
        out[f"rules.{rule_id}.title"] = rule.title
        out[f"rules.{rule_id}.text"] = rule.text
    return out


@pytest.mark.parametrize("pack_id", PACK_IDS)
def test_every_text_of_a_shipped_pack_is_in_spanish(pack_id: str) -> None:
    pack = load_pack(pack_id)
    english = texts(pack)
    spanish = texts(pack.in_language("es"))

    assert pack.languages == ("en", "es")
    assert spanish.keys() == english.keys()
    assert len(english) > 200
    for where, text in english.items():
        assert spanish[where].strip(), where
        assert spanish[where] != text, f"{where} is not translated"
        assert placeholder_names(spanish[where]) == placeholder_names(text), where


@pytest.mark.parametrize("pack_id", PACK_IDS)
def test_spanish_keeps_the_form_numbers_and_citations(pack_id: str) -> None:
    pack = load_pack(pack_id)
    english = texts(pack)
    spanish = texts(pack.in_language("es"))
    form = re.compile(r"\b(?:I-\d{3}A?|AO \d+[A-Z]?|\d+ CFR [\d.()a-z]+|99\.\d+[()a-z\d]*)")

    for where, text in english.items():
        assert sorted(set(form.findall(spanish[where]))) == sorted(set(form.findall(text))), where
    spanish_pack = pack.in_language("es")
    assert spanish_pack.citations == pack.citations


@pytest.mark.parametrize("pack_id", PACK_IDS)
def test_every_document_and_request_decides_in_spanish(pack_id: str) -> None:
    pack = load_pack(pack_id)
    all_requests = [
        "ENTER_NONPUBLIC_AREA",
        "ACCESS_STUDENT",
        "ARREST_PERSON",
        "STUDENT_RECORDS",
        "DIRECTORY_INFORMATION",
        "SCHEDULE_OR_WHEREABOUTS",
    ]
    for doc_type in pack.documents:
        for facial in ("PASS", "EXPIRED", "NOT_APPLICABLE"):
            situation = facts(
                identification=FULL_ID[:1],
                requests=all_requests,
                documents=[doc(doc_type.value, facial)],
                exigency="ASSERTED_WITHOUT_BASIS",
            )
            english = decide(situation, pack)
            spanish = decide(situation, pack, language="es")
            assert codes(spanish.as_dict()) == codes(english.as_dict())
            assert len(spanish.steps) == len(english.steps)
            assert len(spanish.say) == len(english.say)
            for text in (*spanish.steps, *spanish.say, spanish.headline):
                assert "{" not in text and "}" not in text


def test_the_vocabulary_has_spanish_for_every_value_the_engine_writes() -> None:
    for dimension, values in RENDERED:
        for value in values:
            spanish = words(dimension, value.value, "es")
            assert spanish and spanish != words(dimension, value.value), (dimension, value)
    with pytest.raises(KeyError, match="no vocabulary for language 'fr'"):
        words("request", "STUDENT_LIST", "fr")


def test_lists_are_joined_in_each_language() -> None:
    assert join_words(["a"], "es") == "a"
    assert join_words(["a", "b", "c"]) == "a, b and c"
    assert join_words(["a", "b"], "es") == "a y b"
    assert join_words(["nombre", "identificación"], "es") == "nombre e identificación"
    assert join_words(["agua", "hielo"], "es") == "agua y hielo"


# -- the command line


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [THRESHOLD, "protocol", *args], capture_output=True, text=True, timeout=60, check=False
    )


def test_decide_language_es_on_the_command_line(tmp_path: Path) -> None:
    path = tmp_path / "facts.json"
    path.write_text(json.dumps(I200_AT_THE_CLASSROOM), encoding="utf-8")

    default = run("decide", "--pack", "ct-2025", str(path))
    english = run("decide", "--pack", "ct-2025", "--language", "en", str(path))
    spanish = run("decide", "--pack", "ct-2025", "--language", "es", str(path))
    unknown = run("decide", "--pack", "ct-2025", "--language", "fr", str(path))

    assert default.returncode == english.returncode == spanish.returncode == 0
    assert english.stdout == default.stdout
    decision = json.loads(spanish.stdout)
    assert decision["access"] == json.loads(default.stdout)["access"] == "PUBLIC_ONLY"
    assert decision["say"][0].startswith("Por favor, espere aquí.")
    assert unknown.returncode == 2 and unknown.stdout == ""
    assert unknown.stderr == (
        "threshold protocol: pack ct-2025 has no texts in 'fr' (its languages: en, es)\n"
    )
    assert "--language LANG" in run("decide", "--help").stdout


# -- pack diffs show translation changes for counsel


def test_a_reworded_translation_is_a_change_for_counsel() -> None:
    from threshold.protocol import diff_packs

    old = load_pack_text(CT_TEXT, name="ct-2025.toml")
    new = load_pack_text(
        edited("No me voy a interponer en su camino. ¿Cuál", "No voy a interponerme. ¿Cuál"),
        name="ct-2025.toml",
    )
    english_only = load_pack_text(
        "\n".join(
            line
            for line in CT_TEXT.splitlines()
            if not line.startswith(("translations.", "languages ="))
        ),
        name="ct-2025.toml",
    )

    changes = [change.as_dict() for change in diff_packs(old, new).changes]
    assert changes == [
        {
            "topic": "Words to say 'emergency' (es)",
            "before": "No me voy a interponer en su camino. ¿Cuál es la emergencia? "
            "La estoy anotando.",
            "after": "No voy a interponerme. ¿Cuál es la emergencia? La estoy anotando.",
        }
    ]
    added = [change.as_dict() for change in diff_packs(english_only, old).changes]
    assert added == [
        {"topic": "Texts in 'es'", "before": "(none)", "after": "added: every text translated"}
    ]
