"""Personal data: detection, placeholder redaction, the encrypted vault, consent, retention and
data subject requests.

Kept empty on purpose: import from the defining module (``trustdesk.privacy.detector``,
``trustdesk.privacy.placeholders`` …) so that a light module never pulls in phonenumbers or the
name lexicon.
"""
