"""The per-language rules, as regular expressions over folded text (see ``normalise.fold``):
lower case, no accents, one space between words, "'" for every apostrophe.

Each language gives the words for what the assistant is ("bot nouns"), for the people a customer
may ask for ("person nouns"), and patterns built from them. A bot noun only counts at the end of
a clause or before a word that cannot start a noun phrase of its own, so "is this machine
washable?" and "is this a real leather bag?" are not questions about the assistant.
"""

from __future__ import annotations

from dataclasses import dataclass, replace


@dataclass(frozen=True, slots=True)
class LanguageRules:
    """The rules of one language. Patterns are regex sources, compiled by ``intents``."""

    code: str
    bot: tuple[str, ...]  # asks or states whether this is a machine or a person
    bot_unsure: tuple[str, ...]  # might be such a question: disclose anyway (one sentence)
    person: tuple[str, ...]  # asks for a person
    person_unsure: tuple[str, ...]  # might ask for a person: ask whether they want one
    negation: str  # words that cancel a request later in the same clause
    restart: str  # words after which a request stands again ("not working, let me ...")
    yes: str  # a whole message that says yes
    no: str  # a message that starts by saying no
    offer: str  # the assistant's own offer of a person, in its reply
    keywords: tuple[str, ...]  # words a typo is corrected to (distinctive words, 4+ letters)
    # Alternations ("a|b c|d") of the nouns and trigger words of which every bot-question
    # (person-request) rule of the language needs one; see intents._hot.
    bot_hot: str = ""
    person_hot: str = ""


def _alt(words: str) -> str:
    """'a b|c d' -> a non-capturing alternation, longest first, spaces as written."""
    items = sorted({w.strip() for w in words.split("|") if w.strip()}, key=len, reverse=True)
    return "(?:" + "|".join(items) + ")"


# Where a bot noun may end: the end of the clause, or a word that continues the question
# without making the noun a modifier ("a bot or a person", "a bot, aren't you").
_END = r"(?=\s*(?:$|[?!.,;:)\]\"'…\U0001F300-\U0001FAFF\u2600-\u27BF]|\s*(?:{cont})\b))"


def _end(cont: str) -> str:
    return _END.format(cont=cont)


# Question words in every language: bot questions without a bot noun ("who am I talking
# to?", "what are you?"). They count only next to a word for "you" or for talking (see
# intents._scan): alone they are in too many sentences to single one out.
WHO = frozenset("who what qui quoi wer wem quien chi cosa wie wat quem".split())
ADDRESSED = frozenset(
    """
    you u ya talking chatting speaking writing texting vous tu toi parle discute parler ecris
    du sie dich ihnen spreche rede schreibe chatte usted eres estas hablando hablo chateando
    sei lei sto parlando parlo chattando je jij praat spreek chat voce vc tu es estou falando
    falo conversando teclando responde repond antwortet risponde antwoordt rispondendo
    respondiendo respondendo responder scrive escribe escreve schreibt schrijft writing this
    contestando
    """.split()
)
# "real" and "automated" in every language: "are you real?", "is this automated?"
_REAL = (
    "real|reel|reelle|vrai|vraie|echt|echter|echte|echtes|vero|vera|verdad|verdade|reale|alive|"
    "sentient|conscious|programmed|scripted|manned|live|myself|wall|nobody|noone|one|bout|fil|"
    "derriere|hinter|ende|lado|parte|kant|tras|automat|automatic|automatique|automatico|"
    "automatisch|automatisiert|automatizado|automatizzato|geautomatiseerd|automatise"
)
_CALLBACK = (
    "call|ring|phone|callback|rappel|rappelez|rappeler|ruckruf|rueckruf|zuruckrufen|"
    "zurueckrufen|anrufen|terugbellen|bellen|bel|llamar|llamame|llameme|llamenme|richiamare|"
    "richiamatemi|chiamatemi|ligar|liga|ligue|liguem|escalate|escalation|escalated|bot|robot"
)


# -- English ----------------------------------------------------------------------------------
_EN_BOT = _alt(
    "bot|bots|robot|ai|a\\.i\\.?|machine|computer|computer program|program|programme|chatbot|"
    "chat bot|virtual assistant|virtual agent|digital assistant|ai assistant|ai bot|ai agent|"
    "automated|automated system|automated assistant|automated agent|automated response|"
    "automated reply|automated service|automated message|automated chat|auto reply|autoreply|"
    "autoresponder|auto responder|script|algorithm|software|artificial intelligence|"
    "language model|large language model|llm|chatgpt|chat gpt|gpt|gpt\\d[\\w.-]*|gpt-\\d[\\w.-]*|"
    "openai|gemini|claude|copilot|bard|llama|mistral|siri|alexa|neural network|"
    "human|a human|human being|person|real person|real human|live person|live human|"
    "actual person|actual human|real people|actual human being|real human being|"
    "living person|flesh and blood person|live agent|real agent|human agent|real one|"
    "android|cyborg|npc|automaton|machine learning model|real live person|real live human|"
    "real ppl|real people|automatic responder|automatic reply|automatic response|"
    "automatic system|automatic answer|automated help desk|automated helpdesk|"
    "automated \\w+ \\w+|automated \\w+|robo|robot thing|ai thing|bot thing|recording|"
    "recorded message|pre-recorded message|prerecorded message|skynet|terminator|hal|jarvis|"
    "roomba|toaster"
)
_EN_CONT = _alt(
    "or|and|i|im|i'm|i am|who|which|here|there|right|then|too|now|just|again|lol|lmao|"
    "haha|please|pls|plz|honestly|actually|seriously|for real|aren't|arent|are you|are u|r u|"
    "isn't|isnt|is it|is this|answering|replying|talking|typing|writing|responding|chatting|"
    "speaking|on the other|behind|at the other|reading|yes|no|huh|eh|mate|bro|dude|because|"
    "cause|cos|since|if|so|but|when|though|tho|by any chance|by chance|either|at all|"
    "pretending|responding|perhaps|maybe|tbh|ngl|lady|sir|madam|mr|ms|btw|anyway|currently|"
    "today|in this chat|on this chat|on the line|in there|out there|im talking|i'm talking|"
    "im chatting|i'm chatting|im speaking|i'm speaking|you are|u are|you're|youre|ur|do you|"
    "don't you|dont you|innit|with a script|or something|or what|reply|response|right now|"
    "collecting|asking|trying|working|helping|listening|running|programmed|designed|built|"
    "trained|made|pretending|posing"
)
EN_BOT_END = _end(_EN_CONT)
_EN_YOU = r"(?:you|u|ya|yu|yo|thou|ye)"
_EN_ADV = (
    r"(?:(?:just|really|even|actually|honestly|seriously|secretly|still|only|basically|"
    r"truly|literally|like|possibly|perhaps|maybe|by chance|then|now|definitely|clearly|"
    r"obviously|totally|simply|kind of|sort of|some kind of|some sort of|some|some sort of)\s+)*"
)
_EN_ART = r"(?:(?:a|an|the|one|some|my|another|just a|only a)\s+)?"
_EN_PERSON = _alt(
    "human|humans|human being|human beings|person|people|agent|agents|representative|"
    "representatives|rep|reps|operator|operators|team member|team members|staff|staff member|"
    "member of staff|member of your staff|member of the team|member of your team|employee|"
    "employees|customer service|customer services|customer support|customer care|support team|"
    "support agent|service agent|service rep|support rep|manager|managers|supervisor|"
    "supervisors|boss|superior|advisor|adviser|specialist|consultant|colleague|helpdesk|"
    "help desk|service desk|call centre|call center|live chat|live agent|live support|"
    "real one|somebody real|someone real|actual human|someone in charge|person in charge|"
    "your team|the team|your staff|a supervisor|head of customer service|team leader|team lead|"
    "staff members|human support|human help|human assistance|human agent|human agents|"
    "customer service agent|customer service representative|customer service rep|"
    "service representative|account manager|case worker|caseworker|floor manager|"
    "real person|real human|live person|actual person|flesh and blood|warm body|"
    "somebody from your team|someone from your team|someone from the team|"
    "someone from customer service|someone from support|someone from the company|"
    "someone who works there|somebody who works there|someone that works there"
)
_EN_PERSON = r"(?<!in )" + _EN_PERSON
_EN_ADJ = (
    r"(?:(?:a|an|the|some|your|ur|yr|one of your|one of ur|one of the|any|another|real|live|actual|"
    r"human|proper|genuine|competent|qualified|senior|actual real|real life|real-life|"
    r"flesh and blood|flesh-and-blood|living|breathing|english speaking|fucking|damn|bloody)\s+)*"
)
# What may follow a person noun: the end, or words that keep it the thing asked for.
_EN_PERSON_END = _end(
    "please|pls|plz|now|asap|thanks|thank you|thx|right now|immediately|today|instead|"
    "who|that|to help|to talk|to speak|to look|to check|to call|to contact|to review|to sort|"
    "to deal|to handle|to answer|to reply|to fix|to explain|to assist|on the phone|by phone|"
    "over the phone|on the line|not a|not the|not this|not some|rather than|and not|"
    "or someone|or somebody|or anyone|or a|or an|or the|or your|on this|here|there|"
    "about|regarding|for|with|at|in|from|because|since|as|so|but|and|if|i|id|i'd|i'm|im|"
    "already|again|straight away|at once|urgently|for once|for a change|for god's sake|"
    "for fuck's sake|damn it|dammit|lol|ffs|pronto|quickly|mate"
)

_EN_WEAK = r"(?:someone|somebody|anyone|anybody|some\s+one)(?:\s+real|\s+else)?"
# A person noun, or someone (from a team): after verbs of talking and connecting only.
_EN_ANY = (
    rf"(?:{_EN_PERSON}|(?:[a-z]+\s+){{0,2}}(?:team|department|dept|desk|office|manager|advisor|"
    r"adviser|agent|representative|rep|specialist|consultant|supervisor|lead|leader|staff|"
    rf"member|members)|{_EN_WEAK}(?:\s+(?:from|in|at|on|of)\s+(?:the\s+|your\s+|ur\s+)?"
    r"[a-z&']+(?:\s+(?:team|department|dept|desk|office))?)?)"
)
_EN_TALK = (
    r"(?:talk|talking|speak|speaking|chat|chatting|connect|connecting|transfer|transferring|"
    r"escalate|escalating|put|putting|pass|passing|hand|handing|switch|switching|forward|"
    r"forwarding|redirect|redirecting|route|routing|patch|patching|reach|reaching|contact|"
    r"contacting|complain|complaining|communicate|communicating|refer|referring|direct|"
    r"directing|hook|hooking|link|linking|discuss|deal|dealing)"
)
_EN_WANT = (
    r"(?:want|wanna|need|needs|would\s+like|'d\s+like|i'd\s+like|id\s+like|prefer|request|"
    r"requesting|demand|demanding|require|ask\s+for|asking\s+for|insist\s+on|"
    r"rather\s+have|rather\s+deal\s+with|must\s+speak\s+to|must\s+talk\s+to|let\s+me\s+have|"
    r"got\s+to\s+have|appreciate|only\s+discuss|only\s+talk|only\s+speak)"
)
# What a person is asked to do for the customer.
_EN_ACT = (
    r"(?:help|look|check|double-check|double\s+check|review|see|answer|reply|respond|sort|"
    r"deal|handle|assist|take\s+over|step\s+in|take\s+a\s+look|look\s+into|investigate|"
    r"call|ring|phone|contact|email|get\s+back|reach\s+out|explain|fix|authori[sz]e|approve|"
    r"confirm|go\s+through|talk|speak|chat|get\s+involved|intervene|jump\s+in)"
)

EN = LanguageRules(
    code="en",
    bot_hot=f"{_EN_BOT}|{_EN_PERSON}|{_REAL}|employee|staff|representative|agent|worker|"
    "member|them|those|these|brain|server|model|bots",
    person_hot=f"{_EN_PERSON}|{_EN_BOT}|{_CALLBACK}|someone|somebody|anyone|anybody|team|"
    "department|dept|desk|office|manager|advisor|adviser|agent|representative|rep|specialist|"
    "consultant|supervisor|lead|leader|staff|member|members|escalation|escalated|person|human",
    bot=(
        # are you a bot / r u human / aren't you an AI
        rf"\b(?:are|r|aren't|arent|are not|were)\s+{_EN_YOU}\s+{_EN_ADV}(?:not\s+)?{_EN_ART}"
        rf"{_EN_ADV}{_EN_BOT}{EN_BOT_END}",
        # am I talking to a bot / are we chatting with a person / I'm speaking to a machine?
        r"\b(?:am\s+i|are\s+we|i\s+am|i'm|im|is\s+this\s+me|have\s+i\s+been|"
        r"am\s+i\s+still|am\s+i\s+even)\s+(?:\w+\s+){0,2}?"
        r"(?:talk|talking|chat|chatting|speak|speaking|text|texting|writ\w*|messag\w*|typ\w*|"
        r"connected|dealing|communicating|conversing)\s+(?:\w+\s+)?(?:to|with)\s+"
        rf"{_EN_ADV}{_EN_ART}{_EN_ADV}{_EN_BOT}{EN_BOT_END}",
        # is this a bot / is it automated / is this chat run by a human
        r"\b(?:is|isn't|isnt|was)\s+(?:this|that|it|this\s+chat|this\s+conversation|this\s+service|"
        r"this\s+support|this\s+reply|this\s+answer|this\s+response|this\s+message|this\s+thing|"
        r"the\s+chat|the\s+person\s+answering|the\s+thing\s+answering|whoever\s+is\s+answering|"
        r"this\s+helpdesk|this\s+help\s+desk|this\s+assistant|this\s+agent|the\s+agent|"
        r"this\s+account|this\s+live\s+chat|this\s+chat\s+support|the\s+support|this\s+line)\s+"
        rf"{_EN_ADV}(?:all\s+|fully\s+|completely\s+|100%\s+|entirely\s+)?{_EN_ART}{_EN_ADV}"
        rf"(?:{_EN_BOT}|automatic|auto generated|auto-generated|ai generated|ai-generated|"
        rf"computer generated|computer-generated|manned|staffed|real|live|scripted|canned)"
        rf"{EN_BOT_END}",
        # is there a human / anyone real there / behind this
        r"\b(?:is|are)\s+there\s+(?:a|an|any|actually\s+a|even\s+a|really\s+a|an\s+actual)?\s*"
        r"(?:real\s+|actual\s+|live\s+|living\s+)?(?:human|humans|person|people|human\s+being|"
        r"someone|somebody|anyone|anybody|soul|man|woman)\s+(?:real\s+)?(?:there|here|"
        r"behind|reading|on\s+the\s+other|at\s+the\s+other|answering|typing|writing|replying|"
        r"responding|in\s+this\s+chat|on\s+this\s+chat|on\s+the\s+line|in\s+there|out\s+there|"
        r"actually\s+reading|who\s+reads|that\s+reads|who\s+is\s+reading|looking\s+at)",
        # is a human reading this / is someone actually typing
        r"\b(?:is|are)\s+(?:a|an|the|any|some)?\s*(?:real\s+|actual\s+|live\s+)?(?:human|person|"
        r"people|someone|somebody|anyone|human\s+being)\s+(?:actually\s+|really\s+|even\s+)?"
        r"(?:reading|answering|replying|responding|typing|writing|behind|on\s+the\s+other|"
        r"at\s+the\s+other|handling\s+this\s+chat|in\s+this\s+chat)\b",
        # who am I talking to / who is this / who are you
        r"\bwho\s+(?:am\s+i|are\s+we|is\s+this\s+i'?m|i'?m|im|i\s+am)\s+(?:even\s+|actually\s+|"
        r"really\s+|now\s+)?(?:talking|chatting|speaking|writing|texting|messaging|dealing)"
        r"(?:\s+(?:to|with))?\b",
        r"\b(?:who|what)\s+(?:am\s+i|are\s+we)\s+(?:talking|chatting|speaking)\s+(?:to|with)\b",
        r"(?:^|[.!?,]\s*)(?:and\s+|so\s+|but\s+|hi\s+|hello\s+|hey\s+)?who\s+(?:are\s+you|is\s+this|"
        r"r\s+u|is\s+that|am\s+i\s+with)\s*(?:exactly|really|actually|even|then)?\s*(?:\?|$)",
        r"(?:^|[.!?,]\s*)(?:so\s+|and\s+|but\s+|ok\s+|okay\s+|hi\s+|hey\s+|wait\s+)?"
        r"what\s+(?:are|r)\s+(?:you|u)\s*(?:exactly|really|actually|even|then|anyway)?\s*(?:\?|$)",
        r"\bwhat\s+(?:am\s+i|are\s+we)\s+(?:talking|chatting|speaking)\s+(?:to|with)\b",
        r"\bwhat\s+(?:kind|sort|type)\s+of\s+(?:bot|ai|assistant|program|thing|model|system|"
        r"entity)\s+(?:are|r)\s+(?:you|u)\b",
        # human or bot / bot or human
        rf"\b(?:human|person|real\s+person|real|people|man|woman|someone\s+real)\s+or\s+"
        rf"(?:a\s+|an\s+)?(?:{_EN_BOT}|bot|machine|ai|robot|computer|automated|program)\b",
        rf"\b(?:bot|bots|machine|ai|robot|computer|automated|program|chatbot|{_EN_BOT})\s+or\s+"
        r"(?:a\s+|an\s+)?(?:human|person|real|people|man|woman|not|an?\s+actual|real\s+person)\b",
        # you're a bot (aren't you) / you are not a real person / your a robot
        r"\b(?:you're|youre|you\s+are|ur|u\s+r|u\s+are|your|you\s+r|you\s+must\s+be|"
        r"you\s+aren't|you\s+arent|u\s+aren't|u\s+arent|you\s+are\s+not|you're\s+not|"
        r"(?:whether|if)\s+(?:you|u)\s+(?:are|r|'re)|that\s+you\s+are|that\s+you're|"
        r"you\s+have\s+to\s+be|you've\s+got\s+to\s+be|you\s+seem\s+like|you\s+sound\s+like|"
        r"you\s+sound|you\s+seem|you\s+look\s+like|you\s+talk\s+like|you\s+write\s+like|"
        r"must\s+be|gotta\s+be|it's|its|it\s+is|this\s+is|that's|thats)\s+"
        rf"{_EN_ADV}(?:not\s+{_EN_ADV})?{_EN_ART}{_EN_ADV}"
        r"(?:bot|bots|robot|ai|a\.i\.?|machine|chatbot|chat\s+bot|computer|program|automated|"
        r"an\s+ai|artificial\s+intelligence|language\s+model|llm|chatgpt|gpt|script|"
        r"real\s+person|real\s+human|human|person|human\s+being|actual\s+person|npc|android)"
        rf"{EN_BOT_END}",
        # do you have a human / are you human or AI / powered by AI
        r"\b(?:are|is)\s+(?:you|u|this|it)(?:\s+[a-z]+){0,2}\s+(?:powered|run|driven|generated|written|"
        r"answered|operated|controlled|staffed|manned|handled)\s+by\s+(?:an?\s+)?(?:ai|bot|bots|"
        r"machine|chatgpt|gpt|openai|computer|artificial\s+intelligence|human|humans|person|"
        r"people|algorithm|software|real\s+people|llm|language\s+model|robot)\b",
        r"\b(?:are|r)\s+(?:you|u)\s+(?:a\s+|an\s+)?(?:real|human|alive|sentient|conscious|"
        r"automated|automatic|self\s+aware|for\s+real|programmed|scripted|manned|a\s+real\s+one|"
        r"a\s+human\s+or|live|actually\s+real|really\s+real|legit\s+human)"
        rf"{EN_BOT_END}",
        r"^\W*(?:a\s+|an\s+|u\s+|you\s+)?(?:bot|robot|ai|chatbot|chatgpt|gpt|llm|machine|"
        r"automated|real\s+person|real\s+human|human\s+or\s+bot|bot\s+or\s+human|computer|"
        r"automated\s+reply|automated\s+response)\s*\?+\W*$",
        r"\b(?:talking|chatting|speaking)\s+to\s+(?:a\s+|an\s+)?(?:bot|robot|machine|ai|computer|"
        r"real\s+person|human|chatbot|program|wall)\s*(?:\?|$|,|\.\.\.|here\b|right\b|now\b|"
        r"again\b|huh\b|eh\b|or\b|aren't\b|am\s+i\b)",
        r"\b(?:is|are)\s+(?:this|these|the|your)\s+(?:replies|answers|responses|messages|reply|"
        r"answer|response|message|chat)\s+(?:written|typed|sent|generated|produced|made|coming)"
        r"\s+(?:by|from)\s+(?:a\s+|an\s+)?(?:human|person|people|bot|machine|ai|computer|real)\b",
        r"\b(?:are|r)\s+(?:you|u)\s+(?:one\s+of\s+those|one\s+of\s+them|those)\s+(?:\w+\s+)?"
        r"(?:bots|ai|chatbots|robots|machines|programs|automated)\b",
        r"\bam\s+i\s+(?:talking|chatting|speaking)\s+to\s+(?:myself|a\s+wall|no\s*one|nobody)\b",
        r"\b(?:do|does)\s+(?:a|any)\s+(?:human|person|real\s+person|people)\s+"
        r"(?:read|see|answer|check|monitor)\s+(?:this|these|my|the)\b",
        r"^\W*(?:u|you|ya|yu)\s+(?:a|an)\s+(?:bot|robot|ai|machine|chatbot|human|person|"
        r"real\s+person|computer|program)\b",
        r"\b(?:are|r)\s+(?:you|u)\s+(?:a\s+|an\s+)?(?:real\s+|actual\s+|human\s+|live\s+)?"
        r"(?:employee|staff\s+member|member\s+of\s+staff|representative|agent|team\s+member|"
        r"worker|customer\s+service\s+agent|support\s+agent)(?:\s+(?:of|at|for|from)\s+[\w&' ]+)?"
        r"\s*(?:\?|$|,|or\b)",
        r"\b(?:do|have)\s+i\s+(?:have|got)\s+(?:a|an)\s+(?:real\s+|actual\s+|live\s+)?"
        r"(?:human|person|human\s+being|bot|machine|robot)\s+(?:on\s+the\s+line|here|there|"
        r"on\s+the\s+other\s+end|typing|answering|replying)",
        r"\b(?:robots?|bots?|ai|machines?|automated|chatbots?|computers?)\b[^?]{0,80}[.!?]\s*"
        r"(?:so\s+|and\s+|well\s+|then\s+)?(?:are|r)\s+(?:you|u)(?:\s+one)?\s*\?",
        r"\b(?:is\s+this|are\s+you)\s+one\s+of\s+(?:them|those|these)\b",
        r"\bare\s+(?:you|u)\s+(?:guys\s+|all\s+|people\s+|folks\s+)?using\s+(?:a\s+|an\s+)?"
        r"(?:bot|bots|ai|chatbot|chatgpt|robot|machine|computer|automated\s+\w+)\b",
        r"\bis\s+(?:this|the)\s+(?:conversation|chat)\s+(?:with|by)\s+(?:a|an)\s+(?:bot|robot|"
        r"machine|ai|computer|program|chatbot|human|person|real\s+person)\b",
        r"\b(?:is|are)\s+(?:anyone|someone|somebody|a\s+person|a\s+human|any\s+human|"
        r"anybody)\s+(?:human\s+|real\s+)?(?:actually\s+|really\s+)?(?:involved|present|there|"
        r"reading|behind|on\s+the\s+other)\b",
        r"\b(?:does|do|will|would)\s+(?:a|any|an\s+actual|a\s+real|some)\s+(?:human|person|"
        r"people|one|body)\s+(?:ever\s+|actually\s+|really\s+)?(?:read|see|look\s+at)\s+"
        r"(?:this|these|my|what)\b",
        r"\b(?:this|that|it)\s+(?:isn't|is\s+not|isnt|wasn't)\s+(?:just\s+)?(?:an?\s+)?"
        r"(?:automated|automatic|bot|robot|ai|machine|canned|scripted)\b[^?]*\?",
        r"\bam\s+i\s+being\s+(?:answered|helped|served|handled)\s+by\s+(?:a\s+|an\s+)?"
        r"(?:human|person|bot|machine|ai|robot|computer|real)\b",
    ),
    bot_unsure=(
        # "real?", "is this real?", "are you there?" at the very start of a chat
        r"^\W*(?:is\s+this|are\s+you|r\s+u|you)\s+(?:real|for\s+real|legit|alive)\s*\?+\W*$",
        r"\b(?:you|u)\s+(?:sound|seem|write|talk|type|reply)\s+(?:like|as\s+if\s+you're|"
        r"as\s+if\s+you\s+are)\s+(?:a\s+|an\s+)?(?:bot|robot|machine|ai|computer|chatbot|"
        r"script|program)\b",
        r"\b(?:are|r)\s+(?:you|u)\s+(?:even\s+|actually\s+|really\s+)?(?:a\s+|an\s+)?"
        r"(?:assistant|agent|helper|program|thing)\s*\?",
    ),
    person=(
        # talk to a human / put me through to an agent / connect me with someone in billing
        rf"\b{_EN_TALK}\b[^.?!,;:]{{0,32}}?\b(?:to|with|w|w/|through\s+to|over\s+to|me\s+to|"
        rf"me\s+with|through|up\s+with|onto)\s+{_EN_ADJ}{_EN_ANY}{_EN_PERSON_END}",
        # reach a human / contact a manager / get hold of someone
        rf"\b(?:reach|contact|call|phone|ring|get\s+hold\s+of|get\s+through\s+to|get\s+ahold\s+of|"
        rf"speak\s+with|talk\s+with)\s+{_EN_ADJ}{_EN_ANY}{_EN_PERSON_END}",
        # I want a human / need a real person / I'd prefer someone from your team
        rf"\b{_EN_WANT}\b[^.?!,;:]{{0,32}}?\b{_EN_ADJ}"
        r"(?!person\s+to\s+(?:collect|pick|sign|receive|be|carry|lift|help\s+carry))"
        rf"{_EN_PERSON}{_EN_PERSON_END}",
        # can I get an agent / give me your manager / get me somebody
        rf"\b(?:get|give|find|fetch|summon|bring|put)\s+(?:me|us)\s+{_EN_ADJ}{_EN_ANY}"
        rf"{_EN_PERSON_END}",
        rf"\b(?:get|give|have|fetch|summon|bring|put)\s+{_EN_ADJ}{_EN_PERSON}(?:\s+on)?"
        rf"{_EN_PERSON_END}",
        # have a person look at it / let a human handle this / get a human to double-check
        rf"\b(?:have|let|get|ask|need|want|would\s+like|'d\s+like|i'd\s+like)\s+{_EN_ADJ}{_EN_ANY}"
        rf"\s+(?:to\s+)?{_EN_ACT}\b",
        # can a human check my refund / could a colleague take over / a manager needs to see this
        rf"\b(?:can|could|will|would|may|might|should|if)\s+{_EN_ADJ}{_EN_ANY}(?:\s+of\s+yours)?"
        r"(?:\s+(?:could|can|would|will|might))?"
        rf"\s+(?:please\s+|maybe\s+|possibly\s+|just\s+)?{_EN_ACT}\b",
        rf"(?:^|[.!?]\s*)(?:{_EN_ADJ}){_EN_PERSON}\s+(?:needs?\s+to|should|must|has\s+to|"
        rf"ought\s+to|to)\s+{_EN_ACT}\b",
        # "agent", "human please", "a real person now!!", "representative."
        rf"^\W*(?:(?:yes|yeah|yep|ok|okay|sure|hi|hello|hey|please|pls|just|i\s+said|"
        rf"again|so|uh|um|no|then|ok\s+i\s+give\s+up)\W*)*{_EN_ADJ}{_EN_PERSON}(?:\s+(?:please|"
        r"pls|plz|now|asap|thanks|thank\s+you|right\s+now|immediately|already|then|again|"
        r"for\s+god'?s\s+sake|damn\s+it|ffs|support|help|assistance))*\W*$",
        rf"(?:^|[,.!?:;]\s*){_EN_ADJ}{_EN_PERSON}\s*(?:support|help|assistance)?\s*,?\s+(?:please|pls|plz|now|"
        r"asap|right\s+now|immediately)\b",
        r"\bhuman\s+(?:support|help|assistance|contact|being|agent)\s*(?:please|pls|now|needed|"
        r"required|asap|[.!,]|$)",
        # escalate (this complaint) / I want this escalated / an escalation
        r"(?:^|\b(?:please|pls|can\s+you|could\s+you|just|i\s+want\s+to|i\s+need\s+to|"
        r"i\s+need\s+you\s+to|want\s+you\s+to|i\s+want\s+you\s+to|i\s+would\s+like\s+to|"
        r"i'd\s+like\s+to|let's|lets|will\s+you|kindly|time\s+to|need\s+to)\s+)escalate"
        r"(?:\s+[a-z']+){0,3}\s*(?:[.!?,;:]|$|\s+to\b|\s+please\b)",
        r"\b(?:i\s+want|i\s+need|i'd\s+like|i\s+would\s+like|please\s+get|get)\s+(?:this|it|"
        r"my\s+\w+)\s+escalated\b",
        r"\b(?:an\s+escalation|escalation\s+please|escalation\s+now|need\s+escalation|"
        r"want\s+escalation|request\s+escalation|request\s+an\s+escalation)\b",
        # call me back / a callback / someone from returns to email me / contacted by a person
        r"\b(?:call|ring|phone)\s+me\s+(?:back|please|asap|now|today|on|at|tomorrow|"
        r"this\s+afternoon|this\s+morning)\b",
        r"\b(?:want|need|get|request|arrange|book|like|have|schedule|ask\s+for|can\s+i\s+get)\b"
        r"[^.?!]{0,20}\b(?:a\s+)?(?:callback|call\s+back|call-back|phone\s+call)\b",
        rf"\b{_EN_ADJ}{_EN_ANY}(?:\s+real)?(?:\s+(?:from|in|at|on)\s+[a-z&' ]{{1,30}}?)?\s+"
        r"(?:to\s+|please\s+|should\s+|must\s+|could\s+|can\s+|will\s+)?(?:call|ring|phone|"
        r"contact|email|e-mail|text|get\s+back\s+to|reach\s+out\s+to|get\s+in\s+touch\s+with)\s+"
        r"(?:me|us)\b",
        rf"\b(?:contacted|called|phoned|rung|helped|served|assisted|handled|answered)\s+by\s+"
        rf"{_EN_ADJ}{_EN_ANY}\b",
        r"\b(?:send|pass|give|forward|refer)\s+(?:this|it|my\s+\w+|the\s+\w+)\s+(?:on\s+)?"
        rf"(?:to|over\s+to)\s+{_EN_ADJ}{_EN_ANY}\b",
        rf"\b(?:discuss|raise|sort|resolve|handle|deal\s+with)\s+(?:this|it|that|my\s+\w+)\s+"
        rf"(?:only\s+)?with\s+{_EN_ADJ}{_EN_ANY}\b",
        r"\b(?:i'm|im|i\s+am)\s+(?:done|finished|fed\s+up|sick|tired)\s+(?:with|of)\s+"
        r"(?:this\s+|the\s+|you\s+|talking\s+to\s+(?:a\s+|this\s+|the\s+)?)?(?:bot|robot|machine|"
        r"ai|chatbot|computer|automated\s+\w+)\b",
        r"\b(?:stop|enough\s+of|no\s+more)\s+(?:the\s+|this\s+|with\s+the\s+)?(?:bot|robot|"
        r"chatbot|ai|machine|automated\s+\w+)\b",
        r"\b(?:don't|do\s+not|dont)\s+want\s+(?:to\s+(?:talk|speak|chat)\s+(?:to|with)\s+)?"
        r"(?:a|an|the|this|your|some)?\s*(?:bot|robot|machine|ai|chatbot|computer|"
        r"automated\s+\w+)\b",
        r"\b(?:real|actual|live)\s+(?:human|person|people|agent|support)\s+(?:needed|required|"
        r"wanted|please|pls|asap|now)\b",
        r"\bhumans?\s+(?:needed|required|wanted|help)\b",
        r"\b(?:is|are)\s+there\s+(?:a\s+|an\s+|any\s+)?(?:real\s+|actual\s+|live\s+)?(?:human|"
        r"person|agent|representative|manager|supervisor|someone|somebody|anyone|people|one|way)"
        r"\s+(?:real\s+)?"
        r"(?:(?:i|we)\s+(?:can|could|may)\s+(?:talk|speak|chat|reach)|(?:real\s+)?(?:who|that)\s+"
        r"(?:can|could)\s+(?:help|assist|talk|sort|deal)|available|to\s+(?:talk|speak|reach|"
        r"contact|get))",
        r"\bhow\s+(?:do|can|could)\s+i\s+(?:get\s+to\s+)?(?:talk|speak|chat|get\s+through|get|"
        rf"reach|contact)\s+(?:to|with)?\s*{_EN_ADJ}{_EN_ANY}{_EN_PERSON_END}",
        r"[,.!?:;]\s*(?:a\s+|an\s+|the\s+)?(?:real\s+|actual\s+|live\s+)?(?:human|person|"
        r"agent|representative|operator|manager|supervisor)\W*$",
        rf"\b{_EN_WEAK}(?:\s+(?:from|in|at|on)\s+[a-z&' ]{{1,30}}?)?\s+available\s+(?:to|for)\s+"
        r"(?:talk|speak|chat|a\s+chat|a\s+call)",
        r"\b(?:get|find|fetch|bring)\s+(?:me\s+)?(?:someone|somebody)\s+(?:who|that|to)\b",
        rf"\b(?:send|take|bring)\s+me\s+(?:over\s+|through\s+)?to\s+{_EN_ADJ}{_EN_ANY}",
        r"\b(?:have|having)\s+a\s+(?:word|chat|talk)\s+with\s+(?:a|an|the|someone|somebody|"
        r"one\s+of|your)\b",
        r"(?:^|\b(?:please|pls|just|now)\s+)escalate\W*$",
        rf"\bswap\s+(?:you|this|the\s+bot|it)\s+(?:out\s+)?for\s+{_EN_ADJ}{_EN_ANY}",
        r"\b(?:take|get)\s+me\s+(?:to|off)\s+(?:a|an|the|this)?\s*(?:human|person|agent|bot|"
        r"machine|representative)\b",
        rf"\bbring\s+in\s+{_EN_ADJ}{_EN_ANY}",
        r"\b(?:bring|get)\s+(?:in|me)\s+(?:a|an|the)\s+(?:human|person|agent|manager|"
        r"supervisor|representative)\b",
    ),
    person_unsure=(
        r"\b(?:is\s+there|are\s+there)\s+(?:a|an|any)\s+(?:real\s+|actual\s+|live\s+)?"
        r"(?:humans|people|agents|staff)\s*(?:\?|$|around|working|online)",
        r"\b(?:i\s+(?:think|guess)\s+i\s+need|maybe\s+i\s+need|maybe\s+a|perhaps\s+a)\s+"
        r"(?:a\s+|an\s+)?(?:human|person|agent|real\s+person)\b",
        r"\b(?:do\s+you\s+have|have\s+you\s+got|are\s+there)\s+(?:any\s+)?(?:humans|real\s+people|"
        r"live\s+agents|live\s+support|live\s+chat)\s*(?:\?|$|i\s+can|to)",
    ),
    negation=r"\b(?:don't|dont|do\s+not|doesn't|does\s+not|no\s+need|not|never|without|no|"
    r"nobody|no\s+one|rather\s+not|won't|wont|wouldn't|needn't|didn't|did\s+not|instead\s+of|"
    r"rather\s+than|neither|nor|stop|quit|wasn't|was|were|had|already|yesterday|earlier|"
    r"last\s+time|previously|before)\b",
    restart=r"\b(?:let|please|pls|just|get|give|put|connect|transfer|want|need|i\s+want|"
    r"i\s+need|i'd\s+like|i\s+would\s+like|now|so|can\s+i|could\s+i|may\s+i)\b",
    yes=r"(?:yes|yeah|yea|yep|yup|ya|y|yes\s+i\s+would|yes\s+i\s+do|yes\s+please|ok|okay|k|kk|"
    r"sure|alright|all\s+right|absolutely|definitely|certainly|of\s+course|please|pls|plz|"
    r"go\s+ahead|go\s+for\s+it|please\s+do|do\s+it|do\s+that|sounds\s+good|sounds\s+great|"
    r"(?:that\s+would|that'd|thatd)\s+be\s+(?:great|good|helpful|nice|perfect|lovely|ideal|brilliant|"
    r"amazing|fantastic|wonderful|super|ace|grand)|that\s+would\s+help|"
    r"i\s+would|i'd\s+like\s+that|i\s+would\s+like\s+that|why\s+not|yes\s+pls|aye|"
    r"i\s+guess\s+so|i\s+suppose\s+so|i\s+think\s+so|guess\s+so|"
    r"yes\s+thanks|yes\s+thank\s+you|please\s+yes|yes\s+yes|correct|right|indeed|"
    r"that's\s+right|thats\s+right|exactly|let's\s+do\s+it|lets\s+do\s+it|let's\s+do\s+that|"
    r"yes\s+go\s+ahead|sure\s+thing|by\s+all\s+means|i\s+guess|i\s+suppose|fine|perfect|"
    r"great|good|lovely|brilliant|cool|deal|that'd\s+be\s+(?:good|nice|helpful|perfect)|no\s+problem|no\s+worries\s+go\s+ahead|'d\s+be\s+lovely|"
    r"that'd\s+be\s+lovely|that\s+would\s+be\s+lovely|alright\s+then|ok\s+then|👍|👌|✅|🙏|yes\s+a\s+person|a\s+person\s+please|"
    r"please\s+pass\s+it\s+on|pass\s+it\s+on|pass\s+it\s+along|put\s+me\s+through|transfer\s+me|yes\s+transfer\s+me|"
    r"connect\s+me|please\s+connect\s+me|do\s+so|that'd\s+be\s+great|that\s+would\s+be\s+nice|"
    r"if\s+you\s+could|if\s+you\s+can|if\s+possible|if\s+you\s+don't\s+mind|"
    r"if\s+you\s+must|if\s+i\s+have\s+to|i\s+suppose\s+so|i\s+guess\s+so)",
    no=r"(?:no|nope|nah|no\s+thanks|no\s+thank\s+you|not\s+now|not\s+yet|not\s+needed|"
    r"never\s+mind|nevermind|no\s+need|don't|dont|it's\s+fine|its\s+fine|i'm\s+fine|im\s+fine|"
    r"i'm\s+good|im\s+good|all\s+good|no\s+worries|that's\s+ok|thats\s+ok|not\s+necessary|"
    r"i'll\s+rephrase|ill\s+rephrase|let\s+me\s+rephrase|i'll\s+try\s+again|forget\s+it|"
    r"no\s+i'm\s+ok|no\s+need\s+thanks|rather\s+not|i'd\s+rather\s+not|no\s+way|hold\s+on|wait)",
    offer=r"\b(?:would\s+you\s+like|do\s+you\s+want|shall\s+i|should\s+i|can\s+i|may\s+i|"
    r"want\s+me\s+to|would\s+it\s+help\s+if\s+i)\b[^.?!]{0,60}\b(?:pass|transfer|connect|"
    r"put|hand|escalate|forward|refer|get|bring)\b[^.?!]{0,40}\b(?:person|human|agent|"
    r"colleague|team|someone|somebody|representative|staff|people)\b"
    r"|\b(?:would\s+you\s+like|do\s+you\s+want)\s+(?:to\s+(?:talk|speak|chat)\s+(?:to|with)\s+)?"
    r"(?:a|an|one\s+of\s+our)?\s*(?:person|human|agent|colleague|team\s+member)\b",
    keywords=(
        "robot", "human", "humans", "person", "people", "agent", "agents", "representative",
        "operator", "chatbot", "machine", "automated", "computer", "someone", "somebody",
        "manager", "supervisor", "escalate", "transfer", "connect", "speak", "talk",
        "talking", "speaking", "chatting", "please", "customer", "service", "support",
        "employee", "staff", "real", "actual", "program", "artificial", "intelligence",
        "chatgpt", "assistant", "automatic", "being", "actually", "really", "bot", "you",
        "are", "human being", "advisor", "this", "yes",
    ),
)  # fmt: skip


def _rules(
    code: str,
    *,
    bot_nouns: str,
    cont: str,
    bot_lead: str,
    bot_near: str,
    bot_extra: tuple[str, ...],
    bot_unsure: tuple[str, ...],
    person_nouns: str,
    person_lead: str,
    prep: str,
    want_lead: str,
    polite: str,
    give_lead: str,
    cause: str,
    act: str,
    escalate: str,
    person_extra: tuple[str, ...],
    person_unsure: tuple[str, ...],
    negation: str,
    restart: str,
    yes: str,
    no: str,
    offer: str,
    keywords: str,
) -> LanguageRules:
    """The rules of a language built from its word lists and a few patterns of its own.

    ``bot_lead``: words that ask what someone is ("es-tu", "bist du") before a bot noun;
    ``bot_near``: short ones ("è un") that count only at the start of a sentence and at most
    one word before the noun.
    ``person_lead``: verbs of talking or connecting, then ``prep`` ("with", "to"), then a
    person noun, or (verb last, as in German and Dutch) ``prep``, the noun, then the verb;
    ``want_lead``: verbs of wanting, before a person noun (up to 32 letters apart);
    ``polite``: what may stand around a person noun said alone ("un conseiller svp");
    ``give_lead``: "pass me", "give me" before a person noun; ``cause``: modal and causative
    words ("can", "let", "have") before a person noun and ``act``, what the person is asked
    to do ("call me back", "look at this"); ``escalate``: the verb "to escalate".
    """
    nouns = _alt(bot_nouns)
    # "another person", "iemand anders": someone else, not someone of the business.
    people = (
        r"(?<!andere )(?<!anderen )(?<!otra )(?<!otro )(?<!altra )(?<!outra )(?<!autre )"
        r"(?<!another )(?<!other )"
        + _alt(person_nouns + "|human|humans|humain|humano|umano|mensch|mens|pessoa|persona")
        + r"(?!\s+(?:anders|else|other|andere|anderes|d'autre|autre|otra|otro|altra|altro|"
        r"outra|outro))"
    )
    lead = _alt(person_lead)
    kind = _alt(polite + "|pls|plz|pliz|please|asap|now")
    cause_ = _alt(cause)
    act_ = _alt(act)
    end = _end(cont)
    filler = r"(?:[\w']+\s+){0,4}?"
    return LanguageRules(
        code=code,
        bot_hot=f"{bot_nouns}|{person_nouns}|{_REAL}",
        person_hot=f"{person_nouns}|{bot_nouns}|{escalate}|{act}|{_CALLBACK}",
        bot=(
            rf"\b{_alt(bot_lead)}\s+{filler}{nouns}{end}",
            rf"(?:^|[.!?,]\s*)(?:{kind}\W+)?{_alt(bot_near)}\s+(?:[\w']+\s+)?{nouns}{end}",
            *bot_extra,
        ),
        bot_unsure=bot_unsure,
        person=(
            rf"\b{lead}\b[^.?!,;:]{{0,32}}?\b{_alt(prep)}\s+(?:[\w']+\s+){{0,3}}?{people}\b",
            rf"\b{_alt(prep)}\s+(?:[\w']+\s+){{0,3}}?{people}\s+(?:[\w']+\s+){{0,3}}?{lead}\b",
            rf"\b{_alt(want_lead)}\b[^.?!,;:]{{0,32}}?\b{people}\b",
            rf"\b{_alt(give_lead)}\s+(?:[\w']+\s+){{0,3}}?{people}\b",
            rf"\b{cause_}\b[^.?!,;]{{0,40}}?\b{people}\b[^.?!,;]{{0,40}}?\b{act_}\b",
            rf"\b{cause_}\b[^.?!,;]{{0,30}}?\b{act_}\b[^.?!,;]{{0,30}}?\b{people}\b",
            rf"\b{people}\b[^.?!,;]{{0,30}}?\b{cause_}\b[^.?!,;]{{0,30}}?\b{act_}\b",
            rf"\b{_alt(want_lead)}\b[^.?!,;:]{{0,30}}?\b{_alt(escalate)}\b",
            rf"(?:^|[.!?]\s*)(?:{kind}\W+)*{_alt(escalate)}(?:\W+{kind})*\W*(?:[.!?]|$)",
            rf"(?:^\W*|[.!?]\s*)(?:{kind}\W+)*(?:[\w']+\s+)?{people}(?:\W+{kind})*\s*"
            r"(?:[.,!?;:]|$)",
            rf"\b{people}\W+{kind}\W*$",
            *person_extra,
        ),
        person_unsure=person_unsure,
        negation=negation,
        restart=restart,
        yes=yes,
        no=no,
        offer=offer,
        keywords=tuple(keywords.split()),
    )


_COMMON_BOTS = (
    "bot|bots|chatbot|chat bot|robot|ai|a\\.i\\.?|llm|chatgpt|chat gpt|gpt|gpt-?\\d[\\w.-]*|"
    "openai|gemini|claude|copilot|siri|alexa|algorithm|software|script|android|cyborg|"
    "computer|computador|ordinateur|computer programm"
)
FR = _rules(
    "fr",
    bot_nouns=_COMMON_BOTS
    + "|ia|i\\.a\\.?|intelligence artificielle|une intelligence artificielle|machine|une machine|"
    "programme|un programme|humain|humaine|un humain|une humaine|etre humain|un etre humain|"
    "personne|une personne|vraie personne|une vraie personne|personne reelle|vrai humain|"
    "un vrai humain|automate|automatique|automatise|automatisee|un automate|assistant virtuel|"
    "agent virtuel|un robot|un bot|un chatbot|une ia|logiciel|un logiciel|algorithme|"
    "reponse automatique|message automatique|vrai conseiller|vraie conseillere|"
    "conseiller humain|humain ou|robot ou|quelqu'un de reel|quelqu'un de vrai|"
    "en chair et en os|modele de langage|un modele de langage|grand modele de langage|"
    "repondeur|repondeur automatique|systeme automatique|chat automatique|quelqu'un de reel",
    cont="au|de l'autre|ou|et|non|hein|qui|que|la|ici|vraiment|franchement|serieusement|sincerement|"
    "n'est-ce pas|n'est ce pas|pas vrai|oui|je|j'ai|avec|derriere|en vrai|au juste|"
    "pour de vrai|ou pas|ou non|par hasard|honnetement|en fait|alors|lol|mdr|stp|svp",
    bot_lead="vous n'etes pas|tu n'es pas|t'es pas|que vous soyez|que tu sois|vous l'etes|"
    "je parle|je discute|j'ecris|je chatte|es-tu|es tu|est-tu|t'es|tes|tu es|vous etes|etes-vous|etes vous|"
    "est-ce|est ce|est-ce que tu es|est-ce que vous etes|est ce que tu es|"
    "est ce que vous etes|je parle a|je parle avec|je discute avec|je suis en train de parler a|"
    "je suis en train de parler avec|je communique avec|je m'adresse a|je converse avec|"
    "parle-je a|parle-je avec|suis-je en train de parler a|suis-je en train de parler avec|"
    "j'ecris a|j'ecris avec|je chatte avec|on parle a|on parle avec|je tchatte avec|"
    "repond-on|tu serais|vous seriez|il s'agit d'un|il s'agit d'une|"
    "ai-je affaire a|j'ai affaire a|je suis avec|suis-je avec|je tombe sur|je suis tombe sur|"
    "",
    bot_near="c'est un|c'est une|c est un|c est une|est-ce un|est-ce une",
    bot_extra=(
        r"\b(?:a|avec)\s+qui\s+(?:est-ce\s+que\s+|est\s+ce\s+que\s+)?(?:je\s+parle|"
        r"je\s+discute|j'ecris|je\s+m'adresse|ai-je\s+affaire|parle-je|je\s+suis\s+en\s+train)",
        r"\bqui\s+(?:est-ce\s+qui\s+|est\s+ce\s+qui\s+)?(?:me\s+repond|repond|m'ecrit|ecrit|"
        r"est\s+la|est\s+derriere|se\s+cache\s+derriere|me\s+parle|es-tu|etes-vous|es\s+tu|"
        r"etes\s+vous)\b",
        r"\b(?:y\s+a-t-il|y\s+a\s+t\s+il|il\s+y\s+a|y'a|ya|est-ce\s+qu'il\s+y\s+a)\s+"
        r"(?:un|une|quelqu'un|des|vraiment\s+quelqu'un)\s*(?:humain|etre\s+humain|personne|"
        r"vraie\s+personne|de\s+reel|de\s+vrai)?\s*(?:derriere|la|qui\s+(?:lit|repond|ecrit))",
        r"\b(?:humain|personne|humaine)\s+ou\s+(?:un\s+|une\s+)?(?:robot|bot|machine|ia|"
        r"programme|ordinateur)\b",
        r"\b(?:robot|bot|machine|ia|programme|ordinateur)\s+ou\s+(?:un\s+|une\s+)?(?:humain|"
        r"personne|humaine|etre\s+humain|vraie\s+personne)\b",
        r"\b(?:est-ce|c'est|est\s+ce|ce\s+sont|sont-elles|sont-ils)\s+(?:une\s+|des\s+)?"
        r"(?:reponses?|messages?)\s+(?:automatiques?|automatisees?|generees?|robot)\b",
        r"\b(?:tu\s+es|vous\s+etes|t'es|es-tu|etes-vous)\s+(?:une\s+|un\s+)?(?:vraie?\s+|"
        r"reel(?:le)?\s+)?(?:personne|humain|humaine)\s*(?:\?|$|ou|,|non|hein)",
    ),
    bot_unsure=(r"\b(?:tu\s+es|vous\s+etes|t'es)\s+(?:reel|reelle|vrai|vraie)\s*\?",),
    person_nouns="humain|un humain|humaine|etre humain|personne|une personne|vraie personne|"
    "personne reelle|personne physique|conseiller|conseillere|conseillers|agent|agents|"
    "operateur|operatrice|responsable|manager|superieur|superieure|employe|employee|"
    "interlocuteur|interlocutrice|service client|service clientele|quelqu'un|technicien|"
    "gerant|gerante|chef|directeur|directrice|vendeur|vendeuse|membre de l'equipe|"
    "membre du personnel|humains|vrai humain|un vrai|une vraie|support humain|collaborateur|"
    "collaboratrice|standardiste|hotline|teleconseiller|teleconseillere|assistance|"
    "superviseur|superviseure|direction|sav|service apres-vente|service apres vente|collegue|"
    "collegues|quelqu'un du|quelqu un|quelquun|un vrai conseiller|une vraie conseillere|"
    "du vrai monde|vrai monde|quelqu'un de vrai|quelqu'un de reel|assistant humain|"
    "delegue a la protection des donnees|dpo|gestionnaire de compte",
    person_lead="remonter|transmettre|transmettez|envoyer|envoyez|parler|discuter|communiquer|m'adresser|etre mis en relation|mettre en relation|"
    "mettez-moi en relation|mets-moi en relation|mettez moi en relation|mets moi en relation|transferer|transferez|transfere|passer|"
    "passez-moi|passe-moi|passez moi|passe moi|joindre|contacter|rappeler|rappelez-moi|"
    "escalader|echanger|tchatter|chatter|rediriger|redirigez-moi|orienter|connecter|"
    "mettre en contact|mettez-moi en contact|avoir affaire|voir|appeler|basculer",
    prep="a|avec|au|aux|en relation avec|en contact avec|vers",
    polite="svp|s'il vous plait|s'il te plait|stp|merci|maintenant|vite|tout de suite|oui|bonjour|un|une|juste|urgent|please",
    give_lead="passez-moi|passe-moi|passez moi|passe moi|me passer|me passez|donnez-moi|donne-moi|trouvez-moi|envoyez-moi|mettez-moi|mets-moi|passer|passez",
    cause="peut|peuvent|pourrait|pourriez|pouvez|puisse|qu'un|qu'une|que|laissez|faites|demandez|demander|merci de|il faut|faut|veuillez|est-ce qu'un|est-ce qu'une|un|une",
    act="aider|m'aider|regarder|verifier|voir|rappeler|me rappeler|m'appeler|appeler|contacter|me contacter|contacte|traiter|examiner|s'occuper|occuper|prendre le relais|reprendre|repondre|me repondre|rappelle|regarde|verifie|prenne|examine",
    escalate="escalader|escaladez|remonter|faire remonter|transmettre|remonter ma|remonter mon",
    want_lead="veux|voudrais|souhaite|souhaiterais|aimerais|exige|demande|veut|voudrait|"
    "prefere|preferais|prefererais|besoin|faut|faudrait|avoir|donnez-moi|donne-moi|"
    "trouvez-moi|je peux avoir|puis-je avoir|pourrais-je avoir|je cherche",
    person_extra=(
        r"\b(?:rappelez|rappele|rappeler|appelez|appeler|contactez|contacter)[- ]?(?:moi|nous)\b",
        r"\bqu'(?:on|un\s+conseiller|une\s+personne|un\s+humain)\s+me\s+(?:rappelle|contacte|"
        r"appelle|reponde)\b",
        r"\b(?:un|une)\s+(?:humain|personne|conseiller|conseillere|agent|operateur)\s+"
        r"(?:svp|s'il\s+vous\s+plait|s'il\s+te\s+plait|stp|maintenant|vite|merci)\b",
        r"\b(?:escaladez|escalader|remontez|faites\s+remonter)\s+(?:ma|mon|cette|ce)?\s*"
        r"(?:demande|dossier|reclamation|plainte|probleme)?",
        r"\b(?:marre|assez)\s+(?:de|du|des)\s+(?:ce\s+|cette\s+|votre\s+)?(?:robot|bot|machine|"
        r"ia|chatbot|programme)\b",
        r"\b(?:pas|plus)\s+(?:de|d'un|d'une|un|une)\s+(?:robot|bot|machine|ia|chatbot)\b"
        r"[^.?!]{0,30}\b(?:humain|personne|conseiller|agent|quelqu'un)\b",
    ),
    person_unsure=(
        r"\b(?:quelqu'un|une\s+personne|un\s+humain|un\s+conseiller)\s+(?:peut|pourrait)"
        r"(?:-il|-elle)?\s+(?:m'aider|regarder|verifier|voir)\b",
        r"\b(?:y\s+a-t-il|il\s+y\s+a|y'a|ya)\s+(?:des\s+|un\s+|une\s+)?(?:humains?|conseillers?|"
        r"personnes?|agents?)\s*(?:\?|$|disponibles?)",
    ),
    negation=r"\b(?:ne|n'|pas|jamais|sans|pas\s+besoin|inutile|plutot\s+que|aucun|aucune|"
    r"personne\s+ne|rien|non|ni|deja|hier|avais|etait)\b|\bn'",
    restart=r"\b(?:mais|je\s+veux|je\s+voudrais|passez|donnez|svp|stp|alors|maintenant|"
    r"juste|laissez-moi|laisse-moi)\b",
    yes="je suppose que oui|je pense que oui|je crois que oui|faites donc|ce serait top|c'est top|oui|ouais|ouai|ouep|oui oui|oui merci|oui svp|oui s'il vous plait|oui stp|"
    "d'accord|dac|ok|okay|volontiers|avec plaisir|je veux bien|bien sur|bien sur que oui|"
    "allez-y|allez y|vas-y|vas y|svp|s'il vous plait|s'il te plait|stp|parfait|tout a fait|"
    "absolument|carrement|evidemment|oui volontiers|oui je veux bien|oui avec plaisir|"
    "oui allez-y|c'est ca|exactement|entendu|ca marche|ca me va|oui bien sur|go|faites|"
    "faites-le|oui faites|yes|oui une personne|une personne svp|oui un humain|"
    "oui un conseiller|merci oui|oui passez-moi quelqu'un|passez-moi quelqu'un|"
    "pourquoi pas|bon|bon d'accord|si vous voulez|si tu veux|ce serait super|ca serait super|"
    "ce serait parfait|ca serait parfait|ce serait bien|ca serait bien|ce serait genial|"
    "s'il le faut|bah oui|ben oui|allez",
    no="non|non merci|nan|pas besoin|pas maintenant|pas la peine|ca ira|ce n'est pas necessaire|"
    "laissez tomber|laisse tomber|c'est bon|non c'est bon|je vais reformuler|sans facon|"
    "pas pour l'instant|non pas encore|inutile",
    offer=r"\b(?:voulez-vous|veux-tu|souhaitez-vous|souhaites-tu|voudriez-vous|"
    r"dois-je|puis-je|je peux|voulez vous|souhaitez vous)\b[^.?!]{0,60}\b(?:personne|humain|"
    r"conseiller|conseillere|agent|equipe|collegue|quelqu'un)\b",
    keywords="robot humain humaine personne conseiller conseillere parler discuter "
    "intelligence artificielle machine programme automatique transferer operateur "
    "quelqu'un vraiment reelle vraie responsable assistant virtuel ordinateur",
)
DE = _rules(
    "de",
    bot_nouns=_COMMON_BOTS
    + "|ki|k\\.i\\.?|kunstliche intelligenz|kuenstliche intelligenz|eine ki|ein bot|"
    "ein roboter|roboter|ein chatbot|maschine|eine maschine|programm|ein programm|"
    "computerprogramm|mensch|ein mensch|menschen|einem menschen|echter mensch|"
    "ein echter mensch|einem echten menschen|echte person|eine echte person|"
    "einer echten person|person|eine person|einer person|automat|automatisch|"
    "automatisiert|virtueller assistent|ein virtueller assistent|einem bot|einer ki|"
    "einer maschine|einem roboter|einem chatbot|einem programm|sprachmodell|"
    "ein sprachmodell|algorithmus|wirklich ein mensch|wer echtes|jemand echtes|"
    "automatischer chat|automatisches system|anrufbeantworter|"
    "aus fleisch und blut|ein lebender mensch|lebendiger mensch|computer|skript|ein skript|"
    "ein programmchen|ein bot-programm",
    cont="zu|verbunden|wie|oder|und|nicht|ne|ja|oder nicht|hier|da|gerade|wirklich|eigentlich|ehrlich|"
    "echt|jetzt|bitte|mal|etwa|vielleicht|am anderen ende|der|die|das|wer|mit|hm|hmm|"
    "oder was|gell|stimmt's|stimmts|richtig|ueberhaupt|uberhaupt|lol",
    bot_lead="rede ich|spreche ich|schreibe ich|chatte ich|bin ich|steckt hinter|"
    "steckt dahinter|sitzt hinter|ist hinter|ist da|bist du|bist du ein|bist du eine|sind sie|sind sie ein|sind sie eine|"
    "du bist|sie sind|ist das|ist dies|ist das hier|bin ich|bin ich mit|bin ich hier mit|"
    "spreche ich mit|spreche ich hier mit|rede ich mit|rede ich hier mit|schreibe ich mit|"
    "schreibe ich hier mit|chatte ich mit|chatte ich hier mit|ich spreche mit|"
    "ich rede mit|ich schreibe mit|ich chatte mit|habe ich es mit|hab ich es mit|"
    "hab ich's mit|habe ich hier|antwortet mir|antwortet hier|schreibt hier|"
    "sitzt da|sitzt dort|bin ich verbunden mit|verbunden mit|ihr seid|seid ihr|"
    "handelt es sich um|bist du etwa|sind sie etwa|du bist doch|sie sind doch",
    bot_near="ist das ein|ist das eine|ist es ein|ist es eine",
    bot_extra=(
        r"\bmit\s+wem\s+(?:spreche|rede|schreibe|chatte|kommuniziere)\s+ich\b",
        r"\bwer\s+(?:antwortet|schreibt|sitzt|ist)\s+(?:mir\s+|hier\s+|da\s+|dort\s+)*"
        r"(?:hier|da|dort|gerade|am\s+anderen\s+ende|eigentlich|mir)\b",
        r"\b(?:ist|sitzt)\s+(?:da|hier|dort)\s+(?:ein|eine|jemand|uberhaupt\s+ein|"
        r"ueberhaupt\s+ein|wirklich\s+ein|auch\s+ein)\s*(?:echter\s+|echte\s+)?(?:mensch|person|"
        r"mitarbeiter|mitarbeiterin|jemand)?\b",
        r"\b(?:mensch|person)\s+oder\s+(?:ein\s+|eine\s+)?(?:maschine|bot|roboter|ki|computer|"
        r"programm|chatbot)\b",
        r"\b(?:maschine|bot|roboter|ki|computer|programm|chatbot)\s+oder\s+(?:ein\s+|eine\s+)?"
        r"(?:mensch|person)\b",
        r"\bist\s+(?:das|dies|diese\s+antwort|die\s+antwort)\s+(?:eine\s+)?(?:automatische|"
        r"automatisierte|generierte|computergenerierte)\s*(?:antwort|nachricht)?\b",
        r"\b(?:liest|lest)\s+(?:hier|das|da)\s+(?:ein|jemand|ueberhaupt|uberhaupt)\b",
    ),
    bot_unsure=(r"\b(?:bist\s+du|sind\s+sie)\s+(?:echt|real|wirklich)\s*\?",),
    person_nouns="mensch|menschen|einem menschen|einen menschen|person|einer person|"
    "eine person|mitarbeiter|mitarbeiterin|mitarbeitenden|berater|beraterin|kundendienst|"
    "kundenservice|kundenberater|kundenberaterin|agent|agenten|ansprechpartner|"
    "ansprechpartnerin|vorgesetzten|vorgesetzte|vorgesetzter|chef|chefin|manager|"
    "supervisor|sachbearbeiter|sachbearbeiterin|jemand|jemandem|jemanden|operator|"
    "echten menschen|echte person|echten person|service-mitarbeiter|servicemitarbeiter|"
    "teamleiter|filialleiter|leiter|zustandigen|zustandige|zustaendigen|kollegen|"
    "kollegin|hotline|support-mitarbeiter|menschliche hilfe|menschlichen|kundenbetreuung|"
    "menschlichen support|menschliche unterstutzung|menschlicher support|\\w*manager|"
    "\\w*mitarbeiter|\\w*mitarbeiterin|\\w*berater|\\w*beraterin|\\w*leiter|"
    "ruckruf|rueckruf|verantwortlichen|verantwortliche|verantwortlicher|datenschutzbeauftragte\\w*|"
    "geschaftsfuhrer\\w*|geschaeftsfuehrer\\w*|kundenbetreuer\\w*|kollege|dame|herrn|"
    "account manager",
    person_lead="weitergeleitet|weiterleitung|schick|schicke|schicken|weitergeben|sprechen|reden|verbinden|verbinde|verbindet|verbunden|weiterleiten|"
    "weitergeleitet|leiten sie|durchstellen|stellen sie|schreiben|chatten|kontaktieren|"
    "anrufen|ruft|rufen|zuruckrufen|zurueckrufen|eskalieren|ubergeben|uebergeben|"
    "weiterverbinden|telefonieren|kommunizieren|kontakt",
    prep="mit|zu|an|zum|zur",
    polite="bitte|jetzt|sofort|danke|hallo|ja|einen|eine|nur|dringend|please",
    give_lead="geben sie mir|gib mir|holen sie|hol mir|holen sie mir|stellen sie mich durch zu|verbinden sie mich mit|schicken sie mir",
    cause="dass|kann|konnte|koennte|konnten|koennten|kannst|lass|lassen sie|soll|sollte|bitte|"
    "moge|muss|musste",
    act="helfen|anschauen|ansehen|angucken|nachsehen|prufen|pruefen|uberprufen|zuruckrufen|zurueckrufen|anrufen|kontaktieren|melden|kummern|kuemmern|bearbeiten|ubernehmen|uebernehmen|schauen|anschaut|ansieht|meldet|ruft",
    escalate="eskalieren|eskaliert|weiterleiten",
    want_lead="muss|will|mochte|moechte|mocht|moecht|hatte gern|hatte gerne|haette gern|"
    "haette gerne|brauche|brauch|wunsche|wuensche|verlange|fordere|bitte um|hatten sie|"
    "geben sie mir|gib mir|holen sie|hol mir|"
    "ich suche|ich hatte gern|bitte um einen|bitte einen|hatte ich gern|hatte ich gerne|"
    "haette ich gern|mochte ich|will ich|brauche ich|ich bitte um|bitte darum",
    person_extra=(
        r"\b(?:schicken|senden|geben|leiten)\s+sie\s+(?:\w+\s+){0,2}(?:fall|anliegen|vorgang|"
        r"anfrage|beschwerde|reklamation)\s+(?:bitte\s+)?(?:an|zu)\s+(?:einen|eine|einem|den|"
        r"die|einer)\s+\w+",
        r"\b(?:menschen|mitarbeiter|mitarbeiterinnen|personen|berater|jemand|jemanden),?\s+"
        r"(?:mit\s+denen|mit\s+dem|mit\s+der|der|die)\s+ich\s+(?:\w+\s+)?(?:sprechen|reden|"
        r"telefonieren|schreiben)",
        r"\b(?:rufen\s+sie\s+mich|ruf\s+mich|ruft\s+mich)\s+(?:bitte\s+)?(?:an|zuruck|"
        r"zurueck)\b",
        r"\b(?:bitte\s+)?(?:eskalieren|weiterleiten)\s*(?:sie)?\s*(?:bitte)?\s*(?:[.!?]|$)",
        r"\b(?:kein|keinen|keine)\s+(?:bot|roboter|maschine|ki|chatbot|computer)\b"
        r"[^.?!]{0,30}\b(?:mensch|person|mitarbeiter|jemand)",
        r"\b(?:genug|schluss)\s+(?:mit\s+)?(?:dem|diesem)?\s*(?:bot|roboter|chatbot|maschine)\b",
    ),
    person_unsure=(
        r"\b(?:kann|konnte|koennte)\s+(?:mir\s+)?(?:jemand|ein\s+mensch|ein\s+mitarbeiter)\s+"
        r"(?:helfen|das\s+ansehen|nachsehen|prufen|pruefen)\b",
        r"\b(?:gibt\s+es|habt\s+ihr|haben\s+sie)\s+(?:hier\s+)?(?:auch\s+)?(?:menschen|"
        r"mitarbeiter|echte\s+menschen|berater)\s*(?:\?|$)",
    ),
    negation=r"\b(?:nicht|kein|keine|keinen|keinem|keiner|nie|niemals|ohne|nein|"
    r"niemand|war|gestern|schon|bereits|statt|anstatt)\b",
    restart=r"\b(?:aber|sondern|bitte|jetzt|will|mochte|moechte|verbinden|geben\s+sie)\b",
    yes="ich denke schon|denke schon|unbedingt|mach mal|mach das|machen sie das|machen sie mal|nur zu|ich glaube schon|glaube schon|leiten sie's weiter|leiten sie es weiter|das ware mir lieber|das ware mir tatsachlich lieber|warum nicht|ja|jawohl|ja bitte|bitte|gerne|gern|ja gerne|ja gern|klar|na klar|sicher|"
    "naturlich|natuerlich|okay|ok|einverstanden|machen sie das|mach das|ja mach das|"
    "ja machen sie das|ja bitte verbinden|sehr gerne|sehr gern|auf jeden fall|genau|"
    "passt|gut|in ordnung|alles klar|ja, bitte|ja danke|jo|jep|jup|yes|ja genau|"
    "unbedingt|selbstverstandlich|selbstverstaendlich|doch|ja bitte einen menschen|"
    "ja einen mitarbeiter|einen menschen bitte|warum nicht|wieso nicht|das ware super|"
    "das waere super|das ware toll|das waere toll|das ware gut|das waere gut|das ware prima|"
    "das waere prima|das ware nett|das waere nett|na gut|meinetwegen|von mir aus|super|prima|"
    "wenn es sein muss|wenns sein muss|na dann|dann eben",
    no="nein|nee|ne|nein danke|nicht notig|nicht noetig|nicht jetzt|noch nicht|schon gut|"
    "passt schon|lass mal|lassen sie|ich formuliere um|danke nein|nö|no",
    offer=r"\b(?:mochten\s+sie|moechten\s+sie|mochtest\s+du|moechtest\s+du|soll\s+ich|"
    r"darf\s+ich|wollen\s+sie|willst\s+du|kann\s+ich)\b[^.?!]{0,60}\b(?:mensch|menschen|"
    r"mitarbeiter|mitarbeiterin|person|team|kollegen|kollegin|jemand|jemandem|berater)\b",
    keywords="bist spreche roboter mensch menschen mitarbeiter mitarbeiterin person sprechen reden "
    "verbinden maschine programm kunstliche intelligenz automatisch echten wirklich "
    "kundendienst kundenservice berater jemandem jemanden",
)
ES = _rules(
    "es",
    bot_nouns=_COMMON_BOTS
    + "|ia|i\\.a\\.?|inteligencia artificial|una inteligencia artificial|una ia|un bot|"
    "un robot|un chatbot|maquina|una maquina|programa|un programa|humano|humana|un humano|"
    "una humana|ser humano|un ser humano|persona|una persona|persona real|una persona real|"
    "persona de verdad|una persona de verdad|automatico|automatizado|automatica|"
    "automatizada|asistente virtual|un asistente virtual|agente virtual|algoritmo|"
    "respuesta automatica|mensaje automatico|de carne y hueso|alguien real|"
    "modelo de lenguaje|un modelo de lenguaje|contestador automatico|sistema automatico|"
    "ordenador|un ordenador|computadora|una computadora",
    cont="o|y|no|verdad|cierto|aqui|ahi|alli|de verdad|en serio|realmente|sinceramente|"
    "o no|que|quien|con|detras|al otro lado|por casualidad|acaso|eh|che|jaja|jeje|lol|"
    "o que|si|por favor|porfa|o sea",
    bot_lead="me esta respondiendo|me estas respondiendo|me esta contestando|"
    "me estas contestando|me esta escribiendo|estoy hablando|hablo|eres|eres tu|eres un|eres una|es usted|usted es|sos|sos un|sos una|"
    "estoy hablando con|estoy hablando a|hablo con|"
    "estoy chateando con|chateo con|estoy escribiendo a|estoy escribiendo con|le escribo a|"
    "te escribo a|me responde|me contesta|me atiende|me esta atendiendo|me estas atendiendo|"
    "me atiende un|estoy con|estoy tratando con|trato con|hablamos con|se trata de|"
    "estoy conversando con|converso con|sera que eres|acaso eres|no eres|tu eres|"
    "",
    bot_near="es un|es una",
    bot_extra=(
        r"\bcon\s+quien\s+(?:estoy\s+hablando|hablo|estoy\s+chateando|chateo|"
        r"estoy\s+escribiendo|me\s+comunico|estoy\s+tratando|trato)\b",
        r"\bquien\s+(?:me\s+responde|me\s+contesta|me\s+escribe|me\s+atiende|esta\s+al\s+otro|"
        r"esta\s+detras|responde|contesta|eres|es\s+usted|sos)\b",
        r"\bhay\s+(?:un|una|alguien)\s*(?:humano|persona|ser\s+humano|real|de\s+verdad)?\s*"
        r"(?:al\s+otro\s+lado|detras|ahi|alli|leyendo|respondiendo|contestando)",
        r"\b(?:humano|persona)\s+o\s+(?:un\s+|una\s+)?(?:robot|bot|maquina|ia|programa|"
        r"computadora|ordenador)\b",
        r"\b(?:robot|bot|maquina|ia|programa|computadora)\s+o\s+(?:un\s+|una\s+)?(?:humano|"
        r"persona|ser\s+humano)\b",
        r"\b(?:es|son)\s+(?:esta|esto|estas|una|unas)?\s*(?:respuestas?|mensajes?)\s+"
        r"(?:automaticas?|automaticos?|automatizadas?|generadas?)\b",
    ),
    bot_unsure=(r"\b(?:eres|es\s+usted|sos)\s+(?:real|de\s+verdad)\s*\?",),
    person_nouns="humano|un humano|humana|ser humano|persona|una persona|persona real|"
    "agente|un agente|asesor|asesora|operador|operadora|representante|encargado|"
    "encargada|supervisor|supervisora|gerente|jefe|jefa|empleado|empleada|alguien|"
    "atencion al cliente|servicio al cliente|ejecutivo|ejecutiva|responsable|"
    "alguien real|persona de verdad|humanos|personal|especialista|tecnico|"
    "alguien del equipo|alguien de atencion|un ser humano|soporte humano|companero|companera|"
    "colega|director|directora|responsable de la tienda|atencion humana|superior|superiora|"
    "asistente|un asistente|delegado de proteccion de datos|gestor de cuentas|gestor|"
    "miembro de su equipo|miembro del equipo",
    person_lead="trasladen|trasladar|pongan en contacto|ponga en contacto|poner en contacto|"
    "hablar|comunicarme|comunicar|contactar|pasar|pasame|paseme|pasarme|"
    "transferir|transfiera|transfiere|transfiereme|transfierame|comunicame|comuniqueme|"
    "conectar|conectame|conecteme|derivar|derivame|derivarme|redirigir|charlar|chatear|"
    "conversar|escalar|ponerme en contacto|ponme con|pongame con|llamar|llamarme|"
    "llameme|llamame|atender|atienda|que me atienda",
    prep="con|a|al|hacia",
    polite="por favor|porfa|xfa|ya|ahora|gracias|hola|si|un|una|solo|urgente|please",
    give_lead="pasadme con|pasadme|ponedme con|pongame con|ponme con|me pasa con|me pasas con|me pase con|pasame con|paseme con|pasame|paseme|pasarme|me pasa|me pasas|me pase|deme|dame|comuniqueme con|comunicame con",
    cause="puede|pueden|podria|podrian|puedes|que|haga que|haz que|pida|pide|pidale|dejen|deje|necesito que|quiero que|por favor que",
    act="se pusiera en contacto|se ponga en contacto|contactara|llamara|escribiera|ayudar|ayudarme|me ayude|revisar|revise|mire|mirar|ver|vea|llamar|llamarme|me llame|contactar|contactarme|me contacte|atender|atenderme|me atienda|encargarse|se encargue|ocuparse|se ocupe|responder|me responda|revisen|llame|llamen|atienda",
    escalate="escalar|escale|escalen|escalarlo|escalarla",
    want_lead="quiero|quisiera|necesito|me gustaria|deseo|prefiero|exijo|"
    "solicito|pido|dame|deme|busco|queria|quieren|quiere",
    person_extra=(
        r"\b(?:llamenme|llamame|llameme|llamadme)\b",
        r"\b(?:un|una)\s+(?:humano|persona|agente|asesor|asesora|operador|operadora)\s+"
        r"(?:por\s+favor|porfa|ya|ahora)\b",
        r"\b(?:no\s+quiero|basta\s+de|harto\s+de|harta\s+de|cansado\s+de|cansada\s+de)\s+"
        r"(?:hablar\s+con\s+)?(?:un|una|el|la|este|esta|esto)?\s*(?:bot|robot|maquina|ia|"
        r"chatbot|programa)\b",
        r"\b(?:escalen|escale|escala|escalar)\s+(?:mi|este|esta|el|la)?\s*(?:caso|reclamo|"
        r"reclamacion|queja|problema|incidencia)?\s*(?:[.!?]|$|por\s+favor)",
    ),
    person_unsure=(
        r"\b(?:alguien|una\s+persona|un\s+humano)\s+(?:puede|podria)\s+(?:ayudarme|revisar|"
        r"mirar|ver)\b",
        r"\bhay\s+(?:algun|alguna|algunos|algunas)?\s*(?:humanos?|personas?|agentes?|"
        r"asesores?)\s*(?:\?|$|disponibles?)",
    ),
    negation=r"\b(?:no|nunca|sin|ni|jamas|nadie|tampoco|ya|ayer|antes|hable|estuve)\b",
    restart=r"\b(?:pero|sino|quiero|necesito|pasame|paseme|por\s+favor|ahora|solo)\b",
    yes="supongo que si|creo que si|adelante|pues si|pues si mejor|mejor|por que no|orale|orale si|si orale|si|sip|sii|si por favor|si porfa|por favor|porfa|claro|claro que si|vale|ok|okay|"
    "de acuerdo|dale|venga|perfecto|bueno|bien|por supuesto|desde luego|exacto|genial|"
    "me parece bien|adelante|si adelante|si gracias|hagalo|hazlo|si hazlo|si hagalo|"
    "con gusto|encantado|encantada|afirmativo|obvio|seguro|si quiero|si me gustaria|"
    "si una persona|una persona por favor|si un humano|si un agente|va|sale|yes|ok dale|"
    "por que no|porque no|eso seria genial|seria genial|eso seria perfecto|seria perfecto|"
    "seria estupendo|estaria bien|si no queda otra|si no hay mas remedio|bueno vale|"
    "si hace falta|pues vale",
    no="no|no gracias|nop|para nada|ahora no|todavia no|no hace falta|no es necesario|"
    "dejalo|dejelo|olvidalo|esta bien asi|asi esta bien|voy a reformular|mejor no",
    offer=r"\b(?:quieres|quiere|quiere\s+usted|desea|deseas|te\s+gustaria|le\s+gustaria|"
    r"prefieres|prefiere|puedo|debo)\b[^.?!]{0,60}\b(?:persona|humano|agente|asesor|asesora|"
    r"equipo|companero|companera|alguien)\b",
    keywords="robot humano humana persona hablar agente asesor asesora operador "
    "maquina programa inteligencia artificial automatico automatizado alguien "
    "representante atencion cliente verdad",
)
IT = _rules(
    "it",
    bot_nouns=_COMMON_BOTS
    + "|ia|i\\.a\\.?|intelligenza artificiale|un'intelligenza artificiale|un'ia|un bot|"
    "un robot|un chatbot|macchina|una macchina|programma|un programma|umano|umana|"
    "un umano|un'umana|essere umano|un essere umano|persona|una persona|persona vera|"
    "una persona vera|persona reale|una persona reale|automatico|automatizzato|"
    "automatica|assistente virtuale|un assistente virtuale|agente virtuale|algoritmo|"
    "risposta automatica|messaggio automatico|in carne e ossa|modello linguistico|"
    "modello di linguaggio|un modello linguistico|risponditore automatico|"
    "qualcuno di reale|qualcuno di vero|computer|un computer",
    cont="o|e|no|vero|qui|li|davvero|sul serio|veramente|sinceramente|o no|che|chi|con|"
    "dall'altra parte|per caso|eh|ah|boh|lol|ahah|per favore|oppure",
    bot_lead="sto parlando|parlo|sto chattando|mi sta rispondendo|mi risponde|sei|sei tu|sei un|sei una|lei e|e lei|tu sei|lei e un|lei e una|"
    "sto parlando con|parlo con|sto chattando con|chatto con|"
    "sto scrivendo a|sto scrivendo con|scrivo a|scrivo con|mi risponde|mi sta rispondendo|"
    "sto comunicando con|ho a che fare con|mi trovo a parlare con|stiamo parlando con|"
    "non sei|sarai mica|per caso sei|siete|voi siete",
    bot_near="e un|e una|e un'",
    bot_extra=(
        r"\bcon\s+chi\s+(?:sto\s+parlando|parlo|sto\s+chattando|chatto|sto\s+scrivendo|"
        r"scrivo|ho\s+a\s+che\s+fare|sto\s+comunicando)\b",
        r"\bchi\s+(?:mi\s+risponde|mi\s+sta\s+rispondendo|risponde|scrive|mi\s+scrive|"
        r"c'e\s+dall'altra|c'e\s+dietro|sei|e\s+lei)\b",
        r"\bc'?\s?e\s+(?:un|una|qualcuno)\s*(?:umano|persona|essere\s+umano|di\s+reale|"
        r"di\s+vero)?\s*(?:dall'altra\s+parte|dietro|li|che\s+legge|che\s+risponde|"
        r"che\s+scrive)",
        r"\b(?:umano|persona)\s+o\s+(?:un\s+|una\s+)?(?:robot|bot|macchina|ia|programma|"
        r"computer)\b",
        r"\b(?:robot|bot|macchina|ia|programma|computer)\s+o\s+(?:un\s+|una\s+)?(?:umano|"
        r"persona|essere\s+umano)\b",
        r"\b(?:e|sono)\s+(?:una\s+|delle\s+)?(?:risposte?|messaggi?|messaggio)\s+"
        r"(?:automatic[aoie]|automatizzat[aoie]|generat[aoie])\b",
    ),
    bot_unsure=(r"\b(?:sei|e\s+lei)\s+(?:reale|vero|vera)\s*\?",),
    person_nouns="umano|un umano|umana|essere umano|persona|una persona|persona vera|"
    "persona reale|operatore|operatrice|un operatore|agente|consulente|responsabile|"
    "supervisore|manager|capo|dipendente|qualcuno|assistenza clienti|servizio clienti|"
    "addetto|addetta|umani|persone|qualcuno del team|qualcuno dell'assistenza|tecnico|"
    "impiegato|impiegata|referente|operatori|essere umano vero|assistenza umana|collega|"
    "colleghi|direttore|direttrice|capo reparto|superiore|un'operatrice|un'operatore|"
    "l'operatore|l'operatrice|un'addetta|l'addetto|un'assistente|assistente|collaboratore|"
    "collaboratrice|account manager|responsabile della protezione dei dati",
    person_lead="essere messo in contatto|essere messa in contatto|messo in contatto|"
    "mi mette in contatto|mi metta in contatto|mettetemi in contatto|"
    "faccia parlare|fate parlare|fatemi parlare|essere assistito|essere assistita|essere seguito|essere seguita|girare|girate|parlare|comunicare|passare|passami|mi passi|mi passa|passarmi|trasferire|"
    "trasferisci|trasferiscimi|mi trasferisca|collegare|collegami|mi colleghi|mettere in "
    "contatto|mettermi in contatto|mettimi in contatto|contattare|chattare|scrivere|"
    "inoltrare|inoltrami|chiamare|chiamarmi|richiamarmi|mi richiami|mi chiami|"
    "essere richiamato|essere richiamata|interloquire|avere a che fare",
    prep="con|a|al|alla|col|ad|allo|da",
    polite="per favore|per piacere|subito|adesso|ora|grazie|ciao|si|un|una|solo|urgente|please",
    give_lead="passami|mi passi|mi passa|passarmi|datemi|mi dia|mi dai|mi metta in contatto con|mettetemi in contatto con",
    cause="far|farmi|puo|possono|potrebbe|potreste|puoi|fatemi|fammi|mi faccia|mi farebbe|fate|fai|faccia|chiedete|chiedi|lasciate|che|vorrei che|voglio che",
    act="aiutare|aiutarmi|mi aiuti|controllare|controlli|guardare|guardi|vedere|veda|richiamare|richiamarmi|mi richiami|richiami|chiamare|chiamarmi|mi chiami|contattare|contattarmi|mi contatti|occuparsi|occupi|se ne occupi|gestire|gestisca|rispondere|risponda|verificare|verifichi|prendere in carico",
    escalate="escalare|inoltrare|scalare",
    want_lead="voglio|vorrei|ho bisogno|desidero|preferisco|preferirei|"
    "chiedo|pretendo|esigo|mi serve|serve|datemi|mi dia|mi dai|cerco",
    person_extra=(
        r"\b(?:richiamatemi|chiamatemi|mi\s+richiamate|mi\s+chiamate|mi\s+richiami|"
        r"mi\s+chiami)\b",
        r"\b(?:un|una|un')\s*(?:umano|persona|operatore|operatrice|agente|consulente)\s+"
        r"(?:per\s+favore|per\s+piacere|subito|adesso|ora|grazie)\b",
        r"\b(?:basta|stufo|stufa)\s+(?:con|di|del|della|dei|parlare\s+con)?\s*(?:un|una|il|"
        r"la|questo|questa)?\s*(?:bot|robot|macchina|ia|chatbot|programma)\b",
        r"\bnon\s+voglio\s+(?:parlare\s+con\s+)?(?:un|una|il|la)?\s*(?:bot|robot|macchina|"
        r"ia|chatbot)\b",
    ),
    person_unsure=(
        r"\b(?:qualcuno|una\s+persona|un\s+operatore)\s+(?:puo|potrebbe)\s+(?:aiutarmi|"
        r"controllare|guardare|verificare)\b",
        r"\bc'?\s?e\s+(?:un|una|qualche)?\s*(?:umano|persona|operatore|operatrice|"
        r"consulente)\s*(?:\?|$|disponibile)",
    ),
    negation=r"\b(?:non|nn|mai|senza|nessun|nessuno|nessuna|niente|gia|ieri|prima|ho\s+parlato|"
    r"avevo|era)\b",
    restart=r"\b(?:ma|voglio|vorrei|passami|per\s+favore|adesso|ora|solo)\b",
    yes="immagino di si|credo di si|magari(?=\\s*!)|penso di si|vada pure|dai si|magari,? grazie|perche no|si|si grazie|si per favore|per favore|certo|certamente|va bene|ok|okay|volentieri|"
    "d'accordo|daccordo|perfetto|sicuro|assolutamente|esatto|proceda|procedi|fallo|lo faccia|"
    "si lo faccia|si fallo|vai|vada|si vai|si certo|ovvio|ovviamente|con piacere|benissimo|"
    "bene|si grazie mille|sì|si una persona|una persona per favore|si un operatore|"
    "si, grazie|yes|ok grazie|si prego|prego|perche no|sarebbe perfetto|sarebbe fantastico|"
    "sarebbe ottimo|sarebbe utile|sarebbe gentile|sarebbe bello|vabbe|vabbe se proprio|"
    "se proprio|se e necessario|e va bene|ottimo",
    no="no|no grazie|non ora|non adesso|non serve|non e necessario|lascia perdere|lasci perdere|"
    "va bene cosi|riformulo|meglio di no|ancora no|per ora no",
    offer=r"\b(?:vuoi|vuole|desideri|desidera|preferisci|preferisce|ti\s+piacerebbe|"
    r"le\s+piacerebbe|posso|devo)\b[^.?!]{0,60}\b(?:persona|umano|operatore|operatrice|"
    r"collega|team|qualcuno|consulente)\b",
    keywords="robot umano umana persona parlare operatore operatrice consulente macchina "
    "programma intelligenza artificiale automatico qualcuno assistenza clienti davvero "
    "supervisore superiore responsabile",
)
NL = _rules(
    "nl",
    bot_nouns=_COMMON_BOTS
    + "|ki|kunstmatige intelligentie|een ai|een bot|een robot|een chatbot|machine|"
    "een machine|programma|een programma|computerprogramma|mens|een mens|echt mens|"
    "een echt mens|echte mens|een echte mens|persoon|een persoon|echte persoon|"
    "een echte persoon|automatisch|geautomatiseerd|virtuele assistent|"
    "een virtuele assistent|algoritme|automatisch antwoord|automatisch bericht|"
    "antwoordapparaat|een antwoordapparaat|"
    "van vlees en bloed|iemand echt|een computer|taalmodel|een taalmodel|"
    "programmaatje|een programmaatje|robotje|een robotje|botje|chatrobot|een chatrobot|"
    "digitale assistent|een digitale assistent|zo'n digitale assistent|zo'n chatrobot|"
    "zo'n robot|zo'n bot|zo'n chatbot",
    cont="of|en|niet|toch|hier|daar|echt|eigenlijk|serieus|eerlijk|nou|he|hè|of niet|die|"
    "aan de lijn|aan de telefoon|te praten|te chatten|te maken|net als|"
    "wie|met|aan de andere kant|soms|misschien|haha|lol|dan|nu|wel|gewoon",
    bot_lead="praat ik|spreek ik|chat ik|ik praat|ik spreek|ik chat|ben je|ben jij|bent u|je bent|jij bent|u bent|is dit|is het|is dat|praat ik met|"
    "spreek ik met|chat ik met|schrijf ik met|ik praat met|ik spreek met|ik chat met|"
    "ik schrijf met|heb ik te maken met|communiceer ik met|ben ik in gesprek met|"
    "ben ik aan het praten met|ben ik aan het chatten met|zit ik te praten met|"
    "zit ik te chatten met|krijg ik antwoord van|zit er|zit daar|is er|jullie zijn|"
    "heb ik nou weer|heb ik weer|heb ik nou|zit ik nou met|zit ik met|"
    "zijn jullie|ben je soms|bent u soms|ben je nou",
    bot_near="is het een|is dat een",
    bot_extra=(
        r"\bmet\s+wie\s+(?:praat|spreek|chat|schrijf|communiceer)\s+ik\b",
        r"\bwie\s+(?:antwoordt|beantwoordt|schrijft|zit|is)\s+(?:er|hier|daar|mij|me)?\s*(?:eigenlijk\s+)?"
        r"(?:hier|daar|aan\s+de\s+andere\s+kant|achter|mij|me|er)\b",
        r"\b(?:zit|is)\s+(?:er|daar)\s+(?:wel\s+|echt\s+|eigenlijk\s+)?(?:een|iemand)\s*"
        r"(?:echt\s+|echte\s+)?(?:mens|persoon|medewerker)?\s*(?:achter|aan\s+de\s+andere|"
        r"die\s+leest|die\s+antwoordt|die\s+dit\s+leest)",
        r"\b(?:mens|persoon)\s+of\s+(?:een\s+)?(?:machine|bot|robot|ai|computer|programma|"
        r"chatbot)\b",
        r"\b(?:machine|bot|robot|ai|computer|programma|chatbot)\s+of\s+(?:een\s+)?(?:mens|"
        r"persoon)\b",
        r"\bis\s+(?:dit|dat|het)\s+(?:een\s+)?(?:automatisch|geautomatiseerd|gegenereerd)e?\s*"
        r"(?:antwoord|bericht)?\b",
    ),
    bot_unsure=(r"\b(?:ben\s+je|bent\s+u)\s+(?:echt|wel\s+echt)\s*\?",),
    person_nouns="mens|een mens|mensen|persoon|een persoon|echt persoon|echte persoon|"
    "medewerker|medewerkster|een medewerker|medewerkers|iemand|agent|klantenservice|"
    "vertegenwoordiger|manager|leidinggevende|supervisor|baas|operator|adviseur|"
    "echt mens|echte mens|collega|werknemer|iemand van de klantenservice|"
    "iemand van jullie|teamleider|verantwoordelijke|iemand echt|echte medewerker|"
    "klantenservicemedewerker|servicedesk|helpdesk|\\w*manager|\\w*medewerker|"
    "\\w*medewerkster|iemand van|teamleider|functionaris voor gegevensbescherming|"
    "accountmanager|account manager",
    person_lead="handel|doorgeven|geven|spreken|praten|chatten|doorverbinden|verbind|verbinden|verbonden|"
    "doorschakelen|doorsturen|doorzetten|contact|contacteren|bellen|terugbellen|bel|"
    "escaleren|overdragen|schakel|zet me door|verbind me door|doorgeschakeld|"
    "doorverbonden|schrijven",
    prep="met|naar|door naar|aan",
    polite="graag|alsjeblieft|alstublieft|aub|nu|dank je|hallo|ja|een|gewoon|dringend|please",
    give_lead="geef me|geef mij|haal|zet me door naar|verbind me door met|stuur me door naar",
    cause="kan|kunt|kunnen|zou|zouden|laat|laten|mag|moet|wil",
    act="helpen|kijken|bekijken|nakijken|controleren|terugbellen|bellen|contacteren|behandelen|overnemen|afhandelen|opnemen|kijkt|belt|helpt|bekijkt",
    escalate="escaleren|escaleert|escaleer|doorzetten",
    want_lead="moet|wil|wil graag|zou graag|ik wil|graag|wens|eis|vraag om|"
    "heb nodig|nodig|geef me|geef mij|zoek",
    person_extra=(
        r"\b(?:bel|belt)\s+(?:me|mij)\s+(?:terug|op|even|alstublieft|aub|graag)?\b",
        r"\b(?:iemand|een\s+mens|een\s+medewerker|een\s+persoon)\s+aan\s+de\s+(?:lijn|telefoon)",
        r"\bom\s+(?:met\s+)?(?:een|de|iemand)\s+(?:\w+\s+)?(?:mens|medewerker|persoon|iemand|"
        r"manager)\s+(?:te\s+)?(?:spreken|praten|bellen|chatten)",
        r"\b(?:een\s+)?(?:mens|medewerker|persoon|iemand)\s+(?:graag|alsjeblieft|"
        r"alstublieft|aub|nu|svp|a\.u\.b\.?)\b",
        r"\b(?:geen|klaar\s+met|genoeg\s+van|niet\s+met)\s+(?:een|de|deze|die)?\s*(?:bot|"
        r"robot|machine|computer|chatbot)\b",
    ),
    person_unsure=(
        r"\b(?:kan|kun|zou)\s+(?:iemand|een\s+mens|een\s+medewerker)\s+(?:me\s+|mij\s+)?"
        r"(?:helpen|kijken|nakijken|controleren)\b",
        r"\bzijn\s+er\s+(?:ook\s+)?(?:mensen|medewerkers|echte\s+mensen)\s*(?:\?|$|"
        r"beschikbaar)",
    ),
    negation=r"\b(?:niet|geen|nooit|zonder|hoeft\s+niet|niemand|nee|al|gisteren|eerder|"
    r"sprak|had|was)\b",
    restart=r"\b(?:maar|wil|graag|verbind|geef|nu|gewoon|alsjeblieft|alstublieft)\b",
    yes="ik denk het wel|denk het wel|toe maar|geef maar door|geef het maar door|waarom niet|zet maar door|zet me maar door|verbind maar door|verbind me maar door|oke|ja|ja graag|graag|jazeker|zeker|ja zeker|ok|oke|okay|prima|goed|is goed|doe maar|"
    "ja doe maar|alsjeblieft|alstublieft|ja alsjeblieft|ja alstublieft|ja please|"
    "natuurlijk|tuurlijk|uiteraard|akkoord|prima graag|ja hoor|yes|jazeker graag|"
    "ja dank je|ja bedankt|top|perfect|precies|klopt|ja een medewerker|een medewerker graag|"
    "ja een mens|ja verbind me door|doe dat maar|ga je gang|graag gedaan|waarom niet|"
    "dat zou fijn zijn|dat zou mooi zijn|dat zou top zijn|dat zou prima zijn|"
    "dat zou fijn wezen|nou vooruit dan|vooruit dan|vooruit|als het moet|nou goed dan|"
    "goed dan|nou ja goed",
    no="nee|nee dank je|nee bedankt|nee hoor|niet nodig|hoeft niet|nu niet|nog niet|"
    "laat maar|ik formuleer het anders|liever niet|nope|nee, dank je",
    offer=r"\b(?:wil\s+je|wilt\s+u|zal\s+ik|mag\s+ik|kan\s+ik|zou\s+je|zou\s+u)\b[^.?!]{0,60}"
    r"\b(?:mens|medewerker|medewerkster|persoon|collega|team|iemand)\b",
    keywords="robot mens persoon medewerker medewerkster spreken praten doorverbinden "
    "machine programma kunstmatige intelligentie automatisch geautomatiseerd iemand "
    "klantenservice",
)
PT = _rules(
    "pt",
    bot_nouns=_COMMON_BOTS
    + "|ia|i\\.a\\.?|inteligencia artificial|uma inteligencia artificial|uma ia|um bot|"
    "um robo|robo|um robot|um chatbot|maquina|uma maquina|programa|um programa|humano|"
    "humana|um humano|uma humana|ser humano|um ser humano|pessoa|uma pessoa|pessoa real|"
    "uma pessoa real|pessoa de verdade|uma pessoa de verdade|automatico|automatizado|"
    "automatica|automatizada|assistente virtual|um assistente virtual|agente virtual|"
    "algoritmo|resposta automatica|mensagem automatica|de carne e osso|"
    "alguem real|computador|um computador|gente|programa de computador|"
    "um programa de computador|modelo de linguagem|um modelo de linguagem|"
    "secretaria eletronica|atendimento automatico",
    cont="por|atras|ou|e|nao|ne|aqui|ai|de verdade|serio|mesmo|realmente|sinceramente|ou nao|que|"
    "quem|com|do outro lado|por acaso|kkk|kkkk|haha|rs|lol|ein|hein|ta|entao|por favor",
    bot_lead="voce nao e|vc nao e|tu nao es|nao es|estou a falar com|estou a conversar com|"
    "estou falando|falo|voce e|vc e|voce eh|vc eh|e voce|tu es|voce e um|voce e uma|"
    "estou falando com|to falando com|tou falando com|falo com|"
    "estou conversando com|to conversando com|converso com|estou teclando com|"
    "to teclando com|estou escrevendo para|estou escrevendo com|sou atendido por|"
    "sou atendida por|estou sendo atendido por|estou sendo atendida por|quem me atende e|"
    "estou com|estamos falando com|sera que voce e|"
    "voces sao|sao voces|seria um|seria uma|trata-se de",
    bot_near="e um|e uma",
    bot_extra=(
        r"\bcom\s+quem\s+(?:estou\s+falando|falo|to\s+falando|tou\s+falando|"
        r"estou\s+conversando|converso|estou\s+teclando|to\s+teclando|eu\s+falo|"
        r"eu\s+estou\s+falando)\b",
        r"\bquem\s+(?:esta|ta|tá)\s+(?:me\s+)?(?:respondendo|atendendo|falando|escrevendo|"
        r"do\s+outro\s+lado)\b",
        r"\bquem\s+(?:me\s+responde|responde|me\s+atende|e\s+voce|es\s+tu|e\s+vc)\b",
        r"\btem\s+(?:um|uma|alguem)\s*(?:humano|pessoa|ser\s+humano|de\s+verdade|real)?\s*"
        r"(?:ai|do\s+outro\s+lado|lendo|respondendo|atras)",
        r"\b(?:humano|pessoa)\s+ou\s+(?:um\s+|uma\s+)?(?:robo|robot|bot|maquina|ia|programa|"
        r"computador)\b",
        r"\b(?:robo|robot|bot|maquina|ia|programa|computador)\s+ou\s+(?:um\s+|uma\s+)?"
        r"(?:humano|pessoa|ser\s+humano|gente)\b",
        r"\b(?:e|sao)\s+(?:uma\s+|umas\s+)?(?:respostas?|mensagens?)\s+(?:automaticas?|"
        r"automatizadas?|geradas?)\b",
    ),
    bot_unsure=(r"\b(?:voce\s+e|vc\s+e|tu\s+es)\s+(?:real|de\s+verdade)\s*\?",),
    person_nouns="humano|um humano|humana|ser humano|pessoa|uma pessoa|pessoa real|"
    "atendente|um atendente|uma atendente|agente|operador|operadora|representante|gerente|"
    "supervisor|supervisora|responsavel|funcionario|funcionaria|alguem|consultor|"
    "consultora|chefe|atendimento humano|atendimento ao cliente|servico de atendimento|"
    "sac|pessoa de verdade|gente de verdade|humanos|especialista|tecnico|alguem da equipe|"
    "um ser humano|colaborador|colaboradora|colega|apoio ao cliente|suporte|"
    "servico ao cliente|diretor|diretora|superior|assistente|um assistente|gestor de conta|"
    "gestor|encarregado de protecao de dados",
    person_lead="ser encaminhado|ser encaminhada|por-me em contacto|poe-me em contacto|ponha-me em contacto|"
    "colocar-me em contacto|me coloca em contato|me coloque em contato|me ponha em contato|"
    "falar|conversar|passar|me passa|me passe|passe|transferir|transfere|"
    "transfira|me transfere|me transfira|encaminhar|encaminhe|me encaminha|me encaminhe|"
    "conectar|me conecta|me conecte|ligar|me liga|me ligue|contatar|contactar|escalar|"
    "ser atendido|ser atendida|ser transferido|ser transferida|teclar",
    prep="com|a|ao|para|pra|pro|c/|c",
    polite="por favor|pfv|pf|agora|ja|obrigado|obrigada|ola|sim|um|uma|so|urgente|please",
    give_lead="passa-me|me passa|me passe|passe-me|passar-me|me de|me da|me transfere para|me transfira para|me encaminha para|me coloca com|me coloque com",
    cause="pode|podem|poderia|poderiam|podes|peca|peça|pedir|pede|que|faca|faça|deixe|quero que|preciso que",
    act="ajudar|ajudar-me|me ajudar|me ajude|verificar|verifique|ver|veja|olhar|olhe|ligar|me ligar|me ligue|ligue|contatar|contactar|me contatar|atender|me atender|atenda|tratar|trate|cuidar|cuide|responder|responda|analisar|analise",
    escalate="escalar|escale|escalem",
    want_lead="qro|qria|quero|queria|gostaria|preciso|prefiro|preferia|exijo|"
    "solicito|peco|me de|me da|procuro|quero um|quero uma",
    person_extra=(
        r"(?:^|[.!?,]\s*)(?:por\s+favor\s+)?(?:me\s+liga|me\s+ligue|liguem\s+para\s+mim)\b",
        r"\b(?:um|uma)\s+(?:humano|pessoa|atendente|agente|operador|operadora)\s+"
        r"(?:por\s+favor|pfv|pf|agora|ja)\b",
        r"\b(?:nao\s+quero|chega\s+de|cansei\s+de|cansado\s+de|cansada\s+de)\s+(?:falar\s+com\s+)?"
        r"(?:um|uma|o|a|esse|essa|este|esta)?\s*(?:bot|robo|robot|maquina|ia|chatbot|programa)\b",
    ),
    person_unsure=(
        r"\b(?:alguem|uma\s+pessoa|um\s+atendente)\s+(?:pode|poderia)\s+(?:me\s+)?(?:ajudar|"
        r"verificar|ver|olhar)\b",
        r"\btem\s+(?:algum|alguma|alguns|algumas)?\s*(?:humanos?|pessoas?|atendentes?|"
        r"agentes?)\s*(?:\?|$|disponive(?:l|is))",
    ),
    negation=r"\b(?:nao|nunca|sem|nem|jamais|ninguem|ja|ontem|antes|falei|tinha|estava)\b",
    restart=r"\b(?:mas|quero|preciso|me\s+passa|por\s+favor|agora|so)\b",
    yes="acho que sim|creio que sim|opa,? pode(?: sim)?|pode sim|pode passar|por que nao|porque nao|esta bem|ta bem|belza|sim|sim por favor|por favor|pfv|pf|claro|claro que sim|com certeza|pode ser|pode|"
    "pode sim|beleza|blz|ta bom|ta|ok|okay|certo|quero|quero sim|sim quero|perfeito|"
    "otimo|isso|isso mesmo|exato|com prazer|de acordo|manda|vai|sim obrigado|"
    "sim obrigada|s|ss|aham|uhum|sim uma pessoa|uma pessoa por favor|sim um atendente|"
    "yes|bora|fechado|sim pode|por que nao|porque nao|seria otimo|seria perfeito|"
    "seria bom|seria otima|seria excelente|tudo bem|ah tudo bem vai|tudo bem vai|"
    "se for preciso|se tiver que ser|pois sim|pronto",
    no="nao|nao obrigado|nao obrigada|agora nao|ainda nao|nao precisa|nao e necessario|"
    "deixa|deixa pra la|esquece|tudo bem|vou reformular|melhor nao|n|nope",
    offer=r"\b(?:quer|queres|gostaria|deseja|prefere|posso|devo|voce\s+quer|vc\s+quer)\b"
    r"[^.?!]{0,60}\b(?:pessoa|humano|atendente|agente|colega|equipe|alguem|consultor)\b",
    keywords="robo humano humana pessoa falar atendente agente operador maquina programa "
    "inteligencia artificial automatico automatizado alguem representante atendimento "
    "verdade",
)

# "Put me through to billing", "Verbinden Sie mich mit der Buchhaltung", "Me transfere pro
# financeiro": being connected to a department (or whoever handles something) is asking for a
# person. (folded text: no accents)
_DEPARTMENTS: dict[str, tuple[str, str]] = {
    "en": (
        r"(?:put|transfer|connect|forward|pass)\s+me\s+(?:through|over|on)?\s*"
        r"(?:to|with)|(?:speak|talk)\s+(?:to|with)\s+(?:whoever|the\s+person\s+who|someone\s+who)"
        r"\s+(?:handles|deals\s+with|is\s+in\s+charge\s+of|looks\s+after|does)",
        r"billing|accounts|finance|complaints|returns|warranty|claims|sales|technical|tech|"
        r"customer\s+service|support|the\s+\w+\s+(?:department|team|desk|office)|"
        r"(?:the\s+)?(?:department|team|office|manager|supervisor)|someone|somebody|"
        r"warranty\s+claims|refunds|(?:the\s+)?(?:billing|accounts|finance|complaints|returns|"
        r"sales|technical|tech|claims)\s+(?:department|team|desk|people|office)",
    ),
    "fr": (
        r"passez-moi|passe-moi|transferez-moi|transfere-moi|mettez-moi\s+en\s+relation\s+avec|"
        r"redirigez-moi\s+vers|basculez-moi\s+(?:vers|sur)|orientez-moi\s+vers",
        r"(?:le\s+|la\s+|l')?(?:service|departement|comptabilite|facturation|"
        r"reclamations|sav|commercial|direction)",
    ),
    "de": (
        r"verbinden\s+sie\s+mich\s+(?:bitte\s+)?mit|verbinde\s+mich\s+(?:bitte\s+)?mit|"
        r"leiten\s+sie\s+mich\s+(?:bitte\s+)?(?:an|zu|zur|zum)|stellen\s+sie\s+mich\s+"
        r"(?:bitte\s+)?(?:zu|zur|zum|an)|geben\s+sie\s+mir\s+(?:bitte\s+)?(?:die|den)",
        r"(?:der\s+|die\s+|dem\s+|den\s+)?(?:buchhaltung|\w*abteilung|kundendienst|vertrieb|"
        r"technik|kundenservice|reklamation\w*|rechnungsstelle|finanzabteilung)",
    ),
    "es": (
        r"pasame\s+con|paseme\s+con|pasenme\s+con|transfiereme\s+(?:a|con)|"
        r"transfierame\s+(?:a|con)|comuniqueme\s+con|comunicame\s+con|pongame\s+con|"
        r"ponme\s+con|paseme\s+al|pasame\s+al",
        r"(?:el\s+|la\s+)?(?:departamento|facturacion|reclamaciones|contabilidad|ventas|"
        r"soporte|area|servicio|atencion\s+al\s+cliente|cobros)",
    ),
    "it": (
        r"mi\s+passi|passami|mi\s+metta\s+in\s+contatto\s+con|mettimi\s+in\s+contatto\s+con|"
        r"mi\s+trasferisca\s+(?:a|al|all')|trasferiscimi\s+(?:a|al|all')|mi\s+colleghi\s+con",
        r"(?:l'|lo\s+|il\s+|la\s+)?(?:ufficio|reparto|amministrazione|assistenza|"
        r"fatturazione|reclami|vendite|contabilita)",
    ),
    "nl": (
        r"verbind\s+(?:me|mij)\s+(?:even\s+)?door\s+met|zet\s+(?:me|mij)\s+(?:even\s+)?door\s+"
        r"naar|stuur\s+(?:me|mij)\s+door\s+naar|verbind\s+(?:me|mij)\s+met",
        r"(?:de\s+|het\s+)?(?:afdeling|\w*afdeling|facturatie|boekhouding|klantenservice|"
        r"technische\s+dienst|verkoop|administratie)",
    ),
    "pt": (
        r"me\s+transfere|me\s+transfira|transfira-me|me\s+passa|me\s+passe|passe-me|"
        r"me\s+coloque\s+em\s+contato\s+com|me\s+ponha\s+em\s+contacto\s+com",
        r"(?:pro|pra|para\s+o|para\s+a|ao|a|o)?\s*(?:financeiro|faturamento|faturacao|setor|"
        r"departamento|reclamacoes|suporte|comercial|vendas|sac|contabilidade)",
    ),
}


# "I'd rather sort this out with someone from the team", "das kläre ich lieber mit einem
# Menschen"; "someone of flesh and blood", "uma pessoa de verdade".
_RATHER = {
    "en": r"\b(?:i'?d\s+rather|i\s+would\s+rather|i\s+prefer\s+to|i'?d\s+prefer\s+to)\b"
    r"[^.!?]{0,50}\b(?:someone|somebody|a\s+person|a\s+human|a\s+real\s+person|an\s+agent)\b"
    r"(?!\s+else)",
    "fr": r"\b(?:je\s+prefere|je\s+prefererais|plutot)\b[^.!?]{0,50}\b(?:quelqu'un|une\s+personne|"
    r"un\s+humain|un\s+conseiller|une\s+conseillere)\b",
    "de": r"\blieber\b[^.!?]{0,40}\bmit\s+(?:einem|einer)\s+(?:menschen|mitarbeiter|"
    r"mitarbeiterin|person|berater|beraterin)\b",
    "es": r"\b(?:prefiero|preferiria)\b[^.!?]{0,50}\b(?:alguien|una\s+persona|un\s+humano|"
    r"un\s+agente|un\s+asesor)\b",
    "it": r"\b(?:preferisco|preferirei)\b[^.!?]{0,50}\b(?:qualcuno|una\s+persona|un\s+umano|"
    r"un\s+operatore)\b",
    "nl": r"\b(?:liever|ik\s+heb\s+liever)\b[^.!?]{0,40}\b(?:iemand|een\s+mens|een\s+medewerker|"
    r"een\s+persoon)\b|\biemand\s+van\s+vlees\s+en\s+bloed\b",
    "pt": r"\b(?:prefiro|preferia)\b[^.!?]{0,50}\b(?:alguem|uma\s+pessoa|um\s+humano|"
    r"um\s+atendente)\b|\b(?:quero|preciso|queria)\s+(?:falar\s+com\s+)?uma\s+pessoa\s+de\s+"
    r"verdade\b",
}


# Trigger words of the department rules, the rarer ones only: a common one ("service", "door",
# "put") makes every sentence that holds it try every request rule. (The preferences hold a
# person noun, hot already: "rather … someone".)
_DEPARTMENT_HOT = (
    "billing|accounts|finance|complaints|handles|departement|comptabilite|facturation|"
    "buchhaltung|abteilung|rechnungsabteilung|reklamationsabteilung|kundendienst|"
    "departamento|facturacion|reclamaciones|ufficio|reparto|amministrazione|afdeling|"
    "facturatie|boekhouding|klachtenafdeling|financeiro|faturamento|setor|transfere|"
    "transfira|passami|pasame|paseme|passez|verbinden|verbind|transfer|connect|whoever"
)


# "The person typing these answers, does she really exist?"; "is this chat answered by AI?"
_MORE_BOT = {
    "en": r"\bis\s+the\s+person\s+(?:who\s+is\s+|who's\s+)?(?:typing|writing|answering)\b"
    r"[^?]{0,30}\b(?:real|even\s+real|a\s+real\s+person|human)\b",
    "fr": r"\b(?:la\s+)?personne\s+qui\s+(?:tape|ecrit|repond)\b[^?]{0,40}\b(?:existe|vraie|"
    r"reelle|vraiment|humaine)\b",
    "de": r"\b(?:die\s+)?person,?\s+die\s+(?:hier\s+|mir\s+)?(?:tippt|schreibt|antwortet)\b"
    r"[^?]{0,30}\b(?:echt|real|wirklich|existiert|ein\s+mensch)\b",
    "es": r"\b(?:la\s+)?persona\s+que\s+(?:escribe|teclea|responde|contesta)\b[^?]{0,30}\b"
    r"(?:existe|real|de\s+verdad|humana)\b",
    "it": r"\b(?:la\s+)?persona\s+che\s+(?:scrive|digita|risponde)\b[^?]{0,30}\b(?:esiste|"
    r"reale|vera|davvero|umana)\b",
    "nl": r"\bdoor\s+(?:een\s+)?(?:kunstmatige\s+intelligentie|ai|ki|een\s+computer|computer|"
    r"robot|bot|chatbot|algoritme)\s+(?:wordt\s+|worden\s+)?(?:beantwoord|gestuurd|"
    r"geschreven|bediend|gerund)\b|\b(?:de\s+)?persoon\s+die\s+(?:typt|schrijft|antwoordt)\b"
    r"[^?]{0,30}\b(?:echt|bestaat)\b",
    "pt": r"\b(?:a\s+)?pessoa\s+que\s+(?:escreve|digita|responde)\b[^?]{0,30}\b(?:existe|"
    r"real|de\s+verdade|humana)\b",
}


# dev10 (2026-12-02): questions about how the answers are made ("is there a human in the
# loop?", "did a person write that last message?", "is Jonas a real colleague or the
# assistant's name?", "which model runs you?"), and requests said politely, urgently or about a
# role ("have a word with one of your colleagues", "get my account manager on the line",
# "someone from the warehouse", "a real person, this is urgent").
_Q = r"[\"'“”„«»‘’]?"
_MORE_BOT_2 = {
    "en": r"\bhuman\s+in\s+the\s+loop\b|\bis\s+there\s+(?:a|any|an\s+actual|a\s+real)\s+(?:human|person)"
    r"\s+(?:supervising|reading|checking|watching|behind|monitoring)\b|\bdid\s+(?:a|an)\s+(?:human|"
    r"person|real\s+person|ai|bot|machine)\s+write\s+(?:that|this|the)\b|\bwhich\s+(?:company|model|"
    r"llm|ai)\s+(?:built|made|trained|runs|powers|is\s+behind)\s+you\b|\bcontext\s+window\b|"
    r"\bpredicting\s+the\s+next\s+word\b|\bis\s+there\s+a\s+prompt\s+behind\s+you\b|"
    r"\bwere\s+you\s+trained\s+on\b|\b(?:speaking|talking|chatting)\s+(?:with|to)\s+a\s+real\s+"
    r"member\s+of\s+staff\b|\bpouring\s+my\s+heart\s+out\s+to\s+a\s+(?:machine|bot|robot)\b|"
    rf"\bis\s+{_Q}\w+{_Q}\s+(?:a\s+real|an\s+actual)\s+(?:person|colleague|human|employee)\s+or\b",
    "fr": r"\bquelqu'un\s+en\s+chair\s+et\s+en\s+os\b[^?]{0,60}\?|\by\s+a-t-il\s+(?:un|une|quelqu'un)"
    r"\s+(?:humain|humaine|personne|vrai\s+\w+)\s+qui\s+(?:supervise|lit|surveille|controle|relit)\b|"
    r"\b(?:est-ce\s+qu')?(?:un|une)\s+(?:humain|personne|ia|robot)\s+(?:a|qui\s+a)\s+(?:ecrit|redige)\b|"
    rf"\best-(?:il|elle)\s+{_Q}\w*{_Q}\s*(?:un|une)\s+(?:vraie?\s+)?(?:collegue|personne|conseillere?)"
    r"\s+ou\b",
    "de": r"\ban\s+(?:einen|ein)\s+(?:chatbot|bot|roboter|programm|computer)\s+geraten\b|"
    r"\bein\s+echte[rn]?\s+(?:kollege|kollegin|mensch|mitarbeiter|mitarbeiterin)\s+oder\b|"
    r"\bhat\s+das\s+(?:eben\s+|gerade\s+)?(?:eine\s+ki|ein\s+bot|ein\s+mensch|ein\s+roboter|"
    r"eine\s+maschine)\s+(?:formuliert|geschrieben|verfasst)\b|\b(?:sitzt|liest|schaut)\s+"
    r"(?:da\s+|hier\s+)?(?:ein|eine)\s+(?:mensch|person)\s+(?:mit|dahinter|druber)\b",
    "es": r"\bhay\s+(?:algun|algun\s+ser|un|una)\s+(?:humano|persona)\s+(?:supervisando|revisando|"
    r"leyendo|vigilando|detras)\b|\blo\s+(?:escribe|ha\s+escrito|redacta|ha\s+redactado)\s+"
    r"(?:alguien|una\s+persona|un\s+humano)\b|\bes\s+una\s+persona\s+real\s+o\s+(?:el|un)\b|"
    r"\b(?:mensaje|respuesta)\s+lo\s+ha\s+(?:redactado|escrito)\s+una\s+persona\b",
    "it": r"\bc'e\s+(?:un|una)\s+(?:operatore|operatrice|persona|essere)\s+(?:umano|umana|vero|vera)?"
    r"\s*che\s+(?:controlla|legge|verifica|supervisiona)\b|\bl'ha\s+scritto\s+(?:una\s+persona|un\s+"
    r"umano|un'ia|un\s+bot)\b|\be\s+(?:una\s+persona\s+vera|un\s+collega\s+vero)\s+o\b",
    "nl": r"\bvoelt\s+als\s+een\s+(?:script|robot|bot|chatbot)\b|\bis\s+er\s+een\s+mens\s+die\s+"
    r"(?:meeleest|meekijkt|controleert)\b|\bheeft\s+een\s+(?:mens|persoon|ai|bot)\s+dat\s+"
    r"(?:geschreven|opgesteld)\b|\been\s+echte\s+(?:collega|medewerker|persoon)\s+of\b",
    "pt": r"\btem\s+(?:algum|alguma|um|uma)\s+(?:humano|pessoa)\s+(?:acompanhando|lendo|vendo|"
    r"supervisionando|a\s+acompanhar)\b|\b(?:voce|tu)\s+parece\s+(?:um|uma)\s+(?:robo|maquina|bot)\b|"
    r"\bfoi\s+(?:uma\s+pessoa|um\s+humano|uma\s+ia|um\s+robo)\s+que\s+escreveu\b|\be\s+uma\s+"
    r"pessoa\s+de\s+verdade\s+ou\b",
}
_MORE_PERSON_2 = {
    "en": r"\b(?:have\s+a\s+word|speak|talk|discuss\s+(?:this|it)|deal)\s+with\s+(?:one\s+of\s+your|"
    r"your|a|an|the)\s+(?:colleagues?|specialists?|technicians?|engineers?|team|experts?)\b|"
    r"\b(?:get|put)\s+(?:my|the|your|an?)\s+(?:account\s+manager|manager|supervisor|engineer|"
    r"technician|specialist)\s+on\s+the\s+(?:line|phone)\b|\b(?:hand|pass|transfer|put)\s+me\s+"
    r"(?:over\s+|through\s+)?to\s+(?:the|a|an|your|my)\s+(?:\w+\s+)?(?:technician|engineer|"
    r"specialist|colleague|manager|supervisor)\b|\bone\s+of\s+your\s+(?:team|colleagues|staff|"
    r"people)\s+(?:be\s+able\s+to\s+|could\s+|can\s+)?(?:take\s+over|call\s+me|contact\s+me|"
    r"ring\s+me)\b|\bsomeone\s+(?:could|can|to)\s+call\s+me\s+back\b|\b(?:need|want|get\s+me)\s+"
    r"someone\s+from\s+the\s+(?:warehouse|workshop|legal|accounts|billing|returns)\b|"
    r"\b(?:contact|touch|speak|talk)\s+(?:with|to)?\s*(?:your|the)\s+(?:data\s+protection\s+officer|"
    r"dpo|legal\s+(?:team|department))\b|\ba\s+real\s+person,?\s+(?:this\s+is\s+urgent|please|"
    r"now|asap)\b|\b(?:speak|talk)\s+to\s+the\s+(?:engineer|technician)\s+who\b"
    r"|\bkeep\s+typing\s+[\"'“]?(?:agent|human|person|representative|operator)\b",
    "fr": r"\b(?:avoir\s+affaire\s+a|parler\s+(?:a|avec)|etre\s+mise?\s+en\s+relation\s+avec)\s+"
    r"(?:votre|un|une|le|la|l')\s*(?:service\s+juridique|juridique|responsable|technicien|"
    r"technicienne|collegue|specialiste)\b"
    r'|\bcontinuer\s+a\s+ecrire\s+[«"\s]*(?:conseiller|conseillere|agent|humain|operateur)\b',
    "de": r"\bjemand\s+aus\s+der\s+\w+\s+(?:zuruckruft|anruft|meldet|kontaktiert)\b|\bmit\s+einem\s+"
    r"ihrer\s+(?:kollegen|kolleginnen|mitarbeiter)\b|\bbitte\s+(?:einfach\s+|nur\s+)?einen\s+"
    r"menschen\b|\bmit\s+der\s+geschaftsleitung\s+(?:klaren|sprechen|besprechen)\b|\beinen\s+"
    r"ansprechpartner\s+aus\s+der\b"
    r'|\btippe\s+so\s+lange\s+[„"“\s]*(?:mitarbeiter|mensch|berater|agent)\b',
    "es": r"\bhablar\s+con\s+(?:alguno|alguna|uno|una)\s+de\s+sus\s+(?:companeros|companeras|"
    r"colegas|tecnicos)\b|\bque\s+me\s+(?:atendiera|atienda)\s+una\s+persona\b|\bque\s+un\s+"
    r"(?:tecnico|responsable|encargado)\s+me\s+(?:llamase|llamara|llame)\b"
    r'|\bseguir\s+escribiendo\s+[«"\s]*(?:agente|humano|persona|operador)\b',
    "it": r"\bparlare\s+con\s+(?:uno|una)\s+dei\s+(?:vostri|suoi)\s+(?:colleghi|tecnici)\b"
    r'|\bcontinuero\s+a\s+scrivere\s+[«"\s]*(?:operatore|umano|persona)\b',
    "nl": r"\bmag\s+ik\s+(?:alsjeblieft\s+|even\s+)?een\s+(?:mens|medewerker|persoon)\b"
    r"|\bblijf\s+[\"'“]?(?:medewerker|mens|persoon|agent)[\"'”]?\s+typen\b",
    "pt": r"\balguem\s+do\s+(?:juridico|financeiro|suporte|armazem)\s+(?:pode|poderia)\s+"
    r"(?:entrar\s+em\s+contato|me\s+ligar|falar)\b"
    r"|\bcontinuar\s+digitando\s+[\"'“]?(?:atendente|humano|pessoa)\b",
}
# dev12's styles (2026-12-02 afternoon): requests buried in long or formal messages, via a
# number or a channel, for a level above, to be transferred to an office; bot questions about
# who reads or checks the replies, "a text generator", "weer zo'n chatbot zeker?".
_MORE_PERSON_3 = {
    "en": r"\b(?:sort|deal\s+with|discuss|handle|resolve)\s+(?:this|it)(?:\s+out)?\s+with\s+(?:a|one\s+of\s+"
    r"your|your)\s+(?:colleagues?|team\s+members?|staff)\b|\bpass\s+(?:this|it|me)\s+(?:on\s+)?to\s+"
    r"(?:whoever|someone|somebody|the\s+person)\b|\bcan\s+(?:this|it)\s+go\s+to\s+(?:a|an)\s+"
    r"(?:real\s+|actual\s+)?(?:team\s+member|person|human|colleague)\b",
    "fr": r"\bavoir\s+quelqu'un\s+(?:au\s+bout\s+du\s+fil|au\s+telephone)\b|\bnumero\s+pour\s+(?:avoir|"
    r"joindre|parler\s+a)\s+(?:quelqu'un|un\s+conseiller|une\s+conseillere|une\s+personne)\b|"
    r"\b(?:demande|veux|souhaite)\s+l'escalade\b|\bremonte[rz]?\s+au\s+niveau\s+au-dessus\b",
    "de": r"\b(?:erreiche|erreichen)\s+(?:ich|man)\s+(?:\w+\s+){0,3}?(?:einen|eine)\s+(?:mitarbeiter|mitarbeiterin|"
    r"menschen|berater|beraterin|person)\b|\b(?:nachsthohere|hohere)\s+(?:stelle|instanz|ebene)\b|"
    r"\b(?:bitte|bitten)\s+(?:\w+\s+)?um\s+(?:einen|eine)\s+(?:personlichen?\s+|personliche\s+)?"
    r"(?:ansprechpartner|ansprechpartnerin|mitarbeiter|mitarbeiterin|berater|beraterin)\b|"
    r"\baus\s+fleisch\s+und\s+blut\s+(?:ubernimmt|ubernehmen|ubernehme|ubernahme)\b",
    "es": r"\balguien\s+(?:me\s+)?(?:puede|podria)\s+(?:marcar|llamar)(?:me)?\b|\bmarcarme\b|"
    r"\b(?:resolver|tratar|ver)\s+(?:esto\s+|lo\s+)?con\s+(?:alguno|alguna|uno|una)\s+de\s+sus\s+"
    r"(?:companeros|companeras|colegas)\b",
    "it": r"\bmi\s+(?:puo|potrebbe|puoi|potresti)\s+(?:trasferire|passare)\s+(?:all'|al|alla|a)\s*"
    r"(?:ufficio|reparto|servizio|responsabile|collega)\b",
    "nl": r"\btelefonisch\s+(?:benaderd|gebeld|teruggebeld)\b|\bdoor\s+een\s+van\s+uw\s+medewerkers\b",
    "pt": r"\bescal(?:em|e|ar|em)\s+o\s+(?:meu|seu)\s+(?:caso|pedido|processo|reclamacao)\b|"
    r"\b(?:transferir|passar)-me\s+para\b|\bum\s+dos\s+(?:vossos|seus)\s+(?:funcionarios|"
    r"colaboradores|atendentes)\s+me\s+(?:contacte|contate|ligue)\b|\bchama\s+alguem\b",
}
_MORE_BOT_3 = {
    "en": r"\bdoes\s+(?:a|any)\s+(?:human|person|real\s+person|member\s+of\s+staff)\s+(?:read|check|"
    r"review|see|look\s+at|go\s+over|read\s+over)\b|(?:^|[.!?]\s*)(?:r\s+)?(?:u|you)\s+(?:a\s+)?"
    r"(?:human|real|bot|robot)\s*\?",
    "fr": r"\bquelqu'un\s+me\s+lit\b|\bje\s+parle\s+dans\s+le\s+vide\b",
    "de": r"\b(?:antwortet|schreibt)\s+(?:mir\s+)?(?:hier\s+)?(?:nur\s+)?(?:ein|eine)\s+(?:textgenerator|"
    r"maschine|programm|computer|ki)\b|\becht(?:en|e|er|em)?\s+menschen?\s+verbunden\b|"
    r"\b(?:mit|oder)\s+a\s+maschin\b",
    "es": r"\b(?:algun|alguna|un|una)\s+(?:empleado|empleada|persona|humano|companero)\s+(?:supervisa|"
    r"revisa|lee|controla)\b",
    "it": r"\b(?:qualcuno|una\s+persona|un\s+collega|un\s+operatore)\s+(?:controlla|legge|rilegge|"
    r"supervisiona)\s+(?:le\s+tue|quello\s+che|cosa)\b",
    "nl": r"\bkijkt\s+er\s+(?:een|iemand)\s+(?:\w+\s+)?mee\b|\bzo'?n\s+(?:chatbot|bot|robot)\s+zeker\b|"
    r"\bweer\s+(?:zo'?n|een)\s+(?:chatbot|bot|robot)\b",
    "pt": r"\bninguem\s+de\s+carne\s+e\s+osso\b",
}
_PERSON_HOT_3 = (
    "escalade|escalem|nachsthohere|ansprechpartner|marcar|marcarme|trasferire|telefonisch|"
    "transferir-me|funcionarios|alguem|whoever|colleague|colleagues|fleisch|erreiche|quelqu'un"
)


# A request said as a threat, with a negation of its own that does not cancel it ("unless a
# manager calls me today", "si un responsable ne me rappelle pas", "wenn mich kein Vorgesetzter
# anruft"): read without the negation rule.
PERSON_DESPITE_NEGATION = (
    r"\bunless\s+(?:a|an|the|some|your|one\s+of\s+your)?\s*(?:\w+\s+)?(?:manager|supervisor|person|"
    r"human|agent|someone|somebody|people)\b[^.!?]{0,40}\b(?:calls?|contacts?|gets?\s+back|rings?|"
    r"phones?|emails?|speaks?|replies)\b|\bif\s+i\s+(?:don't|do\s+not|dont)\s+(?:hear\s+from|get)\s+"
    r"(?:a|an|some)\s+(?:actual\s+|real\s+)?(?:person|human|manager|agent|supervisor)\b|"
    r"\bunless\s+(?:somebody|someone)\s+with\s+authority\b",
    r"\bsi\s+(?:un|une)\s+(?:responsable|conseiller|conseillere|humain|personne|manager|superieur)\s+"
    r"ne\s+me\s+(?:rappelle|contacte|repond|telephone)\s+pas\b",
    r"\bwenn\s+mich\s+(?:[\w-]+\s+){0,3}kein(?:e|en)?\s+(?:vorgesetzter|mensch|mitarbeiter|"
    r"mitarbeiterin|berater|manager|verantwortlicher)\s+(?:anruft|zuruckruft|kontaktiert)\b",
    r"\bsi\s+(?:[\w-]+\s+){0,2}no\s+me\s+(?:llama|contacta|responde|escribe)\s+(?:un|una)\s+(?:responsable|"
    r"encargado|encargada|gerente|humano|persona|agente|supervisor)\b",
    r"\bse\s+(?:[\w-]+\s+){0,2}non\s+mi\s+(?:chiama|contatta|richiama|risponde)\s+(?:un|una)\s+"
    r"(?:responsabile|operatore|operatrice|umano|persona|manager)\b",
    r"\bals\s+er\s+(?:[\w-]+\s+){0,2}geen\s+(?:manager|medewerker|leidinggevende|mens|persoon)\s+"
    r"(?:belt|contact\s+opneemt|terugbelt|reageert)\b",
    r"\bse\s+nenhum\s+(?:gerente|responsavel|atendente|humano|supervisor)\s+me\s+(?:ligar|contatar|"
    r"responder)\b",
)
_PERSON_HOT_2 = (
    "colleague|colleagues|specialist|specialists|technician|technicians|engineer|engineers|"
    "warehouse|officer|dpo|juridique|collegue|technicien|kollegen|geschaftsleitung|"
    "ansprechpartner|companeros|companeras|colegas|tecnico|colleghi|tecnici|juridico|urgent"
)


def _extended(rules: LanguageRules) -> LanguageRules:
    """``rules`` with the department, preference and bot-question rules above (the bot ones
    each hold a person noun or "intelligentie", hot words already)."""
    verbs, places = _DEPARTMENTS[rules.code]
    return replace(
        rules,
        bot=(*rules.bot, _MORE_BOT[rules.code], _MORE_BOT_2[rules.code], _MORE_BOT_3[rules.code]),
        person=(
            *rules.person,
            _RATHER[rules.code],
            rf"\b(?:{verbs})\s+(?:{places})\b",
            _MORE_PERSON_2[rules.code],
            _MORE_PERSON_3[rules.code],
        ),
        person_hot=f"{rules.person_hot}|{_DEPARTMENT_HOT}|{_PERSON_HOT_2}|{_PERSON_HOT_3}",
    )


EN, FR, DE, ES, IT, NL, PT = (_extended(r) for r in (EN, FR, DE, ES, IT, NL, PT))
RULES: tuple[LanguageRules, ...] = (EN, FR, DE, ES, IT, NL, PT)

_MODELS = (
    r"chatgpt|chat\s+gpt|gpt(?:-?\d[\w.]*)?|openai|llama|mistral|le\s+chat|gemini|claude|"
    r"copilot|bard|llm|llms|large\s+language\s+model|language\s+model|modele\s+de\s+langage|"
    r"sprachmodell|modelo\s+de\s+lenguaje|modello\s+(?:linguistico|di\s+linguaggio)|"
    r"taalmodel|modelo\s+de\s+linguagem|which\s+model|welches\s+modell|quel\s+modele|"
    r"que\s+modelo|quale\s+modello|welk\s+model"
)
_THING_STRICT = (
    r"chat|chats|reply|replies|answer|answers|response|responses|reponse|reponses|antwort|"
    r"antworten|respuesta|respuestas|risposta|risposte|antwoord|antwoorden|resposta|respostas|"
    r"conversation|gesprek|conversa|conversazione|conversacion|gesprach"
)
_BOTWORD = (
    r"bot|robot|robo|chatbot|machine|maschine|maquina|macchina|computer|computador|ordinateur|"
    r"ia|ai|ki|programme|programm|programma|programa|algorithm|algorithme|algorithmus|"
    r"algoritmo|algoritme|automate|automat|automaat|antwoordapparaat|repondeur|"
    r"anrufbeantworter|contestador|risponditore"
)
_AUTO = (
    r"automat\w*|auto-?generat\w*|generat\w*|genere\w*|generiert\w*|gegenereerd\w*|"
    r"generad\w*|generan|gerad\w*|ai-generated|ki-generiert\w*|computer-generated|"
    r"\w*automat\w*|in\s+automatico|automatiquement|automatisch|automaticamente|automaticamente|canned|"
    r"scripted|vorgefertigt\w*|predefini\w*"
)
_THING = (
    r"chat|chats|reply|replies|answer|answers|response|responses|message|messages|reponse|"
    r"reponses|antwort|antworten|nachricht|nachrichten|respuesta|respuestas|mensaje|"
    r"mensajes|risposta|risposte|messaggio|messaggi|antwoord|antwoorden|bericht|berichten|"
    r"resposta|respostas|mensagem|mensagens|support|service|helpdesk|conversation|"
    r"gesprek|conversa|conversazione|conversacion|gesprach|this|dies|das|ceci|ca|esto|"
    r"questo|dit|isto|isso|tout|alles|todo|tutto|tudo|everything"
)
_READ = (
    r"read|reads|reading|lira|lisent|liest|lit\s+(?:vraiment\s+|bien\s+)?(?:mes|ces|vos|nos|"
    r"les|ce|cette)|le\s+(?:estas|essas|as|isto|isso|minhas)|lesen|liesst|lee|leen|leyendo|legge|leggono|"
    r"leggera|leest|lezen|meeleest|leem|lendo|lera|sees|looks\s+at"
)
_HUMAN = (
    r"human|humans|person|people|someone|somebody|anyone|anybody|humain|etre\s+humain|"
    r"quelqu'un|personne|mensch|menschen|jemand|wer|humano|ser\s+humano|alguien|persona|"
    r"umano|essere\s+umano|qualcuno|mens|iemand|er\s+iemand|pessoa|alguem|gente"
)
# The words of which the generic rules need one (see intents._hot).
GENERIC_HOT: tuple[str, ...] = (
    _MODELS.replace("\\s+", " ").replace("(?:-?\\d[\\w.]*)?", ""),
    _BOTWORD,
    _HUMAN.replace("\\s+", " "),
    "automat\\w*|generat\\w*|genere\\w*|generiert\\w*|gegenereerd\\w*|generad\\w*|generan|"
    "gerad\\w*|canned|scripted|vorgefertigt\\w*|predefini\\w*|textbaustein\\w*|"
    "assistenten|virtuellen|assistent|assistente|asistente|assistant|sistema|system|systeme",
)
# The words of the generic rules below: what a conversation partner may be (_NATURE), "you
# are" and "am I talking to" in seven languages, and where a person would sit (_THERE).
_NATURE = (
    r"(?:(?:a|an|the|un|une|ein|eine|einer|einem|een|una|uno|um|uma|el|il|lo|o|some|just\s+a|"
    r"nur\s+ein|so\s+ein|genre|tipo|kind\s+of|sort\s+of|some\s+kind\s+of|some\s+sort\s+of|"
    r"un'|l'|d'un|d'une|de|di|van|da|con|mit|met|com|avec|with)\s+)*"
    r"(?:(?:real|actual|live|living|breathing|genuine|flesh[- ]and[- ]blood|human|proper|"
    r"echte[rsn]?|richtige[rsn]?|wirkliche[rsn]?|vrai|vraie|veritable|reel|reelle|verdadero|"
    r"verdadera|vero|vera|reale|umano|umana|echt|verdadeiro|verdadeira|virtual|virtuel|"
    r"virtuelle|virtueller|virtuale|virtuele|automated|automatic|automatise|geautomatiseerd|"
    r"automatisiert\w*|automatizad[oa]|automatizzat[oa]|digital|customer\s+service|"
    r"customer\s+care|support|ai|ki|ia|virtuellen|echten|richtigen|echte)[\s,-]+){0,3}"
    r"(?:bot|bots|robot|robo|robots|chatbot|ai|a\.i\.?|ia|ki|machine|maschine|maquina|macchina|"
    r"computer|ordinateur|computadora|ordenador|computador|compuetr|program|programme|programm|"
    r"programma|programa|assistant|assistent|asistente|assistente|assistnt|human|humain|"
    r"humaine|mensch|menschen|humano|humana|umano|umana|mens|person|personne|persona|pessoa|"
    r"persoon|people|gente|employee|employe|mitarbeiter|mitarbeiterin|empleado|empleada|"
    r"dipendente|medewerker|medewerkster|funcionario|funcionaria|member\s+of\s+staff|"
    r"staff\s+member|member\s+of\s+(?:the\s+)?team|operator|operateur|operatore|operador|"
    r"operadora|conseiller|conseillere|etre\s+humain|ser\s+humano|essere\s+umano|"
    r"human\s+being|someone\s+real|somebody\s+real|anyone\s+real|quelqu'un\s+de\s+(?:reel|vrai)|"
    r"jemand\s+echtes|wer\s+echtes|alguien\s+real|qualcuno\s+di\s+(?:reale|vero)|"
    r"iemand\s+echts?|alguem\s+real|language\s+model|ai\s+model|llm|chatgpt|gpt[\w.-]*|system|"
    r"systeem|systeme|sistema|sprachassistent|sprachmodell|taalmodel|"
    r"modelo\s+de\s+lenguaje|modele\s+de\s+langage|modello\s+linguistico|"
    r"modelo\s+de\s+linguagem|automaton|automate|automat|automaat|antwoordapparaat|"
    r"agent\s+conversationnel|textbausteine|artificial\s+intelligence|assistenten|persone|"
    r"personnes|personas|pessoas|mensen|humans|humains|humanos|umani|menschen|persons|"
    r"intelligence\s+artificielle|kunstliche\s+intelligenz|inteligencia\s+artificial|"
    r"intelligenza\s+artificiale|kunstmatige\s+intelligentie|agent|agente|thing)"
)
# Up to three words between "are you" and what they may be, none of which makes it about
# something else ("is it possible to talk with a person" is a request, not a question).
_GAP = (
    r"(?:(?!(?:to|with|for|about|possible|able|going|trying|allowed|ok|okay|fine|sure|"
    r"necessary|normal|true|correct|right)\b)[\w'-]+[\s,]+){0,3}?"
)
# A noun that ends there, not one that starts a longer noun ("robot vacuum").
_ANY_END = (
    r"(?=\s*(?:$|[?!.,;:)…\U0001F300-\U0001FAFF\u2600-\u27BF]|\s*(?:or|ou|oder|o|of|and|et|und|y|"
    r"e|en|right|yes|no|oui|non|"
    r"ja|nein|si|sim|nao|nee|huh|hein|verdad|vero|toch|ne|lol|haha|here|there|ici|hier|aqui|"
    r"qui|then|alors|dann|entonces|allora|dan|entao|behind|derriere|hinter|detras|dietro|"
    r"achter|atras|answering|replying|typing|writing|reading|on\s+the|at\s+the|am\s+anderen|"
    r"de\s+l'autre|del\s+otro|dall'altra|aan\s+de|do\s+outro|au\s+bout|al\s+otro|"
    r"on\s+your|chatte|schreibe|spreche|bent|bist|sind|ben|zijn|sei|sia|sois|soyez|seas|"
    r"sejas|seja|isn't|is\s+it|aren't|are\s+you|n'est-ce|oder\s+nicht|no\??|with\s+a|"
    r"or\s+something|or\s+not|ou\s+pas|o\s+no|o\s+non|of\s+niet|ou\s+nao|lmao|right\s+now|"
    r"now|today|sitting|typing|answering|yeah|eh|innit|pls|please|mate|bro|before|antes|"
    r"avant|bevor|prima|voordat|verbunden|gelandet|praat|chat|spreek|gesprochen|vera|"
    r"real|reale|reelle|vraie|vrai|de\s+verdad|de\s+verdade|echt|echte|in\s+carne|"
    r"de\s+carne|en\s+chair|van\s+vlees|aus\s+fleisch|umano|humano|humaine|automatico|"
    r"automatica|automatique|automatisch|automated|automatizado|automatizzato|virtual|virtuel|"
    r"virtuale|collecting|asking|trying|working|helping|listening|running|programmed|designed|"
    r"built|trained|pretending|posing)\b))"
)
_YOU_ARE = (
    r"(?:are\s+you|r\s+u|are\s+u|aren't\s+you|you're|youre|you\s+are|u\s+r|ur\s+a|you\s+r|"
    r"is\s+this|is\s+it|this\s+is|it's|is\s+that|that's|am\s+i\s+being\s+\w+\s+by|"
    r"es-tu|es\s+tu|etes-vous|etes\s+vous|t'es|tu\s+es|vous\s+etes|c'est|est-ce|que\s+tu\s+sois|"
    r"que\s+vous\s+soyez|bist\s+du|bist|sind\s+sie|du\s+bist|sie\s+sind|ist\s+das|seid\s+ihr|"
    r"dass\s+du|dass\s+sie|eres|eres\s+tu|es\s+usted|usted\s+es|sos|que\s+eres|que\s+seas|"
    r"que\s+sea|esto\s+es|es\s+esto|sei|sei\s+tu|lei\s+e|tu\s+sei|che\s+tu\s+sia|"
    r"che\s+lei\s+sia|questo\s+e|questa\s+e|ben\s+je|ben\s+jij|bent\s+u|je\s+bent|u\s+bent|"
    r"jij\s+bent|is\s+dit|is\s+het|dat\s+je|dat\s+u|voce\s+e|vc\s+e|e\s+voce|es\s+tu|tu\s+es|"
    r"que\s+voce\s+e|que\s+es|isto\s+e|isso\s+e|e\s+o|e\s+a|e\s+um|e\s+uma|vous\s+etiez|"
    r"tu\s+etais|si\s+vous\s+etes|si\s+tu\s+es|si\s+es|se\s+e|se\s+lei\s+e|wenn\s+sie|"
    r"wenn\s+du|ob\s+sie|ob\s+du|usted\s+no\s+es|no\s+es\s+usted|si\s+eres|si\s+usted\s+es|"
    r"of\s+je|of\s+u|of\s+jij|se\s+voce\s+e|if\s+you're|if\s+you\s+are|whether\s+you're|"
    r"whether\s+you\s+are)"
)
_TALK = (
    r"(?:talking|chatting|chattiing|speaking|texting|messaging|writing|typing|dealing|"
    r"communicating|conversing|hablando|escribiendo|chateando|parlando|scrivendo|"
    r"messaggiando|chattando|falando|conversando|escrevendo|teclando|platicando|a\s+falar|"
    r"en\s+train\s+de\s+(?:parler|discuter|chatter|ecrire)|in\s+contact|en\s+contact|"
    r"in\s+contatto|en\s+contacto|em\s+contato|em\s+contacto|communicating|kommuniziere|"
    r"communique|comunico)"
)
# Verbs in the first person that need no subject ("je parle à un robot ?", "spreche ich ...").
_TALK_FIRST = (
    r"(?:je\s+(?:parle|discute|chatte|communique)|j'ecris|parle-je|spreche\s+ich|rede\s+ich|"
    r"schreibe\s+ich|chatte\s+ich|ich\s+(?:spreche|rede|schreibe|chatte)|hablo|escribo|"
    r"chateo|platico|parlo|scrivo|chatto|praat\s+ik|spreek\s+ik|chat\s+ik|ik\s+(?:praat|spreek|"
    r"chat)|falo|converso|to\s+(?:falando|conversando|teclando)|tou\s+a\s+falar|"
    r"heb\s+ik\s+contact|ik\s+contact\s+heb|habe\s+ich\s+es)"
)
_I_AM = (
    r"(?:am\s+i|i'm|im|i\s+am|are\s+we|we're|we\s+are|je\s+suis|suis-je|ich\s+bin|bin\s+ich|"
    r"estoy|sto|ik\s+ben|ben\s+ik|estou|eu\s+estou|have\s+i\s+been|i've\s+been|sono|"
    r"suis|si\s+je\s+suis|se\s+sono|si\s+estoy|se\s+estou)"
)
_WITH = r"(?:with|to|w|a|avec|mit|con|met|com|ad|al)"
_THERE = (
    r"(?:answering|replying|responding|typing|writing|reading|behind|on\s+the\s+other|"
    r"at\s+the\s+other|on\s+your\s+end|on\s+your\s+side|seeing|there|back\s+there|"
    r"de\s+l'autre|au\s+bout|derriere|qui\s+(?:lit|repond|ecrit)|am\s+anderen|hinter|"
    r"dahinter|antwortet|liest|schreibt|al\s+otro|detras|leyendo|escribiendo|respondiendo|"
    r"contestando|dall'altra|dietro|che\s+(?:legge|risponde|scrive)|aan\s+de\s+andere|achter|"
    r"die\s+(?:leest|antwoordt|typt)|do\s+outro|atras|por\s+tras|lendo|respondendo|"
    r"escrevendo|typt|leest|antwoordt|on\s+the\s+other\s+side|other\s+side|autre\s+cote|"
    r"andere\s+kant|otro\s+lado|outro\s+lado|altra\s+parte|anderen\s+seite|reviewing|"
    r"going\s+to\s+read|is\s+reading|will\s+read)"
)
# A sentence about these is about a product, a picture or a document, not the assistant:
# "is the model in the photo a real person?", "is the AI-generated invoice valid?".
VETO = (
    r"\b(?:photo|photos|foto|fotos|picture|pictures|image|images|bild|bilder|afbeelding|"
    r"imagem|immagine|mannequin|captcha|reviews?|avis|bewertung\w*|resenas?|recension\w*|"
    r"beoordeling\w*|avaliac\w*|invoice|facture|rechnung|factura|fattura|factuur|fatura|"
    r"delivery\s+note|bon\s+de\s+livraison|lieferschein|albaran|bolla|pakbon|guia|"
    r"washable|wash|lave|laver|waschen|waschbar|lavar|lavare|lavabile|wassen|wasbaar|"
    r"purifier\w*|vacuum\w*|aspirateur|staubsauger|aspiradora|aspirapolvere|stofzuiger|"
    r"aspirador|leather|cuir|leder|cuero|pelle|leer|couro|discount|remise|rabatt|descuento|"
    r"sconto|korting|desconto|offer|angebot|oferta|offerta|aanbieding|promocao|countdown|"
    r"renew\w*|renouvel\w*|verlang\w*|renov\w*|rinnov\w*|verleng\w*|"
    # a watch or a battery is automatic or not; a product's model is asked about
    r"horloge|montre|armbanduhr|reloj|orologio|relogio|battery|batterij|batterie|bateria|"
    r"batteria|accu)\b"
    r"|\b(?:what|which|welk|welches|quel|que|quale)\s+model\w*\s+(?:is\s+(?:this|that|the|my|it)\s+"
    r"(?!(?:ai|bot|chatbot|assistant|chat|thing\s+you)\b)\w+|number|nummer|numero)\b"
)
# Requests for a person that read alike in every language: "is there a human I can talk to?"
_PEOPLE_ANY = (
    r"(?:human|humain|mensch|menschen|humano|umano|mens|person|personne|persona|pessoa|persoon|"
    r"essere\s+umano|ser\s+humano|etre\s+humain|human\s+being|agent|agente|operator|"
    r"operateur|operatore|operador|operadora|operatrice|conseiller|conseillere|mitarbeiter|"
    r"responsable|verantwortliche\w*|verantwoordelijke|supervisor|supervisore|teamleider|"
    r"manager|gestor|"
    r"mitarbeiterin|medewerker|atendente|asesor|asesora|consulente|someone|quelqu'un|jemand|"
    r"alguien|qualcuno|iemand|alguem|anyone|colega|collega|collegue|kollege|kollegin|colleague|"
    r"companero|companera)"
)
# A sentence about these asks for a gift or a delivery, not for a person of the business:
# "a present for a person who has everything", "un regalo para una persona".
PERSON_VETO = (
    r"\b(?:gift|gifts|present|presents|regalo|regalos|presente|presentes|cadeau|cadeaux|"
    r"geschenk|geschenke|cadeaubon|cadeaubonnen|gutschein|voucher|tarjeta\s+regalo|"
    r"vale-presente|buono\s+regalo|carte\s+cadeau)\b"
    # a document sent to the customer's own team: "send the invoice to our accounts team"
    r"|\bsend\s+(?:the|an|my|this|a)\s+(?:invoice|receipt|quote|document|copy)\s+to\s+(?:our|my)\b"
    # whether someone must be home or sign: a question about the delivery, no request
    r"|\b(?:does|do|will|must|should)\s+(?:someone|somebody|anyone|anybody|a\s+person)\s+(?:need\s+to\s+"
    r"|have\s+to\s+)?(?:be\s+(?:home|in|there|present|around)|sign)\b"
    r"|\bmuss\s+jemand\s+(?:zu\s+hause|zuhause|da|anwesend|unterschreiben)\b"
    r"|\b(?:serve|deve\s+esserci)\s+qualcuno\s+(?:che\s+(?:firmi|sia)|a\s+casa|presente)\b"
    r"|\bmoet\s+er\s+iemand\s+(?:thuis|aanwezig|tekenen|zijn)\b"
    r"|\b(?:faut-il|il\s+faut)\s+(?:que\s+)?quelqu'un\s+(?:soit|signe|present)\b"
    r"|\bquelqu'un\s+doit(?:-il)?\s+(?:etre|signer)\b"
    r"|\b(?:tiene\s+que|debe)\s+(?:haber|estar)\s+alguien\b|\bhace\s+falta\s+que\s+alguien\b"
    r"|\b(?:precisa|tem\s+que)\s+(?:ter|estar)\s+alguem\b|\balguem\s+precisa\s+(?:assinar|estar)\b"
)
# Public: a person noun in any language (intents uses it to apply negation to the classifier).
PEOPLE_ANY = _PEOPLE_ANY
GENERIC_PERSON: tuple[str, ...] = (
    # "a person, not an algorithm", "ein Mensch und kein Algorithmus"
    rf"\b{_PEOPLE_ANY}\W+(?:(?:and|und|et|y|e|en)\s+)?(?:not|no|kein|keine|pas|non|niet|geen|nao|"
    r"nicht)\s+(?:by\s+|por\s+|par\s+|da\s+|door\s+)?(?:a|an|un|una|une|ein|einen|einem|een|um|uma)?"
    r"\s*(?:algorithm|algorithmus|algoritmo|algorithme|algoritme|bot|robot|robo|machine|maschine|"
    r"ai|ki|ia|computer|chatbot)\b",
    # "I'd rather discuss this with a person than with an AI"
    r"\b(?:rather|liever|lieber|plutot|prefiero|preferisco|prefiro|preferiblemente|"
    rf"preferibilmente)\b[^.!?]{{0,40}}\b{_PEOPLE_ANY}\b[^.!?]{{0,20}}\b(?:than|dan|als|que|che|"
    r"de|qu'avec|que\s+con|piuttosto)\b[^.!?]{0,15}\b(?:bot|ai|ia|ki|machine|robot|algorithm\w*|"
    r"algoritm\w*|computer|chatbot)\b",
    # "schedule a call from a supervisor", "contacted by someone"
    r"\b(?:call|callback|appel|rappel|anruf|ruckruf|llamada|chiamata|telefonata|telefoontje|"
    r"terugbelafspraak|ligacao|chamada)\s+(?:from|de|d'un|d'une|von|da|van|do|della|del)\s+"
    rf"(?:[\w']+\s+)?{_PEOPLE_ANY}\b",
    r"\b(?:contacted|called|rang|contacte|contactee|rappele|rappelee|kontaktiert|angerufen|"
    r"contactado|contactada|llamado|llamada|contattato|contattata|richiamato|richiamata|benaderd|"
    r"gebeld|teruggebeld|ligado|ligada)\s+(?:par|by|von|por|da|door|pelo|pela)\s+(?:[\w']+\s+)?"
    rf"{_PEOPLE_ANY}\b",
    r"\b(?:is\s+there|are\s+there|y\s+a-t-il|il\s+y\s+a|gibt\s+es|hay|c'e|c\s+e|is\s+er|"
    r"zijn\s+er|ha|tem|existe)\s+(?:[\w'-]+\s+){0,2}?(?:real\s+|vrai\s+|echte[rn]?\s+)?"
    rf"{_PEOPLE_ANY}\s+(?:(?:real|reel|vrai|echt|de\s+verdad|de\s+verdade|vero)\s+)?"
    r"(?:i\s+can|we\s+can|i\s+could|that\s+i\s+can|who\s+i\s+can|avec\s+qui|a\s+qui|"
    r"mit\s+dem|mit\s+der|mit\s+denen|con\s+quien|con\s+el\s+que|con\s+la\s+que|con\s+cui|"
    r"a\s+cui|met\s+wie|die\s+ik|com\s+quem|a\s+quem|que\s+possa)\b",
    rf"\b{_PEOPLE_ANY}\s+(?:[\w'-]+\s+)?(?:available|disponible|disponibile|disponivel|"
    r"beschikbaar|verfugbar|erreichbar|libre|libero|vrij)\b(?:\s+(?:to\s+talk|now|right\s+now|"
    r"today|ahora|maintenant|jetzt|ora|nu|agora))?\s*\?",
)
# Rules that hold in every language: the answer goes in the language detected.
GENERIC_BOT: tuple[str, ...] = (
    # a language model named in a question
    rf"(?:^|[.!?]\s*)[¿¡]?\s*(?:[\w'-]+\s+){{0,6}}(?:{_MODELS})\b[^.!?]{{0,30}}\?"
    rf"|\b(?:you|u|vous|tu|du|sie|usted|tu|lei|je|jij|u|voce|vc)"
    rf"\b[^.!?]{{0,40}}\b(?:{_MODELS})\b",
    r"\b(?:based|built|running|run|runs|powered|made|hecho|hecha|basado|basada|funcionas|"
    r"funciona|usas|utilizas|basiert|basierst|lauft|laufst|fonctionnes|fonctionne|tournes|"
    r"tourne|base|basee|basato|basata|funzioni|funziona|usi|draai|draait|gebaseerd|gebouwd|"
    rf"roda|rodas|baseado|baseada|feito|feita)\b[^.!?]{{0,20}}\b(?:{_MODELS})\b",
    # "... or a bot?" at the end of a question
    r"\b(?:or|ou|oder|o|of)\s+(?:(?:a|an|just|only|avec|un|une|ein|eine|einem|einer|mit|con|"
    r"una|een|met|com|um|uma|nur|juste|solo|so|just|with|to|a\s+un|a\s+una|a\s+um)\s+){0,3}"
    r"(?:bot|robot|robo|chatbot|computer|computador|ordinateur|ia|ai|ki|programme|programm|"
    r"programma|programa|algorithm|algorithme|algorithmus|algoritmo|algoritme|automate|"
    r"automat|automaat)\s*\?",
    # "are the answers automated?", "ce chat est automatise, non ?"
    rf"\b(?:{_THING})\b[^.!?]{{0,40}}\b(?:{_AUTO})\b[^.!?]{{0,30}}\?",
    # "does a human read this?", "liest ein Mensch diese Nachrichten?"
    rf"\b(?:{_HUMAN})\b[^.!?]{{0,25}}\b(?:{_READ})\b[^.!?]{{0,40}}(?:\?|[.]?\s*$)",
    rf"\b(?:{_READ})\b[^.!?]{{0,15}}\b(?:{_HUMAN})\b[^.!?]{{0,40}}(?:\?|[.]?\s*$)",
    # "I have the feeling I'm talking to a machine"
    r"\b(?:impression|feeling|feel\s+like|gevoel|impressione|impressao|gefuhl|eindruck|"
    r"sensacion|sensation|idee|seems\s+like|sounds\s+like|smells\s+like|reads\s+like|klingt|"
    r"sent|suena|sembra|klinkt|parece|riecht)\b[^.!?]{0,50}\b"
    rf"(?:{_BOTWORD}|{_MODELS})\b",
    # "un humain ?", "a bot?", "real person?" as a whole sentence
    r"(?:^|[.!?]\s*)(?:a|an|un|une|ein|eine|una|een|um|uma|just\s+a|nur\s+ein|juste\s+un)?\s*"
    rf"(?:{_BOTWORD}|human|humain|humano|umano|mensch|mens|humana|real\s+person|"
    r"vraie\s+personne|echter\s+mensch|persona\s+real|persona\s+vera|echt\s+mens|"
    r"pessoa\s+real)\s*\?",
    # "are you even a real personn?", "is this chat run by AI", "que tu sois une IA"
    rf"\b{_YOU_ARE}\s+{_GAP}{_NATURE}{_ANY_END}",
    rf"\b{_YOU_ARE}\s+(?:[\w'-]+\s+){{0,3}}?(?:{_MODELS})\b",
    # "am I chatting with an actual employee", "I know I'm messaging an AI"
    rf"\b(?:{_TALK_FIRST}|{_I_AM}\s+(?:[\w'-]+\s+){{0,2}}?{_TALK})\s+(?:[\w'-]+\s+){{0,2}}?"
    rf"(?:{_WITH}\s+)?(?:[\w'&-]+[\s,]+){{0,4}}?{_NATURE}{_ANY_END}",
    # "is a real person behind this chat?", "a computer answering me"
    rf"{_NATURE}\s+(?:[\w'-]+\s+){{0,3}}?{_THERE}[^.!?]*(?:\?|$)",
    rf"\b(?:is|are|there's|theres|there\s+is|y\s+a-t-il|il\s+y\s+a|gibt\s+es|hay|c'e|is\s+er|"
    rf"zit\s+er|tem|ha|esta)\s+"
    rf"(?:there\s+)?(?:[\w'-]+[\s,]+){{0,4}}?{_NATURE}\s+(?:[\w'-]+\s+){{0,3}}?{_THERE}",
    # "your replies are written by a person?", "les reponses sont faites par un robot"
    rf"\b(?:{_THING})\b[^.!?]{{0,40}}\b(?:by|par|von|por|da|door|de|uit|from|dal|della|"
    rf"vom|des|du)\s+(?:(?:a|an|un|une|een|um|uma|einem|einer|el|il|lo|o|uno|una)\s+)?"
    rf"(?:[\w'-]+\s+)?{_NATURE}\b[^.!?]*(?:\?|$)",
    # "is this chat AI-powered?"
    r"\b(?:this|you|chat|replies|answers|responses|conversation|support|service)\b[^.!?]{0,25}"
    r"\b(?:ai|bot|robot|computer|machine|chatbot|ki|ia)[- ](?:powered|driven|generated|run|"
    r"operated|based|gestuurd|gestutzt|basiert|genere|generee|gestito|gestita|gerido)\b",
    r"\b(?:gestit[oa]|run|operated|handled|managed|staffed|gerid[oa]|gestionad[oa]|gere|geree|"
    r"bemand|betreut|beantwortet)\s+(?:by|da|par|por|door|von)\s+(?:[\w'-]+\s+)?"
    rf"{_NATURE}\b",
    # "which AI are you", "what are you, some sort of virtual assistant?"
    r"\b(?:which|what|welche|welches|quelle|quel|que|cual|quale|welk|welke|qual)\s+(?:kind\s+of\s+|"
    r"sort\s+of\s+)?(?:ai|ia|ki|bot|model|ai\s+model|language\s+model|llm|assistant|chatbot|"
    r"modell|modele|modelo|modello|model)\b[^.?!]{0,20}\b(?:are\s+you|r\s+u|is\s+this|bist\s+du|"
    r"sind\s+sie|es-tu|etes-vous|eres|es\s+usted|sei|ben\s+je|bent\s+u|e\s+voce|es\s+tu|"
    r"is\s+dit|est-ce|c'est)\b",
    r"\bwhat\s+(?:are|r)\s+(?:you|u)\s*(?:,|\?|then|exactly|really|actually|anyway|some|a\b|an\b)",
    # "admit it, you're a robot", "geef het maar toe, je bent een geautomatiseerd systeem"
    rf"\b(?:admit|admite|admita|geef\s+(?:het\s+)?(?:maar\s+)?toe|gib\s+(?:es\s+)?zu|"
    rf"geben\s+sie\s+(?:es\s+)?zu|avoue|avouez|ammetti|ammettilo|ammetta|confess|"
    rf"confiesa|confessa|i\s+bet|ik\s+wed|je\s+parie|ich\s+wette|scommetto|aposto|"
    rf"apuesto|i'm\s+sure|im\s+sure|pretty\s+sure|suis\s+sur|ich\s+bin\s+sicher|"
    rf"estoy\s+seguro|estoy\s+segura|sono\s+sicur[oa]|ik\s+weet\s+zeker|tenho\s+certeza|"
    rf"i\s+know|je\s+sais|ich\s+weiss|ik\s+weet|i\s+think|je\s+pense|ich\s+glaube|"
    rf"creo\s+que|penso\s+che|ik\s+denk|acho\s+que|i\s+suspect|ho\s+il\s+sospetto|"
    rf"me\s+da\s+que|me\s+parece\s+que|mi\s+sa\s+che|ik\s+vermoed|je\s+crois\s+que|"
    rf"ich\s+vermute|sospecho|je\s+soupconne|ik\s+vermoed|desconfio)\b[^.!?]{{0,40}}"
    rf"{_NATURE}{_ANY_END}",
    # "C'est automatique ?", "É automático?", "Espera ai, as respostas sao automatizadas"
    rf"\b(?:{_THING_STRICT})\b[^.!?]{{0,30}}\b(?:{_AUTO})\b",
    # "me responde un bot?", "mi sta rispondendo un operatore vero?", "esto lo contesta ..."
    r"\b(?:responde|respondes|contesta|contestas|esta\s+respondiendo|esta\s+contestando|"
    r"atiende|risponde|sta\s+rispondendo|repond|antwortet|antwoordt|esta\s+respondendo|"
    r"esta\s+a\s+responder|answers|is\s+answering|replies|is\s+replying)\s+"
    rf"(?:[\w'-]+\s+){{0,2}}?{_NATURE}{_ANY_END}",
    r"\b(?:is\s+that|that's|thats)\s+what\s+(?:you|u)\s+are\b",
    # "someone on the other end?", "il y a quelqu'un de l'autre cote"
    r"\b(?:someone|somebody|anyone|anybody|quelqu'un|quelqu\s+un|quelquun|jemand|wer|"
    rf"alguien|qualcuno|iemand|alguem)\s+(?:real\s+)?(?:[\w'-]+\s+){{0,4}}?{_THERE}",
    # "c'est automatique ?", "¿es automatico?", "e automatico?"
    r"(?:^|[.!?¿]\s*)¿?\s*(?:c'est|est-ce|es|e|is\s+(?:it|this|that)|ist\s+(?:das|es)|"
    r"is\s+(?:het|dit)|isso\s+e|tout\s+est|todo\s+es|e\s+tutto)\s+(?:tout\s+|todo\s+|"
    r"all\s+|alles\s+|tutto\s+|tudo\s+)?(?:automatic|automatique|automatisch|automatico|"
    r"automatica|automatizado|automatizada|automatizzato|geautomatiseerd|automatisiert|"
    r"automated)\s*\?",
    # "Human or very polite toaster?", "is this Skynet?", "sei Jarvis?"
    r"\b(?:human|mensch|humano|umano|mens|humain|person|persona|pessoa|persoon)\s+(?:or|oder|o|of|"
    r"ou)\s+(?:[\w'-]+\s+){0,3}?(?:bot|robot|robo|machine|maschine|maquina|macchina|computer|"
    r"toaster|tostadora|tostapane|broodrooster|torradeira|grille-pain|ai|ia|ki|program\w*|"
    r"algorithm\w*|algoritm\w*|automat\w*)\b[^.!?]{0,10}\?",
    r"\b(?:you|u|vous|tu|du|sie|usted|eres|sei|lei|je|jij|voce|vc|this|c'est|ist\s+das|is\s+dit)"
    r"\b[^.!?]{0,25}\b(?:skynet|terminator|r2-?d2|c-?3po|hal(?:\s+9000)?|jarvis|wall-?e|roomba|"
    r"toaster|tostadora|tostapane|broodrooster|torradeira|grille-pain|cortana|siri|alexa)\b",
    # "Did they replace the staff with robots? Is that you?", "... robots. Es usted uno de ellos?"
    r"\b(?:robots?|bots?|machines?|ai|ia|ki|roboter|maquinas?|macchine|robos|chatbots?|"
    r"automates?)\b[^?]{0,120}[.!?]\s*[^.!?]{0,30}\b(?:is\s+that\s+you|are\s+you\s+one|"
    r"are\s+you\b|is\s+that\s+so|est-ce\s+votre\s+cas|c'est\s+votre\s+cas|stimmt\s+das|"
    r"bei\s+ihnen|es\s+usted\s+uno|eres\s+uno|vale\s+anche\s+per|lei\s+lo\s+e|"
    r"geldt\s+dat|voor\s+u|voce\s+e\s+um|e\s+o\s+seu\s+caso|e\s+voce|bent\s+u\s+er)",
    # "is machine who write me?", "e robo que escreve para mim?"
    rf"{_NATURE}\s+(?:who|that|que|die|der|qui|che)\s+(?:write|writes|is\s+writing|answer|answers|"
    r"reply|replies|escreve|escribe|schrijft|schreibt|ecrit|scrive|responde|risponde|antwoordt|"
    r"antwortet|repond|respond|responds)\b",
    # "redet hier ne ki mit mir"
    rf"\b(?:redet|spricht|schreibt|chattet|talks?|speaks?|writes?|chats?|parle|ecrit|habla|"
    rf"escribe|parla|scrive|praat|schrijft|fala|escreve)\b[^.!?]{{0,20}}{_NATURE}[^.!?]{{0,10}}"
    r"\b(?:mit\s+mir|with\s+me|avec\s+moi|con\s+me|conmigo|met\s+mij|comigo)\b",
    # "what am I actually talking to?", "a qui j'ai affaire", "met wie ik hier eigenlijk chat"
    r"\bwhat\s+(?:i'm|i\s+am|am\s+i)\s+(?:actually\s+|really\s+|even\s+)?(?:talking|chatting|"
    r"speaking)\s+(?:to|with)\b",
    r"\b(?:a|avec)\s+qui\s+(?:j'ai\s+affaire|je\s+parle|je\s+discute|j'ecris)\b",
    r"\bmet\s+wie\s+ik\s+(?:[\w']+\s+){0,2}(?:chat|praat|spreek)\b",
    r"\bquien\s+me\s+esta\s+(?:contestando|respondiendo|escribiendo|atendiendo)\b",
    r"\b(?:ai|ia|ki)[- ]?(?:dienst|service|servizio|servicio|servico|provider|anbieter)\b"
    r"|\bservice\s+d'ia\b|\bservizio\s+di\s+ia\b|\bservicio\s+de\s+ia\b",
    # "do you use an LLM for the chat?", "nutzt ihr Bots fur den Chat"
    r"\b(?:use|using|usan|usais|usais|usate|nutzt|nutzen|gebruiken|gebruikt|utilisez|utilise|"
    r"usam|usa|usais)\b[^.!?]{0,20}\b(?:llm|llms|gpt|chatgpt|bots?|ai|ia|ki|chatbots?|robots?|"
    r"robos?)\b[^.!?]{0,40}\b(?:chat|clients?|customers?|kunden|clientes|klanten|clienti|"
    r"assistenza|atender|atendimento|support|service)\b",
    # "is Lucia your real name or the bot's?"
    r"\b(?:name|nombre|naam|nome|nom)\s+(?:[\w']+\s+){0,3}(?:bot|chatbot|robot|ai|ia|ki)\b"
    r"[^.!?]{0,10}\?",
    # "one of those chatbots?"
    r"\b(?:one\s+of\s+(?:those|these|them)|uno\s+de\s+esos|una\s+de\s+esas|uno\s+di\s+quei|"
    r"een\s+van\s+die|einer\s+von\s+diesen|um\s+desses|l'un\s+de\s+ces)\s+(?:\w+\s+)?"
    r"(?:chatbots|bots|robots|ais|programs|machines|ki-bots|robos|programas|programmi)\b",
    # "am I being helped by a person?", "word ik geholpen door een mens?"
    rf"\b(?:helped|served|assisted|geholpen|bedient|betreut|atendido|atendida|servito|servita|"
    rf"aide|aidee|assiste)\s+(?:by|door|von|por|da|par|pelo|pela)\s+{_NATURE}",
)


# Function words that say a text may be in a language; a language whose rules could match
# has at least one of them in a text of more than a few words.
MARKERS: dict[str, frozenset[str]] = {
    code: frozenset(words.split())
    for code, words in {
        "en": "the you u are is i im my me to can could with this your please want need and "
        "what who it do am r ur talk speak get give let",
        "fr": "je j vous tu t est le les un une des avec pas suis etes c qui moi mon ma votre "
        "ce parler veux voudrais es ne n y a au",
        "de": "ich sie du ist der die das ein eine einem einen einer mit nicht bin bist und mich "
        "mir bitte ihr ihnen wer wem kann mochte will",
        "es": "yo el la es un una con que eres estoy quiero por favor no me mi hablar usted los "
        "las hay algun alguien del",
        "it": "io il lo la sono sei un una con che voglio vorrei per favore non mi parlare lei "
        "gli di c e chi qualcuno",
        "nl": "ik je jij u het een de met niet ben bent wil praten spreken is mij me graag van "
        "dit er wie iemand",
        "pt": "eu voce vc o a um uma com que nao sou estou quero falar por favor me meu minha "
        "isso e tem alguem do da",
    }.items()
}


# For each rule of GENERIC_BOT, in order: words of which a text must hold one for the rule to
# be tried at all ("" : always tried). Trying a rule costs far more than looking up a word.
_MODEL_WORDS = (
    "chatgpt gpt openai llama mistral chat gemini claude copilot bard llm llms model modell "
    "modele modelo modello taalmodel sprachmodell"
)
_AUTO_WORDS = (
    "automat generat genere generiert gegenereerd generad generan gerad canned scripted "
    "geautomatiseerd vorgefertigt predefini textbaustein"
)
_NATURE_WORDS = (
    "bot bots robot robo robots chatbot ai ia ki machine maschine maquina macchina computer "
    "ordinateur computadora ordenador computador program programme programm programma "
    "programa assistant assistent asistente assistente assistenten human humain humaine mensch "
    "menschen humano humana umano umana mens person personne persona pessoa persoon people "
    "gente employee employe mitarbeiter mitarbeiterin empleado empleada dipendente medewerker "
    "medewerkster funcionario funcionaria staff team operator operateur operatore operador "
    "operadora conseiller conseillere humain being humano umano someone somebody anyone "
    "quelqu jemand wer alguien qualcuno iemand alguem llm chatgpt gpt system systeem systeme "
    "sistema sprachassistent sprachmodell taalmodel modelo modele modello automaton automate "
    "automat automaat antwoordapparaat conversationnel textbausteine intelligence intelligenz "
    "inteligencia intelligenza intelligentie agent agente thing persone personnes personas "
    "pessoas mensen humans humains humanos umani persons member"
)
_READ_WORDS = (
    "read reads reading lira lisent liest lesen lee leen leyendo legge leggono leggera leest "
    "lezen meeleest leem lendo lera sees looks lit le"
)
GENERIC_BOT_ANCHORS: tuple[str, ...] = (
    _MODEL_WORDS,
    _MODEL_WORDS,
    "or ou oder o of",
    _AUTO_WORDS,
    _READ_WORDS,
    _READ_WORDS,
    "impression feeling feel gevoel impressione impressao gefuhl eindruck sensacion sensation "
    "idee seems sounds",
    "",
    _NATURE_WORDS,
    _MODEL_WORDS,
    _NATURE_WORDS,
    _NATURE_WORDS,
    _NATURE_WORDS,
    _NATURE_WORDS,
    "powered driven generated run operated based gestuurd gestutzt basiert genere generee "
    "gestito gestita gerido",
    "gestito gestita run operated handled managed staffed gerido gerida gestionado gestionada "
    "gere geree bemand betreut beantwortet",
    "which what welche welches quelle quel que cual quale welk welke qual",
    "what",
    _NATURE_WORDS,
    _AUTO_WORDS,
    _NATURE_WORDS,
    "what",
    "someone somebody anyone anybody quelqu quelquun jemand wer alguien qualcuno iemand alguem",
    _AUTO_WORDS,
    "human mensch humano umano mens humain person persona pessoa persoon",
    "skynet terminator r2 d2 r2d2 c3po hal jarvis wall roomba toaster tostadora tostapane "
    "broodrooster torradeira grille cortana siri alexa",
    "robot robots bot bots machine machines ai ia ki roboter maquina maquinas macchine robos "
    "chatbot chatbots automate automates",
    _NATURE_WORDS,
    _NATURE_WORDS,
    "what",
    "qui",
    "wie",
    "quien",
    "ai ia ki aidienst kidienst iaservice",
    "use using usan usais usate nutzt nutzen gebruiken gebruikt utilisez utilise usam usa",
    "name nombre naam nome nom",
    "one uno una een einer um l'un",
    "helped served assisted geholpen bedient betreut atendido atendida servito servita aide "
    "aidee assiste",
)
