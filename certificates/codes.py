"""Certificate codes: short enough to type from paper, long enough never to be guessed."""

import re
import secrets

# Crockford's base32: no I, L, O or U, so a code read aloud or retyped stays the same.
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
PREFIX = "SBY"
GROUPS = 3
GROUP_LENGTH = 4  # 12 characters: 60 random bits

_CONFUSABLE = str.maketrans({"O": "0", "I": "1", "L": "1", "U": "V"})
CODE_RE = re.compile(rf"^{PREFIX}(-[{ALPHABET}]{{{GROUP_LENGTH}}}){{{GROUPS}}}$")


def new_code(choice=secrets.choice) -> str:
    """A new random code; synthetic data passes its seeded generator's `choice` (such
    codes are guessable from the seed, so only ever for test data)."""
    groups = ("".join(choice(ALPHABET) for _ in range(GROUP_LENGTH)) for _ in range(GROUPS))
    return "-".join([PREFIX, *groups])


def normalise(text: str) -> str | None:
    """The code a person meant, from what they typed; None when it cannot be a code."""
    compact = re.sub(r"[\s\-_.]", "", (text or "").upper())
    if compact.startswith(PREFIX):
        compact = compact[len(PREFIX) :]
    compact = compact.translate(_CONFUSABLE)
    if len(compact) != GROUPS * GROUP_LENGTH or any(c not in ALPHABET for c in compact):
        return None
    parts = [compact[i : i + GROUP_LENGTH] for i in range(0, len(compact), GROUP_LENGTH)]
    return "-".join([PREFIX, *parts])
