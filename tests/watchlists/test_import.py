"""Importing a list from CSV: the district's list in the screening contract's columns, and a
state registry export. Every row is checked first; one bad row and nothing is imported."""

from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from threshold.audit.models import AuditEvent
from threshold.watchlists import imports
from threshold.watchlists.models import Entry, EntryPhoto, Watchlist

URL = reverse("watchlists-import")
HEADER = "id,family_name,given_name,date_of_birth,aliases,reason"
GOOD = f"""{HEADER}
d-1,Smith,Bob,1979-04-02,Bobby Smith;Smith Robert,custody
d-2,García López,María,,,trespass
d-3,Okafor,Ngozi,1985-11-30,,court_order
"""


def upload(text, name="list.csv", encoding="utf-8"):
    return SimpleUploadedFile(name, text.encode(encoding), "text/csv")


def run(world, text, mode="district"):
    return imports.import_entries(
        district=world.north, actor=world.dana, mode=mode, data=text.encode()
    )


def test_it_imports_the_districts_list_and_audits_the_counts(world, client_for):
    response = client_for(world.dana).post(URL, {"mode": "district", "file": upload(GOOD)})
    assert response.status_code == 200
    assert "File imported" in response.content.decode()
    entries = {e.external_id: e for e in Entry.objects.all()}
    assert set(entries) == {"d-1", "d-2", "d-3"}
    assert entries["d-1"].aliases == ["Bobby Smith", "Smith Robert"]
    assert entries["d-1"].date_of_birth == date(1979, 4, 2)
    assert entries["d-2"].date_of_birth is None and entries["d-2"].reason == "trespass"
    assert all(e.watchlist.kind == "district" and e.all_schools for e in entries.values())
    event = AuditEvent.objects.get(action="watchlist.imported")
    assert event.actor == world.dana
    assert event.data == {
        "mode": "district",
        "rows": 3,
        "added": 3,
        "changed": 0,
        "unchanged": 0,
        "reactivated": 0,
        "removed": 0,
        "skipped": 0,
    }
    assert "Smith" not in str(event.data)
    assert Watchlist.objects.get().current_as_of is not None


def test_one_bad_row_imports_nothing_and_every_bad_row_is_named(world, client_for):
    text = f"""{HEADER}
d-1,Smith,Bob,1979-04-02,,custody
d-2,,Maria,,,trespass
d-3,Okafor,Ngozi,30/11/1985,,court_order
d-1,Again,Same,,,other
d-5,Roe,Richard,,,banned-forever
d-6,Doe,Jane,2099-01-01,,other
"""
    response = client_for(world.dana).post(URL, {"mode": "district", "file": upload(text)})
    assert response.status_code == 422
    page = response.content.decode()
    assert "Nothing was imported: 5 problems in the file." in page
    assert "Line 3: The family name is empty." in page
    assert "Line 4: The date of birth 30/11/1985 is not a date (YYYY-MM-DD)." in page
    assert "Line 5: The id d-1 is used twice." in page
    assert "Line 6: The reason banned-forever is not one of" in page
    assert "Line 7: The date of birth is not in the past." in page
    assert not Entry.objects.exists() and not Watchlist.objects.exists()
    assert not AuditEvent.objects.filter(action="watchlist.imported").exists()


def test_a_failure_while_writing_leaves_nothing_behind(world, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(imports.Entry.objects, "bulk_update", broken)
    with pytest.raises(RuntimeError):
        run(world, GOOD)
    assert not Entry.objects.exists() and not Watchlist.objects.exists()


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("", "empty"),
        ("family_name,given_name\nSmith,Bob\n", "Missing: aliases, date_of_birth, id, reason"),
        (f"{HEADER},ssn\n", "Not known: ssn"),
        (f"{HEADER}\nd-1,Smith,Bob\n", "This row has 3 fields where the header has 6."),
        (f'{HEADER}\nd-1,"Smith,Bob,,,custody\n', "not readable as CSV"),
    ],
)
def test_it_says_what_is_wrong_with_the_file_itself(world, client_for, text, problem):
    response = client_for(world.dana).post(URL, {"mode": "district", "file": upload(text)})
    assert response.status_code == 422
    assert problem in response.content.decode()


def test_a_file_that_is_not_utf8_is_refused_plainly(world, client_for):
    text = f"{HEADER}\nd-1,Muñoz,José,,,other\n"
    response = client_for(world.dana).post(
        URL, {"mode": "district", "file": upload(text, encoding="latin-1")}
    )
    assert response.status_code == 422
    assert "not UTF-8" in response.content.decode()


def test_a_known_id_updates_and_reactivates_its_entry(world):
    run(world, GOOD)
    Entry.objects.filter(external_id="d-3").update(is_active=False)
    text = f"""{HEADER},valid_until
d-1,Smith,Bob,1979-04-02,Bobby Smith;Smith Robert,custody,
d-2,García López,María,1990-01-01,,trespass,
d-3,Okafor,Ngozi,1985-11-30,,court_order,{(timezone.localdate() + timedelta(days=30)).isoformat()}
d-4,New,Person,,,other,
"""
    result = run(world, text)
    assert (result.added, result.changed, result.unchanged, result.reactivated) == (1, 1, 1, 1)
    d2 = Entry.objects.get(external_id="d-2")
    assert d2.date_of_birth == date(1990, 1, 1)
    d3 = Entry.objects.get(external_id="d-3")
    assert d3.is_active and d3.valid_until == timezone.localdate() + timedelta(days=30)
    assert Entry.objects.count() == 4  # people missing from a district file stay listed


def test_the_reason_may_be_written_as_words(world):
    text = f"{HEADER}\nd-1,Smith,Bob,,,Custody restriction\nd-2,Roe,Ann,,,Court order\n"
    run(world, text)
    assert sorted(Entry.objects.values_list("reason", flat=True)) == ["court_order", "custody"]


def test_an_end_date_in_the_past_is_refused(world):
    text = f"{HEADER},valid_until\nd-1,Smith,Bob,,,custody,2001-01-01\n"
    with pytest.raises(imports.ImportRefused) as refused:
        run(world, text)
    assert refused.value.errors[0].line == 2


REGISTRY = """\
Registration_Number,Last_Name,First_Name,Middle_Name,DOB,Aliases,Address,Race,Sex,Offense
R100,Roe,Richard,Allen,04/02/1979,Rick Roe|Dick Roe,12 Elm St Hartford,W,M,Statute 53a-71
R200,Doe,John,,1980-12-24,,5 Oak Ave,B,M,Statute 53a-70
R300,Poe,Edgar,,,,1 Raven Rd,W,M,Statute 53a-72
"""


def test_a_registry_export_keeps_only_names_and_birth_dates(world, client_for):
    response = client_for(world.dana).post(URL, {"mode": "registry", "file": upload(REGISTRY)})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Columns ignored and not stored:" in page and "address, race, sex, offense" in page
    roe = Entry.objects.get(external_id="R100")
    assert (roe.family_name, roe.given_name, roe.date_of_birth) == (
        "Roe",
        "Richard Allen",
        date(1979, 4, 2),
    )
    assert roe.aliases == ["Rick Roe", "Dick Roe"]
    assert roe.reason == "registry" and roe.watchlist.kind == "registry"
    assert not Entry.objects.filter(external_id="R300").exists()  # no birth date: skipped
    stored = " ".join(str(v) for row in Entry.objects.values() for v in row.values())
    for dropped in ("Elm St", "Oak Ave", "53a-7", "Hartford"):
        assert dropped not in stored
    event = AuditEvent.objects.get(action="watchlist.imported")
    assert event.data["mode"] == "registry"
    assert (event.data["added"], event.data["skipped"]) == (2, 1)


def test_a_new_registry_export_replaces_the_registry_list(world):
    from threshold.testing import factories

    run(world, REGISTRY, mode="registry")
    roe = Entry.objects.get(external_id="R100")
    EntryPhoto.objects.create(entry=roe, jpeg=b"\xff\xd8")
    run(world, GOOD)  # the district's own list is another list, and stays
    visitor = factories.visitor(world.north)
    from threshold.watchlists.models import ApprovedVisitor

    doe = Entry.objects.get(external_id="R200")
    ApprovedVisitor.objects.create(
        district=world.north, visitor=visitor, entry=doe, approved_by=world.olga
    )
    later = (
        "last_name,first_name,dob,registry_id\nDoe,John,1980-12-24,R200\nNew,Nora,1970-01-01,R400\n"
    )
    result = run(world, later, mode="registry")
    assert (result.added, result.unchanged, result.removed) == (1, 1, 1)
    assert not Entry.objects.filter(external_id="R100").exists()
    assert not EntryPhoto.objects.exists()  # the photo went with its entry
    assert ApprovedVisitor.objects.get().entry == doe  # the same record keeps its approval
    assert Entry.objects.filter(watchlist__kind="district").count() == 3


def test_a_registry_export_needs_a_name_and_a_birth_date_column(world):
    with pytest.raises(imports.ImportRefused) as refused:
        run(world, "first_name,address\nJohn,1 Main St\n", mode="registry")
    assert "last-name column" in refused.value.errors[0].message


def test_a_registry_without_ids_keys_people_by_name_and_birth_date(world):
    text = "surname,first_name,birth_date\nRoe,Richard,1979-04-02\nRoe,Richard,1979-04-02\n"
    result = run(world, text, mode="registry")
    assert (result.added, result.skipped) == (1, 1)
    assert run(world, text, mode="registry").unchanged == 1


def test_an_import_moves_the_lists_version_only_when_something_changed(world):
    run(world, GOOD)
    version = Watchlist.objects.get().version
    run(world, GOOD)
    assert Watchlist.objects.get().version == version
