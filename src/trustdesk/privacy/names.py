"""PERSON: names found with the SSA/Census lexicons and context rules, no model needed.

A candidate is a run of name-shaped words (particles such as "van der" or "de la" allowed
inside). It counts as a person when

- a strong cue precedes it ("my name is", "name:", a title such as "Mr", a sign-off such as
  "Regards," or "Thanks,"): any capitalised words; lowercase words only if the lexicon knows them;
- a weaker cue precedes it ("Hi", "this is", "I'm", "spoke to"): the first word must be a known
  first name or surname (lowercase: a known first name that is not an everyday word);
- or no cue at all: a known first name followed by one to three more capitalised words, or a
  capitalised word followed by a known surname.

Titles are not part of the span. Words that are first names and everyday English ("Will",
"Grace", "Bill") count only with a cue or a following surname.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from trustdesk.privacy.name_cues import (
    COMPANY_AFTER,
    CUES,
    DASH,
    FROM_TEAM,
    LINE_END,
    PARTICLES,
    STRONG_KINDS,
    TITLES,
    VOCATIVE_END,
)
from trustdesk.privacy.name_lexicon import NameLexicon, fold_name, load_name_lexicon
from trustdesk.privacy.name_words import (
    NAME_WORDS,
    NOT_NAME_WORDS,
    PLACE_PREFIXES,
    VOCABULARY_WORDS,
)
from trustdesk.privacy.prefilter import LeadingText
from trustdesk.privacy.spans import PiiSpan

# A first name at least this common (SSA total) is trusted on its own at the start of a run.
COMMON_FIRST_NAME_COUNT = 200
MAX_NAME_WORDS = 4
_CACHE_SIZE = 50_000  # word features, a few MB at most

_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*(?:-[^\W\d_]+(?:['’][^\W\d_]+)*)*")


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
        self._protos: dict[str, tuple[bool, bool, bool, bool, int, bool, bool, bool]] = {}
        # Most words cannot begin a cue; this test, read from CUES itself, rules them out for a
        # fraction of the cost of trying CUES there.
        self._cue_start = LeadingText(CUES, width=4)

    def find(self, text: str) -> list[PiiSpan]:
        words = self._words(text)
        if not words:
            return []
        by_start = {word.start: index for index, word in enumerate(words)}
        spans: list[PiiSpan] = []
        used: set[int] = set()
        # Cues start at a word or a dash; matching only there is several times faster than
        # scanning every position.
        starts = [word.start for word in words]
        if "—" in text or "–" in text or "--" in text:
            starts = sorted({*starts, *(m.start() for m in DASH.finditer(text))})
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
            found = self._after_cue(text, words, index, kind, " ".join(cue.group().split()))
            if found is not None:
                spans.append(found[0])
                used.update(found[1].indices)
        for index in range(len(words)):
            if index not in used:
                found = self._bare(text, words, index)
                if found is not None:
                    spans.append(found[0])
                    used.update(found[1].indices)
        return sorted(spans, key=lambda span: span.start)

    # --- words and runs ---------------------------------------------------------------------

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

    def _proto(self, raw: str) -> tuple[bool, bool, bool, bool, int, bool, bool, bool]:
        """Everything about a word but its position (see ``_Word``)."""
        upper = raw.upper().replace("’", "'")
        title = raw[0].isupper() and not (len(raw) > 1 and raw.isupper())
        if upper in NOT_NAME_WORDS or raw.lower() in TITLES:
            # Function words are most tokens; they never reach the lexicon.
            return (title, True, False, False, 0, False, False, False)
        vocabulary, particle = upper in VOCABULARY_WORDS, raw.lower() in PARTICLES
        return (title, False, vocabulary, particle, *self._features(upper))

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
        return len(left.text) == 1 and gap in (". ", ".  ")  # an initial: "John F. Kennedy"

    def _run(
        self, text: str, words: list[_Word], index: int, *, lowercase: bool, vocabulary: bool
    ) -> _Run | None:
        """The name-shaped run starting at ``index``; lowercase particles only inside."""
        run: list[int] = []
        names = 0
        for j in range(index, len(words)):
            word = words[j]
            if word.stop or (word.vocabulary and not vocabulary) or names >= MAX_NAME_WORDS:
                break
            if word.particle and word.text.islower():
                run.append(j)
            elif (word.title and (len(word.text) > 1 or text[word.end : word.end + 1] == ".")) or (
                lowercase and word.text.islower()
            ):
                run.append(j)
                names += 1
            else:
                break
            if j + 1 >= len(words) or not self._joined(text, word, words[j + 1]):
                break
        while run and words[run[-1]].particle and words[run[-1]].text.islower():
            run.pop()
        if run and not vocabulary and self._before_product_word(text, words, run[-1]):
            return None  # "Hudson Floor Lamp": a product line, not a person
        seen: set[str] = set()
        for position, i in enumerate(run):  # "Nancy Walters Nancy Walters": stop at the repeat
            if words[i].text in seen and not words[i].particle:
                run = run[:position]
                break
            seen.add(words[i].text)
        if not run:
            return None
        name_words = [words[i] for i in run if not (words[i].particle and words[i].text.islower())]
        if len(name_words) >= 3 and (
            name_words[-1].everyday_first or name_words[-1].everyday_surname
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

    # --- decisions --------------------------------------------------------------------------

    def _after_cue(
        self, text: str, words: list[_Word], index: int, kind: str, cue: str
    ) -> tuple[PiiSpan, _Run] | None:
        strong = kind in STRONG_KINDS
        lead = words[index]
        lowercase = lead.text.islower() and not lead.particle
        if lowercase and kind not in (
            "signoff",
            "strong",
            "title",
            "greet",
            "self",
            "signoff_weak",
        ):
            return None
        run = self._run(text, words, index, lowercase=lowercase, vocabulary=strong)
        if run is None or not run.names or COMPANY_AFTER.match(text, run.end):
            return None
        lead = run.names[0]
        at_line_end = LINE_END.match(text, run.end) is not None
        if kind == "dash" and not at_line_end:
            return None
        if lowercase:
            run = self._lowercase_run(words, run, kind=kind, at_line_end=at_line_end)
            if run is None:
                return None
        elif not strong and not self._weak_cue_ok(text, run, kind, at_line_end):
            return None
        score = 0.85 if strong else 0.7
        reason = f"{'lowercase ' if lowercase else ''}name words after the cue '{cue.lower()}'"
        return self._span(run, score, reason), run

    @staticmethod
    def _lowercase_run(
        words: list[_Word], run: _Run, *, kind: str, at_line_end: bool
    ) -> _Run | None:
        """Lowercase names need the lexicon, unless an introduction or a closing sign-off
        frames them ("my name is cebrián mateos", "thanks, sandalio")."""
        lead = run.names[0]
        framed = kind == "strong" or (kind == "signoff" and at_line_end)
        if framed:
            names = [w for w in run.names[:3]]
            keep = next((i for i, w in enumerate(names) if w.vocabulary), len(names))
            names = names[:keep]
        else:
            strong = kind in STRONG_KINDS
            if lead.first_count < (1 if strong else COMMON_FIRST_NAME_COUNT):
                return None
            names = [lead]
            for word in run.names[1:]:
                if not (word.first_count or word.surname):
                    break
                names.append(word)
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
        if kind == "greet":
            if single and not vocative:
                return lead.first_count >= COMMON_FIRST_NAME_COUNT
            return known or single
        if kind == "signoff_weak":
            return (known and vocative) or at_line_end
        if kind == "self":
            return known if not single else (lead.first_count > 0 or lead.surname or vocative)
        # object cues: "for", "called", "cc"
        if single:
            return lead.first_count >= COMMON_FIRST_NAME_COUNT
        return not all(w.everyday_first or w.everyday_surname for w in run.names)

    def _bare(self, text: str, words: list[_Word], index: int) -> tuple[PiiSpan, _Run] | None:
        lead = words[index]
        if not lead.title or lead.stop or lead.vocabulary or lead.particle or len(lead.text) < 2:
            return None
        if lead.text.upper() in PLACE_PREFIXES:
            return None
        if index > 0 and text[words[index - 1].end : lead.start].strip() in ("&", "+"):
            return None
        run = self._run(text, words, index, lowercase=False, vocabulary=False)
        if run is None or COMPANY_AFTER.match(text, run.end):
            return None
        names, last = run.names, run.names[-1]
        nxt = run.indices[-1] + 1
        if (  # "Michael Case and I": a surname that is also a shop word
            len(names) == 1
            and lead.first_count >= COMMON_FIRST_NAME_COUNT
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
            if lead.first_count >= COMMON_FIRST_NAME_COUNT and FROM_TEAM.match(text, lead.end):
                return self._span(run, 0.6, "known first name before 'from your team'"), run
            return None
        has_particle = len(run.indices) > len(names)
        if lead.first_count >= COMMON_FIRST_NAME_COUNT or (lead.first_count and last.surname):
            reason = "known first name followed by a capitalised surname"
            score = 0.8 if last.surname or last.everyday_surname else 0.65
        elif lead.everyday_first and last.surname:
            reason = "first name that is an everyday word, followed by a known surname"
            score = 0.6
        elif (last.surname or has_particle) and not (lead.everyday_surname or lead.everyday_first):
            reason = "capitalised name followed by a known surname or a surname particle"
            score = 0.6
        else:
            return None
        return self._span(run, score, reason), run

    @staticmethod
    def _span(run: _Run, score: float, reason: str) -> PiiSpan:
        return PiiSpan(run.start, run.end, "PERSON", score, "person_lexicon", reason)
