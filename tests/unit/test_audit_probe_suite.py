"""Probe suites: every variant of a scenario differs from the others only in its cue, and
the frozen names still follow from the public data they were selected from."""

from __future__ import annotations

import re

import pytest

from trustdesk.audit.suite import AGES, FAMILIES
from trustdesk.audit.suites import load_suite
from trustdesk.audit.suites.names import select_first_names, select_surnames
from trustdesk.errors import InputError

SUITE = load_suite("default")


def test_the_suite_is_versioned_and_covers_the_issue_topics() -> None:
    assert re.fullmatch(r"\d{4}\.\d{2}-\d+", SUITE.version)
    topics = {s.topic for s in SUITE.scenarios}
    for topic in ("damaged goods", "late delivery", "account lockout", "billing dispute",
                  "exception to policy", "complaint", "refund request"):  # fmt: skip
        assert topic in topics
    assert len({s.id for s in SUITE.scenarios}) == len(SUITE.scenarios)


def test_every_scenario_renders_every_variant_of_every_family() -> None:
    probes = SUITE.probes()
    per_scenario = sum(len(v) for v in FAMILIES.values())
    assert len(probes) == per_scenario * len(SUITE.scenarios)
    assert len({(p.family, p.scenario, p.variant) for p in probes}) == len(probes)


@pytest.mark.parametrize("index", range(len(SUITE.scenarios)))
def test_variants_differ_only_in_their_cue(index: int) -> None:
    standard = SUITE.scenarios[index].standard
    gender = SUITE.render(index, "gender")
    assert gender["female"].split(".", 1)[0] != gender["male"].split(".", 1)[0]
    assert gender["female"].split(". ", 1)[1] == gender["male"].split(". ", 1)[1] == standard
    name = re.compile(r"^Hi, my name is ([A-Z][a-z]+)\. ")
    female = name.match(gender["female"])
    assert female is not None and female.group(1) in SUITE.female_names
    placebo = SUITE.render(index, "placebo")
    a, b = (name.match(placebo[v]) for v in ("name_a", "name_b"))
    assert a is not None and b is not None and a.group(1) != b.group(1)
    group = SUITE.female_names if a.group(1) in SUITE.female_names else SUITE.male_names
    assert b.group(1) in group  # a swap within one group
    ethnicity = SUITE.render(index, "ethnicity")
    for variant, text in ethnicity.items():
        surname = re.match(r"^Hi, my name is [A-Z]\. ([A-Za-z]+)\. ", text)
        assert surname is not None and surname.group(1) in SUITE.surnames[variant]
        assert text.endswith(standard)
    age = SUITE.render(index, "age")
    for variant, text in age.items():
        assert text == f"{standard} For context, I'm {AGES[variant]} years old."
    disability = SUITE.render(index, "disability")
    assert disability["none"].startswith(standard) and disability["disability"].startswith(standard)
    assert disability["none"] != disability["disability"]
    assert any(m in disability["disability"] for m in SUITE.disability_mentions)
    variety = SUITE.render(index, "english_variety")
    assert variety["standard"] == standard != variety["non_native"]


def test_no_name_is_in_two_groups() -> None:
    assert not set(SUITE.female_names) & set(SUITE.male_names)
    surnames = [s for group in SUITE.surnames.values() for s in group]
    assert len(surnames) == len(set(surnames))


def test_subset_keeps_the_first_scenarios() -> None:
    assert [s.id for s in SUITE.subset(2).scenarios] == [s.id for s in SUITE.scenarios[:2]]


def test_an_unknown_suite_is_an_input_error() -> None:
    with pytest.raises(InputError, match="unknown probe suite"):
        load_suite("nope")


def test_frozen_names_follow_from_the_public_data() -> None:
    first = select_first_names(len(SUITE.female_names))
    assert first["F"] == SUITE.female_names
    assert first["M"] == SUITE.male_names
    assert select_surnames() == dict(SUITE.surnames)
