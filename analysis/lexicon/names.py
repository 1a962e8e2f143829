"""Closed word lists of names: name particles, and the days and months (never actors or
speakers). One list each, for quotes and actors alike.
"""

from __future__ import annotations

NAME_PARTICLES = frozenset(
    {
        "al", "al-", "ad", "as", "bin", "ibn", "bint", "ben", "abu", "de", "da", "del", "der",
        "di", "dos", "du", "el", "la", "le", "mac", "o'", "st.", "van", "von",
    }
)  # fmt: skip
"""Lower-case particles inside a person's name ("bin" in "Mohammed bin Salman", "van")."""

DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
    "Jan.", "Feb.", "Mar.", "Apr.", "Aug.", "Sep.", "Sept.", "Oct.", "Nov.", "Dec.",
)  # fmt: skip
"""Day and month names as written (with the AP abbreviations of the months)."""
