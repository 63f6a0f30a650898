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
from quizapp.documents.model import Document, DocumentError, Section
from quizapp.generate.facts import Fact, extract_facts, standalone_names
from quizapp.generate.facts.phrases import trim_dangling
from quizapp.generate.quality import select
from quizapp.generate.questions import Draft, SentenceContext, fact_questions
from quizapp.generate.repair import headline_passive

_TYPE_ORDER = {"mcq": 0, "cloze": 1, "short": 2, "list": 3, "truefalse": 4, "flashcard": 5}
_PRONOUN = re.compile(r"^(?P<word>It|Its|They|Their|He|She|His|Her)\b")
_VAGUE_START = re.compile(r"^(?:This|These|Those|That)\b")
_DISCOURSE = re.compile(r"^(?:However|Also|Further|Furthermore|Moreover|Besides),\s")
_ANAPHORIC = re.compile(
    r"^(?:In this regard|In this context|To this end|As a result|Thus|Hence|Therefore|Accordingly),\s"
)
"""Openings that point back at the sentence before: what follows may be no statement of its own."""
_LABEL = re.compile(r"^[A-Z][\w\s-]{0,30}:\s(?=[A-Z])")
"""A bullet's lead-in label ("Defence ties: …"): a heading inside the sentence, not part of what it says."""
_SUBJECT = re.compile(r"^(?P<subj>(?:The\s)?[A-Z][\w-]+(?:\s[A-Z][\w-]+){0,4})\s[a-z]")
"""A sentence opening with a capitalised name and then a lowercase word (its verb, whatever the verb)."""
_FRONTED_PRONOUN = re.compile(
    r"^(?P<front>[^,]{2,60},\s|(?:In|On|At|By|During|After|Before|Since|Until|From|Within)\s[^,]{1,40}?\s)"
    r"(?P<word>it|its|they|their|he|she|his|her)\b"
)
"""A pronoun after a fronted phrase: "In August 2012, it became …" or "In August 2012 it became …"."""
_NOT_SUBJECT = {"The", "A", "An", "In", "On", "At", "It", "This", "They", "There", "Both", "Its"}


@dataclass
class GenerateReport:
    """What a generation found and made, for the command's summary."""

    facts: Counter[str] = field(default_factory=Counter)
    questions: Counter[str] = field(default_factory=Counter)
    sentences: int = 0


def _subject(sentence: str) -> str | None:
    """The proper-noun subject a sentence starts with ("Japan has been …" → "Japan")."""
    m = _SUBJECT.match(sentence)
    if not m or m["subj"] in _NOT_SUBJECT or m["subj"].split()[0] in _NOT_SUBJECT - {"The"}:
        return None
    return m["subj"]


def _stand_alone(text: str, previous_subject: str | None) -> str | None:
    """The sentence made to stand on its own, or None when it cannot be (a pronoun with nobody to refer to)."""
    text = _LABEL.sub("", _ANAPHORIC.sub("", _DISCOURSE.sub("", text)))
    text = text[:1].upper() + text[1:]
    if _VAGUE_START.match(text):
        return None
    m = _PRONOUN.match(text) or _FRONTED_PRONOUN.match(text)
    if m:
        if previous_subject is None:
            return None
        possessive = m["word"].lower() in ("its", "their", "his", "her")
        replacement = previous_subject + ("’s" if possessive else "")
        front = m.groupdict().get("front") or ""
        if front and replacement.startswith("The "):
            replacement = "the " + replacement[4:]
        text = front + replacement + text[m.end() :]
    return text


@dataclass
class _Sentence:
    section: Section
    text: str
    source: str
    line: int
    block_text: str
    facts: list[Fact]


def _sentences(document: Document) -> list[_Sentence]:
    out: list[_Sentence] = []
    known_names = standalone_names(
        [sentence.text for section in document.sections for block in section.blocks for sentence in block.sentences]
    )
    for section in document.sections:
        subject: str | None = None
        for block in section.blocks:
            for sentence in block.sentences:
                resolved = _stand_alone(sentence.text, subject)
                resolved = headline_passive(trim_dangling(resolved)) if resolved is not None else None
                # Only the sentence just before can lend its subject: an older one may be the wrong referent.
                subject = _subject(resolved) if resolved is not None else None
                if resolved is None:
                    continue
                out.append(
                    _Sentence(
                        section,
                        resolved,
                        sentence.text,
                        sentence.line,
                        block.text,
                        extract_facts(resolved, known_names),
                    )
                )
    return out


def generate_bank(
    document: Document, *, deck: str | None = None, source: str | None = None
) -> tuple[Bank, GenerateReport]:
    """A bank of questions from a document; the same document always gives the same bank."""
    deck_name = deck or document.title
    prefix = deck_prefix(deck_name)
    report = GenerateReport()
    sentences = _sentences(document)
    report.sentences = len(sentences)
    pool = [fact for s in sentences for fact in s.facts]
    report.facts.update(fact.tag for fact in pool)
    drafted: list[tuple[SentenceContext, Draft]] = []
    for sentence in sentences:
        ctx = SentenceContext(
            text=sentence.text,
            source=sentence.source,
            line=sentence.line,
            topic=sentence.section.heading or document.title,
            facts=sentence.facts,
            pool=pool,
            block_text=sentence.block_text,
            leans_back=bool(_ANAPHORIC.match(_LABEL.sub("", sentence.source))),
        )
        drafted.extend((ctx, draft) for draft in fact_questions(ctx))
    kept = {id(d) for d in select([d for _, d in drafted])}
    questions: list[tuple[tuple[int, int, int], BankQuestion]] = []
    used_ids: set[str] = set()
    for order, (ctx, draft) in enumerate(drafted):
        if id(draft) not in kept:
            continue
        qid = stable_id(prefix, ctx.source, draft.type, draft.answer)
        if qid in used_ids:
            qid = stable_id(prefix, ctx.source, draft.type, draft.answer, draft.prompt)
        used_ids.add(qid)
        choices = None
        if draft.choices:
            choices = list(draft.choices)
            random.Random(qid).shuffle(choices)
        question = BankQuestion(
            id=qid,
            type=draft.type,
            topic=ctx.topic,
            prompt=draft.prompt,
            answer=draft.answer,
            choices=choices,
            accept=draft.accept,
            items=draft.items,
            explanation=draft.explanation,
            source_line=ctx.line,
            source_text=ctx.source,
            tags=sorted(set(draft.tags)),
        )
        start = draft.fact.start if draft.fact else 0
        questions.append(((ctx.line, start, order), question))
        report.questions[draft.type] += 1
    questions.sort(key=lambda pair: pair[0])
    bank = Bank(deck=deck_name, source=source, questions=[q for _, q in questions])
    return bank, report


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
