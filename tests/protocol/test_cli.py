"""`threshold protocol ...` and `threshold documents check ...`, run as the conformance suite runs
them: JSON on stdout and exit 0, or exit 2 with one line on stderr."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.protocol.helpers import doc, facts
from threshold.protocol.pack import PACKS_DIR

THRESHOLD = str(Path(sys.executable).with_name("threshold"))


def run(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [THRESHOLD, *args], input=stdin, capture_output=True, timeout=60, check=False
    )
    return subprocess.CompletedProcess(
        result.args,
        result.returncode,
        result.stdout.decode("utf-8"),
        result.stderr.decode("utf-8"),
    )


def write(tmp_path: Path, data: object, name: str = "facts.json") -> str:
    path = tmp_path / name
    path.write_text(json.dumps(data) if not isinstance(data, str) else data, encoding="utf-8")
    return str(path)


def test_decide_prints_the_contract_keys(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        facts(
            requests=["ENTER_NONPUBLIC_AREA", "ARREST_PERSON"],
            documents=[doc("ADMIN_WARRANT_I200")],
        ),
    )

    result = run("protocol", "decide", "--pack", "ct-2025", path)

    assert result.returncode == 0, result.stderr
    output = json.loads(result.stdout)
    assert output["access"] == "PUBLIC_ONLY"
    assert output["student_contact"] == "NOT_PRODUCED"
    assert {"notify", "log", "consult_counsel", "do_not_obstruct", "steps", "say", "rules"} <= set(
        output
    )


def test_decide_reads_stdin_and_defaults_to_the_connecticut_pack() -> None:
    result = run(
        "protocol", "decide", "-", stdin=json.dumps({"requests": ["ACCESS_STUDENT"]}).encode()
    )

    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["pack"]["id"] == "ct-2025"


def test_decide_takes_district_options(tmp_path: Path) -> None:
    path = write(tmp_path, facts(requests=["ACCESS_STUDENT"]))

    on = json.loads(run("protocol", "decide", path).stdout)
    off = json.loads(
        run(
            "protocol", "decide", path, "--option", "notify_parent_when_student_sought=false"
        ).stdout
    )

    assert "PARENT_POLICY" in on["notify"]
    assert "PARENT_POLICY" not in off["notify"]


@pytest.mark.parametrize(
    ("content", "named"),
    [
        ('{"requester": {"agency": "IMMIGRATION",}', "not valid JSON"),
        ({"requester": {"agency": "ICE"}}, "requester.agency"),
        ({"urgency": "HIGH"}, "urgency"),
        ({"requests": "ACCESS_STUDENT"}, "requests"),
        ({"proceeds_without_consent": "yes"}, "proceeds_without_consent"),
    ],
)
def test_bad_facts_exit_2_with_one_line(tmp_path: Path, content: object, named: str) -> None:
    result = run("protocol", "decide", "--pack", "ct-2025", write(tmp_path, content))

    assert result.returncode == 2
    assert result.stdout == ""
    assert named in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (["protocol", "decide", "--pack", "zz-2030", "{facts}"], "zz-2030"),
        (["protocol", "decide", "{missing}"], "cannot read"),
        (["protocol", "decide", "{facts}", "--option", "buses"], "NAME=true"),
        (["protocol", "decide", "{facts}", "--option", "nope=true"], "unknown option"),
        (["protocol", "launch"], "invalid choice"),
        (["documents", "check", "{missing}"], "cannot read"),
        (["documents", "check", "{text}", "--now", "yesterday"], "--now"),
        (["documents", "check", "{empty}"], "empty"),
    ],
)
def test_bad_arguments_exit_2_with_one_line(tmp_path: Path, args: list[str], named: str) -> None:
    paths = {
        "facts": write(tmp_path, {}),
        "missing": str(tmp_path / "nope.json"),
        "text": write(tmp_path, "ORDER\nIT IS HEREBY ORDERED", "doc.txt"),
        "empty": write(tmp_path, "", "empty.txt"),
    }
    result = run(*[a.format(**paths) for a in args])

    assert result.returncode == 2
    assert named in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_a_broken_pack_file_exits_2_naming_the_problem(tmp_path: Path) -> None:
    broken = tmp_path / "ct-2025.toml"
    broken.write_text(
        (PACKS_DIR / "ct-2025.toml")
        .read_text()
        .replace('id = "designated-official"', 'id = "x"', 1)
        .replace("[documents.EOIR_ORDER]", "[documents.EOIR_ORDERS]"),
        encoding="utf-8",
    )

    result = run("protocol", "decide", "--pack-file", str(broken), write(tmp_path, {}))

    assert result.returncode == 2
    assert "invalid policy pack: ct-2025.toml: [documents]" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1

    validation = run("protocol", "validate", str(broken))
    assert validation.returncode == 1
    assert "[documents] EOIR_ORDERS: unknown document class" in validation.stderr
    assert "[documents] EOIR_ORDER: missing: no rules for this class (a gap)" in validation.stderr


def test_explain_prints_text(tmp_path: Path) -> None:
    path = write(tmp_path, facts(requests=["ARREST_PERSON"], documents=[doc("ADMIN_WARRANT_I205")]))

    result = run("protocol", "explain", "--pack", "ct-2025", path)

    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Administrative warrant (DHS Form I-205")
    assert "STEPS, IN ORDER" in result.stdout


def test_packs_lists_versions_and_review_status() -> None:
    result = run("protocol", "packs")

    assert result.returncode == 0, result.stderr
    listed = {p["id"]: p for p in json.loads(result.stdout)["packs"]}
    assert listed["ct-2025"]["review"]["status"] == "NOT_REVIEWED"
    assert listed["ct-2025"]["default"] is True
    assert listed["ca-2025"]["version"] == "1.0.0"
    assert "not reviewed" in run("protocol", "packs", "--text").stdout


def test_diff_states_changes_before_and_after() -> None:
    result = run("protocol", "diff", "ct-2025", "ca-2025")

    assert result.returncode == 0, result.stderr
    assert "RULES THAT CHANGE" in result.stdout
    assert "before:" in result.stdout and "after:" in result.stdout
    assert "DECISIONS THAT CHANGE" in result.stdout
    as_json = json.loads(run("protocol", "diff", "ct-2025", "ca-2025", "--json").stdout)
    assert as_json["rule_changes"] and as_json["decision_changes"]


def test_validate_accepts_the_shipped_packs() -> None:
    result = run("protocol", "validate", *(str(p) for p in sorted(PACKS_DIR.glob("*.toml"))))

    assert result.returncode == 0, result.stderr
    assert "ct-2025.toml: valid" in result.stdout


def test_documents_check_prints_the_contract_keys(tmp_path: Path) -> None:
    path = write(tmp_path, I200_TEXT, "i200.txt")

    result = run("documents", "check", path, "--school", "Oak School", "--now", "2025-03-11T10:00")

    assert result.returncode == 0, result.stderr
    output = json.loads(result.stdout)
    assert output["type"] == "ADMIN_WARRANT_I200"
    assert output["signed_by"] == "IMMIGRATION_OFFICER"
    assert output["facial_check"] == "NOT_APPLICABLE"
    assert output["expires"] is None
    assert {"court", "case_number", "nondisclosure", "findings", "confidence"} <= set(output)


def test_the_protocol_commands_do_not_import_django(tmp_path: Path) -> None:
    code = (
        "import sys; from threshold.cli import main; "
        f"main(['protocol', 'decide', {write(tmp_path, {})!r}]); "
        f"main(['documents', 'check', {write(tmp_path, I200_TEXT, 'd.txt')!r}]); "
        "print('django' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )

    assert result.stdout.strip().splitlines()[-1] == "False"


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
