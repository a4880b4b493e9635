"""Importing a watchlist from a CSV file: the district's own list, or a state registry export.

Every row is read and checked before anything is written; one bad row and nothing is imported,
and the page lists each bad row by its line. The import itself is one transaction.

- District list: the header of the screening contract (`threshold watchlist screen`),
  `id,family_name,given_name,date_of_birth,aliases,reason`, in any order, plus an optional
  `valid_until`. Rows are matched to the list's entries by `id`: new ids are added, known ids are
  updated (and made active again). Entries missing from the file are left as they are.
- State registry export: a registry's own columns (last_name, first_name, middle_name, dob,
  aliases, and an id where it has one) become entries with the reason "registry". Every other
  column (addresses, physical description, offences) is ignored and never stored. A record with
  no birth date is skipped: on the name alone it would stop every namesake. The import replaces
  the registry list: records no longer in the export are removed.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import date, datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from threshold.accounts.models import District, User
from threshold.audit.services import record
from threshold.matching.csvio import LIST_COLUMNS
from threshold.visitors.identity import fold
from threshold.watchlists import services
from threshold.watchlists.models import Entry, EntryPhoto, Reason, Watchlist

MAX_BYTES = 25 * 1024 * 1024
MAX_ROWS = 500_000
MAX_ERRORS_SHOWN = 100
BATCH = 2000


class Mode:
    DISTRICT = "district"
    REGISTRY = "registry"


DISTRICT_COLUMNS = frozenset(LIST_COLUMNS)
DISTRICT_OPTIONAL = frozenset({"valid_until"})
# A registry export's column names, as states spell them, for each thing Threshold keeps.
REGISTRY_COLUMNS = {
    "family_name": ("last_name", "lastname", "last", "surname", "family_name"),
    "given_name": ("first_name", "firstname", "first", "given_name"),
    "middle_name": ("middle_name", "middlename", "middle"),
    "date_of_birth": ("dob", "date_of_birth", "birth_date", "birthdate"),
    "aliases": ("aliases", "alias", "aka", "also_known_as"),
    "id": ("id", "registry_id", "offender_id", "record_id", "registration_number"),
}
REASON_WORDS = {
    "custody": Reason.CUSTODY,
    "custody restriction": Reason.CUSTODY,
    "custody order": Reason.CUSTODY,
    "trespass": Reason.TRESPASS,
    "trespass or banned": Reason.TRESPASS,
    "banned": Reason.TRESPASS,
    "court_order": Reason.COURT_ORDER,
    "court order": Reason.COURT_ORDER,
    "other": Reason.OTHER,
}
US_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")


@dataclass(frozen=True)
class RowError:
    line: int
    message: str


@dataclass(frozen=True)
class Row:
    line: int
    external_id: str
    family_name: str
    given_name: str
    date_of_birth: date | None
    aliases: tuple[str, ...]
    reason: str
    valid_until: date | None = None
    has_valid_until: bool = False


@dataclass
class Parsed:
    rows: list[Row] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    error_count: int = 0
    skipped: int = 0
    ignored_columns: list[str] = field(default_factory=list)

    def fail(self, line: int, message: str) -> None:
        self.error_count += 1
        if len(self.errors) < MAX_ERRORS_SHOWN:
            self.errors.append(RowError(line, message))


@dataclass(frozen=True)
class ImportResult:
    mode: str
    rows: int
    added: int
    changed: int
    unchanged: int
    reactivated: int
    removed: int
    skipped: int
    ignored_columns: tuple[str, ...] = ()


class ImportRefused(Exception):
    """The file was not imported; `errors` says why, row by row (the first hundred)."""

    def __init__(self, errors: list[RowError], error_count: int) -> None:
        super().__init__(f"{error_count} problem(s)")
        self.errors = errors
        self.error_count = error_count


# Reading ---------------------------------------------------------------------------------------


def _text(data: bytes) -> str:
    if len(data) > MAX_BYTES:
        raise ImportRefused([RowError(0, _("The file is larger than 25 MB."))], 1)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportRefused(
            [RowError(0, _("The file is not UTF-8 text. Save it as CSV UTF-8 and try again."))], 1
        ) from None


def _records(text: str) -> tuple[list[str], list[tuple[int, list[str]]]]:
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader, None)
        if header is None:
            raise ImportRefused([RowError(1, _("The file is empty."))], 1)
        names = [name.strip().lower() for name in header]
        rows: list[tuple[int, list[str]]] = []
        for row in reader:
            if not any(cell.strip() for cell in row):
                continue
            rows.append((reader.line_num, row))
            if len(rows) > MAX_ROWS:
                raise ImportRefused(
                    [RowError(reader.line_num, _("The file has more than 500,000 rows."))], 1
                )
    except csv.Error as error:
        message = _("The file is not readable as CSV: %(problem)s") % {"problem": error}
        raise ImportRefused([RowError(reader.line_num, message)], 1) from None
    return names, rows


def _iso_date(text: str) -> date:
    if len(text) != 10:
        raise ValueError(text)
    return date.fromisoformat(text)


def _registry_date(text: str) -> date:
    found = US_DATE.match(text)
    if found:
        month, day, year = (int(part) for part in found.groups())
        return date(year, month, day)
    return _iso_date(text)


def _aliases(text: str, separators: str) -> tuple[str, ...]:
    parts = re.split(f"[{re.escape(separators)}]", text)
    return tuple(" ".join(part.split()) for part in parts if part.strip())


def _check_person(
    parsed: Parsed, line: int, family: str, given: str, aliases: tuple[str, ...]
) -> bool:
    ok = True
    if not family:
        parsed.fail(line, _("The family name is empty."))
        ok = False
    if len(family) > 100 or len(given) > 100:
        parsed.fail(line, _("A name is longer than 100 characters."))
        ok = False
    if len(aliases) > services.MAX_ALIASES or any(len(alias) > 200 for alias in aliases):
        parsed.fail(line, _("Give at most 20 other names, each under 200 characters."))
        ok = False
    return ok


def parse_district(data: bytes, *, today: date) -> Parsed:
    """Rows of the district's list, in the screening contract's columns."""
    names, records = _records(_text(data))
    parsed = Parsed()
    missing = sorted(DISTRICT_COLUMNS - set(names))
    unknown = sorted(set(names) - DISTRICT_COLUMNS - DISTRICT_OPTIONAL)
    if missing or unknown or len(set(names)) != len(names):
        expected = ",".join(LIST_COLUMNS)
        parsed.fail(
            1,
            _(
                "The header must be %(expected)s (any order), with valid_until if you "
                "like. Missing: %(missing)s. Not known: %(unknown)s."
            )
            % {
                "expected": expected,
                "missing": ", ".join(missing) or "—",
                "unknown": ", ".join(unknown) or "—",
            },
        )
        return parsed
    seen: set[str] = set()
    for line, cells in records:
        if len(cells) != len(names):
            parsed.fail(
                line,
                _("This row has %(found)s fields where the header has %(expected)s.")
                % {"found": len(cells), "expected": len(names)},
            )
            continue
        row = {name: cell.strip() for name, cell in zip(names, cells, strict=True)}
        ok = True
        external_id = row["id"]
        if not external_id:
            parsed.fail(line, _("The id is empty."))
            ok = False
        elif len(external_id) > 64:
            parsed.fail(line, _("The id is longer than 64 characters."))
            ok = False
        elif external_id in seen:
            parsed.fail(line, _("The id %(id)s is used twice.") % {"id": external_id})
            ok = False
        seen.add(external_id)
        family, given = " ".join(row["family_name"].split()), " ".join(row["given_name"].split())
        aliases = _aliases(row["aliases"], ";")
        ok = _check_person(parsed, line, family, given, aliases) and ok
        born: date | None = None
        if row["date_of_birth"]:
            try:
                born = _iso_date(row["date_of_birth"])
            except ValueError:
                parsed.fail(
                    line,
                    _("The date of birth %(value)s is not a date (YYYY-MM-DD).")
                    % {"value": row["date_of_birth"]},
                )
                ok = False
            else:
                if not date(1900, 1, 1) <= born <= today:
                    parsed.fail(line, _("The date of birth is not in the past."))
                    ok = False
        reason = REASON_WORDS.get(row["reason"].lower())
        if reason is None:
            parsed.fail(
                line,
                _("The reason %(value)s is not one of: custody, trespass, court_order, other.")
                % {"value": row["reason"] or "—"},
            )
            ok = False
        until: date | None = None
        if row.get("valid_until"):
            try:
                until = _iso_date(row["valid_until"])
            except ValueError:
                parsed.fail(
                    line,
                    _("The end date %(value)s is not a date (YYYY-MM-DD).")
                    % {"value": row["valid_until"]},
                )
                ok = False
            else:
                if until < today:
                    parsed.fail(line, _("The end date has passed: leave the row out instead."))
                    ok = False
        if ok and reason is not None:
            parsed.rows.append(
                Row(
                    line=line,
                    external_id=external_id,
                    family_name=family,
                    given_name=given,
                    date_of_birth=born,
                    aliases=aliases,
                    reason=reason,
                    valid_until=until,
                    has_valid_until="valid_until" in row,
                )
            )
    return parsed


def _registry_column(names: list[str], wanted: str) -> int | None:
    for spelling in REGISTRY_COLUMNS[wanted]:
        if spelling in names:
            return names.index(spelling)
    return None


def parse_registry(data: bytes, *, today: date) -> Parsed:
    """Rows of a state registry export: only names, other names and birth dates are read."""
    names, records = _records(_text(data))
    parsed = Parsed()
    columns = {wanted: _registry_column(names, wanted) for wanted in REGISTRY_COLUMNS}
    if columns["family_name"] is None or columns["date_of_birth"] is None:
        parsed.fail(
            1,
            _(
                "A registry export needs a last-name column (last_name or surname) and a "
                "date-of-birth column (dob or date_of_birth)."
            ),
        )
        return parsed
    used = {index for index in columns.values() if index is not None}
    parsed.ignored_columns = [name for index, name in enumerate(names) if index not in used]

    def cell(cells: list[str], wanted: str) -> str:
        index = columns[wanted]
        return cells[index].strip() if index is not None else ""

    seen: set[str] = set()
    for line, cells in records:
        if len(cells) != len(names):
            parsed.fail(
                line,
                _("This row has %(found)s fields where the header has %(expected)s.")
                % {"found": len(cells), "expected": len(names)},
            )
            continue
        family = " ".join(cell(cells, "family_name").split())
        given = " ".join(
            " ".join(
                part for part in (cell(cells, "given_name"), cell(cells, "middle_name")) if part
            ).split()
        )
        aliases = _aliases(cell(cells, "aliases"), ";|")
        ok = _check_person(parsed, line, family, given, aliases)
        born_text = cell(cells, "date_of_birth")
        born: date | None = None
        if born_text:
            try:
                born = _registry_date(born_text)
            except ValueError:
                parsed.fail(
                    line,
                    _("The date of birth %(value)s is not a date (YYYY-MM-DD or MM/DD/YYYY).")
                    % {"value": born_text},
                )
                ok = False
            else:
                if not date(1900, 1, 1) <= born <= today:
                    parsed.fail(line, _("The date of birth is not in the past."))
                    ok = False
        if not ok:
            continue
        if born is None:
            parsed.skipped += 1  # incomplete: see the module's docstring
            continue
        given_key = fold(given).split()[:1]
        external_id = (
            cell(cells, "id")[:64]
            or (f"{fold(family)}|{''.join(given_key)}|{born.isoformat()}")[:64]
        )
        if external_id in seen:
            parsed.skipped += 1  # the same person twice in one export
            continue
        seen.add(external_id)
        parsed.rows.append(
            Row(
                line=line,
                external_id=external_id,
                family_name=family,
                given_name=given,
                date_of_birth=born,
                aliases=aliases,
                reason=Reason.REGISTRY,
            )
        )
    return parsed


# Writing ---------------------------------------------------------------------------------------


def _search_name(row: Row) -> str:
    return fold(" ".join([row.given_name, row.family_name, *row.aliases]))[:1200]


def _differs(entry: Entry, row: Row) -> bool:
    return (
        entry.family_name != row.family_name
        or entry.given_name != row.given_name
        or entry.date_of_birth != row.date_of_birth
        or list(entry.aliases) != list(row.aliases)
        or entry.reason != row.reason
        or (row.has_valid_until and entry.valid_until != row.valid_until)
    )


@transaction.atomic
def import_entries(
    *, district: District, actor: User, mode: str, data: bytes, now: datetime | None = None
) -> ImportResult:
    """Import a file into the district's list (mode "district") or its registry list (mode
    "registry"): every row or none."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    if mode == Mode.DISTRICT:
        parsed = parse_district(data, today=today)
        kind = Watchlist.Kind.DISTRICT
    elif mode == Mode.REGISTRY:
        parsed = parse_registry(data, today=today)
        kind = Watchlist.Kind.REGISTRY
    else:
        raise ValueError(f"unknown import mode {mode!r}")
    if parsed.error_count:
        raise ImportRefused(parsed.errors, parsed.error_count)
    watchlist = services.watchlist_of(district, kind)
    existing = {e.external_id: e for e in Entry.objects.filter(watchlist=watchlist)}
    added: list[Entry] = []
    changed: list[Entry] = []
    unchanged = reactivated = 0
    for row in parsed.rows:
        entry = existing.get(row.external_id)
        if entry is None:
            added.append(
                Entry(
                    watchlist=watchlist,
                    district=district,
                    external_id=row.external_id,
                    reason=row.reason,
                    family_name=row.family_name,
                    given_name=row.given_name,
                    aliases=list(row.aliases),
                    date_of_birth=row.date_of_birth,
                    valid_from=today,
                    valid_until=row.valid_until,
                    search_name=_search_name(row),
                    created_by=actor,
                    created_at=now,
                    updated_at=now,
                )
            )
            continue
        differs = _differs(entry, row)
        if not differs and entry.is_active:
            unchanged += 1
            continue
        if not entry.is_active:
            reactivated += 1
            entry.is_active, entry.ended_at = True, None
        entry.family_name, entry.given_name = row.family_name, row.given_name
        entry.date_of_birth, entry.aliases, entry.reason = (
            row.date_of_birth,
            list(row.aliases),
            row.reason,
        )
        if row.has_valid_until:
            entry.valid_until = row.valid_until
            if row.valid_until is not None and row.valid_until < entry.valid_from:
                entry.valid_from = min(today, row.valid_until)
        entry.search_name = _search_name(row)
        entry.updated_at = now
        changed.append(entry)
    Entry.objects.bulk_create(added, batch_size=BATCH)
    Entry.objects.bulk_update(
        changed,
        [
            "family_name",
            "given_name",
            "date_of_birth",
            "aliases",
            "reason",
            "valid_from",
            "valid_until",
            "search_name",
            "updated_at",
            "is_active",
            "ended_at",
        ],
        batch_size=BATCH,
    )
    removed = 0
    if kind == Watchlist.Kind.REGISTRY:
        # An export is the whole registry: who left it leaves the list, photo and all.
        kept = {row.external_id for row in parsed.rows}
        gone = [e.pk for key, e in existing.items() if key not in kept]
        for start in range(0, len(gone), BATCH):
            batch = gone[start : start + BATCH]
            EntryPhoto.objects.filter(entry_id__in=batch).delete()
            removed += Entry.objects.filter(pk__in=batch).delete()[1].get("watchlists.Entry", 0)
    if added or changed or removed:
        services._list_changed(watchlist, now)
    else:
        Watchlist.objects.filter(pk=watchlist.pk).update(current_as_of=now)
    result = ImportResult(
        mode=mode,
        rows=len(parsed.rows),
        added=len(added),
        changed=len(changed) - reactivated,
        unchanged=unchanged,
        reactivated=reactivated,
        removed=removed,
        skipped=parsed.skipped,
        ignored_columns=tuple(parsed.ignored_columns),
    )
    record(
        "watchlist.imported",
        actor=actor,
        district=district,
        subject=watchlist,
        data={
            "mode": mode,
            "rows": result.rows,
            "added": result.added,
            "changed": result.changed,
            "unchanged": result.unchanged,
            "reactivated": result.reactivated,
            "removed": result.removed,
            "skipped": result.skipped,
        },
    )
    return result
