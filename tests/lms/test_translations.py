"""The Indonesian catalogue is complete: every message translated, none guessed, and every
placeholder kept (a missing %(name)s would raise or print the wrong thing)."""

import re
from pathlib import Path

from django.conf import settings

CATALOGUE = Path(settings.BASE_DIR) / "locale" / "id" / "LC_MESSAGES" / "django.po"
PLACEHOLDER = re.compile(r"%\(\w+\)[sdif]|%[sdif]|\{\w*\}")


def _unquote(lines: list[str]) -> str:
    return "".join(line[line.index('"') + 1 : line.rindex('"')] for line in lines)


def entries() -> list[dict]:
    """Each entry of the catalogue: its flags, msgid, the English text it translates
    (msgid and msgid_plural) and msgstr (plural forms joined)."""
    found = []
    for block in CATALOGUE.read_text(encoding="utf-8").split("\n\n"):
        lines = [line for line in block.strip().splitlines() if not line.startswith("#~")]
        if not any(line.startswith("msgid ") for line in lines):
            continue
        flags = {
            flag.strip()
            for line in lines
            if line.startswith("#,")
            for flag in line[2:].split(",")
        }
        parts: dict[str, list[str]] = {}
        key = None
        for line in lines:
            if line.startswith("#"):
                continue
            if not line.startswith('"'):
                key = line.split(" ", 1)[0]
            parts.setdefault(key, []).append(line)
        texts = {name: _unquote(value) for name, value in parts.items()}
        msgstr = " ".join(text for name, text in texts.items() if name.startswith("msgstr"))
        # Indonesian has one plural form: it says what the English plural says.
        source = texts.get("msgid", "") + " " + texts.get("msgid_plural", "")
        found.append(
            {"flags": flags, "msgid": texts.get("msgid", ""), "source": source, "msgstr": msgstr}
        )
    return found


def messages() -> list[dict]:
    return [entry for entry in entries() if entry["msgid"]]  # not the header


def test_the_catalogue_is_read():
    assert len(messages()) > 500


def test_every_message_is_translated():
    missing = [entry["msgid"] for entry in messages() if not entry["msgstr"].strip()]
    assert missing == []


def test_no_translation_is_a_guess():
    fuzzy = [entry["msgid"] for entry in messages() if "fuzzy" in entry["flags"]]
    assert fuzzy == []


def test_translations_keep_every_placeholder():
    broken = [
        entry["msgid"]
        for entry in messages()
        if entry["msgstr"]
        and sorted(set(PLACEHOLDER.findall(entry["source"])))
        != sorted(set(PLACEHOLDER.findall(entry["msgstr"])))
    ]
    assert broken == []
