"""Loaded by pytest before Django starts (`-p threshold.testing.plugin` in pyproject.toml)."""

import os

os.environ["THRESHOLD_MODE"] = "test"
# Playwright's sync API runs an event loop in the test thread; the tests' own ORM calls are safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
