"""Guards: small checks built once from the policy, run as a pipeline around every turn."""

from trustdesk.guards.base import Finding, Guard, GuardContext, Route, Verdict
from trustdesk.guards.pipeline import GuardPipeline, StageResult
from trustdesk.guards.registry import build_pipeline, build_redactor

__all__ = [
    "Finding",
    "Guard",
    "GuardContext",
    "GuardPipeline",
    "Route",
    "StageResult",
    "Verdict",
    "build_pipeline",
    "build_redactor",
]
