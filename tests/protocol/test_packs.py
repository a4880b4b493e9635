"""Policy packs: both ship valid, are listed with version and review status, and a broken or
incomplete pack is refused with precise errors (file, table, key)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from threshold.protocol import (
    OptionError,
    PackError,
    PackNotFound,
    default_pack_id,
    list_packs,
    load_pack,
    load_pack_file,
    load_pack_text,
)
from threshold.protocol.pack import PACKS_DIR
from threshold.protocol.vocab import DocType, Request

CT_FILE = PACKS_DIR / "ct-2025.toml"


def ct_text() -> str:
    return CT_FILE.read_text(encoding="utf-8")


def issues(text: str, name: str = "broken.toml") -> list[str]:
    with pytest.raises(PackError) as caught:
        load_pack_text(text, name=name)
    return [str(issue) for issue in caught.value.issues]


@pytest.mark.parametrize("pack_id", ["ct-2025", "ca-2025"])
def test_it_loads_each_shipped_pack(pack_id: str) -> None:
    pack = load_pack(pack_id)

    assert pack.id == pack_id
    assert re.fullmatch(r"\d+\.\d+\.\d+", pack.version)
    assert pack.review.status == "NOT_REVIEWED"
    assert "not reviewed for any district" in pack.review.statement.lower()
    assert pack.review.notice
    assert set(pack.documents) == set(DocType)
    assert len(pack.digest) == 64


def test_the_default_pack_is_connecticut() -> None:
    assert default_pack_id() == "ct-2025"
    assert load_pack().id == "ct-2025"


def test_it_lists_packs_with_version_and_review_status() -> None:
    infos = [pack.info() for pack in list_packs()]

    assert {info["id"] for info in infos} >= {"ct-2025", "ca-2025"}
    for info in infos:
        assert info["version"] and info["effective"]
        assert info["review"]["status"] == "NOT_REVIEWED"  # type: ignore[index]


def test_it_finds_a_pack_by_id_and_version() -> None:
    assert load_pack("ct-2025", "1.0.0").version == "1.0.0"
    assert load_pack("ct-2025@1.0.0").version == "1.0.0"
    with pytest.raises(PackNotFound, match="no version"):
        load_pack("ct-2025", "9.9.9")
    with pytest.raises(PackNotFound, match="ny-2025"):
        load_pack("ny-2025")


@pytest.mark.parametrize("pack_id", ["ct-2025", "ca-2025"])
def test_every_rule_cites_a_source_with_a_domain_tag(pack_id: str) -> None:
    pack = load_pack(pack_id)

    for rule in pack.rules.values():
        assert rule.cites, rule.id
        assert rule.tag in {"V", "B", "D"}
        for cite in rule.cites:
            assert pack.citations[cite].tag in {"V", "B", "D"}


def test_the_connecticut_pack_keeps_domain_tags_of_the_csde_guidance() -> None:
    pack = load_pack("ct-2025")

    # CT-8 (administrative warrants) rests on the We-Ha.com report only: B.
    assert pack.rules["i200-not-judicial"].tag == "B"
    assert pack.citations["csde-2025-admin-warrants"].tag == "B"
    # CT-5 (designated official) is stated in a retrieved source: V.
    assert pack.rules["designated-official"].tag == "V"
    # Exigency is not in the CSDE guidance: derived, D.
    assert pack.rules["exigency-recognized"].tag == "D"


def test_options_have_names_defaults_and_descriptions() -> None:
    pack = load_pack("ct-2025")

    assert pack.options["school_bus_is_public"].default is False
    assert pack.options["bus_stop_is_public"].default is True
    assert pack.options["notify_parent_when_student_sought"].default is True
    assert pack.options["directory_information_to_law_enforcement"].default is True
    for spec in pack.options.values():
        assert spec.label and spec.description


def test_it_resolves_district_options_and_refuses_unknown_ones() -> None:
    pack = load_pack("ct-2025")

    values = pack.resolve_options({"school_bus_is_public": True})
    assert values["school_bus_is_public"] is True
    assert values["bus_stop_is_public"] is True
    with pytest.raises(OptionError, match="unknown option"):
        pack.resolve_options({"buses": True})
    with pytest.raises(OptionError, match="true or false"):
        pack.resolve_options({"school_bus_is_public": "yes"})


def test_it_refuses_a_pack_with_a_missing_request_rule() -> None:
    text = ct_text().replace(
        'IMMIGRATION_STATUS = "status-not-held"\nDIRECTORY_INFORMATION = [\n',
        "DIRECTORY_INFORMATION = [\n",
    )

    found = issues(text)

    assert any(
        "[no_document] IMMIGRATION_STATUS: missing: no rule for this request (a gap)" in i
        for i in found
    )


def test_it_refuses_a_pack_with_a_missing_document_class() -> None:
    start = ct_text().index("[documents.EOIR_ORDER]")
    end = ct_text().index("[documents.DETAINER_I247A]")
    text = ct_text()[:start] + ct_text()[end:]

    found = issues(text, "ct-gap.toml")

    assert "ct-gap.toml: [documents] EOIR_ORDER: missing: no rules for this class (a gap)" in found


def test_it_refuses_a_group_that_leaves_a_request_out() -> None:
    text = ct_text().replace(
        'STUDENT_LIST = { records = "HOLD_FOR_COUNSEL", rule = "unknown-document-counsel" }\n', ""
    )

    found = issues(text)

    assert any("[documents.UNKNOWN.always] STUDENT_LIST: missing" in i for i in found)


def test_it_reports_every_error_with_its_file_table_and_key() -> None:
    text = (
        ct_text()
        .replace('jurisdiction = "US-CT"', 'jurisdiction = ""', 1)
        .replace('tag = "B"\nnote = "From the We-Ha.com report only;', 'tag = "X"\nnote = "x;', 1)
        .replace(
            'access = "PUBLIC_ONLY", rule = "no-judicial-warrant-no-entry" }',
            'access = "OPEN_DOOR", rule = "no-such-rule" }',
            1,
        )
        .replace(
            "when = { exigency_recognized = true, physical_sought = true }",
            "when = { exigency_recognised = true }",
        )
    )

    found = issues(text, "ct-broken.toml")

    assert "ct-broken.toml: [pack] jurisdiction: must be a non-empty string" in found
    assert (
        "ct-broken.toml: [citations.csde-2025-identification] tag: must be one of V, B, D "
        "(DOMAIN.md tags)" in found
    )
    assert any(
        i.startswith("ct-broken.toml: [no_document] ENTER_NONPUBLIC_AREA.access: unknown value")
        for i in found
    )
    assert any(
        "[no_document] ENTER_NONPUBLIC_AREA.rule: names rule 'no-such-rule'" in i for i in found
    )
    assert any(
        i.startswith("ct-broken.toml: [overrides.exigency] when.exigency_recognised: unknown test")
        for i in found
    )
    assert len(found) >= 5


def test_it_reports_toml_syntax_errors_with_the_file() -> None:
    found = issues("[pack]\nid = ", "syntax.toml")

    assert found[0].startswith("syntax.toml: (top level) is not valid TOML")


def test_a_shipped_pack_cannot_claim_a_district_review() -> None:
    text = ct_text().replace('status = "NOT_REVIEWED"', 'status = "REVIEWED"', 1)

    assert any("[review] status" in i for i in issues(text))


def test_it_refuses_a_rule_without_a_citation() -> None:
    text = ct_text().replace(
        'cite = ["csde-2025-designated"]\ntag = "V"\ndomain = "CT-5',
        'cite = []\ntag = "V"\ndomain = "CT-5',
    )

    assert any(
        "[rules.designated-official] cite: every rule needs at least one citation" in i
        for i in issues(text)
    )


def test_the_last_case_must_always_apply_so_rules_are_total() -> None:
    text = ct_text().replace(
        '  { records = "DIRECTORY_DISCRETIONARY", rule = "ferpa-directory-discretionary" },\n', ""
    )

    assert any(
        "[no_document] DIRECTORY_INFORMATION: the last case must have no `when`" in i
        for i in issues(text)
    )


def test_it_checks_that_the_file_name_matches_the_pack_id(tmp_path: Path) -> None:
    path = tmp_path / "ny-2025.toml"
    path.write_text(ct_text(), encoding="utf-8")

    with pytest.raises(PackError, match="does not match the file name"):
        load_pack_file(path)


def test_a_pack_file_that_cannot_be_read_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(PackError, match="cannot be read"):
        load_pack_file(tmp_path / "missing.toml")


def test_every_request_has_a_rule_in_every_group_of_every_class() -> None:
    for pack in list_packs():
        for doc_class in pack.documents.values():
            for group in doc_class.groups.values():
                assert set(group.cases) == set(Request)
                for cases in group.cases.values():
                    assert not cases[-1].when.tests
