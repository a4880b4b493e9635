"""Screening at check-in: the index per district, the dates and schools an entry applies to,
approved visitors, and the freshness rule (an old list is never "clear")."""

from datetime import date, timedelta

from django.db.models import F
from django.utils import timezone

from tests.watchlists.helpers import BORN, ROBERT, check_in, listed_bob
from threshold.testing import factories
from threshold.visitors.identity import Identity
from threshold.visitors.models import Visit
from threshold.watchlists import screening, services
from threshold.watchlists.models import ApprovedVisitor, Watchlist


def visitor_like_robert(world, **fields):
    values = {"family_name": "Smith", "given_names": "Robert J.", "date_of_birth": BORN, **fields}
    return factories.visitor(world.north, **values)


def result(world, visitor=None, school=None):
    return screening.screen(visitor or visitor_like_robert(world), school or world.lincoln)


def test_it_says_not_screened_where_the_district_keeps_no_list(world):
    assert result(world).result == Visit.Screening.NOT_SCREENED
    assert check_in(world).screening == Visit.Screening.NOT_SCREENED


def test_it_finds_a_nickname_born_the_same_day(world):
    bob = listed_bob(world.north)
    outcome = result(world)
    assert outcome.result == Visit.Screening.POSSIBLE_MATCH
    [match] = outcome.matches
    assert match.id == str(bob.pk)
    assert "same date of birth" in match.reasons
    assert outcome.list_of_match[match.id] == bob.watchlist_id


def test_it_says_clear_when_a_current_list_names_nobody_like_the_visitor(world):
    listed_bob(world.north)
    stranger = factories.visitor(world.north, family_name="Okafor", given_names="Ngozi")
    assert result(world, stranger).result == Visit.Screening.CLEAR


def test_a_different_birth_date_is_never_a_match_however_common_the_name(world):
    listed_bob(world.north)
    other = visitor_like_robert(world, date_of_birth=date(1980, 4, 2))
    assert result(world, other).result == Visit.Screening.CLEAR


def test_an_old_list_is_not_clear(world):
    listed_bob(world.north)
    Watchlist.objects.update(current_as_of=timezone.now() - timedelta(days=31))
    stranger = factories.visitor(world.north, family_name="Okafor", given_names="Ngozi")
    assert result(world, stranger).result == Visit.Screening.LIST_STALE
    # ...and a possible match from an old list still goes to a person.
    assert result(world).result == Visit.Screening.POSSIBLE_MATCH


def test_a_list_never_updated_is_not_clear(world):
    factories.watchlist(world.north, current_as_of=None)
    stranger = factories.visitor(world.north, family_name="Okafor", given_names="Ngozi")
    assert result(world, stranger).result == Visit.Screening.LIST_STALE


def test_one_old_list_among_current_ones_is_enough_to_be_not_clear(world):
    listed_bob(world.north)
    factories.watchlist(
        world.north, kind="registry", current_as_of=timezone.now() - timedelta(days=8)
    )
    stranger = factories.visitor(world.north, family_name="Okafor", given_names="Ngozi")
    assert result(world, stranger).result == Visit.Screening.LIST_STALE


def test_the_allowed_age_is_the_lists_own(world):
    listed_bob(world.north)
    Watchlist.objects.update(current_as_of=timezone.now() - timedelta(days=10))
    stranger = factories.visitor(world.north, family_name="Okafor", given_names="Ngozi")
    assert result(world, stranger).result == Visit.Screening.CLEAR  # 30 days allowed
    services.watchlist_set_max_age(watchlist=Watchlist.objects.get(), actor=world.dana, days=7)
    assert result(world, stranger).result == Visit.Screening.LIST_STALE


def test_only_entries_that_apply_today_are_raised(world):
    today = timezone.localdate()
    listed_bob(world.north, valid_from=today + timedelta(days=1))
    listed_bob(world.north, valid_from=today - timedelta(days=9), valid_until=today - timedelta(1))
    listed_bob(world.north, is_active=False)
    assert result(world).result == Visit.Screening.CLEAR
    current = listed_bob(world.north, valid_until=today)
    assert [m.id for m in result(world).matches] == [str(current.pk)]


def test_an_entry_for_some_schools_is_raised_only_there(world):
    listed_bob(world.north, schools=[world.washington])
    visitor = visitor_like_robert(world)
    assert result(world, visitor, world.lincoln).result == Visit.Screening.CLEAR
    assert result(world, visitor, world.washington).result == Visit.Screening.POSSIBLE_MATCH


def test_another_districts_list_never_screens_this_districts_visitors(world):
    listed_bob(world.south)
    assert result(world).result == Visit.Screening.NOT_SCREENED
    listed_bob(world.north, family_name="Jones")
    assert result(world).result == Visit.Screening.CLEAR


def test_an_approved_visitor_is_not_raised_for_that_entry_but_is_for_any_other(world):
    bob = listed_bob(world.north)
    visitor = visitor_like_robert(world)
    services.visitor_approve(visitor=visitor, entry=bob, actor=world.olga)
    assert result(world, visitor).result == Visit.Screening.CLEAR
    other = listed_bob(world.north, given_name="Robbie", reason="trespass")
    assert [m.id for m in result(world, visitor).matches] == [str(other.pk)]
    # Another visitor resembling Bob is still raised: the approval is for one person.
    assert result(world).result == Visit.Screening.POSSIBLE_MATCH
    assert ApprovedVisitor.objects.count() == 1


def test_a_check_in_by_typed_name_is_screened_like_a_scanned_one(world):
    listed_bob(world.north)
    typed = Identity(family_name="smith", given_names="bob", date_of_birth=BORN)
    assert check_in(world, person=typed).screening == Visit.Screening.POSSIBLE_MATCH
    assert check_in(world, person=ROBERT).screening == Visit.Screening.POSSIBLE_MATCH


def test_it_builds_the_index_once_and_again_only_when_a_list_changes(world):
    bob = listed_bob(world.north)
    visitor = visitor_like_robert(world)
    before = screening.builds
    result(world, visitor)
    result(world, visitor)
    assert screening.builds == before + 1
    # Confirming the list as current changes no entry: the index stays.
    services.watchlist_confirm_current(watchlist=bob.watchlist, actor=world.dana)
    result(world, visitor)
    assert screening.builds == before + 1
    services.entry_deactivate(entry=bob, actor=world.dana)
    assert result(world, visitor).result == Visit.Screening.CLEAR
    assert screening.builds == before + 2


def test_a_change_committed_by_another_process_is_seen_at_the_next_screening(world):
    listed_bob(world.north)
    visitor = visitor_like_robert(world)
    assert result(world, visitor).result == Visit.Screening.POSSIBLE_MATCH
    # Another app process deactivates Bob: it writes the entry and moves the list's version.
    # This process holds no signal from it; the version it reads at the next screening differs.
    from threshold.watchlists.models import Entry

    Entry.objects.update(is_active=False)
    Watchlist.objects.update(version=F("version") + 1)
    assert result(world, visitor).result == Visit.Screening.CLEAR


def test_each_district_keeps_its_own_index(world):
    listed_bob(world.north)
    listed_bob(world.south, family_name="Jones")
    north = screening.loaded(world.north.pk, screening.lists_of(world.north.pk))
    south = screening.loaded(world.south.pk, screening.lists_of(world.south.pk))
    assert north is not south
    assert [e.family_name for e in north.index] == ["Smith"]
    assert [e.family_name for e in south.index] == ["Jones"]


def test_a_fault_in_the_matching_never_stops_a_check_in_nor_passes_for_clear(
    world, monkeypatch, caplog
):
    listed_bob(world.north)

    def broken(self, query):
        raise RuntimeError("a bug")

    monkeypatch.setattr(screening.WatchlistIndex, "screen", broken)
    visit = check_in(world)
    assert visit.screening == Visit.Screening.NOT_SCREENED
    assert "watchlist screening failed" in caplog.text
