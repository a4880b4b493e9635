"""The privacy guarantee, on real data: an import whose forbidden columns (SSN, passport, country
and city of birth) hold recognisable values stores none of them anywhere in the records tables, the
audit trail or either export."""

from __future__ import annotations

from django.apps import apps
from django.utils import timezone

from threshold.audit.models import AuditEvent
from threshold.records import exports, queries, roster, services
from threshold.records.models import Student
from threshold.records.services import PresentedDocument, Requester
from threshold.testing.oneroster import oneroster_files, supplement, zipped

SENTINELS = {
    "ssn": "987-65-4329",
    "passport": "PASSSENTINEL77",
    "countryOfBirthCode": "ZQSENTINEL",
    "cityOfBirth": "Sentinelburg",
}


def _with_columns(data: bytes, values: dict[str, str]) -> bytes:
    lines = data.decode().splitlines()
    header = lines[0] + "," + ",".join(values)
    rows = [line + "," + ",".join(values.values()) for line in lines[1:] if line]
    return ("\r\n".join([header, *rows]) + "\r\n").encode()


def _sentinel_files() -> dict[str, bytes]:
    files = oneroster_files(students=6, schools=["Lincoln Elementary", "Washington Middle"])
    demographics = files["demographics.csv"].decode()
    demographics = demographics.replace("Guadalajara", SENTINELS["cityOfBirth"])
    files["demographics.csv"] = demographics.replace(",MX,", f",{SENTINELS['countryOfBirthCode']},")
    files["demographics.csv"] = files["demographics.csv"].encode()
    files["users.csv"] = _with_columns(
        files["users.csv"], {"ssn": SENTINELS["ssn"], "passport": SENTINELS["passport"]}
    )
    return files


def _everything_stored() -> str:
    parts = []
    for model in apps.get_app_config("records").get_models():
        parts += [str(row) for row in model.objects.values()]
    parts += [str(event.data) for event in AuditEvent.objects.all()]
    return "\n".join(parts)


def test_forbidden_columns_never_reach_a_table_the_audit_trail_or_an_export(world, rita):
    simple = (
        "student_id,given_name,family_name,school,ssn,cityOfBirth,passport\n"
        f"Z1,Kim,Park,Lincoln Elementary,{SENTINELS['ssn']},{SENTINELS['cityOfBirth']},"
        f"{SENTINELS['passport']}\n"
    ).encode()
    today = timezone.localdate()
    parsed = roster.parse(
        district=world.north, kind="simple", data=simple, supplement=None, today=today
    )
    assert roster.import_roster(district=world.north, actor=rita, parsed=parsed).added == 1
    files = _sentinel_files()
    assert SENTINELS["cityOfBirth"].encode() in files["demographics.csv"]
    assert SENTINELS["countryOfBirthCode"].encode() in files["demographics.csv"]
    extra = supplement(
        [
            {
                "student_id": "100003",
                "directory_opt_out": "no",
                "guardian_name": "Ana Lopez",
                "ssn": SENTINELS["ssn"],
                "countryOfBirthCode": SENTINELS["countryOfBirthCode"],
                "passport": SENTINELS["passport"],
            }
        ]
    )
    parsed = roster.parse(
        district=world.north,
        kind="oneroster",
        data=zipped(files),
        supplement=extra,
        today=timezone.localdate(),
    )
    result = roster.import_roster(district=world.north, actor=rita, parsed=parsed)
    assert result.added == 6
    student = Student.objects.get(local_id="100003")
    services.request_intake(
        district=world.north,
        actor=rita,
        stated_interest="Criminal case",
        channel="MAIL_OR_FAX",
        requester=Requester(agency="STATE_OR_LOCAL_POLICE", name="Det. Ruiz"),
        requested=["STUDENT_RECORDS"],
        student=student,
        document=PresentedDocument(doc_class="JUDICIAL_SUBPOENA", facial_check="PASS"),
    )
    stored = _everything_stored()
    entries = queries.record_of(student)
    csv_export = exports.record_csv(student, entries).decode("utf-8")
    pdf_rows = str(exports._rows(student, entries))
    for column, value in SENTINELS.items():
        assert value not in stored, column
        assert value not in csv_export, column
        assert value not in pdf_rows, column
    assert "Lopez" in stored or "Smith" in stored  # the walk does read the rows it checks
