"""Load bank files into Banks, collecting every problem as FILE:LINE: field: message."""

from __future__ import annotations

import codecs
import gc
import hashlib
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from itertools import repeat
from operator import attrgetter
from pathlib import Path
from typing import Any

from quizapp.bank.fast import read_fast
from quizapp.bank.model import Bank, BankQuestion, Problem
from quizapp.bank.nodes import parse_nodes
from quizapp.paths import BANK_SUFFIXES

_QUESTION_VALUES = attrgetter(*BankQuestion.__slots__)
"""A question's fields as a tuple, in the order BankQuestion takes them."""
PARALLEL_BYTES = 8_000_000
"""Below this many bytes of banks, starting worker processes costs more than it saves."""


@dataclass
class BankSet:
    """Banks read from the paths a user gave, and every problem found in them."""

    banks: list[Bank] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    files: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def question_count(self) -> int:
        return sum(len(bank.questions) for bank in self.banks)


def _line_of_offset(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def parse_text(
    text: str, file: str, digest: str, data: bytes | None = None, *, lines: bool = True
) -> tuple[Bank | None, list[Problem]]:
    """A bank from its decoded text (and its bytes, if at hand): the quick reader if it can vouch for it, else the exact one."""
    bank = read_fast(text, file, digest, data, lines=lines)
    if bank is not None:
        return bank, []
    return parse_nodes(text, file, digest)


def check_text(text: str, file: str) -> list[Problem]:
    """The problems of a bank given as text (as `generate` is about to write it)."""
    return parse_text(text, file, "")[1]


def load_bank(path: Path, display: str | None = None, *, lines: bool = True) -> tuple[Bank | None, list[Problem]]:
    """Read one bank file. Returns the bank (None if unusable) and every problem found in it.

    `lines` False lets the quick reader skip where each question stands (see `fast.read_fast`)."""
    file = display or str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        return None, [_unreadable(file, exc)]
    return load_bytes(data, file, lines=lines)


def _unreadable(file: str, exc: OSError) -> Problem:
    if isinstance(exc, FileNotFoundError):
        return Problem(file, 0, "path", "no such file")
    if isinstance(exc, IsADirectoryError):
        return Problem(file, 0, "path", "is a folder, not a bank file")
    return Problem(file, 0, "path", f"cannot read: {exc.strerror or exc}")


def load_bytes(data: bytes, file: str, *, lines: bool = True) -> tuple[Bank | None, list[Problem]]:
    """A bank from a file's bytes: binary and encoding checks, then YAML and the schema."""
    nul = data.find(b"\x00")
    if nul >= 0:
        return None, [Problem(file, _line_of_offset(data, nul), "file", "binary data, not a YAML bank")]
    # Drop a BOM by hand, so a decoding error's offset still counts from the start of the file.
    skipped = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    try:
        text = data[skipped:].decode("utf-8")
    except UnicodeDecodeError as exc:
        offset = skipped + exc.start
        return None, [
            Problem(
                file,
                _line_of_offset(data, offset),
                "file",
                f"not UTF-8 text (byte 0x{data[offset]:02x}); save it as UTF-8",
            )
        ]
    return parse_text(text, file, hashlib.sha256(data).hexdigest(), data[skipped:], lines=lines)


def expand_paths(paths: Iterable[str]) -> tuple[list[tuple[Path, str]], list[Problem]]:
    """The bank files behind the given paths (a folder gives its .yaml/.yml files), each once."""
    files: list[tuple[Path, str]] = []
    problems: list[Problem] = []
    seen: set[Path] = set()
    for given in paths:
        path = Path(given).expanduser()
        if path.is_dir():
            found = sorted(p for p in path.iterdir() if p.suffix.lower() in BANK_SUFFIXES and p.is_file())
            if not found:
                problems.append(Problem(given, 0, "path", "folder has no .yaml or .yml banks"))
            candidates = [(p, str(p)) for p in found]
        elif path.exists():
            candidates = [(path, given)]
        else:
            problems.append(Problem(given, 0, "path", "no such file or folder"))
            continue
        for candidate, display in candidates:
            key = candidate.resolve()
            if key not in seen:
                seen.add(key)
                files.append((candidate, display))
    return files, problems


def _workers(files: list[tuple[Path, str]]) -> int:
    """How many processes should read these files: one, unless there are megabytes to parse and cores to spare."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    if cores < 2 or len(files) < 2:
        return 1
    size = 0
    for path, _ in files:
        try:
            size += path.stat().st_size
        except OSError:
            pass  # reported when the file is read
    return min(cores, len(files)) if size >= PARALLEL_BYTES else 1


def _prepare(bank: Bank, prepare: Callable[[Bank], Any]) -> None:
    """Hand a loaded bank to `prepare`, its content hashes worked out first (prepare may use them)."""
    bank.content_hashes = [q.content_hash() for q in bank.questions]
    bank.prepared = prepare(bank)


def _pack(loaded: tuple[Bank | None, list[Problem]], light: bool = False) -> tuple[Any, list[Problem]]:
    """A loaded file as plain tuples, which cross between processes several times faster than dataclasses.

    `light`: a prepared bank crosses without its questions (they are in `prepared`, as the caller wants them).
    """
    bank, problems = loaded
    if bank is None:
        return None, problems
    if light and bank.prepared is not None:
        questions, hashes = None, None
    else:
        questions = [_QUESTION_VALUES(q) for q in bank.questions]
        # Worked out here, in the worker, so the importing process need not.
        hashes = bank.content_hashes or [q.content_hash() for q in bank.questions]
    return (bank.deck, bank.source, bank.file, bank.digest, bank.deck_line, questions, hashes, bank.prepared), problems


def _unpack(packed: tuple[Any, list[Problem]]) -> tuple[Bank | None, list[Problem]]:
    fields, problems = packed
    if fields is None:
        return None, problems
    deck, source, file, digest, deck_line, questions, hashes, prepared = fields
    return Bank(
        content_hashes=hashes,
        prepared=prepared,
        deck=deck,
        source=source,
        file=file,
        digest=digest,
        deck_line=deck_line,
        questions=[BankQuestion(*values) for values in questions] if questions is not None else [],
    ), problems


def _load_packed(
    path: Path, display: str, prepare: Callable[[Bank], Any] | None, light: bool
) -> tuple[Any, list[Problem]]:
    bank, problems = load_bank(path, display, lines=not light)
    if bank is not None and prepare is not None:
        _prepare(bank, prepare)
    return _pack((bank, problems), light)


def load_files(files: list[tuple[Path, str]]) -> list[tuple[Bank | None, list[Problem]]]:
    """`load_bank` for each (path, display name), in order; large sets are parsed by worker processes."""
    return list(iter_files(files))


def iter_files(
    files: list[tuple[Path, str]], prepare: Callable[[Bank], Any] | None = None, *, light: bool = False
) -> Iterator[tuple[Bank | None, list[Problem]]]:
    """`load_files` one file at a time, each as soon as it is parsed, so the caller can work on it meanwhile.

    `prepare`, if given, is called on each sound bank where it was parsed (in a worker process, for a
    large set: a function of a module, so it can be sent there), with its content hashes worked out;
    what it returns is the bank's `prepared`. The importer has the workers build its rows this way.
    With `light`, a bank parsed by a worker comes without its questions (an empty list) whenever its
    `prepared` is not None, and no bank's lines are worked out (`deck_line` 1, every question's `line`
    0; a file with problems still has them named at their lines): for a caller that needs nothing more
    than the rows, and reads the files again whole should anything be wrong.
    """
    workers = _workers(files)
    # A parse allocates millions of small containers and no cycles: the cycle collector would only
    # walk the growing heap again and again (while the caller holds the files, it stays off).
    collecting = gc.isenabled()
    gc.disable()
    try:
        if workers == 1:
            for path, display in files:
                bank, problems = load_bank(path, display, lines=not light)
                if bank is not None and prepare is not None:
                    _prepare(bank, prepare)
                yield bank, problems
            return
        # Parsing is pure CPU work in the YAML parser, so threads would queue on the GIL; processes do not.
        pool = ProcessPoolExecutor(workers)
        try:
            paths, names = [p for p, _ in files], [d for _, d in files]
            jobs = pool.map(_load_packed, paths, names, repeat(prepare, len(files)), repeat(light, len(files)))
            for packed in jobs:
                yield _unpack(packed)
        finally:
            pool.shutdown(cancel_futures=True)  # a caller that stops early leaves no file to parse
    finally:
        if collecting:
            gc.enable()


def check_across(loaded: list[tuple[str, Bank | None, list[Problem]]]) -> BankSet:
    """Gather loaded files (display name, bank, its problems) and check what spans files: decks and ids used twice."""
    result = BankSet(files=[display for display, _, _ in loaded])
    id_home: dict[str, tuple[str, int]] = {}
    deck_home: dict[str, str] = {}
    for display, bank, found in loaded:
        result.problems.extend(found)
        if bank is None:
            continue
        if bank.deck.casefold() in deck_home:
            result.problems.append(
                Problem(
                    display,
                    bank.deck_line,
                    "deck",
                    f"deck {bank.deck!r} is also the deck of {deck_home[bank.deck.casefold()]}",
                )
            )
        deck_home.setdefault(bank.deck.casefold(), display)
        for question in bank.questions:
            home = id_home.get(question.id)
            if home is not None:
                result.problems.append(
                    Problem(
                        display,
                        question.line,
                        "id",
                        f"duplicate id {question.id} (also at {home[0]}:{home[1]})",
                    )
                )
            else:
                id_home[question.id] = (display, question.line)
        result.banks.append(bank)
    return result


def load_banks(paths: Iterable[str]) -> BankSet:
    """Read every bank behind `paths` and check them together (ids and decks unique across files)."""
    files, problems = expand_paths(paths)
    loaded = load_files(files)
    result = check_across([(display, bank, found) for (_, display), (bank, found) in zip(files, loaded, strict=True)])
    result.problems[:0] = problems
    return result
