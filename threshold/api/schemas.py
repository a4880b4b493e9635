"""What the API takes and gives, as typed schemas (they are also the OpenAPI document's).

Least data, as on the pages: a visitor is a name; no date of birth, no ID number, no photo leave
the server. A licence payload comes in (`scan`) and goes no further than `identity.read`; it is
never echoed back, not even in a validation error (see `api.invalid`).
"""

from __future__ import annotations

import enum
from datetime import date, datetime
from typing import Literal
from uuid import UUID

from django.utils.translation import gettext as _
from ninja import Field, Schema
from pydantic import model_validator

from threshold.visitors.models import Visit

# The model's choices under names of their own (the OpenAPI document names each enumeration).
VisitorType = enum.StrEnum("VisitorType", [(c.name, c.value) for c in Visit.Type])  # type: ignore[misc]
ScreeningResult = enum.StrEnum(  # type: ignore[misc]
    "ScreeningResult", [(c.name, c.value) for c in Visit.Screening]
)
IdCheck = enum.StrEnum("IdCheck", [(c.name, c.value) for c in Visit.IdCheck])  # type: ignore[misc]
Departure = enum.StrEnum("Departure", [(c.name, c.value) for c in Visit.Departure])  # type: ignore[misc]

# admitted: on site, the badge may be printed; held: waiting for the office (a possible
# watchlist match: no badge, and the device says only `message`); checked_out: the visit ended.
State = Literal["admitted", "held", "checked_out"]


def visit_state(visit: Visit) -> str:
    """The visit as a device needs to know it (the badge page's rule: no badge while held)."""
    if not visit.on_site:
        return "checked_out"
    if visit.screening == Visit.Screening.POSSIBLE_MATCH:
        return "held"
    return "admitted"


# Errors ------------------------------------------------------------------------------------------


class Problem(Schema):
    detail: str = Field(description="What went wrong, in the language the request asked for.")


class FieldProblem(Schema):
    loc: list[str | int] = Field(description='Where: for example ["body", "payload", "area_id"].')
    msg: str
    type: str


class Invalid(Schema):
    detail: list[FieldProblem]


# Input -------------------------------------------------------------------------------------------


class PersonIn(Schema):
    """A new visitor, typed at the desk."""

    family_name: str = Field(min_length=1, max_length=100)
    given_names: str = Field("", max_length=100)
    date_of_birth: date | None = None


class CheckInIn(Schema):
    """Who checks in (exactly one of `visitor_id`, `person` or `scan`) and the visit's details."""

    visitor_type: VisitorType
    purpose: str = Field("", max_length=200)
    host: str = Field("", max_length=200, description="Whom the visitor is seeing.")
    area_id: UUID | None = Field(None, description="An area of the school (its destination).")
    visitor_id: UUID | None = Field(
        None, description="A returning visitor of the district (identity checked by hand)."
    )
    person: PersonIn | None = Field(None, description="A new visitor (identity checked by hand).")
    scan: str | None = Field(
        None,
        max_length=4000,
        description="The text a licence barcode scanner sent. Matched to a returning visitor by "
        "name and birth date, or recorded as a new visitor; never stored or echoed.",
    )

    @model_validator(mode="after")
    def one_visitor(self) -> CheckInIn:
        given = [self.visitor_id is not None, self.person is not None, self.scan is not None]
        if sum(given) != 1:
            raise ValueError("give exactly one of visitor_id, person or scan")
        return self


class BadgeIn(Schema):
    code: str = Field(
        min_length=1, max_length=64, description='What the badge\'s QR code holds ("THOUT-…").'
    )


# Output ------------------------------------------------------------------------------------------


class VisitorOut(Schema):
    id: UUID
    family_name: str
    given_names: str


class VisitOut(Schema):
    """One visit, as the device that checked the visitor in (or out) needs it."""

    id: UUID
    school_id: UUID
    visitor: VisitorOut
    visitor_type: VisitorType
    purpose: str
    host: str
    destination: str
    id_check: IdCheck
    state: State
    screening: ScreeningResult
    message: str | None = Field(
        description="While held, the only thing to show: the office will come. Otherwise null."
    )
    badge_code: str | None = Field(
        description="The text of the badge's QR code, while admitted; null while held or after "
        "check-out (no badge is printed for a held visit)."
    )
    checked_in_at: datetime
    badge_expires_at: datetime
    checked_out_at: datetime | None
    departure: Departure | None

    @staticmethod
    def resolve_state(visit: Visit) -> str:
        return visit_state(visit)

    @staticmethod
    def resolve_message(visit: Visit) -> str | None:
        if visit_state(visit) != "held":
            return None
        return _("Please wait, the office will be with you shortly.")

    @staticmethod
    def resolve_badge_code(visit: Visit) -> str | None:
        return visit.badge_code if visit_state(visit) == "admitted" else None

    @staticmethod
    def resolve_departure(visit: Visit) -> str | None:
        return visit.departure or None


class OnSiteVisitOut(Schema):
    """Someone on site now (no badge code: reading the roster does not let a device check out)."""

    id: UUID
    visitor: VisitorOut
    visitor_type: VisitorType
    host: str
    destination: str
    held: bool
    checked_in_at: datetime
    badge_expires_at: datetime

    @staticmethod
    def resolve_held(visit: Visit) -> bool:
        return visit_state(visit) == "held"


class RosterOut(Schema):
    school_id: UUID
    at: datetime
    count: int
    visits: list[OnSiteVisitOut]
