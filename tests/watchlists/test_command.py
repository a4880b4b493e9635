"""`threshold watchlists import` and `purge-ended`: the same import and purge as the pages."""

from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from tests.watchlists.helpers import listed_bob
from threshold.audit.models import AuditEvent
from threshold.watchlists.models import Entry, EntryPhoto, Watchlist

REGISTRY = "last_name,first_name,dob,address\nRoe,Richard,1979-04-02,1 Elm St\n"


def run(*args):
    call_command("watchlists", *args)


def test_it_imports_a_registry_export_as_the_administrator(world, tmp_path, capsys):
    path = tmp_path / "registry.csv"
    path.write_text(REGISTRY)
    run(
        "import",
        str(path),
        "--district",
        str(world.north.pk),
        "--mode",
        "registry",
        "--as",
        "dana@north.example",
    )
    assert "imported 1 rows: 1 added" in capsys.readouterr().out
    assert Entry.objects.get().reason == "registry"
    assert AuditEvent.objects.get(action="watchlist.imported").actor == world.dana


def test_one_bad_row_imports_nothing_and_says_which(world, tmp_path, capsys):
    path = tmp_path / "registry.csv"
    path.write_text(REGISTRY + "Doe,John,31/31/1980,x\n")
    with pytest.raises(CommandError, match="nothing imported: 1 problem"):
        run(
            "import",
            str(path),
            "--district",
            str(world.north.pk),
            "--mode",
            "registry",
            "--as",
            "dana@north.example",
        )
    assert "line 3: The date of birth 31/31/1980 is not a date" in capsys.readouterr().err
    assert not Entry.objects.exists()


@pytest.mark.parametrize("actor", ["sue@south.example", "olga@north.example", "nobody@x.org"])
def test_only_an_administrator_of_that_district_may_import(world, tmp_path, actor):
    path = tmp_path / "registry.csv"
    path.write_text(REGISTRY)
    with pytest.raises(CommandError, match="administrator of that district"):
        run("import", str(path), "--district", str(world.north.pk), "--as", actor)


def test_it_says_plainly_when_the_district_or_file_is_wrong(world, tmp_path):
    with pytest.raises(CommandError, match="existing district"):
        run("import", "x.csv", "--district", "nope", "--as", "dana@north.example")
    with pytest.raises(CommandError, match="cannot read"):
        run(
            "import",
            str(tmp_path / "missing.csv"),
            "--district",
            str(world.north.pk),
            "--as",
            "dana@north.example",
        )


def test_purge_removes_entries_that_ended_long_ago_with_their_photos(world, capsys):
    long_ago = timezone.localdate() - timedelta(days=400)
    old = listed_bob(world.north, valid_from=long_ago, valid_until=long_ago, photo=b"\xff\xd8")
    listed_bob(world.north, is_active=False, ended_at=timezone.now() - timedelta(days=500))
    recent = listed_bob(world.north, is_active=False, ended_at=timezone.now() - timedelta(days=5))
    current = listed_bob(world.north)
    version = Watchlist.objects.get().version
    run("purge-ended")
    assert "entries removed: 2" in capsys.readouterr().out
    assert set(Entry.objects.all()) == {recent, current}
    assert not EntryPhoto.objects.filter(entry_id=old.pk).exists()
    assert Watchlist.objects.get().version == version + 1
    event = AuditEvent.objects.get(action="watchlist.entries_purged")
    assert event.data == {"entries": 2}
