"""Privacy by design: nothing of the visitors app can hold a person's status, origin, national
numbers or address. Walks every model field, form field, template input, CSV column, the scan's
signed token and the audit data of a check-in, and fails on a forbidden concept."""

import dataclasses
import re

import pytest
from django.apps import apps

from tests.visitors.helpers import check_in_url, scan_url, typed_payload
from threshold.audit.models import AuditEvent
from threshold.testing.privacy import forbidden, form_names, model_names
from threshold.visitors import exports, identity
from threshold.visitors import forms as visitor_forms
from threshold.visitors.models import Visitor


@pytest.mark.parametrize(
    "name",
    [
        "place_of_birth",
        "countryOfBirth",
        "birth_city",
        "immigration_status",
        "citizenship",
        "visa_number",
        "alien_number",
        "passport_no",
        "ssn",
        "social_security",
        "home_address",
        "nationality",
        "id_type",
        "compliance_type",
    ],
)
def test_the_check_catches_forbidden_names(name):
    assert forbidden(name)


@pytest.mark.parametrize(
    "name", ["visitor", "visitor_type", "date_of_birth", "destination", "document_last4"]
)
def test_the_check_lets_the_apps_own_names_through(name):
    assert not forbidden(name)


def test_no_model_field_holds_a_forbidden_concept():
    names = list(model_names("visitors"))
    assert "Visitor.date_of_birth" in names  # the walk reaches the fields
    assert [n for n in names if forbidden(n)] == []


def test_no_form_field_asks_for_a_forbidden_concept():
    names = list(form_names(visitor_forms))
    assert any(n.startswith("CheckInForm.family_name") for n in names)
    assert [n for n in names if forbidden(n)] == []


def test_no_csv_column_carries_a_forbidden_concept(world, client_for):
    from django.urls import reverse

    from threshold.testing import factories

    factories.visit(world.lincoln, checked_in_by=world.alice)
    url = reverse("visitors-roster-export", kwargs={"school_id": world.lincoln.pk})
    header = client_for(world.alice).post(url, {"format": "csv"}).content.decode().splitlines()[0]
    columns = header.split(",")
    assert columns == list(exports.COLUMNS)
    names = [*columns, *exports.headings().values()]
    assert [n for n in names if forbidden(n)] == []
    assert "date_of_birth" not in columns  # the emergency list needs no birth dates


def test_no_input_of_the_apps_pages_asks_for_a_forbidden_concept():
    from pathlib import Path

    templates = Path(apps.get_app_config("visitors").path).parent / "templates" / "visitors"
    names = []
    for template in templates.glob("*.html"):
        names += re.findall(r'name="([^"{]+)"', template.read_text())
    assert "entry" in names
    assert [n for n in names if forbidden(n)] == []


def test_what_a_scan_keeps_is_only_name_birth_date_and_last_four():
    kept = [f.name for f in dataclasses.fields(identity.Identity)]
    assert kept == ["family_name", "given_names", "date_of_birth", "document_last4"]
    assert [n for n in kept if forbidden(n)] == []


def test_nothing_of_the_card_beyond_that_is_stored_or_recorded(world, client_for):
    client = client_for(world.alice)
    page = client.post(scan_url(world.lincoln), {"entry": typed_payload()}).content.decode()
    token = re.search(r'name="scan" value="([^"]+)"', page).group(1)
    # Family and given names, birth date, last four, expired, expiry date, matched visitor.
    keys = set(identity.signing.loads(token, salt=identity.SCAN_SALT))
    assert keys == {"f", "g", "b", "d", "x", "e", "v"}
    client.post(check_in_url(world.lincoln), {"scan": token, "visitor_type": "parent"})
    stored = Visitor.objects.values().get()
    text = " ".join(str(v) for v in stored.values()).upper()
    for on_card in ("EVERGREEN", "SPRINGFIELD", "065109999", "170045982", "HAZ"):
        assert on_card not in text
    for event in AuditEvent.objects.all():
        assert "Rivera" not in str(event.data) and "1987" not in str(event.data)
