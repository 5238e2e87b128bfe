"""Bot questions, requests for a person, and answers to the offer of a person, in seven
languages.

Every function takes the customer's text as written (placeholders and all), folds it (see
``normalise``), corrects typos of the rules' key words, and tries the rules of every language:
customers mix languages and short messages are too short to tell them apart, so the language
of the rule that matched is the language of the answer.

A request for a person counts unless a negation stands before it in the same clause ("no need
for a human" is not a request; "this is not working, let me talk to a human" is).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache, partial

from rapidfuzz.distance import OSA

from trustdesk.language.lexicon import (
    ADDRESSED,
    GENERIC_BOT,
    GENERIC_BOT_ANCHORS,
    GENERIC_HOT,
    GENERIC_PERSON,
    MARKERS,
    PEOPLE_ANY,
    PERSON_DESPITE_NEGATION,
    PERSON_VETO,
    RULES,
    VETO,
    WHO,
    LanguageRules,
)
from trustdesk.language.model import model_for
from trustdesk.language.normalise import fold


class Intent(StrEnum):
    BOT_QUESTION = "bot_question"
    PERSON_REQUEST = "person_request"


@dataclass(frozen=True, slots=True)
class IntentMatch:
    """A rule matched: which intent, in which language, and whether it is sure.

    An unsure bot question is still answered with the disclosure (it costs one sentence); an
    unsure request for a person is answered with the question "would you like a person?".
    """

    intent: Intent
    language: str
    sure: bool
    span: tuple[int, int]  # in the folded text


class OfferAnswer(StrEnum):
    YES = "yes"
    NO = "no"


@dataclass(frozen=True, slots=True)
class _Compiled:
    code: str
    bot: re.Pattern[str]
    bot_unsure: re.Pattern[str] | None
    person: tuple[re.Pattern[str], ...]
    person_unsure: re.Pattern[str] | None
    negation: re.Pattern[str]
    restart: re.Pattern[str]
    yes: re.Pattern[str]
    yes_start: re.Pattern[str]
    no: re.Pattern[str]
    offer: re.Pattern[str]


def _one(patterns: tuple[str, ...]) -> re.Pattern[str] | None:
    return re.compile("|".join(f"(?:{p})" for p in patterns)) if patterns else None


_THANKS = (
    r"thanks|thank\s+you|thx|ta|cheers|merci|merci\s+beaucoup|danke|danke\s+schon|vielen\s+dank|"
    r"gracias|muchas\s+gracias|grazie|grazie\s+mille|dank\s+je|dank\s+u|bedankt|obrigado|"
    r"obrigada|valeu"
)


_FILLER = (
    r"(?:well|oh|ah|um|uh|hmm|bah|ben|euh|eh|pues|bueno|allora|beh|nou|tja|ach|bom|ok|allee|"
    r"orale|vale|okay|oke|hombre|dai|"
    # a yes on a condition: "if that's quicker, sure", "wenn das schneller geht, gern"
    r"if\s+(?:that's|thats|that\s+is|it's|its|it\s+is)\s+(?:quicker|faster|easier|better)|"
    r"si\s+c'est\s+plus\s+(?:rapide|simple)|wenn\s+(?:das|es)\s+schneller\s+geht|"
    r"si\s+es\s+mas\s+rapido|se\s+e\s+piu\s+veloce|als\s+dat\s+sneller\s+is|"
    r"se\s+for\s+mais\s+rapido)"
)


def _compile(rules: LanguageRules) -> _Compiled:
    bot = _one(rules.bot)
    if bot is None:  # every language has bot rules
        raise ValueError(f"no bot-question rules for {rules.code}")
    yes = re.compile(
        rf"^\W*(?:{_FILLER}\W+)?(?:(?:{rules.yes})(?:\W+|$))+(?:(?:{_THANKS})\W*)?$"
        rf"|^\W*(?:{_THANKS})\W+(?:(?:{rules.yes})(?:\W+|$))+$"
    )
    return _Compiled(
        code=rules.code,
        bot=bot,
        bot_unsure=_one(rules.bot_unsure),
        person=tuple(re.compile(p) for p in rules.person),
        person_unsure=_one(rules.person_unsure),
        negation=re.compile(rules.negation),
        restart=re.compile(rules.restart),
        yes=yes,
        yes_start=re.compile(rf"^\W*(?:{_FILLER}\W+)?(?:{rules.yes})(?:\W|$)"),
        no=re.compile(rf"^\W*(?:{_FILLER}\W+)?(?:{rules.no})(?:\W|$)"),
        offer=re.compile(rules.offer),
    )


_COMPILED: tuple[_Compiled, ...] = tuple(_compile(r) for r in RULES)
# Each generic rule with the words (or word starts) of which a text must hold one for the rule
# to be tried; None: always tried.
_GENERIC_BOT: tuple[tuple[frozenset[str] | None, re.Pattern[str]], ...] = tuple(
    (frozenset(anchors.split()) or None, re.compile(pattern))
    for anchors, pattern in zip(GENERIC_BOT_ANCHORS, GENERIC_BOT, strict=True)
)
_VETO = re.compile(VETO)
_GENERIC_PERSON = tuple(re.compile(p) for p in GENERIC_PERSON)
_PERSON_DESPITE_NEGATION = tuple(re.compile(p) for p in PERSON_DESPITE_NEGATION)
_PEOPLE = re.compile(rf"\b{PEOPLE_ANY}\b")
_PERSON_VETO = re.compile(PERSON_VETO)
# The language of a rule that holds in every language: the caller detects it.
ANY_LANGUAGE = ""

# -- typos -------------------------------------------------------------------------------------

# Common words one letter away from a key word, never corrected ("stuff" is not "staff").
_COMMON = frozenset(
    """
    boot boots root roots reel deal meal read seal real tall walk talc tale tales peak speck
    sneak spear agenda agency argent stuff stiff staffs collect collects collected corrects
    correct taking walking talkin speakin managed manger humid humor humour humane humans
    program programs persons prison poison prison people's peoples purple being bring
    beijing someone's pleased lease plea pleas please service services servers server
    robots robin robe agents agent's support supports sport report transfers conduct content
    connects connected machine's machines compute computes computed commuter customers
    custom customs automate automates person's manage manages damage agent human talks
    speaks chats speaking talking chatting somebody's maker makes mine mind kind find
    human's helper helpers employer employed employee's super supper upper operate opera
    operators speaker speakers trees treat leaf mens mans menu menus meet mesh mess
    niemand niemandem niemanden nadie personnel personal personale personeel pessoal
    mano manos mani mao maos
    """.split()
)


@lru_cache(maxsize=1)
def _keywords() -> tuple[
    frozenset[str], frozenset[str], dict[str, tuple[str, ...]], dict[str, str]
]:
    """Known words (never corrected), key words (corrected to), every key word with one letter
    deleted (to the key words it comes from), and three-letter key words by sorted letters."""
    words = {w for rules in RULES for w in rules.keywords if " " not in w}
    # Every word the rules spell out is a word of some language: never "corrected".
    spelled = {
        word
        for rules in RULES
        for source in (*rules.bot, *rules.person, rules.yes, rules.no, rules.negation)
        for word in re.findall(r"(?<![\\a-z])[a-z]{3,}", source)
    }
    targets = frozenset(w for w in words if len(w) >= 4)
    deletions: dict[str, list[str]] = {}
    for word in targets:
        for i in range(len(word)):
            deletions.setdefault(word[:i] + word[i + 1 :], []).append(word)
    # Three-letter key words are corrected only from their anagrams ("yuo", "bto").
    anagrams = {"".join(sorted(w)): w for w in words if len(w) == 3}
    return (
        frozenset(words | spelled | _COMMON),
        targets,
        {k: tuple(sorted(v)) for k, v in deletions.items()},
        anagrams,
    )


_WORD = re.compile(r"[a-z]+")


@lru_cache(maxsize=65536)  # customers' words repeat: most look-ups are answered here
def _candidates(word: str) -> tuple[str, ...]:
    """The key words ``word`` may be a typo of (one letter dropped, added, changed, or two
    swapped; or a letter doubled), nearest first; () for a known word."""
    known, targets, deletions, anagrams = _keywords()
    n = len(word)
    if word in known or n < 3:
        return ()
    if n == 3:
        anagram = anagrams.get("".join(sorted(word)))
        return (anagram,) if anagram else ()
    # A key word with a letter dropped ("humn"), or the word with one letter less is a key
    # word (an extra letter: "humman") or a key word with one letter less (a changed or
    # swapped letter: "humen", "hmuan").
    found = set(deletions.get(word, ()))
    for i in range(n):
        shorter = word[:i] + word[i + 1 :]
        if shorter in targets:
            found.add(shorter)
        found.update(deletions.get(shorter, ()))
    # Nearest first; at one distance, a word of the same length (a swap) before one longer or
    # shorter: "robto" is "robot", not "robo".
    near = sorted(
        (c for c in found if OSA.distance(word, c) <= 1),
        key=lambda c: (OSA.distance(word, c), abs(len(c) - n), c),
    )
    single = _DOUBLED.sub(r"\1", word)  # "arre", "bott", "yess"
    if single != word and single in known:
        near.insert(0, single)
    return tuple(near)


def _correct(word: str, languages: frozenset[str] | None = None) -> str | None:
    """The key word ``word`` is a typo of, in one of ``languages`` (any when None): a French
    sentence's "vrais" is not corrected to a word of another language."""
    for candidate in _candidates(word):
        if languages is None or not _KEYWORD_LANGUAGES.get(candidate, languages).isdisjoint(
            languages
        ):
            return candidate
    return None


_DOUBLED = re.compile(r"([a-z])\1")


# -- where to look ------------------------------------------------------------------------------

_WORDISH = re.compile(r"(?<![\\a-z])([a-z]{3,})(?=([?*+\[(\\{])?)")


# Head words too common to single out a sentence; the rules that end in them have another.
_NOT_HOT = frozenset(
    "een eine einer una une uma van there thing one mon que was help ver the from which live "
    "chair your with for and".split()
)
# Words that head an alternative only when it has no more specific one ("automated reply"
# is found by "automated").
_GENERIC_HEADS = frozenset(
    "answer answers reply replies response responses message messages company chair system "
    "model network body being beings thing center centre care desk office service services "
    "support customer member members".split()
)
# Compound words end in these ("Filialleiter", "klantenservicemedewerker").
_HOT_ENDINGS = ("manager", "mitarbeiter", "medewerker", "berater", "leiter", "service")


@lru_cache(maxsize=1)
def _hot() -> tuple[frozenset[str], frozenset[str], dict[str, tuple[str, ...]]]:
    """The words at least one of which every bot-question rule (first) and every
    person-request rule (second) needs in its sentence: the head word (the last) of every
    alternative of the rules' nouns and trigger words; and prefixes ("automat" for
    "automat\\w*"), by their first three letters."""
    prefixes: set[str] = set()

    def heads(sources: list[str]) -> set[str]:
        found: set[str] = set()
        for source in sources:
            for alternative in source.split("|"):
                matches = list(_WORDISH.finditer(alternative))
                matches = [m for m in matches if m.group(1) not in _NOT_HOT]
                specific = [m for m in matches if m.group(1) not in _GENERIC_HEADS] or matches
                for match in specific[-1:]:
                    word = match.group(1)
                    found.add(word)
                    if match.group(2) == "?":  # "reponses?": "reponse" and longer
                        prefixes.update({word, word[:-1]} if len(word) > 4 else {word})
                    elif match.group(2):  # "automat\\w*", "automatic[aoie]": a prefix
                        prefixes.add(word)
        return found

    bot = heads([r.bot_hot for r in RULES] + list(GENERIC_HOT))
    person = heads([r.person_hot for r in RULES])
    bot = (bot | {"ai", "ia", "ki"}) - _NOT_HOT
    person = (person | {"ai", "ia", "ki"}) - _NOT_HOT
    by_start: dict[str, list[str]] = {}
    for prefix in prefixes:
        by_start.setdefault(prefix[:3], []).append(prefix)
    for word in prefixes:
        bot.add(word)
        person.add(word)
    return frozenset(bot), frozenset(person), {k: tuple(v) for k, v in by_start.items()}


_TOKEN = re.compile(r"[a-z]+")
_SENTENCE = re.compile(r"[^.!?\n]+[.!?\n]*")
# Typos are corrected in sentences up to this many words, and in longer ones that already
# have a word a rule needs: a key word misspelt in a long sentence about something else
# changes nothing, and skipping those keeps a long message cheap.
SHORT_SENTENCE = 12


@dataclass(frozen=True, slots=True)
class _Scan:
    """A message read once: folded, typos of key words corrected, and where a bot-question
    rule (``bot``) or a person-request rule (``person``) can match — from the first sentence
    with a word such a rule needs to the end of the sentence after the last one; None when
    no sentence has one. Rules never need the rest, and skipping it keeps a long message
    cheap."""

    text: str
    bot: tuple[int, int] | None
    person: tuple[int, int] | None


# Key word -> the languages whose rules spell it.
_KEYWORD_LANGUAGES: dict[str, frozenset[str]] = {}
for _rules in RULES:
    for _word in _rules.keywords:
        _KEYWORD_LANGUAGES[_word] = _KEYWORD_LANGUAGES.get(_word, frozenset()) | {_rules.code}
# Words every language borrows: a typo of them is corrected whatever the sentence's language.
for _word in ("bot", "robot", "chatbot", "chatgpt", "computer", "agent", "human"):
    _KEYWORD_LANGUAGES[_word] = frozenset(r.code for r in RULES)


def _sentence_languages(tokens: set[str]) -> frozenset[str] | None:
    """The languages whose function words the sentence has; None (any) when it has none."""
    found = frozenset(code for code, words in MARKERS.items() if not tokens.isdisjoint(words))
    return found or None


def _is_hot(chunk: str, tokens: set[str], hot: frozenset[str]) -> bool:
    return not tokens.isdisjoint(hot) or _hot_affixes().search(chunk) is not None


def _asks_who(tokens: set[str]) -> bool:
    """ "Who am I talking to?", "what are you?": a question word next to "you" or talking."""
    return not tokens.isdisjoint(WHO) and not tokens.isdisjoint(ADDRESSED)


@lru_cache(maxsize=1)
def _hot_affixes() -> re.Pattern[str]:
    """Words that start with a rule's prefix ("automat...") or end in a compound's head
    ("...medewerker")."""
    prefixes = sorted({p for group in _hot()[2].values() for p in group}, key=len, reverse=True)
    return re.compile(rf"\b(?:{'|'.join(prefixes)})[a-z]*|[a-z]*(?:{'|'.join(_HOT_ENDINGS)})\b")


@lru_cache(maxsize=256)
def _scan(text: str) -> _Scan:
    known = _keywords()[0]
    bot_hot, person_hot, _ = _hot()
    pieces: list[str] = []
    length = 0
    bot: list[int] = []
    person: list[int] = []
    for sentence in _SENTENCE.finditer(fold(text)):
        chunk = sentence.group()
        words = _TOKEN.findall(chunk)
        tokens = set(words)
        is_bot = _is_hot(chunk, tokens, bot_hot) or _asks_who(tokens)
        is_person = _is_hot(chunk, tokens, person_hot)
        if len(words) <= SHORT_SENTENCE or is_bot or is_person:
            languages = _sentence_languages(tokens)
            fixes = {w: f for w in tokens - known if (f := _correct(w, languages)) is not None}
            if fixes:
                chunk = _TOKEN.sub(partial(_fix, fixes), chunk)
                tokens = set(_TOKEN.findall(chunk))
                is_bot = _is_hot(chunk, tokens, bot_hot) or _asks_who(tokens)
                is_person = _is_hot(chunk, tokens, person_hot)
        for hot, spans in ((is_bot, bot), (is_person, person)):
            if hot:
                if not spans:
                    spans.append(length)
                spans[1:] = [length + len(chunk), -1]  # this sentence and the next
            elif len(spans) == 3 and spans[2] == -1:
                spans[1:] = [length + len(chunk), 0]
        pieces.append(chunk)
        length += len(chunk)
    return _Scan(
        "".join(pieces),
        (bot[0], bot[1] if bot[2] == 0 else length) if bot else None,
        (person[0], person[1] if person[2] == 0 else length) if person else None,
    )


def _fix(fixes: dict[str, str], match: re.Match[str]) -> str:
    return fixes.get(match.group(), match.group())


def prepared(text: str) -> str:
    """The folded text with the key words' typos corrected ("are yuo a bot" -> "are you a
    bot"). Corrected words keep their place; nothing else changes."""
    return _scan(text).text


# Texts of up to this many words try every language.
_FEW_WORDS = 4


def _languages(folded: str) -> tuple[_Compiled, ...]:
    """The languages whose rules may match ``folded``, the likeliest first (most function
    words in it): every language for a short text, else those with at least one of their
    function words in it (every language when none has)."""
    tokens = set(_TOKEN.findall(folded))
    hits = {rules.code: len(tokens & MARKERS[rules.code]) for rules in _COMPILED}
    ranked = sorted(_COMPILED, key=lambda rules: -hits[rules.code])  # stable: en first on ties
    if len(tokens) <= _FEW_WORDS:
        return tuple(ranked)
    return tuple(rules for rules in ranked if hits[rules.code]) or _COMPILED


# -- bot questions -----------------------------------------------------------------------------


def bot_question(text: str) -> IntentMatch | None:
    """Whether the customer asks (or states, expecting an answer) whether this is an AI."""
    scan = _scan(text)
    if scan.bot is None:
        return None
    focus = scan.text[scan.bot[0] : scan.bot[1]]
    found = next(_bot_matches(focus), None)
    if found is not None:
        return found
    # The rules missed it: the classifier trained on the development splits may not.
    model = model_for(Intent.BOT_QUESTION)
    if model is not None and not _VETO.search(focus) and model.says(focus):
        return IntentMatch(Intent.BOT_QUESTION, ANY_LANGUAGE, True, (0, len(focus)))
    return None


def _bot_matches(folded: str) -> Iterator[IntentMatch]:
    """Every bot-question match, sure ones first; none in a sentence about a product, a
    picture or a document (lexicon.VETO)."""
    languages = _languages(folded)
    found: list[IntentMatch] = []
    for rules in languages:
        found.extend(
            IntentMatch(Intent.BOT_QUESTION, rules.code, True, m.span())
            for m in rules.bot.finditer(folded)
        )
    tokens = set(_TOKEN.findall(folded))
    words = tokens | {t[:7] for t in tokens}  # "automated" holds the anchor "automat"
    for anchors, pattern in _GENERIC_BOT:
        if anchors is None or not anchors.isdisjoint(words):
            found.extend(
                IntentMatch(Intent.BOT_QUESTION, ANY_LANGUAGE, True, m.span())
                for m in pattern.finditer(folded)
            )
    for rules in languages:
        if rules.bot_unsure is not None:
            found.extend(
                IntentMatch(Intent.BOT_QUESTION, rules.code, False, m.span())
                for m in rules.bot_unsure.finditer(folded)
            )
    for match in found:
        if not _VETO.search(_sentence_around(folded, *match.span)):
            yield match


_ALTERNATIVE = re.compile(r"\b(?:or|ou|oder|o|of)\b")


def _sentence_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the sentence(s) of ``text`` that hold ``text[start:end]`` begin and end."""
    left = max(text.rfind(mark, 0, start) for mark in ".!?\n")
    rights = [i for i in (text.find(mark, max(end - 1, start)) for mark in ".!?\n") if i >= 0]
    return left + 1, (min(rights) + 1 if rights else len(text))


def _sentence_around(text: str, start: int, end: int) -> str:
    """The sentence(s) of ``text`` that hold ``text[start:end]``."""
    left, right = _sentence_span(text, start, end)
    return text[left:right]


# -- requests for a person ---------------------------------------------------------------------

_CLAUSE_END = re.compile(
    r"[.,;:!?\n()\"]|\s(?:but|and|so|because|cause|cos|although|though|however|mais|et|donc|"
    r"car|aber|und|also|weil|denn|pero|y|porque|asi\s+que|ma|e|perche|quindi|maar|en|omdat|"
    r"dus|mas|porque|entao|pois)\s"
)


def person_request(text: str) -> IntentMatch | None:
    """Whether the customer asks for a person. A bot question is not a request ("am I talking
    to a person?"), and a request under a negation in its clause does not count."""
    scan = _scan(text)
    focus = scan.person
    if focus is None:
        return None
    folded = scan.text
    bot_focus = scan.bot
    if bot_focus is not None:
        # A bot question is not a request; nor is any part of a sentence that asks it with
        # alternatives: "who answers me, an agent or an AI?"
        offset = bot_focus[0]
        region = folded[bot_focus[0] : bot_focus[1]]
        for bot in _bot_matches(region):
            start, end = bot.span
            sentence = _sentence_span(region, start, end)
            if _ALTERNATIVE.search(region, *sentence):
                start, end = sentence
            start, end = start + offset, end + offset
            folded = folded[:start] + " " * (end - start) + folded[end:]
    folded = folded[focus[0] : focus[1]]
    if _PERSON_VETO.search(folded):
        folded = _without_vetoed_sentences(folded)
    languages = _languages(folded)
    for pattern in _PERSON_DESPITE_NEGATION:
        match = pattern.search(folded)
        if match:
            return IntentMatch(Intent.PERSON_REQUEST, ANY_LANGUAGE, True, match.span())
    for rules in languages:
        for pattern in rules.person:
            for match in pattern.finditer(folded):
                if not _negated(folded, match, rules):
                    return IntentMatch(Intent.PERSON_REQUEST, rules.code, True, match.span())
    for pattern in _GENERIC_PERSON:
        for match in pattern.finditer(folded):
            if not any(_negated(folded, match, rules) for rules in languages):
                return IntentMatch(Intent.PERSON_REQUEST, ANY_LANGUAGE, True, match.span())
    for rules in languages:
        if rules.person_unsure is None:
            continue
        for match in rules.person_unsure.finditer(folded):
            if not _negated(folded, match, rules):
                return IntentMatch(Intent.PERSON_REQUEST, rules.code, False, match.span())
    # The rules missed it: the classifier may not, above its threshold. (Its lower "ask"
    # threshold is not used: on ordinary messages — "Hi team, how do I …" — it asked whether
    # the customer wanted a person too often; the rules' own unsure patterns ask.)
    model = model_for(Intent.PERSON_REQUEST)
    if (
        model is not None
        and folded.strip()
        and not _all_denied(folded, languages)
        and model.says(folded)
    ):
        return IntentMatch(Intent.PERSON_REQUEST, ANY_LANGUAGE, True, (0, len(folded)))
    return None


def _without_vetoed_sentences(folded: str) -> str:
    """``folded`` with every sentence about a gift blanked (same length)."""
    return "".join(
        " " * len(m.group()) if _PERSON_VETO.search(m.group()) else m.group()
        for m in _SENTENCE.finditer(folded)
    )


def _all_denied(folded: str, languages: tuple[_Compiled, ...]) -> bool:
    """Every person noun of ``folded`` stands under a negation in its clause ("I don't want a
    human"): the classifier, which does not read negation, is not asked."""
    nouns = list(_PEOPLE.finditer(folded))
    return bool(nouns) and all(
        any(_negated(folded, noun, rules) for rules in languages) for noun in nouns
    )


def _negated(folded: str, match: re.Match[str], rules: _Compiled) -> bool:
    """A negation in the request's clause, before it (within five words) or inside it, that
    no fresh request word follows ("not working, let me ..."). The word right after the
    negation is its own ("don't want") and never counts as fresh."""
    # A match may start with the punctuation that ends the sentence before it ("… bots. A
    # person, please"): the clause begins after it.
    text = match.group()
    start = match.start() + len(text) - len(text.lstrip(" .,!?;:\n"))
    clause_start = 0
    for boundary in _CLAUSE_END.finditer(folded, 0, start):
        clause_start = boundary.end()
    window = " ".join(folded[clause_start:start].split()[-5:])
    return _negates(window, rules) or _negates(folded[start : match.end()], rules)


def _negates(text: str, rules: _Compiled) -> bool:
    for negation in rules.negation.finditer(text):
        after = text[negation.end() :].split(None, 1)
        if len(after) < 2 or not rules.restart.search(after[1]):
            return True
    return False


# -- the offer of a person ---------------------------------------------------------------------


def offer_answer(text: str) -> tuple[OfferAnswer, str] | None:
    """A message that says yes (or no) to the offer of a person, and the language it says it
    in; None when it is neither.

    Yes: the whole message is a yes ("sure, thanks"), or a short message starts with one and
    neither asks a question nor turns ("yes, as soon as possible"; not "yes but what about
    shipping?", nor "please let me know where my order is").
    No: it starts by saying no ("no thanks", "nope, what about shipping?").
    """
    if len(text) > 120:
        return None
    folded = prepared(text)
    for rules in _COMPILED:
        if rules.yes.match(folded):
            return OfferAnswer.YES, rules.code
    for rules in _COMPILED:
        if rules.no.match(folded):
            return OfferAnswer.NO, rules.code
    # "yes, I can't work it out myself" gives a reason, not a turn: the reason is not read.
    reasoned = _STUCK.sub(" ", folded)
    # "Yes – and could they phone me rather than e-mail?" asks how, not whether.
    how = _REACH_ME.search(folded) is not None
    asks = "?" in folded and not how
    short = len(reasoned.split()) <= _SHORT_YES or reasoned != folded or how
    if not asks and not _TURN.search(reasoned) and short:
        for rules in _COMPILED:
            match = rules.yes_start.match(folded)
            if match and not _POLITE_ONLY.match(folded):
                return OfferAnswer.YES, rules.code
    if "?" not in folded and (match := _CONDITIONAL_YES.match(folded)):
        return OfferAnswer.YES, _IF_LANGUAGE.get(match.group("yes"), ANY_LANGUAGE)
    return None


# Why the customer wants a person, said after the yes: "I've been stuck on this for ages",
# "ich komm hier allein nicht weiter", "ik kom er zelf niet uit", "è da un'ora che ci provo".
_STUCK = re.compile(
    r"\b(?:i(?:'ve|\s+have)?\s+been\s+stuck|i'?m\s+stuck|i\s+can'?t\s+(?:figure|work|sort)\s+(?:it|this)\s+"
    r"out|(?:been\s+)?(?:trying|at\s+it)\s+for\s+(?:ages|hours|an\s+hour|days)|"
    r"(?:ich\s+)?(?:komm|komme)\s+(?:hier\s+)?(?:allein\s+|alleine\s+|selbst\s+)?nicht\s+(?:weiter|klar)|"
    r"je\s+n'y\s+arrive\s+pas|je\s+n'arrive\s+pas\s+a\s+\w+|je\s+suis\s+bloquee?|"
    r"no\s+(?:puedo|consigo|logro)\s+(?:yo\s+)?(?:solo|sola|resolverlo|hacerlo)|estoy\s+atascad[oa]|"
    r"e\s+da\s+(?:un'?\s*ora|\w+\s+ore|\w+\s+giorni)\s+che\s+ci\s+provo|non\s+ci\s+riesco|"
    r"ik\s+kom\s+er\s+(?:zelf\s+)?(?:echt\s+|gewoon\s+)?niet\s+uit|ik\s+zit\s+vast|"
    r"het\s+lukt\s+me\s+(?:zelf\s+)?niet|nao\s+consigo\s+(?:sozinh[oa]|resolver)|"
    r"estou\s+ha\s+\w+\s+horas)\b"
)
# The customer asks how the person will reach them, not whether one will.
_REACH_ME = re.compile(
    r"\b(?:phone|call|ring|email|e-mail|text|contact|reach)\s+me\b|\bme\s+(?:appeler|rappeler|"
    r"contacter|llamar|llamen|chiamare|chiamarmi|bellen|ligar|liguem)\b|\bmich\s+(?:anrufen|"
    r"zuruckrufen|kontaktieren)\b|\bllamarme\b|\bchiamarmi\b|\bligar-me\b"
)
# A yes that ends a condition: "if that's what it takes, then yes", "bueno, si así es más
# rápido, sí", "bom, se for mais rápido, sim".
_CONDITIONAL_YES = re.compile(
    r"^\W*(?:(?:well|bueno|bom|bon|nou|allora|na\s+gut|ok|okay)\W+)?(?:if|si|se|wenn|als|s'il)\b"
    r"[^?!.]{1,60}?,\s*(?:then\s+|alors\s+|dann\s+|entonces\s+|pues\s+|allora\s+|dan\s+|"
    r"entao\s+)?(?P<yes>yes|sim|ja|oui|si|ok|okay|vale|d'accord|va\s+bene|go\s+ahead|sure)\W*$"
)
_IF_LANGUAGE = {
    "yes": "en",
    "sim": "pt",
    "ja": "de",
    "oui": "fr",
    "vale": "es",
    "go ahead": "en",
    "sure": "en",
    "d'accord": "fr",
    "va bene": "it",
}


# A yes that goes on ("yes, as soon as possible") is read as one only in a short message.
_SHORT_YES = 8
# "Please let me know where my order is" starts with a polite word, not with a yes.
_POLITE_ONLY = re.compile(
    r"^\W*(?:please|pls|plz|bitte|por\s+favor|per\s+favore|alsjeblieft|alstublieft|svp|"
    r"s'il\s+vous\s+plait|s'il\s+te\s+plait)\b(?!\W*$)"
)
# Words that turn a "yes" into something else: a contrast or a negation.
_TURN = re.compile(
    r"\b(?:but|not|no|don't|dont|never|mais|pas|non|aber|nicht|kein|keine|nein|pero|ni|ma|"
    r"maar|niet|geen|nee|mas|nao|nem|"
    # "first I'll try myself": "prima provo da solo", "d'abord moi-même"
    r"first|myself|d'abord|moi-meme|erst|selbst|primero|yo\s+mism[oa]|da\s+sol[oa]|eerst|zelf|"
    r"primeiro|sozinh[oa])\b"
)


def offers_person(text: str) -> bool:
    """Whether an assistant's message offers to pass the conversation to a person."""
    folded = fold(text)
    return any(rules.offer.search(folded) for rules in _COMPILED)
