"""Find and decode the licence barcode (PDF417) in a camera photo or an uploaded image.

zxing-cpp reads PDF417 at any multiple of 90 degrees but not when the card is a few degrees off
square, which is how people hold cards to a camera; so the image is also tried rotated in small
steps, then sharpened or enlarged. A decode is accepted only when it is an AAMVA payload: a
misread at one angle (or another PDF417 symbol in the picture) is skipped and the search goes on.
The payload's bytes are returned as they are (binary content, not transcoded text).
"""

from __future__ import annotations

import io
import time
import warnings
from collections.abc import Callable, Iterator

import zxingcpp
from PIL import Image, ImageFilter, ImageOps

from threshold.idscan.aamva import AamvaError, is_aamva_payload

# Phone photos are up to about 50 megapixels; a larger "image" is a decompression bomb.
MAX_IMAGE_PIXELS = 60_000_000
# The search works on a copy no larger than this (a licence barcode stays readable at it).
WORKING_SIDE = 2000
# zxing-cpp reads a PDF417 tilted by up to about 3 degrees either way; it tries the multiples of
# 90 degrees itself, so tilts up to 45 degrees cover every orientation.
ROTATION_STEP_DEGREES = 3
MAX_ROTATION_DEGREES = 45
RETRY_ROTATION_DEGREES = 21
DEFAULT_TIME_BUDGET_S = 20.0

_PDF417 = zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.PDF417)
_PDF417 = zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.PDF417)
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"II*\x00", "TIFF"),
    (b"MM\x00*", "TIFF"),
    (b"BM", "BMP"),
)


def image_format(data: bytes) -> str | None:
    """The image format that the data's magic bytes announce, or None for anything else."""
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "WEBP"
    for signature, name in _SIGNATURES:
        if data.startswith(signature):
            return name
    return None


def decode_barcode_image(
    image_bytes: bytes,
    *,
    accept: Callable[[bytes], bool] = is_aamva_payload,
    time_budget_s: float = DEFAULT_TIME_BUDGET_S,
) -> bytes:
    """Return the payload of the first PDF417 in the image that `accept` takes (an AAMVA payload).

    Raise AamvaError when the image cannot be read or holds no acceptable barcode.
    """
    image = _load(image_bytes)
    deadline = time.monotonic() + time_budget_s
    tried: set[bytes] = set()
    for candidate in _candidates(image):
        for barcode in zxingcpp.read_barcodes(
            candidate, formats=_PDF417, text_mode=zxingcpp.TextMode.Plain
        ):
            payload = barcode.bytes
            if payload not in tried:
                tried.add(payload)
                if accept(payload):
                    return payload
        if time.monotonic() > deadline:
            break
    if tried:
        raise AamvaError("the image holds a barcode, but not a licence or ID barcode")
    raise AamvaError("no licence barcode found in the image")


def _load(image_bytes: bytes) -> Image.Image:
    """Open the image as greyscale, upright per its EXIF orientation, at most WORKING_SIDE."""
    if image_format(image_bytes) is None:
        raise AamvaError("not a PNG, JPEG, GIF, TIFF, BMP or WebP image")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            opened = Image.open(io.BytesIO(image_bytes))
            if opened.width * opened.height > MAX_IMAGE_PIXELS:
                raise AamvaError("the image is too large")
            # JPEG can decode straight to a smaller size, which saves most of the time.
            opened.draft("L", (WORKING_SIDE, WORKING_SIDE))
            image = ImageOps.exif_transpose(opened).convert("L")
    except AamvaError:
        raise
    except Exception as exc:
        # Pillow's decoders raise many exception types (OSError, ValueError, SyntaxError,
        # struct.error, DecompressionBombError…) for a corrupt or hostile file; all mean
        # "unreadable".
        raise AamvaError("the image cannot be read") from exc
    if max(image.size) > WORKING_SIDE:
        image.thumbnail((WORKING_SIDE, WORKING_SIDE), Image.Resampling.LANCZOS)
    return image


def _angles(limit: int) -> Iterator[int]:
    yield 0
    for magnitude in range(ROTATION_STEP_DEGREES, limit + 1, ROTATION_STEP_DEGREES):
        yield magnitude
        yield -magnitude


def _candidates(image: Image.Image) -> Iterator[Image.Image]:
    """The image and tilted copies, then a sharpened (and, if small, an enlarged) copy of it."""
    variants = [(image, MAX_ROTATION_DEGREES)]
    # Second chances for a poor photo, over the tilts people actually hold a card at.
    cleaned = image.filter(ImageFilter.MedianFilter(3)).filter(ImageFilter.SHARPEN)
    variants.append((cleaned, RETRY_ROTATION_DEGREES))
    if max(image.size) < WORKING_SIDE // 2:
        enlarged = image.resize((image.width * 2, image.height * 2), Image.Resampling.BICUBIC)
        variants.append((enlarged, RETRY_ROTATION_DEGREES))
    for variant, limit in variants:
        for angle in _angles(limit):
            if angle == 0:
                yield variant
            else:
                yield variant.rotate(
                    angle, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=255
                )
