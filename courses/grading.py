"""Grading quiz answers: pure functions over question blocks, no database."""

import re
import unicodedata
from dataclasses import dataclass, field

# The longest short answer kept; anything longer is cut before grading and storing.
SHORT_ANSWER_MAX_LENGTH = 500

CHOICE_TYPES = frozenset({"single_choice", "multiple_choice"})
TRUE_FALSE_VALUES = ("true", "false")


@dataclass(frozen=True)
class Grade:
    """Whether a response is right, and the feedback the learner sees after the attempt."""

    correct: bool
    feedback: list[str] = field(default_factory=list)


def normalise(text: str) -> str:
    """Case-folded, whitespace collapsed, punctuation stripped from both ends."""
    text = " ".join(str(text).casefold().split())
    start, end = 0, len(text)
    while start < end and _is_punctuation(text[start]):
        start += 1
    while end > start and _is_punctuation(text[end - 1]):
        end -= 1
    return text[start:end].strip()


def _is_punctuation(char: str) -> bool:
    return char.isspace() or unicodedata.category(char).startswith("P")


def option_ids(block) -> list[str]:
    """The ids of a choice question's options, in authored order."""
    return [child.id for child in block.value["options"].bound_blocks]


def clean_response(block, raw) -> list[str] | str:
    """A submitted value reduced to what a question can take.

    Choice questions keep only their own option ids (in order, without repeats); true/false
    keeps "true" or "false"; short answers keep the text, cut to a sane length. Anything
    else becomes an empty response, which grades as unanswered.
    """
    values = raw if isinstance(raw, list | tuple) else ([] if raw is None else [raw])
    values = [str(value) for value in values]
    if block.block_type in CHOICE_TYPES:
        known = set(option_ids(block))
        return list(dict.fromkeys(value for value in values if value in known))
    first = values[0].strip() if values else ""
    if block.block_type == "true_false":
        return first if first in TRUE_FALSE_VALUES else ""
    return first[:SHORT_ANSWER_MAX_LENGTH]


def grade_question(block, response) -> Grade:
    """Grades one question (a StreamField child) against a cleaned response."""
    kind, value = block.block_type, block.value
    if kind in CHOICE_TYPES:
        chosen = set(response or [])
        options = value["options"].bound_blocks
        right = {child.id for child in options if child.value["correct"]}
        if kind == "single_choice":
            correct = len(chosen) == 1 and chosen == right
        else:
            correct = bool(chosen) and chosen == right
        feedback = [
            child.value["feedback"]
            for child in options
            if child.id in chosen and child.value["feedback"]
        ]
        return Grade(correct, feedback)
    if kind == "true_false":
        correct = response in TRUE_FALSE_VALUES and response == value["answer"]
    elif kind == "short_answer":
        correct = short_answer_matches(
            str(response or ""), match=value["match"], accepted=list(value["accepted"])
        )
    else:
        raise ValueError(f"unknown question type {kind!r}")
    message = value["feedback_correct"] if correct else value["feedback_wrong"]
    return Grade(correct, [message] if message else [])


def short_answer_matches(answer: str, *, match: str, accepted: list[str]) -> bool:
    """`exact`: equals an accepted answer; `keywords`: contains every keyword as a word/phrase."""
    answer = normalise(answer)
    targets = [target for target in (normalise(text) for text in accepted) if target]
    if not answer or not targets:
        return False
    if match == "keywords":
        return all(re.search(rf"(?<!\w){re.escape(keyword)}(?!\w)", answer) for keyword in targets)
    return answer in targets


def score_percent(right: int, total: int) -> int:
    """The whole-number percentage of questions answered right, halves rounded up."""
    if total <= 0:
        return 0
    return (200 * right + total) // (2 * total)


def is_passed(score: int, pass_mark: int) -> bool:
    return score >= pass_mark
