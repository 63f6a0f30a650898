"""Small word tools for questions built from the notes' structure: head nouns, plurals, counts, stable picks."""

from __future__ import annotations

import hashlib
import itertools
import re
from functools import lru_cache

from lemminflect import getAllLemmas
from wordfreq import zipf_frequency

_COUNT_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
_LEADING = re.compile(
    r"^(?:the|a|an|some|main|major|important|various|different|following|these|those|its|their|our|key|basic"
    r"|mainly|mostly|broadly|basically|primarily|generally|usually"
    r"|\d+|one|two|three|four|five|six|seven|eight|nine|ten|several|many|few|other|list\s+of|there\s+are"
    r"|there\s+is|types?\s+are|kinds?\s+are)\b\s*",
    re.IGNORECASE,
)
_TRAILING = re.compile(
    r"\s*(?:\b(?:are|is|were|was|include|includes|including|as\s+follows|given\s+below|listed\s+below|below"
    r"|namely|like|such\s+as|are\s+as\s+follows|consists?\s+of|comprises?|contains?)\b[\s:.-]*)+$|[\s:.–—-]+$",
    re.IGNORECASE,
)
_VERBISH = re.compile(
    r"\b(?:is|are|was|were|be|been|has|have|had|do|does|did|can|could|will|would|may|might|must|shall|should)\b",
    re.IGNORECASE,
)
_PREPOSITION_START = re.compile(
    r"^(?:with|in|on|at|by|for|from|to|of|into|under|over|during|after|before|when|if|as|through|between|via|outside"
    r"|within|inside|beyond|across|among|regarding|towards?)\b",
    re.IGNORECASE,
)
GENERIC_LABELS = frozenset(
    [
        "concept",
        "description",
        "definition",
        "meaning",
        "examples",
        "example",
        "evidence",
        "features",
        "feature",
        "mechanism",
        "note",
        "notes",
        "fact",
        "facts",
        "function",
        "functions",
        "role",
        "roles",
        "cause",
        "causes",
        "effect",
        "effects",
        "types",
        "type",
        "kinds",
        "kind",
        "key",
        "points",
        "point",
        "limitations",
        "limitation",
        "consequences",
        "consequence",
        "processes",
        "process",
        "hint",
        "complete",
        "answer",
        "importance",
        "factors",
        "factor",
        "challenges",
        "challenge",
        "issues",
        "problems",
        "concerns",
        "way forward",
        "conclusion",
        "introduction",
        "overview",
        "achievements",
        "target",
        "important",
        "imp",
        "goal",
        "limiting factors",
        "trick",
        "memory trick",
        "quick memory trick",
        "mnemonic",
        "tip",
        "tips",
        "extra points",
        "a few extra points",
        "practice questions",
        "practice",
        "fact cards",
        "flashcards",
        "quick revision",
        "revision",
        "remember",
        "to remember",
        "trick to remember",
        "way to remember",
        "uses",
        "use",
        "advantages",
        "disadvantages",
        "significance",
        "properties",
        "characteristics",
        "structure",
        "location",
        "tools",
        "size",
        "covering",
        "full name",
        "composition",
        "made of",
        "occurrence",
        "summary",
        "explanation",
        "reason",
        "reasons",
        "result",
        "results",
        "method",
        "methods",
        "formula",
        "statement",
        "unit",
        "units",
        "source",
        "sources",
        "nature",
        "aim",
        "aims",
        "objective",
        "objectives",
        "purpose",
        "merits",
        "demerits",
        "benefits",
        "drawbacks",
        "criticism",
        "connection",
        "context",
        "applications",
        "application",
        "advantage",
        "disadvantage",
        "benefit",
        "overview",
        "introduction",
        "conclusion",
        "details",
        "remarks",
        "tips",
        "tip",
        "keywords",
        "working",
    ]
)
"""Labels that say which side of the subject above them a line gives ("Examples:", "Concept:"), not a term."""


@lru_cache(maxsize=65536)
def _lemmas(word: str) -> dict[str, tuple[str, ...]]:
    """lemminflect's lemmas of a word by part of speech, once per word (it copies its tables on every call).
    Callers read the result and never change it."""
    return getAllLemmas(word)


def count_word(n: int) -> str:
    return _COUNT_WORDS[n] if 0 <= n < len(_COUNT_WORDS) else str(n)


def coin(seed: str, sides: int) -> int:
    """A stable choice among `sides`, so the same notes always give the same bank."""
    return int(hashlib.sha1(seed.encode("utf-8")).hexdigest()[:8], 16) % max(1, sides)


def stable_order(items: list[str], seed: str) -> list[str]:
    """The items in an order fixed by the seed, each once (by its comparison key), empty ones left out."""
    from quizapp.generate.distractors import normalise

    unique: dict[str, str] = {}
    for item in items:
        key = normalise(item)
        if key and key not in unique:
            unique[key] = item
    return sorted(unique.values(), key=lambda item: hashlib.sha1(f"{seed}\x1f{item}".encode()).hexdigest())


def singular(word: str) -> str:
    lower = word.lower()
    if len(word) <= 3 or lower.endswith(("ss", "us", "is", "ics", "sis")):
        return word
    if lower.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if lower.endswith(("ches", "shes", "xes", "sses", "zes")):
        return word[:-2]
    if lower.endswith("s"):
        return word[:-1]
    return word


_HEAD_END = frozenset(
    [
        "of",
        "in",
        "on",
        "at",
        "by",
        "for",
        "from",
        "to",
        "with",
        "under",
        "over",
        "into",
        "that",
        "which",
        "who",
        "whose",
        "where",
        "and",
        "or",
        "as",
        "than",
        "like",
        "during",
        "after",
        "before",
        "between",
        "among",
        "within",
        "without",
        "against",
        "about",
        "through",
        "via",
    ]
)


def head_word(phrase: str) -> str:
    """The noun a phrase is about: "taxes levied and collected by the Centre" → "taxes", "types of inertia" →
    "types", "State VAT" → "VAT"."""
    words = phrase.split()
    for index, word in enumerate(words):
        lower = word.lower()
        if index and (lower in _HEAD_END or (lower.endswith("ed") and len(lower) > 4)):
            return words[index - 1]
    return words[-1] if words else ""


_LATIN_PLURALS = frozenset(
    [
        "stomata",
        "bacteria",
        "data",
        "criteria",
        "phenomena",
        "media",
        "algae",
        "fungi",
        "nuclei",
        "cacti",
        "alumni",
        "larvae",
    ]
)


def is_plural(phrase: str) -> bool:
    word = head_word(re.sub(r"\s*\([^)]*\)\s*$", "", phrase) or phrase).lower().strip(",.;:()")
    if word in _LATIN_PLURALS:
        return True
    return word.endswith("s") and not word.endswith(("ss", "us", "is", "ics"))


_CLAUSE_VERBS = frozenset(
    [
        "makes",
        "takes",
        "gives",
        "provides",
        "includes",
        "consists",
        "comprises",
        "contains",
        "deals",
        "covers",
        "lists",
        "shows",
        "describes",
        "explains",
        "plays",
        "helps",
        "leads",
        "causes",
        "means",
        "refers",
        "states",
        "says",
    ]
)


def head_noun(text: str) -> str | None:
    """The noun phrase a heading or lead-in names ("The three types of inertia are:" → "types of inertia")."""
    phrase = text.strip()
    for _ in range(3):
        phrase = _TRAILING.sub("", _LEADING.sub("", phrase)).strip()
    phrase = re.sub(r"\s*\([^)]*\)$", "", phrase).strip(" :-–—,.")
    words = phrase.split()
    before_clause = re.split(r"\s(?:that|which|who)\s", phrase, maxsplit=1)[0]
    if not words or len(words) > 10 or _VERBISH.search(before_clause) or _PREPOSITION_START.match(phrase):
        return None
    if any(
        word.lower() in _CLAUSE_VERBS or word.endswith("s") and inflected_verb(word)
        for word in before_clause.split()[1:]
    ):
        return None  # "The GST Council makes recommendations on": a clause, not the name of a set
    if not any(char.isalpha() for char in phrase) or phrase.endswith("?"):
        return None
    if words[0].isupper() and len(words[0]) > 1 or (len(words) > 1 and words[1][:1].isupper()):
        return phrase  # "OSI layers", "Harappan Sites": names keep their capitals
    return phrase[:1].lower() + phrase[1:]


_META_NOUNS = frozenset(
    [
        "flashcards",
        "flashcard",
        "vocabulary",
        "definitions",
        "terms",
        "notes",
        "glossary",
        "questions",
        "answers",
        "points",
        "facts",
        "summary",
        "glance",
        "details",
    ]
)
"""Words of a heading that name the notes themselves, not a kind of thing ("Photosynthesis flashcards")."""


def kind_noun(text: str | None) -> str | None:
    """The singular kind of a list's members from its heading ("Indicators" → "indicator")."""
    noun = head_noun(text) if text else None
    if not noun or any(word in _META_NOUNS for word in noun.lower().split()) or re.search(r"\s(?:and|or|&)\s", noun):
        return None  # "Earthquakes and seismic waves" names two kinds
    if noun.isupper() or re.fullmatch(r"[A-Z]{3,}s", noun):
        noun = noun.lower()  # "INDICATORS", "JOINs": a kind of thing, shouted
    words = noun.split()
    head = head_word(noun)
    if head not in words or not is_plural(noun):
        return None
    cut = words.index(head)
    kind = " ".join([*words[:cut], singular(head)])
    rest = " ".join(words[cut + 1 :])
    return f"{kind} {rest}" if rest.startswith("of ") else kind


_LABEL_START = re.compile(
    r"^(?:connection|relation|relationship|link|comparison|difference|similarity|role|importance|significance"
    r"|contribution|impact|effect|effects|history|background|context)\s(?:to|with|of|between|in|on)\b"
    r"|^(?:historical|key|main|other|additional|general|important|related)\s\w+$",
    re.IGNORECASE,
)


def is_generic_label(term: str) -> bool:
    """ "Examples:", "Historical Context:", "Connection to Continental Drift:": a field about the subject above."""
    clean = term.strip().lower().rstrip(":")
    return clean in GENERIC_LABELS or bool(_LABEL_START.match(clean)) or clean in ("ans", "ans.", "q", "a")


def starts_with_preposition(text: str) -> bool:
    return bool(_PREPOSITION_START.match(text))


def lower_first(text: str) -> str:
    """ "The process …" → "the process …", but "ATP is …" and "Newton's law" keep their capitals."""
    first = text.split(" ", 1)[0]
    if len(first) > 1 and (first[1:].lower() != first[1:] or not first.isalpha()):
        return text
    return text[:1].lower() + text[1:]


def plain_case(text: str) -> str:
    """A header in running text: "Real Name" → "real name", "Protocol Data Unit" → "protocol data unit", but
    "PDU" and "IoT" keep their capitals."""
    return " ".join(word.lower() if word[1:] == word[1:].lower() else word for word in text.split())


_DEFINING = re.compile(
    r"^(?:a|an|the|any|one|two|all|those|that|set|type|kind|process|substance|group|part|unit|form|method|way|state"
    r"|property|ability|tendency|measure|name|term)\b|\b(?:that|which|who|whose|where|in which|by which|used to)\b",
    re.IGNORECASE,
)


_PROPERTY_START = frozenset(
    [
        "red",
        "blue",
        "green",
        "yellow",
        "pink",
        "white",
        "black",
        "orange",
        "purple",
        "violet",
        "brown",
        "grey",
        "gray",
        "colourless",
        "colorless",
        "colorful",
        "sour",
        "bitter",
        "sweet",
        "salty",
        "hot",
        "cold",
        "warm",
        "soft",
        "hard",
        "strong",
        "weak",
        "high",
        "low",
        "fast",
        "slow",
        "large",
        "small",
        "taste",
        "tastes",
        "turn",
        "turns",
        "feel",
        "feels",
        "have",
        "has",
        "contain",
        "contains",
        "completely",
        "partially",
        "fully",
        "mostly",
        "only",
        "always",
        "never",
        "often",
        "usually",
        "very",
        "more",
        "less",
        "most",
        "least",
        "found",
        "located",
        "present",
        "absent",
        "used",
        "made",
    ]
)


def is_definition(body: str) -> bool:
    """Whether a pair's right side says what the term is (a noun phrase), not a property ("Red in acid",
    "Partially ionize", "Taste sour"): anything but an opening adjective, adverb or verb."""
    words = body.split()
    if not words:
        return False
    if _DEFINING.search(" ".join(words[:8])):
        return True
    first = words[0].lower().strip(",.;:")
    return not (first in _PROPERTY_START or first.endswith(("ly", "ed", "ing")) or _PREPOSITION_START.match(first))


@lru_cache(maxsize=65536)
def zipf(word: str) -> float:
    """How common a word is in English on wordfreq's scale (7 for "the", 0 for a word it never saw)."""
    return zipf_frequency(word, "en")


@lru_cache(maxsize=65536)
def readings(word: str) -> frozenset[str]:
    """The parts of speech an English word can be ("NOUN", "VERB", "ADJ", …); empty for a word not known."""
    return frozenset(_lemmas(word.lower()))


_FINITE = frozenset(
    [
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "has",
        "have",
        "had",
        "do",
        "does",
        "did",
        "can",
        "could",
        "will",
        "would",
        "may",
        "might",
        "must",
        "shall",
        "should",
        "became",
        "began",
        "made",
        "took",
        "gave",
        "won",
        "lost",
        "led",
        "fought",
        "built",
        "wrote",
        "came",
        "went",
        "rose",
        "fell",
        "grew",
        "found",
        "held",
        "left",
        "met",
        "ran",
        "saw",
        "set",
        "sent",
        "stood",
        "told",
        "brought",
        "chose",
        "drew",
        "knew",
        "lay",
        "paid",
        "said",
        "sold",
        "spoke",
        "spent",
        "struck",
        "taught",
        "thought",
        "threw",
        "bore",
        "put",
        "let",
        "cut",
        "kept",
        "cost",
        "hit",
        "hurt",
        "shut",
        "spread",
        "split",
        "quit",
        "cast",
        "burst",
    ]
)


_ORDINAL_WORDS = frozenset(
    ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "last", "next"]
)


def verb_only(word: str) -> bool:
    """A word that is a verb and nothing else ("reacts", "belongs", "depletes"); a gerund ("Weathering") names
    a process and counts as a noun."""
    if word.lower().endswith("ing") or word.lower() in _ORDINAL_WORDS:
        return False  # "third" is a verb to the word list ("to third a motion"), an ordinal in notes
    found = readings(word)
    return "VERB" in found and not found & {"NOUN", "ADJ", "PROPN"}


def inflected_verb(word: str) -> bool:
    """A verb form that can carry a sentence: "turns", "discovered", or an auxiliary; "ministers" and
    "weights", plural nouns as much as verbs, do not count."""
    lower = word.lower()
    if lower in _FINITE:
        return True
    lemmas = _lemmas(lower)
    found = lemmas.get("VERB")
    if not found or lower in found:
        return False
    if lower.endswith("s"):
        return "NOUN" not in lemmas
    if lower.endswith(("ed", "en")):
        return True
    # An irregular past ("flew", "began", "fought"), not a participle in -ing nor a noun or adjective as well
    # ("saw", "left").
    return not lower.endswith("ing") and "NOUN" not in lemmas and "ADJ" not in lemmas


_OBJECT_START = frozenset(
    {"a", "an", "the", "its", "their", "his", "her", "this", "these", "down", "up", "out", "off", "away"}
)
_PLURAL_PRONOUNS = frozenset({"they", "we", "you", "i", "these", "those", "both", "many", "most", "some", "all"})


def _plural_present(previous: str, word: str, following: str = "") -> bool:
    """A verb in the present after a plural subject: "acids taste", "they turn"; a word that is a noun as well
    only before what opens an object ("the weights exhibit a binary system", "inscriptions mention the …")."""
    lower = word.lower()
    lemmas = _lemmas(lower)
    if lower not in lemmas.get("VERB", ()):
        return False
    if "NOUN" in lemmas and "ADJ" not in lemmas and lower not in _COMMON_VERBS and following not in _OBJECT_START:
        return False
    before = previous.lower()
    return before in _PLURAL_PRONOUNS or (
        before.endswith("s")
        and not before.endswith("ss")
        and before not in _DETERMINERS  # "its state": a possessive, not a plural subject
        and before not in ("is", "was", "has", "does", "as", "thus", "plus", "us", "always", "perhaps")
        and ("NOUN" in _lemmas(before) or (not _lemmas(before) and set(lemmas) == {"VERB"}))
    )  # "Seismometers detect": a plural the word list does not know, before a word that is only a verb


def _singular_present(previous: str, word: str, following: str = "") -> bool:
    """A verb in -s after a singular noun: "time means", "programme plans to" (both also plural nouns): a common
    verb, or any verb followed by what follows verbs ("to", an article)."""
    lower, before = word.lower(), previous.lower()
    if not lower.endswith("s") or before.endswith("s") or before in _DETERMINERS:
        return False
    lemmas = _lemmas(lower).get("VERB", ())
    if not lemmas or "NOUN" not in _lemmas(before):
        return False
    return any(lemma in _COMMON_VERBS for lemma in lemmas) or following in _AFTER_VERB


_AFTER_VERB = frozenset(
    [
        "to",
        "the",
        "a",
        "an",
        "that",
        "its",
        "their",
        "his",
        "her",
        "this",
        "these",
        "those",
        "for",
        "on",
        "in",
        "at",
        "by",
        "with",
        "from",
        "into",
        "through",
        "over",
        "about",
        "as",
    ]
)


_DETERMINERS = frozenset(
    [
        "a",
        "an",
        "the",
        "this",
        "that",
        "these",
        "those",
        "its",
        "their",
        "his",
        "her",
        "our",
        "your",
        "my",
        "some",
        "any",
        "each",
        "every",
        "no",
    ]
)
_COMMON_VERBS = frozenset(
    [
        "taste",
        "turn",
        "feel",
        "form",
        "move",
        "change",
        "release",
        "help",
        "cause",
        "allow",
        "contain",
        "produce",
        "provide",
        "act",
        "show",
        "make",
        "take",
        "give",
        "occur",
        "lie",
        "travel",
        "depend",
        "require",
        "regulate",
        "conduct",
        "react",
        "dissolve",
        "exist",
        "become",
        "remain",
        "grow",
        "use",
        "need",
        "mean",
        "state",
        "stay",
        "keep",
        "lead",
        "result",
        "increase",
        "decrease",
        "rise",
        "fall",
        "reach",
        "enter",
        "leave",
        "pass",
        "carry",
    ]
)
_BEFORE_PARTICIPLE = frozenset(
    [
        "newly",
        "the",
        "a",
        "an",
        "be",
        "been",
        "being",
        "is",
        "are",
        "was",
        "were",
        "has",
        "have",
        "had",
        "duly",
        "well",
        "so",
        # after a preposition or a possessive, "-ed" is an adjective: "for shared prosperity", "of its limited use"
        "for",
        "of",
        "in",
        "on",
        "at",
        "with",
        "from",
        "to",
        "into",
        "by",
        "under",
        "over",
        "between",
        "among",
        "without",
        "within",
        "through",
        "its",
        "their",
        "his",
        "her",
        "our",
    ]
)


def has_verb(text: str) -> bool:
    """Whether a sentence has a finite verb, so it states something and is no label or formula ("Discovered
    by …" opens with a participle and states nothing without its subject; "newly elected" is no verb)."""
    return finite_verb(text) is not None


def finite_verb(text: str) -> str | None:
    """The sentence's first finite verb as written ("turn" of "Bases turn red litmus blue"), or None."""
    # "J-shaped" and "wheel-turned" are one word, an adjective; ", coiled." after a comma is a participle too.
    text = re.sub(r"\b[A-Za-z]+(?:-[A-Za-z]+)+\b", "X", text)
    text = re.sub(r",\s[a-z]+(?:ed|en)(?=[.;]?$)", "", text.strip())
    words = re.findall(r"[A-Za-z]+", text)
    if not words:
        return None
    if words[0].lower() in _FINITE:
        return words[0]
    for index, (previous, word) in enumerate(itertools.pairwise(words)):
        if word[:1].isupper():
            continue  # "United States": a name's word, not a verb
        following = words[index + 2].lower() if index + 2 < len(words) else ""
        if _plural_present(previous, word, following) or _singular_present(previous, word, following):
            return word  # "Acids taste sour", "They turn blue litmus red", "a longer contact time means"
        if previous.lower().endswith("ly") and index > 0 and "ADV" in readings(previous.lower()):
            subject = words[index - 1]  # "UV radiation directly affects": the verb after an adverb
            if _plural_present(subject, word, following) or _singular_present(subject, word, following):
                return word
            if word.lower().endswith("s") and "VERB" in _lemmas(word.lower()) and "NOUN" in _lemmas(subject.lower()):
                return word  # "the sun directly affects …": an adverb then a verb in -s, after a noun
        if not inflected_verb(word) or previous.lower() in _DETERMINERS or previous.lower() in _SIDES:
            continue  # "the left side", "upper left part": after a determiner or a side, a word is no verb
        if word.lower() in _FINITE or not word.lower().endswith(("ed", "en")):
            return word
        if following == "by" and previous[:1].islower() and "NOUN" in readings(previous.lower()):
            continue  # "238 members elected by the states", "opening guarded by …": a participle after its noun
        if previous.lower() not in _BEFORE_PARTICIPLE and not previous.lower().endswith("ly"):
            return word
    return None


_SIDES = frozenset({"upper", "lower", "far", "top", "bottom", "extreme", "centre", "center", "middle"})

_CONSISTS = re.compile(
    r"^(?:[^,]{0,40},\s)?(?P<subject>[A-Za-z][^,:]{2,60}?)\s(?:consists?\sof|comprises?|is\scomposed\sof"
    r"|are\scomposed\sof|is\sdivided\sinto|are\sdivided\sinto|can\sbe\sdivided\sinto|is\smade\sup\sof"
    r"|are\sclassified\sinto|has|have)\s(?:the\sfollowing\s)?(?:(?P<count>\d+|two|three|four|five|six|seven|eight"
    r"|nine|ten)\s)?(?P<noun>[a-z][\w\s-]{2,40}?)\s*:?$"
)
_FOLLOWING = re.compile(r"\bthe\sfollowing\s(?P<noun>[a-z][\w\s'’-]{2,80}?)\s*:?$")


def lead_noun(text: str) -> str | None:
    """The set a lead-in sentence names: "Under the Constitution, the Parliament of India consists of three
    parts:" → "parts of the Parliament of India"; "… lays down the following qualifications for …:" →
    "qualifications for …"."""
    text = text.strip()
    match = _CONSISTS.match(text)
    if match and is_plural(match["noun"]):
        subject = match["subject"]
        subject = subject[:1].lower() + subject[1:] if subject.split()[0] in ("The", "A", "An") else subject
        return f"{match['noun'].strip()} of {subject}"
    bare = re.match(r"^(?P<subject>[A-Z][^,:]{2,60}?)\s(?:consists?\sof|comprises?|is\scomposed\sof)\s*:?$", text)
    if bare:
        subject = bare["subject"]
        subject = subject[:1].lower() + subject[1:] if subject.split()[0] in ("The", "A", "An") else subject
        return f"members of {subject}"
    match = _FOLLOWING.search(text)
    if match and is_plural(match["noun"].split(" for ")[0].split(" of ")[0]) and len(match["noun"].split()) <= 12:
        return match["noun"].strip()
    return None


def main_clause(text: str) -> str:
    """A sentence without its parentheses and relative clauses: what is left must carry the verb."""
    text = re.sub(r"\([^)]*\)", " ", text)
    return re.sub(
        r"\b(?:that|which|who|whom|whose|when|where|if|unless|because|although|(?:as|so)\s(?:far|long)\sas)\b"
        r"(?!\s[A-Z][a-z]+\s(?:the\s)?[A-Z])[^,;]*",  # "Substances that Deplete the Ozone Layer" is a name's part
        " ",
        text,
    )


def states_something(phrase: str) -> bool:
    """Whether a definition's right side is a clause ("Plates move apart") rather than a noun phrase, a
    participle after its noun aside ("rock formed when magma cools", "organelles found in plants")."""
    main = main_clause(phrase)
    main = re.sub(r"^([A-Za-z-]+(?:\s[A-Za-z-]+){0,2})\s[a-z]+(?:ed|en)\b", r"\1", main)
    return has_verb(main)


_SHORTHAND = re.compile(
    r"\b(?:[a-z]{1,3}/[a-z]{1,4}|\d+(?:day|days|yr|yrs)|maj|b/w|w\.r\.t|acc|rej)\b|[a-z]{2}\.[A-Z][a-z]|[a-z],(?=[A-Za-z])"
)


_PERSON_POSSESSIVE = re.compile(r"\b[Tt]he\s([A-Z][a-z]+)[’']s\b")
"""“the Babur’s victory”: an article before a person's possessive, where "the Earth's surface" is English."""
_STRAY_QUOTE = re.compile(r"(?<=[.!?])\s?[’'”](?=\.?$)")


_LETTERS = "abcdefghijklmnopqrstuvwxyz"


@lru_cache(maxsize=8192)
def _respelled(word: str) -> str | None:
    """The common English word one slip away from a word English does not know ("indicaters" → "indicators",
    "sequecing" → "sequencing"); None where there is none, or the word is a term of its own ("chyme", "dhamma").
    Only words no English text spells so are mended: "cemetry" is a slip, but one that as rare a term as
    "plastids" cannot be told from."""
    if len(word) < 6 or readings(word) or zipf(word) > 0:
        return None  # a word some text spells so ("plastids", "reflation", "tranches") is left as written
    edits = {word[:i] + word[i + 1 :] for i in range(len(word))}
    edits |= {word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1)}
    edits |= {word[:i] + c + word[i + 1 :] for i in range(len(word)) for c in _LETTERS}
    edits |= {word[:i] + c + word[i:] for i in range(len(word) + 1) for c in _LETTERS}
    found = [
        (len(edit) == len(word), zipf(edit), edit)  # "indicators" for "indicaters", though "indicates" is commoner
        for edit in edits
        if edit[0] == word[0] and edit[-1] == word[-1] and edit != word and zipf(edit) >= 3.3 and readings(edit)
    ]
    return max(found)[2] if found else None


_ABBREVIATIONS = {
    "govt": "government",
    "govts": "governments",
    "yr": "year",
    "yrs": "years",
    "approx": "approximately",
    "approx.": "approximately",
    "b/w": "between",
    "w/o": "without",
    "w.r.t.": "with respect to",
    "w.r.t": "with respect to",
    "esp.": "especially",
    "incl.": "including",
    "acc. to": "according to",
    "cttee": "committee",
    "reqd": "required",
    "thru": "through",
    "bcoz": "because",
    "intl": "international",
    "natl": "national",
    "Amd": "Amendment",
    "Parl": "Parliament",
    "Prez": "President",
    "maj": "majority",
    "mgmt": "management",
    "cant": "cannot",
    "doesnt": "does not",
    "dont": "do not",
}
_ABBREVIATION = re.compile(
    r"(?<![\w./])(?:"
    + "|".join(re.escape(key) for key in sorted(_ABBREVIATIONS, key=len, reverse=True))
    + r")(?![\w/])"
)


def spell_out(text: str) -> str:
    """The notes' common shorthand written out ("govt" → "government", "b/w" → "between", "42nd Amd" → "42nd
    Amendment"): a question is read by someone who did not write the notes."""
    return _ABBREVIATION.sub(lambda match: _ABBREVIATIONS[match.group(0)], text)


def mend_spelling(text: str) -> str:
    """The notes' slips of spelling mended ("Natural indicaters are …" → "Natural indicators are …"); names and
    the notes' own terms as written."""

    def mend(match: re.Match[str]) -> str:
        word = match.group(0)
        opening = match.start() == 0 and len(text.split()) >= 4 and word[:1].isupper() and word[1:].islower()
        if not (word.islower() or opening):
            return word  # "Chillas" inside a sentence, "Multai, Betul" as a choice: names
        found = _respelled(word.lower())
        if found is None:
            return word
        return found if word.islower() else found.capitalize()

    return re.sub(r"(?<![\w'’-])[A-Za-z]{6,}(?![\w'’-])", mend, spell_out(text))


def tidy_slips(text: str) -> str:
    """A sentence with the slips a copy-and-paste leaves mended: “the Babur’s victory … in 1526.’” → “Babur’s
    victory … in 1526.” (the stray quote, and the article before a person's name); anything else as written."""
    mended = _STRAY_QUOTE.sub("", text).rstrip(".") + "." if _STRAY_QUOTE.search(text) else text
    if mended.count("“") != mended.count("”") or mended.count('"') % 2:
        return text  # a quote the sentence opens is not a stray one
    return _PERSON_POSSESSIVE.sub(lambda m: m.group(0) if _common(m.group(1)) else m.group(0)[4:], mended)


def _common(word: str) -> bool:
    """ "Earth", "Sun", "Constitution": a capitalised word English also knows in lower case."""
    return bool(readings(word.lower())) or zipf(word.lower()) >= 3


def clean_sentence(text: str, known: frozenset[str] = frozenset(), names: frozenset[str] = frozenset()) -> bool:
    """A sentence fit to be a question's model: no note shorthand ("14day", "acc/rej", "paper.It"), and no word
    that English does not know in lower case (a misspelling: "nuetral", "appling"), terms the notes stress aside."""
    if _SHORTHAND.search(text) or re.search(r"\b(\w+), \1\b", text):
        return False  # shorthand, or "India, Pakistan, Pakistan": a slip copied from somewhere
    slip = any(not _common(m.group(1)) for m in _PERSON_POSSESSIVE.finditer(text))
    if slip or re.search(r"[.!?]\s?[’'”]\.?$", text):
        return False  # "the Babur’s victory", "… in 1526.’": a slip a question would copy
    if names and any(word.capitalize() in names for word in re.findall(r"\b[a-z]{3,}\b", text)):
        return False  # "into india", "the mughal reign": a name the notes capitalise elsewhere, written carelessly
    for word in re.findall(r"(?<![-'’])\b[a-z]{4,}\b(?![-'’])", text):
        if word not in known and zipf(word) == 0 and not readings(word):
            return False
    return True
