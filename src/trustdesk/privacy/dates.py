"""DATE_OF_BIRTH: a valid calendar date with a birth cue ("born on", "DOB", "date of birth").

A date without such a cue (the date of an order, a delivery slot) is never reported: dates are
personal data only when they say something about the person.
"""

from __future__ import annotations

import datetime as dt
import re

from trustdesk.privacy.spans import PiiSpan

CONTEXT_WIDTH = 45
MIN_YEAR = 1900

_MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        "january jan januar janvier enero gennaio januari janeiro",
        "february feb februar février fevrier febrero febbraio februari fevereiro",
        "march mar märz maerz mars marzo maart março marco",
        "april apr avril abril aprile",
        "may mai mayo maggio mei maio",
        "june jun juni juin junio giugno junho",
        "july jul juli juillet julio luglio julho",
        "august aug août aout agosto augustus",
        "september sep sept septembre septiembre setiembre settembre setembro",
        "october oct oktober octobre octubre ottobre outubro okt",
        "november nov novembre noviembre novembro",
        "december dec dezember décembre decembre diciembre dicembre dezembro dez",
    ),
    start=1,
):
    for _name in _names.split():
        _MONTHS[_name] = _number
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DATE = re.compile(
    r"(?<![\w/.-])(?:"
    r"(?P<y1>\d{4})-(?P<m1>\d{1,2})-(?P<d1>\d{1,2})"
    r"|(?P<a2>\d{1,2})(?P<sep>[./-])(?P<b2>\d{1,2})(?P=sep)(?P<y2>\d{4}|\d{2})"
    rf"|(?P<d3>\d{{1,2}})(?:st|nd|rd|th|er|\.)?[ \t]+(?:of[ \t]+|de[ \t]+)?(?P<m3>{_MONTH})\.?,?"
    r"[ \t]+(?:de[ \t]+)?(?P<y3>\d{4})"
    rf"|(?P<m4>{_MONTH})\.?[ \t]+(?P<d4>\d{{1,2}})(?:st|nd|rd|th)?,?[ \t]+(?P<y4>\d{{4}})"
    r")(?![\w/-])",
    re.IGNORECASE,
)
_BIRTH_BEFORE = re.compile(
    r"\bborn\b|\bbirth|\bd\.?o\.?b\b|geboren|\bgeb\b|geburt|\bnée?\b|naissance|\bddn\b"
    r"|nacid[oa]|\bnac[ií]\b|\bnac\b|nacimiento|cumpleaños|\bnat[oa]\b|nascita|compleanno"
    r"|geboortedatum|verjaardag|\bnasc|\bdn\s*:|\bd\.n\.",
    re.IGNORECASE,
)
# Birth words typed with one slip ("nassci", "nacsi a", "gebootredatum"): compared by edit
# distance with transpositions, only for words near a valid date (rare), so the cost is small.
_BIRTH_WORDS = (
    "birthday birthdate geboren geburtstag geburtsdatum naissance nacimiento nacido nacida "
    "nasci nascido nascida nascimento nascita geboortedatum"
).split()
_WORD = re.compile(r"[^\W\d_]{5,}")
_BIRTH_AFTER = re.compile(r"[\s,)]*(?:is|was)?\s*my\s+(?:date\s+of\s+birth|birth)", re.IGNORECASE)


def _year(raw: str) -> int:
    year = int(raw)
    if len(raw) == 2:
        year += 1900 if year > dt.date.today().year % 100 else 2000
    return year


def _valid(year: int, month: int, day: int) -> bool:
    try:
        date = dt.date(year, month, day)
    except ValueError:
        return False
    return year >= MIN_YEAR and date <= dt.date.today()


def _is_date(m: re.Match[str]) -> bool:
    g = m.groupdict()
    if g["y1"]:
        return _valid(int(g["y1"]), int(g["m1"]), int(g["d1"]))
    if g["y2"]:
        year, first, second = _year(g["y2"]), int(g["a2"]), int(g["b2"])
        # day-month or month-day: either reading will do, the cue decides it is a birth date
        return _valid(year, second, first) or _valid(year, first, second)
    if g["y3"]:
        return _valid(int(g["y3"]), _MONTHS[g["m3"].lower()], int(g["d3"]))
    return _valid(int(g["y4"]), _MONTHS[g["m4"].lower()], int(g["d4"]))


def _slipped_cue(text: str, start: int, end: int) -> bool:
    words = _WORD.findall(text, start, end)
    if not words:
        return False
    from rapidfuzz.distance import OSA

    return any(
        OSA.distance(word.lower(), cue, score_cutoff=1) <= 1
        for word in words
        for cue in _BIRTH_WORDS
        if abs(len(word) - len(cue)) <= 1
    )


class DateOfBirthRecognizer:
    """Past calendar dates with a birth cue just before ("born on") or after ("is my DOB")."""

    name = "date_of_birth"
    entities: tuple[str, ...] = ("DATE_OF_BIRTH",)

    def find(self, text: str) -> list[PiiSpan]:
        spans: list[PiiSpan] = []
        previous_end = 0
        for m in _DATE.finditer(text):
            if not _is_date(m):
                continue
            # The cue must be nearer than any other date: "DOB: 1/2/1980, order of 3/4/2024".
            window = max(previous_end, m.start() - CONTEXT_WIDTH)
            previous_end = m.end()
            if (
                _BIRTH_BEFORE.search(text, window, m.start())
                or _BIRTH_AFTER.match(text, m.end())
                or _slipped_cue(text, window, m.start())
            ):
                spans.append(
                    PiiSpan(
                        m.start(),
                        m.end(),
                        "DATE_OF_BIRTH",
                        0.85,
                        self.name,
                        "valid past date next to a birth cue",
                    )
                )
        return spans
