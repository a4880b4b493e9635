"""Training specimens: synthetic documents an officer might present, for the drills.

Each specimen is the text of a made-up document (no real person, case or officer), written like the
public forms, with a line at its top and bottom that says it is a training specimen. The drills
never say what class a specimen is: the document checker reads it, exactly as it reads a photo at
the front desk, and the decision engine works from what the checker finds. The picture shown to
staff is drawn from the same text, with "TRAINING SPECIMEN" across it.

Each document exists once per state (`<name>_<jurisdiction>`, e.g. `search-state_US-CA`): a
scenario names the document (`search-state`) and the district's pack decides which state's
specimen is shown, so that a California district is drilled at a California school on California
court papers (a federal or DHS document differs between states only in the school and places it
names). A document with no specimen for the pack's state leaves the scenario out.
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path

from threshold.protocol.documents import check_document

SPECIMENS_FILE = Path(__file__).resolve().parent / "specimens.json"
MARK = "TRAINING SPECIMEN"
_FONTS = (
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf"),
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    Path("/usr/share/fonts/truetype/liberation/LiberationMono-Regular.ttf"),
)
_BOLD_FONTS = (
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
    Path("/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf"),
)


@dataclass(frozen=True)
class Specimen:
    key: str
    text: str
    school: str  # the made-up school the document is addressed to
    address: str
    presented_at: datetime  # when the drill's officer presents it (for dates and hours)
    jurisdiction: str | None = None  # a state court's document: the pack jurisdiction it is for


@cache
def all_specimens() -> dict[str, Specimen]:
    data = json.loads(SPECIMENS_FILE.read_text(encoding="utf-8"))
    return {
        key: Specimen(
            key=key,
            text=item["text"],
            school=item["school"],
            address=item["address"],
            presented_at=datetime.fromisoformat(item["now"]),
            jurisdiction=item.get("jurisdiction"),
        )
        for key, item in data.items()
    }


def specimen(key: str) -> Specimen:
    return all_specimens()[key]


def resolve(name: str, jurisdiction: str) -> str | None:
    """The specimen a scenario's document `name` stands for under a pack of `jurisdiction`: the
    document itself, or its version for that state; None when the state has none."""
    found = all_specimens()
    if name in found:
        return name
    key = f"{name}_{jurisdiction}"
    return key if key in found else None


@cache
def document_fact(key: str) -> dict[str, str]:
    """What the document checker finds in the specimen: its class, surface check and
    confidentiality terms, as the decision engine's document fact."""
    item = specimen(key)
    findings = check_document(
        item.text, school=item.school, address=item.address, now=item.presented_at
    )
    return dict(findings.as_fact())


@cache
def image_png(key: str) -> bytes:
    """The specimen as a page image, with TRAINING SPECIMEN across it."""
    from PIL import Image, ImageDraw, ImageFont

    item = specimen(key)
    font = _font(ImageFont, _FONTS, 17)
    lines = item.text.rstrip().split("\n")
    line_height = 22
    longest = max(font.getlength(line) for line in lines)  # type: ignore[attr-defined]
    width = max(1240, int(longest) + 100)
    height = max(700, len(lines) * line_height + 140)
    page = Image.new("RGB", (width, height), (250, 249, 245))
    draw = ImageDraw.Draw(page)
    y = 60
    for line in lines:
        draw.text((50, y), line, fill=(25, 25, 25), font=font)
        y += line_height
    # The mark across the page, drawn on its own layer and turned.
    mark_font = _font(ImageFont, _BOLD_FONTS, 110)
    layer = Image.new("RGBA", (width, height), (0, 0, 0, 0))
    mark_draw = ImageDraw.Draw(layer)
    box = mark_draw.textbbox((0, 0), MARK, font=mark_font)
    mark_w, mark_h = box[2] - box[0], box[3] - box[1]
    for row in range(max(1, height // 600)):
        centre_y = (row + 0.5) * height / max(1, height // 600)
        mark_draw.text(
            ((width - mark_w) / 2, centre_y - mark_h / 2),
            MARK,
            fill=(190, 30, 30, 90),
            font=mark_font,
        )
    layer = layer.rotate(25, resample=Image.Resampling.BICUBIC, center=(width / 2, height / 2))
    page = Image.alpha_composite(page.convert("RGBA"), layer).convert("RGB")
    banner = ImageDraw.Draw(page)
    banner.rectangle((0, 0, width, 36), fill=(190, 30, 30))
    banner.text((20, 8), f"{MARK} · NOT A REAL DOCUMENT", fill=(255, 255, 255), font=font)
    out = io.BytesIO()
    page.save(out, format="PNG", optimize=True)
    return out.getvalue()


def _font(image_font: object, paths: tuple[Path, ...], size: int) -> object:
    for path in paths:
        if path.exists():
            return image_font.truetype(str(path), size)  # type: ignore[attr-defined]
    return image_font.load_default(size)  # type: ignore[attr-defined]
