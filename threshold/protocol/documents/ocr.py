"""Text recognition of a photographed or scanned document: Pillow to clean the image (grey,
upscaled when small, straightened), then Debian's Tesseract through a subprocess."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

IMAGE_MAGIC = (
    b"\x89PNG\r\n\x1a\n",
    b"\xff\xd8\xff",
    b"GIF87a",
    b"GIF89a",
    b"II*\x00",
    b"MM\x00*",
    b"BM",
)
TIMEOUT_S = 45


class OcrUnavailable(RuntimeError):
    """Tesseract is not installed: images cannot be read."""


class OcrFailed(RuntimeError):
    """The image could not be read."""


@dataclass(frozen=True)
class OcrResult:
    text: str
    angle: float
    width: int
    height: int


def is_image(data: bytes) -> bool:
    if data.startswith(IMAGE_MAGIC):
        return True
    return data[:4] == b"RIFF" and data[8:12] == b"WEBP"


def tesseract_path() -> str | None:
    return shutil.which("tesseract")


def read_image(data: bytes) -> OcrResult:
    """Recognise the text of an image (PNG, JPEG, TIFF, GIF, BMP, WebP)."""
    binary = tesseract_path()
    if binary is None:
        raise OcrUnavailable(
            "reading an image needs Tesseract: install the Debian package tesseract-ocr "
            "(sudo apt-get install tesseract-ocr), or give the document's text instead"
        )
    from PIL import Image, ImageOps, UnidentifiedImageError

    try:
        image = Image.open(io.BytesIO(data))
        image.load()
    except (UnidentifiedImageError, OSError, ValueError) as exc:
        raise OcrFailed(f"the image cannot be opened: {exc}") from None
    grey = (ImageOps.exif_transpose(image) or image).convert("L")
    if grey.width < 1600:
        factor = 1600 / grey.width
        grey = grey.resize((1600, int(grey.height * factor)), Image.Resampling.LANCZOS)
    angle = _skew_angle(grey)
    if abs(angle) >= 0.3:
        grey = grey.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=255)
    grey = ImageOps.autocontrast(grey, cutoff=1)
    with tempfile.TemporaryDirectory(prefix="threshold-ocr-") as tmp:
        path = Path(tmp) / "page.png"
        grey.save(path)
        env = dict(os.environ)
        # One thread: OpenMP workers busy-wait, and on a busy machine that is ten times slower.
        env["OMP_THREAD_LIMIT"] = "1"
        try:
            proc = subprocess.run(  # noqa: S603 (fixed argument list, no shell)
                [binary, str(path), "stdout", "-l", "eng", "-c", "preserve_interword_spaces=1"],
                capture_output=True,
                timeout=TIMEOUT_S,
                env=env,
                check=False,
            )
        except subprocess.TimeoutExpired:
            raise OcrFailed(f"text recognition took longer than {TIMEOUT_S} s") from None
        except OSError as exc:
            raise OcrUnavailable(f"Tesseract could not be run: {exc}") from None
    if proc.returncode != 0:
        message = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        raise OcrFailed(f"text recognition failed: {message[-1] if message else 'no output'}")
    return OcrResult(proc.stdout.decode("utf-8", "replace"), angle, grey.width, grey.height)


def _skew_angle(grey: object) -> float:
    """The rotation (degrees) that makes the text lines horizontal: the angle whose horizontal
    projection profile is sharpest, searched within ±4 degrees."""
    from PIL import Image

    assert isinstance(grey, Image.Image)
    small = grey.copy()
    small.thumbnail((800, 800))
    small = small.point(lambda v: 255 if v < 160 else 0)  # ink white, paper black

    def sharpness(angle: float) -> float:
        rotated = small.rotate(angle, resample=Image.Resampling.BILINEAR, fillcolor=0)
        column = rotated.resize((1, rotated.height), Image.Resampling.BOX)
        rows = list(column.tobytes())
        return float(sum((rows[i + 1] - rows[i]) ** 2 for i in range(len(rows) - 1)))

    best = max((a / 4 for a in range(-16, 17)), key=sharpness)
    fine = max((best + a / 20 for a in range(-5, 6)), key=sharpness)
    return round(fine, 2)
