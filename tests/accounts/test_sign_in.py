import re

from django.conf import settings as django_settings
from django.urls import reverse

from threshold.accounts.models import User
from threshold.audit.models import AuditEvent
from threshold.testing.factories import PASSWORD


def sign_in(client, email, password=PASSWORD, address="10.0.0.1"):
    return client.post(
        reverse("sign-in"), {"username": email, "password": password}, REMOTE_ADDR=address
    )


def test_it_signs_in_and_records_it(world, client):
    response = sign_in(client, "alice@north.example")
    assert response.status_code == 302
    assert response.url == reverse("home")
    event = AuditEvent.objects.get(action="auth.signed_in")
    assert event.actor == world.alice
    assert event.chain.district == world.north


def test_it_refuses_a_wrong_password_with_422_and_records_it(world, client):
    response = sign_in(client, "alice@north.example", "wrong password")
    assert response.status_code == 422
    assert "do not match" in response.content.decode()
    event = AuditEvent.objects.get(action="auth.sign_in_failed")
    assert event.subject_id == str(world.alice.pk)
    assert event.actor is None


def test_it_records_an_unknown_address_without_what_was_typed(world, client):
    sign_in(client, "nobody@example.org", "guess")
    event = AuditEvent.objects.get(action="auth.sign_in_failed")
    assert event.chain.key == "system"
    assert "nobody" not in str(event.data)


def test_it_pauses_an_account_after_repeated_failures_from_one_address(world, client):
    limit = django_settings.AXES_FAILURE_LIMIT
    for _ in range(limit):
        sign_in(client, "alice@north.example", "wrong")
    response = sign_in(client, "alice@north.example")  # even the right password
    assert response.status_code == 429
    assert "Sign-in paused" in response.content.decode()
    assert "Wait 15 minutes" in response.content.decode()
    assert AuditEvent.objects.filter(action="auth.locked_out").exists()
    assert not AuditEvent.objects.filter(action="auth.signed_in").exists()


def test_it_lets_the_same_account_in_from_another_address(world, client):
    for _ in range(django_settings.AXES_FAILURE_LIMIT):
        sign_in(client, "alice@north.example", "wrong", address="10.0.0.1")
    assert sign_in(client, "alice@north.example", address="10.0.0.2").status_code == 302


def test_it_lets_another_account_in_from_the_same_address(world, client):
    for _ in range(django_settings.AXES_FAILURE_LIMIT):
        sign_in(client, "alice@north.example", "wrong")
    assert sign_in(client, "bob@north.example").status_code == 302


def test_it_refuses_a_deactivated_account(world, client):
    User.objects.filter(pk=world.alice.pk).update(is_active=False)
    assert sign_in(client, "alice@north.example").status_code == 422


def test_it_signs_out_by_post_and_records_it(world, client_for):
    client = client_for(world.alice)
    response = client.post(reverse("sign-out"))
    assert response.status_code == 302
    assert AuditEvent.objects.filter(action="auth.signed_out", actor=world.alice).exists()
    assert client.get(reverse("home")).status_code == 302


def test_it_sends_anonymous_visitors_to_sign_in(db, client):
    response = client.get(reverse("home"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("sign-in"))


def test_it_hashes_passwords_with_argon2(world):
    world.alice.set_password("a new long passphrase")
    assert world.alice.password.startswith("argon2")


def test_it_ends_sessions_on_browser_close_and_after_a_school_day():
    assert django_settings.SESSION_EXPIRE_AT_BROWSER_CLOSE is True
    assert django_settings.SESSION_COOKIE_AGE <= 12 * 3600


def test_it_resets_a_password_through_an_emailed_link(world, client, smtp_server, run_worker):
    response = client.post(reverse("reset-request"), {"email": "alice@north.example"})
    assert response.status_code == 302
    assert smtp_server.messages == []  # the worker sends it, not the request
    run_worker()
    [message] = smtp_server.messages
    assert message["To"] == "alice@north.example"
    link = re.search(r"https?://[^/]+(/password/reset/\S+/)", message.get_payload()).group(1)

    form_page = client.get(link, follow=True)
    assert form_page.status_code == 200
    new = "a brand new passphrase 42"
    done = client.post(
        form_page.redirect_chain[-1][0], {"new_password1": new, "new_password2": new}
    )
    assert done.status_code == 302
    actions = list(AuditEvent.objects.values_list("action", flat=True))
    assert "auth.password_reset_requested" in actions
    assert "auth.password_reset_completed" in actions
    assert sign_in(client, "alice@north.example", new).status_code == 302


def test_it_says_the_same_for_an_unknown_address(db, client, smtp_server, run_worker):
    response = client.post(reverse("reset-request"), {"email": "nobody@example.org"})
    assert response.status_code == 302
    run_worker()
    assert smtp_server.messages == []


def test_it_changes_a_password_when_signed_in(world, client_for):
    client = client_for(world.alice)
    new = "another long passphrase 7"
    response = client.post(
        reverse("password-change"),
        {"old_password": PASSWORD, "new_password1": new, "new_password2": new},
    )
    assert response.status_code == 302
    assert AuditEvent.objects.filter(action="auth.password_changed", actor=world.alice).exists()
    world.alice.refresh_from_db()
    assert world.alice.check_password(new)


def test_it_remembers_the_language_a_person_chose(world, client_for):
    client = client_for(world.alice)
    client.post(reverse("set-language"), {"language": "es", "next": "/"})
    world.alice.refresh_from_db()
    assert world.alice.preferred_language == "es"
    client.post(reverse("sign-out"))
    client.cookies.pop("django_language", None)
    sign_in(client, "alice@north.example")
    assert client.cookies["django_language"].value == "es"
