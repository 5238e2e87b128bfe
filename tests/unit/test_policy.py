from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from trustdesk.errors import PolicyError
from trustdesk.policy.loader import bundled_policy_path, load_policy, parse_policy

BUNDLED = bundled_policy_path().read_text(encoding="utf-8")


def _problems(text: str) -> list[str]:
    with pytest.raises(PolicyError) as caught:
        parse_policy(text, "policy.yaml")
    return caught.value.problems


def test_bundled_policy_is_valid_and_versioned() -> None:
    loaded = load_policy(bundled_policy_path())
    assert loaded.version.startswith("sha256:") and len(loaded.version) == 71
    assert loaded.policy.limits.max_message_chars == 4000


def test_version_ignores_comments_and_key_order_but_not_content() -> None:
    data = yaml.safe_load(BUNDLED)
    reordered = yaml.safe_dump(dict(reversed(list(data.items()))), sort_keys=False)
    base = parse_policy(BUNDLED).version
    assert parse_policy("# a comment\n" + reordered).version == base
    data["limits"]["max_message_chars"] = 3999
    assert parse_policy(yaml.safe_dump(data)).version != base


def test_unknown_field_is_an_error_with_line_and_dotted_field() -> None:
    text = BUNDLED.replace("  max_message_chars: 4000", "  max_message_chars: 4000\n  max_turns: 9")
    line = text.splitlines().index("  max_turns: 9") + 1
    [problem] = _problems(text)
    assert problem.startswith(f"line {line}, field limits.max_turns:")
    assert "Extra inputs are not permitted" in problem


def test_every_error_is_reported_not_just_the_first() -> None:
    text = BUNDLED.replace("max_message_chars: 4000", "max_message_chars: -1").replace(
        "confidence_threshold: 0.25", "confidence_threshold: 7"
    )
    problems = _problems(text)
    assert any("limits.max_message_chars" in p for p in problems)
    assert any("assistant.confidence_threshold" in p for p in problems)


def test_missing_section_names_the_field() -> None:
    data = yaml.safe_load(BUNDLED)
    del data["handoff"]
    assert any("field handoff: Field required" in p for p in _problems(yaml.safe_dump(data)))


def test_unknown_pii_entity_and_bad_regex_are_refused() -> None:
    text = BUNDLED.replace("    - IP_ADDRESS\n", "    - IP_ADDRESS\n    - SHOE_SIZE\n").replace(
        "extra_phrases: []", "extra_phrases: ['(unclosed']"
    )
    problems = "\n".join(_problems(text))
    assert "privacy.redact_entities" in problems and "SHOE_SIZE" in problems
    assert "handoff.extra_phrases" in problems and "regular expression" in problems


def test_yaml_syntax_error_names_the_line() -> None:
    [problem] = _problems("policy_name: x\norganization: [unclosed\n")
    assert problem.startswith("line ") and "YAML syntax error" in problem


def test_missing_file_is_a_policy_error(tmp_path: Path) -> None:
    with pytest.raises(PolicyError, match="file not found"):
        load_policy(tmp_path / "nope.yaml")


def test_non_mapping_document_is_refused() -> None:
    assert _problems("- just\n- a list\n") == ["line 1: the policy must be a mapping of sections"]
