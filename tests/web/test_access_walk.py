"""Deny by default: walk every URL of the app as the outsider, who has an account but no role.

Only the pages for signing in, signing out, resetting a password and switching the language are
open; everything else must answer 403 or 404 (405 only for a method the view does not take).
The API (/api/v1/) takes no session: it answers 401 to the outsider and to anonymous callers
alike, never a redirect to the sign-in page.
"""

import uuid

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

OPEN_TO_ALL = {
    "sign-in",
    "sign-out",
    "reset-request",
    "reset-sent",
    "password_reset_confirm",
    "reset-complete",
    "set-language",
    # A district's public page for families: reviewed texts only, nothing about anyone.
    "families",
    "families-language",
    "families-pdf",
}

SAMPLE_VALUES = {
    "uuid": str(uuid.uuid4()),
    "uuidstr": str(uuid.uuid4()),  # django-ninja's UUID converter
    "int": "1",
    "str": "x",
    "slug": "x",
    "path": "x",
}
API_PREFIX = "/api/v1/"


def walk(patterns, prefix=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            yield from walk(entry.url_patterns, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield entry, prefix + str(entry.pattern)


def sample_url(route: str, pattern: URLPattern) -> str:
    converters = pattern.pattern.converters
    url = "/" + route
    for name, converter in converters.items():
        kind = type(converter).__name__.replace("Converter", "").lower()
        value = SAMPLE_VALUES.get(kind, "x")
        url = url.replace(f"<{kind}:{name}>", value).replace(f"<{name}>", value)
    return url


def all_urls():
    return [
        (pattern.name, sample_url(route, pattern))
        for pattern, route in walk(get_resolver().url_patterns)
        if pattern.name not in OPEN_TO_ALL
    ]


def app_urls():
    return [(name, url) for name, url in all_urls() if not url.startswith(API_PREFIX)]


def api_urls():
    return [(name, url) for name, url in all_urls() if url.startswith(API_PREFIX)]


def test_the_walk_finds_the_apps_pages():
    names = {name for name, _ in app_urls()}
    assert {"home", "failed-tasks", "audit-events", "district-schools"} <= names
    assert {"district-devices", "district-device-revoke"} <= names
    assert {"training-home", "training-attempt", "training-report", "training-specimen"} <= names


def test_the_walk_finds_the_api():
    urls = {url for _, url in api_urls()}
    assert f"{API_PREFIX}openapi.json" in urls
    assert len(urls) >= 7  # the root, the document and the five operations


@pytest.mark.parametrize(("name", "url"), app_urls())
def test_it_refuses_the_outsider_everywhere(world, client_for, name, url):
    client = client_for(world.oscar)
    answers = {method: getattr(client, method)(url).status_code for method in ("get", "post")}
    assert set(answers.values()) <= {403, 404, 405}, (name, url, answers)
    assert {403, 404} & set(answers.values()), (name, url, answers)


@pytest.mark.parametrize(("name", "url"), app_urls())
def test_it_sends_anonymous_visitors_to_sign_in_everywhere(db, client, name, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response.url.startswith("/sign-in/")


def api_answers(client, url):
    return {method: getattr(client, method)(url).status_code for method in ("get", "post")}


@pytest.mark.parametrize(("name", "url"), api_urls())
def test_the_api_answers_401_to_the_outsider(world, client_for, name, url):
    answers = api_answers(client_for(world.oscar), url)
    assert set(answers.values()) <= {401, 405}, (name, url, answers)
    assert 401 in answers.values(), (name, url, answers)


@pytest.mark.parametrize(("name", "url"), api_urls())
def test_the_api_answers_401_to_anonymous_callers(db, client, name, url):
    answers = api_answers(client, url)
    assert set(answers.values()) <= {401, 405}, (name, url, answers)
    assert 401 in answers.values(), (name, url, answers)
