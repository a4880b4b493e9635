"""`threshold training reminders`: e-mail staff whose assigned drills are due soon or overdue."""

from __future__ import annotations

from argparse import ArgumentParser
from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from threshold.training.services import OVERDUE_EVERY_DAYS, REMIND_BEFORE_DAYS, send_reminders


class Command(BaseCommand):
    help = (
        f"reminders: e-mail everyone whose assigned drill is due within {REMIND_BEFORE_DAYS} "
        f"days (once for each due date) or overdue (every {OVERDUE_EVERY_DAYS} days until it is "
        "done). The mail goes through the background worker's queue, with its retries. Safe to "
        "run often: run it daily from cron or a systemd timer."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        commands = parser.add_subparsers(dest="command", required=True)
        reminders = commands.add_parser("reminders", help="e-mail drill reminders")
        reminders.add_argument("--today", help="act as if today were this date (YYYY-MM-DD)")

    def handle(self, *args: Any, **options: Any) -> None:
        today = None
        if options.get("today"):
            try:
                today = date.fromisoformat(options["today"])
            except ValueError:
                raise CommandError("--today takes a date as YYYY-MM-DD.") from None
        sent = send_reminders(today=today)
        self.stdout.write(f"reminders queued: {sent}")
