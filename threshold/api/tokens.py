"""Device tokens: made from 256 random bits, kept only as their SHA-256.

A token is a bearer secret: whoever holds it acts as the device. The database keeps its hash, so a
copy of the database (a backup, a replica) does not hold usable tokens; the token itself is shown
once, when it is made. SHA-256 rather than a slow password hash: the token is random and long, so
there is nothing to guess, and a fast hash keeps every API request cheap.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

PREFIX = "thr_"
# A token as made here is 47 characters; anything much longer is not one of ours.
MAX_LENGTH = 100


def new_token() -> str:
    """A new device token: the prefix (so that a leaked one is recognisable) and 32 random bytes."""
    return PREFIX + secrets.token_urlsafe(32)


def digest(token: str) -> str:
    """The SHA-256 of a token, as stored."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def hint(token: str) -> str:
    """The last four characters, so that a person can tell two devices' tokens apart."""
    return token[-4:]


def well_formed(token: str) -> bool:
    return token.startswith(PREFIX) and len(token) <= MAX_LENGTH and token.isascii()


def same_digest(stored: str, presented: str) -> bool:
    """Compare two digests in constant time."""
    return hmac.compare_digest(stored.encode("ascii"), presented.encode("ascii"))
