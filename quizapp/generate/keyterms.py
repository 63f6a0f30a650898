"""Key terms of the notes in lower case as in capitals: heading words, stressed and defined terms, and words
the notes keep coming back to. A sentence that gave no other question is asked through its key term."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from quizapp.generate.draft import BLANK, Draft
from quizapp.generate.nouns import has_verb, readings, verb_only, zipf

_COMMON = 3.6
"""Zipf frequency (wordfreq's log scale: 3 is once per million words) below which a word is a term of the
subject rather than of everyday English."""
_EVERYDAY = 5.5
_HEAD = 4.5
"""The last word of a term that is not stressed by the notes must be this uncommon: "launch agencies" is no
term of a subject, "hydrochloric acid" is."""

# fmt: off
_STOP = frozenset(["a", "an", "the", "and", "or", "but", "nor", "of", "to", "in", "on", "at", "for", "by", "with", "from", "into", "onto", "over", "under", "about", "above", "below", "between", "through", "during", "after", "before", "since", "until", "while", "as", "than", "then", "so", "such", "that", "this", "these", "those", "it", "its", "they", "them", "their", "there", "here", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "do", "does", "did", "can", "could", "will", "would", "may", "might", "must", "shall", "should", "not", "no", "yes", "also", "very", "more", "most", "less", "least", "many", "much", "some", "any", "each", "every", "all", "both", "either", "neither", "other", "another", "same", "own", "only", "just", "even", "still", "yet", "again", "ever", "never", "always", "often", "usually", "sometimes", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "first", "second", "third", "new", "old", "high", "low", "large", "small", "big", "great", "good", "well", "which", "who", "whom", "whose", "what", "when", "where", "why", "how", "if", "because", "although", "though", "however", "therefore", "thus", "hence", "i", "we", "you", "he", "she", "him", "her", "his", "our", "your", "my", "me", "us", "called", "known", "used", "use", "uses", "using", "made", "make", "makes", "found", "find", "given", "give", "gives", "like", "up", "down", "out", "off", "way", "ways", "part", "parts", "type", "types", "kind", "kinds", "form", "forms", "example", "examples", "e.g", "etc", "i.e", "namely", "various", "several", "certain", "different", "important", "main", "major", "number", "numbers", "called", "include", "includes", "including", "per", "called", "case", "cases", "produces", "produce", "helps", "help", "turns", "turn", "becomes", "become", "causes", "cause", "contains", "contain", "provides", "provide", "allows", "allow", "forms", "form", "takes", "take", "gives", "makes", "occurs", "occur", "moves", "move", "shows", "show", "acts", "act", "leads", "lead", "results", "result", "plays", "play"])
# fmt: on
_SETS_APART = re.compile(
    r"\b(?:only|cannot|can't|not|never|first|last|unlike|whereas|fastest|slowest|largest|smallest|longest|shortest"
    r"|highest|lowest|most|least|faster|slower|larger|smaller|longer|shorter|higher|lower)\b",
    re.IGNORECASE,
)
"""Words by which a statement sets its term apart from its rival: swapped, the statement is false."""

_NAME_NEIGHBOUR = re.compile(
    r"\b(?!(?:A|An|The|In|On|At|For|By|To|Of|And|Or|But|As|If|When|While|Since|With|From|Under|Unlike|Like)\s)"
    r"[A-Z][\w-]*\s$"
)
_NAME_START = re.compile(r"^\s[A-Z][a-z]")
_PRONOUN = re.compile(r"\b(?:his|her|he|she|him)\b", re.IGNORECASE)
_POINTS_BACK = re.compile(
    r"\b(?:this|these|those|such|following|the\sabove)\s+[a-z]+"
    r"|\bthat\s+(?!(?:we|you|they|he|she|it|i|the|a|an|is|are|was|were|can|could|will|would|may|might|has|have|had"
    r"|do|does|did)\b)[a-z]+",
    re.IGNORECASE,
)
"""“this process”, “that year”: a thing named before the sentence; but “the food that we eat” only relates."""
_WORD = re.compile(r"[^\W\d_][\w’'-]*[^\W_]|[^\W\d_]")


def _words(text: str) -> list[str]:
    return [w.casefold() for w in _WORD.findall(text)]


def _terms(words: list[str]) -> Iterable[str]:
    for size in (1, 2, 3):
        for start in range(len(words) - size + 1):
            gram = words[start : start + size]
            if gram[0] in _STOP or gram[-1] in _STOP or len(gram[-1]) < 3:
                continue
            yield " ".join(gram)


class KeyTerms:
    """How often each term (one to three words) occurs in the notes, and which the notes stress."""

    def __init__(self, texts: Iterable[str], stressed: Iterable[str]) -> None:
        self.counts: Counter[str] = Counter()
        for text in texts:
            self.counts.update(set(_terms(_words(text))))
        self.stressed = {" ".join(_words(term)) for term in stressed if 1 <= len(term.split()) <= 4}
        self._last: dict[tuple[str, int], list[str]] | None = None
        self._said: tuple[str, str] | None = None

    def _by_last(self) -> dict[tuple[str, int], list[str]]:
        """The terms named at least twice, by their last word and length: where a term's rivals are looked up."""
        if self._last is None:
            self._last = {}
            for other, count in self.counts.items():
                words = other.split()
                if count >= 2 and len(words) >= 2:
                    self._last.setdefault((words[-1], len(words)), []).append(other)
        return self._last

    def has_rival(self, term: str) -> bool:
        """Whether the notes name another term ending in the same word ("lok sabha" for "rajya sabha")."""
        words = term.split()
        if len(words) < 2:
            return False
        return any(other != term for other in self._by_last().get((words[-1], len(words)), []))

    def rivals(self, term: str) -> list[str]:
        """Other terms of the notes ending in the same word, as often named ("s waves" for "p waves")."""
        words = term.split()
        if len(words) < 2:
            return []
        return sorted(
            other
            for other in self._by_last().get((words[-1], len(words)), [])
            if other != term and other.split()[0] not in _STOP and zipf(other.split()[0]) < 6
        )

    def swapped(self, statement: str, notes: str) -> tuple[str, str, str] | None:
        """The statement made false by a rival term in place of its own, where the statement sets its term apart
        ("only", "cannot", "fastest", "first") and the notes nowhere say the same of the rival: (false statement,
        the right term, the wrong one as put in). None where no such swap is safe."""
        specific = _SETS_APART.search(statement) or re.search(r"\d|\b(?:is|are|was|were)\sthe\b", statement)
        if (
            not specific
            or re.search(r"\b(?:can|may|could|might)\b(?!\s+only)", statement)
            and not re.search(r"\b(?:only|cannot|can't)\b", statement)
        ):
            return None  # "The Rajya Sabha can discuss …": the Lok Sabha can too; a number or "only" sets it apart
        spans = [(m.start(), m.end(), m.group(0)) for m in _WORD.finditer(statement)]
        if self._said is None or self._said[0] is not notes:
            self._said = (notes, " ".join(_words(notes)))  # once per document, not once per statement
        said = self._said[1]
        for size in (3, 2):
            for index in range(len(spans) - size + 1):
                window = spans[index : index + size]
                start, end = window[0][0], window[-1][1]
                term = " ".join(w.casefold() for _, _, w in window)
                rivals = [r for r in self.rivals(term) if r not in statement.casefold()]
                if self.counts.get(term, 0) < 2 or len(rivals) != 1:
                    continue  # one rival only: among several, another might be true as well
                written = statement[start:end]
                if re.match(r"\s(?:or|and|\()", statement[end:]):
                    continue  # "Rajya Sabha or Council of States is …": the other name says which, swapped or not
                if not all(word[:1].isupper() for word in written.split() if word.lower() not in _STOP):
                    continue  # "light energy" for "chemical energy": common words, whose swap may mean nothing
                rival = (
                    rivals[0] if written[:1].islower() else " ".join(w[:1].upper() + w[1:] for w in rivals[0].split())
                )
                after = " ".join(_words(statement[end:])[:3])
                if after and f"{rivals[0]} {after}" in said:
                    continue  # the notes say it of the rival too
                return statement[:start] + rival + statement[end:], written, rival
        return None

    def score(self, term: str) -> float:
        """How much a term is worth blanking: stressed by the notes, repeated in them, rare in English.

        A term is asked only if the notes stress it or it holds a word rare in everyday English ("litmus",
        "hydrochloric acid"), so "the ____ of an object" is never asked for "force"."""
        count = self.counts.get(term, 0)
        stressed = term in self.stressed
        words = term.split()
        rarity = max(0.0, _COMMON - min(zipf(word) for word in words))
        if words[-1].endswith("ly") or zipf(words[-1]) >= (_EVERYDAY if stressed else _HEAD):
            return 0.0  # an adverb, or an everyday word closing the term ("hydrochloric acid which")
        if not stressed and rarity == 0:
            return 0.0
        return (4 if stressed else 0) + min(count, 4) + 2 * rarity + 0.5 * (len(words) - 1)


def _rival(text: str, start: int, end: int, last: str) -> bool:
    """Another name of the sentence ending in the same word ("Lok Sabha" beside a blank for "Rajya Sabha"): the
    blank asks which of the two."""
    rest = (text[:start] + " " + text[end:]).casefold()
    return bool(re.search(rf"\b[^\W\d_]+\s{re.escape(last)}\b", rest))


def _noun_phrase(words: list[str]) -> bool:
    """No verb inside the blank: "body B reacts", "belongs to Protohistoric" and "person swims" are clauses;
    and a noun to end it: "applied unbalanced" and "evidence of pictographic" leave their noun outside."""
    if any(verb_only(word) for word in words):
        return False
    last = readings(words[-1])
    if last and "NOUN" not in last and "PROPN" not in last:
        return False
    if len(words) > 1 and words[-1].endswith("s") and not words[-2].endswith("s"):
        last = readings(words[-1])
        if "VERB" in last and "NOUN" in readings(words[-2]) and "ADJ" not in readings(words[-2]):
            return False  # "person swims": a noun and then a verb that could be a plural
    # "starts mission-mode computerisation"
    return not (len(words) > 1 and words[0].endswith("s") and "VERB" in readings(words[0]))


_MODAL_OR_TO = frozenset(
    ["to", "will", "would", "can", "cannot", "could", "may", "might", "must", "shall", "should", "not", "does", "did"]
)


def _whole_phrase(text: str, start: int, end: int, words: list[str], terms: KeyTerms) -> bool:
    """A blank that takes a whole noun phrase: not half of one ("former West Bengal finance ____", "____
    activities", "the ____ layer"), not a verb ("not “____” back", "cannot ____", "by ____ the petals"), not a
    possessive, not the first item of a list ("i.e. ____, data link, and network")."""
    previous = re.findall(r"[\w’'-]+|[^\w\s]", text[:start])
    following = re.findall(r"[\w’'-]+|[^\w\s]", text[end:])
    prev = previous[-1] if previous else ""
    nxt = following[0] if following else ""
    if text[:start].endswith("/") or text[end:].startswith("/"):
        return False  # "States/____": one half of a pair the other half gives away
    if prev.lower() in _MODAL_OR_TO:
        return False  # "cannot ____", "to ____": a verb's place
    if prev and prev[:1].isalpha() and prev.lower() not in _STOP and prev[:1].islower():
        found = readings(prev)
        if found and ("NOUN" in found or "ADJ" in found) and not re.search(r"(?:s|ed|en|ing)$", prev):
            return False  # "finance ____": the word before belongs to the phrase
    if prev in ("and", "or") and len(previous) >= 2 and previous[-2][:1].islower():
        found = readings(previous[-2])
        if found and "ADJ" in found and not previous[-2].endswith("s"):
            return False  # "most influential and ____ dynasties": the blank shares its noun with the word before
    if nxt and nxt[:1].isalpha() and nxt.lower() not in _STOP and nxt[:1].islower():
        found = readings(nxt)
        if found and "NOUN" in found and not (nxt.endswith("s") and "VERB" in found):
            return False  # "____ activities", "____ layer": the noun after the blank is its head
    if text[end:].startswith(("’s", "'s")) or words[-1].endswith(("’s", "'s")):
        return False
    term = " ".join(words)
    if term not in terms.stressed and re.search(r"(?:ed|en|ing)$", words[0]) and "NOUN" not in readings(words[0]):
        return False  # "washed", "driven by convection", "soaking the petals": a verb form, no term
    if nxt == "," and re.match(r"\s*,(?:[^,.;]{1,40},){0,8}[^,.;]{1,40},?\s(?:and|or)\s", text[end:]):
        return False  # the first item of a list
    written = text[start:end].split()
    if written and written[-1][:1].isupper() and nxt[:1].isupper() and nxt.isalpha():
        return False  # "finance minister ____ Dasgupta": the blank ends inside a name
    if written and written[0][:1].isupper() and prev[:1].isupper() and prev.isalpha() and len(previous) > 1:
        return False  # "West Bengal ____": the blank starts inside a name
    formula = [bool(re.search(r"\d|[A-Z].*[A-Z]", word)) for word in written]
    if len(written) > 1 and any(formula) and not all(formula):
        return False  # "sodium hydroxide NaOH": a name and its formula, two answers in one
    if len(written) > 1 and re.search(r"\d|[A-Z][a-z]*[A-Z]", written[-1]) and not written[0][:1].isupper():
        return False
    return not re.match(r"\s(?:and|or|&)\s[A-Z]", text[end:]) or not written[-1][:1].isupper()


def keyterm_cloze(text: str, terms: KeyTerms, topic: str = "", dominant: frozenset[str] = frozenset()) -> Draft | None:
    """The sentence with its most important term blanked, if it has one that occurs nowhere else in it.

    A word of the section's heading is never the blank: "____ seals were found" under "Harappan Seals" asks
    what the heading already says."""
    if text.rstrip().endswith(":") or not has_verb(text) or re.search(r"\s[-–—]\s", text) or _PRONOUN.search(text):
        return None  # a lead-in, a label or a formula: no statement to ask about
    topic_words = set(_words(topic))
    topic_stems = {word[:5] for word in topic_words if len(word) >= 5}  # "Harappans" for "Harappan"
    best: tuple[float, int, int] | None = None
    spans = [(m.start(), m.end(), m.group(0).casefold()) for m in _WORD.finditer(text)]
    for size in (3, 2, 1):
        for index in range(len(spans) - size + 1):
            window = spans[index : index + size]
            words = [w for _, _, w in window]
            if words[0] in _STOP or words[-1] in _STOP or len(words[-1]) < 3:
                continue
            start, end = window[0][0], window[-1][1]
            if not re.fullmatch(r"[^\W\d_][\w’'\s-]*", text[start:end]):
                continue
            term = " ".join(words)
            if any(word in topic_words or word[:5] in topic_stems for word in words) or not _noun_phrase(words):
                continue
            if _rival(text, start, end, words[-1]):
                continue  # "only in the Lok Sabha and not in the ____": the rival in the stem leaves one answer
            if any(word in dominant for word in words) and not terms.has_rival(term):
                continue  # what the notes are about ("ozone"): a blank anyone fills, unless the notes name a rival
                # ("Rajya Sabha" beside "Lok Sabha"), which the student must tell apart
            if size == 1 and words[0].endswith("ing") and term not in terms.stressed:
                continue  # "Both sides are ____ to push …": a verb's -ing form
            if "of" in words[1:-1] and zipf(words[0]) >= 4.5:
                continue  # "bank of Ravi": the common noun belongs to the sentence, the name to the blank
            before_words = text[:start].split()
            if before_words and before_words[-1].lower() in ("a", "an"):
                continue  # "X is a ____": a category, which other words fit as well
            if index == 0 and re.search(r"\b(?:also|too|another|other)\b", text):
                continue  # "____ can also cause …": others do as well
            score = terms.score(term)
            if score <= 0 or text.casefold().count(term) > 1:
                continue
            before = text[:start].rstrip()[-1:]
            after = text[end:].lstrip()[:1]
            if before == "," and after == ",":
                continue  # one item of a list blanked out of it
            if not _whole_phrase(text, start, end, words, terms):
                continue
            if (
                _NAME_NEIGHBOUR.search(text[:start])
                and text[start].isupper()
                or (text[start].isupper() and _NAME_START.match(text[end:]))
            ):
                continue  # half of a name ("Lok ____")
            # A lone word inside a phrase ("blue ____ red") is a blank in a silly place, unless it is the subject
            # or object of its clause.
            inside = size == 1 and (before.isalpha() or after.isalpha()) and not (before == "" or after in ".,;")
            if inside and not text[:start].rstrip().lower().endswith((" is", " are", " the", " called", " as", " of")):
                continue
            if index == 0 and size == 1 and text[start:end][0].isupper() and score < 4:
                continue  # a lone capitalised opening word is rarely the point of the sentence
            if best is None or score > best[0]:
                best = (score, start, end)
    if best is None or _POINTS_BACK.search(text):
        return None
    _, start, end = best
    answer = text[start:end]
    prompt = text[:start] + BLANK + text[end:]
    if len(re.findall(r"\w+", prompt)) < 5:
        return None
    return Draft("cloze", prompt, answer, ["term"], None, score=0.85)
