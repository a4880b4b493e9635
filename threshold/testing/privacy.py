"""The privacy checks the tests share: names of fields, form inputs, columns and schema
properties that would hold what Threshold must never store or ask for (DESIGN.md)."""

from __future__ import annotations

import inspect
import re
from collections.abc import Iterator
from types import ModuleType

from django import forms
from django.apps import apps

# Status and origin: no model, form, API schema, import or export of any app may hold these.
STATUS = re.compile(
    r"immigra|citizen|nationality|national origin|birth ?place|place of birth|"
    r"(country|city|town|state|province) of birth|birth (country|city|town|state)|"
    r"\bvisa\b|\balien\b|passport|\bssn\b|social security|"
    r"compliance|limited duration"
)
# What a visitor-facing app must not keep either: the least data the job needs.
# ("a number" is the A-Number's spoken form; in the protocol's own wording it is ordinary English.)
VISITOR_EXTRAS = re.compile(
    r"a number|address|street|zip|postal|document type|id type|kind of id|"
    r"\bsex\b|gender|\beyes?\b|\bheight\b|\bweight\b|\brace\b|ethnic"
)


def words(name: str) -> str:
    spaced = re.sub(r"([a-z])([A-Z])", r"\1 \2", name).lower()
    return " " + re.sub(r"[^a-z0-9]+", " ", spaced).strip() + " "


def names_status(name: str) -> bool:
    return bool(STATUS.search(words(name)))


def forbidden(name: str) -> bool:
    """For visitor-facing apps: status and origin, and the personal details they need not keep."""
    return names_status(name) or bool(VISITOR_EXTRAS.search(words(name)))


def model_names(app_label: str) -> Iterator[str]:
    for model in apps.get_app_config(app_label).get_models():
        yield model.__name__
        for field in model._meta.get_fields():
            yield f"{model.__name__}.{field.name}"
            if hasattr(field, "verbose_name"):
                yield f"{model.__name__}.{field.name}: {field.verbose_name}"
            for value, label in getattr(field, "choices", None) or []:
                yield f"{model.__name__}.{field.name} choice {value}: {label}"


def form_names(module: ModuleType) -> Iterator[str]:
    for name, form in inspect.getmembers(module, inspect.isclass):
        if issubclass(form, forms.BaseForm) and form.__module__ == module.__name__:
            for field_name, field in form.base_fields.items():
                yield f"{name}.{field_name}: {field.label}"
                for value, label in getattr(field, "choices", None) or []:
                    yield f"{name}.{field_name} choice {value}: {label}"


def column_names() -> Iterator[str]:
    """The columns every import reads and every export writes: module-level tuples whose name
    ends in COLUMNS, in each app's modules named imports, exports or roster."""
    import importlib
    import pkgutil

    for app in apps.get_app_configs():
        if not app.name.startswith("threshold."):
            continue
        for found in pkgutil.iter_modules([app.path]):
            if found.name not in ("imports", "exports", "roster"):
                continue
            module = importlib.import_module(f"{app.name}.{found.name}")
            for name, value in vars(module).items():
                if name.endswith("COLUMNS") and isinstance(value, tuple | list | frozenset):
                    for column in value:
                        for word in str(column).replace(":", " ").split():
                            yield f"{app.label}.{found.name}.{name}: {word}"
