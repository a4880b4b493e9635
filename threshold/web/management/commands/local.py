"""`threshold local`: what `make run` does."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from argparse import ArgumentParser
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand

from threshold.accounts.demo import demo_accounts, demo_password
from threshold.accounts.models import District


class Command(BaseCommand):
    help = (
        "Run Threshold on this computer: migrate the SQLite database under var/, load the demo "
        "district when the database is empty, start the web server on http://127.0.0.1:8000 and "
        "the background worker, and print how to sign in as each demo role."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--setup-only", action="store_true", help="set up, then exit")

    def handle(self, *args: Any, **options: Any) -> None:
        call_command("migrate", interactive=False, verbosity=0)
        if not District.objects.exists():
            call_command("demo")
        self._print_accounts(options["port"])
        if options["setup_only"]:
            return
        env = {**os.environ, "THRESHOLD_MODE": "local"}
        threshold = [sys.executable, "-m", "threshold.cli"]
        processes = [
            subprocess.Popen([*threshold, "worker"], env=env),  # noqa: S603
            subprocess.Popen(  # noqa: S603 (our own command, fixed arguments)
                [*threshold, "serve", "--bind", f"127.0.0.1:{options['port']}", "--workers", "2"],
                env=env,
            ),
        ]
        stop = False

        def ask_to_stop(signum: int, frame: Any) -> None:
            nonlocal stop
            stop = True

        signal.signal(signal.SIGINT, ask_to_stop)
        signal.signal(signal.SIGTERM, ask_to_stop)
        while not stop and all(p.poll() is None for p in processes):
            time.sleep(0.5)
        for process in processes:
            if process.poll() is None:
                process.terminate()
        for process in processes:
            process.wait(timeout=20)

    def _print_accounts(self, port: int) -> None:
        accounts = demo_accounts()
        self.stdout.write("")
        self.stdout.write(f"Threshold is starting on http://127.0.0.1:{port}/")
        if not accounts:
            return
        self.stdout.write(f"Demo accounts (password for all: {demo_password()}):")
        width = max(len(a.email) for a in accounts)
        for account in accounts:
            self.stdout.write(f"  {account.email:<{width}}  {account.name}: {account.roles}")
        from threshold.notices.models import FamilyContact

        for contact in FamilyContact.objects.all():
            self.stdout.write(
                f"Families' page (no sign-in): http://127.0.0.1:{port}/families/"
                f"{contact.public_slug}/"
            )
        self.stdout.write("Stop with Ctrl-C.\n")
