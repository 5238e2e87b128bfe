# ruff: noqa: E501
"""Build cs_messages.jsonl: customer-service messages in seven languages, labelled.

Written for TrustDesk issue 9 WITHOUT reading the detector (src/trustdesk/privacy/): the
phrasings are how customers write (greetings, run-on sentences, typos, lowercase, signatures,
contact details given every way people give them), and the values come from
``make_cs_values.py`` (Faker for names/cards/IBANs, hand-written national formats for phones,
postal addresses, passports...). About one message in six carries no personal data at all
and many carry near-misses (order and tracking numbers, prices, product codes, delivery
dates, invoice numbers, version numbers, cities and countries alone).

Split: every phrase pool is cut in two halves with a fixed seed; ``dev`` messages are built
only from the first halves and ``final`` messages only from the second, so no sentence shape
appears in both splits.

    .venv/bin/python tests/data/pii_sources/make_cs_messages.py
"""

from __future__ import annotations

import collections
import json
import random
import re
import sys
from pathlib import Path

from faker import Faker

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.dont_write_bytecode = True  # no __pycache__ next to the data
import make_cs_values as V  # noqa: E402

SEED = 20261203
HERE = Path(__file__).resolve().parent
OUT = HERE / "cs_messages.jsonl"
SOURCE = "trustdesk-cs-messages-v1"
PER_LANG = {"en": 400, "fr": 200, "de": 200, "es": 200, "it": 200, "nl": 200, "pt": 200}
COUNTRIES = {
    "en": [("US", 4), ("UK", 4), ("CA", 2), ("IE", 2), ("AU", 2)],
    "fr": [("FR", 6), ("CA", 1)],
    "de": [("DE", 1)],
    "es": [("ES", 1)],
    "it": [("IT", 1)],
    "nl": [("NL", 1)],
    "pt": [("PT", 3), ("BR", 2)],
}
ENTITY = {
    "name": "PERSON",
    "first": "PERSON",
    "last": "PERSON",
    "firstlast": "PERSON",
    "firstLAST": "PERSON",
    "name2": "PERSON",
    "first2": "PERSON",
    "phone": "PHONE_NUMBER",
    "phone2": "PHONE_NUMBER",
    "email": "EMAIL_ADDRESS",
    "address": "ADDRESS",
    "card": "CREDIT_CARD",
    "cvv": "CARD_SECURITY_CODE",
    "exp": "CARD_EXPIRY",
    "pw": "SECRET",
    "pin": "SECRET",
    "otp": "SECRET",
    "answer": "SECRET",
    "passport": "PASSPORT",
    "iban": "IBAN_CODE",
    "ssn": "US_SSN",
    "ip": "IP_ADDRESS",
    "dob": "DATE_OF_BIRTH",
}

# =========================================================================== phrases
# Slots: {name} {first} {last} (the writer), {name2} {first2} (someone else), {phone}
# {phone2} {email} {address} {card} {cvv} {exp} {pw} {pin} {otp} {answer} {passport} {iban}
# {ssn} {ip} {dob}; unlabelled near-misses: {order} {track} {price} {product} {invoice} {ref}
# {version} {ddate} {city} {country} {postcode} {time} {qty}.

EN = {
    "greet": [
        "Hi,",
        "Hello",
        "hi there",
        "Hey",
        "Good morning,",
        "Good afternoon",
        "Dear Sir/Madam,",
        "To whom it may concern,",
        "hiya",
        "Hello team,",
        "Morning!",
        "Hi support,",
        "yo",
        "Hi {first2},",
        "Hello {first2}, thanks for getting back to me.",
        "Dear {first2},",
        "Hey {first2}!",
        "Evening all,",
        "Hiii",
        "Greetings,",
    ],
    "intro": [
        "my name is {name}",
        "This is {name}.",
        "{name} here.",
        "hey its {first} again",
        "It's {first} again, I wrote yesterday.",
        "name {first}",
        "I am {name} and",
        "this is {first} from the order last week",
        "Im {name}",
        "{first} {last} speaking,",
        "My name's {first}.",
        "its me {first} (again!!)",
        "you spoke to me before, I'm {name}",
        "I'm writing on behalf of my mother, {name2}.",
        "Account holder: {name}",
        "Customer name - {name}",
        "name on the account is {name}",
        "first name {first}, surname {last}",
        "This is Mrs {last}.",
        "Mr. {last} here",
        "Dr {name} here, writing about my order.",
        "name: {name}",
        "Hi it's {first} ({last}) from {city}.",
    ],
    "body": [
        "my order {order} still hasn't arrived and the tracking {track} hasn't moved since {ddate}",
        "I was charged {price} twice for order {order}.",
        "The {product} I got is the wrong size, I ordered M not L",
        "can you tell me when {order} will ship? it said {ddate} on the website",
        "I'd like to return item {product} from invoice {invoice}, it arrived damaged.",
        "the app keeps crashing on version {version} when I open my basket",
        "Your courier left the parcel outside in the rain!!! order {order}",
        "I want to cancel my subscription before the next payment of {price}",
        "I received a refund of {price} but I paid {price} so theres still money missing",
        "do you deliver to {city}? postcode {postcode}",
        "the tracking number {track} says delivered but nothing here",
        "my case number is {ref}, nobody has replied in 5 days",
        "ordered {qty} of {product} but only got one",
        "Is the {product} back in stock? I need it before {ddate}",
        "I'm moving to {country} next month, can I keep my account?",
        "the discount code didnt work at checkout, total was {price}",
        "please confirm you received my return (ref {ref}) sent on {ddate}",
        "the invoice {invoice} shows the wrong VAT amount",
        "Can I change the delivery slot to {time} on {ddate}?",
        "why was order {order} cancelled?? I never asked for that",
        "i've been waiting since {ddate} for the replacement",
        "Item arrived broken. Order {order}, {price}.",
        "Just wanted to say thanks, the delivery guy was great.",
        "how do I reset my password? the link doesn't work",
        "where do I find the security code on the card?",
        "I forgot my PIN and the app locked me out",
        "do you need my passport to verify the account or is a driving licence ok?",
        "I never got the one-time code by text.",
        "What's your returns address? I'm in {city}.",
        "we are on holiday in {country} until {ddate}, please hold the parcel",
        "the package {track} was sent to the old address",
        "Your website says {price} but I was charged more",
        "I'd like to speak to a human please",
        "Order {order} - 2 items missing.",
        "The firmware update {version} broke the bluetooth on my headphones.",
        "can u check the status of {order} pls",
        "still no news about my claim {ref}",
        "I bought the {product} on {ddate} for {price}",
        "my account got locked after too many login attempts",
    ],
    "phone": [
        "you can call me on {phone}",
        "my number is {phone}",
        "text {phone}",
        "call me at {phone} after 5pm",
        "best number to reach me: {phone}",
        "mob {phone}",
        "phone: {phone}",
        "pls ring {phone} asap",
        "my new mobile is {phone} (the old one is disconnected)",
        "whatsapp me on {phone}",
        "please call {first2} at {phone2}, she handles the account",
        "or my husband on {phone2}",
        "Tel. {phone}",
        "reach me at {phone} or {phone2}",
        "landline {phone}",
        "cell: {phone}",
        "I tried calling from {phone} but got cut off",
        "update my phone number to {phone}",
    ],
    "email": [
        "email me at {email}",
        "my email is {email}",
        "send it to {email}",
        "e-mail: {email}",
        "contact email {email} (please don't use the old one)",
        "reply to {email} thanks",
        "you can reach me on {email}",
        "my email address changed to {email}",
        "forward the invoice to my accountant {name2} at {email}",
        "email {email}",
        "i've registered with {email}",
        "the receipt went to {email} by mistake",
    ],
    "address": [
        "my address is {address}",
        "please send the replacement to {address}",
        "Ship to:\n{address}",
        "I've moved, new address: {address}",
        "deliver to {address} please",
        "the billing address is {address}",
        "address - {address}",
        "I live at {address}",
        "can you collect it from {address}?",
        "post it to {address} instead",
        "our new address is {address} from next monday",
        "delivery address\n{address}",
        "send the letter to my son {name2}, {address}",
    ],
    "card": [
        "my card number is {card}",
        "card {card} exp {exp} cvv {cvv}",
        "Please charge my card {card}, expiry {exp}, security code {cvv}",
        "the card ending... actually the full number is {card}",
        "use card no. {card}",
        "card: {card}\nexp: {exp}\ncvc: {cvv}",
        "I want to block card {card}, I lost it",
        "visa {card} valid thru {exp}",
        "mastercard {card} expires {exp}, the 3 digits on the back are {cvv}",
        "the charge on card {card} is wrong",
        "here's the card {card} - expiry date {exp} - cvv2 {cvv}",
        "card number {card} and the code on the back is {cvv}",
    ],
    "cvv": [
        "cvv is {cvv}",
        "CVV: {cvv}",
        "security code {cvv}",
        "the three digits on the back: {cvv}",
        "cvc {cvv}",
        "CVV2 = {cvv}",
    ],
    "exp": [
        "it expires {exp}",
        "expiry date {exp}",
        "exp. {exp}",
        "valid until {exp}",
        "expiration {exp}",
    ],
    "secret": [
        "my password is {pw}",
        "pw: {pw}",
        "password {pw} doesn't work",
        "I tried {pw} as my password",
        "login is {email} and password is {pw}",
        "pin is {pin}",
        "my PIN: {pin}",
        "the code you sent is {otp}",
        "verification code {otp}",
        "OTP {otp}",
        "one time code: {otp}",
        "the answer to my security question is {answer}",
        "security answer: {answer}",
        "mother's maiden name is {answer}",
        "first pet was called {answer}",
        "passcode {pin}",
        "the temporary password {pw} expired",
        "my online banking pin is {pin} if you need it",
    ],
    "passport": [
        "passport number {passport}",
        "my passport no. is {passport}",
        "passport: {passport}",
        "I booked with passport {passport} but it has been renewed",
        "passport # {passport}",
        "the new passport number is {passport}, expires {ddate}",
    ],
    "iban": [
        "please refund to IBAN {iban}",
        "my IBAN is {iban}",
        "bank account (IBAN): {iban}",
        "send the money to {iban}",
        "iban {iban} account name {name}",
        "IBAN: {iban}",
    ],
    "ssn": [
        "my SSN is {ssn}",
        "social security number {ssn}",
        "ssn: {ssn}",
        "SS# {ssn}",
        "for the tax form my social is {ssn}",
    ],
    "ip": [
        "my IP address is {ip}",
        "I get blocked from {ip}",
        "logging in from {ip} fails",
        "the error says ip {ip} is banned",
        "IP: {ip}",
    ],
    "dob": [
        "date of birth {dob}",
        "DOB: {dob}",
        "I was born on {dob}",
        "my birthday is {dob}",
        "born {dob}",
        "d.o.b {dob}",
        "birth date - {dob}",
    ],
    "other": [
        "your colleague {first2} told me to email you",
        "I spoke to {name2} on the phone yesterday",
        "the driver, {first2}, was very rude",
        "my partner {name2} placed the order",
        "please ask {first2} to call me back",
        "{first2} in your Leeds store was really helpful",
        "the parcel was signed by {name2}, who I don't know",
        "add {name2} as second account holder",
    ],
    "close": [
        "Thanks",
        "thank you!",
        "Cheers",
        "Kind regards",
        "Best",
        "thx",
        "Regards,",
        "Many thanks.",
        "looking forward to hearing from you",
        "pls fix this",
        "Thanks in advance,",
        "ty",
        "Best wishes,",
        "Sincerely,",
        "thanks a lot",
        "Appreciate it.",
    ],
    "sign": [
        "{name}",
        "{first}",
        "- {first}",
        "{name}\n{phone}",
        "--\n{name}\n{address}",
        "{first} {last}",
        "Thanks, {first}",
        "{name}\nSent from my iPhone",
        "{name} | {email} | {phone}",
        "{first} x",
        "Mrs {name}",
        "{name}\nTel: {phone}\nEmail: {email}",
        "{first}\n\nSent from my Samsung Galaxy",
    ],
    "sign_plain": [
        "Sent from my iPhone",
        "Sent from Outlook for Android",
        "",
        "Get Outlook for iOS",
    ],
}

FR = {
    "greet": [
        "Bonjour,",
        "Bonjour Madame, Monsieur,",
        "Salut",
        "Bonsoir",
        "Madame, Monsieur,",
        "Bonjour {first2},",
        "Bjr",
        "Bonjour à toute l'équipe,",
        "Coucou",
        "Cher service client,",
    ],
    "intro": [
        "je m'appelle {name}",
        "Ici {name}.",
        "c'est {first}, je vous ai écrit hier",
        "{name}, cliente depuis 2019.",
        "je suis {first} {last}",
        "Mme {last} à l'appareil",
        "nom : {name}",
        "M. {last} ici",
        "c'est encore moi, {first}",
        "je vous écris pour ma mère, {name2}.",
        "titulaire du compte : {name}",
    ],
    "body": [
        "ma commande {order} n'est toujours pas arrivée",
        "le suivi {track} ne bouge plus depuis le {ddate}",
        "j'ai été débité deux fois de {price}",
        "l'article {product} est arrivé cassé",
        "je voudrais retourner la facture {invoice}, erreur de taille",
        "l'appli plante depuis la version {version}",
        "vous livrez à {city} ? code postal {postcode}",
        "mon numéro de dossier est {ref}, toujours pas de réponse",
        "le colis {track} a été livré à la mauvaise adresse",
        "je veux résilier mon abonnement à {price}/mois",
        "j'ai oublié mon mot de passe et le lien ne marche pas",
        "où se trouve le cryptogramme sur la carte ?",
        "je n'ai jamais reçu le code par SMS",
        "faut-il une copie du passeport pour vérifier le compte ?",
        "commande {order} : il manque 2 articles",
        "pouvez-vous livrer le {ddate} vers {time} ?",
        "je pars en {country} jusqu'au {ddate}, merci de garder le colis",
        "le remboursement de {price} n'est pas arrivé",
        "pourquoi ma commande {order} a été annulée ??",
        "merci pour la rapidité, rien à signaler",
        "j'ai acheté {qty} {product} mais reçu un seul",
    ],
    "phone": [
        "vous pouvez m'appeler au {phone}",
        "mon numéro : {phone}",
        "tel {phone}",
        "joignable au {phone} après 18h",
        "mon nouveau portable est le {phone}",
        "appelez {first2} au {phone2}, c'est elle qui gère",
        "port. {phone}",
        "envoyez-moi un sms au {phone}",
    ],
    "email": [
        "mon mail est {email}",
        "écrivez-moi à {email}",
        "adresse e-mail : {email}",
        "envoyez la facture à {email}",
        "mon adresse mail a changé : {email}",
        "courriel {email}",
    ],
    "address": [
        "mon adresse est {address}",
        "merci de livrer au {address}",
        "nouvelle adresse :\n{address}",
        "j'habite au {address}",
        "adresse de facturation : {address}",
        "envoyez-le plutôt au {address}",
        "livraison chez ma fille {name2}, {address}",
    ],
    "card": [
        "ma carte {card} exp {exp} cryptogramme {cvv}",
        "numéro de carte : {card}",
        "carte bleue {card}, date d'expiration {exp}, code de sécurité {cvv}",
        "bloquez la carte {card} svp je l'ai perdue",
        "CB {card} valable jusqu'au {exp}",
        "carte {card}\nexpire fin {exp}\nCVV {cvv}",
    ],
    "cvv": [
        "cryptogramme {cvv}",
        "CVV : {cvv}",
        "les 3 chiffres au dos : {cvv}",
        "code de sécurité {cvv}",
    ],
    "exp": ["elle expire le {exp}", "date d'expiration {exp}", "valable jusqu'à {exp}"],
    "secret": [
        "mon mot de passe est {pw}",
        "mdp : {pw}",
        "code PIN {pin}",
        "le code reçu par SMS est {otp}",
        "code de vérification {otp}",
        "réponse à la question secrète : {answer}",
        "nom de jeune fille de ma mère : {answer}",
        "j'ai essayé le mot de passe {pw}",
    ],
    "passport": [
        "numéro de passeport {passport}",
        "mon passeport n° {passport}",
        "passeport : {passport}",
        "j'ai réservé avec le passeport {passport}",
    ],
    "iban": [
        "remboursez sur l'IBAN {iban}",
        "mon IBAN : {iban}",
        "RIB / IBAN {iban}",
        "virement sur {iban} svp",
    ],
    "ip": ["mon adresse IP est {ip}", "bloqué depuis l'IP {ip}", "IP : {ip}"],
    "dob": ["date de naissance {dob}", "né le {dob}", "née le {dob}", "ddn : {dob}"],
    "other": [
        "votre collègue {first2} m'a dit de vous écrire",
        "j'ai eu {name2} au téléphone hier",
        "le livreur {first2} a été très désagréable",
        "ajoutez {name2} comme co-titulaire",
    ],
    "close": [
        "Merci",
        "Cordialement,",
        "Bien à vous",
        "merci d'avance",
        "Bonne journée",
        "Salutations distinguées,",
        "bisous",
        "Merci beaucoup !",
    ],
    "sign": [
        "{name}",
        "{first}",
        "{name}\n{phone}",
        "-- \n{name}\n{address}",
        "{first} {last.upper}",
        "{name}\nEnvoyé de mon iPhone",
        "Mme {name}",
    ],
    "sign_plain": ["Envoyé de mon iPhone", "", "Envoyé depuis mon smartphone"],
}

DE = {
    "greet": [
        "Hallo,",
        "Guten Tag,",
        "Sehr geehrte Damen und Herren,",
        "Hi",
        "Moin",
        "Servus",
        "Hallo {first2},",
        "Liebes Support-Team,",
        "Guten Morgen",
        "Grüß Gott,",
    ],
    "intro": [
        "mein Name ist {name}",
        "hier ist {name}.",
        "ich bin's nochmal, {first}",
        "{name} hier,",
        "ich schreibe für meine Mutter, {name2}.",
        "Name: {name}",
        "Frau {last} hier",
        "hier schreibt Herr {last}",
        "Kontoinhaber: {name}",
        "ich heiße {first} {last}",
    ],
    "body": [
        "meine Bestellung {order} ist immer noch nicht da",
        "die Sendungsnummer {track} zeigt seit {ddate} nichts",
        "mir wurden {price} doppelt abgebucht",
        "der Artikel {product} kam beschädigt an",
        "ich möchte die Rechnung {invoice} reklamieren",
        "die App stürzt seit Version {version} ab",
        "liefert ihr auch nach {city}? PLZ {postcode}",
        "meine Vorgangsnummer ist {ref}",
        "das Paket {track} wurde an die alte Adresse geschickt",
        "ich will mein Abo für {price} kündigen",
        "ich habe mein Passwort vergessen",
        "wo finde ich die Prüfnummer auf der Karte?",
        "den Bestätigungscode per SMS habe ich nie bekommen",
        "braucht ihr eine Kopie vom Reisepass?",
        "Bestellung {order}: zwei Artikel fehlen",
        "kann die Lieferung am {ddate} gegen {time} kommen?",
        "wir sind bis {ddate} in {country}, bitte Paket zurückhalten",
        "die Erstattung über {price} fehlt noch",
        "warum wurde {order} storniert??",
        "alles bestens, danke für die schnelle Lieferung",
        "hab {qty}x {product} bestellt aber nur eins bekommen",
    ],
    "phone": [
        "ihr erreicht mich unter {phone}",
        "meine Nummer: {phone}",
        "Tel. {phone}",
        "Handy {phone}",
        "bitte rufen Sie {first2} unter {phone2} an",
        "mobil: {phone}",
        "ruft mich bitte auf {phone} zurück",
        "neue Handynummer {phone}",
    ],
    "email": [
        "meine E-Mail ist {email}",
        "schreibt mir an {email}",
        "E-Mail: {email}",
        "bitte die Rechnung an {email} schicken",
        "neue Mailadresse {email}",
    ],
    "address": [
        "meine Adresse: {address}",
        "bitte an {address} liefern",
        "neue Anschrift:\n{address}",
        "ich wohne in der {address}",
        "Rechnungsadresse {address}",
        "Lieferadresse\n{address}",
        "schickt es an meinen Sohn {name2}, {address}",
    ],
    "card": [
        "Kreditkarte {card} gültig bis {exp} Prüfziffer {cvv}",
        "Kartennummer: {card}",
        "bitte Karte {card} sperren",
        "Visa {card}, Ablaufdatum {exp}, CVC {cvv}",
        "Karte {card}\ngültig bis {exp}\nSicherheitscode {cvv}",
    ],
    "cvv": [
        "Prüfnummer {cvv}",
        "CVC: {cvv}",
        "Kartenprüfnummer {cvv}",
        "die 3 Ziffern hinten: {cvv}",
    ],
    "exp": ["läuft ab {exp}", "gültig bis {exp}", "Ablaufdatum {exp}"],
    "secret": [
        "mein Passwort ist {pw}",
        "Kennwort: {pw}",
        "PIN {pin}",
        "der Code aus der SMS ist {otp}",
        "TAN {otp}",
        "Bestätigungscode {otp}",
        "Antwort auf die Sicherheitsfrage: {answer}",
        "Mädchenname meiner Mutter: {answer}",
        "hab das Passwort {pw} probiert",
    ],
    "passport": [
        "Reisepassnummer {passport}",
        "Passnummer: {passport}",
        "mein Reisepass Nr. {passport}",
    ],
    "iban": [
        "bitte auf IBAN {iban} erstatten",
        "meine IBAN: {iban}",
        "Bankverbindung {iban}",
        "überweist das Geld auf {iban}",
    ],
    "ip": ["meine IP-Adresse ist {ip}", "gesperrt von der IP {ip}", "IP: {ip}"],
    "dob": ["Geburtsdatum {dob}", "geb. {dob}", "geboren am {dob}", "Geb.-Datum: {dob}"],
    "other": [
        "Ihr Kollege {first2} meinte ich soll schreiben",
        "ich habe gestern mit {name2} telefoniert",
        "der Fahrer {first2} war sehr unfreundlich",
        "bitte {name2} als zweiten Kontoinhaber eintragen",
    ],
    "close": [
        "Danke",
        "Mit freundlichen Grüßen",
        "Viele Grüße",
        "LG",
        "Gruß",
        "Beste Grüße,",
        "danke im Voraus",
        "MfG",
    ],
    "sign": [
        "{name}",
        "{first}",
        "{name}\n{phone}",
        "--\n{name}\n{address}",
        "{first} {last}",
        "{name}\nVon meinem iPhone gesendet",
    ],
    "sign_plain": ["Von meinem iPhone gesendet", "", "Gesendet von meinem Smartphone"],
}

ES = {
    "greet": [
        "Hola,",
        "Buenos días",
        "Buenas tardes,",
        "Estimados señores:",
        "Hola {first2},",
        "Buenas",
        "Hola equipo,",
        "Saludos,",
    ],
    "intro": [
        "me llamo {name}",
        "soy {name}.",
        "soy {first} otra vez",
        "{name} al habla,",
        "escribo en nombre de mi madre, {name2}.",
        "nombre: {name}",
        "la Sra. {last}",
        "le escribe el Sr. {last}",
        "titular de la cuenta: {name}",
        "mi nombre es {first} {last}",
    ],
    "body": [
        "mi pedido {order} todavía no ha llegado",
        "el seguimiento {track} no se mueve desde el {ddate}",
        "me han cobrado {price} dos veces",
        "el artículo {product} llegó roto",
        "quiero devolver la factura {invoice}",
        "la app se cierra desde la versión {version}",
        "¿enviáis a {city}? código postal {postcode}",
        "mi número de incidencia es {ref}",
        "el paquete {track} se envió a la dirección antigua",
        "quiero darme de baja, pago {price} al mes",
        "olvidé mi contraseña",
        "¿dónde está el código de seguridad de la tarjeta?",
        "nunca me llegó el código por SMS",
        "¿necesitáis copia del pasaporte?",
        "pedido {order}: faltan dos artículos",
        "¿pueden entregar el {ddate} a las {time}?",
        "estamos en {country} hasta el {ddate}",
        "no me ha llegado el reembolso de {price}",
        "¿por qué cancelaron el pedido {order}?",
        "todo perfecto, gracias por la rapidez",
        "pedí {qty} {product} y solo llegó uno",
    ],
    "phone": [
        "me podéis llamar al {phone}",
        "mi teléfono es {phone}",
        "tlf {phone}",
        "móvil: {phone}",
        "llamad a {first2} al {phone2}, ella lleva la cuenta",
        "whatsapp {phone}",
        "mi nuevo número es el {phone}",
    ],
    "email": [
        "mi correo es {email}",
        "escribidme a {email}",
        "email: {email}",
        "enviad la factura a {email}",
        "mi correo nuevo es {email}",
    ],
    "address": [
        "mi dirección es {address}",
        "enviadlo a {address}",
        "nueva dirección:\n{address}",
        "vivo en {address}",
        "dirección de facturación: {address}",
        "entregar en casa de mi hijo {name2}, {address}",
    ],
    "card": [
        "tarjeta {card} caduca {exp} cvv {cvv}",
        "número de tarjeta: {card}",
        "bloquead la tarjeta {card}",
        "Visa {card}, fecha de caducidad {exp}, código de seguridad {cvv}",
        "tarjeta {card}\nvence {exp}\nCVV {cvv}",
    ],
    "cvv": ["código de seguridad {cvv}", "CVV: {cvv}", "los 3 dígitos de atrás: {cvv}"],
    "exp": ["caduca el {exp}", "fecha de caducidad {exp}", "vence {exp}"],
    "secret": [
        "mi contraseña es {pw}",
        "clave: {pw}",
        "PIN {pin}",
        "el código del SMS es {otp}",
        "código de verificación {otp}",
        "respuesta de seguridad: {answer}",
        "el apellido de soltera de mi madre es {answer}",
        "probé la contraseña {pw}",
    ],
    "passport": [
        "número de pasaporte {passport}",
        "pasaporte nº {passport}",
        "mi pasaporte: {passport}",
    ],
    "iban": [
        "devolvedlo al IBAN {iban}",
        "mi IBAN es {iban}",
        "cuenta {iban}",
        "transferencia a {iban} por favor",
    ],
    "ip": ["mi IP es {ip}", "me bloquea la IP {ip}", "dirección IP: {ip}"],
    "dob": ["fecha de nacimiento {dob}", "nací el {dob}", "F. nac.: {dob}"],
    "other": [
        "vuestro compañero {first2} me dijo que escribiera",
        "hablé ayer con {name2}",
        "el repartidor {first2} fue muy maleducado",
        "añadid a {name2} como cotitular",
    ],
    "close": [
        "Gracias",
        "Un saludo",
        "Saludos cordiales,",
        "Atentamente,",
        "gracias de antemano",
        "Un abrazo",
    ],
    "sign": [
        "{name}",
        "{first}",
        "{name}\n{phone}",
        "--\n{name}\n{address}",
        "{name}\nEnviado desde mi iPhone",
    ],
    "sign_plain": ["Enviado desde mi iPhone", "", "Enviado desde mi móvil"],
}

IT = {
    "greet": [
        "Buongiorno,",
        "Salve",
        "Ciao",
        "Gentile servizio clienti,",
        "Buonasera",
        "Ciao {first2},",
        "Spett.le assistenza,",
        "Egregi signori,",
    ],
    "intro": [
        "mi chiamo {name}",
        "sono {name}.",
        "sono di nuovo {first}",
        "{name} qui,",
        "scrivo per conto di mia madre, {name2}.",
        "nome: {name}",
        "sono la signora {last}",
        "vi scrive il sig. {last}",
        "intestatario: {name}",
        "sono {first} {last}",
    ],
    "body": [
        "il mio ordine {order} non è ancora arrivato",
        "il tracking {track} è fermo dal {ddate}",
        "mi avete addebitato {price} due volte",
        "l'articolo {product} è arrivato rotto",
        "vorrei restituire la fattura {invoice}",
        "l'app si blocca dalla versione {version}",
        "spedite a {city}? CAP {postcode}",
        "il numero della pratica è {ref}",
        "il pacco {track} è andato al vecchio indirizzo",
        "voglio disdire l'abbonamento da {price}",
        "ho dimenticato la password",
        "dove trovo il codice di sicurezza della carta?",
        "non mi è mai arrivato il codice via SMS",
        "serve una copia del passaporto?",
        "ordine {order}: mancano due articoli",
        "potete consegnare il {ddate} verso le {time}?",
        "siamo in {country} fino al {ddate}",
        "il rimborso di {price} non è arrivato",
        "perché avete annullato l'ordine {order}?",
        "tutto ok, grazie della velocità",
        "ho ordinato {qty} {product} ma ne è arrivato uno",
    ],
    "phone": [
        "potete chiamarmi al {phone}",
        "il mio numero è {phone}",
        "tel. {phone}",
        "cell {phone}",
        "chiamate {first2} al {phone2}, se ne occupa lei",
        "mandatemi un whatsapp al {phone}",
    ],
    "email": [
        "la mia email è {email}",
        "scrivetemi a {email}",
        "e-mail: {email}",
        "mandate la fattura a {email}",
        "nuova mail {email}",
    ],
    "address": [
        "il mio indirizzo è {address}",
        "spedite a {address}",
        "nuovo indirizzo:\n{address}",
        "abito in {address}",
        "indirizzo di fatturazione: {address}",
        "consegnare da mio figlio {name2}, {address}",
    ],
    "card": [
        "carta {card} scad. {exp} cvv {cvv}",
        "numero carta: {card}",
        "bloccate la carta {card}",
        "Mastercard {card}, scadenza {exp}, codice di sicurezza {cvv}",
        "carta {card}\nscade {exp}\nCVV2 {cvv}",
    ],
    "cvv": ["codice di sicurezza {cvv}", "CVV: {cvv}", "le 3 cifre sul retro: {cvv}"],
    "exp": ["scade il {exp}", "scadenza {exp}", "valida fino a {exp}"],
    "secret": [
        "la mia password è {pw}",
        "pwd: {pw}",
        "PIN {pin}",
        "il codice OTP è {otp}",
        "codice di verifica {otp}",
        "risposta segreta: {answer}",
        "cognome da nubile di mia madre: {answer}",
        "ho provato la password {pw}",
    ],
    "passport": [
        "numero di passaporto {passport}",
        "passaporto n. {passport}",
        "il mio passaporto: {passport}",
    ],
    "iban": [
        "rimborsate sull'IBAN {iban}",
        "il mio IBAN è {iban}",
        "IBAN: {iban}",
        "bonifico su {iban}",
    ],
    "ip": ["il mio IP è {ip}", "bloccato dall'IP {ip}", "indirizzo IP {ip}"],
    "dob": ["data di nascita {dob}", "nato il {dob}", "nata il {dob}", "nascita: {dob}"],
    "other": [
        "il vostro collega {first2} mi ha detto di scrivere",
        "ho parlato ieri con {name2}",
        "il corriere {first2} è stato scortese",
        "aggiungete {name2} come cointestatario",
    ],
    "close": [
        "Grazie",
        "Cordiali saluti",
        "Distinti saluti,",
        "grazie mille",
        "Saluti",
        "A presto",
    ],
    "sign": [
        "{name}",
        "{first}",
        "{name}\n{phone}",
        "--\n{name}\n{address}",
        "{name}\nInviato da iPhone",
    ],
    "sign_plain": ["Inviato da iPhone", "", "Inviato dal mio smartphone"],
}

NL = {
    "greet": [
        "Hallo,",
        "Goedemiddag,",
        "Beste,",
        "Geachte heer/mevrouw,",
        "Hoi",
        "Hoi {first2},",
        "Goedemorgen",
        "Beste klantenservice,",
    ],
    "intro": [
        "mijn naam is {name}",
        "met {name}.",
        "ik ben het weer, {first}",
        "{name} hier,",
        "ik schrijf namens mijn moeder, {name2}.",
        "naam: {name}",
        "mevrouw {last} hier",
        "u spreekt met meneer {last}",
        "rekeninghouder: {name}",
        "ik ben {first} {last}",
    ],
    "body": [
        "mijn bestelling {order} is nog steeds niet binnen",
        "de track & trace {track} staat stil sinds {ddate}",
        "er is twee keer {price} afgeschreven",
        "het artikel {product} is kapot aangekomen",
        "ik wil factuur {invoice} retourneren",
        "de app crasht sinds versie {version}",
        "bezorgen jullie in {city}? postcode {postcode}",
        "mijn dossiernummer is {ref}",
        "pakket {track} is naar het oude adres gestuurd",
        "ik wil mijn abonnement van {price} opzeggen",
        "ik ben mijn wachtwoord vergeten",
        "waar staat de beveiligingscode op de kaart?",
        "ik heb de sms-code nooit ontvangen",
        "hebben jullie een kopie van mijn paspoort nodig?",
        "bestelling {order}: er missen twee artikelen",
        "kan de levering op {ddate} rond {time}?",
        "we zitten tot {ddate} in {country}",
        "de terugbetaling van {price} is niet binnen",
        "waarom is {order} geannuleerd??",
        "alles prima, dank voor de snelle levering",
        "ik had {qty} {product} besteld maar kreeg er één",
    ],
    "phone": [
        "u kunt me bellen op {phone}",
        "mijn nummer is {phone}",
        "tel {phone}",
        "mobiel: {phone}",
        "bel {first2} op {phone2}, zij regelt het",
        "app me op {phone}",
        "mijn nieuwe nummer is {phone}",
    ],
    "email": [
        "mijn e-mail is {email}",
        "mail me op {email}",
        "e-mailadres: {email}",
        "stuur de factuur naar {email}",
        "nieuw mailadres {email}",
    ],
    "address": [
        "mijn adres is {address}",
        "graag bezorgen op {address}",
        "nieuw adres:\n{address}",
        "ik woon op {address}",
        "factuuradres: {address}",
        "bezorgen bij mijn zoon {name2}, {address}",
    ],
    "card": [
        "creditcard {card} geldig tot {exp} cvc {cvv}",
        "kaartnummer: {card}",
        "blokkeer kaart {card} aub",
        "Visa {card}, vervaldatum {exp}, beveiligingscode {cvv}",
        "kaart {card}\nverloopt {exp}\nCVC {cvv}",
    ],
    "cvv": ["beveiligingscode {cvv}", "CVC: {cvv}", "de 3 cijfers achterop: {cvv}"],
    "exp": ["verloopt {exp}", "vervaldatum {exp}", "geldig tot {exp}"],
    "secret": [
        "mijn wachtwoord is {pw}",
        "ww: {pw}",
        "pincode {pin}",
        "de sms-code is {otp}",
        "verificatiecode {otp}",
        "antwoord op de beveiligingsvraag: {answer}",
        "meisjesnaam van mijn moeder: {answer}",
        "ik probeerde wachtwoord {pw}",
    ],
    "passport": [
        "paspoortnummer {passport}",
        "paspoort nr. {passport}",
        "mijn paspoort: {passport}",
    ],
    "iban": [
        "graag terugstorten op {iban}",
        "mijn IBAN is {iban}",
        "rekeningnummer {iban}",
        "IBAN: {iban}",
    ],
    "ip": ["mijn IP-adres is {ip}", "geblokkeerd vanaf IP {ip}", "IP {ip}"],
    "dob": ["geboortedatum {dob}", "geboren op {dob}", "geb. {dob}"],
    "other": [
        "uw collega {first2} zei dat ik moest mailen",
        "ik heb gisteren {name2} gesproken",
        "de bezorger {first2} was onbeleefd",
        "voeg {name2} toe als tweede rekeninghouder",
    ],
    "close": ["Bedankt", "Met vriendelijke groet,", "Groetjes", "Mvg", "Alvast bedankt", "Groet,"],
    "sign": [
        "{name}",
        "{first}",
        "{name}\n{phone}",
        "--\n{name}\n{address}",
        "{name}\nVerzonden vanaf mijn iPhone",
    ],
    "sign_plain": ["Verzonden vanaf mijn iPhone", "", "Verstuurd vanaf mijn telefoon"],
}

PT = {
    "greet": [
        "Olá,",
        "Bom dia",
        "Boa tarde,",
        "Exmos. Senhores,",
        "Oi",
        "Olá {first2},",
        "Boa noite",
        "Prezados,",
    ],
    "intro": [
        "o meu nome é {name}",
        "sou {name}.",
        "sou a {first} outra vez",
        "{name} aqui,",
        "escrevo em nome da minha mãe, {name2}.",
        "nome: {name}",
        "a Sra. {last}",
        "fala o Sr. {last}",
        "titular da conta: {name}",
        "meu nome é {first} {last}",
    ],
    "body": [
        "a minha encomenda {order} ainda não chegou",
        "o rastreio {track} está parado desde {ddate}",
        "cobraram {price} duas vezes",
        "o artigo {product} chegou partido",
        "quero devolver a fatura {invoice}",
        "a app fecha sozinha desde a versão {version}",
        "entregam em {city}? código postal {postcode}",
        "o número do processo é {ref}",
        "a encomenda {track} foi para a morada antiga",
        "quero cancelar a assinatura de {price}",
        "esqueci a minha palavra-passe",
        "onde fica o código de segurança do cartão?",
        "nunca recebi o código por SMS",
        "precisam de cópia do passaporte?",
        "pedido {order}: faltam dois artigos",
        "podem entregar dia {ddate} por volta das {time}?",
        "estamos em {country} até {ddate}",
        "o reembolso de {price} não chegou",
        "porque cancelaram o pedido {order}?",
        "tudo certo, obrigado pela rapidez",
        "encomendei {qty} {product} e só veio um",
    ],
    "phone": [
        "podem ligar-me para o {phone}",
        "o meu telemóvel é {phone}",
        "tel. {phone}",
        "celular: {phone}",
        "liguem à {first2} para o {phone2}, é ela que trata",
        "whatsapp {phone}",
        "meu número novo é {phone}",
    ],
    "email": [
        "o meu email é {email}",
        "escrevam para {email}",
        "e-mail: {email}",
        "enviem a fatura para {email}",
        "novo email {email}",
    ],
    "address": [
        "a minha morada é {address}",
        "enviem para {address}",
        "nova morada:\n{address}",
        "moro na {address}",
        "endereço de faturação: {address}",
        "entregar ao meu filho {name2}, {address}",
    ],
    "card": [
        "cartão {card} validade {exp} cvv {cvv}",
        "número do cartão: {card}",
        "bloqueiem o cartão {card}",
        "Visa {card}, data de validade {exp}, código de segurança {cvv}",
        "cartão {card}\nexpira {exp}\nCVV {cvv}",
    ],
    "cvv": ["código de segurança {cvv}", "CVV: {cvv}", "os 3 dígitos atrás: {cvv}"],
    "exp": ["expira em {exp}", "validade {exp}", "válido até {exp}"],
    "secret": [
        "a minha senha é {pw}",
        "palavra-passe: {pw}",
        "PIN {pin}",
        "o código do SMS é {otp}",
        "código de verificação {otp}",
        "resposta de segurança: {answer}",
        "nome de solteira da minha mãe: {answer}",
        "tentei a senha {pw}",
    ],
    "passport": [
        "número do passaporte {passport}",
        "passaporte n.º {passport}",
        "o meu passaporte: {passport}",
    ],
    "iban": [
        "reembolsem para o IBAN {iban}",
        "o meu IBAN é {iban}",
        "NIB/IBAN {iban}",
        "transferência para {iban}",
    ],
    "ip": ["o meu IP é {ip}", "bloqueado a partir do IP {ip}", "endereço IP {ip}"],
    "dob": ["data de nascimento {dob}", "nasci a {dob}", "nascido em {dob}", "DN: {dob}"],
    "other": [
        "o vosso colega {first2} disse para escrever",
        "falei ontem com {name2}",
        "o estafeta {first2} foi mal-educado",
        "adicionem {name2} como cotitular",
    ],
    "close": ["Obrigado", "Obrigada", "Cumprimentos,", "Atenciosamente,", "Abraço", "obg"],
    "sign": [
        "{name}",
        "{first}",
        "{name}\n{phone}",
        "--\n{name}\n{address}",
        "{name}\nEnviado do meu iPhone",
    ],
    "sign_plain": ["Enviado do meu iPhone", "", "Enviado do meu telemóvel"],
}

LANGS = {"en": EN, "fr": FR, "de": DE, "es": ES, "it": IT, "nl": NL, "pt": PT}

# Whole messages (several clauses, odd layouts) that the fragment composer would not produce.
WHOLE = {
    "en": [
        "hey its {first} again, still no refund for {order}. call me {phone}",
        "please call {first} at {phone}",
        "Name {first}\nOrder {order}\nProblem: never arrived",
        "this is {first}s account not mine, her email is {email}",
        "HI MY NAME IS {name} AND I HAVE BEEN WAITING 3 WEEKS FOR ORDER {order}",
        "hello i am {first} from {country} my whatsapp {phone} my email {email} please answer",
        "{first} here - new card is {card} exp {exp} cvv {cvv} pls update the subscription",
        "can you send it to my work instead? {address}. ask for {first2} at reception",
        "Full name: {name}\nDOB: {dob}\nPassport: {passport}\nPhone: {phone}",
        "Hi {first2}, as discussed my details are {name}, {address}, {phone}. Thanks!",
        "my wife {name2} and i both got charged {price}, her card is {card}",
        "ok so the code is {otp} and my pw is {pw}, still cant log in",
        "i am locked out. security answer is {answer}, dob {dob}, postcode {postcode}",
        "Returning {product} (order {order}). Collection address: {address}. Contact {phone}.",
        "From: {name} <{email}>\nSubject: refund {order}\n\nstill waiting on my refund of {price}",
        "tried from {ip} and from my phone, both blocked. user {email}",
        "my landlord {name2} will sign for it, {address}",
        "my dad {name2} passed away, please close his account. I'm his son {first}, tel {phone}",
        "{name}\n{address}\n{phone}\n\nre: order {order}",
        "pls refund to iban {iban} (account holder {name}), thx",
        "On {ddate}, {name} <{email}> wrote:\n> where is my order {order}",
        "text 2 me on {phone} not email",
    ],
    "fr": [
        "c'est {first}, toujours pas de remboursement pour {order}, rappelez-moi au {phone}",
        "Nom : {name}\nTél : {phone}\nAdresse : {address}",
        "BONJOUR JE SUIS {name} ET J'ATTENDS MA COMMANDE {order} DEPUIS 3 SEMAINES",
        "envoyez au bureau : {address}, demandez {first2} à l'accueil",
        "nouvelle carte {card} exp {exp} crypto {cvv} merci de mettre à jour",
        "De : {name} <{email}>\nObjet : commande {order}\n\ntoujours rien reçu",
    ],
    "de": [
        "hier nochmal {first}, immer noch keine Erstattung für {order}, ruft mich an {phone}",
        "Name: {name}\nTel.: {phone}\nAnschrift: {address}",
        "HALLO ICH BIN {name} UND WARTE SEIT 3 WOCHEN AUF {order}",
        "bitte an meine Arbeit: {address}, nach {first2} am Empfang fragen",
        "neue Karte {card} gültig bis {exp} CVC {cvv}, bitte Abo umstellen",
        "Von: {name} <{email}>\nBetreff: Bestellung {order}\n\nimmer noch nichts",
    ],
    "es": [
        "soy {first} otra vez, sigo sin reembolso del pedido {order}, llamadme al {phone}",
        "Nombre: {name}\nTel: {phone}\nDirección: {address}",
        "HOLA SOY {name} Y LLEVO 3 SEMANAS ESPERANDO EL PEDIDO {order}",
        "enviadlo a mi trabajo: {address}, preguntad por {first2} en recepción",
        "tarjeta nueva {card} cad {exp} cvv {cvv} actualizad la suscripción",
        "De: {name} <{email}>\nAsunto: pedido {order}\n\nsigo sin recibir nada",
    ],
    "it": [
        "sono ancora {first}, nessun rimborso per {order}, richiamatemi al {phone}",
        "Nome: {name}\nTel: {phone}\nIndirizzo: {address}",
        "SALVE SONO {name} E ASPETTO L'ORDINE {order} DA 3 SETTIMANE",
        "spedite in ufficio: {address}, chiedete di {first2} alla reception",
        "nuova carta {card} scad {exp} cvv {cvv} aggiornate l'abbonamento",
        "Da: {name} <{email}>\nOggetto: ordine {order}\n\nancora niente",
    ],
    "nl": [
        "met {first} weer, nog steeds geen terugbetaling voor {order}, bel me op {phone}",
        "Naam: {name}\nTel: {phone}\nAdres: {address}",
        "HALLO IK BEN {name} EN WACHT AL 3 WEKEN OP {order}",
        "stuur het naar mijn werk: {address}, vraag naar {first2} bij de receptie",
        "nieuwe kaart {card} geldig tot {exp} cvc {cvv} graag abonnement aanpassen",
        "Van: {name} <{email}>\nOnderwerp: bestelling {order}\n\nnog steeds niks",
    ],
    "pt": [
        "sou a {first} outra vez, continuo sem reembolso da encomenda {order}, liguem {phone}",
        "Nome: {name}\nTel: {phone}\nMorada: {address}",
        "OLÁ SOU {name} E ESTOU À ESPERA DA ENCOMENDA {order} HÁ 3 SEMANAS",
        "enviem para o meu trabalho: {address}, perguntem pela {first2} na receção",
        "cartão novo {card} val {exp} cvv {cvv} atualizem a assinatura",
        "De: {name} <{email}>\nAssunto: encomenda {order}\n\nainda nada",
    ],
}

CITIES = {
    "en": ["Chicago", "Leeds", "Toronto", "Galway", "Perth", "Boston", "Cardiff", "Brisbane"],
    "fr": ["Lyon", "Bordeaux", "Montréal", "Lille", "Nantes"],
    "de": ["Köln", "Hamburg", "Leipzig", "Wien"],
    "es": ["Sevilla", "Bilbao", "Valencia", "Málaga"],
    "it": ["Bologna", "Torino", "Bari", "Verona"],
    "nl": ["Utrecht", "Groningen", "Eindhoven", "Gent"],
    "pt": ["Porto", "Coimbra", "Recife", "Faro"],
}
COUNTRY_WORDS = {
    "en": ["Spain", "Canada", "Portugal", "Germany", "the US", "Ireland", "Japan", "Mexico"],
    "fr": ["Espagne", "Italie", "Belgique", "Suisse"],
    "de": ["Spanien", "Österreich", "Italien", "Dänemark"],
    "es": ["Francia", "Portugal", "México", "Italia"],
    "it": ["Francia", "Spagna", "Grecia", "Germania"],
    "nl": ["Spanje", "Frankrijk", "Duitsland", "België"],
    "pt": ["Espanha", "França", "Brasil", "Angola"],
}
WEEKDAYS = {
    "en": ["Monday", "Tuesday", "Friday", "Saturday"],
    "fr": ["lundi", "mardi", "vendredi"],
    "de": ["Montag", "Dienstag", "Freitag"],
    "es": ["lunes", "martes", "viernes"],
    "it": ["lunedì", "martedì", "venerdì"],
    "nl": ["maandag", "dinsdag", "vrijdag"],
    "pt": ["segunda", "terça", "sexta"],
}

POSTCODES = {
    "en": ["90210", "SW1A", "M20", "D08", "2150", "K1A 0B1", "10001"],
    "fr": ["75011", "69003", "33000"],
    "de": ["10115", "80331", "50667"],
    "es": ["28013", "08001", "41001"],
    "it": ["20121", "00186", "40121"],
    "nl": ["1015", "3511", "9711"],
    "pt": ["4000-123", "1100", "01310-100"],
}

SLOT = re.compile(r"\{(\w+)(?:\.(\w+))?\}")


# =========================================================================== composition


class Person:
    def __init__(self, names: V.NameMaker, lang: str) -> None:
        self.first = names.first(lang)
        self.last = names.last(lang)
        r = names.rng.random()
        if r < 0.12:
            self.name = f"{self.first} {names.rng.choice('ABCDEFGHJKLMNPRSTVW')}. {self.last}"
        elif r < 0.17:
            self.name = f"{self.first}-{names.first(lang)} {self.last}"
        else:
            self.name = f"{self.first} {self.last}"


class Ctx:
    """Values for one message (the writer, one other person, one country)."""

    def __init__(self, rng: random.Random, names: V.NameMaker, fakers: dict[str, Faker], lang: str):
        self.rng, self.lang, self.fakers = rng, lang, fakers
        cs = COUNTRIES[lang]
        self.country = rng.choices([c for c, _ in cs], [w for _, w in cs])[0]
        self.me = Person(names, lang)
        self.other = Person(names, lang)
        self.cache: dict[str, str] = {}
        self.tails: dict[str, str] = {}

    def value(self, slot: str) -> str:
        if slot in self.cache:
            return self.cache[slot]
        r, lang, c, f = self.rng, self.lang, self.country, self.fakers["en_US"]
        v: str
        if slot == "name":
            v = self.me.name
        elif slot == "first":
            v = self.me.first
        elif slot == "last":
            v = self.me.last
        elif slot == "firstlast":
            v = f"{self.me.first} {self.me.last}"
        elif slot == "firstLAST":
            v = f"{self.me.first} {self.me.last.upper()}"
        elif slot == "name2":
            v = self.other.name
        elif slot == "first2":
            v = self.other.first
        elif slot in ("phone", "phone2"):
            v = V.phone(r, c)
        elif slot == "email":
            v = V.email(r, self.me.first, self.me.last, c, lang)
        elif slot == "address":
            v, self.tails["address"] = V.address(r, c)
        elif slot == "card":
            v = V.card(r, f)
        elif slot == "cvv":
            v = V.cvv(r)
        elif slot == "exp":
            v = V.expiry(r, lang)
        elif slot == "pw":
            v = V.password(r)
        elif slot == "pin":
            v = V.pin(r)
        elif slot == "otp":
            v = V.otp(r)
        elif slot == "answer":
            v = V.answer(r)
        elif slot == "passport":
            v = V.passport(r, c)
        elif slot == "iban":
            v = V.iban(r, self.fakers, c)
        elif slot == "ssn":
            v = V.ssn(r, f)
        elif slot == "ip":
            v = V.ip(r, f)
        elif slot == "dob":
            v = V.dob(r, lang)
        elif slot == "order":
            v = V.order_no(r)
        elif slot == "track":
            v = V.tracking(r)
        elif slot == "price":
            v = V.price(r, lang)
        elif slot == "product":
            v = V.product_code(r)
        elif slot == "invoice":
            v = V.invoice(r)
        elif slot == "ref":
            v = V.case_ref(r)
        elif slot == "version":
            v = V.version(r)
        elif slot == "ddate":
            m = r.randint(1, 12)
            v = r.choice(
                [
                    f"{r.randint(1, 28)} {V.MONTHS[lang][m - 1]}",
                    f"{r.randint(1, 28):02d}/{m:02d}",
                    r.choice(WEEKDAYS[lang]),
                    f"{r.randint(1, 28)}.{m}.",
                ]
            )
        elif slot == "city":
            v = r.choice(CITIES[lang])
        elif slot == "country":
            v = r.choice(COUNTRY_WORDS[lang])
        elif slot == "postcode":
            v = r.choice(POSTCODES[lang])
        elif slot == "time":
            v = r.choice(["10:30", "14h", "9am", "16:00", "18h30", "half past two"])
        elif slot == "qty":
            v = str(r.randint(2, 6))
        else:
            raise KeyError(slot)
        self.cache[slot] = v
        return v


class Msg:
    """Segments of (text, entity or None); spans are computed when the text is joined."""

    def __init__(self) -> None:
        self.segs: list[list] = []

    def lit(self, s: str) -> None:
        if s:
            self.segs.append([s, None])

    def ent(self, s: str, entity: str) -> None:
        self.segs.append([s, entity])

    def fill(self, template: str, ctx: Ctx) -> None:
        # "{first} {last}" is one name, so one span
        template = template.replace("{first} {last.upper}", "{firstLAST}")
        template = template.replace("{first} {last}", "{firstlast}")
        pos = 0
        for m in SLOT.finditer(template):
            self.lit(template[pos : m.start()])
            slot, mod = m.group(1), m.group(2)
            v = ctx.value(slot)
            if mod == "upper" or SLOT.sub("", template).isupper():
                v = v.upper() if len(v.upper()) == len(v) else v
            if slot in ENTITY:
                self.ent(v, ENTITY[slot])
                if slot == "address" and ctx.tails.get("address") and ctx.rng.random() < 0.7:
                    self.lit(ctx.rng.choice([", ", "\n", " "]) + ctx.tails["address"])
            else:
                self.lit(v)
            pos = m.end()
        self.lit(template[pos:])

    def render(self) -> tuple[str, list[dict]]:
        text, spans = "", []
        for s, e in self.segs:
            if e:
                spans.append({"start": len(text), "end": len(text) + len(s), "entity": e})
            text += s
        return text, spans


def typo(rng: random.Random, s: str) -> str:
    words = s.split(" ")
    idx = [i for i, w in enumerate(words) if len(w) > 4 and w.isalpha()]
    if not idx:
        return s
    i = rng.choice(idx)
    w = words[i]
    j = rng.randint(1, len(w) - 2)
    kind = rng.random()
    if kind < 0.5:
        w = w[:j] + w[j + 1] + w[j] + w[j + 2 :]
    elif kind < 0.8:
        w = w[:j] + w[j + 1 :]
    else:
        w = w[:j] + w[j] + w[j:]
    words[i] = w
    return " ".join(words)


class Pools:
    """Each phrase list cut in two with a fixed seed: dev draws from one half, final from the other."""

    def __init__(self, seed: int) -> None:
        self.halves: dict[tuple[str, str], tuple[list[str], list[str]]] = {}
        self.seed = seed

    def get(self, lang: str, pool: str, split: str) -> list[str]:
        key = (lang, pool)
        if key not in self.halves:
            items = list(WHOLE[lang]) if pool == "whole" else list(LANGS[lang][pool])
            random.Random(f"{self.seed}-{lang}-{pool}").shuffle(items)
            if len(items) < 2:
                self.halves[key] = (items, items)
            else:
                k = (len(items) + 1) // 2
                self.halves[key] = (items[:k], items[k:])
        dev, final = self.halves[key]
        return dev if split == "dev" else final


CONTACT_WEIGHTS = {
    "phone": 10,
    "email": 9,
    "address": 9,
    "card": 5,
    "cvv": 2,
    "exp": 2,
    "secret": 5,
    "passport": 3,
    "iban": 4,
    "ssn": 3,
    "ip": 3,
    "dob": 4,
    "other": 5,
}


def compose(rng: random.Random, pools: Pools, ctx: Ctx, lang: str, split: str) -> Msg:
    P = lambda pool: pools.get(lang, pool, split)  # noqa: E731
    msg = Msg()
    email_style = rng.random() < 0.45
    joiner = (
        (lambda: rng.choice(["\n", "\n\n"]))
        if email_style
        else (lambda: rng.choice([" ", " ", ". ", ", ", " - ", "\n"]))
    )
    roll = rng.random()
    pieces: list[str] = []
    if roll < 0.17:  # no personal data at all
        if rng.random() < 0.7:
            pieces.append(rng.choice([g for g in P("greet") if "{" not in g] or ["Hi"]))
        for t in rng.sample(P("body"), k=min(len(P("body")), rng.choice([1, 1, 2, 3]))):
            pieces.append(t)
        if rng.random() < 0.6:
            pieces.append(rng.choice(P("close")))
        if rng.random() < 0.3:
            pieces.append(rng.choice(P("sign_plain")))
    elif roll < 0.30:
        pieces.append(rng.choice(P("whole")))
    else:
        if rng.random() < 0.75:
            pieces.append(rng.choice(P("greet")))
        if rng.random() < 0.45:
            pieces.append(rng.choice(P("intro")))
        pieces.append(rng.choice(P("body")))
        kinds = [k for k in CONTACT_WEIGHTS if k in LANGS[lang]]
        weights = dict(CONTACT_WEIGHTS)
        if ctx.country != "US":
            kinds = [k for k in kinds if k != "ssn"]
        else:
            weights["ssn"] = 30
        k = rng.choice([1, 1, 1, 2, 2, 3])
        chosen: list[str] = []
        while len(chosen) < k:
            c = rng.choices(kinds, [weights[x] for x in kinds])[0]
            if c not in chosen:
                chosen.append(c)
        # a security code or expiry date only ever follows a card number
        extras = [c for c in chosen if c in ("cvv", "exp")]
        if extras:
            chosen = [c for c in chosen if c not in extras]
            if "card" not in chosen:
                chosen.append("card")
            at = chosen.index("card") + 1
            chosen[at:at] = extras
        for c in chosen:
            pieces.append(rng.choice(P(c)))
        if rng.random() < 0.3:
            pieces.append(rng.choice(P("body")))
        if rng.random() < 0.6:
            pieces.append(rng.choice(P("close")))
        if rng.random() < 0.45:
            pieces.append(rng.choice(P("sign")))
    pieces = [p for p in pieces if p]
    for i, p in enumerate(pieces):
        if i:
            j = joiner()
            if pieces[i - 1][-1:] in ",.!?:" and j.strip():
                j = " "
            msg.lit(j)
        msg.fill(p, ctx)
    return msg


def noisy(rng: random.Random, msg: Msg) -> None:
    roll = rng.random()
    if roll < 0.12:  # all lowercase (names, emails and addresses too)
        for seg in msg.segs:
            low = seg[0].lower()
            if len(low) == len(seg[0]):
                seg[0] = low
    elif roll < 0.18:  # lowercase names only
        for seg in msg.segs:
            if seg[1] == "PERSON":
                seg[0] = seg[0].lower()
    lits = [seg for seg in msg.segs if seg[1] is None]
    for _ in range(rng.choice([0, 0, 0, 1, 1, 2])):  # typos, in words that are not values
        if lits:
            seg = rng.choice(lits)
            seg[0] = typo(rng, seg[0])
    if rng.random() < 0.2:  # stray spaces
        for seg in msg.segs:
            if seg[1] is None and "  " not in seg[0] and rng.random() < 0.3:
                seg[0] = seg[0].replace(", ", " ,", 1)


def main() -> None:
    names = V.NameMaker(random.Random(SEED + 7), SEED + 100)
    fakers: dict[str, Faker] = {}
    for i, loc in enumerate(sorted(set(V.IBAN_LOCALE.values()) | {"en_US"})):
        fakers[loc] = Faker(loc)
        fakers[loc].seed_instance(SEED + 200 + i)
    pools = Pools(SEED)
    records = []
    for li, (lang, n) in enumerate(PER_LANG.items()):
        rng = random.Random(SEED * 10 + li)
        seen: set[str] = set()
        i = 0
        while i < n:
            split = "dev" if i % 2 == 0 else "final"
            ctx = Ctx(rng, names, fakers, lang)
            msg = compose(rng, pools, ctx, lang, split)
            noisy(rng, msg)
            text, spans = msg.render()
            text_s = text.strip()
            if not text_s or text in seen:
                continue
            seen.add(text)
            verify(msg, text, spans)
            records.append(
                {
                    "text": text,
                    "spans": spans,
                    "source": SOURCE,
                    "lang": lang,
                    "split": split,
                    "locale": ctx.country,
                }
            )
            i += 1
    with open(OUT, "w", encoding="utf-8") as fh:
        for r in records:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    report(records)


def verify(msg: Msg, text: str, spans: list[dict]) -> None:
    ents = [s for s, e in msg.segs if e]
    assert [text[s["start"] : s["end"]] for s in spans] == ents
    last = 0
    for s in spans:
        piece = text[s["start"] : s["end"]]
        assert last <= s["start"] < s["end"], spans
        assert piece.strip() == piece and piece, repr(piece)
        last = s["end"]


def report(records: list[dict]) -> None:
    c: collections.Counter[tuple[str, str]] = collections.Counter()
    n: collections.Counter[tuple[str, str]] = collections.Counter()
    empty: collections.Counter[str] = collections.Counter()
    for r in records:
        n[(r["lang"], r["split"])] += 1
        if not r["spans"]:
            empty[r["split"]] += 1
        for s in r["spans"]:
            c[(r["split"], s["entity"])] += 1
    print(f"wrote {len(records)} records to {OUT}")
    for lang in PER_LANG:
        print(f"  {lang}: dev={n[(lang, 'dev')]} final={n[(lang, 'final')]}")
    print(f"  no-PII messages: dev={empty['dev']} final={empty['final']}")
    for ent in sorted({e for _, e in c}):
        print(f"  {ent:20} dev={c[('dev', ent)]:4}  final={c[('final', ent)]:4}")


if __name__ == "__main__":
    main()
