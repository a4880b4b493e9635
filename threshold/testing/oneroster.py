"""OneRoster CSV exports made up for tests and the roster benchmark: the files a student
information system writes, with every demographic column a real export carries (so that tests can
show those columns are never read)."""

from __future__ import annotations

import csv
import io
import zipfile
from datetime import date, timedelta

GIVEN = ["Maria", "James", "Sofia", "Liam", "Ava", "Noah", "Mia", "Lucas", "Emma", "Mateo"]
FAMILY = ["Lopez", "Smith", "Nguyen", "Garcia", "Brown", "Kim", "Rossi", "Okafor", "Silva", "Chen"]
DEMOGRAPHIC_COLUMNS = [
    "sourcedId",
    "status",
    "dateLastModified",
    "birthDate",
    "sex",
    "americanIndianOrAlaskaNative",
    "asian",
    "blackOrAfricanAmerican",
    "nativeHawaiianOrOtherPacificIslander",
    "white",
    "demographicRaceTwoOrMoreRaces",
    "hispanicOrLatinoEthnicity",
    "countryOfBirthCode",
    "stateOfBirthAbbreviation",
    "cityOfBirth",
    "publicSchoolResidenceStatus",
]


def _csv(rows: list[list[str]]) -> bytes:
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    return out.getvalue().encode("utf-8")


def oneroster_files(
    *, students: int, schools: list[str], version: str = "1.2", start: int = 0
) -> dict[str, bytes]:
    """The CSV files of an export: `students` students spread over the named schools."""
    orgs = [
        ["sourcedId", "status", "dateLastModified", "name", "type", "identifier", "parentSourcedId"]
    ]
    orgs.append(["org-district", "", "", "Bench District", "district", "", ""])
    for n, name in enumerate(schools):
        orgs.append([f"org-{n}", "", "", name, "school", f"S{n}", "org-district"])
    if version == "1.1":
        users = [
            [
                "sourcedId",
                "status",
                "dateLastModified",
                "enabledUser",
                "orgSourcedIds",
                "role",
                "username",
                "userIds",
                "givenName",
                "familyName",
                "middleName",
                "identifier",
                "email",
                "sms",
                "phone",
                "agentSourcedIds",
                "grades",
                "password",
            ]
        ]
    else:
        users = [
            [
                "sourcedId",
                "status",
                "dateLastModified",
                "enabledUser",
                "username",
                "userIds",
                "givenName",
                "familyName",
                "middleName",
                "identifier",
                "email",
                "sms",
                "phone",
                "agentSourcedIds",
                "grades",
                "password",
                "userMasterIdentifier",
                "resourceSourcedIds",
                "preferredGivenName",
                "preferredMiddleName",
                "preferredFamilyName",
                "primaryOrgSourcedId",
                "pronouns",
            ]
        ]
    roles = [
        [
            "sourcedId",
            "status",
            "dateLastModified",
            "userSourcedId",
            "roleType",
            "role",
            "orgSourcedId",
            "userProfileSourcedId",
            "beginDate",
            "endDate",
        ]
    ]
    enrollments = [
        [
            "sourcedId",
            "status",
            "dateLastModified",
            "classSourcedId",
            "schoolSourcedId",
            "userSourcedId",
            "role",
            "primary",
            "beginDate",
            "endDate",
        ]
    ]
    demographics = [DEMOGRAPHIC_COLUMNS]
    for i in range(start, start + students):
        key = f"stu-{i}"
        org = f"org-{i % len(schools)}"
        given, family = GIVEN[i % len(GIVEN)], f"{FAMILY[(i // 10) % len(FAMILY)]}{i}"
        grade = f"{(i % 12) + 1:02d}"
        if version == "1.1":
            users.append(
                [
                    key,
                    "",
                    "",
                    "true",
                    org,
                    "student",
                    f"u{i}",
                    "",
                    given,
                    family,
                    "",
                    f"{100000 + i}",
                    "",
                    "",
                    "",
                    "",
                    grade,
                    "",
                ]
            )
        else:
            users.append(
                [
                    key,
                    "",
                    "",
                    "true",
                    f"u{i}",
                    "",
                    given,
                    family,
                    "",
                    f"{100000 + i}",
                    "",
                    "",
                    "",
                    "",
                    grade,
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    org,
                    "",
                ]
            )
            roles.append([f"role-{i}", "", "", key, "primary", "student", org, "", "", ""])
        enrollments.append([f"enr-{i}", "", "", f"class-{i % 40}", org, key, "student", "", "", ""])
        born = date(2008, 1, 1) + timedelta(days=i % 3650)
        demographics.append(
            [
                key,
                "",
                "",
                born.isoformat(),
                "female",
                "false",
                "false",
                "false",
                "false",
                "true",
                "false",
                "true",
                "MX",
                "",
                "Guadalajara",
                "",
            ]
        )
    # A teacher, to show only students are read.
    if version == "1.1":
        users.append(
            [
                "tch-1",
                "",
                "",
                "true",
                "org-0",
                "teacher",
                "t1",
                "",
                "Tess",
                "Teacher",
                "",
                "T1",
                "",
                "",
                "",
                "",
                "",
                "",
            ]
        )
    else:
        users.append(
            [
                "tch-1",
                "",
                "",
                "true",
                "t1",
                "",
                "Tess",
                "Teacher",
                "",
                "T1",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "org-0",
                "",
            ]
        )
        roles.append(["role-t1", "", "", "tch-1", "primary", "teacher", "org-0", "", "", ""])
    files = {
        "manifest.csv": _csv(
            [["propertyName", "value"], ["manifest.version", "1.0"], ["oneroster.version", version]]
        ),
        "orgs.csv": _csv(orgs),
        "users.csv": _csv(users),
        "enrollments.csv": _csv(enrollments),
        "demographics.csv": _csv(demographics),
    }
    if version == "1.2":
        files["roles.csv"] = _csv(roles)
    return files


def zipped(files: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as bundle:
        for name, data in files.items():
            bundle.writestr(name, data)
    return out.getvalue()


def supplement(rows: list[dict[str, str]]) -> bytes:
    columns = [
        "student_id",
        "directory_opt_out",
        "eligible_student",
        "student_email",
        "guardian_name",
        "guardian_email",
        "guardian_phone",
        "guardian_language",
    ]
    return _csv([columns] + [[row.get(c, "") for c in columns] for row in rows])
