"""Questions the knowledge base could not answer, grouped by similarity (docs/metrics.md).

A writer of the knowledge base reads the groups to see what to add. The questions are the
redacted customer messages (placeholders, never personal data) of turns whose draft fell below
the confidence threshold. Two wordings are similar when their word sets overlap enough
(Jaccard); a group is a chain of similar wordings (the connected components of that relation),
so the groups do not depend on the order the rows come in. A group is shown only
when questions from at least ``min_size`` different conversations fall in it, so one customer's
words are never shown on their own.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from trustdesk.monitor.definitions import is_low_confidence
from trustdesk.monitor.records import MetricSource

MIN_GROUP = 3
SIMILARITY = 0.5
EXAMPLES = 3
_PLACEHOLDER = re.compile(r"\[[A-Z][A-Z0-9_]*(?:_\d+)?\]")
_WORD = re.compile(r"\w+")
# Words that say nothing about the topic (English, French, German, Spanish, Italian, Dutch,
# Portuguese): without them "how do I return a bike" and "can I return my bike" match.
_STOP = frozenset(
    """
    a an the and or but if of to in on at by for from with about as into is are was were be been
    am do does did can could would should will shall may might must have has had i me my we our
    you your he she it its they them their this that these those there here what which who whom
    how when where why please hello hi thanks thank yes no not any some just so than then too
    very get got want need know tell
    le la les un une des du de et ou est je tu il elle nous vous ils mon ma mes votre vos pour
    dans sur avec pas que qui quoi comment quand où ce cette est-ce
    der die das ein eine und oder ist ich du er sie wir ihr mein meine mit für auf nicht wie wann
    wo was kann können
    el los las una y o es yo tu mi mis con por para en que como cuando donde puedo
    il lo gli uno e o è io mio mia con per che come quando dove posso
    de het een en of is ik jij mijn met voor op niet hoe wanneer waar kan
    o os um uma e ou é eu meu minha com por para em que como quando onde posso
    """.split()
)


def words(text: str) -> frozenset[str]:
    """The topic words of a question: lower-cased, accents kept, placeholders and stop words
    dropped."""
    text = _PLACEHOLDER.sub(" ", unicodedata.normalize("NFKC", text)).casefold()
    return frozenset(
        _singular(w) for w in _WORD.findall(text) if w not in _STOP and not w.isdigit()
    )


def _singular(word: str) -> str:
    """A plural's final "s" dropped ("cards" -> "card"), so that wordings in the singular
    and the plural meet; deliberately crude, and the same for every language."""
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)


@dataclass(frozen=True, slots=True)
class QuestionGroup:
    example: str  # the most frequent wording in the group (redacted)
    questions: int  # questions in the group
    conversations: int  # different conversations they came from
    wordings: tuple[str, ...]  # up to EXAMPLES distinct wordings, most frequent first
    words: tuple[str, ...]  # the words the group's questions share most, for a title


@dataclass(frozen=True, slots=True)
class UnansweredQuestions:
    groups: tuple[QuestionGroup, ...]  # largest first
    total: int  # unanswered questions read
    hidden: int  # questions in groups below the minimum size (not shown)


def _normal(text: str) -> str:
    return " ".join(text.split())


def group_questions(
    questions: Iterable[tuple[str, str]],
    *,
    min_size: int = MIN_GROUP,
    similarity: float = SIMILARITY,
    examples: int = EXAMPLES,
) -> UnansweredQuestions:
    """Group ``(conversation_id, redacted text)`` pairs by word-set similarity.

    Two wordings are linked when the Jaccard index of their word sets is at least
    ``similarity``; a group is every wording reachable through links. Within a group the
    wordings are listed from the most to the least frequent (ties by text). Groups from fewer
    than ``min_size`` conversations are not shown.
    """
    # Wordings that differ only in case, spacing and punctuation are one wording, shown as
    # its most frequent spelling.
    by_wording: dict[str, list[str]] = {}
    spellings: dict[str, Counter[str]] = {}
    # Many customers ask in the very same words: each distinct text is read once.
    read: dict[str, tuple[str, str] | None] = {}
    for conversation_id, text in questions:
        if text in read:
            known = read[text]
        else:
            original = _normal(text)
            wording = " ".join(_WORD.findall(original.casefold()))
            known = read[text] = (original, wording) if wording and words(wording) else None
        if known is not None:
            original, wording = known
            by_wording.setdefault(wording, []).append(conversation_id)
            spellings.setdefault(wording, Counter())[original] += 1
    shown_as = {
        w: min(found.items(), key=lambda kv: (-kv[1], kv[0]))[0] for w, found in spellings.items()
    }
    order = sorted(by_wording, key=lambda w: (-len(by_wording[w]), w))
    bags = [words(w) for w in order]
    parent = list(range(len(order)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # Only wordings that share a word can be similar: compare those pairs alone.
    holders: dict[str, list[int]] = {}
    for i, bag in enumerate(bags):
        for word in bag:
            holders.setdefault(word, []).append(i)
    for i, bag in enumerate(bags):
        candidates = {j for word in bag for j in holders[word] if j > i}
        for j in sorted(candidates):
            if root(i) != root(j) and jaccard(bag, bags[j]) >= similarity:
                parent[max(root(i), root(j))] = min(root(i), root(j))
    groups: dict[int, list[str]] = {}
    for i, wording in enumerate(order):
        groups.setdefault(root(i), []).append(wording)
    members = list(groups.values())
    shown: list[QuestionGroup] = []
    total = sum(len(ids) for ids in by_wording.values())
    hidden = 0
    for wordings in members:
        asked = sum(len(by_wording[w]) for w in wordings)
        people = len({cid for w in wordings for cid in by_wording[w]})
        if people < min_size:
            hidden += asked
            continue
        shared = Counter(word for w in wordings for word in words(w) for _ in by_wording[w])
        common = tuple(word for word, _ in sorted(shared.items(), key=lambda kv: (-kv[1], kv[0])))
        spelled = tuple(shown_as[w] for w in wordings)
        shown.append(QuestionGroup(spelled[0], asked, people, spelled[:examples], common[:5]))
    shown.sort(key=lambda g: (-g.conversations, -g.questions, g.example))
    return UnansweredQuestions(tuple(shown), total, hidden)


def unanswered_questions(
    source: MetricSource,
    *,
    min_size: int = MIN_GROUP,
    similarity: float = SIMILARITY,
    examples: int = EXAMPLES,
) -> UnansweredQuestions:
    """The redacted questions of the turns below the confidence threshold, grouped."""
    ids = {row.id for row in source.conversations}
    pairs = (
        (d.conversation_id, d.customer_text)
        for d in source.decisions
        if d.customer_text and d.conversation_id in ids and is_low_confidence(d)
    )
    return group_questions(pairs, min_size=min_size, similarity=similarity, examples=examples)
