"""`threshold demo`: load the demo district (local mode, SQLite only)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from threshold.accounts.demo import demo_accounts, demo_password, load_demo
from threshold.accounts.models import District


class Command(BaseCommand):
    help = (
        "Load the demo district (three schools, staff in every role) into the local SQLite "
        "database of `make run`. Refused under production settings, on PostgreSQL, and when the "
        "database already holds a district."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEMO_ALLOWED or connection.vendor != "sqlite":
            raise CommandError(
                "Demo data goes only into the local SQLite database of `make run` "
                "(threshold local); this database is not one."
            )
        if District.objects.exists():
            raise CommandError("The database already holds a district: the demo is not loaded.")
        load_demo(demo_password())
        self.stdout.write(f"Demo district loaded with {len(demo_accounts())} accounts.")
