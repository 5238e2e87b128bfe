"""The policy file: schema, loader and version."""

from trustdesk.policy.loader import (
    LoadedPolicy,
    bundled_policy_path,
    load_policy,
    parse_policy,
    policy_version,
)
from trustdesk.policy.schema import Policy

__all__ = [
    "LoadedPolicy",
    "Policy",
    "bundled_policy_path",
    "load_policy",
    "parse_policy",
    "policy_version",
]
