"""Shared helpers for the visitor tests: licence payloads as a scanner types them, and URLs."""

from __future__ import annotations

from django.urls import reverse

from tests.idscan.payloads import Person, card

MARIA = Person()  # Maria Elena Rivera-Castillo, born 1987-09-14, card number ending 5982


def typed_payload(person: Person = MARIA, *, version: int = 10) -> str:
    """A licence payload as a keyboard-wedge scanner leaves it in a text field: the card's line
    feeds and carriage returns turned into another character, the record separator dropped."""
    raw = card(version, person).decode("latin-1")
    return raw.replace("\x1e", "").replace("\r", "|").replace("\n", "|")


def desk_url(school) -> str:
    return reverse("visitors-desk", kwargs={"school_id": school.pk})


def scan_url(school) -> str:
    return reverse("visitors-scan", kwargs={"school_id": school.pk})


def check_in_url(school) -> str:
    return reverse("visitors-check-in", kwargs={"school_id": school.pk})


def roster_url(school) -> str:
    return reverse("visitors-roster", kwargs={"school_id": school.pk})
