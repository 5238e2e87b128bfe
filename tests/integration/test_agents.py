"""Staff see placeholders; allowed roles reveal originals, and every reveal is recorded."""

from __future__ import annotations

import pytest

from trustdesk.composition import System
from trustdesk.errors import AuthError, ConflictError, ForbiddenError, InputError, StoreError

EMAIL = "reveal.me@example.net"


@pytest.fixture
def conversation_id(system: System) -> str:
    """A conversation handed to a person, with personal data in it."""
    conv = system.service.start(customer_ref="acct-r").conversation
    system.service.handle_turn(conv.id, f"please write to {EMAIL}")
    system.service.request_handoff(conv.id)
    return conv.id


ROLES = ("agent", "supervisor", "privacy_officer", "auditor", "admin")
# Who may read a transcript (with placeholders), by the conversation's status.
MAY_READ = {
    "ai_active": {"supervisor", "privacy_officer"},
    "handoff_requested": {"agent", "supervisor", "privacy_officer"},
}


@pytest.mark.parametrize("status", sorted(MAY_READ))
def test_every_role_against_every_transcript(system: System, status: str) -> None:
    conv = system.service.start(customer_ref="acct-m").conversation
    system.service.handle_turn(conv.id, f"please write to {EMAIL}")
    if status == "handoff_requested":
        system.service.request_handoff(conv.id)
    for role in ROLES:
        member = system.agents.authenticate(system.agents.add_staff(f"{role}-{status}", role))
        if role in MAY_READ[status]:
            _, messages = system.agents.view(member, conv.id)
            assert EMAIL not in str(messages)
        else:
            with pytest.raises(ForbiddenError):
                system.agents.view(member, conv.id)
        may_reveal = role in system.policy.policy.privacy.reveal_roles
        if may_reveal and role in MAY_READ[status]:
            revealed, _ = system.agents.reveal(member, conv.id, "customer disputes an address")
            assert EMAIL in str(revealed)
        else:
            with pytest.raises(ForbiddenError):
                system.agents.reveal(member, conv.id, "customer disputes an address")
    recorded = system.agents.staff.reveals(conv.id)
    assert {r["role"] for r in recorded} == {"supervisor", "privacy_officer"}


def test_a_reveal_that_cannot_be_recorded_shows_nothing(
    system: System, conversation_id: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    lead = system.agents.authenticate(system.agents.add_staff("kim", "supervisor"))

    def broken(*args: object, **kwargs: object) -> None:
        raise StoreError("the reveal log is unavailable")

    monkeypatch.setattr(system.agents.staff, "record_reveal", broken)
    with pytest.raises(StoreError):
        system.agents.reveal(lead, conversation_id, "Customer disputes the refund address")


def test_agents_see_placeholders_by_default(system: System, conversation_id: str) -> None:
    agent = system.agents.authenticate(system.agents.add_staff("sam", "agent"))
    _, messages = system.agents.view(agent, conversation_id)
    assert "please write to [EMAIL_ADDRESS_1]" in [m.text for m in messages]
    assert EMAIL not in str(messages)


def test_a_role_not_in_the_policy_may_not_reveal(system: System, conversation_id: str) -> None:
    agent = system.agents.authenticate(system.agents.add_staff("sam", "agent"))
    with pytest.raises(ForbiddenError, match="may not reveal"):
        system.agents.reveal(agent, conversation_id, "customer asked me to check the address")
    assert system.agents.staff.reveals(conversation_id) == []


def test_an_allowed_reveal_is_recorded_with_who_why_and_what(
    system: System, conversation_id: str
) -> None:
    lead = system.agents.authenticate(system.agents.add_staff("kim", "supervisor"))
    with pytest.raises(InputError, match="say why"):
        system.agents.reveal(lead, conversation_id, "because")
    messages, revealed = system.agents.reveal(
        lead, conversation_id, "Customer disputes the refund address"
    )
    assert f"please write to {EMAIL}" in [m.text for m in messages]
    assert revealed == ["[EMAIL_ADDRESS_1]"]
    [record] = system.agents.staff.reveals(conversation_id)
    assert record["staff_name"] == "kim" and record["role"] == "supervisor"
    assert record["placeholders"] == ["[EMAIL_ADDRESS_1]"]
    assert record["reason"] == "Customer disputes the refund address"
    # The customer's export says that their details were revealed, and why.
    [conv] = system.privacy.export(system.privacy.resolve("acct-r")).to_json()["conversations"]
    assert conv["reveals"][0]["reason"] == "Customer disputes the refund address"


def test_bad_and_disabled_tokens_and_duplicate_names_are_refused(system: System) -> None:
    token = system.agents.add_staff("ola", "agent")
    with pytest.raises(ConflictError):
        system.agents.add_staff("ola", "agent")
    with pytest.raises(InputError):
        system.agents.add_staff("Bad Name", "agent")
    with pytest.raises(AuthError):
        system.agents.authenticate("not-a-token")
    assert system.agents.staff.disable("ola", system.agents.clock())
    with pytest.raises(AuthError):
        system.agents.authenticate(token)
