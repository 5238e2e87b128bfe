"""The dependency rule (docs/architecture.md), light package imports, and one error root."""

from __future__ import annotations

import configparser
import importlib
import importlib.util
import inspect
import json
import pkgutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

import trustdesk
from trustdesk.errors import TrustDeskError
from trustdesk.policy.entities import BUILT_IN_ENTITIES
from trustdesk.privacy.recognizers import RECOGNIZER_FACTORIES

ROOT = Path(__file__).resolve().parents[2]
CONFIG = ROOT / ".importlinter"
# DESIGN.md: these import neither FastAPI nor a database session. assistant is held to it too.
DOMAIN_PACKAGES = (
    "policy",
    "language",
    "guards",
    "privacy",
    "conversation",
    "ledger",
    "audit",
    "monitor",
)
HEAVY = frozenset({"numpy", "phonenumbers", "bm25s", "sqlalchemy", "fastapi"})


def test_import_contracts_are_kept() -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "from importlinter.cli import lint_imports_command; lint_imports_command()",
            "--no-cache",
            str(CONFIG),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    "contract", ["domain-no-web-no-database", "domain-no-edges"], ids=lambda c: c
)
def test_every_existing_domain_package_is_bound_by_the_contract(contract: str) -> None:
    parser = configparser.ConfigParser()
    parser.read(CONFIG, encoding="utf-8")
    listed = set(parser[f"importlinter:contract:{contract}"]["source_modules"].split())
    existing = {
        f"trustdesk.{name}"
        for name in DOMAIN_PACKAGES
        if importlib.util.find_spec(f"trustdesk.{name}") is not None
    }
    assert existing - listed == set(), f"add to {contract} in .importlinter"


def _heavy_modules_after_importing(module: str) -> list[str]:
    probe = f"import json, sys, {module}; print(json.dumps(sorted(set(sys.modules))))"
    result = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    return sorted(HEAVY & set(json.loads(result.stdout)))


@pytest.mark.parametrize(
    "module",
    [
        "trustdesk",
        "trustdesk.errors",
        "trustdesk.settings",
        "trustdesk.events",
        "trustdesk.policy",
        "trustdesk.policy.entities",
        "trustdesk.policy.schema",
        "trustdesk.policy.loader",
        "trustdesk.privacy",
        "trustdesk.privacy.consent",
        "trustdesk.privacy.spans",
        "trustdesk.privacy.vault",
        "trustdesk.assistant",
        "trustdesk.assistant.base",
        "trustdesk.conversation",
        "trustdesk.conversation.ports",
        "trustdesk.guards",
        "trustdesk.guards.base",
        "trustdesk.guards.pipeline",
        "trustdesk.privacy.placeholders",
        "trustdesk.conversation.turn",
    ],
)
def test_light_module_pulls_in_no_heavy_package(module: str) -> None:
    assert _heavy_modules_after_importing(module) == [], f"importing {module} pulls these in"


def test_store_package_pulls_in_no_detector_or_retrieval() -> None:
    assert set(_heavy_modules_after_importing("trustdesk.store")) <= {"sqlalchemy"}


def test_policy_vocabulary_is_the_recognizer_registry_in_order() -> None:
    assert tuple(RECOGNIZER_FACTORIES) == BUILT_IN_ENTITIES


@pytest.fixture(scope="module")
def trustdesk_modules() -> tuple[list[ModuleType], dict[str, str]]:
    """Every module under src/trustdesk, imported, and those that failed to import."""
    modules: list[ModuleType] = [trustdesk]
    failures: dict[str, str] = {}

    def failed(name: str) -> None:  # called inside walk_packages' except block
        failures[name] = repr(sys.exc_info()[1])

    for info in pkgutil.walk_packages(trustdesk.__path__, "trustdesk.", onerror=failed):
        try:
            modules.append(importlib.import_module(info.name))
        except Exception:
            failed(info.name)
    return modules, failures


def test_every_module_imports(trustdesk_modules: tuple[list[ModuleType], dict[str, str]]) -> None:
    _, failures = trustdesk_modules
    assert failures == {}


def test_every_exception_class_derives_from_trustdesk_error(
    trustdesk_modules: tuple[list[ModuleType], dict[str, str]],
) -> None:
    modules, _ = trustdesk_modules
    defined = [
        cls
        for module in modules
        for _, cls in inspect.getmembers(module, inspect.isclass)
        if cls.__module__ == module.__name__ and issubclass(cls, BaseException)
    ]
    assert len(defined) > 10  # the walk found the error classes at all
    outside = sorted(
        f"{cls.__module__}.{cls.__qualname__}"
        for cls in defined
        if not issubclass(cls, TrustDeskError)
    )
    assert outside == []
