"""Render PDF417 barcodes with zxing-cpp's writer, as a photo or an upload would show them."""

from __future__ import annotations

import io

import zxingcpp
from PIL import Image, ImageFilter


def pdf417(payload: bytes, *, scale: int = 3) -> Image.Image:
    """The payload as a greyscale PDF417 symbol (binary content, as on a licence)."""
    symbol = zxingcpp.create_barcode(payload, zxingcpp.BarcodeFormat.PDF417)
    pixels = memoryview(symbol.to_image(scale=scale))
    height, width = pixels.shape[0], pixels.shape[1]
    return Image.frombytes("L", (width, height), pixels.tobytes())


def photo(
    image: Image.Image, *, angle: float = 0, blur: float = 0, margin: int = 40
) -> Image.Image:
    """The symbol on a white card, tilted by `angle` degrees and optionally out of focus."""
    card = Image.new("L", (image.width + 2 * margin, image.height + 2 * margin), 255)
    card.paste(image, (margin, margin))
    if angle:
        card = card.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=255)
    if blur:
        card = card.filter(ImageFilter.GaussianBlur(blur))
    return card


def encoded(image: Image.Image, image_format: str = "PNG") -> bytes:
    out = io.BytesIO()
    image.save(out, format=image_format)
    return out.getvalue()


def side_by_side(*images: Image.Image) -> Image.Image:
    width = sum(image.width for image in images)
    canvas = Image.new("L", (width, max(image.height for image in images)), 255)
    left = 0
    for image in images:
        canvas.paste(image, (left, 0))
        left += image.width
    return canvas
