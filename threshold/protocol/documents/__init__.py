"""The document checker: warrants, subpoenas, orders and immigration forms, from text or image."""

from __future__ import annotations

from threshold.protocol.documents.checker import (
    LABELS,
    Attachment,
    Finding,
    Findings,
    check_document,
    check_document_bytes,
    check_document_text,
)
from threshold.protocol.documents.ocr import OcrFailed, OcrUnavailable, is_image

__all__ = [
    "LABELS",
    "Attachment",
    "Finding",
    "Findings",
    "OcrFailed",
    "OcrUnavailable",
    "check_document",
    "check_document_bytes",
    "check_document_text",
    "is_image",
]
