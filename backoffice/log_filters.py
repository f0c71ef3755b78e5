"""A log formatter that keeps secrets and pay out of the server log.

Whatever a library or an exception message puts in a log line, IBANs,
password-reset links and one-time codes are masked before the line is
written. `SENSITIVE` is also what the test suite looks for in its own logs
(tests/conftest.py): the suite fails if any line of a run matches.
"""

import logging
import re

SENSITIVE = {
    "iban": re.compile(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){3,7}(?: ?[A-Z0-9]{1,3})?\b"),
    # Django's token: base-36 timestamp, a dash, a hex hash; "set-password" is no secret.
    "reset link": re.compile(r"/reset/[\w-]+/[0-9a-z]{1,13}-[0-9a-f]{20,}"),
    "one-time code": re.compile(r"(?i)\b(?:one-time|otp|verification) code\W+\d{6}\b"),
    "salary": re.compile(r"(?i)\b(?:salary|gross|net pay)\W+\d[\d.,]*"),
}


def redact(text: str) -> str:
    for name, pattern in SENSITIVE.items():
        text = pattern.sub(f"[{name} hidden]", text)
    return text


def sensitive_hits(text: str) -> list[str]:
    return [name for name, pattern in SENSITIVE.items() if pattern.search(text)]


class RedactingFormatter(logging.Formatter):
    """Formats as usual, then masks; the record itself is left as it was for other handlers."""

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))
