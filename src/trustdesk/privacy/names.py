"""PERSON: names found with name lexicons and context rules, no model needed.

A candidate is a run of name-shaped words: capitalised words, particles inside ("van der",
"de la", "bin"), prefixed surnames ("al-Rashid", "d'Amico"), initials ("Jose M. Williams",
"J.R. Tolkien"). It counts as a person when

- a strong cue precedes it ("my name is", "name:", "From:", a title such as "Mr", a sign-off
  such as "Regards," or "Viele Grüße"): any capitalised words; lowercase words only after an
  introduction or a closing sign-off, or when the lexicon knows them; words in capitals when
  the lexicon knows the first one;
- a weaker cue precedes it ("Hi", "this is", "its", "@", "spoke to", "call", "my neighbour",
  and their French, German, Spanish, Italian, Dutch and Portuguese counterparts): the first
  word must be a known first name or surname (alone: a common first name, not a place);
- no cue at all: a known first name followed by more capitalised words, a capitalised word
  followed by a known surname or a surname particle, initials before a known surname;
- or it is a common first name on its own, outside any run of capitalised words and not after
  an article ("I gave it to Sarah"), or alone on the last line of a message.

Titles are not part of the span. Words that are first names and everyday words ("Will",
"Grace", "Bill", "Alle", "Lei") count only with a cue or next to other name words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from trustdesk.privacy.name_cues import (
    AGAIN_AFTER,
    COMPANY_AFTER,
    CONTACT_AFTER,
    CUES,
    DASH,
    FROM_TEAM,
    HERE_AFTER,
    HOLDER_AFTER,
    JOINERS,
    LINE_END,
    NAME_PREFIX,
    PARTICLES,
    PRODUCT_AFTER,
    RECEPTION_AFTER,
    STREET_TYPES,
    STRONG_KINDS,
    SURNAME_PARTICLES,
    TITLES,
    TRAILER,
    VOCATIVE_END,
)
from trustdesk.privacy.name_lexicon import NameLexicon, fold_name, load_name_lexicon
from trustdesk.privacy.name_words import (
    FOREIGN_FUNCTION_WORDS,
    NAME_WORDS,
    NOT_ALONE,
    NOT_NAME_WORDS,
    PLACE_NAMES,
    PLACE_PREFIXES,
    PLACE_WORDS,
    VOCABULARY_WORDS,
)
from trustdesk.privacy.prefilter import leading_text
from trustdesk.privacy.spans import PiiSpan

# A first name at least this common (SSA total) is trusted on its own at the start of a run.
COMMON_FIRST_NAME_COUNT = 200
# ... and this common, alone with no cue at all ("I gave it to Sarah").
LONE_FIRST_NAME_COUNT = 1000
# ... and this common when it starts a sentence.
SENTENCE_START_COUNT = 20_000
# Words before a capitalised word that make it a thing, not a person ("the Avery", "ein Golf").
_ARTICLES = frozenset(
    "the this that these those our your their its an le les ce cette der die das den dem des"
    " ein eine einen einem einer het een un une una uno um uma".split()
)
MAX_NAME_WORDS = 4
# Words before a lone capitalised word that make it a place or a company ("at Harper",
# "live in Jersey"), and before any candidate that make it something else than a person.
_PLACE_PREPOSITIONS = frozenset("at in into near inside outside became".split())
# Form labels whose value is not a person ("Nationality: Jordan", "Organization: Lam Group") and
# phrases before a company ("works at Klein").
_NOT_NAME_LABELS = tuple(
    "religion diagnosis origin ethnicity nationality gender organization organisation company"
    " employer job title position occupation department city country state region location"
    " product brand model status condition insurance bank town subject".split()
)
_NOT_NAME_BEFORE = (
    " works at",
    " work at",
    " working at",
    " working for",
    " employed at",
    " employed by",
)


def _after_not_name_label(text: str, start: int) -> bool:
    """Whether the words at ``start`` are the value of a label that does not hold a name."""
    segment = text[max(0, start - 40) : start]
    colon = segment.rfind(":")
    if colon >= 0 and "\n" not in segment[colon:]:
        label = segment[:colon].rstrip().lower()
        if label.endswith(_NOT_NAME_LABELS) and not label.endswith("name"):
            return True
    return (" " + segment.rstrip().lower()).endswith(_NOT_NAME_BEFORE)


# "Priyanka, could you ...": a name called at the start of a message.
_HANDLE_CHARS = frozenset("0123456789_")
_LIST_GAPS = frozenset({", ", ",", " & "})
# Particles written with a capital in Flanders, South Africa and the Netherlands' south; the
# article after them belongs to the name ("Van den Eynde", "Van Der Merwe").
_CAPITAL_PARTICLES = frozenset({"Van", "Von"})
# Where a field of a record ends (not at ":": "Gender: Male, Age: 52"; not before a number:
# "Bianchi, Calle 7").
_FIELD_END = re.compile(r"[ \t]*(?:$|[\n;,()|/]|[-–—][ \t]|&)")
# A list of capitalised words goes on after, or came before: "Barbara, Chloe, Sarah and Abbie".
_LIST_AFTER = re.compile(
    r",[ \t]*[A-ZÀ-Þ][\w'-]*(?![\w'-])(?![ \t]*[\d@])|[ \t]+(?:and|&|et|und|y|e|en)[ \t]+[A-ZÀ-Þ]"
)
_LIST_BEFORE = re.compile(r"[A-ZÀ-Þ][\w'-]*,[ \t]*\Z")
# Where a field of a record or a form starts: a surname-first name may stand there.
_FIELD_OPENING = re.compile(
    r"(?:^|\n|[:;=(|]|\s[-–—]|\b(?:name|names|nom|nombre|nome|naam|debtor|creditor|holder"
    r"|titular|titulaire|tenant|patient|student|pupil|employee|payee|record|for|re|under"
    r"|deudor|débiteur|schuldner|inhaber|mieter|locataire|inquilino|inquilino|huurder"
    r"|paciente|patiënt|aluno|alumno|élève|schüler|leerling))[ \t]*$",
    re.IGNORECASE,
)
# A list without a comma is two names joined by "or" ("ask for Hemi or Aroha").
_OR_WORD = re.compile(r" (?:or|ou|oder|o|oppure|of) ")
# "and", and "or" ("ask for Hemi or Aroha", "vraag naar Marieke of Staf") in the seven languages.
_OR_WORDS = frozenset({"or", "ou", "oder", "o", "oppure", "of"})
_AND_WORDS = frozenset({"and", "et", "und", "y", "e", "en"}) | _OR_WORDS
# Verbs after a name at the start of a sentence ("Okafor said", "Okafor said so").
# Verbs of speech and action: after them even an everyday word is a name ("Mark said").
_SPEECH_VERBS = frozenset(
    "said says told asked wrote spent listed shouted replied explained mentioned promised"
    " agreed refused insisted called".split()
)
_SUBJECT_VERBS = frozenset(
    "was has had began said says told asked wrote spent listed shouted went came called replied"
    " added explained mentioned left joined paid ordered bought returned promised"
    " agreed refused insisted lives lived works worked".split()
)
_TRAILER_KINDS = frozenset({"dash", "signoff", "signoff_weak"})
# First words of the phrases that confirm a weak cue (HERE_AFTER, AGAIN_AFTER, HOLDER_AFTER,
# CONTACT_AFTER): a cheap test before those expressions are tried.
_CONFIRM_WORDS = frozenset(
    "here hier qui ici al aqui aquí speaking am sprekend à ao again otra de di ancora outra"
    " encore wieder nochmal weer opnieuw as comme como come als at on to au unter op para na no"
    " via sur bei alla nella bij en a telefoniert gesprochen geredet gebeld getelefoneerd".split()
)
_STREET_WORDS = frozenset("STREET ROAD AVENUE BOULEVARD STRASSE STRAẞE".split())
_ELISION = re.compile(r"(?:j|l|m|t|s|n|c|qu)['’]")  # "j'ai", "l'accueil": French, not a name
# "--\n" (a mail signature's delimiter) or " - " inside a line right before the name.
_LIST_ITEMS = re.compile(r"(?:^|\n)[ \t]*-[ \t]+\S[^\n]*\n[ \t]*-[ \t]+\S")
_SIGNATURE_DASH = re.compile(r"(?:-[ \t]*\n|[^\s-][ \t]+-)[ \t]*\Z")
_AGAIN_CUES = frozenset(
    "its me|it's me|it’s me|it is me|c'est moi|c’est moi|c'est encore moi|c’est encore moi"
    "|sono di nuovo|sono ancora|sono io|soy yo|ik ben het|ik ben het weer|sou eu".split("|")
)
_TRAILER_CHARS = frozenset("+0123456789(|<\n")
# An e-mail address, its local part captured; the letters of that part.
_EMAIL = re.compile(r"([A-Za-z0-9._%+-]+)@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
_LETTERS = re.compile(r"[a-z]+")
# The words of role addresses (privacy@, support@, orders@ …): a business's mailbox names no
# person, and "Privacy" or "Support" in the text are not names.
_ROLE_ADDRESS_WORDS = frozenset(
    """privacy support info information orders order returns return help helpdesk sales
    contact contacts service services admin administrator noreply reply hello team billing
    care customer customers press media jobs careers office mail email shop store accounts
    account security abuse postmaster webmaster hostmaster marketing newsletter news feedback
    enquiries enquiry inquiries inquiry legal finance dpo data protection gdpr compliance
    refunds refund payments payment invoices invoice delivery shipping warranty repairs
    partners partner booking bookings reservations kundenservice kundendienst datenschutz
    contacto atencion soporte ventas assistenza servizio clienti klantenservice atendimento
    suporte vendas""".split()
)
# Words that close a message without being anyone's name (interjections, abbreviations).
_CLOSING_NOT_NAMES = frozenset(
    """hmm hmmm hm ugh argh meh asap lol lmao omg pls plz thx tks ty tia xoxo xx xxx bye byee
    cya ttyl brb fyi imho btw ciao adios tschau doei tchau obg grz mdr ptdr jaja jajaja haha
    hahaha hehe kkk rsrs""".split()
)
_TRAILER_WORDS = frozenset(
    "here hier qui ici al aqui aquí speaking sprekend à am ao tel tél phone mob mobile handy"
    " cell telefone telefono teléfono telefoon sent enviado inviato envoyé von verzonden"
    " verstuurd gesendet get".split()
)
# Cues after which "at", "on" or a number do not mean "contact this person there".
_NOT_CONTACT_CUES = frozenset({"from", "for", "met", "called", "named", "mit"})
_VOCATIVE_START = re.compile(
    r",[ \t]*(?:can|could|would|will|please|i|you|we|do|did|are|is|have|what|when|where|how"
    r"|why)\b",
    re.IGNORECASE,
)
_CACHE_SIZE = 50_000  # word features, a few MB at most

_MENTION = re.compile(r"(?<![\w.@])@(?=[^\W\d_])")
# Runs of initials that are abbreviations, not a person ("U.S. Army", "P.S. Thanks").
# A month's or a weekday's name after a day or before a day or year: "3 Mar 2026", "Jan 14,
# 2026", "Thu, 5 Mar".
_MONTHS = frozenset(
    "Jan Feb Mar Apr May Jun June Jul July Aug Sep Sept Oct Nov Dec April August"
    " Mon Tue Tues Wed Thu Thur Thurs Fri Sat Sun".split()
)
_DAY_BEFORE = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?\.?[ \t]+\Z")
_NUMBER_AFTER = re.compile(r"\.?,?[ \t]+\d{1,4}\b")
_NOT_INITIALS = frozenset(
    "US UK EU UN PS NB AM PM DC LA NY ID TV PC OK BC AD GB NL DE FR ES IT PT CH BE AT IE USA"
    " UAE EC RE FAO ATTN".split()
)
_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*(?:-[^\W\d_]+(?:['’][^\W\d_]+)*)*")


def _starts_sentence(text: str, start: int) -> bool:
    k = start - 1
    while k >= 0 and text[k] in " \t\"'“‘(«—–-":
        k -= 1
    return k < 0 or text[k] in ".!?¿¡:;\n"


def _list_neighbour(
    text: str, words: list[_Word], k: int, step: int, ors: bool = True
) -> int | None:
    """The next member of a list ("A, B and C") from word ``k`` in direction ``step``; with
    ``ors`` false, not across an "or" (a firm is "Hale and Booth", never "Hale or Booth")."""
    joins = _AND_WORDS if ors else _AND_WORDS - _OR_WORDS
    j = k + step
    if not 0 <= j < len(words):
        return None
    left, right = (words[j], words[k]) if step < 0 else (words[k], words[j])
    gap = text[left.end : right.start]
    if gap in _LIST_GAPS:
        if words[j].text.lower() not in _AND_WORDS:
            return j
        gap = " "  # ", and C"
    if gap == " " and words[j].text.lower() in joins:
        n = j + step
        if 0 <= n < len(words):
            left, right = (words[n], words[j]) if step < 0 else (words[j], words[n])
            if text[left.end : right.start] == " ":
                return n
    return None


class _Word(NamedTuple):
    """One token. A named tuple: built for every word of every message, and a tuple is built
    several times faster than a frozen dataclass."""

    start: int
    end: int
    text: str
    title: bool  # capitalised, not all caps
    stop: bool  # never part of a name (function words, greetings, titles)
    vocabulary: bool  # support or shop word: a name only after a strong cue
    particle: bool
    first_count: int  # SSA count; 0 when unknown or an everyday word
    everyday_first: bool  # a first name that is also an everyday word ("Will")
    surname: bool  # census surname that is not an everyday word
    everyday_surname: bool  # census surname that is also an everyday word ("Brown")
    caps: bool  # all capitals, two letters or more ("SMITH")


@dataclass(frozen=True, slots=True)
class _Run:
    indices: list[int]
    names: list[_Word]  # the run without lowercase particles
    start: int
    end: int


class PersonRecognizer:
    """Names of people from lexicons of first names and surnames plus context cues."""

    name = "person_lexicon"
    entities: tuple[str, ...] = ("PERSON",)

    def __init__(self, lexicon: NameLexicon | None = None) -> None:
        self._lexicon = lexicon if lexicon is not None else load_name_lexicon()
        self._cache: dict[str, tuple[int, bool, bool, bool]] = {}
        self._protos: dict[str, tuple[bool, bool, bool, bool, int, bool, bool, bool, bool]] = {}
        # Most words cannot begin a cue; this test, read from CUES itself, rules them out for a
        # fraction of the cost of trying CUES there.
        self._cue_start = leading_text(CUES, width=4)

    def find(self, text: str) -> list[PiiSpan]:
        words = self._words(text)
        if not words:
            return []
        by_start = {word.start: index for index, word in enumerate(words)}
        spans: list[PiiSpan] = []
        used: set[int] = set()
        if "," in text:  # before the cues, which would take the surname alone
            self._inverted(text, words, spans, used)
        # Cues start at a word or a dash; matching only there is several times faster than
        # scanning every position.
        starts = [word.start for word in words]
        if "—" in text or "–" in text or "-" in text:
            dashes = [m.start() for m in DASH.finditer(text)]
            if dashes:  # most hyphens are inside dates and numbers, not before a signature
                starts = sorted({*starts, *dashes})
        if "@" in text:
            starts = sorted({*starts, *(m.start() for m in _MENTION.finditer(text))})
        cue_end = 0
        may_start = self._cue_start.may_match
        for position in starts:
            if position < cue_end or not may_start(text, position):
                continue
            cue = CUES.match(text, position)
            if cue is None:
                continue
            cue_end = cue.end()
            index = by_start.get(cue.end())
            if index is None or index in used:
                continue
            kind = cue.lastgroup or "object"
            if kind == "title" and self._initial_not_title(text, words, by_start, position):
                cue_end = 0
                continue
            found = self._after_cue(text, words, index, kind, " ".join(cue.group().split()))
            if found is not None and not self._place(text, words, found[1]):
                spans.append(found[0])
                used.update(found[1].indices)
        for index in self._signature_ends(text, words, used):
            found = self._signature(text, words, index)
            if (
                found is not None
                and used.isdisjoint(found[1].indices)
                and not self._place(text, words, found[1])
            ):
                spans.append(found[0])
                used.update(found[1].indices)
        for index in range(len(words)):
            if index not in used:
                found = self._bare(text, words, index)
                if (
                    found is not None
                    and used.isdisjoint(found[1].indices)
                    and not self._place(text, words, found[1])
                ):
                    spans.append(found[0])
                    used.update(found[1].indices)
        if "@" in text:
            self._named_in_email(text, words, spans, used)
        if spans and ("," in text or _OR_WORD.search(text)):
            singles = [
                index
                for index, end in ((by_start.get(span.start), span.end) for span in spans)
                if index is not None and words[index].end == end
            ]
            if singles:
                self._list_members(text, words, singles, spans, used)
        return sorted(spans, key=lambda span: span.start)

    def _list_members(
        self,
        text: str,
        words: list[_Word],
        singles: list[int],
        spans: list[PiiSpan],
        used: set[int],
    ) -> None:
        """Single capitalised words listed with a name found alone are names too: "They had
        six: Ines, Rohit, Kavyashree and Dario." A list holding a surname that is
        hardly a first name is a firm ("Hale, Ortega and Booth") and adds nothing."""
        for seed in singles:
            if self._in_firm_name(text, words, seed):
                continue
            for step in (-1, 1):
                k = seed
                while True:
                    member = _list_neighbour(text, words, k, step)
                    if member is None:
                        break
                    k = member
                    word = words[k]
                    if k in used:
                        continue
                    if not self._list_word(text, words, k):
                        break
                    spans.append(
                        PiiSpan(
                            word.start,
                            word.end,
                            "PERSON",
                            0.5,
                            "person_lexicon",
                            "capitalised word listed with a name",
                        )
                    )
                    used.add(k)

    @staticmethod
    def _list_word(text: str, words: list[_Word], k: int) -> bool:
        word = words[k]
        if not word.title or word.stop or word.vocabulary or word.particle or len(word.text) < 3:
            return False
        if word.text.upper() in PLACE_NAMES or word.text.upper() in NOT_ALONE:
            return False
        before = words[k - 1] if k > 0 else None
        after = words[k + 1] if k + 1 < len(words) else None
        # one word, not part of a longer capitalised run ("Ines", not "Kavya Shah")
        return not (
            (before is not None and before.title and text[before.end : word.start] == " ")
            or (after is not None and after.title and text[word.end : after.start] == " ")
        )

    # --- words and runs ---------------------------------------------------------------------

    def _place(self, text: str, words: list[_Word], run: _Run) -> bool:
        """A run that names a place, a body or a street: "Faroe Islands", "Border
        Force", "Gandhi Marg", "Oakley Brook Street", "Kimberly Glen street"."""
        last = run.indices[-1]
        return (
            any(w.text.upper() in PLACE_WORDS for w in run.names)
            or (
                last + 1 < len(words)
                and words[last + 1].text.upper() in PLACE_WORDS
                and self._joined(text, words[last], words[last + 1])
            )
            or any(w.text.upper() in _STREET_WORDS for w in run.names[1:])
            or (
                last + 1 < len(words)
                and words[last + 1].text.lower() in STREET_TYPES
                and text[run.end : words[last + 1].start] in (" ", "  ")
            )
        )

    def _words(self, text: str) -> list[_Word]:
        words: list[_Word] = []
        protos = self._protos
        for m in _TOKEN.finditer(text):
            raw, start, end = m.group(), m.start(), m.end()
            if len(raw) > 3 and raw[-2:] in ("'s", "’s"):
                raw, end = raw[:-2], end - 2
            proto = protos.get(raw)
            if proto is None:
                proto = self._proto(raw)
                if len(protos) < _CACHE_SIZE:
                    protos[raw] = proto
            words.append(_Word(start, end, raw, *proto))
        return words

    def _proto(self, raw: str) -> tuple[bool, bool, bool, bool, int, bool, bool, bool, bool]:
        """Everything about a word but its position (see ``_Word``)."""
        upper = raw.upper().replace("’", "'")
        caps = len(raw) > 1 and raw.isupper()
        title = raw[0].isupper() and not caps
        prefix = NAME_PREFIX.match(raw)
        if prefix is not None and not title:  # "al-Rashid", "d'Amico", not "d'IA"
            rest = raw[prefix.end() :]
            title = rest[:1].isupper() and not (len(rest) > 1 and rest.isupper())
        lower = raw.lower()
        particle = lower in PARTICLES
        if (
            upper in NOT_NAME_WORDS
            or lower in TITLES
            or (lower == raw and _ELISION.match(raw))
            or (lower == raw and upper in FOREIGN_FUNCTION_WORDS)
        ):
            # Function words are most tokens; they never reach the lexicon.
            return (title, True, False, particle, 0, False, False, False, caps)
        vocabulary = upper in VOCABULARY_WORDS or (
            "-" in upper and any(part in VOCABULARY_WORDS for part in upper.split("-"))
        )
        first_count, everyday_first, surname, everyday_surname = self._features(upper)
        if upper in FOREIGN_FUNCTION_WORDS:  # "Bien", "Alle": a name only after a name word
            first_count, everyday_first = 0, True
            surname, everyday_surname = False, surname
        return (
            title,
            False,
            vocabulary,
            particle,
            first_count,
            everyday_first,
            surname,
            everyday_surname,
            caps,
        )

    def _features(self, upper: str) -> tuple[int, bool, bool, bool]:
        """(first-name count, everyday first name, surname, everyday surname) of a word."""
        cached = self._cache.get(upper)
        if cached is not None:
            return cached
        lexicon = self._lexicon
        parts = [
            part if part.isascii() and part.isalpha() else fold_name(part)
            for part in upper.split("-")
        ]
        everyday = upper in NAME_WORDS
        counts = [lexicon.first_name_count(part) for part in parts]
        first_count = min(counts) if all(counts) else lexicon.first_name_count("".join(parts))
        in_census = all(lexicon.is_surname(part) for part in parts) or (
            len(parts) > 1 and any(lexicon.is_surname(part) for part in parts)
        )
        features = (
            0 if everyday else first_count,
            everyday and first_count > 0,
            in_census and not everyday,
            in_census and everyday,
        )
        if len(self._cache) < _CACHE_SIZE:
            self._cache[upper] = features
        return features

    @staticmethod
    def _joined(text: str, left: _Word, right: _Word) -> bool:
        gap = text[left.end : right.start]
        if gap in (" ", "  "):
            return True
        if gap in (" '", " ’") and right.text == "t":
            return True  # "van 't Hof"
        # an initial: "John F. Kennedy", "J.R. Tolkien"
        return len(left.text) == 1 and gap in (". ", ".  ", ".") and left.text.isalpha()

    @staticmethod
    def _joiner(words: list[_Word], run: list[int], word: _Word) -> bool:
        """An article inside a name: "van der Berg", "María del Carmen", and after a
        capitalised "Van" or "Von" ("Van den Eynde", "Van Der Merwe")."""
        if not run or not word.particle:
            return False
        before = words[run[-1]]
        if before.text in _CAPITAL_PARTICLES:
            return True
        if not word.text.islower():
            return False
        return (before.particle and not before.title) or word.text in JOINERS

    @staticmethod
    def _initial(text: str, word: _Word) -> bool:
        """A capital letter and a full stop ("M." in "Jose M. Williams")."""
        return (
            len(word.text) == 1
            and word.text.isupper()
            and text[word.end : word.end + 1] == "."
            and (word.start == 0 or not text[word.start - 1].isalnum())
        )

    @staticmethod
    def _lead_initial(text: str, words: list[_Word], j: int) -> bool:
        """An initial without its full stop at the start of a name after a title or a strong
        cue ("Mr J MacPherson", "Account name: D M Oyelowo"): a capital, one space, and a
        capitalised word or a further such initial."""
        word = words[j]
        return (
            word.text.isupper()
            and j + 1 < len(words)
            and text[word.end : words[j + 1].start] == " "
            and (words[j + 1].title or words[j + 1].caps)
        )

    @staticmethod
    def _bare_initial(text: str, words: list[_Word], run: list[int], j: int) -> bool:
        """A middle initial without its full stop: "John F Kennedy"."""
        word = words[j]
        return (
            bool(run)
            and word.text not in ("I", "A")
            and j + 1 < len(words)
            and text[word.end : words[j + 1].start] == " "
            and words[j + 1].title
            and len(words[j + 1].text) > 1
            and not words[run[-1]].particle
        )

    def _initial_not_title(
        self, text: str, words: list[_Word], by_start: dict[int, int], position: int
    ) -> bool:
        """A capital and a full stop right after a name word is a middle initial ("Jose M.
        Williams"), not the French title ("M. Dupont")."""
        index = by_start.get(position)
        if index is None or index == 0 or not self._initial(text, words[index]):
            return False
        before = words[index - 1]
        return (
            text[before.end : position] == " "
            and (before.title or before.caps)
            and not (before.stop or before.vocabulary)
            and len(before.text) > 1
        )

    def _run(
        self,
        text: str,
        words: list[_Word],
        index: int,
        *,
        lowercase: bool,
        vocabulary: bool,
        caps: bool = False,
        lead_initials: bool = False,
    ) -> _Run | None:
        """The name-shaped run starting at ``index``; lowercase particles only inside.
        With ``caps``, words in capitals count ("Regards, JOHN SMITH"); with
        ``lead_initials`` (after a title or a strong cue), initials without their full stops
        may start it ("Mr J MacPherson", "Account name: D M Oyelowo")."""
        run: list[int] = []
        names = 0
        for j in range(index, len(words)):
            word = words[j]
            initial = (
                len(word.text) == 1
                and (
                    self._initial(text, word)
                    or (  # "tomas j. ferreira": a lowercase middle initial in a lowercase name
                        lowercase
                        and bool(run)
                        and word.text.islower()
                        and text[word.end : word.end + 1] == "."
                    )
                )
            )
            if (
                lead_initials
                and not initial
                and len(word.text) == 1
                and all(len(words[i].text) == 1 for i in run)
                and self._lead_initial(text, words, j)
            ):
                initial = True  # "Mr J MacPherson", "D M Oyelowo": initials before the name
            if names >= MAX_NAME_WORDS:
                break
            if (
                word.stop
                and not initial
                and not self._joiner(words, run, word)
                # after a strong cue a surname may start with its particle: "Herr von Thun"
                and not (vocabulary and not run and word.particle and word.text.islower())
            ):
                break
            if word.vocabulary and not vocabulary:
                break
            if word.particle and (word.text.islower() or (caps and word.caps and run)):
                run.append(j)
            elif (
                (
                    word.title
                    and (len(word.text) > 1 or initial or self._bare_initial(text, words, run, j))
                )
                or (lowercase and word.text.islower())
                or (caps and word.caps)
            ):
                run.append(j)
                names += 1
            else:
                break
            if j + 1 >= len(words) or not self._joined(text, word, words[j + 1]):
                break
        while run and (
            (words[run[-1]].particle and not words[run[-1]].title)
            or (len(words[run[-1]].text) == 1 and len(run) > 1)  # "Ferrer S.A.": a company
        ):
            run.pop()
        if run and not vocabulary and self._before_product_word(text, words, run[-1]):
            return None  # "Hudson Floor Lamp": a product line, not a person
        seen: set[str] = set()
        for position, i in enumerate(run):  # "Nancy Walters Nancy Walters": stop at the repeat
            if words[i].text in seen and not words[i].particle and len(words[i].text) > 1:
                run = run[:position]
                break
            seen.add(words[i].text)
        if not run or (lead_initials and all(len(words[i].text) == 1 for i in run)):
            return None  # (initials alone are no name: "Dear Mrs A B C")
        name_words = [words[i] for i in run if not (words[i].particle and not words[i].title)]
        if all(w.particle for w in name_words):
            return None  # "Von meinem Handy gesendet"
        if (
            len(name_words) >= 3
            and (name_words[-1].everyday_first or name_words[-1].everyday_surname)
            and len(name_words[-2].text) > 1  # "Nadia K. Walker" keeps its surname
        ):
            # "Alice Descamps Mark the order": a sentence starting right after the name
            name_words.pop()
            run = [i for i in run if words[i].end <= name_words[-1].end]
        return _Run(run, name_words, words[run[0]].start, words[run[-1]].end)

    @staticmethod
    def _before_product_word(text: str, words: list[_Word], last: int) -> bool:
        nxt = last + 1
        return (
            nxt < len(words)
            and words[nxt].vocabulary
            and words[nxt].title
            and text[words[last].end : words[nxt].start] == " "
            and not (words[nxt].surname or words[nxt].everyday_surname)
        ) or (
            nxt + 1 < len(words)
            and words[nxt].vocabulary
            and words[nxt + 1].vocabulary
            and words[nxt].title
            and words[nxt + 1].title
        )

    # --- signatures -------------------------------------------------------------------------

    @staticmethod
    def _signature_ends(text: str, words: list[_Word], used: set[int]) -> list[int]:
        """Words that may end a name in a signature or contact line: followed by "here", a
        phone number, " | ", a mail app's footer, a phone label, or the end of the message.
        A cheap look at the next character or word; ``_signature`` checks with TRAILER."""
        ends: list[int] = []
        last = len(words) - 1
        for index, word in enumerate(words):
            if index in used or word.stop or word.vocabulary:
                continue
            if index == last:
                ends.append(index)
                continue
            after = text[word.end : word.end + 2].lstrip(" \t")
            if after[:1] in _TRAILER_CHARS or words[index + 1].text.lower() in _TRAILER_WORDS:
                ends.append(index)
        return ends

    def _signature(self, text: str, words: list[_Word], end: int) -> tuple[PiiSpan, _Run] | None:
        """A name closing a message or heading a contact line, found from its right end:
        "... no refund yet harriet cole | h@x.org", "code 5521 Olga Brandt +49 30 ...",
        "Winifred\nSent from my phone", "hi, tomasz nowak here", "... 88213 bernadette"."""
        tail = words[end]
        here = (
            end + 1 < len(words)
            and words[end + 1].text.lower() in _CONFIRM_WORDS
            and HERE_AFTER.match(text, tail.end) is not None
        )
        trailer = None if here else TRAILER.match(text, tail.end)
        if not here and trailer is None:
            return None
        at_end = trailer is not None and trailer.end() == len(text)
        # " | ", "(jane@...)", "Sent from my ...": firm; a phone number or its label: weaker
        mark = "" if trailer is None else trailer.group().strip(" \t\n>,")
        firm = here or (
            not at_end and (mark[:1] in "|(<" or mark.lower()[:3] in ("sen", "env", "inv", "von"))
        )
        indices = [end]
        j = end
        while j > 0 and len(indices) < MAX_NAME_WORDS + 2:
            word = words[j - 1]
            if not self._joined(text, word, words[j]) or word.vocabulary:
                break
            if word.stop and not (word.particle and word.text.islower()) and len(word.text) > 1:
                break
            if not (word.title or word.caps or word.text.islower()):
                break
            indices.insert(0, j - 1)
            j -= 1
        if any(words[i].text.upper() in PLACE_PREFIXES for i in indices):
            return None  # "College of North Samuel", "boulevard de Clichy"
        # one case throughout: "Passwort vergessen Ottilie Brandt" keeps the capitals
        lowercase = words[end].text.islower()
        k = len(indices) - 1
        while k > 0:
            word = words[indices[k - 1]]
            small = (word.particle and word.text.islower()) or len(word.text) == 1
            if not small and word.text.islower() != lowercase:
                break
            k -= 1
        indices = indices[k:]
        while indices and (
            (words[indices[0]].particle and words[indices[0]].text.islower())
            or len(words[indices[0]].text) == 1
            or words[indices[0]].stop
        ):
            indices.pop(0)
        names = [words[i] for i in indices if not (words[i].particle and words[i].text.islower())]
        if not names or len(names[-1].text) < 2 or len(names) > MAX_NAME_WORDS:
            return None
        known = [k for k, w in enumerate(names) if w.first_count >= COMMON_FIRST_NAME_COUNT]
        plain = (
            lowercase
            and names[0].first_count == 0
            and not (names[0].surname or names[0].everyday_first or names[0].everyday_surname)
        )
        if known and known[0] > 0 and plain:
            # "please ring me back harriet cole": start at the first name
            cut = names[known[0]].start
            indices = [i for i in indices if words[i].start >= cut]
            names = names[known[0] :]
        lead, last = names[0], names[-1]
        if any(w.caps for w in names) and not all(w.caps for w in names):
            return None
        if any(w.text.upper() in PLACE_WORDS for w in names) or COMPANY_AFTER.match(text, last.end):
            return None
        start = words[indices[0]].start
        if _after_not_name_label(text, start):
            return None
        before_line = text[text.rfind("\n", 0, start) + 1 : start].rstrip(" \t")
        if at_end and len(names) == 1 and self._closing_name(text, start, lead, lowercase):
            run = _Run(indices, names, start, last.end)
            return self._span(run, 0.6, "a name word closing the message"), run
        if at_end and not (firm or here) and before_line and before_line[-1] not in "-–—,|:>":
            # Closing a line of prose ("... in carne e ossa.", "... Vielen Dank."): a name
            # only when it is clearly one — a common first name and a known surname.
            if before_line[-1].isalpha() or len(names) < 2 or lowercase:
                return None
            if not (lead.first_count >= COMMON_FIRST_NAME_COUNT and last.surname):
                return None
        if not here and not text[:start].strip():
            # A whole message is no signature: "avec plaisir", "dale", "pode ser" answer a
            # question; a name signs a message that says something first. In capitals
            # ("PODE SER", "DOE MAAR", "CLARO QUE SI") only a common first name and a known
            # surname make one.
            if lowercase or len(names) == 1:
                return None
            if all(w.caps for w in names) and not (
                lead.first_count >= COMMON_FIRST_NAME_COUNT and last.surname
            ):
                return None
        if (len(names) == 1 or lead.first_count < COMMON_FIRST_NAME_COUNT) and (
            last.text.upper() in PLACE_NAMES or last.text.upper() in NOT_ALONE
        ):
            return None  # "69002 Lyon France"
        if len(names) == 1:
            if (
                j > 0
                and words[j - 1].text.lower() in _ARTICLES | _PLACE_PREPOSITIONS
                and self._joined(text, words[j - 1], lead)
            ):
                return None  # "delivered to the Avery", "live in Jersey"
            ok = lead.first_count >= COMMON_FIRST_NAME_COUNT and not lead.everyday_surname
            before = text[:start].rstrip(" \t")
            if not (firm or here) and before[-1:].isalpha():
                return None  # "I gave it to Sarah", "thanks a lot": the bare rules decide
            if not lowercase and (firm or here):
                ok = ok or lead.everyday_first or (firm and not lead.caps) or lead.surname
        elif lowercase:
            line_start = text.rfind("\n", 0, start) + 1
            own_line = not text[line_start:start].strip() and (
                at_end or (trailer is not None and "\n" in trailer.group())
            )
            ok = (lead.first_count >= COMMON_FIRST_NAME_COUNT or lead.everyday_first) and (
                last.surname or last.first_count >= COMMON_FIRST_NAME_COUNT or firm or own_line
            )
            ok = ok or ((firm or own_line) and last.surname)
        else:
            ok = (
                lead.first_count > 0
                or last.surname
                or (lead.everyday_first and last.everyday_surname)
                or firm
                or (
                    not at_end
                    and all(w.title for w in names)
                    and any(w.first_count or w.surname or w.everyday_surname for w in names)
                )
            )
        if not ok:
            return None
        run = _Run(indices, names, start, last.end)
        why = "'here'" if here else "the end of the message" if at_end else "a contact detail"
        return self._span(run, 0.6, f"name words before {why}"), run

    def _named_in_email(
        self, text: str, words: list[_Word], spans: list[PiiSpan], used: set[int]
    ) -> None:
        """A word no dictionary knows that the local part of an e-mail address in the same
        message also holds is the writer's (or someone's) name: "... silva.dobroslav@gmail.com
        dobroslav", "b.gardner@... | beste gardner". The name words next to it join it."""
        emails = list(_EMAIL.finditer(text))
        tokens = {
            t for m in emails for t in _LETTERS.findall(m.group(1).lower()) if len(t) >= 3
        } - _ROLE_ADDRESS_WORDS
        if not tokens:
            return
        inside = [(m.start(), m.end()) for m in emails]
        # In prose that uses capitals, a lowercase word is a word ("the marsh chair" beside
        # jo.marsh@...); a writer who never capitalises writes names in lowercase too.
        lowercase_writer = not any(w.title for w in words)

        def name_like(word: _Word) -> bool:
            return (
                not (word.stop or word.vocabulary or word.caps or word.particle)
                and len(word.text) >= 3
                and word.text.replace("-", "").isalpha()
                and not any(a <= word.start < b for a, b in inside)
            )

        longer = [t for t in tokens if len(t) > 5]
        for index, word in enumerate(words):
            low = word.text.lower()
            if low not in tokens and not (len(low) >= 5 and any(low in t for t in longer)):
                continue
            if index in used or not name_like(word) or not (word.title or lowercase_writer):
                continue
            indices = [index]
            while (
                indices[0] > 0
                and len(indices) < MAX_NAME_WORDS
                and indices[0] - 1 not in used
                and name_like(words[indices[0] - 1])
                and self._joined(text, words[indices[0] - 1], words[indices[0]])
                and words[indices[0] - 1].text.istitle() == word.text.istitle()
            ):
                indices.insert(0, indices[0] - 1)
            while (
                indices[-1] + 1 < len(words)
                and len(indices) < MAX_NAME_WORDS
                and indices[-1] + 1 not in used
                and name_like(words[indices[-1] + 1])
                and self._joined(text, words[indices[-1]], words[indices[-1] + 1])
                and words[indices[-1] + 1].text.istitle() == word.text.istitle()
            ):
                indices.append(indices[-1] + 1)
            names = [words[i] for i in indices]
            run = _Run(indices, names, names[0].start, names[-1].end)
            if self._place(text, words, run):
                continue
            spans.append(self._span(run, 0.6, "a name word the message's e-mail address holds"))
            used.update(indices)

    @staticmethod
    def _closing_name(text: str, start: int, lead: _Word, lowercase: bool) -> bool:
        """One word no dictionary knows, alone at the very end of a message after a full stop
        ("... refund of AU$1310.98. Rania") or after a signature dash ("... kind regards -
        zansi"): a signature, even when the name is in no name list. (Not after a number:
        "order 12345 Cancelled", "model X200 Pro" end messages too.)"""
        if lead.vocabulary or lead.stop or lead.caps or len(lead.text) < 3:
            return False
        if lead.text.lower() in _CLOSING_NOT_NAMES or not re.search(
            "[aeiouyàâäéèêëíïîóôöúûü]", lead.text.lower()
        ):
            return False
        if not lead.text.isalpha() or not text[:start].strip() or text[lead.end :].strip(" \t\n.!"):
            return False  # (the last word of the message, nothing after it)
        before = text[:start].rstrip(" \t\n")
        if before[-1:] in ".!?" and lead.title and not before[-2:-1].isupper():
            return True  # (not after an initial: "J. Smith" is the other rules' to judge)
        return before[-1:] in "-–—" and (lead.title or lowercase)

    # --- decisions --------------------------------------------------------------------------

    def _after_cue(
        self, text: str, words: list[_Word], index: int, kind: str, cue: str
    ) -> tuple[PiiSpan, _Run] | None:
        strong = kind in STRONG_KINDS
        lead = words[index]
        lowercase = lead.text.islower() and not lead.particle
        caps = lead.caps
        initials = kind == "title" or strong
        if caps:
            run = self._run(
                text,
                words,
                index,
                lowercase=False,
                vocabulary=False,
                caps=True,
                lead_initials=initials,
            )
        else:
            run = self._run(
                text, words, index, lowercase=lowercase, vocabulary=strong, lead_initials=initials
            )
        if run is None or not run.names or COMPANY_AFTER.match(text, run.end):
            return None
        if kind == "mention" and text[run.end : run.end + 1] in _HANDLE_CHARS:
            return None  # "@ali85": a user name, not a person
        lead = run.names[0]
        at_line_end = LINE_END.match(text, run.end) is not None or (
            kind in _TRAILER_KINDS and TRAILER.match(text, run.end) is not None
        )
        if kind == "dash" and not at_line_end:
            return None
        if (
            kind == "dash"
            and cue.strip() == "-"
            and _LIST_ITEMS.search(text, 0) is not None
            and (lowercase or not any(w.first_count or w.surname for w in run.names))
        ):
            # "- PayPal" in a bulleted list is an item, not a signature: a list has two lines
            # starting with "- ". A signature dash there needs a capitalised name the tables
            # know ("- gift cards" is an item although Gift is a census surname).
            return None
        if all(w.vocabulary for w in run.names):
            return None  # "Regards,\nCustomer Service"
        if (
            strong
            and len(run.names) > 1
            and run.names[-1].vocabulary
            and LINE_END.match(text, run.end) is None
        ):
            # "Account holder: Wendy Doyle Tracking says ...": the sentence goes on
            keep = len(run.names)
            while keep > 1 and run.names[keep - 1].vocabulary:
                keep -= 1
            end = run.names[keep - 1].end
            run = _Run(
                [i for i in run.indices if words[i].end <= end], run.names[:keep], run.start, end
            )
        if not strong and lead.text.upper() in PLACE_PREFIXES:
            return None  # "flew in from Port Louis"
        if lowercase and len(run.names) > 1:
            run = self._cut_at_confirmation(words, run, text, kind, cue)
        if kind in ("self", "object", "verb") and len(run.names) == 1 and not caps:
            stem = self._possessive_stem(text, words, run)
            if stem is not None:
                return self._span(stem, 0.6, f"name before a possessive 's after '{cue}'"), stem
        if caps:
            if not (
                self._caps_run_ok(run, kind, at_line_end)
                or self._confirmed(text, words, run, kind, cue)
            ):
                return None
        elif lowercase:
            found = self._lowercase_run(text, words, run, kind=kind, at_line_end=at_line_end)
            if (found is None or found.end < run.end) and self._confirmed(
                text, words, run, kind, cue
            ):
                found = self._lowercase_run(
                    text, words, run, kind="strong", at_line_end=at_line_end
                )
            if found is None:
                return None
            run = found
        elif not (
            strong
            or self._weak_cue_ok(text, run, kind, at_line_end)
            or self._confirmed(text, words, run, kind, cue)
        ):
            return None
        if not strong and _after_not_name_label(text, run.start):
            return None  # "Nationality: Jordan"
        score = 0.85 if strong else 0.7
        form = "lowercase " if lowercase else "capitalised " if caps else ""
        reason = f"{form}name words after the cue '{cue.lower()}'"
        return self._span(run, score, reason), run

    def _possessive_stem(self, text: str, words: list[_Word], run: _Run) -> _Run | None:
        """A possessive typed without its apostrophe: "this is Annas account" is Anna's."""
        word = run.names[0]
        nxt = run.indices[-1] + 1
        if (
            len(word.text) < 4
            or not word.text.endswith("s")
            or word.first_count
            or word.surname
            or nxt >= len(words)
            or not words[nxt].vocabulary
            or text[word.end : words[nxt].start] != " "
        ):
            return None
        if self._lexicon.first_name_count(fold_name(word.text[:-1])) < COMMON_FIRST_NAME_COUNT:
            return None
        return _Run(run.indices, run.names, word.start, word.end - 1)

    @classmethod
    def _cut_at_confirmation(
        cls, words: list[_Word], run: _Run, text: str, kind: str, cue: str
    ) -> _Run:
        """A lowercase run ends where a confirming phrase starts: "sou a dobroslav outra vez"."""
        for k, word in enumerate(run.names[:-1]):
            short = _Run(
                [i for i in run.indices if words[i].end <= word.end],
                run.names[: k + 1],
                run.start,
                word.end,
            )
            if cls._confirmed(text, words, short, kind, cue):
                return short
        return run

    @staticmethod
    def _confirmed(text: str, words: list[_Word], run: _Run, kind: str, cue: str) -> bool:
        """What follows the name confirms a weak cue: "hi, tomasz nowak here", "soy Itziar otra
        vez", "ask Radka to ring me", "add X as a joint holder", "mon père, olek brzeski."."""
        if kind == "self" and cue.lower().rstrip(" ,") in _AGAIN_CUES:
            return True  # "its me Oluwaseun", "sono di nuovo Ermenegildo"
        if (  # an apposition: "my mother, Olek Brzeski."
            kind == "agent"
            and cue.endswith(",")
            and len(run.names) >= 2
            and VOCATIVE_END.match(text, run.end) is not None
        ):
            return True
        nxt = run.indices[-1] + 1
        after = words[nxt].text.lower() if nxt < len(words) else ""
        if after not in _CONFIRM_WORDS and not (
            kind == "verb" and text[run.end : run.end + 3].lstrip(" \t(:+")[:1].isdigit()
        ):
            return False  # none of the phrases below can follow
        if kind in ("greet", "self", "title") and HERE_AFTER.match(text, run.end):
            return True
        if kind in ("greet", "self") and AGAIN_AFTER.match(text, run.end):
            return True
        if kind in ("verb", "object", "agent") and (
            HOLDER_AFTER.match(text, run.end) or RECEPTION_AFTER.match(text, run.end)
        ):
            return True
        return (
            kind == "verb"
            and cue.lower() not in _NOT_CONTACT_CUES
            and CONTACT_AFTER.match(text, run.end) is not None
            and (run.names[0].title or run.names[0].first_count > 0)
            and not (run.names[0].text.islower() and cue.lower().endswith((" a", " la", " le")))
        )  # "ask Radka to ring me back", "llamad a Ximena al 600 ..."

    @staticmethod
    def _caps_run_ok(run: _Run, kind: str, at_line_end: bool) -> bool:
        """Names in capitals ("Regards, JOHN SMITH"): shouting and headings are in capitals
        too, so the lexicon must know the first word unless an introduction frames it."""
        lead = run.names[0]
        if kind in ("strong", "title"):
            return True
        known = lead.first_count > 0 or lead.surname
        if kind in ("signoff", "dash"):
            return known and at_line_end
        if kind == "self" and len(run.names) >= 2 and run.names[-1].surname:
            return True  # "SOY NKECHI A. FUENTES": a whole message in capitals
        return lead.first_count >= COMMON_FIRST_NAME_COUNT

    @staticmethod
    def _signature_dash(text: str, start: int, end: int) -> bool:
        """ "--" on its own line before the name, or " - name" ending the message or before a
        contact detail."""
        dash = _SIGNATURE_DASH.search(text, max(0, start - 8), start)
        if dash is None:
            return False
        rest = text[end:].lstrip(" \t.!")
        return "\n" in dash.group() or not rest or rest[0] == "|"

    @staticmethod
    def _lowercase_run(
        text: str, words: list[_Word], run: _Run, *, kind: str, at_line_end: bool
    ) -> _Run | None:
        """Lowercase names need the lexicon, unless an introduction or a closing sign-off
        frames them ("my name is cebrián mateos", "thanks, sandalio")."""
        lead = run.names[0]
        framed = (
            kind == "strong"
            or (kind == "signoff" and at_line_end)
            or (kind == "dash" and PersonRecognizer._signature_dash(text, run.start, run.end))
            or (kind == "title" and lead.surname)  # "mr. lindqvist"
        )
        if framed:
            names = [w for w in run.names[:3]]
            keep = next((i for i, w in enumerate(names) if w.vocabulary), len(names))
            names = names[:keep]
        else:
            strong = kind in STRONG_KINDS or (kind == "signoff_weak" and at_line_end)
            called = (  # "Dear wanjiru,": a greeting and a comma frame a name the lists miss
                kind == "greet"
                and len(run.names) == 1
                and text[run.end : run.end + 1] == ","
                and not (lead.everyday_first or lead.everyday_surname or lead.vocabulary)
            )
            if lead.first_count < (1 if strong else COMMON_FIRST_NAME_COUNT) and not called:
                return None
            if not strong and (lead.text.upper() in PLACE_NAMES or lead.text.upper() in NOT_ALONE):
                return None  # "is it from china", "from germany"
            names = [lead]
            for word in run.names[1:]:
                if not (word.first_count or word.surname or len(word.text) == 1):
                    break
                names.append(word)
            while len(names) > 1 and len(names[-1].text) == 1:
                names.pop()
        if not names:
            return None
        indices = [i for i in run.indices if words[i].end <= names[-1].end]
        return _Run(indices, names, run.start, names[-1].end)

    @staticmethod
    def _weak_cue_ok(text: str, run: _Run, kind: str, at_line_end: bool) -> bool:
        lead = run.names[0]
        single = len(run.names) == 1
        vocative = VOCATIVE_END.match(text, run.end) is not None
        if kind == "agent":
            return True  # "spoke to X", "the courier, X,"
        if lead.everyday_first and single and not vocative:
            return False  # "Hi, Hope you can help" / "Hello, May I ..."
        known = lead.first_count > 0 or lead.surname or lead.everyday_first
        if kind == "mention":  # "@Sophie"
            return known or vocative
        if kind == "verb":  # "call", "from", "parlato con" ...
            if single:
                return (
                    lead.first_count >= COMMON_FIRST_NAME_COUNT
                    and lead.text.upper() not in PLACE_NAMES
                )
            last = run.names[-1]
            return (lead.first_count > 0 or last.surname) and not all(
                w.everyday_first or w.everyday_surname for w in run.names
            )
        if kind == "greet":
            if text[run.end : run.end + 1] == ":":
                return False  # "Guten Tag,\nKontoinhaber: ...": a label
            if single and not vocative:
                return lead.first_count >= COMMON_FIRST_NAME_COUNT
            return known or single
        if kind == "signoff_weak":
            return (known and vocative) or at_line_end
        if kind == "self":
            if not single:  # "This is Radhika Turner."
                return known or run.names[-1].surname or run.names[-1].everyday_surname
            return lead.first_count > 0 or lead.surname or vocative
        # object cues: "for", "called", "cc"
        if single:
            return lead.first_count >= COMMON_FIRST_NAME_COUNT
        return not all(w.everyday_first or w.everyday_surname for w in run.names)

    def _bare(self, text: str, words: list[_Word], index: int) -> tuple[PiiSpan, _Run] | None:
        found = self._bare_name(text, words, index)
        if found is None:
            return None
        if any(  # "Plaza de Ramón Soler", "Calle del Carmen Ruiz": a street
            words[k].text.upper() in PLACE_PREFIXES
            and all(words[m].particle for m in range(k + 1, index))
            and self._joined(text, words[k], words[k + 1])
            for k in range(max(0, index - 3), index)
        ):
            return None
        if _after_not_name_label(text, words[index].start):
            return None  # "Nationality: Jordan", "works at Klein", "Diagnosis: ..."
        return found

    def _bare_name(self, text: str, words: list[_Word], index: int) -> tuple[PiiSpan, _Run] | None:
        lead = words[index]
        if not (lead.title or lead.caps):
            return None  # most words: lowercase
        if self._initial(text, lead):
            return self._initials(text, words, index)
        if lead.caps:
            return self._bare_caps(text, words, index)
        if not lead.title or lead.stop or lead.vocabulary or lead.particle or len(lead.text) < 2:
            return None
        if lead.text.upper() in PLACE_PREFIXES or lead.text.upper() in FOREIGN_FUNCTION_WORDS:
            return None  # "Mein Mann", "Kurze Frage", "Hiya, ...": never the start of a name
        if index > 0 and text[words[index - 1].end : lead.start].strip() in ("&", "+"):
            return None
        run = self._run(text, words, index, lowercase=False, vocabulary=False)
        if run is None or COMPANY_AFTER.match(text, run.end):
            return None
        if len(run.names) > 1 and PRODUCT_AFTER.match(text, run.end):
            return None  # "the Lincoln Park table lamp", "the Summer Sale price"
        names, last = run.names, run.names[-1]
        nxt = run.indices[-1] + 1
        if (  # "Michael Case and I": a surname that is also a shop word
            len(names) == 1
            and lead.first_count >= LONE_FIRST_NAME_COUNT
            and nxt < len(words)
            and words[nxt].vocabulary
            and words[nxt].title
            and (words[nxt].surname or words[nxt].everyday_surname)
            and text[lead.end : words[nxt].start] == " "
            and not (
                nxt + 1 < len(words)
                and words[nxt + 1].title
                and text[words[nxt].end : words[nxt + 1].start] == " "
            )
        ):
            run = _Run([*run.indices, nxt], [*names, words[nxt]], run.start, words[nxt].end)
            names, last = run.names, words[nxt]
        if len(names) == 1:
            if (
                lead.first_count >= COMMON_FIRST_NAME_COUNT
                and lead.text.upper() not in PLACE_NAMES
                and FROM_TEAM.match(text, lead.end)
            ):
                return self._span(run, 0.6, "known first name before 'from your team'"), run
            if self._lone_first_name(text, words, index, run):
                return self._span(run, 0.5, "common first name on its own"), run
            why = self._subject_or_called(text, words, index)
            if why is not None:
                return self._span(run, 0.5, why), run
            return None
        has_particle = len(run.indices) > len(names)
        if (lead.first_count < COMMON_FIRST_NAME_COUNT or lead.text.upper() in PLACE_NAMES) and (
            last.text.upper() in PLACE_NAMES or last.text.upper() in NOT_ALONE
        ):
            return None  # "Lyon France", "Sierra Leone"
        if lead.first_count >= COMMON_FIRST_NAME_COUNT or (lead.first_count and last.surname):
            reason = "known first name followed by a capitalised surname"
            score = 0.8 if last.surname or last.everyday_surname else 0.65
        elif lead.everyday_first and last.surname:
            reason = "first name that is an everyday word, followed by a known surname"
            score = 0.6
        elif (
            last.surname
            or (has_particle and lead.first_count)
            or any(words[i].text.lower() in SURNAME_PARTICLES for i in run.indices)
        ) and not (lead.everyday_surname or lead.everyday_first):
            reason = "capitalised name followed by a known surname or a surname particle"
            score = 0.6
        else:
            why = None
            if len(names) == 2 and len(run.indices) == 2:
                why = self._subject_or_called(text, words, index, run.indices[-1])
            if why is None:
                return None
            return self._span(run, 0.5, why), run
        return self._span(run, score, reason), run

    @staticmethod
    def _subject_or_called(
        text: str, words: list[_Word], index: int, last: int | None = None
    ) -> str | None:
        """A known name starting a sentence as the subject of a verb ("Okafor said", "Mark
        Hale asked") or called at the start of a message ("Priyanka, could you ...")."""
        lead = words[index]
        last = index if last is None else last
        if (
            len(lead.text) < 3
            or "-" in lead.text
            or (lead.everyday_surname and not lead.everyday_first)
            or lead.text.upper() in PLACE_NAMES
            or lead.text.upper() in NOT_ALONE
        ):
            return None
        if (
            index == last
            and index == 0
            and lead.first_count > 0
            and _VOCATIVE_START.match(text, lead.end)
        ):
            return "name called at the start of the message"
        nxt = last + 1
        if nxt >= len(words) or text[words[last].end : words[nxt].start] != " ":
            return None
        verb = words[nxt].text
        if index == last:
            known = lead.first_count >= COMMON_FIRST_NAME_COUNT or lead.surname
            if lead.everyday_first:  # "Mark said", but "Will was" is a sentence
                known = verb in _SPEECH_VERBS
        else:  # "Mark Hale asked": a first name and a surname the census knows
            tail = words[last]
            known = (lead.first_count >= COMMON_FIRST_NAME_COUNT or lead.everyday_first) and (
                tail.surname or tail.everyday_surname
            )
            if lead.everyday_first and tail.everyday_surname:  # "Rose Gold was sold out"
                known = verb in _SPEECH_VERBS
        if (
            known
            and verb in _SUBJECT_VERBS
            and (
                _starts_sentence(text, lead.start)
                or (index > 0 and words[index - 1].text.lower() in ("that", "though", "but"))
            )
            and not (index > 0 and len(words[index - 1].text) == 1)  # "so did I. Smith was"
        ):
            return "known name as the subject of a verb"
        return None

    def _lone_first_name(self, text: str, words: list[_Word], index: int, run: _Run) -> bool:
        """A common first name with no cue ("I gave it to Sarah"): not a place or a brand, not
        after an article ("the Avery"), not inside a run of capitalised words."""
        lead = words[index]
        if lead.first_count < COMMON_FIRST_NAME_COUNT:
            return False  # most capitalised words
        signature = (  # alone on the last line of a message of several lines
            index == len(words) - 1
            and "\n" in text
            and not text[text.rfind("\n", 0, lead.start) + 1 : lead.start].strip(" \t-—–")
            and not text[lead.end :].strip(" \t.!\n")
        )
        needed = COMMON_FIRST_NAME_COUNT if signature else LONE_FIRST_NAME_COUNT
        if (
            lead.first_count < needed
            or len(lead.text) < 3
            or not lead.text.replace("-", "").isalpha()  # "J'ai"
            or lead.everyday_surname
            or lead.text.upper() in PLACE_NAMES
            or lead.text.upper() in NOT_ALONE
            or len(run.indices) != 1
            or (
                lead.text in _MONTHS
                and (
                    _DAY_BEFORE.search(text, max(0, lead.start - 8), lead.start) is not None
                    or _NUMBER_AFTER.match(text, lead.end) is not None
                )
            )
        ):
            return False  # ("Tue 3 Mar 2026", "Purchase date: Jan 14": a date, not a name)
        if signature:
            return True
        if "-" in lead.text and not self._lexicon.first_name_count(fold_name(lead.text)):
            return False  # "Harris-Cole": two surnames; "Jean-Pierre" is listed as one name
        if lead.first_count < SENTENCE_START_COUNT and _starts_sentence(text, lead.start):
            vocative = index == 0 and _VOCATIVE_START.match(text, lead.end) is not None
            if not vocative:  # "Priyanka, could you ..." is a name called; "Mira, ..." is not
                return False  # interjections and imperatives start sentences too
        if index > 0:
            before = words[index - 1]
            gap = text[before.end : lead.start]
            if gap.strip() == "" and (
                before.text.lower() in _ARTICLES
                or before.vocabulary
                or (
                    before.text.lower() in _PLACE_PREPOSITIONS
                    # "smiled at Anna", "looked at Anna": a verb, not a place
                    and not (index > 1 and words[index - 2].text.endswith("ed"))
                )
            ):
                return False  # "the Avery", "la poltrona Hugo", "a year at Harper"
            if (before.title or before.caps) and not before.stop and gap in (" ", "-"):
                return False  # "Apple Pay", "Hudson Bay": a capitalised run, not a name
        nxt = index + 1
        if nxt < len(words):
            after = words[nxt]
            gap = text[lead.end : after.start]
            if (after.title or after.caps) and gap in (" ", "-"):
                return False
        if COMPANY_AFTER.match(text, lead.end):
            return False
        return not self._in_firm_name(text, words, index)

    @staticmethod
    def _in_firm_name(text: str, words: list[_Word], index: int) -> bool:
        """A member of a list of capitalised words ("Hale, Ortega and Booth", "Lowe, Park
        and Finch") where another member is a surname and hardly a first name: a firm's name,
        not people called by their first names ("Ines, Rohit, Kavyashree and Dario")."""
        members: list[_Word] = []
        for step in (-1, 1):
            k: int | None = index
            while k is not None and len(members) < 8:
                k = _list_neighbour(text, words, k, step, ors=False)
                if k is not None:
                    members.append(words[k])
        return any(
            w.title
            and not w.stop
            and (
                (w.surname and w.first_count < LONE_FIRST_NAME_COUNT)
                or w.everyday_surname
                or (w.first_count == 0 and "-" in w.text)
            )
            for w in members
        )

    def _initials(self, text: str, words: list[_Word], index: int) -> tuple[PiiSpan, _Run] | None:
        """Initials before a surname: "J. Smith", "J.R. Tolkien", "A. M. de Vries"."""
        if words[index].text == "I" and text[words[index].end : words[index].end + 2] == ". ":
            return None  # "... and so did I. Smith said": the pronoun ending a sentence
        before = words[index - 1] if index > 0 else None
        if (
            before is not None
            and (before.title or before.caps)
            and not before.stop
            and self._joined(text, before, words[index])
        ):
            return None  # inside a run that did not make a name
        run = self._run(text, words, index, lowercase=False, vocabulary=False)
        if run is None or len(run.names) < 2 or COMPANY_AFTER.match(text, run.end):
            return None
        initials = [w for w in run.names if len(w.text) == 1]
        rest = run.names[len(initials) :]
        if not rest or any(len(w.text) == 1 for w in rest):
            return None
        letters = "".join(w.text for w in initials)
        if letters in _NOT_INITIALS or any(w.vocabulary for w in rest):
            return None
        last = rest[-1]
        has_particle = len(run.indices) > len(run.names)
        if last.surname or last.everyday_surname or has_particle:
            reason = "initials followed by a known surname"
        elif len(initials) >= 2 and not last.everyday_first:
            reason = "initials followed by a capitalised name"
        else:
            return None
        return self._span(run, 0.6, reason), run

    def _bare_caps(self, text: str, words: list[_Word], index: int) -> tuple[PiiSpan, _Run] | None:
        """A name in capitals with no cue: a common first name and a known surname."""
        lead = words[index]
        if lead.first_count < COMMON_FIRST_NAME_COUNT or lead.stop or lead.vocabulary:
            return None
        run = self._run(text, words, index, lowercase=False, vocabulary=False, caps=True)
        if run is None or len(run.names) < 2 or not all(w.caps for w in run.names):
            return None
        if not (run.names[-1].surname or run.names[-1].everyday_surname):
            return None
        return self._span(run, 0.6, "common first name and known surname in capitals"), run

    def _inverted(
        self, text: str, words: list[_Word], spans: list[PiiSpan], used: set[int]
    ) -> None:
        """Names written surname first, as records, forms and lists write them: "Sutherland,
        Iris", "O'Sullivan, Caitlin Rose", "HUSSAIN, ZARA", "Ruiz Castaño, Alberto". The word
        after the comma must be a first name the lexicon knows, the one or two before it a
        capitalised non-place word; and the pair must open a field (the text's or a line's
        start, after ":", ";", "-", "(", "=") or follow a record word ("name", "debtor",
        "holder", "titular" …), unless the surname is one the census knows."""
        for k in range(len(words) - 1):
            first = words[k + 1]
            if k in used or k + 1 in used or text[words[k].end : first.start] not in (", ", ","):
                continue
            if not (first.title or first.caps) or first.stop or first.vocabulary:
                continue
            if not (first.first_count or first.everyday_first) or first.text.upper() in PLACE_NAMES:
                continue
            start = k
            if (
                k > 0
                and k - 1 not in used
                and text[words[k - 1].end : words[k].start] == " "
                and self._surname_word(words[k - 1])
            ):
                start = k - 1  # "Ruiz Castaño, Alberto", "FERNÁNDEZ LÓPEZ, DIEGO"
            if not all(self._surname_word(words[i]) for i in range(start, k + 1)):
                continue
            if len(first.text) < 3 or _LIST_AFTER.match(text, first.end):
                continue  # "Calgary, AB"; "Barbara, Chloe, Sarah and Abbie": a list
            before = text[max(0, words[start].start - 24) : words[start].start]
            opens_field = _FIELD_OPENING.search(before) is not None
            if not (
                opens_field or (words[k].surname and first.first_count >= LONE_FIRST_NAME_COUNT)
            ):
                continue
            end = k + 1
            nxt = end + 1  # a middle name or initial: "Caitlin Rose", "Grace M."
            if (
                nxt < len(words)
                and nxt not in used
                and text[words[end].end : words[nxt].start] == " "
                and (words[nxt].title or words[nxt].caps)
                and (
                    words[nxt].first_count > 0
                    or words[nxt].everyday_first
                    or self._initial(text, words[nxt])
                )
                and not words[nxt].stop
            ):
                end = nxt
            stop = words[end].end + (1 if self._initial(text, words[end]) else 0)
            if _LIST_BEFORE.search(text, 0, words[start].start) or not _FIELD_END.match(text, stop):
                continue  # "Paris, Texas is far": a field ends where the name does
            spans.append(
                PiiSpan(
                    words[start].start,
                    stop,
                    "PERSON",
                    0.7,
                    "person_lexicon",
                    "surname, then a known first name",
                )
            )
            used.update(range(start, end + 1))

    @staticmethod
    def _surname_word(word: _Word) -> bool:
        return (
            (word.title or word.caps)
            and not word.stop
            and not word.vocabulary
            and not word.particle
            and len(word.text) > 1
            and word.text.upper() not in PLACE_NAMES
            and word.text.upper() not in NOT_ALONE
        )

    @staticmethod
    def _span(run: _Run, score: float, reason: str) -> PiiSpan:
        return PiiSpan(run.start, run.end, "PERSON", score, "person_lexicon", reason)
