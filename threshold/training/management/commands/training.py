"""`threshold training reminders`: e-mail staff whose assigned drills are due soon or overdue.
`threshold training recheck`: after a deploy that changed the engine or a pack file under the same
version, re-answer every completed drill and mark due again those whose answers changed."""

from __future__ import annotations

from argparse import ArgumentParser
from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from threshold.training.services import (
    OVERDUE_EVERY_DAYS,
    REMIND_BEFORE_DAYS,
    recheck_all,
    send_reminders,
)


class Command(BaseCommand):
    help = (
        f"reminders: e-mail everyone whose assigned drill is due within {REMIND_BEFORE_DAYS} "
        f"days (once for each due date) or overdue (every {OVERDUE_EVERY_DAYS} days until it is "
        "done). The mail goes through the background worker's queue, with its retries. Safe to "
        "run often: run it daily from cron or a systemd timer. "
        "recheck: answer every completed drill again under each district's policy in force and "
        "mark due again (with an e-mail) those whose answers changed; run it after a deploy that "
        "changes the decision engine or a pack file without a new pack version."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        commands = parser.add_subparsers(dest="command", required=True)
        reminders = commands.add_parser("reminders", help="e-mail drill reminders")
        reminders.add_argument("--today", help="act as if today were this date (YYYY-MM-DD)")
        commands.add_parser("recheck", help="re-check completed drills after a deploy")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["command"] == "recheck":
            reopened = recheck_all()
            for name, count in reopened.items():
                self.stdout.write(f"{name}: {count} drill(s) due again")
            self.stdout.write(f"drills due again: {sum(reopened.values())}")
            return
        today = None
        if options.get("today"):
            try:
                today = date.fromisoformat(options["today"])
            except ValueError:
                raise CommandError("--today takes a date as YYYY-MM-DD.") from None
        sent = send_reminders(today=today)
        self.stdout.write(f"reminders queued: {sent}")
