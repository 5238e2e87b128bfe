"""The assistant never claims to be human, whatever a backend's draft says."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from trustdesk.guards.base import CLEAN, Finding, GuardContext, Stage, Verdict
from trustdesk.guards.pii import remember
from trustdesk.language.claims import claims_human, sentences, signature_start
from trustdesk.language.normalise import clean

_CITATION = re.compile(r"\[\d+\]")
_WORD = re.compile(r"[^\W\d_]{2,}")
# Fewer words than this left after removing claims: what is left is a fragment, not an answer.
MIN_WORDS = 4


class HumanClaimGuard:
    """Removes every sentence of a draft in which the assistant claims to be a person, a member
    of staff or a named employee (in any of the seven languages, through disguises; see
    ``trustdesk.language.claims``). When what is left is no answer — only citation markers or
    a fragment — the whole draft is replaced by the policy's fallback (its bot-question answer,
    in the customer's language)."""

    name = "disclosure"
    stage: Stage = "output"

    def __init__(
        self,
        fallback: str,
        translated: Mapping[str, str] | None = None,
        published: Iterable[str] = (),
    ) -> None:
        self._fallback = fallback
        self._translated = dict(translated or {})
        # Sentences of the business's published texts (the knowledge base, the answer intro)
        # screened once here: a draft that quotes them is not read again, sentence by sentence.
        self._vetted = frozenset(
            sentence.strip()
            for text in published
            for sentence in sentences(text)
            if sentence.strip() and not _published_claim(sentence)
        )

    def check(self, text: str, context: GuardContext) -> Verdict:
        kept: list[str] = []
        removed = 0
        signed = signature_start(clean(text))
        if signed is not None:  # a personal sign-off ends the draft: cut it and what follows
            text = clean(text)[:signed]
            removed += 1
        for sentence in sentences(text):
            if sentence.strip() not in self._vetted and claims_human(sentence, context=text):
                removed += 1
            else:
                kept.append(sentence)
        unvetted = [part for part in kept if part.strip() and part.strip() not in self._vetted]
        if not removed and unvetted and claims_human(text, use_model=False):
            # A claim spread over several lines or sentences ("I'm\nnot\na\nbot"), none of
            # which claims alone: the shortest run of them that does goes.
            kept = _without_spread_claim(kept)
            removed = 1
        if not removed:
            return CLEAN
        cleaned = "".join(kept).strip()
        replaced = len(_WORD.findall(_CITATION.sub(" ", cleaned))) < MIN_WORDS
        finding = Finding(
            guard=self.name,
            rule="human_claim_removed",
            score=1.0,
            reason=f"removed {removed} sentence(s) in which the draft claimed to be a person"
            + ("; nothing of an answer was left, so the fallback was sent" if replaced else ""),
        )
        if replaced:
            cleaned = self._translated.get(context.language or "", self._fallback)
        return Verdict(findings=(finding,), text=cleaned)


def _without_spread_claim(parts: list[str]) -> list[str]:
    """``parts`` without the shortest run of consecutive ones that claims to be human together
    (the rules alone); none left when only all of them together do."""
    for size in range(2, len(parts)):
        for start in range(len(parts) - size + 1):
            if claims_human("".join(parts[start : start + size]), use_model=False):
                end = start + size
                # with the rest of the sentences it is part of ("And I'm\nnot\na\nbot!")
                while start > 0 and not _ENDS_SENTENCE.search(parts[start - 1]):
                    start -= 1
                while end < len(parts) and not _ENDS_SENTENCE.search(parts[end - 1]):
                    end += 1
                return parts[:start] + parts[end:]
    return []


_ENDS_SENTENCE = re.compile(r"[.!?:)\]]\s*$")


_PUBLISHED_CLAIMS: dict[str, bool] = {}


def _published_claim(sentence: str) -> bool:
    """``claims_human`` of a sentence the business publishes, judged once per process."""
    known = _PUBLISHED_CLAIMS.get(sentence)
    if known is None:
        known = claims_human(sentence)
        remember(_PUBLISHED_CLAIMS, sentence, known)
    return known
