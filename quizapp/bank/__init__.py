"""The YAML question bank: its schema, loading with FILE:LINE problems, dumping, stable ids."""

from quizapp.bank.dump import dump_bank
from quizapp.bank.load import BankSet, load_bank, load_banks
from quizapp.bank.model import QUESTION_TYPES, Bank, BankQuestion, Problem

__all__ = [
    "QUESTION_TYPES",
    "Bank",
    "BankQuestion",
    "BankSet",
    "Problem",
    "dump_bank",
    "load_bank",
    "load_banks",
]
