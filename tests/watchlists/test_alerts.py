"""A possible match at check-in: the visit is held, the school's officials are alerted privately
(in the app, and by an e-mail holding only a link), and nobody else hears of it."""

import pytest
from django.urls import reverse

from tests.watchlists.helpers import (
    alert_url,
    check_in,
    listed_bob,
    queued_mail,
    washington_official,
)
from threshold.audit.models import AuditEvent
from threshold.testing import factories
from threshold.visitors.models import Visit
from threshold.watchlists.models import Alert


@pytest.fixture
def bob_listed(world):
    return listed_bob(world.north, notes="Keep Jamie Smith (grade 2) in class.")


def test_a_possible_match_holds_the_visit_and_raises_one_alert(world, bob_listed):
    visit = check_in(world)
    assert visit.screening == Visit.Screening.POSSIBLE_MATCH
    alert = Alert.objects.get()
    assert (alert.visit, alert.school, alert.state) == (visit, world.lincoln, "waiting")
    [candidate] = alert.candidates.all()
    assert candidate.entry == bob_listed
    assert "same date of birth" in candidate.reasons


def test_a_check_in_without_a_match_raises_nothing(world, bob_listed):
    from threshold.visitors.identity import Identity

    check_in(world, person=Identity("Okafor", "Ngozi", None))
    assert not Alert.objects.exists()


def test_the_alert_is_audited_by_ids_only(world, bob_listed):
    visit = check_in(world)
    event = AuditEvent.objects.get(action="watchlist.match_raised")
    assert event.school == world.lincoln
    assert event.data == {
        "visit": str(visit.pk),
        "visitor": str(visit.visitor_id),
        "entries": [str(bob_listed.pk)],
    }
    assert "Smith" not in str(event.data)


def test_the_schools_officials_get_an_email_with_only_a_link(
    world, bob_listed, django_capture_on_commit_callbacks
):
    washington_official(world)
    with django_capture_on_commit_callbacks(execute=True):
        check_in(world)
    alert = Alert.objects.get()
    [(to, subject, body)] = queued_mail()
    assert to == ["olga@north.example"]  # Lincoln's designated official; not Wendy at Washington
    assert alert_url(alert) in body
    assert "Lincoln Elementary" in subject
    for private in ("Smith", "Robert", "Bob", "1979", "custody", "Custody", "Jamie", "watchlist"):
        assert private not in subject + body


def test_the_email_is_in_the_officials_language(
    world, bob_listed, django_capture_on_commit_callbacks
):
    world.olga.preferred_language = "es"
    world.olga.save()
    with django_capture_on_commit_callbacks(execute=True):
        check_in(world)
    [(_to, subject, _body)] = queued_mail()
    assert "recepción" in subject.lower()


def test_a_school_without_a_designated_official_alerts_its_principal(
    world, bob_listed, django_capture_on_commit_callbacks
):
    from threshold.accounts.models import Membership

    Membership.objects.filter(user=world.olga).delete()
    with django_capture_on_commit_callbacks(execute=True):
        check_in(world)
    assert [to for to, _s, _b in queued_mail()] == [["pete@north.example"]]


def test_the_official_sees_the_visitor_and_the_listed_person_side_by_side(
    world, client_for, bob_listed
):
    check_in(world)
    alert = Alert.objects.get()
    page = client_for(world.olga).get(alert_url(alert))
    assert page.status_code == 200
    text = page.content.decode()
    assert "Robert J. Smith" in text and "Bob Smith" in text
    assert text.count("1979-04-02") == 2
    assert "Custody restriction" in text and "Smith v. Smith, 2024" in text
    assert "Keep Jamie Smith (grade 2) in class." in text
    assert "nickname: Robert J. = Bob" in text
    assert "District list" in text and "Updated" in text
    for answer in ("It is this person", "Not this person", "Not sure: I am coming"):
        assert answer in text


def test_the_alert_shows_the_reasons_in_spanish(world, client_for, bob_listed):
    check_in(world)
    client = client_for(world.olga)
    client.cookies["django_language"] = "es"
    text = client.get(alert_url(Alert.objects.get())).content.decode()
    assert "apodo: Robert J. = Bob" in text
    assert "misma fecha de nacimiento" in text


def test_the_alerts_page_lists_the_open_alerts_of_the_officials_schools(
    world, client_for, bob_listed
):
    check_in(world)
    alert = Alert.objects.get()
    client = client_for(world.olga)
    for url in (reverse("watchlists-alerts"), reverse("watchlists-alerts-hx")):
        text = client.get(url).content.decode()
        assert alert_url(alert) in text and "Lincoln Elementary" in text


def test_an_official_of_another_school_neither_sees_nor_opens_it(world, client_for, bob_listed):
    wendy = washington_official(world)
    check_in(world)
    alert = Alert.objects.get()
    client = client_for(wendy)
    assert alert_url(alert) not in client.get(reverse("watchlists-alerts")).content.decode()
    assert client.get(alert_url(alert)).status_code == 404
    assert (
        client.post(alert_url(alert, "watchlists-alert-answer"), {"answer": "coming"}).status_code
        == 404
    )
    assert Alert.objects.get().state == "waiting"


def test_a_check_in_at_washington_alerts_washington_not_lincoln(
    world, client_for, bob_listed, django_capture_on_commit_callbacks
):
    wendy = washington_official(world)
    with django_capture_on_commit_callbacks(execute=True):
        check_in(world, school=world.washington, actor=world.bob)
    assert [to for to, _s, _b in queued_mail()] == [[wendy.email]]
    alert = Alert.objects.get()
    assert client_for(world.olga).get(alert_url(alert)).status_code == 404


def test_the_visitors_photo_and_the_listed_persons_photo_show_through_the_alert(world, client_for):
    from PIL import Image

    from tests.idscan.images import encoded
    from threshold.visitors.models import VisitorPhoto, VisitorSettings
    from threshold.watchlists.services import badge_jpeg

    jpeg = badge_jpeg(encoded(Image.new("RGB", (300, 400))))
    bob = listed_bob(world.north, photo=jpeg)
    VisitorSettings.objects.create(district=world.north, photos=True)
    visit = check_in(world)
    VisitorPhoto.objects.create(visitor=visit.visitor, jpeg=jpeg)
    alert = Alert.objects.get()
    client = client_for(world.olga)
    text = client.get(alert_url(alert)).content.decode()
    visitor_photo = reverse("watchlists-alert-visitor-photo", kwargs={"alert_id": alert.pk})
    entry_photo = reverse(
        "watchlists-alert-entry-photo", kwargs={"alert_id": alert.pk, "entry_id": bob.pk}
    )
    assert visitor_photo in text and entry_photo in text
    for url in (visitor_photo, entry_photo):
        response = client.get(url)
        assert response.status_code == 200 and response["Content-Type"] == "image/jpeg"
        assert response["Cache-Control"] == "private, no-store"
    other = factories.watchlist_entry(world.north, family_name="Other", photo=jpeg)
    unrelated = reverse(
        "watchlists-alert-entry-photo", kwargs={"alert_id": alert.pk, "entry_id": other.pk}
    )
    assert client.get(unrelated).status_code == 404


def test_it_keeps_the_alerts_page_to_a_few_queries(
    world, client_for, bob_listed, django_assert_max_num_queries
):
    for _ in range(8):
        check_in(world)
    client = client_for(world.olga)
    client.get(reverse("watchlists-alerts"))
    # session, user, roles; the open alerts and the settled ones (schools and people joined)
    with django_assert_max_num_queries(5):
        assert client.get(reverse("watchlists-alerts-hx")).status_code == 200
