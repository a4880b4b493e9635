"""`threshold watchlist screen --list LIST.csv --queries QUERIES.csv`, run as a user runs it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

THRESHOLD = str(Path(sys.executable).with_name("threshold"))
LIST_HEADER = "id,family_name,given_name,date_of_birth,aliases,reason\n"
QUERY_HEADER = "family_name,given_name,date_of_birth\n"
LIST = (
    LIST_HEADER
    + 'A1,Smith,Robert,1979-04-02,"Bobby Smith;Smith, Rob",custody order\n'
    + "A2,García López,José,,,trespass\n"
    + "A3,Smith,John,1979-04-02,,registry\n"
)
QUERIES = (
    QUERY_HEADER
    + "Smith,Bob,1979-04-02\n"
    + "Garcia Lopez,Pepe,1990-01-01\n"
    + "Smith,Robert,1980-01-01\n"
    + "SMITH,JON,\n"
)


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [THRESHOLD, "watchlist", *args], capture_output=True, text=True, timeout=60, check=False
    )


def write(folder: Path, name: str, text: str | bytes) -> str:
    path = folder / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return str(path)


def screen(folder: Path, listed: str | bytes = LIST, queries: str | bytes = QUERIES, *extra: str):  # type: ignore[no-untyped-def]
    return run(
        "screen",
        "--list",
        write(folder, "list.csv", listed),
        "--queries",
        write(folder, "queries.csv", queries),
        *extra,
    )


def test_it_prints_one_json_object_per_query_in_order(tmp_path: Path) -> None:
    result = screen(tmp_path)

    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["query"] for line in lines] == [1, 2, 3, 4]
    assert set(lines[0]) == {"query", "matches"}
    first = lines[0]["matches"][0]
    assert first["id"] == "A1"
    assert 0.0 <= first["score"] <= 1.0
    assert "nickname: Bob = Robert" in first["reasons"]
    assert "same date of birth" in first["reasons"]
    assert [m["id"] for m in lines[1]["matches"]] == ["A2"]
    assert "no birth date on the list" in lines[1]["matches"][0]["reasons"]
    assert lines[2]["matches"] == []  # a common name with another birth date
    assert [m["id"] for m in lines[3]["matches"]] == ["A3"]  # no birth date given


def test_matches_come_best_first(tmp_path: Path) -> None:
    result = screen(tmp_path, LIST, QUERY_HEADER + "Smith,Robert,\n")

    matches = json.loads(result.stdout)["matches"]
    assert [m["id"] for m in matches] == ["A1"]
    scores = [m["score"] for m in matches]
    assert scores == sorted(scores, reverse=True)


def test_it_reads_a_byte_order_mark_and_quoted_fields(tmp_path: Path) -> None:
    listed = "\ufeff" + LIST_HEADER + 'B1,"Cruz, de la",Ana,1990-02-03,,""\n'
    result = screen(tmp_path, listed, QUERY_HEADER + "De la Cruz,Ana,1990-02-03\n")

    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["matches"][0]["id"] == "B1"


def test_with_the_list_date_it_says_whether_an_empty_result_is_clear(tmp_path: Path) -> None:
    stale = screen(tmp_path, LIST, QUERIES, "--updated", "2026-01-01", "--now", "2026-02-01")
    fresh = screen(tmp_path, LIST, QUERIES, "--updated", "2026-01-30", "--now", "2026-02-01")

    assert [json.loads(line)["status"] for line in stale.stdout.splitlines()] == [
        "possible match",
        "possible match",
        "stale: not clear",
        "possible match",
    ]
    assert json.loads(fresh.stdout.splitlines()[2])["status"] == "clear"


@pytest.mark.parametrize(
    ("listed", "queries", "message"),
    [
        ("id,name\nA1,Smith\n", QUERIES, "header"),
        (LIST, "family,given\nSmith,Bob\n", "header"),
        ("", QUERIES, "empty"),
        (LIST_HEADER + "A1,Smith,Robert,02/04/1979,,\n", QUERIES, "'02/04/1979' is not a date"),
        (LIST_HEADER + "A1,Smith,Robert,1979-02-30,,\n", QUERIES, "line 2"),
        (LIST, QUERY_HEADER + "Smith,Bob,1979-4-2\n", "queries.csv, line 2"),
        (LIST_HEADER + "A1,Smith,Robert,1979-04-02\n", QUERIES, "4 fields"),
        (LIST_HEADER + "A1,Smith,Bob,,,\nA1,Jones,Ann,,,\n", QUERIES, "used twice"),
        (LIST_HEADER + ",Smith,Bob,,,\n", QUERIES, "id is empty"),
        (LIST_HEADER + "A1,,,,,\n", QUERIES, "no name"),
        (
            b"id,family_name,given_name,date_of_birth,aliases,reason\nA1,\xff,B,,,\n",
            QUERIES,
            "UTF-8",
        ),
    ],
)
def test_bad_input_exits_2_with_one_line(
    tmp_path: Path, listed: str | bytes, queries: str, message: str
) -> None:
    result = screen(tmp_path, listed, queries)

    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    assert message in result.stderr


def test_a_missing_file_exits_2(tmp_path: Path) -> None:
    queries = write(tmp_path, "queries.csv", QUERIES)
    result = run("screen", "--list", str(tmp_path / "absent.csv"), "--queries", queries)

    assert result.returncode == 2
    assert "cannot read" in result.stderr and "absent.csv" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_missing_arguments_exit_2(tmp_path: Path) -> None:
    result = run("screen", "--list", write(tmp_path, "list.csv", LIST))

    assert result.returncode == 2
    assert "--queries" in result.stderr


def test_help_states_the_rule() -> None:
    result = run("screen", "--help")

    assert result.returncode == 0
    text = " ".join(result.stdout.split())
    assert "a different birth date is never a candidate" in text
    assert "never a decision" in text


def test_screening_never_imports_django() -> None:
    code = (
        "import sys\n"
        "import threshold.matching, threshold.matching.cli\n"
        "print(sorted(m for m in sys.modules if m == 'django' or m.startswith('django.')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )

    assert result.stdout.strip() == "[]", result.stderr
