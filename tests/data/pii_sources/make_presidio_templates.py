"""Build presidio_templates.jsonl: Microsoft presidio-evaluator's sentence templates, filled.

The sentences were written by the presidio-evaluator authors (MIT licence); this script only
fills their ``{{placeholder}}`` slots with Faker values and records the exact span of every
value that is personal data in TrustDesk's scheme (see README.md for the mapping). The
templates file is NOT copied into this repository: pass it with ``--templates``, or install
presidio-evaluator (``pip install presidio-evaluator``) and the script finds it.

    .venv/bin/python tests/data/pii_sources/make_presidio_templates.py \
        --templates /tmp/pe/x/presidio_evaluator/data_generator/raw_data/templates.txt

Deterministic: fixed seeds; the output is byte-identical for the same templates file and Faker
version. Faker is needed only to generate; nothing at run time depends on it.
"""

from __future__ import annotations

import argparse
import collections
import importlib.util
import json
import random
import re
import sys
from pathlib import Path

from faker import Faker

SEED = 20261201
HERE = Path(__file__).resolve().parent
OUT = HERE / "presidio_templates.jsonl"
SOURCE = "presidio-evaluator-0.3.2-templates"

# Locales whose values fill the (English) sentences; en_US is weighted as in the original.
LOCALES = [
    ("en_US", 8),
    ("en_GB", 3),
    ("en_CA", 2),
    ("en_AU", 2),
    ("en_IE", 1),
    ("en_IN", 1),
    ("de_DE", 1),
    ("fr_FR", 1),
    ("es_ES", 1),
    ("it_IT", 1),
    ("nl_NL", 1),
    ("pt_PT", 1),
]

# presidio placeholder -> TrustDesk entity (None: left unlabelled).
PERSON_SLOTS = {
    "person",
    "name",
    "first_name",
    "last_name",
    "name_male",
    "name_female",
    "first_name_male",
    "first_name_female",
    "first_name_nonbinary",
    "last_name_male",
    "last_name_female",
}
DIRECT = {
    "email": "EMAIL_ADDRESS",
    "phone_number": "PHONE_NUMBER",
    "credit_card_number": "CREDIT_CARD",
    "iban": "IBAN_CODE",
    "ssn": "US_SSN",
    "ip_address": "IP_ADDRESS",
    "address": "ADDRESS",
}
# Address parts: a run of these (separated only by spaces, punctuation, newlines, quote marks)
# that contains a building number and a street name is ONE address span.
ADDRESS_PARTS = {
    "building_number",
    "street_name",
    "secondary_address",
    "city",
    "state_abbr",
    "zipcode",
    "postcode",
    "country",
}
# Templates whose {{date_of_birth}} really is a birth date (the template says so).
BIRTH_CUE = re.compile(r"birth|born", re.I)

NATIONALITIES = [
    "French",
    "German",
    "Nigerian",
    "Brazilian",
    "Korean",
    "Italian",
    "Mexican",
    "Irish",
    "Polish",
    "Vietnamese",
    "Turkish",
    "Canadian",
    "Indian",
    "Dutch",
]
IT_CITIES = ["Milano", "Bologna", "Verona", "Padova", "Lecce", "Bari", "Trieste", "Gattolino"]
NATION_WOMAN = ["Frenchwoman", "Irishwoman", "Englishwoman", "Dutchwoman", "Scotswoman"]
NATION_PLURAL = ["Canadians", "Spaniards", "Italians", "Australians", "Belgians", "Kenyans"]


def find_templates(arg: str | None) -> Path:
    if arg:
        return Path(arg)
    spec = importlib.util.find_spec("presidio_evaluator")
    if spec and spec.submodule_search_locations:
        root = Path(next(iter(spec.submodule_search_locations)))
        path = root / "data_generator" / "raw_data" / "templates.txt"
        if path.exists():
            return path
    sys.exit("templates.txt not found: pass --templates PATH (see the module docstring)")


def read_templates(path: Path) -> list[str]:
    out = []
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.rstrip()
        if not line.strip():
            continue
        # The file writes newlines and a comma as escapes; U+FFFD is a mis-encoded dash.
        line = line.replace("\\n", "\n").replace("\\,", ",").replace("\ufffd", "-")
        out.append(line)
    return out


class Values:
    """Faker values for one record, all from one locale (so a name and address agree)."""

    def __init__(self, rng: random.Random, fakers: dict[str, Faker]) -> None:
        self.rng = rng
        self.locale = rng.choices([loc for loc, _ in LOCALES], [w for _, w in LOCALES])[0]
        self.f = fakers[self.locale]
        self.us = fakers["en_US"]

    def person(self, slot: str) -> str:
        f, r = self.f, self.rng
        if slot.startswith("first_name"):
            kind = slot.removeprefix("first_name").strip("_")
            return {"male": f.first_name_male, "female": f.first_name_female}.get(
                kind, f.first_name
            )()
        if slot.startswith("last_name"):
            return f.last_name()
        first = {"name_male": f.first_name_male, "name_female": f.first_name_female}.get(
            slot, f.first_name
        )()
        if r.random() < 0.12:
            first += f" {r.choice('ABCDEFGHJKLMNPRSTW')}."
        return f"{first} {f.last_name()}"

    def phone(self) -> str:
        return self.f.phone_number()

    def card(self) -> str:
        digits = self.us.credit_card_number()
        style = self.rng.random()
        if style < 0.5:
            return digits
        sep = " " if style < 0.8 else "-"
        if len(digits) == 15:
            return sep.join([digits[:4], digits[4:10], digits[10:]])
        return sep.join(digits[i : i + 4] for i in range(0, len(digits), 4))

    def iban(self) -> str:
        iban = self.f.iban()
        if self.rng.random() < 0.4:
            return " ".join(iban[i : i + 4] for i in range(0, len(iban), 4))
        return iban

    def ssn(self) -> str:
        s = self.us.ssn()
        return s if self.rng.random() < 0.8 else s.replace("-", " ")

    def ip(self) -> str:
        return self.f.ipv6() if self.rng.random() < 0.2 else self.f.ipv4_public()

    def address(self) -> str:
        addr = self.f.address()
        if self.rng.random() < 0.4:
            addr = addr.replace("\n", ", ")
        return addr

    def dob(self) -> str:
        d = self.f.date_of_birth(minimum_age=18, maximum_age=90)
        fmt = self.rng.choice(
            ["%B %d, %Y", "%d/%m/%Y", "%m/%d/%Y", "%Y-%m-%d", "%d %B %Y", "%b %d %Y", "%d.%m.%Y"]
        )
        return d.strftime(fmt)

    def other(self, slot: str) -> str:
        f, r = self.f, self.rng
        table = {
            "organization": f.company,
            "job": self.us.job,
            "url": f.url,
            "age": lambda: str(r.randint(18, 90)),
            "year": lambda: str(r.randint(1950, 2024)),
            "date_time": lambda: f.date_time().strftime(r.choice(["%B %d, %Y", "%d/%m/%Y %H:%M"])),
            "day_of_week": f.day_of_week,
            "prefix": self.us.prefix,
            "prefix_male": self.us.prefix_male,
            "prefix_female": self.us.prefix_female,
            "nationality": lambda: r.choice(NATIONALITIES),
            "nation_woman": lambda: r.choice(NATION_WOMAN),
            "nation_plural": lambda: r.choice(NATION_PLURAL),
            "us_driver_license": lambda: (
                r.choice("ABCDEFGHKLMNPSTW")
                + "".join(r.choice("0123456789") for _ in range(r.choice([7, 8, 12])))
            ),
            # it_IT's city() draws from a set, so its order changes between runs
            "city": f.city if self.locale != "it_IT" else lambda: r.choice(IT_CITIES),
            "country": f.country,
            "street_name": f.street_name,
            "building_number": f.building_number,
            "postcode": f.postcode,
            "zipcode": self.us.zipcode,
            "state_abbr": self.us.state_abbr,
            "secondary_address": self.us.secondary_address,
        }
        if slot not in table:
            raise KeyError(f"no value for placeholder {{{{{slot}}}}}")
        return str(table[slot]())


PLACEHOLDER = re.compile(r"\{\{(\w+)\}\}")


def fill(template: str, vals: Values) -> tuple[str, list[dict]]:
    """Fill one template; return text and spans."""
    pieces: list[tuple[str, str | None]] = []  # (text, slot or None for literal)
    pos = 0
    for m in PLACEHOLDER.finditer(template):
        pieces.append((template[pos : m.start()], None))
        pieces.append(("", m.group(1)))
        pos = m.end()
    pieces.append((template[pos:], None))

    birth = bool(BIRTH_CUE.search(PLACEHOLDER.sub(" ", template)))
    text = ""
    placed: list[tuple[int, int, str]] = []  # start, end, slot
    for lit, slot in pieces:
        if slot is None:
            text += lit
            continue
        if slot in PERSON_SLOTS:
            value = vals.person(slot)
        elif slot == "email":
            value = vals.f.email()
        elif slot == "phone_number":
            value = vals.phone()
        elif slot == "credit_card_number":
            value = vals.card()
        elif slot == "iban":
            value = vals.iban()
        elif slot == "ssn":
            value = vals.ssn()
        elif slot == "ip_address":
            value = vals.ip()
        elif slot == "address":
            value = vals.address()
        elif slot == "date_of_birth":
            value = vals.dob()
        else:
            value = vals.other(slot)
        placed.append((len(text), len(text) + len(value), slot))
        text += value
        assert text[placed[-1][0] : placed[-1][1]] == value

    spans: list[dict] = []
    i = 0
    while i < len(placed):
        start, end, slot = placed[i]
        if slot in ADDRESS_PARTS:
            j = i
            # extend the run while the gap between parts holds no letters or digits
            while (
                j + 1 < len(placed)
                and placed[j + 1][2] in ADDRESS_PARTS
                and not re.search(r"[^\W_]", text[placed[j][1] : placed[j + 1][0]])
            ):
                j += 1
            run = placed[i : j + 1]
            slots = {s for _, _, s in run}
            while run and run[-1][2] == "country":  # a country at the end stays outside
                run = run[:-1]
            if {"building_number", "street_name"} <= slots and run:
                spans.append({"start": run[0][0], "end": run[-1][1], "entity": "ADDRESS"})
            i = j + 1
            continue
        if slot in PERSON_SLOTS:
            spans.append({"start": start, "end": end, "entity": "PERSON"})
        elif slot in DIRECT:
            spans.append({"start": start, "end": end, "entity": DIRECT[slot]})
        elif slot == "date_of_birth" and birth:
            spans.append({"start": start, "end": end, "entity": "DATE_OF_BIRTH"})
        i += 1
    return text, spans


def assign_splits(templates: list[str], rng: random.Random) -> dict[str, str]:
    """Split by TEMPLATE (no template in both splits), balanced on each template's rarest entity."""
    counts: collections.Counter[str] = collections.Counter()
    kinds: dict[str, str] = {}
    for t in templates:
        probe = Values(random.Random(0), FAKERS)
        _, spans = fill(t, probe)
        ents = sorted({s["entity"] for s in spans})
        counts.update(ents)
        kinds[t] = ",".join(ents)
    groups: dict[str, list[str]] = collections.defaultdict(list)
    for t in templates:
        ents = [e for e in kinds[t].split(",") if e]
        key = min(ents, key=lambda e: (counts[e], e)) if ents else "-"
        groups[key].append(t)
    split: dict[str, str] = {}
    flip = 0
    for key in sorted(groups):
        members = groups[key]
        rng.shuffle(members)
        for t in members:
            split[t] = ("dev", "final")[flip % 2]
            flip += 1
    return split


FAKERS: dict[str, Faker] = {}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--templates", help="presidio-evaluator raw_data/templates.txt")
    ap.add_argument("--out", default=str(OUT))
    args = ap.parse_args()

    for loc, _ in LOCALES:
        FAKERS[loc] = Faker(loc)
        FAKERS[loc].seed_instance(SEED + len(FAKERS))
    Faker.seed(SEED)
    rng = random.Random(SEED)

    templates = list(dict.fromkeys(read_templates(find_templates(args.templates))))
    split_of = assign_splits(templates, random.Random(SEED + 1))

    records, seen = [], set()
    for t in templates:
        slots = PLACEHOLDER.findall(t)
        if not slots:
            n = 1
        elif {"ssn", "ip_address", "iban", "date_of_birth", "email"} & set(slots):
            n = 15
        else:
            n = 3
        for _ in range(n * 3):  # retries for duplicates
            if n == 0:
                break
            vals = Values(rng, FAKERS)
            text, spans = fill(t, vals)
            if rng.random() < 0.05 and len(text.lower()) == len(text):
                text = text.lower()
            if text in seen:
                continue
            seen.add(text)
            records.append(
                {
                    "text": text,
                    "spans": spans,
                    "source": SOURCE,
                    "lang": "en",
                    "split": split_of[t],
                    "locale": vals.locale,
                }
            )
            n -= 1

    check(records)
    with open(args.out, "w", encoding="utf-8") as fh:
        for r in records:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    report(records, args.out)


def check(records: list[dict]) -> None:
    for r in records:
        last = 0
        for s in r["spans"]:
            assert last <= s["start"] < s["end"] <= len(r["text"]), r
            piece = r["text"][s["start"] : s["end"]]
            assert piece == piece.strip() and piece, (piece, r)
            last = s["end"]


def report(records: list[dict], out: str) -> None:
    c: collections.Counter[tuple[str, str]] = collections.Counter()
    n: collections.Counter[str] = collections.Counter()
    for r in records:
        n[r["split"]] += 1
        for s in r["spans"]:
            c[(r["split"], s["entity"])] += 1
    print(
        f"wrote {len(records)} records to {out}: "
        + ", ".join(f"{k}={v}" for k, v in sorted(n.items()))
    )
    for ent in sorted({e for _, e in c}):
        print(f"  {ent:16} dev={c[('dev', ent)]:4}  final={c[('final', ent)]:4}")


if __name__ == "__main__":
    main()
