"""Shared helpers for the watchlist tests: a listed person and a visitor who resembles them.

Everyone here is invented. Bob Smith (born 1979-04-02) is on North's list for a custody order;
Robert J. Smith, born the same day, checks in at Lincoln: a possible match by nickname.
"""

from __future__ import annotations

from datetime import date

from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from threshold.accounts.roles import Role
from threshold.testing import factories
from threshold.visitors import services as visitor_services
from threshold.visitors.identity import Identity
from threshold.visitors.models import Visit

BORN = date(1979, 4, 2)
ROBERT = Identity(family_name="Smith", given_names="Robert J.", date_of_birth=BORN)


def listed_bob(district, **fields):
    values = {
        "family_name": "Smith",
        "given_name": "Bob",
        "date_of_birth": BORN,
        "reason": "custody",
        "reference": "Smith v. Smith, 2024",
        **fields,
    }
    return factories.watchlist_entry(district, **values)


def check_in(world, *, person=ROBERT, school=None, actor=None, visitor=None, **kwargs):
    """A check-in through the service, as the desk, the API and commands make it."""
    values = {
        "school": school or world.lincoln,
        "actor": actor or world.alice,
        "details": visitor_services.VisitDetails(visitor_type="parent"),
        "id_check": Visit.IdCheck.BY_HAND,
        "person": None if visitor else person,
        "visitor": visitor,
        **kwargs,
    }
    return visitor_services.visit_check_in(**values)


def washington_official(world):
    return factories.staff_with_role(
        world.north,
        Role.DESIGNATED_OFFICIAL,
        school=world.washington,
        email="wendy@north.example",
        full_name="Wendy West",
    )


def queued_mail():
    """The e-mails waiting for the worker: (to, subject, body) each."""
    found = []
    for task in DBTaskResult.objects.filter(task_path__endswith="send_email"):
        kwargs = task.args_kwargs["kwargs"]
        found.append((kwargs["to"], kwargs["subject"], kwargs["body"]))
    return found


def alert_url(alert, name="watchlists-alert"):
    return reverse(name, kwargs={"alert_id": alert.pk})


def answer_url(alert):
    return alert_url(alert, "watchlists-alert-answer")
