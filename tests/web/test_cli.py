"""The `threshold` command."""

import os
import subprocess
import sys

import pytest

RULES = ["protocol", "documents", "id", "watchlist"]


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "threshold.cli", *args],
        env=env if env is not None else {**os.environ},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_it_lists_every_command_with_what_it_does():
    result = run("--help")
    assert result.returncode == 0
    for command in [*RULES, "serve", "worker", "demo", "audit", "local", "district", "visitors"]:
        assert f"  {command} " in result.stdout


@pytest.mark.parametrize("command", RULES)
def test_the_rules_commands_never_import_django(command):
    # No environment at all: no settings module, no secret, no database.
    code = (
        "import sys\n"
        "from threshold.cli import main\n"
        "try:\n"
        f"    main([{command!r}, '--help'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "loaded = sorted(m for m in sys.modules if m == 'django' or m.startswith('django.'))\n"
        "print('DJANGO' if loaded else 'CLEAN', loaded[:3])\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        env={"PATH": os.environ["PATH"]},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.splitlines()[-1].startswith("CLEAN"), result.stdout + result.stderr


def test_the_audit_command_explains_itself():
    result = run("audit", "--help")
    assert result.returncode == 0
    assert "exits 1 naming" in " ".join(result.stdout.split())
