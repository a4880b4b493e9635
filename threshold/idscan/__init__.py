"""Read a US or Canadian driver licence / ID card barcode (AAMVA DL/ID standard). Pure Python.

Use `read_licence(data, today=...)` for whatever the front desk has: the bytes a 2-D scanner
emits (keyboard wedge or serial), or a photo/upload of the barcode. It returns `LicenceFields`
(name, date of birth, dates of issue and expiry, document number, jurisdiction, country, AAMVA
version, whether the card has expired) or raises `AamvaError`.

Least data, by construction: the parser reads only those elements out of the payload. The
address, sex, eye colour, height and the elements that reveal immigration status (`DDA`
compliance type, `DDD` limited-duration document) are dropped while parsing; no result type has a
field for them, and the payload itself is not kept. The app stores only the name, the date of
birth and `document_number_last4`; `document_number` is whole for `threshold id parse` alone.
"""

from __future__ import annotations

from datetime import date

from threshold.idscan.aamva import (
    WARNING_EXPIRED,
    WARNING_NAME_TRUNCATED,
    WARNING_NO_EXPIRY_DATE,
    AamvaError,
    LicenceFields,
    is_aamva_payload,
    parse_aamva,
)
from threshold.idscan.barcode_image import decode_barcode_image, image_format

__all__ = [
    "WARNING_EXPIRED",
    "WARNING_NAME_TRUNCATED",
    "WARNING_NO_EXPIRY_DATE",
    "AamvaError",
    "LicenceFields",
    "decode_barcode_image",
    "image_format",
    "is_aamva_payload",
    "parse_aamva",
    "read_licence",
]


def read_licence(data: bytes, *, today: date) -> LicenceFields:
    """Parse scanner bytes, or decode the barcode in an image (PNG, JPEG…) and parse that."""
    payload = decode_barcode_image(data) if image_format(data) else data
    return parse_aamva(payload, today=today)
