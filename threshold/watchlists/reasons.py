"""The matcher's reasons (plain English from `threshold.matching`) in the reader's language.

The matching library stays free of Django, so its words are translated here, by their shape. A
reason of a shape not listed here (a newer version of the library) is shown as the library wrote
it: better English than nothing.
"""

from __future__ import annotations

import re

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

_PAIR = r"(?P<ours>.+?) (?P<sign>[=/]) (?P<theirs>.+)"
_SOUNDS = r"sounds the same, spelled differently \((?P<count>\d+) letters\)"

PATTERNS: tuple[tuple[re.Pattern[str], Promise], ...] = tuple(
    (re.compile(f"^{pattern}$"), text)
    for pattern, text in (
        (r"alias on the list: (?P<name>.+)", _("other name on the list: %(name)s")),
        (r"given and family names swapped", _("given and family names swapped")),
        (r"same given name", _("same given name")),
        (r"same family name", _("same family name")),
        (r"no given name on the list", _("no given name on the list")),
        (r"no family name on the list", _("no family name on the list")),
        (r"the visitor gave no given name", _("the visitor gave no given name")),
        (r"the visitor gave no family name", _("the visitor gave no family name")),
        (f"accents differ: {_PAIR}", _("accents differ: %(ours)s %(sign)s %(theirs)s")),
        (f"nickname: {_PAIR}", _("nickname: %(ours)s %(sign)s %(theirs)s")),
        (
            f"given name spelled differently \\(1 letter\\): {_PAIR}",
            _("given name spelled differently (1 letter): %(ours)s %(sign)s %(theirs)s"),
        ),
        (
            f"family name spelled differently \\(1 letter\\): {_PAIR}",
            _("family name spelled differently (1 letter): %(ours)s %(sign)s %(theirs)s"),
        ),
        (
            f"given name {_SOUNDS}: {_PAIR}",
            _(
                "given name sounds the same, spelled differently (%(count)s letters): "
                "%(ours)s %(sign)s %(theirs)s"
            ),
        ),
        (
            f"family name {_SOUNDS}: {_PAIR}",
            _(
                "family name sounds the same, spelled differently (%(count)s letters): "
                "%(ours)s %(sign)s %(theirs)s"
            ),
        ),
        (
            f"one part of the family name: {_PAIR}",
            _("one part of the family name: %(ours)s %(sign)s %(theirs)s"),
        ),
        (
            f"given names partly the same: {_PAIR}",
            _("given names partly the same: %(ours)s %(sign)s %(theirs)s"),
        ),
        (
            f"other given names differ: {_PAIR}",
            _("other given names differ: %(ours)s %(sign)s %(theirs)s"),
        ),
        (r"same date of birth", _("same date of birth")),
        (r"birth date with day and month swapped", _("birth date with day and month swapped")),
        (r"no birth date on the list", _("no birth date on the list")),
        (r"the visitor gave no birth date", _("the visitor gave no birth date")),
        (r"no birth date on either side", _("no birth date on either side")),
    )
)


def translated(reason: str) -> str:
    """One reason in the active language."""
    for pattern, text in PATTERNS:
        found = pattern.match(reason)
        if found:
            return str(text) % found.groupdict() if found.groupdict() else str(text)
    return reason
