"""`threshold district create`: a new installation's district and first administrator."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from threshold.accounts.models import District, Membership, User
from threshold.accounts.roles import Role
from threshold.audit.models import AuditChain, AuditEvent

ARGS = [
    "create",
    "--name",
    "Harbor Public Schools",
    "--state",
    "ct",
    "--admin-email",
    "Ada.Admin@Harbor.example",
    "--admin-name",
    "Ada Admin",
]


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("district", *args, stdout=out)
    return out.getvalue()


def test_it_creates_the_district_and_its_first_administrator(db):
    output = run(*ARGS)
    district = District.objects.get()
    admin = User.objects.get()
    assert (district.name, district.state) == ("Harbor Public Schools", "CT")
    assert admin.email == "ada.admin@harbor.example"
    assert admin.district == district
    assert not admin.has_usable_password()
    membership = Membership.objects.get()
    assert (membership.user, membership.role, membership.school) == (
        admin,
        Role.DISTRICT_ADMIN,
        None,
    )
    actions = list(AuditEvent.objects.values_list("action", flat=True))
    assert actions == ["district.created", "staff.created", "role.granted"]
    assert "Forgot your password" in output
    assert "ada.admin@harbor.example" in output


def test_it_refuses_an_email_address_that_is_taken_and_writes_nothing(world):
    before = (District.objects.count(), User.objects.count(), AuditEvent.objects.count())
    with pytest.raises(CommandError, match="--admin-email: Another account already uses"):
        run(*ARGS[:6], "DANA@north.example", *ARGS[7:])
    after = (District.objects.count(), User.objects.count(), AuditEvent.objects.count())
    assert after == before
    assert not District.objects.filter(name="Harbor Public Schools").exists()
    assert (
        not AuditChain.objects.filter(key__startswith="district:")
        .exclude(district__in=[world.north, world.south])
        .exists()
    )


def test_it_refuses_an_unknown_state(db):
    with pytest.raises(CommandError, match="--state: Enter a two-letter state code"):
        run(*ARGS[:4], "Connecticut", *ARGS[5:])
    assert not District.objects.exists()
    assert not AuditEvent.objects.exists()


def test_it_refuses_a_blank_administrator_name(db):
    with pytest.raises(CommandError, match="--admin-name"):
        run(*ARGS[:-1], "  ")
    assert not District.objects.exists()
    assert not User.objects.exists()


def test_it_exits_non_zero_with_a_one_line_error(world, capsys):
    from django.core.management import ManagementUtility

    utility = ManagementUtility(
        ["threshold", "district", *ARGS[:6], "dana@north.example", *ARGS[7:]]
    )
    with pytest.raises(SystemExit) as exit_info:
        utility.execute()
    assert exit_info.value.code != 0
    error = capsys.readouterr().err.strip()
    assert len(error.splitlines()) == 1
    assert "Another account already uses this e-mail address" in error


def test_it_says_what_it_does_in_its_help(capsys):
    from django.core.management import ManagementUtility

    with pytest.raises(SystemExit) as exit_info:
        ManagementUtility(["threshold", "district", "--help"]).execute()
    assert exit_info.value.code == 0
    text = " ".join(capsys.readouterr().out.split())
    assert "first district administrator" in text
    assert "Forgot your password" in text
    assert "e-mail address already has an account" in text


def test_it_describes_the_create_options(capsys):
    from django.core.management import ManagementUtility

    with pytest.raises(SystemExit):
        ManagementUtility(["threshold", "district", "create", "--help"]).execute()
    text = capsys.readouterr().out
    for option in ("--name", "--state", "--admin-email", "--admin-name"):
        assert option in text
