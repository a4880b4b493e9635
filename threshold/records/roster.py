"""Importing the student roster from the student information system.

Two shapes are read:

- A OneRoster CSV export, version 1.1 or 1.2 (a .zip bundle, or its files): orgs.csv (schools),
  users.csv (students), enrollments.csv (a student's school when users.csv does not say it),
  roles.csv in 1.2 (who is a student, at which school), and demographics.csv for the birth date
  only. Every other demographic column (sex, race, countryOfBirthCode, cityOfBirth and the like)
  is never read. What OneRoster lacks comes from an optional supplementary CSV: the directory
  opt-out, the eligible-student flag, the student's e-mail and the parents' contacts and language.
- One simple CSV with all of it.

Every row of every file is checked before anything is written. One bad row and nothing changes;
each problem is reported with its file and line. A student known from an earlier import and
missing from this one is marked as having left, never deleted: the record of disclosures of that
student must survive. Importing the same files twice changes nothing the second time.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from threshold.accounts.models import District, School, User
from threshold.audit.services import record
from threshold.records.models import Guardian, OptOutChange, Student

MAX_BYTES = 200 * 1024 * 1024
MAX_ERRORS_SHOWN = 100
BATCH = 2000
ONEROSTER_FILES = ("orgs.csv", "users.csv", "enrollments.csv", "demographics.csv", "roles.csv")
SIMPLE_REQUIRED = ("student_id", "given_name", "family_name", "school")
SIMPLE_OPTIONAL = (
    "grade",
    "date_of_birth",
    "directory_opt_out",
    "eligible_student",
    "student_email",
    "guardian_name",
    "guardian_email",
    "guardian_phone",
    "guardian_language",
)
SUPPLEMENT_COLUMNS = ("student_id", *SIMPLE_OPTIONAL[2:])
SIMPLE_COLUMNS = (*SIMPLE_REQUIRED, *SIMPLE_OPTIONAL)
# Every OneRoster column the import reads, by file (the privacy test walks these names).
ONEROSTER_COLUMNS = (
    "orgs.csv: sourcedId name type status",
    "users.csv: sourcedId status role orgSourcedIds primaryOrgSourcedId givenName familyName "
    "preferredGivenName preferredFamilyName identifier email grades",
    "roles.csv: userSourcedId role roleType orgSourcedId status",
    "enrollments.csv: userSourcedId schoolSourcedId role status",
    "demographics.csv: sourcedId birthDate",
)
YES = {"yes", "y", "true", "1", "x", "si", "sí"}
NO = {"no", "n", "false", "0", ""}
LANGUAGE_WORDS = {
    "": "en",
    "en": "en",
    "eng": "en",
    "english": "en",
    "inglés": "en",
    "es": "es",
    "spa": "es",
    "spanish": "es",
    "español": "es",
    "espanol": "es",
    "pt": "pt",
    "por": "pt",
    "portuguese": "pt",
    "português": "pt",
    "portugues": "pt",
    "ht": "ht",
    "hat": "ht",
    "haitian creole": "ht",
    "haitian": "ht",
    "kreyòl": "ht",
    "kreyol": "ht",
    "kreyòl ayisyen": "ht",
    "pl": "pl",
    "pol": "pl",
    "polish": "pl",
    "polski": "pl",
}
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@dataclass(frozen=True)
class RowError:
    file: str
    line: int
    message: str

    def __str__(self) -> str:
        where = f"{self.file}, line {self.line}" if self.line else self.file
        return f"{where}: {self.message}"


class ImportRefused(Exception):
    """Nothing was imported; `errors` says why (the first hundred), with file and line."""

    def __init__(self, errors: list[RowError], error_count: int) -> None:
        super().__init__(f"{error_count} problem(s)")
        self.errors = errors
        self.error_count = error_count


@dataclass(frozen=True)
class GuardianRow:
    name: str
    email: str
    phone: str
    language: str


@dataclass
class StudentRow:
    file: str
    line: int
    source_key: str
    local_id: str
    given_name: str
    family_name: str
    school: School
    grade: str = ""
    date_of_birth: date | None = None
    eligible: bool = False
    opt_out: bool = False
    # Whether the file states the opt-out for this student ("no" written, not left blank).
    opt_out_stated: bool = False
    email: str = ""
    guardians: list[GuardianRow] = field(default_factory=list)


@dataclass
class Parsed:
    rows: dict[str, StudentRow] = field(default_factory=dict)
    errors: list[RowError] = field(default_factory=list)
    error_count: int = 0
    not_read: list[str] = field(default_factory=list)
    version: str = ""
    # What the files hold beyond the OneRoster basics: "opt_out", "eligible", "email",
    # "guardians". What they do not hold is neither compared nor written, so an import without
    # the supplementary file keeps every opt-out, flag and parent contact as it is.
    managed: set[str] = field(default_factory=set)
    # Students whose parents' language is not one notices are written in (stored as English).
    language_warnings: list[RowError] = field(default_factory=list)

    def fail(self, file: str, line: int, message: str) -> None:
        self.error_count += 1
        if len(self.errors) < MAX_ERRORS_SHOWN:
            self.errors.append(RowError(file, line, message))

    def refuse_if_failed(self) -> None:
        if self.error_count:
            raise ImportRefused(self.errors, self.error_count)


@dataclass(frozen=True)
class ImportResult:
    kind: str
    students: int
    added: int
    changed: int
    unchanged: int
    returned: int
    left: int
    not_read: tuple[str, ...] = ()
    language_warnings: tuple[RowError, ...] = ()


# Reading files --------------------------------------------------------------------------------


def files_from_zip(data: bytes) -> dict[str, bytes]:
    """The CSV files of a OneRoster bundle, by their base name."""
    try:
        bundle = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise ImportRefused([RowError("zip", 0, _("The file is not a .zip bundle."))], 1) from None
    files: dict[str, bytes] = {}
    total = 0
    for info in bundle.infolist():
        name = info.filename.rsplit("/", 1)[-1].lower()
        if name not in (*ONEROSTER_FILES, "manifest.csv"):
            continue
        total += info.file_size
        if total > MAX_BYTES:
            raise ImportRefused([RowError(name, 0, _("The bundle is larger than 200 MB."))], 1)
        files[name] = bundle.read(info)
    return files


def _table(
    name: str, data: bytes, parsed: Parsed | None = None
) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    """The header and rows of one CSV file, each row as a dict with its line number."""
    if len(data) > MAX_BYTES:
        raise ImportRefused([RowError(name, 0, _("The file is larger than 200 MB."))], 1)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        message = _("The file is not UTF-8 text. Save it as CSV UTF-8 and try again.")
        raise ImportRefused([RowError(name, 0, message)], 1) from None
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    rows: list[tuple[int, dict[str, str]]] = []
    try:
        header = next(reader, None)
        if header is None:
            raise ImportRefused([RowError(name, 1, _("The file is empty."))], 1)
        names = [cell.strip() for cell in header]
        for cells in reader:
            if not any(cell.strip() for cell in cells):
                continue
            if len(cells) != len(names):
                message = _("This row has %(found)s fields where the header has %(expected)s.") % {
                    "found": len(cells),
                    "expected": len(names),
                }
                if parsed is None:
                    raise ImportRefused([RowError(name, reader.line_num, message)], 1)
                parsed.fail(name, reader.line_num, message)
                continue
            rows.append(
                (reader.line_num, dict(zip(names, (c.strip() for c in cells), strict=True)))
            )
    except csv.Error as error:
        message = _("The file is not readable as CSV: %(problem)s") % {"problem": error}
        raise ImportRefused([RowError(name, reader.line_num, message)], 1) from None
    return names, rows


def _need(parsed: Parsed, file: str, header: list[str], columns: Iterable[str]) -> bool:
    missing = [column for column in columns if column not in header]
    if missing:
        parsed.fail(
            file,
            1,
            _("Columns missing from the header: %(columns)s.") % {"columns": ", ".join(missing)},
        )
        return False
    return True


def _date(text: str) -> date:
    if len(text) < 10:
        raise ValueError(text)
    return date.fromisoformat(text[:10])


def _flag(parsed: Parsed, file: str, line: int, column: str, text: str) -> bool:
    value = text.strip().lower()
    if value in YES:
        return True
    if value not in NO:
        parsed.fail(
            file,
            line,
            _("%(column)s must be yes or no, not %(value)s.") % {"column": column, "value": text},
        )
    return False


def _school_key(name: str) -> str:
    return " ".join(name.lower().split())


class _Schools:
    def __init__(self, district: District) -> None:
        self.by_name = {
            _school_key(school.name): school for school in School.objects.filter(district=district)
        }

    def find(self, name: str) -> School | None:
        return self.by_name.get(_school_key(name))


def _check_student(parsed: Parsed, row: StudentRow, today: date) -> bool:
    ok = True
    if not row.local_id or len(row.local_id) > 64:
        parsed.fail(
            row.file, row.line, _("The student number is empty or longer than 64 characters.")
        )
        ok = False
    if not row.family_name or not row.given_name:
        parsed.fail(row.file, row.line, _("The student's given and family names are both needed."))
        ok = False
    if len(row.family_name) > 100 or len(row.given_name) > 100:
        parsed.fail(row.file, row.line, _("A name is longer than 100 characters."))
        ok = False
    if len(row.grade) > 8:
        parsed.fail(row.file, row.line, _("The grade is longer than 8 characters."))
        ok = False
    if row.date_of_birth is not None and not date(1990, 1, 1) <= row.date_of_birth <= today:
        parsed.fail(row.file, row.line, _("The date of birth is not a plausible past date."))
        ok = False
    return ok


def _guardian(parsed: Parsed, file: str, line: int, values: dict[str, str]) -> GuardianRow | None:
    name = " ".join(values.get("guardian_name", "").split())
    email = values.get("guardian_email", "").strip()
    phone = values.get("guardian_phone", "").strip()
    language_text = values.get("guardian_language", "").strip().lower()
    if not (name or email or phone):
        return None
    ok = True
    if not name or len(name) > 200:
        parsed.fail(file, line, _("A parent or guardian needs a name (up to 200 characters)."))
        ok = False
    if email and (not EMAIL.match(email) or len(email) > 254):
        parsed.fail(file, line, _("%(value)s is not an e-mail address.") % {"value": email})
        ok = False
    if len(phone) > 30:
        parsed.fail(file, line, _("The phone number is longer than 30 characters."))
        ok = False
    language = LANGUAGE_WORDS.get(language_text)
    if language is None:
        # One unknown language does not refuse the whole roster: English is stored and the
        # office is shown the student, to find a notice in the family's language.
        parsed.language_warnings.append(
            RowError(
                file,
                line,
                _(
                    "%(name)s: the language %(value)s is not one notices are written in "
                    "(English, Spanish, Portuguese, Haitian Creole, Polish); English is stored."
                )
                % {"name": name or "—", "value": language_text},
            )
        )
    return GuardianRow(name, email, phone, language or "en") if ok else None


def _managed(header: Iterable[str]) -> set[str]:
    """The groups of fields a file's header holds (see Parsed.managed)."""
    columns = set(header)
    managed = set()
    if "directory_opt_out" in columns:
        managed.add("opt_out")
    if "eligible_student" in columns:
        managed.add("eligible")
    if "student_email" in columns:
        managed.add("email")
    if columns & {"guardian_name", "guardian_email", "guardian_phone"}:
        managed.add("guardians")
    return managed


def _student_email(parsed: Parsed, file: str, line: int, text: str) -> str:
    email = text.strip()
    if email and (not EMAIL.match(email) or len(email) > 254):
        parsed.fail(file, line, _("%(value)s is not an e-mail address.") % {"value": email})
        return ""
    return email


# The simple CSV ---------------------------------------------------------------------------------


def parse_simple(data: bytes, *, district: District, today: date) -> Parsed:
    """One CSV with everything; a student's row may repeat, once per parent or guardian."""
    name = "students.csv"
    parsed = Parsed(version="simple")
    header, rows = _table(name, data, parsed)
    if not _need(parsed, name, header, SIMPLE_REQUIRED):
        return parsed
    parsed.not_read = [
        f"{name}: {column}"
        for column in header
        if column not in (*SIMPLE_REQUIRED, *SIMPLE_OPTIONAL)
    ]
    parsed.managed = _managed(header)
    schools = _Schools(district)
    for line, values in rows:
        local_id = values["student_id"]
        school = schools.find(values["school"])
        if school is None:
            parsed.fail(
                name,
                line,
                _("%(school)s is not one of the district's schools in Threshold.")
                % {"school": values["school"] or "—"},
            )
            continue
        born: date | None = None
        if values.get("date_of_birth"):
            try:
                born = _date(values["date_of_birth"])
            except ValueError:
                parsed.fail(name, line, _("The date of birth is not a date (YYYY-MM-DD)."))
                continue
        row = StudentRow(
            file=name,
            line=line,
            source_key=local_id,
            local_id=local_id,
            given_name=" ".join(values["given_name"].split()),
            family_name=" ".join(values["family_name"].split()),
            school=school,
            grade=values.get("grade", ""),
            date_of_birth=born,
            eligible=_flag(
                parsed, name, line, "eligible_student", values.get("eligible_student", "")
            ),
            opt_out=_flag(
                parsed, name, line, "directory_opt_out", values.get("directory_opt_out", "")
            ),
            opt_out_stated=bool(values.get("directory_opt_out", "").strip()),
            email=_student_email(parsed, name, line, values.get("student_email", "")),
        )
        if not _check_student(parsed, row, today):
            continue
        guardian = _guardian(parsed, name, line, values)
        known = parsed.rows.get(local_id)
        if known is None:
            parsed.rows[local_id] = row
            known = row
        elif (known.given_name, known.family_name, known.school.pk, known.date_of_birth) != (
            row.given_name,
            row.family_name,
            row.school.pk,
            row.date_of_birth,
        ):
            parsed.fail(
                name,
                line,
                _("The student %(id)s appears on line %(first)s with other details.")
                % {"id": local_id, "first": known.line},
            )
            continue
        if guardian is not None:
            known.guardians.append(guardian)
    return parsed


# OneRoster --------------------------------------------------------------------------------------


def _live(values: dict[str, str]) -> bool:
    """A bulk file leaves status empty; a delta marks removed rows "tobedeleted"."""
    return values.get("status", "").lower() != "tobedeleted"


def _oneroster_version(files: dict[str, bytes], parsed: Parsed) -> str:
    version = "1.2" if "roles.csv" in files else "1.1"
    if "manifest.csv" in files:
        _header, rows = _table("manifest.csv", files["manifest.csv"])
        for line, values in rows:
            name, value = values.get("propertyName", ""), values.get("value", "").lower()
            if name == "oneroster.version":
                version = value
            elif name.startswith("file.") and value == "delta":
                # A delta holds only what changed: everyone else would look as if they had left.
                parsed.fail(
                    "manifest.csv",
                    line,
                    _("This is a delta export (%(file)s): import a bulk export instead.")
                    % {"file": name.removeprefix("file.")},
                )
    return version


def parse_oneroster(
    files: dict[str, bytes], *, district: District, today: date, supplement: bytes | None = None
) -> Parsed:
    """Students from a OneRoster 1.1 or 1.2 export, then the supplementary file."""
    parsed = Parsed()
    version = _oneroster_version(files, parsed)
    if parsed.error_count:
        return parsed
    if version not in ("1.1", "1.2"):
        parsed.fail(
            "manifest.csv",
            0,
            _("OneRoster %(version)s is not supported: export 1.1 or 1.2.") % {"version": version},
        )
        return parsed
    parsed.version = f"oneroster-{version}"
    needed = ["orgs.csv", "users.csv"] + (["roles.csv"] if version == "1.2" else [])
    missing = [name for name in needed if name not in files]
    if missing:
        parsed.fail(", ".join(missing), 0, _("This file is missing from the export."))
        return parsed

    schools = _Schools(district)
    org_header, org_rows = _table("orgs.csv", files["orgs.csv"], parsed)
    if not _need(parsed, "orgs.csv", org_header, ("sourcedId", "name", "type")):
        return parsed
    orgs: dict[str, tuple[int, str, str]] = {}
    for line, values in org_rows:
        if _live(values):
            orgs[values["sourcedId"]] = (line, values["name"], values["type"].lower())

    def school_of(org_id: str) -> tuple[School | None, str]:
        found = orgs.get(org_id)
        if found is None or found[2] != "school":
            return None, ""
        return schools.find(found[1]), found[1]

    user_header, user_rows = _table("users.csv", files["users.csv"], parsed)
    if "email" in user_header:
        parsed.managed.add("email")
    wanted = ["sourcedId", "givenName", "familyName"]
    if version == "1.1":
        wanted += ["role", "orgSourcedIds"]
    if not _need(parsed, "users.csv", user_header, wanted):
        return parsed

    # Who is a student, and at which org: users.csv (1.1) or roles.csv (1.2).
    student_orgs: dict[str, list[str]] = {}
    if version == "1.2":
        role_header, role_rows = _table("roles.csv", files["roles.csv"], parsed)
        if not _need(parsed, "roles.csv", role_header, ("userSourcedId", "role", "orgSourcedId")):
            return parsed
        for _line, values in role_rows:
            if _live(values) and values["role"].lower() == "student":
                orgs_of = student_orgs.setdefault(values["userSourcedId"], [])
                if values.get("roleType", "").lower() == "primary":
                    orgs_of.insert(0, values["orgSourcedId"])
                else:
                    orgs_of.append(values["orgSourcedId"])
    enrolled_at: dict[str, str] = {}
    if "enrollments.csv" in files:
        enrol_header, enrol_rows = _table("enrollments.csv", files["enrollments.csv"], parsed)
        if _need(
            parsed, "enrollments.csv", enrol_header, ("userSourcedId", "schoolSourcedId", "role")
        ):
            for _line, values in enrol_rows:
                if _live(values) and values["role"].lower() == "student":
                    enrolled_at.setdefault(values["userSourcedId"], values["schoolSourcedId"])

    born: dict[str, str] = {}
    if "demographics.csv" in files:
        demo_header, demo_rows = _table("demographics.csv", files["demographics.csv"], parsed)
        if _need(parsed, "demographics.csv", demo_header, ("sourcedId", "birthDate")):
            # Only these two columns are read; the rest are named, so the office can see that.
            parsed.not_read += [
                f"demographics.csv: {column}"
                for column in demo_header
                if column not in ("sourcedId", "birthDate", "status", "dateLastModified")
            ]
            for line, values in demo_rows:
                if values["birthDate"]:
                    born[values["sourcedId"]] = f"{line}|{values['birthDate']}"

    by_local: dict[str, StudentRow] = {}
    for line, values in user_rows:
        if not _live(values):
            continue
        key = values["sourcedId"]
        if version == "1.1":
            if values["role"].lower() != "student":
                continue
            candidates = [
                part.strip() for part in values["orgSourcedIds"].split(",") if part.strip()
            ]
        else:
            if key not in student_orgs:
                continue
            primary = values.get("primaryOrgSourcedId", "")
            candidates = ([primary] if primary else []) + student_orgs[key]
        if key in enrolled_at:
            candidates.append(enrolled_at[key])
        school: School | None = None
        named = ""
        for org_id in candidates:
            school, named = school_of(org_id)
            if school is not None or named:
                break
        if school is None:
            if named:
                message = _(
                    "The school %(school)s is not one of the district's schools in Threshold: "
                    "add it, or give it the same name."
                ) % {"school": named}
            else:
                message = _("No school is given for this student (orgs, roles or enrollments).")
            parsed.fail("users.csv", line, message)
            continue
        birth: date | None = None
        if key in born:
            demo_line, text = born[key].split("|", 1)
            try:
                birth = _date(text)
            except ValueError:
                parsed.fail(
                    "demographics.csv",
                    int(demo_line),
                    _("The birthDate is not a date (YYYY-MM-DD)."),
                )
                continue
        grades = [part.strip() for part in values.get("grades", "").split(",") if part.strip()]
        row = StudentRow(
            file="users.csv",
            line=line,
            source_key=key,
            local_id=values.get("identifier", "") or key,
            given_name=" ".join((values.get("preferredGivenName") or values["givenName"]).split()),
            family_name=" ".join(
                (values.get("preferredFamilyName") or values["familyName"]).split()
            ),
            school=school,
            grade=grades[0] if grades else "",
            date_of_birth=birth,
            email=_student_email(parsed, "users.csv", line, values.get("email", "")),
        )
        if not _check_student(parsed, row, today):
            continue
        if key in parsed.rows:
            parsed.fail("users.csv", line, _("The sourcedId %(id)s is used twice.") % {"id": key})
            continue
        if row.local_id in by_local:
            parsed.fail(
                "users.csv",
                line,
                _("The student number %(id)s is also on line %(first)s.")
                % {"id": row.local_id, "first": by_local[row.local_id].line},
            )
            continue
        parsed.rows[key] = row
        by_local[row.local_id] = row

    if supplement is not None:
        _apply_supplement(parsed, supplement, by_local)
    return parsed


def _apply_supplement(parsed: Parsed, data: bytes, by_local: dict[str, StudentRow]) -> None:
    name = "supplement.csv"
    header, rows = _table(name, data, parsed)
    if not _need(parsed, name, header, ("student_id",)):
        return
    parsed.not_read += [
        f"{name}: {column}" for column in header if column not in SUPPLEMENT_COLUMNS
    ]
    parsed.managed |= _managed(header)
    seen: set[str] = set()
    for line, values in rows:
        student_id = values["student_id"]
        row = by_local.get(student_id) or parsed.rows.get(student_id)
        if row is None:
            parsed.fail(
                name, line, _("No student %(id)s in the roster.") % {"id": student_id or "—"}
            )
            continue
        eligible = _flag(parsed, name, line, "eligible_student", values.get("eligible_student", ""))
        opt_out = _flag(
            parsed, name, line, "directory_opt_out", values.get("directory_opt_out", "")
        )
        email = _student_email(parsed, name, line, values.get("student_email", ""))
        if student_id in seen:
            # A further row for the same student adds a parent; it may not contradict the first.
            if (eligible, opt_out) != (row.eligible, row.opt_out):
                parsed.fail(name, line, _("The flags differ from the student's first row."))
                continue
        else:
            seen.add(student_id)
            row.eligible, row.opt_out = eligible, opt_out
            row.opt_out_stated = bool(values.get("directory_opt_out", "").strip())
            row.email = email or row.email
        guardian = _guardian(parsed, name, line, values)
        if guardian is not None:
            row.guardians.append(guardian)


# Writing ----------------------------------------------------------------------------------------


def _guardian_key(guardians: Iterable[Guardian | GuardianRow]) -> list[tuple[str, str, str, str]]:
    out = []
    for g in guardians:
        language = g.preferred_language if isinstance(g, Guardian) else g.language
        out.append((g.name, g.email, g.phone, language))
    return out


STUDENT_FIELDS = [
    "local_id",
    "given_name",
    "family_name",
    "school_id",
    "grade",
    "date_of_birth",
    "eligible_flag",
    "directory_opt_out",
    "email",
]


MANAGED_FIELDS = {"eligible": "eligible_flag", "opt_out": "directory_opt_out", "email": "email"}


def _values(row: StudentRow, managed: set[str]) -> dict[str, object]:
    """The fields this import writes: the basics always, the rest only when the files hold them
    (the opt-out is decided apart, see _opt_out_after)."""
    values: dict[str, object] = {
        "local_id": row.local_id,
        "given_name": row.given_name,
        "family_name": row.family_name,
        "school_id": row.school.pk,
        "grade": row.grade,
        "date_of_birth": row.date_of_birth,
    }
    if "eligible" in managed:
        values["eligible_flag"] = row.eligible
    if "email" in managed:
        values["email"] = row.email
    return values


def _opt_out_after(
    student: Student, row: StudentRow, managed: set[str], last_source: str | None
) -> bool:
    """The opt-out once this row is imported. An import may add an opt-out; it withdraws one
    only by an explicit "no" in the file, and never one a person entered in Threshold."""
    if "opt_out" not in managed or row.opt_out == student.directory_opt_out:
        return student.directory_opt_out
    if row.opt_out:
        return True
    return not (row.opt_out_stated and last_source == OptOutChange.Source.IMPORT)


def parse(
    *, district: District, kind: str, data: bytes, supplement: bytes | None, today: date
) -> Parsed:
    """Read the upload: kind "oneroster" (a .zip bundle) or "simple" (one CSV)."""
    if kind == "oneroster":
        return parse_oneroster(
            files_from_zip(data), district=district, today=today, supplement=supplement
        )
    if kind == "simple":
        return parse_simple(data, district=district, today=today)
    raise ValueError(f"unknown roster kind {kind!r}")


@transaction.atomic
def import_roster(
    *, district: District, actor: User | None, parsed: Parsed, now: datetime | None = None
) -> ImportResult:
    """Write a parsed roster: every student or none (raises ImportRefused on any bad row)."""
    parsed.refuse_if_failed()
    now = now or timezone.now()
    today = timezone.localdate(now)
    existing = {
        s.source_key: s
        for s in Student.objects.filter(district=district).prefetch_related("guardians")
    }
    managed = parsed.managed
    # Who last changed each opt-out now in force: an import may only undo an import's.
    last_source: dict[object, str] = {}
    for student_id, source in (
        OptOutChange.objects.filter(student__district=district, student__directory_opt_out=True)
        .order_by("student_id", "-changed_at")
        .values_list("student_id", "source")
    ):
        last_source.setdefault(student_id, source)
    added: list[Student] = []
    changed: list[Student] = []
    guardians_new: list[Guardian] = []
    guardians_replaced: list[object] = []
    opt_outs: list[OptOutChange] = []
    unchanged = returned = 0
    for key, row in parsed.rows.items():
        values = _values(row, managed)
        student = existing.get(key)
        if student is None:
            student = Student(
                district=district,
                source_key=key,
                created_at=now,
                updated_at=now,
                directory_opt_out=row.opt_out,
                **values,
            )
            added.append(student)
            if row.opt_out:
                opt_outs.append(
                    OptOutChange(
                        student=student,
                        opted_out=True,
                        source=OptOutChange.Source.IMPORT,
                        changed_by=actor,
                        changed_at=now,
                    )
                )
            guardians_new += _guardian_rows(student, row)
            continue
        opt_out = _opt_out_after(student, row, managed, last_source.get(student.pk))
        differs = opt_out != student.directory_opt_out or any(
            getattr(student, name) != value for name, value in values.items()
        )
        guardians_differ = "guardians" in managed and _guardian_key(
            student.guardians.all()
        ) != _guardian_key(row.guardians)
        if not differs and not guardians_differ and student.is_active:
            unchanged += 1
            continue
        if student.directory_opt_out != opt_out:
            opt_outs.append(
                OptOutChange(
                    student=student,
                    opted_out=opt_out,
                    source=OptOutChange.Source.IMPORT,
                    changed_by=actor,
                    changed_at=now,
                )
            )
            student.directory_opt_out = opt_out
        for name, value in values.items():
            setattr(student, name, value)
        if not student.is_active:
            returned += 1
            student.is_active, student.left_on = True, None
        student.updated_at = now
        changed.append(student)
        if guardians_differ:
            guardians_replaced.append(student.pk)
            guardians_new += _guardian_rows(student, row)
    gone = [s for key, s in existing.items() if key not in parsed.rows and s.is_active]
    for student in gone:
        student.is_active, student.left_on, student.updated_at = False, today, now
    Student.objects.bulk_create(added, batch_size=BATCH)
    Student.objects.bulk_update(
        changed + gone, [*STUDENT_FIELDS, "is_active", "left_on", "updated_at"], batch_size=BATCH
    )
    for start in range(0, len(guardians_replaced), BATCH):
        Guardian.objects.filter(student_id__in=guardians_replaced[start : start + BATCH]).delete()
    Guardian.objects.bulk_create(guardians_new, batch_size=BATCH)
    OptOutChange.objects.bulk_create(opt_outs, batch_size=BATCH)
    result = ImportResult(
        kind=parsed.version,
        students=len(parsed.rows),
        added=len(added),
        changed=len(changed) - returned,
        unchanged=unchanged,
        returned=returned,
        left=len(gone),
        not_read=tuple(parsed.not_read),
        language_warnings=tuple(parsed.language_warnings),
    )
    record(
        "records.roster_imported",
        actor=actor,
        district=district,
        data={
            "kind": result.kind,
            "students": result.students,
            "added": result.added,
            "changed": result.changed,
            "unchanged": result.unchanged,
            "returned": result.returned,
            "left": result.left,
            "opt_out_changes": len(opt_outs),
            "language_warnings": len(parsed.language_warnings),
        },
    )
    return result


def _guardian_rows(student: Student, row: StudentRow) -> list[Guardian]:
    return [
        Guardian(
            student=student,
            name=g.name,
            email=g.email,
            phone=g.phone,
            preferred_language=g.language,
            position=position,
        )
        for position, g in enumerate(row.guardians)
    ]
