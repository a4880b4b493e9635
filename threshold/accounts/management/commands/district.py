"""`threshold district create`: a new installation's district and its first administrator."""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from threshold.accounts import services
from threshold.accounts.models import District, User
from threshold.accounts.roles import Role


class Command(BaseCommand):
    help = (
        "Set up a district for a new installation. 'create' makes the district and its first "
        "district administrator (an account with no password: they set one from the sign-in "
        "page's 'Forgot your password' link). The administrator then adds schools, staff and "
        "roles in the app. Refused, with nothing written, when the e-mail address already has "
        "an account."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        create = sub.add_parser(
            "create", help="create a district and its first district administrator"
        )
        create.add_argument("--name", required=True, help="the district's name")
        create.add_argument(
            "--state", required=True, help="the two-letter state code, for example CT"
        )
        create.add_argument(
            "--admin-email", required=True, help="the administrator's e-mail address"
        )
        create.add_argument("--admin-name", required=True, help="the administrator's full name")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            district, admin = self._create(
                name=options["name"].strip(),
                state=options["state"].strip(),
                email=options["admin_email"].strip(),
                full_name=options["admin_name"].strip(),
            )
        except ValidationError as error:
            raise CommandError(_one_line(error)) from None
        self.stdout.write(
            f"Created the district {district.name} ({district.state}) and its administrator "
            f"{admin.full_name} <{admin.email}>."
        )
        self.stdout.write(
            f"{admin.full_name} has no password yet: open the sign-in page, choose "
            f'"Forgot your password", and enter {admin.email} to receive a link to set one.'
        )

    @transaction.atomic
    def _create(
        self, *, name: str, state: str, email: str, full_name: str
    ) -> tuple[District, User]:
        district = services.district_create(name=name, state=state, actor=None)
        admin = services.staff_create(
            district=district, actor=None, email=email, full_name=full_name
        )
        services.role_grant(staff=admin, actor=None, role=Role.DISTRICT_ADMIN)
        return district, admin


# The option that carries each field the services may refuse.
OPTIONS = {
    "name": "--name",
    "state": "--state",
    "email": "--admin-email",
    "full_name": "--admin-name",
}


def _one_line(error: ValidationError) -> str:
    if not hasattr(error, "error_dict"):
        return " ".join(error.messages)
    parts = []
    for field, errors in error.error_dict.items():
        text = " ".join(message for item in errors for message in item.messages)
        parts.append(f"{OPTIONS[field]}: {text}" if field in OPTIONS else text)
    return " ".join(parts)
