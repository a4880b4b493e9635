"""A photo or upload of the barcode: PDF417 read as bytes, tilted copies tried, misreads skipped."""

from __future__ import annotations

from datetime import date

import pytest
import zxingcpp
from PIL import Image

from tests.idscan.images import encoded, pdf417, photo, side_by_side
from tests.idscan.payloads import card
from threshold.idscan import AamvaError, decode_barcode_image, image_format, read_licence

TODAY = date(2025, 6, 1)
PAYLOAD = card(10, canadian=False, iin="636014")


@pytest.mark.parametrize(
    ("angle", "image_format_name", "blur"),
    [
        (0, "PNG", 0),
        (5, "PNG", 0),
        (-9, "PNG", 0),
        (2, "JPEG", 1.0),
        (90, "PNG", 0),
        (183, "JPEG", 0.6),
        (-25, "PNG", 0),
    ],
)
def test_it_decodes_a_tilted_photo_to_the_exact_payload(
    angle: float, image_format_name: str, blur: float
) -> None:
    image = encoded(photo(pdf417(PAYLOAD), angle=angle, blur=blur), image_format_name)

    assert decode_barcode_image(image) == PAYLOAD


def test_it_reads_the_licence_from_an_image_like_from_scanner_bytes() -> None:
    image = encoded(photo(pdf417(PAYLOAD), angle=-4), "PNG")

    assert read_licence(image, today=TODAY) == read_licence(PAYLOAD, today=TODAY)


def test_it_keeps_binary_content_as_bytes() -> None:
    payload = card(8).replace(b"DAC", b"DAC\xe9", 0) + b"\x00\xff"
    image = encoded(photo(pdf417(payload)), "PNG")

    assert decode_barcode_image(image, accept=lambda data: True) == payload


def test_it_skips_a_barcode_that_is_not_a_licence_and_goes_on() -> None:
    other = pdf417(b"https://verify.dmv.example.gov/r/8842-1193-AB7Q")
    image = encoded(photo(side_by_side(other, pdf417(PAYLOAD))), "PNG")

    assert decode_barcode_image(image) == PAYLOAD


def test_it_rejects_an_image_whose_only_barcode_is_not_a_licence() -> None:
    image = encoded(photo(pdf417(b"Visitor sign-in sheet, page 2")), "PNG")

    with pytest.raises(AamvaError, match="not a licence"):
        decode_barcode_image(image, time_budget_s=2)


def test_it_ignores_other_symbologies() -> None:
    qr = zxingcpp.create_barcode(PAYLOAD, zxingcpp.BarcodeFormat.QRCode)
    pixels = memoryview(qr.to_image(scale=4))
    image = Image.frombytes("L", (pixels.shape[1], pixels.shape[0]), pixels.tobytes())

    with pytest.raises(AamvaError, match="no licence barcode"):
        decode_barcode_image(encoded(photo(image)), time_budget_s=2)


def test_it_rejects_an_image_without_a_barcode() -> None:
    blank = encoded(Image.new("L", (300, 200), 255), "JPEG")

    with pytest.raises(AamvaError, match="no licence barcode"):
        decode_barcode_image(blank)


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n" + b"\x00" * 40,
        b"\xff\xd8\xff\xe0" + b"garbage" * 10,
        b"GIF89a",
    ],
)
def test_it_rejects_a_corrupt_image(data: bytes) -> None:
    with pytest.raises(AamvaError, match="cannot be read"):
        decode_barcode_image(data)


def test_it_rejects_data_that_is_no_image() -> None:
    with pytest.raises(AamvaError, match="not a PNG"):
        decode_barcode_image(PAYLOAD)


@pytest.mark.parametrize(
    ("data", "name"),
    [
        (b"\x89PNG\r\n\x1a\nrest", "PNG"),
        (b"\xff\xd8\xff\xdb", "JPEG"),
        (b"RIFF\x00\x00\x00\x00WEBPVP8 ", "WEBP"),
        (b"GIF87a", "GIF"),
        (b"II*\x00", "TIFF"),
        (PAYLOAD, None),
        (b"", None),
    ],
)
def test_it_detects_images_by_their_magic_bytes(data: bytes, name: str | None) -> None:
    assert image_format(data) == name
