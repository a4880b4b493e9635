"""`threshold watchlists import`: a scheduled import of a watchlist file, as the page does it."""

from __future__ import annotations

import uuid
from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from threshold.accounts import access
from threshold.accounts.models import District, User
from threshold.watchlists import imports
from threshold.watchlists.access import MANAGE
from threshold.watchlists.retention import purge_entries


class Command(BaseCommand):
    help = (
        "import: load a CSV file into a district's list, exactly as the Watchlists page does: "
        "mode 'district' (header id,family_name,given_name,date_of_birth,aliases,reason and an "
        "optional valid_until; known ids are updated, new ids added) or 'registry' (a state "
        "registry export: only names, other names and birth dates are read; the import replaces "
        "the registry list). Every row is checked first: one bad row and nothing is imported "
        "(exit status 1, one line per problem). The import is recorded in the district's audit "
        "trail as done by --as, a district administrator. Run it from cron after each registry "
        "download to keep the list current. purge-ended: remove entries that ended long ago."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        commands = parser.add_subparsers(dest="command", required=True)
        load = commands.add_parser("import", help="import a CSV file into a district's list")
        load.add_argument("file", help="the CSV file (UTF-8)")
        load.add_argument("--district", required=True, help="the district's id")
        load.add_argument("--mode", choices=[imports.Mode.DISTRICT, imports.Mode.REGISTRY])
        load.add_argument(
            "--as", dest="actor", required=True, help="e-mail of a district administrator"
        )
        commands.add_parser("purge-ended", help="remove entries that ended long ago")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["command"] == "purge-ended":
            self.stdout.write(f"entries removed: {purge_entries()}")
            return
        district = self._district(options["district"])
        actor = User.objects.filter(email__iexact=options["actor"], is_active=True).first()
        if actor is None or not any(
            m.school_id is None and m.district_id == district.pk
            for m in access.memberships_with(actor, MANAGE)
        ):
            raise CommandError("--as must name an active administrator of that district.")
        try:
            data = Path(options["file"]).read_bytes()
        except OSError as error:
            raise CommandError(f"cannot read {options['file']}: {error.strerror}") from None
        mode = options["mode"] or imports.Mode.DISTRICT
        try:
            result = imports.import_entries(district=district, actor=actor, mode=mode, data=data)
        except imports.ImportRefused as refused:
            for problem in refused.errors:
                self.stderr.write(f"line {problem.line}: {problem.message}")
            raise CommandError(f"nothing imported: {refused.error_count} problem(s)") from None
        self.stdout.write(
            f"imported {result.rows} rows: {result.added} added, {result.changed} changed, "
            f"{result.reactivated} active again, {result.unchanged} unchanged, "
            f"{result.removed} removed, {result.skipped} skipped"
        )

    @staticmethod
    def _district(value: str) -> District:
        try:
            return District.objects.get(pk=uuid.UUID(value))
        except (ValueError, District.DoesNotExist):
            raise CommandError("--district takes the id of an existing district.") from None
