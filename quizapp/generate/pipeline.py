"""Document → Bank: resolve each sentence's subject, find facts, draft questions, filter, give stable ids."""

from __future__ import annotations

import os
import random
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from quizapp.bank import Bank, BankQuestion, dump_bank
from quizapp.bank.ids import deck_prefix, stable_id
from quizapp.bank.load import check_text
from quizapp.documents import read_document
from quizapp.documents.model import Document, DocumentError
from quizapp.documents.outline import Outline, read_outline
from quizapp.generate import ranking, shapes
from quizapp.generate.context import context_name, said, title_name, with_context
from quizapp.generate.distractors import normalise
from quizapp.generate.judge import claimable, is_statement, names_something, subject_unsaid, unquotable
from quizapp.generate.keyterms import KeyTerms, keyterm_cloze
from quizapp.generate.nouns import (
    coin,
    has_verb,
    is_generic_label,
    main_clause,
    mend_spelling,
    zipf,
)
from quizapp.generate.polish import polish
from quizapp.generate.prose import (
    called_question,
    condition_called_question,
    copula_question,
    means_question,
    one_that_question,
)
from quizapp.generate.quality import defects, select
from quizapp.generate.questions import (
    BLANK,
    Draft,
    SentenceContext,
    fact_questions,
)
from quizapp.generate.shapes.siblings import sibling_terms, subject_choice, subject_swapped
from quizapp.generate.standalone import (
    DASH_LABEL,
    EXAMPLE,
    POINTING,
    PRONOUN_START,
    NoteSentence,
    context_of,
    fragment_start,
    lowercase_words,
    outline_sentences,
    plain_sentences,
    topic_of_node,
    unresolved,
)
from quizapp.generate.statements import Claim, claims_of, statement_sets

GENERIC = re.compile(r"^(?:(?:When|If|Whenever|Once)\s[^,]{3,80},\s)?(?:A|An|All|Every|Each|Any|No)\s[a-z]")
"""A statement about any thing of a kind ("A cell is …", "When a force acts on an object, the object …")."""
_TYPE_ORDER = {"mcq": 0, "cloze": 1, "short": 2, "list": 3, "truefalse": 4, "flashcard": 5}


@dataclass
class GenerateReport:
    """What a generation found and made, for the command's summary."""

    facts: Counter[str] = field(default_factory=Counter)
    questions: Counter[str] = field(default_factory=Counter)
    sentences: int = 0


def _judged(statement: str, swapped: tuple[str, str, str] | None) -> Draft:
    """A sentence as a statement to judge: made false with a rival put in its term's place ("P waves are secondary
    waves …"), else as written. Never denied with a bare "not": a statement false only by its "not" is the weakest
    item an examiner knows."""
    if swapped is not None:
        false, right, wrong = swapped
        explanation = f"The notes say {right}, not {wrong}."
        return Draft("truefalse", false, "False", ["statement"], None, explanation=explanation, score=0.7)
    return Draft("truefalse", statement, "True", ["statement"], None, score=0.7)


_SHORTHAND = re.compile(r"\s(?:→|->|=>|⇒)\s|\s=\s(?!\d)|^[—–-]\s")
"""“Mast cells release histamine → sneezing …”, “Sudden onset with heavy rain = 'mango showers'”: the notes'
shorthand, no sentence to put a blank in or to judge (a formula's "= 9.8" aside)."""


def _no_statement(text: str) -> bool:
    """A sentence no blank or statement can be built on: no verb ("J-shaped, upper left part of the abdomen"), a
    dash label, a pointing word, a quote it cannot carry, a lead-in ("… process are"), a subject no heading in
    front would say ("The committee was tasked …"), the notes' shorthand ("1 kW × 2 h = 2 kWh → …") or a table's
    row ("2nd | Vaishali | 383 BC | …")."""
    return (
        not has_verb(main_clause(text))
        or bool(DASH_LABEL.search(text))
        or bool(POINTING.search(text))
        or unquotable(text)
        or fragment_start(text)
        or subject_unsaid(text)
        or bool(_SHORTHAND.search(text))
        or " | " in text
    )


_YEAR_HEADING = re.compile(r"(?:c\.\s?)?\d{3,4}s?(?:\s?[-–]\s?\d{2,4})?(?:\s?(?:AD|BC|BCE|CE))?")


def _dominant_words(texts: list[str], *, acronyms: bool = False) -> list[str]:
    """The words a fifth of the notes' sentences use: what the notes are about ("ozone", "Harappan"; with
    `acronyms`, "GST" too), a blank anyone can fill."""
    counts: Counter[str] = Counter()
    pattern = r"[^\W\d_]{4,}|\b[A-Z]{2,3}\b" if acronyms else r"[^\W\d_]{4,}"
    for text in texts:
        counts.update({word.casefold() for word in re.findall(pattern, text)})
    floor = max(3, len(texts) // 5)
    return [word for word, count in counts.items() if count >= floor and zipf(word) < 5.5]


def _subject_words(topic: str, title: str) -> str:
    """The words a blank must not take: the section's heading, and the notes' title when it names one subject
    ("Ozone Layer Depletion"), not when it names several ("Lok Sabha and Rajya Sabha"), any of which can be the
    answer."""

    def several(text: str) -> bool:
        return bool(re.search(r"\s(?:and|vs\.?|versus|than|&)\s|,", text.split(":")[-1]))

    return " ".join(text for text in (topic, title) if not several(text))


_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+(?:\s(?:of\s(?:the\s)?)?[A-Z][a-z]+){1,3}\b")


def _repeated_names(sentences: list[NoteSentence]) -> list[str]:
    """Names of two to four capitalised words the notes use more than once ("Money Bill", "Rajya Sabha"):
    what the notes keep naming is what they are about."""
    counts = Counter(match.group(0) for sentence in sentences for match in _NAME.finditer(sentence.text))
    return [name for name, count in counts.items() if count >= 2]


def _pair_terms(outline: Outline) -> list[str]:
    pairs = (shapes.split_pair(node) for node in outline.nodes if node.kind in ("item", "text"))
    return [pair.term for pair in pairs if pair is not None and not pair.label]


def generate_bank(
    document: Document, *, deck: str | None = None, source: str | None = None
) -> tuple[Bank, GenerateReport]:
    """A bank of questions from a document; the same document always gives the same bank."""
    deck_name = deck or document.title
    prefix = deck_prefix(deck_name)
    report = GenerateReport()
    placed: list[shapes.Placed] = []
    lowercase = lowercase_words(document.text or "")
    if document.text is not None:
        outline = read_outline(document.text, markdown=document.markdown)
        topic_of = lambda node: topic_of_node(node, document)
        placed.extend(shapes.qa_questions(outline, topic_of))
        placed.extend(shapes.term_questions(outline, topic_of))
        placed.extend(shapes.list_questions(outline, topic_of))
        placed.extend(shapes.table_questions(outline, topic_of))
        placed.extend(shapes.record_questions(outline, topic_of))
        placed.extend(shapes.timeline_questions(outline, topic_of))
        placed.extend(shapes.group_questions(outline, topic_of, lowercase))
        skip = shapes.qa_lines(outline) | shapes.table_lines(outline)
        owned = shapes.owner_questions(outline, topic_of, skip | set(shapes.record_points(outline)), lowercase)
        # "Name the four features of convergent boundaries" asks again what "Which boundary has this feature?"
        # asks of each of them: the points are asked one by one, where each has a line of its own.
        asked_points = {item.line for item in owned}
        parents = Counter(node.parent.line for node in outline.nodes if node.line in asked_points and node.parent)
        placed = [
            item
            for item in placed
            if not (item.draft.type == "list" and parents[item.line] >= 2)
            and not (item.group.startswith("member:") and item.line in asked_points)  # the point's own words
        ]
        placed.extend(owned)
        placed.extend(shapes.legend_questions(outline, topic_of))
        placed.extend(shapes.example_questions(outline, topic_of))
        placed.extend(shapes.named_questions(outline, topic_of, skip))
        sentences = outline_sentences(document, outline, skip, placed, lowercase)
        outer = _outer_headings(outline)
    else:
        sentences = plain_sentences(document)
        outer = {}
    report.sentences = len(sentences)
    pool = [fact for s in sentences for fact in s.facts]
    report.facts.update(fact.tag for fact in pool)
    drafted: list[tuple[SentenceContext, Draft]] = []
    for sentence in sentences:
        prose = (
            called_question(sentence.text)
            or means_question(sentence.text)
            or condition_called_question(sentence.text)
            or one_that_question(sentence.text)
        )
        if (
            prose is None
            and not any(f.kind == "definition" for f in sentence.facts)
            and not PRONOUN_START.match(sentence.source)
        ):  # "It is a combination of CGST and SGST": what "it" is was lent, so this says less than it seems
            prose = copula_question(sentence.text)
        if prose is not None:
            placed.append(
                shapes.Placed(prose, sentence.line, sentence.source, sentence.topic, f"prose:{sentence.line}")
            )
        ctx = context_of(sentence, pool)
        drafted.extend((ctx, draft) for draft in fact_questions(ctx))
    drafted = [(ctx, d) for ctx, d in drafted if d.type != "list" or _named_list(d)]
    # An acronym spelled out is worth asking only where the notes use it again: "FDP" named once is its own
    # expansion's initials, nothing more to learn.
    used = Counter(re.findall(r"\b[A-Z][A-Za-z]*[A-Z]\b", document.text or ""))
    drafted = [(ctx, d) for ctx, d in drafted if "acronym" not in d.tags or used[d.fact.text if d.fact else ""] >= 2]
    # A blank or a statement needs a sentence: a list item or a table row without a verb is neither.
    drafted = [
        (ctx, d)
        for ctx, d in drafted
        if (d.type not in ("cloze", "truefalse") and not (d.type == "mcq" and BLANK in d.prompt))
        or (not _no_statement(ctx.text) and not unresolved(ctx.text))
    ]
    # An amount in an event under a year heading ("2013: … set aside Rs 9000 crore to compensate states"): the
    # event is the fact to learn, its figure trivia.
    drafted = [
        (ctx, d)
        for ctx, d in drafted
        if not (
            _YEAR_HEADING.fullmatch(ctx.topic.strip())
            and d.fact is not None
            and d.fact.tag in ("money", "quantity", "percent")
        )
    ]
    # A blank whose answer is what the whole notes are about ("a report on ____" → GST): anyone fills it.
    dominant = frozenset(_dominant_words([sentence.text for sentence in sentences], acronyms=True))
    about = {normalise(word) for word in dominant}
    drafted = [(ctx, d) for ctx, d in drafted if not (_quotes_sentence(d) and normalise(d.answer) in about)]

    title = title_name(document.title, lowercase)

    def lead(draft: Draft, text: str, topic: str, label: str | None, line: int) -> bool:
        """A blank or a statement told what it is about where the sentence does not say it: the term its line is
        written after ("Afghanistan: USSR invaded in ____"), else a heading that names a thing ("Decisions
        require a ____ majority": whose decisions only the heading says). False where nothing can say it."""
        if label and not said(label, text):
            draft.prompt = with_context(label, draft.prompt, lowercase)
            return True
        if names_something(text, lowercase) or GENERIC.match(text):
            return True  # "An object at rest will stay at rest …": true of any, so about nothing in particular
        context = context_name(topic, document.title, lowercase, outer.get(line, ()), text)
        if context is None and draft.type != "truefalse":
            context = title  # a blank has a term to ask; a statement led by the title alone says too little
        if context is None:
            return False
        if not said(context, text):
            draft.prompt = with_context(context, draft.prompt, lowercase)
        return True

    kept = {id(d) for d in select([d for _, d in drafted])}
    for ctx, draft in drafted:
        if id(draft) in kept:
            if _quotes_sentence(draft) and not lead(draft, ctx.text, ctx.topic, ctx.label, ctx.line):
                continue
            if EXAMPLE.search(ctx.source):
                draft.score *= 0.6  # an example or illustration is asked last
            placed.append(shapes.Placed(draft, ctx.line, ctx.source, ctx.topic, f"fact:{id(draft.fact)}"))
    texts = [sentence.text for sentence in sentences]
    spill: list[shapes.Placed] = []
    placed = ranking.cap(polish(placed, texts), spill)
    if document.text is not None:
        # A sentence whose line has no question after the caps is asked through its key term, or judged as a
        # statement; then the caps again, over all.
        asked = {item.line for item in placed if item.draft.type != "truefalse"}
        terms = KeyTerms(
            (s.text for s in sentences), [*outline.key_terms(), *_pair_terms(outline), *_repeated_names(sentences)]
        )
        fallback: list[shapes.Placed] = []
        siblings = sibling_terms(outline, lowercase)
        for sentence in sentences:
            if sentence.line in asked or EXAMPLE.search(sentence.source) or _no_statement(sentence.text):
                continue
            draft = keyterm_cloze(sentence.text, terms, _subject_words(sentence.topic, document.title), dominant)
            if draft is None and is_statement(sentence.text):
                statement = (
                    sentence.text if sentence.text.rstrip("\"'”’)").endswith((".", "!", "?")) else sentence.text + "."
                )
                swapped = terms.swapped(statement, document.text) if coin(statement, 2) else None
                choice = (
                    subject_choice(statement, siblings, document.text) if coin(f"{statement}\x1fwhich", 2) else None
                )
                if choice is not None:
                    draft = choice  # "____ are secondary waves …": which of the family, no true/false to spend
                else:
                    draft = _judged(statement, swapped or subject_swapped(statement, siblings, document.text))
            if draft is not None and not lead(draft, sentence.text, sentence.topic, sentence.label, sentence.line):
                continue
            if draft is not None and not defects(draft):
                fallback.append(shapes.Placed(draft, sentence.line, sentence.source, sentence.topic, "fallback"))
                asked.add(sentence.line)
        if fallback:
            spill = []
            placed = ranking.cap([*placed, *polish(fallback, texts)], spill)
        # Statements the quarter of true/false left out, and sentences still unasked, judged together in the
        # prelims form: "Consider the following statements …".
        asked = {item.line for item in placed}
        spilled = [item for item in spill if item.line not in asked and claimable(item.draft.prompt, item.source)]
        claims = [
            Claim(
                item.line,
                item.source,
                item.topic,
                item.draft.prompt,
                item.draft.answer == "True",
                item.draft.explanation,
            )
            for item in spilled
        ]
        claims += claims_of(sentences, [*placed, *spilled], terms, document.text, pool, lowercase)
        placed.extend(statement_sets(claims, lambda topic: context_name(topic, document.title, lowercase)))
        # A lead-in over points that are sentences, asked whole where nothing else asks it.
        placed.extend(shapes.lead_in_cards(outline, topic_of, {item.line for item in placed}))
    questions: list[tuple[tuple[int, int, int], BankQuestion]] = []
    used_ids: set[str] = set()
    for order, item in enumerate(placed):
        draft = item.draft
        qid = stable_id(prefix, item.source, draft.type, draft.answer)
        if qid in used_ids:
            qid = stable_id(prefix, item.source, draft.type, draft.answer, draft.prompt)
        if qid in used_ids:
            continue
        used_ids.add(qid)
        choices = None
        if draft.choices:
            choices = list(draft.choices)
            if "statements" not in draft.tags:  # "1 only", "1 and 2 only", …: the papers' order
                random.Random(qid).shuffle(choices)
        answer = mend_spelling(draft.answer)  # the notes' slips are not taught: "indicators", not "indicaters"
        question = BankQuestion(
            id=qid,
            type=draft.type,
            topic=item.topic,
            prompt=mend_spelling(draft.prompt),
            answer=answer,
            choices=[mend_spelling(choice) for choice in choices] if choices else None,
            accept=[a for a in dict.fromkeys([*draft.accept, draft.answer]) if a != answer],
            items=[mend_spelling(i) for i in draft.items] if draft.items else draft.items,
            explanation=mend_spelling(draft.explanation) if draft.explanation else draft.explanation,
            source_line=item.line,
            source_text=item.source,
            tags=sorted(set(draft.tags)),
        )
        start = draft.fact.start if draft.fact else 0
        questions.append(((item.line, start, order), question))
        report.questions[draft.type] += 1
    questions.sort(key=lambda pair: pair[0])
    bank = Bank(deck=deck_name, source=source, questions=[q for _, q in questions])
    return bank, report


def _outer_headings(outline: Outline) -> dict[int, tuple[str, ...]]:
    """For each line, the headings above its own heading, nearest first: what a generic heading's sentences are
    about ("Functions" under "The Speaker")."""
    found: dict[int, tuple[str, ...]] = {}
    for node in outline.nodes:
        heading = node.heading()
        if heading is None:
            continue
        above = tuple(a.text for a in heading.ancestors() if a.kind == "heading")
        for line in (node.line, *(line for line, _ in node.parts)):
            found.setdefault(line, above)
    return found


def _quotes_sentence(draft: Draft) -> bool:
    """A blank or a statement: the sentence itself is the question, so it must say what it is about."""
    return draft.type in ("cloze", "truefalse") or (draft.type == "mcq" and BLANK in draft.prompt)


_NO_HEAD = re.compile(r"\bitems that fill the blank\b")
"""A list whose items have no noun to name them is a guess at where a list starts and ends."""


_MENTIONED = re.compile(r"^Name the \d+ (?P<noun>.+?) mentioned:")


def _named_list(draft: Draft) -> bool:
    """A list from a sentence names its items with a plural noun ("Name the 4 sectors mentioned"), and its items
    are names or short noun phrases, not pieces of a clause cut at its commas."""
    if _NO_HEAD.search(draft.prompt):
        return False  # a list without a noun to name its items is a guess at where a list starts and ends
    named = _MENTIONED.match(draft.prompt)
    if named and (len(named["noun"].split()) > 5 or re.search(r"\b\w+ing\b", named["noun"])):
        return False  # "Name the 3 replacing multiple indirect taxes mentioned": no clean noun
    if named and (
        not shapes.is_plural(named["noun"])
        or re.search(r"[–—%\d]", named["noun"])
        or (is_generic_label(named["noun"].split()[-1]) and named["noun"] not in ("reasons", "causes"))
    ):
        return False
    return _clean_items(draft.items, longest=6)


def _clean_items(items: list[str] | None, longest: int = 4) -> bool:
    """Items that are names or short noun phrases, not pieces of a clause cut at its commas."""
    return bool(items) and all(
        len(item.split()) <= longest
        and not re.search(r"\b(?:according|etc|is|are|was|were|has|have|had|might|may)\b", item)
        for item in items or []
    )


def bank_for_file(document_path: Path, out_dir: Path, *, deck: str | None = None) -> tuple[Bank, GenerateReport, str]:
    """Read a document and generate its bank; returns the bank, the report and the YAML text to write.

    Raises DocumentError for a document that cannot be read. The text is checked by the bank loader
    before it is returned, so what `generate` writes always passes `quizapp check`.
    """
    document = read_document(document_path)
    source = Path(os.path.relpath(document_path.resolve(), out_dir.resolve())).as_posix()
    bank, report = generate_bank(document, deck=deck, source=source)
    if not bank.questions:
        raise DocumentError(f"{document_path}: no facts to ask about were found in it")
    text = f"# Generated by `quizapp generate` from {source}; edit freely, ids keep each question's history.\n"
    text += dump_bank(bank)
    problems = check_text(text, str(out_dir / f"{document_path.stem}.yaml"))
    if problems:  # a generator bug, never the student's fault: say so plainly
        raise RuntimeError("generated bank fails validation:\n" + "\n".join(map(str, problems)))
    return bank, report, text
