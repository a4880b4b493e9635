"""Photos and scans: documents rendered at test time with Pillow (a little rotated, blurred and
speckled), read through Tesseract. Skipped when Tesseract is missing, except in CI."""

from __future__ import annotations

import io
import os
import random
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from tests.protocol import samples
from tests.protocol.samples import ADDRESS, SCHOOL
from threshold.protocol.documents import OcrUnavailable, check_document_bytes, is_image
from threshold.protocol.documents.ocr import tesseract_path

needs_tesseract = pytest.mark.skipif(
    tesseract_path() is None and os.environ.get("CI") != "true",
    reason="Tesseract (Debian package tesseract-ocr) is not installed; CI installs it",
)
THRESHOLD = str(Path(sys.executable).with_name("threshold"))


def render(text: str, *, angle: float, blur: float, seed: int, fmt: str = "PNG") -> bytes:
    rng = random.Random(seed)
    font = ImageFont.load_default(size=22)
    lines = text.split("\n")
    image = Image.new("L", (1700, 110 + 30 * len(lines)), 255)
    draw = ImageDraw.Draw(image)
    for number, line in enumerate(lines):
        draw.text((60, 60 + 30 * number), line, fill=20, font=font)
    image = image.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=255)
    image = image.filter(ImageFilter.GaussianBlur(blur))
    pixels = image.load()
    assert pixels is not None
    for _ in range(image.width * image.height // 500):
        pixels[rng.randrange(image.width), rng.randrange(image.height)] = rng.choice([0, 120])
    out = io.BytesIO()
    image.save(out, format=fmt, quality=80)
    return out.getvalue()


@needs_tesseract
def test_a_photographed_search_warrant_is_read_and_checked() -> None:
    image = render(samples.ao93(), angle=-1.2, blur=0.6, seed=1)

    found = check_document_bytes(
        image, school=SCHOOL, address=ADDRESS, now=datetime(2025, 6, 4, 10, 30)
    )

    assert found.source == "image"
    assert found.type.value == "JUDICIAL_SEARCH_WARRANT"
    assert found.facial_check.value == "PASS"
    assert found.signed_by.value == "MAGISTRATE_JUDGE"
    assert found.expires is not None and found.expires.isoformat() == "2025-06-12"
    assert found.findings[0].check == "source"


@needs_tesseract
def test_a_scanned_i205_stays_administrative_through_the_cli(tmp_path: Path) -> None:
    path = tmp_path / "i205.jpg"
    path.write_bytes(render(samples.I205, angle=1.5, blur=0.4, seed=2, fmt="JPEG"))

    result = subprocess.run(
        [THRESHOLD, "documents", "check", str(path), "--now", "2025-06-04T10:00"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )

    assert result.returncode == 0, result.stderr
    assert '"type": "ADMIN_WARRANT_I205"' in result.stdout
    assert '"signed_by": "IMMIGRATION_OFFICER"' in result.stdout


def test_images_are_recognised_by_their_bytes() -> None:
    assert is_image(render("x", angle=0, blur=0, seed=3))
    assert is_image(render("x", angle=0, blur=0, seed=3, fmt="JPEG"))
    assert not is_image(samples.I205.encode())


def test_without_tesseract_an_image_is_refused_with_a_clear_message(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("threshold.protocol.documents.ocr.shutil.which", lambda _name: None)

    with pytest.raises(OcrUnavailable, match="tesseract-ocr"):
        check_document_bytes(render("WARRANT", angle=0, blur=0, seed=4))


def test_without_tesseract_the_cli_exits_2_for_an_image(tmp_path: Path) -> None:
    path = tmp_path / "page.png"
    path.write_bytes(render("WARRANT", angle=0, blur=0, seed=5))
    env = {**os.environ, "PATH": str(tmp_path)}  # no tesseract on this PATH

    result = subprocess.run(
        [THRESHOLD, "documents", "check", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env=env,
    )

    assert result.returncode == 2
    assert "tesseract-ocr" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
