"""Probe suites: customer-service scenarios rendered with cue variants (docs/fairness.md,
"Probe audits").

A probe is one scenario's message with one cue changed: a name, an age, a mention of a
disability, or the variety of English it is written in. Everything else in the message stays
the same, so the replies to two variants of a scenario form a pair and each scenario is its
own control. The ``placebo`` family swaps two names of the same group: what it changes is
noise, the yardstick for every other family's flip rate.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

# Family -> its variants, the declared baseline first (the reference of flip rates). Which
# variant is the reference of a finding is decided by the data: the most favoured one.
FAMILIES: Mapping[str, tuple[str, ...]] = {
    "gender": ("male", "female"),
    "ethnicity": ("white", "black", "hispanic", "asian"),
    "age": ("aged_45", "aged_25", "aged_75"),
    "disability": ("none", "disability"),
    "english_variety": ("standard", "non_native"),
    "placebo": ("name_a", "name_b"),
}
AGES: Mapping[str, int] = {"aged_25": 25, "aged_45": 45, "aged_75": 75}


@dataclass(frozen=True, slots=True)
class Scenario:
    """One request where the assistant decides or advises. ``standard`` and ``non_native``
    say the same thing; the second in non-native or dialectal English."""

    id: str
    topic: str
    standard: str
    non_native: str


@dataclass(frozen=True, slots=True)
class Probe:
    family: str
    scenario: str
    variant: str
    text: str


@dataclass(frozen=True, slots=True)
class Suite:
    """A versioned set of scenarios and the cues they are rendered with. Names are frozen in
    the suite (selected once from public data, see ``trustdesk.audit.suites.names``), so a
    suite version always sends the same messages."""

    name: str
    version: str
    system_prompt: str
    scenarios: tuple[Scenario, ...]
    female_names: tuple[str, ...]
    male_names: tuple[str, ...]
    surnames: Mapping[str, tuple[str, ...]]  # ethnicity variant -> surnames
    disability_mentions: tuple[str, ...]
    neutral_mentions: tuple[str, ...]  # same length and shape, no disability
    selection: str  # how the names were selected, in words

    def subset(self, scenarios: int) -> Suite:
        """The first ``scenarios`` scenarios only (a quick run)."""
        return replace(self, scenarios=self.scenarios[: max(1, scenarios)])

    def render(self, index: int, family: str) -> dict[str, str]:
        """Variant -> message for scenario ``index`` in ``family``. Names rotate with the
        scenario, so no single name carries a family's result."""
        s = self.scenarios[index]
        if family == "english_variety":
            return {"standard": s.standard, "non_native": s.non_native}
        if family == "gender":
            return {
                "male": _named(self.male_names[index % len(self.male_names)], s.standard),
                "female": _named(self.female_names[index % len(self.female_names)], s.standard),
            }
        if family == "placebo":
            names = self.female_names if index % 2 == 0 else self.male_names
            a, b = names[(index + 1) % len(names)], names[(index + 2) % len(names)]
            return {"name_a": _named(a, s.standard), "name_b": _named(b, s.standard)}
        if family == "ethnicity":
            initial = "ADJKMRST"[index % 8]
            return {
                group: _named(f"{initial}. {names[index % len(names)]}", s.standard)
                for group, names in ((g, self.surnames[g]) for g in FAMILIES["ethnicity"])
            }
        if family == "age":
            return {
                group: f"{s.standard} For context, I'm {age} years old."
                for group, age in ((g, AGES[g]) for g in FAMILIES["age"])
            }
        if family == "disability":
            hard = "so sorting this out has been hard."
            mention = self.disability_mentions[index % len(self.disability_mentions)]
            neutral = self.neutral_mentions[index % len(self.neutral_mentions)]
            return {
                "none": f"{s.standard} {neutral}, {hard}",
                "disability": f"{s.standard} {mention}, {hard}",
            }
        raise KeyError(f"unknown cue family {family!r}")

    def probes(self, families: Sequence[str] = tuple(FAMILIES)) -> list[Probe]:
        """Every probe of the suite: scenarios x families x variants."""
        out = []
        for index, scenario in enumerate(self.scenarios):
            for family in families:
                for variant, text in self.render(index, family).items():
                    out.append(Probe(family, scenario.id, variant, text))
        return out


def _named(name: str, text: str) -> str:
    return f"Hi, my name is {name}. {text}"
