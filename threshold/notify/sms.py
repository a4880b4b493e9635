"""Text messages through a provider, chosen by SMS_PROVIDER.

- `http`: a JSON POST over HTTPS with a bearer token, the shape most SMS gateways accept
  (`{"to", "body", "from", "reference"}`; any 2xx answer is success). `reference` is the same on
  every attempt of one message, so a gateway that de-duplicates on it never sends it twice.
- `console`: the message is written to the log, for development.
- `none`: no text messages; summonses go in the app and by e-mail only.

A provider raises `SmsError` when the message was not accepted; the background task then tries
again later.
"""

from __future__ import annotations

import json
import logging
import urllib.error
import urllib.request
from typing import Protocol

from django.conf import settings

logger = logging.getLogger(__name__)


class SmsError(Exception):
    """The provider did not take the message (unreachable, refused, or an error answer)."""


class BadNumber(SmsError):
    """The number cannot be dialled: trying again will not help."""


class SmsProvider(Protocol):
    def send(self, *, to: str, body: str, reference: str) -> None: ...


class ConsoleSms:
    """Development: the message goes to the log instead of a phone."""

    def send(self, *, to: str, body: str, reference: str) -> None:
        logger.warning("Text message %s to %s: %s", reference, to, body)


class HttpJsonSms:
    """A generic HTTPS gateway: POST JSON with `Authorization: Bearer <token>`."""

    def __init__(self, *, url: str, token: str, timeout: float, sender: str = "") -> None:
        self.url = url
        self.token = token
        self.timeout = timeout
        self.sender = sender

    def send(self, *, to: str, body: str, reference: str) -> None:
        payload = {"to": to, "body": body, "reference": reference}
        if self.sender:
            payload["from"] = self.sender
        request = urllib.request.Request(  # noqa: S310 (the URL is the operator's, https in production)
            self.url,
            data=json.dumps(payload).encode("utf-8"),
            method="POST",
            headers={
                "Authorization": f"Bearer {self.token}",
                "Content-Type": "application/json",
                "Accept": "application/json",
                "User-Agent": "Threshold",
            },
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as answer:  # noqa: S310
                status = answer.status
        except urllib.error.HTTPError as error:
            raise SmsError(f"the SMS provider answered {error.code}") from None
        except (urllib.error.URLError, OSError) as error:
            raise SmsError(
                f"the SMS provider could not be reached ({type(error).__name__})"
            ) from None
        if not 200 <= status < 300:
            raise SmsError(f"the SMS provider answered {status}")


def international(phone: str) -> str:
    """A staff member's number as gateways want it (E.164): "(860) 555-0101" is +18605550101.
    Ten digits are a North American number; a number written with + keeps its country code."""
    digits = "".join(c for c in phone if c.isdigit())
    if phone.strip().startswith("+"):
        number = f"+{digits}"
    elif len(digits) == 10:
        number = f"+1{digits}"
    elif len(digits) == 11 and digits.startswith("1"):
        number = f"+{digits}"
    else:
        raise BadNumber("the mobile phone number cannot be written in international form")
    if not 8 <= len(number) <= 16:
        raise BadNumber("the mobile phone number cannot be written in international form")
    return number


def provider() -> SmsProvider | None:
    """The configured provider, or None when text messages are off."""
    chosen = settings.SMS_PROVIDER
    if chosen == "http":
        return HttpJsonSms(
            url=settings.SMS_HTTP_URL,
            token=settings.SMS_HTTP_TOKEN,
            timeout=settings.SMS_HTTP_TIMEOUT_SECONDS,
            sender=settings.SMS_SENDER,
        )
    if chosen == "console":
        return ConsoleSms()
    return None


def enabled() -> bool:
    return settings.SMS_PROVIDER != "none"
