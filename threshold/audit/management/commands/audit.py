"""`threshold audit verify | checkpoint | export`: check, checkpoint and export the audit trail."""

from __future__ import annotations

import json
import sys
import uuid
from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from threshold.audit import verify
from threshold.audit.exports import write_jsonl
from threshold.audit.services import record


class Command(BaseCommand):
    help = (
        "Check and keep the audit trail. 'verify' recomputes every hash chain and exits 1 naming "
        "the first broken event; with --checkpoint FILE it also catches a chain cut short or "
        "rewritten since that checkpoint. 'checkpoint' prints each chain's head hash as JSON, "
        "to be kept outside the database. 'export' writes every event as JSON lines."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        check = sub.add_parser(
            "verify", help="recompute every chain; exit 1 naming the first broken event"
        )
        check.add_argument(
            "--checkpoint",
            type=Path,
            help="a file written by 'checkpoint': also check the chains still hold those heads",
        )
        sub.add_parser("checkpoint", help="print each chain's head (seq and hash) as JSON")
        export = sub.add_parser("export", help="write the events as JSON lines")
        export.add_argument("--output", "-o", type=Path, help="a file (default: standard output)")
        export.add_argument("--district", help="only this district's chain (its id)")

    def handle(self, *args: Any, **options: Any) -> None:
        action = options["action"]
        if action == "verify":
            self._verify(options.get("checkpoint"))
        elif action == "checkpoint":
            with transaction.atomic():
                # The reading of the heads is itself on record (as the system chain's newest event).
                record("audit.checkpointed", actor=None, district=None, data={"via": "command"})
            self.stdout.write(json.dumps(verify.make_checkpoint(), indent=2))
        else:
            self._export(options.get("output"), options.get("district"))

    def _verify(self, checkpoint_path: Path | None) -> None:
        checkpoint = None
        if checkpoint_path is not None:
            try:
                checkpoint = verify.load_checkpoint(checkpoint_path)
            except ValueError as error:
                raise CommandError(str(error)) from None
        report = verify.verify_all(checkpoint)
        for chain in report.chains:
            state = "BROKEN" if chain.broken else "intact"
            self.stdout.write(f"{chain.chain}: {chain.events} events, {state}")
        if report.ok:
            self.stdout.write(f"OK: {report.events} events in {len(report.chains)} chains")
            return
        for found in report.breaks:
            self.stderr.write(f"BROKEN {found.describe()}")
        sys.exit(1)

    def _export(self, output: Path | None, district: str | None) -> None:
        if district is not None:
            try:
                district = str(uuid.UUID(district))
            except ValueError:
                raise CommandError(f"{district!r} is not a district id") from None
        with transaction.atomic():
            record(
                "audit.exported",
                actor=None,
                district=None,
                data={"via": "command", "district": district or "all"},
            )
        if output is None:
            count = write_jsonl(self.stdout, district_id=district)
        else:
            with output.open("w", encoding="utf-8") as stream:
                count = write_jsonl(stream, district_id=district)
        self.stderr.write(f"{count} events exported")
