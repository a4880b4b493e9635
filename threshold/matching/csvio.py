"""Reading a watchlist and a batch of visitors from CSV, as `threshold watchlist screen` does.

Bad input raises `InputError` with one line naming the file, the line and the problem.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from threshold.matching.model import Entry, Query

LIST_COLUMNS = ("id", "family_name", "given_name", "date_of_birth", "aliases", "reason")
QUERY_COLUMNS = ("family_name", "given_name", "date_of_birth")


class InputError(Exception):
    """A file that cannot be read, or is not in the expected shape."""


def read_watchlist(path: str | Path) -> Iterator[Entry]:
    """The entries of LIST.csv, in order. Ids must be present and unique."""
    seen: set[str] = set()
    for line, row in _rows(path, LIST_COLUMNS):
        entry_id = row["id"].strip()
        if not entry_id:
            raise InputError(f"{path}, line {line}: the id is empty")
        if entry_id in seen:
            raise InputError(f"{path}, line {line}: the id {entry_id!r} is used twice")
        seen.add(entry_id)
        family, given = row["family_name"].strip(), row["given_name"].strip()
        if not family and not given:
            raise InputError(f"{path}, line {line}: the entry has no name")
        aliases = tuple(alias.strip() for alias in row["aliases"].split(";") if alias.strip())
        yield Entry(
            id=entry_id,
            family_name=family,
            given_name=given,
            date_of_birth=_date(row["date_of_birth"], path, line),
            aliases=aliases,
            reason=row["reason"].strip(),
        )


def read_queries(path: str | Path) -> Iterator[Query]:
    """The visitors of QUERIES.csv, in order."""
    for line, row in _rows(path, QUERY_COLUMNS):
        yield Query(
            family_name=row["family_name"].strip(),
            given_name=row["given_name"].strip(),
            date_of_birth=_date(row["date_of_birth"], path, line),
        )


def _rows(path: str | Path, columns: tuple[str, ...]) -> Iterator[tuple[int, dict[str, str]]]:
    try:
        file = Path(path).open(encoding="utf-8-sig", newline="")  # noqa: SIM115
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from exc
    with file:
        reader = csv.reader(file, strict=True)
        try:
            header = next(reader, None)
            if header is None:
                raise InputError(f"{path} is empty: expected the header {','.join(columns)}")
            names = [name.strip() for name in header]
            if sorted(names) != sorted(columns):
                raise InputError(
                    f"{path}: the header is {','.join(names)!r}, expected {','.join(columns)}"
                )
            for row in reader:
                line = reader.line_num
                if not any(cell.strip() for cell in row):
                    continue  # blank line
                if len(row) != len(names):
                    raise InputError(
                        f"{path}, line {line}: {len(row)} fields where the header has {len(names)}"
                    )
                yield line, dict(zip(names, row, strict=True))
        except UnicodeDecodeError as exc:
            raise InputError(f"{path} is not UTF-8 text") from exc
        except csv.Error as exc:
            raise InputError(f"{path}, line {reader.line_num}: {exc}") from exc


def _date(text: str, path: str | Path, line: int) -> date | None:
    text = text.strip()
    if not text:
        return None
    try:
        if len(text) != 10:
            raise ValueError(text)
        return date.fromisoformat(text)
    except ValueError:
        raise InputError(
            f"{path}, line {line}: date of birth {text!r} is not a date (YYYY-MM-DD)"
        ) from None
