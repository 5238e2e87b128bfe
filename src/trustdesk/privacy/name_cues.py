"""The context cues of the PERSON recognizer: sign-offs, introductions, titles, greetings.

Each cue is a named group of ``CUES``; the group name says how much the cue proves
(``STRONG_KINDS`` admit unknown capitalised words; the others need the lexicon).
"""

from __future__ import annotations

import re

PARTICLES = frozenset(
    "van der den de del della dei degli di da dal dos das du von zu le la ter ten bin ibn al"
    " st".split()
)

_SIGNOFF = (
    r"thanks(?: again| so much| a lot| in advance)?|thank you(?: so much| again)?|many thanks"
    r"|(?:kind |best |warm |warmest |kindest )?regards|best wishes|all the best|best|cheers"
    r"|(?:yours )?sincerely|yours (?:truly|faithfully)|take care|respectfully|cordially|thx|ty"
    r"|(?:viele |liebe |beste |freundliche |mit freundlichen )gr(?:ü|ue)(?:ß|ss)en?|lg|mfg"
    r"|cordialement|bien à vous|merci(?: beaucoup)?|bisous|saludos|un saludo|atentamente"
    r"|gracias|(?:cordiali |distinti )?saluti|grazie(?: mille)?"
    r"|met vriendelijke groet(?:en)?|(?:hartelijke )?groet(?:en|jes)|bedankt|dank (?:je|u) wel"
)
_STRONG_INTRO = (
    r"my name is|my name's|my names is|name is|signed"
    r"|(?:full |customer |account holder(?:'s)? |cardholder(?:'s)? |contact |recipient )?name"
    r"\s*[:=–-]|mein name ist|ich heiße|ich heisse|je m'appelle|je m’appelle|mon nom est"
    r"|me llamo|mi nombre es|mi chiamo|il mio nome è|mijn naam is|ik heet"
)
_GREETINGS = (
    r"hi|hello|hey|dear|good (?:morning|afternoon|evening)|hallo|liebe|lieber|sehr geehrte[r]?"
    r"|bonjour|salut|cher|chère|hola|estimad[oa]|ciao|buongiorno|gentile|car[oa]|beste|geachte|hoi"
    r"|goedemiddag|goedemorgen"
)
_SELF = r"this is|it's|it’s|it is|i'm|i’m|i am|here is|je suis|ich bin|soy|sono|ik ben|call me"
_AGENT = (
    r"(?:(?:spoke|speaking|talked|talking|chatted|dealt|spoken) (?:to|with)|ask(?:ed)? for"
    r"|agent|colleague|representative|rep|advisor|adviser|driver|courier|manager|supervisor"
    r"|technician|assistant|neighbou?r|husband|wife|partner|mother|father|son|daughter"
    r")(?: named| called)?"
)
_OBJECT = r"for|called|named|on behalf of|cc|signed for by|signed by"
TITLES = frozenset(
    "mr mrs ms miss mx dr prof sir dame herr frau hr fr m mme mlle monsieur madame sr sra srta"
    " señor señora doña sig signor signora dott dhr mevr mevrouw meneer".split()
)
_TITLE_RE = "|".join(sorted(TITLES, key=len, reverse=True)) + r"|sig\.ra|dott\.ssa"
CUES = re.compile(
    rf"(?P<signoff>\b(?:{_SIGNOFF})[ \t]*(?:[,!.:–—-]+[ \t]*\n?|\n)[ \t]*)"
    rf"|(?P<signoff_weak>\b(?:{_SIGNOFF})[ \t]+)"
    rf"|(?P<dash>(?:^|(?<=\s))(?:—|–|--)[ \t]*)"
    rf"|(?P<strong>\b(?:{_STRONG_INTRO})[ \t]*)"
    rf"|(?P<title>\b(?:{_TITLE_RE})\.?[ \t]+)"
    rf"|(?P<greet>\b(?:{_GREETINGS})\b[ \t]*,?[ \t]*)"
    rf"|(?P<self>\b(?:{_SELF})\b[ \t]*,?[ \t]*)"
    rf"|(?P<agent>\b(?:{_AGENT})\b,?[ \t]*)"
    rf"|(?P<object>\b(?:{_OBJECT})[ \t]+)",
    re.IGNORECASE,
)
DASH = re.compile(r"—|–|--")
STRONG_KINDS = frozenset({"signoff", "dash", "strong", "title"})
COMPANY_AFTER = re.compile(
    r"\s*(?:&|\+|and (?:co|sons)\b|(?:ltd|inc|llc|gmbh|plc|co|corp|group|s\.?a\.?|s\.?r\.?l\.?"
    r"|b\.?v\.?)\b)",
    re.IGNORECASE,
)
FROM_TEAM = re.compile(
    r"\s+(?:from|at|in|of) (?:your|the) (?:team|support|customer service|service desk|store|shop)",
    re.IGNORECASE,
)
VOCATIVE_END = re.compile(r"[ \t]*(?:[,!.?:;)]|$)")
LINE_END = re.compile(r"[ \t.!]*(?:\n|$)")
