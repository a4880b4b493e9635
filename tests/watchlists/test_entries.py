"""District administrators keep the district's list: add, search, change, end, deactivate, photos,
the list's freshness and allowed age. Every change is audited by ids and moves the list's
version."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from tests.idscan.images import encoded
from tests.watchlists.helpers import listed_bob
from threshold.audit.models import AuditEvent
from threshold.testing import factories
from threshold.watchlists import services
from threshold.watchlists.models import Entry, EntryPhoto, Watchlist
from threshold.watchlists.services import EntryDetails

LIST_URL = reverse("watchlists-entries")
NEW_URL = reverse("watchlists-entry-create")


def entry_url(entry, name="watchlists-entry"):
    return reverse(name, kwargs={"entry_id": entry.pk})


def form(**fields):
    values = {
        "reason": "custody",
        "family_name": "Smith",
        "given_name": "Bob",
        "aliases": "Bobby Smith\nSmith, Robert",
        "date_of_birth": "1979-04-02",
        "reference": "Smith v. Smith, 2024",
        "notes": "Call Ms. Smith (the mother) at the number on file.",
        "valid_from": "",
        "valid_until": "",
        "all_schools": "yes",
        **fields,
    }
    return values


def photo_upload():
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("bob.png", encoded(Image.new("RGB", (640, 480))), "image/png")


def test_it_adds_a_person_with_the_details_an_official_needs(world, client_for):
    response = client_for(world.dana).post(NEW_URL, form())
    assert response.status_code == 302
    entry = Entry.objects.get()
    assert (entry.family_name, entry.given_name, entry.date_of_birth) == (
        "Smith",
        "Bob",
        date(1979, 4, 2),
    )
    assert entry.aliases == ["Bobby Smith", "Smith, Robert"]
    assert entry.valid_from == timezone.localdate() and entry.valid_until is None
    assert entry.watchlist.kind == "district" and entry.district == world.north
    event = AuditEvent.objects.get(action="watchlist.entry_added")
    assert event.actor == world.dana and event.subject_id == str(entry.pk)
    assert event.data == {"reason": "custody", "photo": False}
    watchlist = Watchlist.objects.get()
    assert watchlist.version == 1 and watchlist.current_as_of is not None


def test_it_answers_422_with_the_problems_and_keeps_what_was_typed(world, client_for):
    response = client_for(world.dana).post(NEW_URL, form(family_name="", reason=""))
    assert response.status_code == 422
    text = response.content.decode()
    assert "Bobby Smith" in text
    assert not Entry.objects.exists()


@pytest.mark.parametrize(
    "notes",
    [
        "Undocumented, immigration case pending",
        "US citizen",
        "Country of birth: Mexico",
        "SSN 123-45-6789",
        "Has a visa",
        "A-number A123456789",
    ],
)
def test_notes_never_hold_a_persons_status_origin_or_numbers(world, client_for, notes):
    response = client_for(world.dana).post(NEW_URL, form(notes=notes))
    assert response.status_code == 422
    assert "never keeps them" in response.content.decode()
    assert not Entry.objects.exists()
    with pytest.raises(ValidationError):
        services.entry_create(
            district=world.north,
            actor=world.dana,
            details=EntryDetails(reason="other", family_name="X", reference=notes),
        )


def test_it_refuses_dates_out_of_order_and_schools_of_another_district(world, client_for):
    client = client_for(world.dana)
    response = client.post(NEW_URL, form(valid_from="2030-01-10", valid_until="2030-01-01"))
    assert response.status_code == 422
    with pytest.raises(ValidationError):
        services.entry_create(
            district=world.north,
            actor=world.dana,
            details=EntryDetails(
                reason="other", family_name="X", all_schools=False, schools=(world.jefferson,)
            ),
        )
    response = client.post(NEW_URL, form(all_schools="no"))
    assert response.status_code == 422  # some schools, but none chosen
    assert not Entry.objects.exists()


def test_registry_is_not_a_reason_an_administrator_chooses(world, client_for):
    assert client_for(world.dana).post(NEW_URL, form(reason="registry")).status_code == 422


def test_it_applies_to_the_schools_chosen(world, client_for):
    client = client_for(world.dana)
    client.post(NEW_URL, form(all_schools="no", schools=[str(world.washington.pk)]))
    entry = Entry.objects.get()
    assert not entry.all_schools
    assert list(entry.schools.all()) == [world.washington]


def test_it_lists_and_searches_the_districts_entries(world, client_for):
    bob = listed_bob(world.north, aliases=["Bobby Smythe"])
    listed_bob(world.north, family_name="Okafor", given_name="Ngozi", reason="trespass")
    listed_bob(world.south, family_name="Southerner")
    client = client_for(world.dana)
    text = client.get(LIST_URL).content.decode()
    assert "Bob Smith" in text and "Ngozi Okafor" in text and "Southerner" not in text
    text = client.get(LIST_URL, {"q": "smythe"}).content.decode()
    assert entry_url(bob) in text and "Okafor" not in text
    text = client.get(LIST_URL, {"reason": "trespass"}).content.decode()
    assert "Okafor" in text and entry_url(bob) not in text


def test_the_list_filters_by_whether_an_entry_applies_today(world, client_for):
    today = timezone.localdate()
    listed_bob(world.north, family_name="Current")
    listed_bob(world.north, family_name="Later", valid_from=today + timedelta(days=3))
    listed_bob(
        world.north,
        family_name="Over",
        valid_from=today - timedelta(days=9),
        valid_until=today - timedelta(days=1),
    )
    listed_bob(world.north, family_name="Gone", is_active=False)
    client = client_for(world.dana)
    for status, name in (
        ("current", "Current"),
        ("upcoming", "Later"),
        ("ended", "Over"),
        ("inactive", "Gone"),
    ):
        text = client.get(LIST_URL, {"status": status}).content.decode()
        names = {"Current", "Later", "Over", "Gone"}
        assert f"Bob {name}" in text
        assert not any(f"Bob {other}" in text for other in names - {name}), status


def test_the_list_page_shows_each_lists_freshness(world, client_for):
    listed_bob(world.north)
    factories.watchlist(
        world.north, kind="registry", current_as_of=timezone.now() - timedelta(days=9)
    )
    text = client_for(world.dana).get(LIST_URL).content.decode()
    assert "District list" in text and "State registry import" in text
    assert "Out of date" in text and "more than the 7 days allowed" in text
    assert "Current" in text


def test_the_list_page_counts_entries_without_a_birth_date_and_lists_them(world, client_for):
    listed_bob(world.north, family_name="Dated")
    listed_bob(world.north, family_name="Undated", date_of_birth=None)
    listed_bob(world.north, family_name="Gone", date_of_birth=None, is_active=False)
    client = client_for(world.dana)

    text = client.get(LIST_URL).content.decode()
    assert "1 entry has no date of birth" in text
    assert "screening goes on the name alone" in text
    text = client.get(LIST_URL, {"status": "undated"}).content.decode()
    assert "Bob Undated" in text
    assert "Bob Dated" not in text and "Bob Gone" not in text


def test_the_list_page_says_nothing_of_birth_dates_when_every_entry_has_one(world, client_for):
    listed_bob(world.north)
    text = client_for(world.dana).get(LIST_URL).content.decode()
    assert "no date of birth" not in text


def test_it_keeps_the_list_page_to_a_few_queries(world, client_for, django_assert_max_num_queries):
    for number in range(30):
        listed_bob(world.north, family_name=f"Person{number}")
    client = client_for(world.dana)
    client.get(LIST_URL)
    # session, user, roles; the lists with their counts; the page's count and rows; and the
    # session saved again (three), as every request does
    with django_assert_max_num_queries(9):
        assert client.get(LIST_URL).status_code == 200


def test_it_changes_an_entry_and_records_which_fields(world, client_for):
    bob = listed_bob(world.north, aliases=["Bobby Smith"])
    client = client_for(world.dana)
    response = client.post(
        entry_url(bob),
        form(aliases="Bobby Smith", reference="", notes="", valid_until="2031-01-01"),
    )
    assert response.status_code == 302
    bob.refresh_from_db()
    assert bob.valid_until == date(2031, 1, 1) and bob.reference == ""
    event = AuditEvent.objects.get(action="watchlist.entry_changed")
    assert event.data == {"fields": ["reference", "valid_until"]}


def test_a_photo_is_kept_small_and_goes_with_the_entry(world, client_for):
    client = client_for(world.dana)
    client.post(NEW_URL, {**form(), "photo": photo_upload()})
    entry = Entry.objects.get()
    photo = EntryPhoto.objects.get(entry=entry)
    with Image.open(__import__("io").BytesIO(bytes(photo.jpeg))) as image:
        assert image.format == "JPEG" and max(image.size) <= 320
    response = client.get(entry_url(entry, "watchlists-entry-photo"))
    assert response.status_code == 200 and response["Cache-Control"] == "private, no-store"
    client.post(entry_url(entry), {**form(), "remove_photo": "on"})
    assert not EntryPhoto.objects.exists()
    assert AuditEvent.objects.get(action="watchlist.entry_changed").data == {"fields": ["photo"]}


def test_the_order_has_ended_stops_it_applying_from_today(world, client_for):
    bob = listed_bob(world.north)
    client = client_for(world.dana)
    assert client.post(entry_url(bob, "watchlists-entry-end")).status_code == 302
    bob.refresh_from_db()
    assert bob.valid_until == timezone.localdate() - timedelta(days=1)
    assert bob.status(timezone.localdate()) == "ended"
    assert AuditEvent.objects.filter(action="watchlist.entry_ended").count() == 1


def test_deactivate_and_reactivate_are_audited(world, client_for):
    bob = listed_bob(world.north)
    version = Watchlist.objects.get().version
    client = client_for(world.dana)
    client.post(entry_url(bob, "watchlists-entry-deactivate"))
    bob.refresh_from_db()
    assert not bob.is_active and bob.ended_at is not None
    client.post(entry_url(bob, "watchlists-entry-reactivate"))
    bob.refresh_from_db()
    assert bob.is_active and bob.ended_at is None
    actions = list(
        AuditEvent.objects.filter(action__startswith="watchlist.").values_list("action", flat=True)
    )
    assert actions == ["watchlist.entry_deactivated", "watchlist.entry_reactivated"]
    assert Watchlist.objects.get().version == version + 2


def test_a_registry_entry_changes_only_with_the_next_import(world, client_for):
    record = factories.watchlist_entry(world.north, kind="registry", family_name="Roe")
    client = client_for(world.dana)
    page = client.get(entry_url(record))
    assert page.status_code == 200 and "next import" in page.content.decode()
    assert client.post(entry_url(record), form()).status_code == 404
    client.post(entry_url(record, "watchlists-entry-deactivate"))
    record.refresh_from_db()
    assert record.is_active


def test_confirming_a_list_current_is_audited_and_makes_it_fresh(world, client_for):
    watchlist = factories.watchlist(world.north, current_as_of=timezone.now() - timedelta(days=40))
    url = reverse("watchlists-list-confirm", kwargs={"watchlist_id": watchlist.pk})
    assert client_for(world.dana).post(url).status_code == 302
    watchlist.refresh_from_db()
    assert timezone.now() - watchlist.current_as_of < timedelta(minutes=1)
    assert watchlist.version == 1  # no entry changed
    assert AuditEvent.objects.get(action="watchlist.confirmed_current").data == {"kind": "district"}


def test_the_allowed_age_is_set_per_list(world, client_for):
    watchlist = factories.watchlist(world.north)
    url = reverse("watchlists-list-age", kwargs={"watchlist_id": watchlist.pk})
    client = client_for(world.dana)
    assert client.post(url, {"max_age_days": "0"}).status_code == 422
    assert client.post(url, {"max_age_days": "14"}).status_code == 302
    watchlist.refresh_from_db()
    assert watchlist.max_age_days == 14
    assert AuditEvent.objects.get(action="watchlist.settings_changed").data == {
        "kind": "district",
        "max_age_days": 14,
        "was": 30,
    }
