"""Build pii_anon_templates.jsonl: the record templates of the pii-anon package, filled.

The 26 templates (short notes, log lines, JSON, CSV rows, HR/claim/case files with filler
paragraphs) were written by the pii-anon authors ("PII Platform Contributors", Apache-2.0) in
``pii_anon/eval_framework/datasets/generator.py``. This script loads that module from an
unzipped or installed pii-anon 1.3.0 (it has no dependencies), takes its ``_TEMPLATES`` and
``_FILLER_SENTENCES``, and fills the slots with OUR Faker values (several locales, valid card
and IBAN check digits) rather than pii-anon's own pools, recording exact spans. The
templates are not copied into this repository; the output JSONL is.

    .venv/bin/pip download pii-anon==1.3.0 --no-deps -d /tmp/x && \
        unzip -oq /tmp/x/pii_anon-1.3.0-py3-none-any.whl -d /tmp/x/pa
    .venv/bin/python tests/data/pii_sources/make_pii_anon_templates.py --pii-anon /tmp/x/pa
"""

from __future__ import annotations

import argparse
import collections
import importlib.util
import json
import random
import string
import sys
from pathlib import Path
from types import ModuleType

from faker import Faker

SEED = 20261202
HERE = Path(__file__).resolve().parent
OUT = HERE / "pii_anon_templates.jsonl"
SOURCE = "pii-anon-1.3.0-templates"
PER_TEMPLATE = 24

LOCALES = [
    ("en_US", 6),
    ("en_GB", 3),
    ("en_CA", 1),
    ("en_AU", 1),
    ("en_IE", 1),
    ("en_IN", 1),
    ("de_DE", 2),
    ("fr_FR", 2),
    ("es_ES", 2),
    ("it_IT", 2),
    ("nl_NL", 2),
    ("pt_PT", 1),
    ("pt_BR", 1),
    ("pl_PL", 1),
]

# pii-anon slot -> TrustDesk entity. Every other slot (org, emp_id, mrn, username, mac,
# api_key, auth_token, bank_account, routing_number, swift_bic, tax_id, national_id,
# visa_number, zip_code, nationality, salary, diagnosis, ...) is filled and left unlabelled.
ENTITY = {
    "name": "PERSON",
    "contact_name": "PERSON",
    "email": "EMAIL_ADDRESS",
    "email2": "EMAIL_ADDRESS",
    "phone": "PHONE_NUMBER",
    "phone2": "PHONE_NUMBER",
    "ssn": "US_SSN",
    "address": "ADDRESS",
    "dob": "DATE_OF_BIRTH",
    "ip": "IP_ADDRESS",
    "cc": "CREDIT_CARD",
    "iban": "IBAN_CODE",
    "passport": "PASSPORT",
}


def load_generator(arg: str | None) -> ModuleType:
    rel = Path("pii_anon/eval_framework/datasets/generator.py")
    candidates = [Path(arg) / rel, Path(arg)] if arg else []
    spec0 = importlib.util.find_spec("pii_anon")
    if spec0 and spec0.submodule_search_locations:
        candidates.append(Path(next(iter(spec0.submodule_search_locations))).parent / rel)
    for path in candidates:
        if path.is_file():
            spec = importlib.util.spec_from_file_location("pii_anon_generator", path)
            assert spec and spec.loader
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
            return module
    sys.exit("pii-anon generator.py not found: pass --pii-anon DIR (see the module docstring)")


class Values:
    def __init__(self, rng: random.Random, fakers: dict[str, Faker]) -> None:
        self.rng = rng
        self.locale = rng.choices([loc for loc, _ in LOCALES], [w for _, w in LOCALES])[0]
        self.f = fakers[self.locale]
        self.us = fakers["en_US"]
        self.cache: dict[str, str] = {}

    def digits(self, n: int) -> str:
        return "".join(self.rng.choice(string.digits) for _ in range(n))

    def name(self) -> str:
        f, r = self.f, self.rng
        first = f.first_name()
        if r.random() < 0.1:
            first += f" {r.choice('ABCDEFGHJKLMNPRSTW')}."
        return f"{first} {f.last_name()}"

    def value(self, slot: str, filler: object) -> str:
        # a slot repeated in one template (pii-anon's coreference cases) repeats its value
        if slot in self.cache:
            return self.cache[slot]
        f, r, us = self.f, self.rng, self.us
        if slot in ("name", "contact_name"):
            v = self.name()
        elif slot in ("email", "email2"):
            v = f.email()
        elif slot in ("phone", "phone2"):
            v = f.phone_number()
        elif slot == "ssn":
            v = us.ssn()
        elif slot == "address":
            v = f.address().replace("\n", ", ")
        elif slot == "dob":
            d = f.date_of_birth(minimum_age=18, maximum_age=90)
            v = d.strftime(r.choice(["%Y-%m-%d", "%d/%m/%Y", "%m/%d/%Y", "%d.%m.%Y", "%B %d, %Y"]))
        elif slot == "ip":
            v = f.ipv4_public() if r.random() < 0.85 else f.ipv6()
        elif slot == "cc":
            d = us.credit_card_number()
            v = d if r.random() < 0.4 else "-".join(d[i : i + 4] for i in range(0, len(d), 4))
        elif slot == "iban":
            v = f.iban()
            if r.random() < 0.5:
                v = " ".join(v[i : i + 4] for i in range(0, len(v), 4))
        elif slot == "passport":
            v = r.choice(
                [
                    self.digits(9),
                    r.choice(string.ascii_uppercase) + self.digits(8),
                    self.digits(2) + r.choice(["AB", "CD", "FE", "XK"]) + self.digits(5),
                    "".join(r.choice("CFGHJKLMNPRTVWXYZ0123456789") for _ in range(9)),
                ]
            )
        elif slot.startswith("filler"):
            words = 220 if "long" in slot else 80
            v = filler(r, words)  # type: ignore[operator]
        else:
            v = self.other(slot)
        self.cache[slot] = v
        return v

    def other(self, slot: str) -> str:
        f, r = self.f, self.rng
        simple = {
            "org": f.company,
            "job_title": self.us.job,
            "emp_id": lambda: f"EMP-{self.digits(5)}",
            "mrn": lambda: f"MRN-{self.digits(6)}",
            "insurance_id": lambda: f"HIN-{self.digits(6)}",
            "prescription": lambda: f"RX-{self.digits(8)}",
            "claim_id": lambda: self.digits(6),
            "case_id": lambda: f"CF-{self.digits(4)}-{self.digits(3)}",
            "username": f.user_name,
            "mac": f.mac_address,
            "api_key": lambda: (
                "sk-" + "".join(r.choices(string.ascii_letters + string.digits, k=32))
            ),
            "auth_token": lambda: (
                "eyJhbGciOiJIUzI1NiJ9."
                + "".join(r.choices(string.ascii_letters + string.digits, k=36))
            ),
            "device_id": lambda: self.digits(15),
            "bank_account": lambda: self.digits(r.choice([8, 10, 12])),
            "routing_number": lambda: self.digits(9),
            "swift_bic": f.swift8,
            "tax_id": lambda: f"{self.digits(2)}-{self.digits(7)}",
            "national_id": lambda: f"{self.digits(4)} {self.digits(4)} {self.digits(4)}",
            "visa_number": lambda: r.choice(string.ascii_uppercase) + self.digits(8),
            "drivers_license": lambda: r.choice(string.ascii_uppercase) + self.digits(12),
            "license_plate": f.license_plate,
            "vin": lambda: "".join(r.choices("ABCDEFGHJKLMNPRSTUVWXYZ0123456789", k=17)),
            "biometric_id": lambda: "BIO-FP-" + "".join(r.choices(string.ascii_lowercase, k=10)),
            "url_pii": lambda: f"https://example.com/users/{f.user_name()}?id={self.digits(4)}",
            "social_handle": lambda: "@" + f.user_name(),
            "crypto_wallet": lambda: "0x" + "".join(r.choices("0123456789abcdef", k=40)),
            "zip_code": f.postcode,
            "salary": lambda: f"${r.randint(40, 220)},{r.choice(['000', '500', '750'])}",
            "gender": lambda: r.choice(["Male", "Female", "Non-binary"]),
            "age": lambda: f"{r.randint(18, 95)} years old",
            "nationality": lambda: r.choice(["British", "German", "Brazilian", "Indian", "Polish"]),
            "diagnosis": lambda: r.choice(
                ["Hypertension Stage II", "Migraine with Aura", "Asthma"]
            ),
            "ethnic_origin": lambda: r.choice(["Asian", "Hispanic", "Caucasian", "Middle Eastern"]),
            "religious_belief": lambda: r.choice(["Christian", "Muslim", "Buddhist", "Hindu"]),
            "political_opinion": lambda: r.choice(["social democrat", "independent centrist"]),
            "location_coords": lambda: f"{r.uniform(-90, 90):.6f}, {r.uniform(-180, 180):.6f}",
        }
        if slot not in simple:
            raise KeyError(f"no value for slot {slot!r}")
        return str(simple[slot]())


def fill(template: str, vals: Values, filler: object) -> tuple[str, list[dict]]:
    text, spans = "", []
    for literal, field, _spec, _conv in string.Formatter().parse(template):
        text += literal
        if field is None:
            continue
        value = vals.value(field, filler)
        start = len(text)
        text += value
        assert text[start:] == value
        if field in ENTITY:
            spans.append({"start": start, "end": len(text), "entity": ENTITY[field]})
    return text, spans


def assign_splits(templates: list[dict], rng: random.Random) -> dict[str, str]:
    """Split by template, balanced on each template's rarest labelled entity."""
    counts: collections.Counter[str] = collections.Counter()
    ents_of = {}
    for t in templates:
        fields = {f for _, f, _, _ in string.Formatter().parse(t["template"]) if f}
        ents_of[t["id"]] = sorted({ENTITY[f] for f in fields if f in ENTITY})
        counts.update(ents_of[t["id"]])
    groups: dict[str, list[str]] = collections.defaultdict(list)
    for t in templates:
        ents = ents_of[t["id"]]
        groups[min(ents, key=lambda e: (counts[e], e)) if ents else "-"].append(t["id"])
    split, flip = {}, 0
    for key in sorted(groups):
        members = sorted(groups[key])
        rng.shuffle(members)
        for tid in members:
            split[tid] = ("dev", "final")[flip % 2]
            flip += 1
    return split


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pii-anon", help="unzipped pii-anon wheel (dir holding pii_anon/)")
    ap.add_argument("--out", default=str(OUT))
    args = ap.parse_args()

    gen = load_generator(args.pii_anon)
    sentences = list(gen._FILLER_SENTENCES)

    def filler(rng: random.Random, words: int) -> str:
        out: list[str] = []
        while sum(len(s.split()) for s in out) < words:
            out.append(rng.choice(sentences))
        return " ".join(out)

    fakers = {}
    for i, (loc, _) in enumerate(LOCALES):
        fakers[loc] = Faker(loc)
        fakers[loc].seed_instance(SEED + i)
    rng = random.Random(SEED)
    templates = list(gen._TEMPLATES)
    split_of = assign_splits(templates, random.Random(SEED + 1))

    records = []
    for t in templates:
        for _ in range(PER_TEMPLATE):
            vals = Values(rng, fakers)
            text, spans = fill(t["template"], vals, filler)
            records.append(
                {
                    "text": text,
                    "spans": spans,
                    "source": SOURCE,
                    "lang": "en",
                    "split": split_of[t["id"]],
                    "locale": vals.locale,
                    "template": t["id"],
                }
            )
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
            assert piece and piece == piece.strip(), (piece, r)
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
