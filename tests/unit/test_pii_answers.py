"""Values answered, in a transcript or a chat log, to a question that names them
(trustdesk.privacy.answers)."""

from __future__ import annotations

import pytest

from trustdesk.privacy.answers import AnswerRecognizer

ENTITIES = ("CARD_SECURITY_CODE", "CARD_EXPIRY", "DATE_OF_BIRTH", "SECRET")


def _found(text: str) -> list[tuple[str, str]]:
    return [(text[s.start : s.end], s.entity) for s in AnswerRecognizer(ENTITIES).find(text)]


@pytest.mark.parametrize(
    ("text", "value", "entity"),
    [
        ("Agent: And the CVV? Caller: four one seven", "four one seven", "CARD_SECURITY_CODE"),
        (
            "[00:01:02] Agent: What's the expiry date? [00:01:04] Caller: um, oh three twenty "
            "eight",
            "oh three twenty eight",
            "CARD_EXPIRY",
        ),
        (
            "Conseiller : votre date de naissance ?\nClient : le douze mars soixante-dix\n",
            "le douze mars soixante-dix",
            "DATE_OF_BIRTH",
        ),
        ("Agent: mother's maiden name?\nCaller: Ferreira, thanks", "Ferreira", "SECRET"),
        ("Agent: and the security word\nCustomer: it's lighthouse", "lighthouse", "SECRET"),
        ("Agent: Ihr Geburtsdatum bitte?\nAnruferin: dritter Mai", "dritter Mai", "DATE_OF_BIRTH"),
    ],
)
def test_the_answer_to_a_question_naming_a_value_is_that_value(
    text: str, value: str, entity: str
) -> None:
    assert (value, entity) in _found(text)


@pytest.mark.parametrize(
    "text",
    [
        "Agent: And the CVV? Caller: hang on, let me find the card",
        "Agent: date of birth? Caller: why do you need that?",
        "Agent: password? Caller: I don't remember it at all",
        # a story that mentions a password, then the agent's answer
        "Customer: I reset my password twice this morning and it still says the account is "
        "locked for some reason\nAgent: I'll send you a new reset link now",
        # in Indian English a pin code is a postcode
        "Agent: can I have the pin code please\nCustomer: six double zero, zero four zero",
        # no speaker labels: other recognizers read such text
        "CVV? 417",
        "Agent: What's the order number? Caller: A B C one two three",
    ],
)
def test_no_value_where_the_answer_is_none_or_nothing_was_asked(text: str) -> None:
    assert _found(text) == []
