"""The names of the personal-data entities a policy may ask to redact (Presidio's vocabulary
where it has one).

The policy owns this vocabulary so that validating a policy needs no recognizer: the recognizers
in ``trustdesk.privacy.recognizers`` implement exactly these names, in this order (a unit test
holds the two together), and ``privacy`` may import ``policy`` but never the other way round.
Nothing here imports anything.
"""

from __future__ import annotations

# National identity numbers, in the order of ``trustdesk.privacy.national_ids.RULES``.
_NATIONAL_ID_ENTITIES: tuple[str, ...] = (
    "UK_NINO",
    "UK_NHS",
    "ES_NIF",
    "ES_NIE",
    "IT_FISCAL_CODE",
    "PL_PESEL",
    "FI_PERSONAL_IDENTITY_CODE",
    "SE_PERSONNUMMER",
    "NL_BSN",
)

# Every entity a built-in recognizer finds; the policy's default is to redact all of them.
BUILT_IN_ENTITIES: tuple[str, ...] = (
    "EMAIL_ADDRESS",
    "PHONE_NUMBER",
    "CREDIT_CARD",
    "IBAN_CODE",
    "US_SSN",
    "IP_ADDRESS",
    "PERSON",
    "ADDRESS",
    "DATE_OF_BIRTH",
    *_NATIONAL_ID_ENTITIES,
    "CARD_SECURITY_CODE",
    "CARD_EXPIRY",
    "SECRET",
    "PASSPORT",
)
