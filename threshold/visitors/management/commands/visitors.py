"""`threshold visitors end-of-day`: sign out the visitors whose school day has ended."""

from __future__ import annotations

import uuid
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from threshold.accounts.models import District
from threshold.visitors.services import sign_out_end_of_day


class Command(BaseCommand):
    help = (
        "end-of-day: sign out every visitor still signed in after the end of their school's day "
        "(each district sets the time and time zone on its front-desk settings; a visit that "
        "began after the day's end ends when its badge expires). Safe to run often: run it every "
        "15 minutes from cron or a systemd timer. The front office and principal see who never "
        "signed out on the school's 'Never signed out' page."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        commands = parser.add_subparsers(dest="command", required=True)
        end_of_day = commands.add_parser("end-of-day", help="sign out visitors whose day has ended")
        end_of_day.add_argument("--district", help="only this district (its id)")

    def handle(self, *args: Any, **options: Any) -> None:
        districts = District.objects.order_by("name")
        if options.get("district"):
            try:
                district_id = uuid.UUID(options["district"])
            except ValueError:
                raise CommandError("--district takes a district's id.") from None
            districts = districts.filter(pk=district_id)
            if not districts.exists():
                raise CommandError("No district has that id.")
        total = 0
        for district in districts:
            total += sign_out_end_of_day(district=district)
        self.stdout.write(f"signed out: {total}")
