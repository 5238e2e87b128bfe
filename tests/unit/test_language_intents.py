"""Bot questions, requests for a person and answers to the offer of a person, in seven
languages. Phrasings here are written for these tests; the evaluation sets are separate
(tests/unit/test_guard_evaluation.py)."""

from __future__ import annotations

import pytest

from trustdesk.language.intents import (
    OfferAnswer,
    bot_question,
    offer_answer,
    offers_person,
    person_request,
)

BOT_QUESTIONS = {
    "en": [
        "are you a bot?",
        "Is this automated?",
        "are you ChatGPT?",
        "r u an LLM",
        "You're a bot, aren't you?",
        "are yuo a bot",
        "am I chatting with a real human right now?",
        "who am I talking to?",
        "Is a person reading this or a machine?",
    ],
    "fr": ["Es-tu un robot ?", "Est-ce que je parle à un humain ?", "vous êtes une IA ?"],
    "de": ["Bist du ein Bot?", "Spreche ich mit einem echten Menschen?", "Sind Sie eine KI?"],
    "es": ["¿Eres un robot?", "¿Estoy hablando con una persona real?", "¿es usted una IA?"],
    "it": ["Sei un bot?", "Sto parlando con una persona vera?", "sei un'intelligenza artificiale?"],
    "nl": ["Ben je een robot?", "Praat ik met een echt mens?", "Bent u een chatbot?"],
    "pt": ["Você é um robô?", "Estou falando com uma pessoa de verdade?", "vc é uma IA?"],
}
BOT_LOOKALIKES = [
    "Is this machine washable?",
    "is this a real leather bag?",
    "Do you sell robot vacuums?",
    "Is the discount real or a mistake?",
    "Ce pull passe-t-il en machine ?",
    "Ist das Leder echt?",
    "¿La mesa es de madera real?",
]
REQUESTS = {
    "en": [
        "I want to talk to a human",
        "escalate",
        "let me speak to your boss",
        "This is not working, let me talk to a human",
        "agent please",
        "can someone from your team call me back?",
        "Put me through to customer service",
        "i wnat to tlak to a humna",
    ],
    "fr": ["Je veux parler à un conseiller", "passez-moi quelqu'un svp", "un humain, vite"],
    "de": ["Ich möchte mit einem Mitarbeiter sprechen", "Verbinden Sie mich mit einem Menschen"],
    "es": ["Quiero hablar con un agente", "pásame con una persona, por favor"],
    "it": ["Vorrei parlare con un operatore", "passami un operatore"],
    "nl": ["Ik wil een medewerker spreken", "Verbind me door met een mens"],
    "pt": ["Quero falar com um atendente", "me passa para um humano, por favor"],
}
REQUEST_LOOKALIKES = [
    "no need for a human, how do refunds work?",
    "I don't want to talk to a person, just tell me the return window",
    "Your agent Tom was very helpful yesterday",
    "Can another person collect my parcel?",
    "Do your staff assemble the furniture?",
    "Is customer service open on Mondays?",
    "Je ne veux pas parler à un conseiller, dites-moi juste le délai",
    "Kann ich das Paket an eine andere Person schicken?",
]


@pytest.mark.parametrize(
    ("language", "text"), [(lang, t) for lang, texts in BOT_QUESTIONS.items() for t in texts]
)
def test_bot_questions_are_recognised_in_their_language(language: str, text: str) -> None:
    match = bot_question(text)
    assert match is not None
    assert match.language in (language, "")  # "" : a rule of every language matched


@pytest.mark.parametrize("text", BOT_LOOKALIKES)
def test_questions_that_only_look_like_bot_questions_are_not(text: str) -> None:
    assert bot_question(text) is None


@pytest.mark.parametrize(
    ("language", "text"), [(lang, t) for lang, texts in REQUESTS.items() for t in texts]
)
def test_requests_for_a_person_are_recognised(language: str, text: str) -> None:
    match = person_request(text)
    assert match is not None and match.sure
    assert match.language == language


@pytest.mark.parametrize("text", REQUEST_LOOKALIKES)
def test_look_alikes_are_not_requests(text: str) -> None:
    match = person_request(text)
    assert match is None or not match.sure


def test_negation_applies_only_within_its_clause() -> None:
    assert person_request("I don't want a bot, I want a human") is not None
    assert person_request("I don't want a human") is None
    assert person_request("It's not working. Let me talk to a human.") is not None


def test_a_bot_question_is_not_a_request() -> None:
    assert person_request("am I talking to a person?") is None


def test_an_unclear_request_is_unsure() -> None:
    match = person_request("are there any humans around?")
    assert match is not None and not match.sure


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("yes", "en"),
        ("yes please", "en"),
        ("ok", "en"),
        ("sure, thanks", "en"),
        ("yes, as soon as possible", "en"),
        ("oui", "fr"),
        ("ja bitte", "de"),
        ("sí, por favor", "es"),
        ("sì, volentieri", "it"),
        ("ja graag", "nl"),
        ("sim, por favor", "pt"),
        ("👍", "en"),
    ],
)
def test_yes_to_the_offer_in_seven_languages(text: str, language: str) -> None:
    assert offer_answer(text) == (OfferAnswer.YES, language)


@pytest.mark.parametrize(
    "text", ["no", "no thanks", "nope, what about shipping?", "non merci", "nein danke", "nee"]
)
def test_no_to_the_offer(text: str) -> None:
    answer = offer_answer(text)
    assert answer is not None and answer[0] == OfferAnswer.NO


@pytest.mark.parametrize(
    "text",
    [
        "yes but how long does delivery take?",
        "ok no thanks",
        "what are your hours?",
        "Please let me know what the next steps are for my return.",
        "Sure, I tried again this morning with the same result and nothing changed at all",
    ],
)
def test_a_yes_that_turns_or_asks_is_not_a_yes(text: str) -> None:
    answer = offer_answer(text)
    assert answer is None or answer[0] != OfferAnswer.YES


def test_the_assistants_own_offer_is_recognised() -> None:
    assert offers_person("I'm not sure. Would you like me to pass this to a person?")
    assert offers_person("Voulez-vous que je transmette votre demande à un conseiller ?")
    assert not offers_person("Returns are free within 30 days.")


# Written fresh for the families dev7 showed missing (not copied from it): a grudging or
# conditional yes, "why not", "that would be …"; being put through to a department; preferring
# a person; the person typing; "b o t" spelled out.
@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("why not", "en"),
        ("if possible, yes", "en"),
        ("pourquoi pas", "fr"),
        ("ce serait parfait, merci", "fr"),
        ("warum nicht", "de"),
        ("na gut, meinetwegen", "de"),
        ("¿por qué no?", "es"),
        ("perché no", "it"),
        ("sarebbe utile, grazie", "it"),
        ("waarom niet", "nl"),
        ("nou vooruit dan", "nl"),
        ("por que não", "pt"),
        ("ah, tudo bem, vai", "pt"),
    ],
)
def test_more_yes_to_the_offer(text: str, language: str) -> None:
    assert offer_answer(text) == (OfferAnswer.YES, language)


@pytest.mark.parametrize(
    "text",
    [
        "Could you transfer me to the returns team?",
        "Passez-moi la comptabilité, s'il vous plaît.",
        "Stellen Sie mich bitte zur Rechnungsabteilung durch.",
        "Póngame con el departamento de ventas.",
        "Mi colleghi con l'ufficio vendite, per favore.",
        "Zet me even door naar de boekhouding.",
        "Me passe pro setor de cobrança.",
        "I'd rather discuss this with a real person.",
        "Ich kläre das lieber mit einem Mitarbeiter.",
    ],
)
def test_being_put_through_or_preferring_a_person_is_a_request(text: str) -> None:
    assert person_request(text) is not None


@pytest.mark.parametrize(
    "text",
    [
        "Can you switch me to the annual plan?",
        "I'd rather pay by card.",
        "Please transfer me the invoice by email.",
        "Ich trinke lieber Tee.",
        "I'd rather someone else didn't see my card details.",
    ],
)
def test_their_look_alikes_are_not_requests(text: str) -> None:
    assert person_request(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "Is the person typing this even real?",
        "Die Person, die mir antwortet, ist die echt?",
        "la persona que responde, ¿existe de verdad?",
        "are you a b.o.t?",
    ],
)
def test_more_bot_questions(text: str) -> None:
    assert bot_question(text) is not None


# -- families added after the dev10 set (2026-12-02); phrasings written for these tests --------


@pytest.mark.parametrize(
    "text",
    [
        "Is there a human in the loop on this chat?",
        "did a person write that reply or a bot?",
        "Which model runs you, GPT or something else?",
        "is 'Mia' a real colleague or just the assistant's name?",
        "Y a-t-il un humain qui relit vos réponses ?",
        "Hat das gerade eine KI geschrieben?",
        "¿Hay algún humano revisando esto?",
        "C'è un operatore umano che legge questi messaggi?",
        "Is er een mens die meeleest?",
        "Tem algum humano acompanhando este chat?",
    ],
)
def test_questions_about_how_the_answers_are_made(text: str) -> None:
    assert bot_question(text) is not None


@pytest.mark.parametrize(
    "text",
    [
        "Could I have a word with one of your specialists about this?",
        "Please get my account manager on the phone.",
        "I'll keep typing 'human' until someone answers.",
        "Unless a supervisor calls me by noon, I'm cancelling.",
        "Si un conseiller ne me rappelle pas demain, je résilie.",
        "Wenn mich bis morgen kein Mitarbeiter anruft, kündige ich.",
        "Si mañana no me llama un responsable, pongo una reclamación.",
        "Se domani non mi chiama un operatore, disdico.",
        "Als er morgen geen medewerker belt, zeg ik op.",
        "Se nenhum atendente me ligar amanhã, cancelo tudo.",
        "Mag ik alsjeblieft een medewerker?",
    ],
)
def test_requests_said_politely_by_role_or_as_a_threat(text: str) -> None:
    assert person_request(text) is not None


@pytest.mark.parametrize(
    "text",
    [
        "Does someone need to be home when the fitter comes?",
        "Muss jemand zu Hause sein für die Lieferung?",
        "Moet er iemand thuis zijn voor de bezorging?",
        "Serve qualcuno che firmi il ritiro?",
        "Unless the parcel arrives today I will order elsewhere.",
    ],
)
def test_questions_about_someone_at_home_are_no_requests(text: str) -> None:
    assert person_request(text) is None


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("If that's faster, sure.", "en"),
        ("I guess so.", "en"),
        ("Je pense que oui.", "fr"),
        ("Wenn es schneller geht, gerne.", "de"),
        ("Creo que sí.", "es"),
        ("Penso di sì.", "it"),
        ("Toe maar.", "nl"),
        ("Acho que sim.", "pt"),
    ],
)
def test_hedged_yes_to_the_offer(text: str, language: str) -> None:
    assert offer_answer(text) == (OfferAnswer.YES, language)


@pytest.mark.parametrize("text", ["Prima provo da solo.", "Passt schon.", "Magari più tardi."])
def test_not_now_is_no_yes(text: str) -> None:
    answer = offer_answer(text)
    assert answer is None or answer[0] != OfferAnswer.YES


@pytest.mark.parametrize(
    "text",
    [
        "Kindly escalate my complaint, it has been a month.",
        "Could you pass this on to whoever handles refunds?",
        "I'd prefer to discuss this with one of your colleagues.",
        "Je souhaite l'escalade de mon dossier, merci.",
        "Wie erreiche ich am schnellsten einen Mitarbeiter?",
        "Ich bitte um einen persönlichen Ansprechpartner.",
        "¿Alguien me podría llamar esta tarde?",
        "Mi potrebbe passare all'ufficio resi, per favore?",
        "Ik wil graag telefonisch teruggebeld worden.",
        "Podem escalar o meu caso? Já passou um mês.",
        "Pode transferir-me para o apoio técnico?",
    ],
)
def test_requests_buried_formal_or_by_channel(text: str) -> None:
    assert person_request(text) is not None


@pytest.mark.parametrize(
    "text",
    [
        "Does a person check these answers before I get them?",
        "r u a bot?",
        "J'ai l'impression de parler dans le vide, quelqu'un me lit ?",
        "Schreibt mir hier eigentlich nur eine Maschine?",
        "¿Alguna persona revisa lo que me respondes?",
        "Qualcuno legge quello che mi scrivi?",
        "Kijkt er iemand mee met dit gesprek?",
        "Ninguém de carne e osso lê estas mensagens?",
    ],
)
def test_bot_questions_about_who_reads_the_replies(text: str) -> None:
    assert bot_question(text) is not None


@pytest.mark.parametrize(
    "text",
    [
        "What model is this blender? The label has worn off.",
        "Welches Modell ist das? Die Nummer fehlt.",
        "Is this watch automatic or does it need a battery?",
        "My boss signed off the order, can you send the invoice to our finance team?",
    ],
)
def test_their_look_alikes_are_neither(text: str) -> None:
    assert bot_question(text) is None and person_request(text) is None


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("That'd be amazing, I've been trying for hours.", "en"),
        ("Yes please, and can they call me instead of emailing?", "en"),
        ("If it's quicker that way, then yes.", "en"),
        ("Unbedingt, ich komme allein nicht weiter.", "de"),
        ("Graag, het lukt me zelf niet.", "nl"),
        ("Sí, no puedo resolverlo sola.", "es"),
        ("Opa, pode sim!", "pt"),
        ("Magari!", "it"),
    ],
)
def test_a_yes_with_its_reason_or_a_condition(text: str, language: str) -> None:
    assert offer_answer(text) == (OfferAnswer.YES, language)


@pytest.mark.parametrize(
    "text",
    [
        "Yes but can you email me the label first?",
        "If it's quicker, no, I'd rather wait.",
        "Magari più tardi.",
        "Graag, maar eerst probeer ik het zelf nog eens.",
    ],
)
def test_a_yes_that_turns_is_still_no_yes(text: str) -> None:
    answer = offer_answer(text)
    assert answer is None or answer[0] != OfferAnswer.YES


def test_a_reason_given_does_not_hide_a_turn_after_it() -> None:
    answer = offer_answer("Yes, I'm stuck, but no thanks, I'll wait for the email.")
    assert answer is None or answer[0] != OfferAnswer.YES
