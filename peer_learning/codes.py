"""Personal check-in codes: printed as a QR on the badge, short enough to type."""

import re
import secrets

ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"  # no 0/O, 1/I/L, U
LENGTH = 8
PREFIX = "P"


def new_checkin_code(choice=secrets.choice) -> str:
    """A new random code; synthetic data passes its seeded generator's `choice`."""
    return PREFIX + "".join(choice(ALPHABET) for _ in range(LENGTH))


def normalise(text: str) -> str:
    """What a scanner or a person typed, as a stored code (the QR may hold a URL)."""
    text = (text or "").strip().upper()
    text = text.rsplit("/", 1)[-1] if "/" in text.rstrip("/") else text.rstrip("/")
    text = re.sub(r"[\s\-]", "", text)
    return text.replace("O", "0").replace("I", "1").replace("L", "1")
