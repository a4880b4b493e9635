"""Sessions end after a period without activity; automatic refreshes are not activity."""

from django.urls import reverse

from threshold.web import middleware

IDLE = 120 * 60


def at(monkeypatch, seconds: int) -> None:
    monkeypatch.setattr(middleware.time, "time", lambda: 1_000_000 + seconds)


def test_it_keeps_an_active_person_signed_in(world, client_for, monkeypatch, settings):
    settings.SESSION_IDLE_SECONDS = IDLE
    client = client_for(world.alice)
    for minute in (0, 100, 200, 300):  # never two hours apart
        at(monkeypatch, minute * 60)
        assert client.get(reverse("home")).status_code == 200


def test_it_signs_out_after_the_idle_time(world, client_for, monkeypatch, settings):
    settings.SESSION_IDLE_SECONDS = IDLE
    client = client_for(world.alice)
    at(monkeypatch, 0)
    client.get(reverse("home"))
    at(monkeypatch, IDLE + 1)
    response = client.get(reverse("home"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("sign-in"))
    assert client.get(reverse("home")).status_code == 302  # the session is gone


def test_automatic_refreshes_do_not_keep_a_session_alive(world, client_for, monkeypatch, settings):
    settings.SESSION_IDLE_SECONDS = IDLE
    client = client_for(world.alice)
    at(monkeypatch, 0)
    client.get(reverse("home"))
    roster = reverse("visitors-roster-hx", kwargs={"school_id": world.lincoln.pk})
    for minute in range(15, 120, 15):
        at(monkeypatch, minute * 60)
        assert client.get(roster, HTTP_HX_REQUEST="true").status_code == 200
    at(monkeypatch, IDLE + 60)
    expired = client.get(roster, HTTP_HX_REQUEST="true")
    assert expired.status_code == 204
    assert expired["HX-Redirect"] == reverse("sign-in")
