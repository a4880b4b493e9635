"""DESIGN.md: no field for immigration status, citizenship, country or city of birth, visa, alien
number, passport number or social security number, in any model, form or API schema of any app.
(The visitors and watchlists apps check more: no address, sex or kind of ID either.)

Field names and labels are checked; choice labels are not, since the protocol must name what an
officer asks for ("anyone's immigration status") and who asks ("Immigration (ICE, CBP)") without
ever storing anyone's status."""

import importlib
import pkgutil
from collections.abc import Iterator
from typing import Any

import pytest
from django.apps import apps

from threshold.testing.privacy import column_names, form_names, model_names, names_status

THRESHOLD_APPS = [c.label for c in apps.get_app_configs() if c.name.startswith("threshold.")]


def form_modules() -> Iterator[Any]:
    for app in apps.get_app_configs():
        if not app.name.startswith("threshold."):
            continue
        for module in pkgutil.iter_modules([app.path]):
            if module.name.startswith("forms"):
                yield importlib.import_module(f"{app.name}.{module.name}")


def schema_names(node: Any, path: str = "") -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            yield f"{path}.{key}"
            yield from schema_names(value, f"{path}.{key}")
    elif isinstance(node, list):
        for item in node:
            if isinstance(item, str):
                yield f"{path} = {item}"
            yield from schema_names(item, path)


@pytest.mark.parametrize("label", THRESHOLD_APPS)
def test_no_model_of_any_app_holds_status_or_origin(label):
    fields = [name for name in model_names(label) if " choice " not in name]
    assert [name for name in fields if names_status(name)] == []


def test_no_form_of_any_app_asks_for_status_or_origin():
    modules = list(form_modules())
    assert len(modules) >= 5  # the walk finds the apps' forms
    names = [name for module in modules for name in form_names(module) if " choice " not in name]
    assert [name for name in names if names_status(name)] == []


def test_no_api_schema_carries_status_or_origin():
    from threshold.api.api import api

    document = api.get_openapi_schema()
    names = list(schema_names(document.get("components", {})))
    assert any("family_name" in name for name in names)  # the walk reaches the schemas
    assert [name for name in names if names_status(name)] == []


def test_no_import_or_export_column_carries_status_or_origin():
    names = list(column_names())
    assert any(name.startswith("records.roster.") for name in names)
    assert any(name.startswith("records.exports.") for name in names)
    assert any(name.startswith("visitors.exports.") for name in names)
    assert [name for name in names if names_status(name)] == []


def test_the_column_walk_catches_a_forbidden_column():
    assert names_status("demographics.csv: countryOfBirthCode")
    assert names_status("demographics.csv: cityOfBirth")
    assert names_status("students.csv: ssn")


def test_the_walk_covers_every_app():
    assert {
        "accounts",
        "audit",
        "visitors",
        "watchlists",
        "policies",
        "api",
        "records",
        "training",
        "notices",
    } <= set(THRESHOLD_APPS)
