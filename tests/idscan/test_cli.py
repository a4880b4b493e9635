"""`threshold id parse FILE [--now ISO-DATE]`, run as the conformance suite runs it."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from tests.idscan.images import encoded, pdf417, photo
from tests.idscan.payloads import Person, card

THRESHOLD = str(Path(sys.executable).with_name("threshold"))
CONTRACT_KEYS = {
    "family_name",
    "given_name",
    "middle_name",
    "date_of_birth",
    "expiry_date",
    "issue_date",
    "document_number",
    "jurisdiction",
    "country",
    "aamva_version",
    "expired",
}


def run(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [THRESHOLD, "id", *args], input=stdin, capture_output=True, timeout=60, check=False
    )


@pytest.fixture
def expired_card(tmp_path: Path) -> Path:
    path = tmp_path / "card.bin"
    path.write_bytes(card(8, Person(expires=(2025, 1, 15))))
    return path


def test_it_prints_the_contract_fields_as_json(expired_card: Path) -> None:
    result = run("parse", str(expired_card), "--now", "2025-06-01")

    assert result.returncode == 0, result.stderr
    output = json.loads(result.stdout)
    assert set(output) >= CONTRACT_KEYS
    assert output["family_name"] == "RIVERA-CASTILLO"
    assert output["middle_name"] == "ELENA"
    assert output["date_of_birth"] == "1987-09-14"
    assert output["expiry_date"] == "2025-01-15"
    assert output["document_number"] == "170045982"
    assert output["aamva_version"] == 8
    assert output["expired"] is True
    assert output["warnings"] == ["expired"]
    assert result.stderr == b""


def test_it_decides_expiry_against_now(expired_card: Path) -> None:
    result = run("parse", str(expired_card), "--now", "2025-01-15")

    assert json.loads(result.stdout)["expired"] is False


def test_now_defaults_to_today(tmp_path: Path) -> None:
    path = tmp_path / "card.bin"
    today = date.today()
    path.write_bytes(card(8, Person(expires=(today.year + 1, 1, 1))))

    assert json.loads(run("parse", str(path)).stdout)["expired"] is False


def test_it_reads_stdin() -> None:
    result = run("parse", "-", "--now", "2025-06-01", stdin=card(3))

    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["aamva_version"] == 3


def test_it_reads_an_image(tmp_path: Path) -> None:
    path = tmp_path / "photo.jpg"
    path.write_bytes(encoded(photo(pdf417(card(9)), angle=6, blur=0.5), "JPEG"))

    result = run("parse", str(path), "--now", "2025-06-01")

    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["document_number"] == "170045982"


@pytest.mark.parametrize(
    "content",
    [
        b"Visitor sign-in: please print your name and the person you are visiting.\n",
        b"https://verify.dmv.example.gov/r/8842-1193-AB7Q\n",
        b"@\n\x1e\rANSI 6360",
        b"",
        b"\x89PNG\r\n\x1a\n broken",
        card(8).replace(b"DBB", b"XXX"),
    ],
    ids=["plain text", "url", "truncated header", "empty", "broken image", "no birth date"],
)
def test_it_exits_2_with_one_line_for_bad_input(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "input.bin"
    path.write_bytes(content)

    result = run("parse", str(path), "--now", "2025-06-01")

    assert result.returncode == 2
    assert result.stdout == b""
    assert len(result.stderr.decode().strip().splitlines()) == 1


def test_an_image_without_a_licence_barcode_exits_2(tmp_path: Path) -> None:
    path = tmp_path / "other.png"
    path.write_bytes(encoded(photo(pdf417(b"not a licence at all")), "PNG"))

    result = run("parse", str(path))

    assert result.returncode == 2
    assert b"not a licence" in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ("parse", "/nonexistent/card.bin"),
        ("parse", "CARD", "--now", "yesterday"),
        ("parse",),
        ("frobnicate", "x"),
        (),
    ],
)
def test_bad_arguments_exit_2_with_one_line(args: tuple[str, ...], expired_card: Path) -> None:
    result = run(*[str(expired_card) if a == "CARD" else a for a in args])

    assert result.returncode == 2
    assert len(result.stderr.decode().strip().splitlines()) == 1


def test_help_describes_the_command() -> None:
    result = run("parse", "--help")

    assert result.returncode == 0
    assert b"DDA" in result.stdout and b"--now" in result.stdout
