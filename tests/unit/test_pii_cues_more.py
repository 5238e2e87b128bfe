"""Values after cues said the way customers say them (issue 9, after the cs3 source's
development half): a password "I used was", a code "from the text was", a question in brackets
before its answer, a passport "for the trip", a card's expiry and code after dashes, an IBAN
whose national check digits were mistyped; and the look-alikes that stay unreported."""

from __future__ import annotations

import pytest

from tests.unit.test_pii_lookalikes_more import detector, found
from trustdesk.privacy.detector import PiiDetector

__all__ = ["detector"]  # the fixture, shared with the look-alikes' tests


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("the password I picked was Marigold#77 and now it's refused", "Marigold#77"),
        ("the password you had me change is now Orchard_2025, still locked", "Orchard_2025"),
        ("The one-time password you texted, 7Hq-2Lm, expired already.", "7Hq-2Lm"),
        ("le mot de passe temporaire que vous m'avez donné (Rv8!kP2x) ne passe pas", "Rv8!kP2x"),
        ("la contraseña que me dieron es Lince2024!, no funciona", "Lince2024!"),
        ("wachtwoord kwijt, het oude was Tulp#2020 geloof ik", "Tulp#2020"),
        ("Der Code aus der E-Mail war 4471 09, jetzt geht nichts mehr.", "4471 09"),
        ("il codice che ho ricevuto per sms è 51 20 88", "51 20 88"),
        ("de code uit de mail was 903 117, graag hulp", "903 117"),
        ("O código que recebi por e-mail é 662 019.", "662 019"),
        ("My sms-code is 448 201 and it says invalid", "448 201"),
        ('the answer to "favourite teacher" is Mrs Hughes. please unlock', "Mrs Hughes"),
        ("Sicherheitsfrage (Geburtsort der Mutter): Kassel. Bitte entsperren.", "Kassel"),
        ("pergunta de segurança (nome da primeira escola): Camões. obrigado", "Camões"),
    ],
)
def test_secrets_after_who_set_or_sent_them(detector: PiiDetector, text: str, value: str) -> None:
    assert ("SECRET", value) in found(detector, text)


@pytest.mark.parametrize(
    "text",
    [
        "the password I used was not accepted",
        "the code you sent was wrong, please send another",
        "the old one was fine, the new one not",
        "Respuesta a la pregunta de seguridad (la de siempre): no la recuerdo",
    ],
)
def test_no_secret_without_a_value(detector: PiiDetector, text: str) -> None:
    assert [v for e, v in found(detector, text) if e == "SECRET"] == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("my passport no. so here: 734019265. thanks", "734019265"),
        ("passport number for the visa form is 812003947", "812003947"),
        ("Reisepass für die Reise: C4RT82L19, bitte eintragen", "C4RT82L19"),
        ("il passaporto di mia figlia è YA7730921", "YA7730921"),
        ("paspoortnummer van mijn zoon: NX4P81KT2", "NX4P81KT2"),
    ],
)
def test_passports_after_a_few_words_about_them(
    detector: PiiDetector, text: str, value: str
) -> None:
    assert ("PASSPORT", value) in found(detector, text)


@pytest.mark.parametrize(
    "text",
    [
        "my passport for the trip expires 2027 and I have 2 bags",
        "passport of my son is valid until 2030",
        "passport for my daughter is ready, order 123456789 shipped",
    ],
)
def test_no_passport_without_a_number_after_its_link(detector: PiiDetector, text: str) -> None:
    assert [v for e, v in found(detector, text) if e == "PASSPORT"] == []


def test_expiry_and_code_after_a_card_between_dashes(detector: PiiDetector) -> None:
    got = found(detector, "new card: 5425 2334 3010 9903 — 11/28 — 604")
    assert ("CARD_EXPIRY", "11/28") in got and ("CARD_SECURITY_CODE", "604") in got


def test_echeance_and_code_au_dos_in_a_message_about_a_card(detector: PiiDetector) -> None:
    got = found(detector, "ma carte Visa 4539 1488 0343 6467, échéance 09/2029, code au dos 552")
    assert ("CARD_EXPIRY", "09/2029") in got and ("CARD_SECURITY_CODE", "552") in got


def test_an_invoice_due_date_is_no_card_expiry(detector: PiiDetector) -> None:
    assert found(detector, "la facture a une échéance 04/2030 pour 118 euros") == []


def test_cod_after_a_card_is_its_code(detector: PiiDetector) -> None:
    got = found(detector, "tarjeta 4539 1488 0343 6467, vto 03/28, cód 219. gracias")
    assert ("CARD_SECURITY_CODE", "219") in got


def test_an_iban_whose_national_check_digits_are_mistyped_is_still_an_iban(
    detector: PiiDetector,
) -> None:
    # ES + mod-97 check digits computed over a bank/branch/account whose own check digits
    # (the Spanish CCC's) are wrong: valid as an IBAN checksum, invalid as a Spanish account.
    text = "para la devolución: ES47 1465 0100 9120 3341 7265, gracias"
    assert ("IBAN_CODE", "ES47 1465 0100 9120 3341 7265") in found(detector, text)


def test_a_wrong_mod97_without_a_cue_is_no_iban(detector: PiiDetector) -> None:
    assert found(detector, "ref ES48 1465 0100 9120 3341 7265 ok") == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The new password for the staff portal is Heron!Lake42 - keep it safe", "Heron!Lake42"),
        ("The PIN for the garage key safe is 5190.", "5190"),
        ("Access is via the lockbox code 3307 by the back door.", "3307"),
        ("Code porte : 7C21, puis deuxième étage.", "7C21"),
        ("Le code de validation de votre virement est 530118.", "530118"),
        ("Il codice SMS è 270391, grazie.", "270391"),
        ("Das Passwort für das Kundenkonto: Ahorn#7731", "Ahorn#7731"),
    ],
)
def test_secrets_said_with_what_they_open(detector: PiiDetector, text: str, value: str) -> None:
    assert ("SECRET", value) in found(detector, text)


@pytest.mark.parametrize(
    "text",
    [
        "the code for the discount is SAVE10",
        "the code for the discount is 2024",
        "the password for your account is not working",
    ],
)
def test_what_a_code_is_for_can_make_it_no_secret(detector: PiiDetector, text: str) -> None:
    assert [v for e, v in found(detector, text) if e == "SECRET"] == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Passeport belge EM123456, valable jusqu'en 2031.", "EM123456"),
        ("my Irish passport PX7700213 is in the drawer", "PX7700213"),
    ],
)
def test_a_passport_with_its_nationality(detector: PiiDetector, text: str, value: str) -> None:
    assert ("PASSPORT", value) in found(detector, text)


def test_validita_after_a_card_is_its_expiry(detector: PiiDetector) -> None:
    got = found(detector, "carta 4539 1488 0343 6467, validità 08/29, grazie")
    assert ("CARD_EXPIRY", "08/29") in got


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Patient Olivia Bramwell (DOB 02/05/1980) was seen today.", "Olivia Bramwell"),
        ("Court record: Plaintiff Harriet Moss; Defendant Owen T. Barr.", "Harriet Moss"),
        ("Forwarding address for Professor Iain Munro: 4 Kirk Wynd, Crail.", "Iain Munro"),
        ("Atenciosamente,\nDra. Helena Prado", "Helena Prado"),
    ],
)
def test_titles_and_roles_stay_out_of_a_name(detector: PiiDetector, text: str, name: str) -> None:
    assert ("PERSON", name) in found(detector, text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # as it keeps arriving, in each language (after the cs5 source's development half)
        ("the verification code I keep getting is 730 915, it never works", "730 915"),
        ("le code que je reçois par SMS est 18 44 20 mais il est refusé", "18 44 20"),
        ("Der Bestätigungscode, den ich bekomme, lautet 605 331.", "605 331"),
        ("el código que me llega por SMS es 271 604 y no sirve", "271 604"),
        ("il codice che ricevo è 9931 20, non funziona", "9931 20"),
        ("de verificatiecode die ik ontvang is 44 81 07", "44 81 07"),
        ("o código que me chega é 830 266, dá erro", "830 266"),
        # "one" for a code named before it
        ("my OTP never works. The latest one you sent was 552 190 and it expired", "552 190"),
        ("SMS codes keep failing - the last one that came through was 061733.", "061733"),
        # German "ist" links a value (the "is" of the other languages no longer takes it)
        ("Mein neues Passwort ist Rotkehlchen_9 und geht nicht", "Rotkehlchen_9"),
        ("Der Zugangscode ist 4417, bitte ändern", "4417"),
    ],
)
def test_codes_as_they_arrive_and_codes_called_one(
    detector: PiiDetector, text: str, value: str
) -> None:
    assert ("SECRET", value) in found(detector, text)


@pytest.mark.parametrize(
    "text",
    [
        "The last one I bought was 300 pounds and it broke in a week.",
        "my order 12345 arrived, the last one was 99812 and that was fine",
        "Die Rechnung, die ich bekomme, ist 448201 Euro hoch?",
        "the parcel I get is 30 kg, can you split it",
    ],
)
def test_no_code_without_a_code_word(detector: PiiDetector, text: str) -> None:
    assert not [v for e, v in found(detector, text) if e == "SECRET"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # initials without full stops after a title or a label (cs5's development half)
        ("The parcel was addressed to Mr K Abernethy, not to me.", "K Abernethy"),
        ("Account holder: R T Okonkwo, sort code on file", "R T Okonkwo"),
        ("Dear Ms E Lindqvist,", "E Lindqvist"),
        ("letters for Mr. J. R. R. Hartley keep coming here", "J. R. R. Hartley"),
        # the people who take parcels, named as they are introduced
        ("si no hay nadie, el portero se llama Anselmo y lo recoge", "Anselmo"),
        ("o porteiro chama-se Nelo, deixem com ele", "Nelo"),
        ("il portinaio si chiama Ettore, lasciate pure a lui", "Ettore"),
        ("leave it with my landlady Moira next door", "Moira"),
        ("Unser Hausmeister heißt Volker und hat einen Schlüssel.", "Volker"),
        ("déposez-le chez mon beau-frère Gaëtan au 12", "Gaëtan"),
    ],
)
def test_initials_after_titles_and_the_people_who_take_parcels(
    detector: PiiDetector, text: str, name: str
) -> None:
    assert ("PERSON", name) in found(detector, text)


@pytest.mark.parametrize(
    "text",
    [
        "Dear Mrs A B C, please fill in boxes A B and C",
        "la dueña del bar es muy simpática",
        "my landlord is slow to fix anything",
    ],
)
def test_initials_alone_and_roles_without_a_name_are_no_person(
    detector: PiiDetector, text: str
) -> None:
    assert not [v for e, v in found(detector, text) if e == "PERSON"]


@pytest.mark.parametrize(
    "text",
    [
        "On Thu, 5 Mar 2026 at 09:12, the shop wrote:",
        "Date: Fri 12 Jun 2026 16:40",
        "Purchase date: Jan 9, 2026, receipt attached",
        "delivered 21st Apr. 2026 but broken",
    ],
)
def test_a_month_beside_a_day_or_year_is_no_name(detector: PiiDetector, text: str) -> None:
    assert not [v for e, v in found(detector, text) if e == "PERSON"]


@pytest.mark.parametrize(
    ("text", "name"),
    [("I gave the parcel to Jan yesterday", "Jan"), ("April said she would call back", "April")],
)
def test_the_same_words_alone_stay_names(detector: PiiDetector, text: str, name: str) -> None:
    assert ("PERSON", name) in found(detector, text)
