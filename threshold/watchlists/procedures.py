"""What a designated official does once they have confirmed that a visitor is the listed person.

The texts are data, in this one place, one list of steps for each reason a person is listed. They
are the district's usual procedure in plain words: a district that follows another procedure
changes them here. Nothing here confronts the visitor or turns anyone away by itself.
"""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from threshold.watchlists.models import Reason

# First, whatever the reason.
FIRST_STEPS: tuple[Promise, ...] = (
    _(
        "Do not confront the visitor. Stay calm and polite; the desk keeps saying only "
        "'Please wait'."
    ),
    _("Keep the visitor in the lobby: no badge, and no further into the school."),
)

NEXT_STEPS: dict[str, tuple[Promise, ...]] = {
    Reason.CUSTODY: (
        _("Keep the child in class: do not release the child to this visitor."),
        _("Call the custodial parent or guardian named in the order."),
        _("Have the court order at hand; if the visitor will not wait or leave, call the police."),
    ),
    Reason.TRESPASS: (
        _("Ask the visitor, politely and from a safe distance, to leave the school grounds."),
        _("If they refuse, or anyone feels unsafe, call the police (911)."),
    ),
    Reason.COURT_ORDER: (
        _("Read the order's terms: whom the person must stay away from, and how far."),
        _("Keep the protected student or staff member away from the lobby."),
        _("Call the police to report a possible violation of the order."),
    ),
    Reason.REGISTRY: (
        _("Do not let the visitor go further into the school or be with students."),
        _("Call the principal, and follow the district's procedure for registered offenders."),
    ),
    Reason.OTHER: (
        _("Follow the notes on the list entry and the district's procedure."),
        _("Call the principal if you are unsure what to do."),
    ),
}

# Last, whatever the reason.
LAST_STEPS: tuple[Promise, ...] = (
    _("When it is over, check the visitor out at the desk so that the roster stays right."),
)


def steps_for(reason: str) -> list[str]:
    """The steps for an official, in order, for a person listed for this reason."""
    middle = NEXT_STEPS.get(reason, NEXT_STEPS[Reason.OTHER])
    return [str(step) for step in (*FIRST_STEPS, *middle, *LAST_STEPS)]
