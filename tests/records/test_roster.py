"""The roster import: OneRoster 1.1 and 1.2 with the supplementary file, or one simple CSV; all or
nothing, idempotent, students who leave are deactivated and keep their record."""

from datetime import date

import pytest
from django.core.management import call_command
from django.utils import timezone

from threshold.audit.models import AuditEvent
from threshold.records import roster
from threshold.records.models import DisclosureEntry, Guardian, OptOutChange, Student
from threshold.testing.oneroster import oneroster_files, supplement, zipped

SCHOOLS = ["Lincoln Elementary", "Washington Middle"]


def run(world, actor, files=None, *, kind="oneroster", data=None, extra=None):
    today = timezone.localdate()
    if data is None:
        data = zipped(files)
    parsed = roster.parse(district=world.north, kind=kind, data=data, supplement=extra, today=today)
    return roster.import_roster(district=world.north, actor=actor, parsed=parsed)


@pytest.mark.parametrize("version", ["1.1", "1.2"])
def test_it_imports_oneroster_students_and_only_what_it_needs(world, rita, version):
    files = oneroster_files(students=20, schools=SCHOOLS, version=version)
    extra = supplement(
        [
            {
                "student_id": "100003",
                "directory_opt_out": "yes",
                "guardian_name": "Ana Lopez",
                "guardian_email": "ana@family.example",
                "guardian_language": "es",
            },
            {
                "student_id": "100003",
                "directory_opt_out": "yes",
                "guardian_name": "Luis Lopez",
                "guardian_language": "Spanish",
            },
            {"student_id": "100004", "eligible_student": "yes"},
        ]
    )
    result = run(world, rita, files, extra=extra)
    assert result.added == 20
    assert result.kind == f"oneroster-{version}"
    assert Student.objects.filter(district=world.north).count() == 20  # not the teacher
    three = Student.objects.get(local_id="100003")
    assert three.school == world.washington
    assert three.grade == "04"
    assert three.date_of_birth == date(2008, 1, 4)
    assert three.directory_opt_out
    assert [g.name for g in three.guardians.all()] == ["Ana Lopez", "Luis Lopez"]
    assert {g.preferred_language for g in three.guardians.all()} == {"es"}
    assert Student.objects.get(local_id="100004").eligible_flag
    assert OptOutChange.objects.get().student == three
    # Demographics beyond the birth date are named as not read, and nothing holds them.
    assert "demographics.csv: countryOfBirthCode" in result.not_read
    assert "demographics.csv: cityOfBirth" in result.not_read
    stored = str(list(Student.objects.values()))
    assert "Guadalajara" not in stored and "MX" not in stored
    assert AuditEvent.objects.filter(action="records.roster_imported").count() == 1


EXTRA = [
    {
        "student_id": "100003",
        "directory_opt_out": "yes",
        "eligible_student": "no",
        "student_email": "",
        "guardian_name": "Ana Lopez",
        "guardian_email": "ana@family.example",
        "guardian_language": "es",
    },
    {"student_id": "100004", "directory_opt_out": "no", "eligible_student": "yes"},
    {"student_id": "100005", "directory_opt_out": "no", "guardian_name": "Bo Chen"},
]


def test_a_second_import_changes_nothing(world, rita):
    files = oneroster_files(students=15, schools=SCHOOLS)
    run(world, rita, files, extra=supplement(EXTRA))
    before = list(Student.objects.order_by("pk").values_list("pk", "updated_at"))
    result = run(world, rita, files, extra=supplement(EXTRA))
    assert (result.added, result.changed, result.unchanged, result.left) == (0, 0, 15, 0)
    assert list(Student.objects.order_by("pk").values_list("pk", "updated_at")) == before


def _kept(student_id):
    found = Student.objects.get(local_id=student_id)
    guardians = list(found.guardians.values_list("name", "email", "preferred_language"))
    return found.directory_opt_out, found.eligible_flag, guardians


def test_an_import_without_the_supplement_keeps_opt_outs_flags_and_parents(world, rita):
    from threshold.records import services

    files = oneroster_files(students=8, schools=SCHOOLS)
    run(world, rita, files, extra=supplement(EXTRA))
    # The officer records a parent's opt-out in Threshold.
    services.opt_out_set(student=Student.objects.get(local_id="100005"), actor=rita, opted_out=True)
    before = {sid: _kept(sid) for sid in ("100003", "100004", "100005")}
    assert before["100003"][0] and before["100004"][1] and before["100005"][0]
    changes = OptOutChange.objects.count()
    result = run(world, rita, files)
    assert (result.changed, result.unchanged) == (0, 8)
    assert {sid: _kept(sid) for sid in before} == before
    assert OptOutChange.objects.count() == changes


def test_only_an_explicit_no_withdraws_an_imported_opt_out_never_the_officers(world, rita):
    from threshold.records import services

    files = oneroster_files(students=8, schools=SCHOOLS)
    run(world, rita, files, extra=supplement(EXTRA))
    services.opt_out_set(student=Student.objects.get(local_id="100005"), actor=rita, opted_out=True)
    blank = [{"student_id": "100003", "directory_opt_out": ""}, {"student_id": "100005"}]
    run(world, rita, files, extra=supplement(blank))
    assert Student.objects.get(local_id="100003").directory_opt_out
    no = [
        {"student_id": "100003", "directory_opt_out": "no"},
        {"student_id": "100005", "directory_opt_out": "no"},
    ]
    run(world, rita, files, extra=supplement(no))
    # The import's own opt-out is withdrawn by the file's "no"; the officer's is not.
    assert not Student.objects.get(local_id="100003").directory_opt_out
    assert Student.objects.get(local_id="100005").directory_opt_out
    last = OptOutChange.objects.filter(student__local_id="100003").first()
    assert (last.opted_out, last.source) == (False, OptOutChange.Source.IMPORT)


def test_an_unknown_parent_language_stores_english_and_warns(world, rita):
    rows = (
        "A1,Kid,One,Lincoln Elementary,3,2017-05-01,no,no,Parent One,p1@family.example,tagalog,\n"
        "A2,Kid,Two,Lincoln Elementary,3,2017-05-01,no,no,Parent Two,p2@family.example,es,\n"
    )
    result = run(world, rita, kind="simple", data=(SIMPLE.split("\n")[0] + "\n" + rows).encode())
    assert result.added == 2
    assert Guardian.objects.get(name="Parent One").preferred_language == "en"
    assert Guardian.objects.get(name="Parent Two").preferred_language == "es"
    assert [(w.line, "Parent One" in w.message) for w in result.language_warnings] == [(2, True)]


def test_a_student_missing_from_a_later_import_is_deactivated_not_deleted(world, rita):
    run(world, rita, oneroster_files(students=10, schools=SCHOOLS))
    gone = Student.objects.get(local_id="100009")
    DisclosureEntry.objects.create(
        district=world.north,
        student=gone,
        kind="request",
        on_date=date(2026, 1, 5),
        parties="Someone",
        legitimate_interest="—",
        basis="—",
        recorded_by=rita,
    )
    result = run(world, rita, oneroster_files(students=9, schools=SCHOOLS))
    assert result.left == 1
    gone.refresh_from_db()
    assert not gone.is_active and gone.left_on == timezone.localdate()
    assert DisclosureEntry.objects.filter(student=gone).exists()
    back = run(world, rita, oneroster_files(students=10, schools=SCHOOLS))
    assert back.returned == 1
    gone.refresh_from_db()
    assert gone.is_active and gone.left_on is None


def test_an_import_with_bad_rows_changes_nothing_and_names_each_line(world, rita):
    run(world, rita, oneroster_files(students=5, schools=SCHOOLS))
    before = list(Student.objects.order_by("pk").values())
    files = oneroster_files(students=6, schools=SCHOOLS)
    users = files["users.csv"].decode().splitlines()
    # Line 2: no family name; lines 3, 5 and 7: a school Threshold does not have.
    cells = users[1].split(",")
    cells[7] = ""
    users[1] = ",".join(cells)
    files["users.csv"] = ("\r\n".join(users) + "\r\n").encode()
    orgs = files["orgs.csv"].decode().replace("Washington Middle", "Nowhere Academy")
    files["orgs.csv"] = orgs.encode()
    demographics = files["demographics.csv"].decode().splitlines()
    demo = demographics[3].split(",")
    demo[3] = "31/12/2010"
    demographics[3] = ",".join(demo)
    files["demographics.csv"] = ("\r\n".join(demographics) + "\r\n").encode()
    extra = supplement([{"student_id": "999", "directory_opt_out": "maybe"}])
    with pytest.raises(roster.ImportRefused) as refused:
        run(world, rita, files, extra=extra)
    found = {(e.file, e.line) for e in refused.value.errors}
    assert ("users.csv", 2) in found
    assert {("users.csv", 3), ("users.csv", 5), ("users.csv", 7)} <= found
    assert ("demographics.csv", 4) in found
    assert ("supplement.csv", 2) in found
    assert list(Student.objects.order_by("pk").values()) == before
    assert AuditEvent.objects.filter(action="records.roster_imported").count() == 1


SIMPLE = (
    "student_id,given_name,family_name,school,grade,date_of_birth,directory_opt_out,"
    "eligible_student,guardian_name,guardian_email,guardian_language,countryOfBirthCode\n"
    "A1,Maria,Lopez,Lincoln Elementary,3,2017-05-01,no,no,Ana Lopez,ana@family.example,es,MX\n"
    "A1,Maria,Lopez,Lincoln Elementary,3,2017-05-01,no,no,Luis Lopez,,en,MX\n"
    "B2,James,Smith,washington middle,7,2013-02-11,yes,,,,,\n"
)


def test_it_imports_one_simple_csv(world, rita):
    result = run(world, rita, kind="simple", data=SIMPLE.encode())
    assert result.added == 2
    assert result.not_read == ("students.csv: countryOfBirthCode",)
    maria = Student.objects.get(local_id="A1")
    assert Guardian.objects.filter(student=maria).count() == 2
    assert Student.objects.get(local_id="B2").directory_opt_out


def test_parents_read_notices_in_any_of_the_five_languages(world, rita):
    rows = [
        f"A{n},Kid{n},Family,Lincoln Elementary,3,2017-05-01,no,no,Parent {n},p{n}@family.example,"
        f"{language},\n"
        for n, language in enumerate(["Português", "kreyol", "pl", "ES", ""], start=1)
    ]
    run(world, rita, kind="simple", data=(SIMPLE.split("\n")[0] + "\n" + "".join(rows)).encode())
    found = dict(Guardian.objects.values_list("name", "preferred_language"))
    assert found == {
        "Parent 1": "pt",
        "Parent 2": "ht",
        "Parent 3": "pl",
        "Parent 4": "es",
        "Parent 5": "en",
    }


def test_a_simple_csv_with_bad_rows_reports_each(world, rita):
    bad = (
        SIMPLE + "C3,,Kim,Lincoln Elementary,1,2019-13-01,no,no,,,,\nD4,Li,Wu,Mars High,1,,,,,,,\n"
    )
    with pytest.raises(roster.ImportRefused) as refused:
        run(world, rita, kind="simple", data=bad.encode())
    assert {e.line for e in refused.value.errors} == {5, 6}
    assert not Student.objects.exists()


def test_the_command_imports_as_the_page_does(world, rita, tmp_path, capsys):
    bundle = tmp_path / "export.zip"
    bundle.write_bytes(zipped(oneroster_files(students=4, schools=SCHOOLS)))
    call_command(
        "records",
        "import-roster",
        str(bundle),
        "--district",
        str(world.north.pk),
        "--as",
        rita.email,
    )
    assert Student.objects.count() == 4
    assert "added: 4" in capsys.readouterr().out


def test_the_command_reports_bad_lines_and_fails(world, rita, tmp_path, capsys):
    data = tmp_path / "students.csv"
    data.write_text("student_id,given_name,family_name,school\nA1,,X,Lincoln Elementary\n")
    with pytest.raises(SystemExit) as exit_:
        call_command(
            "records",
            "import-roster",
            str(data),
            "--simple",
            "--district",
            str(world.north.pk),
            "--as",
            rita.email,
        )
    assert exit_.value.code == 1
    assert "students.csv, line 2" in capsys.readouterr().err


def test_the_demo_district_has_students(db):
    from threshold.accounts.demo import load_demo

    district = load_demo("demo-password-for-tests")
    assert Student.objects.filter(district=district).count() == 7
    assert Guardian.objects.filter(student__district=district).count() == 7


def test_a_delta_export_is_refused(world, rita):
    files = oneroster_files(students=3, schools=SCHOOLS)
    files["manifest.csv"] += b"file.users,delta\r\n"
    with pytest.raises(roster.ImportRefused) as refused:
        run(world, rita, files)
    assert "delta" in str(refused.value.errors[0])
    assert not Student.objects.exists()
