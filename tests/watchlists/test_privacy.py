"""Privacy by design: nothing of the watchlists app can hold a person's status, origin, national
numbers or address. Walks every model field, form field, template input, import column and the
audit data of the whole flow, and fails on a forbidden concept."""

import re
from pathlib import Path

import pytest
from django.apps import apps

from tests.watchlists.helpers import check_in, listed_bob
from threshold.audit.models import AuditEvent
from threshold.testing.privacy import forbidden, form_names, model_names
from threshold.watchlists import alerts, imports
from threshold.watchlists import forms as watchlist_forms
from threshold.watchlists.models import Alert


def test_no_model_field_holds_a_forbidden_concept():
    names = list(model_names("watchlists"))
    assert "Entry.date_of_birth" in names and "Entry.notes" in names  # the walk reaches them
    assert [n for n in names if forbidden(n)] == []


def test_no_form_field_asks_for_a_forbidden_concept():
    names = list(form_names(watchlist_forms))
    assert any(n.startswith("EntryForm.family_name") for n in names)
    assert [n for n in names if forbidden(n)] == []


def test_no_input_of_the_apps_pages_asks_for_a_forbidden_concept():
    templates = Path(apps.get_app_config("watchlists").path).parent / "templates" / "watchlists"
    names = []
    for template in templates.glob("*.html"):
        names += re.findall(r'name="([^"{]+)"', template.read_text())
    assert "answer" in names and "max_age_days" in names
    assert [n for n in names if forbidden(n)] == []


def test_the_columns_an_import_reads_carry_no_forbidden_concept():
    read = set(imports.DISTRICT_COLUMNS | imports.DISTRICT_OPTIONAL)
    for spellings in imports.REGISTRY_COLUMNS.values():
        read |= set(spellings)
    assert "dob" in read
    assert [name for name in read if forbidden(name)] == []


@pytest.mark.parametrize(
    "column", ["citizenship", "place_of_birth", "ssn", "address", "race", "alien_number"]
)
def test_a_registry_export_with_forbidden_columns_stores_none_of_them(world, column):
    text = f"last_name,first_name,dob,{column}\nRoe,Richard,1979-04-02,SECRET-VALUE\n"
    result = imports.import_entries(
        district=world.north, actor=world.dana, mode="registry", data=text.encode()
    )
    assert result.ignored_columns == (column,)
    from threshold.watchlists.models import Entry

    stored = " ".join(str(v) for row in Entry.objects.values() for v in row.values())
    assert "SECRET-VALUE" not in stored


def test_a_district_file_with_a_forbidden_column_is_refused(world):
    text = "id,family_name,given_name,date_of_birth,aliases,reason,citizenship\n"
    with pytest.raises(imports.ImportRefused):
        imports.import_entries(
            district=world.north, actor=world.dana, mode="district", data=text.encode()
        )


def test_the_audit_trail_of_the_whole_flow_names_nobody(world, django_capture_on_commit_callbacks):
    bob = listed_bob(world.north, notes="Call the mother.", reference="Smith v. Smith, 2024")
    with django_capture_on_commit_callbacks(execute=True):
        visit = check_in(world)
    alert = Alert.objects.get()
    alerts.answer(alert=alert, actor=world.olga, given="this_person", entry=bob)
    alerts.answer(alert=alert, actor=world.olga, given="not_this_person")
    from threshold.watchlists import services

    services.visitor_approve(visitor=visit.visitor, entry=bob, actor=world.olga, alert=alert)
    data = " ".join(str(event.data) for event in AuditEvent.objects.all())
    for private in ("Smith", "Robert", "Bob", "1979", "mother", "2024"):
        assert private not in data
