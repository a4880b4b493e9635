"""The `threshold` command.

The rules commands (`protocol`, `documents`, `id`, `watchlist`) run the pure-Python packages
directly: they never import Django and need no database or environment variables. Every other
command is a Django management command, run with Threshold's settings.
"""

from __future__ import annotations

import importlib
import os
import signal
import sys
from collections.abc import Sequence

# Command name -> module with a `main(argv) -> int`; these must not import Django.
RULES_COMMANDS: dict[str, tuple[str, str]] = {
    "protocol": (
        "threshold.protocol.cli",
        "decide what an officer's request and documents permit, under a policy pack",
    ),
    "documents": (
        "threshold.protocol.documents_cli",
        "check a presented warrant, subpoena or order (text or image)",
    ),
    "id": ("threshold.idscan.cli", "read a driver licence or ID card barcode"),
    "watchlist": ("threshold.matching.cli", "screen visitors against a watchlist"),
}

# Commands that need the database, as shown by `threshold --help`.
APP_COMMANDS: dict[str, str] = {
    "local": "set up and run Threshold on this computer (what `make run` does)",
    "serve": "run the web server (gunicorn); SQLite by default, PostgreSQL with DATABASE_URL",
    "worker": "run the background worker (mail, reminders, purges)",
    "migrate": "create or update the database tables",
    "demo": "load the demo district into the local database (local mode only)",
    "district": "create a district and its first administrator (for a new installation)",
    "audit": "verify, checkpoint or export the audit trail",
    "purge": "remove records past their retention period (run daily)",
    "visitors": "front-desk jobs: `visitors end-of-day` signs out who is still on the roster",
    "watchlists": "import a district list or registry export; purge entries that ended long ago",
    "training": "training drills: `training reminders` e-mails staff whose drills are due (daily)",
    "check": "check the configuration (add --deploy for production)",
}

USAGE = """usage: threshold COMMAND [ARGS...]

Threshold: visitor management and the officer-visit protocol for school front offices.

Rules (no database needed):
{rules}

Application (uses the database):
{app}

`threshold COMMAND --help` describes each command.
"""


def usage() -> str:
    rules = "\n".join(f"  {name:<10} {text}" for name, (_, text) in RULES_COMMANDS.items())
    app = "\n".join(f"  {name:<10} {text}" for name, text in APP_COMMANDS.items())
    return USAGE.format(rules=rules, app=app)


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] in {"-h", "--help", "help"}:
        print(usage())
        return 0
    command = args[0]
    if command in RULES_COMMANDS:
        # Piped into `head` or `less`: stop quietly when the reader goes away.
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
        module = importlib.import_module(RULES_COMMANDS[command][0])
        result: int = module.main(args[1:])
        return result
    if command == "local":
        # Local mode is decided before settings load: it permits the generated secret and demo.
        os.environ["THRESHOLD_MODE"] = "local"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "threshold.settings")
    from django.conf import settings
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line

    try:
        settings.INSTALLED_APPS  # noqa: B018 (reads the settings: a bad variable stops here)
    except ImproperlyConfigured as error:
        print(f"threshold: {error}", file=sys.stderr)
        return 2

    execute_from_command_line(["threshold", *args])
    return 0


if __name__ == "__main__":
    sys.exit(main())
