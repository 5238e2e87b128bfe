"""Load a policy file, validate it, and explain every problem with file, line and field."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from trustdesk.errors import PolicyError
from trustdesk.policy.schema import Policy

BUNDLED_POLICY = "default_policy.yaml"


@dataclass(frozen=True, slots=True)
class LoadedPolicy:
    """A validated policy with where it came from and its version."""

    policy: Policy
    source: str
    version: str


def policy_version(policy: Policy) -> str:
    """A hash of the policy's canonical form: key order, comments and layout do not change it."""
    canonical = json.dumps(policy.model_dump(mode="json"), sort_keys=True, separators=(",", ":"))
    return "sha256:" + hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def bundled_policy_path() -> Path:
    return Path(str(resources.files("trustdesk.policy").joinpath(BUNDLED_POLICY)))


def load_policy(path: Path | str) -> LoadedPolicy:
    """Read and validate a policy file; raise PolicyError listing every problem."""
    path = Path(path)
    source = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise PolicyError(source, ["file not found"]) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise PolicyError(source, [f"cannot read file: {exc.__class__.__name__}"]) from None
    return parse_policy(text, source)


def parse_policy(text: str, source: str = "<policy>") -> LoadedPolicy:
    """Validate policy YAML text. Errors name the source, line and dotted field path."""
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise PolicyError(source, [f"{where}YAML syntax error: {problem}"]) from None
    if not isinstance(data, dict):
        raise PolicyError(source, ["line 1: the policy must be a mapping of sections"])
    lines = _line_index(node)
    try:
        policy = Policy.model_validate(data)
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            loc = tuple(err["loc"])
            field = ".".join(str(p) for p in loc) or "(root)"
            problems.append(f"line {_nearest_line(lines, loc)}, field {field}: {err['msg']}")
        raise PolicyError(source, problems) from None
    return LoadedPolicy(policy=policy, source=source, version=policy_version(policy))


def _line_index(node: yaml.Node | None) -> dict[tuple[Any, ...], int]:
    """Map each key path in the YAML document to its 1-based line."""
    index: dict[tuple[Any, ...], int] = {}

    def walk(n: yaml.Node, path: tuple[Any, ...]) -> None:
        index[path] = n.start_mark.line + 1
        if isinstance(n, yaml.MappingNode):
            for key, value in n.value:
                child = (*path, key.value)
                index[child] = key.start_mark.line + 1
                walk(value, child)
                index[child] = key.start_mark.line + 1
        elif isinstance(n, yaml.SequenceNode):
            for i, item in enumerate(n.value):
                walk(item, (*path, i))

    if node is not None:
        walk(node, ())
    return index


def _nearest_line(index: dict[tuple[Any, ...], int], loc: tuple[Any, ...]) -> int:
    """The line of the field, or of its closest existing parent (for a missing field)."""
    for cut in range(len(loc), -1, -1):
        if loc[:cut] in index:
            return index[loc[:cut]]
    return 1
