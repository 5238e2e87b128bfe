"""A running system picks up a knowledge base ingested elsewhere, on a real database, and a
policy of one's own never falls back to the demo knowledge base."""

from __future__ import annotations

from pathlib import Path

import pytest

from trustdesk.composition import System, build, ingest_knowledge
from trustdesk.errors import ConfigurationError
from trustdesk.policy.loader import bundled_policy_path
from trustdesk.settings import Settings

BIKESHOP_KB = Path(__file__).resolve().parents[1] / "data" / "kb_bikeshop"


def _sources(system: System) -> set[str]:
    return {p.source.split("#")[0] for p in system.index.passages}


def test_a_new_ingest_is_swapped_into_every_user_and_the_next_turn_answers_from_it(
    system: System,
) -> None:
    service, desk = system.service, system.desk
    assert "e-bike-batteries.md" not in _sources(system)
    assert system.refresh_knowledge() is False  # nothing new
    old_index = system.index

    ingest_knowledge(system.engine, BIKESHOP_KB)  # as `trustdesk kb ingest` elsewhere would
    assert system.refresh_knowledge() is True
    assert system.index is not old_index and "e-bike-batteries.md" in _sources(system)
    assert service.pipeline is system.pipeline and service.backend is system.backend
    assert desk.pipeline is system.pipeline and desk.backend is system.backend
    assert system.feedback.pipeline is system.pipeline
    assert system.incidents.pipeline is system.pipeline
    conversation = service.start().conversation.id
    outcome = service.handle_turn(conversation, "How long does an e-bike battery last?")
    assert outcome.reply is not None and outcome.reply.citations
    assert outcome.reply.citations[0]["source"].startswith("e-bike-batteries.md")

    assert system.refresh_knowledge() is False  # the same version again: nothing to do
    ingest_knowledge(system.engine, BIKESHOP_KB)  # the same files: the same version
    assert system.refresh_knowledge() is False


def test_a_version_that_cannot_be_loaded_leaves_the_one_in_use_serving(
    system: System, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    import trustdesk.composition as composition

    system.service  # noqa: B018 - loaded
    in_use = system.index

    def broken(*args: object, **kwargs: object) -> None:
        raise MemoryError("no room")

    ingest_knowledge(system.engine, BIKESHOP_KB)
    with monkeypatch.context() as patched:
        patched.setattr(composition, "PassageIndex", broken)
        assert system.refresh_knowledge() is False
    assert system.index is in_use and system.service.pipeline is system.pipeline
    assert "not loaded: MemoryError" in caplog.text and "no room" not in caplog.text
    assert system.refresh_knowledge() is False  # not tried again until the next ingest

    hours = Path(system.settings.key_file).parent / "kb"
    hours.mkdir()
    (hours / "hours.md").write_text("# Hours\n\n## When are you open?\nEvery day, 8 to 20.\n")
    ingest_knowledge(system.engine, hours)
    assert system.refresh_knowledge() is True and _sources(system) == {"hours.md"}


def test_nothing_is_loaded_before_the_first_use(system: System) -> None:
    bare = build(system.settings, system.policy, engine=system.engine)  # nothing loaded yet
    try:
        ingest_knowledge(system.engine, BIKESHOP_KB)
        assert bare.refresh_knowledge() is False and "index" not in bare.__dict__
        assert "e-bike-batteries.md" in _sources(bare)  # the first use loads the newest
    finally:
        bare.close()


def test_a_policy_of_ones_own_on_an_empty_database_stops_the_server_instead_of_the_demo(
    settings: Settings, tmp_path: Path
) -> None:
    from trustdesk.web.server import prepare

    own = tmp_path / "own.yaml"
    text = bundled_policy_path().read_text(encoding="utf-8")
    own.write_text(text.replace("Alder & Finch", "Spoke & Chain Cycles"), encoding="utf-8")
    database = settings.model_copy(update={"database_url": f"sqlite:///{tmp_path}/own.db"})
    with pytest.raises(ConfigurationError, match="kb ingest"):
        prepare(database, own, None)
    mine = prepare(database, own, BIKESHOP_KB)
    try:
        assert "e-bike-batteries.md" in _sources(mine) and not mine.serves_demo
    finally:
        mine.close()
    demo = prepare(
        settings.model_copy(update={"database_url": f"sqlite:///{tmp_path}/demo.db"}), None, None
    )
    try:
        assert demo.serves_demo and len(demo.index.passages) > 50  # the demo, on its own policy
    finally:
        demo.close()
