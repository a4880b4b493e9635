"""What every export of Threshold shares: a PDF font with the letters of every language it writes,
and CSV cells that a spreadsheet cannot run as formulas.

The PDF's standard Helvetica has no "ł" or "ễ". The system's DejaVu Sans (Debian's
fonts-dejavu-core, which `make install` brings) covers Latin, Greek and Cyrillic; where it is
missing, the Bitstream Vera that reportlab ships covers Western European letters.
"""

from __future__ import annotations

from pathlib import Path

import reportlab
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

_SYSTEM = Path("/usr/share/fonts/truetype/dejavu")
_BUNDLED = Path(reportlab.__file__).parent / "fonts"
_FACES = {
    "ThresholdSans": [_SYSTEM / "DejaVuSans.ttf", _BUNDLED / "Vera.ttf"],
    "ThresholdSans-Bold": [_SYSTEM / "DejaVuSans-Bold.ttf", _BUNDLED / "VeraBd.ttf"],
}


def _register(name: str) -> str:
    if name in pdfmetrics.getRegisteredFontNames():
        return name
    for path in _FACES[name]:
        if path.exists():
            pdfmetrics.registerFont(TTFont(name, str(path)))
            return name
    return "Helvetica"  # pragma: no cover - reportlab always ships Vera


def sans_font() -> str:
    """The registered name of the regular face."""
    return _register("ThresholdSans")


def sans_bold_font() -> str:
    """The registered name of the bold face."""
    return _register("ThresholdSans-Bold")


def spreadsheet_cell(text: str) -> str:
    """A CSV cell a spreadsheet shows as text: one starting with = + - @ (or a tab or carriage
    return) would be run as a formula, so a typed name or note must not start it."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
