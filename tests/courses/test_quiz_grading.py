"""Grading rules for each kind of question, without a database."""

import pytest

from courses import grading
from courses.blocks import QuestionStreamBlock


def _options(*specs):
    return [
        {
            "type": "item",
            "id": option_id,
            "value": {"text": f"Pilihan {option_id}", "correct": correct, "feedback": feedback},
        }
        for option_id, correct, feedback in specs
    ]


def question(kind: str, **value):
    """One StreamField child of QuestionStreamBlock, with the block id "q"."""
    defaults = {
        "single_choice": {"question": "?", "explanation": "Penjelasan."},
        "multiple_choice": {"question": "?", "explanation": ""},
        "true_false": {"question": "?", "answer": "true"},
        "short_answer": {"question": "?", "match": "exact"},
    }[kind]
    if kind in ("true_false", "short_answer"):
        defaults |= {"feedback_correct": "Tepat!", "feedback_wrong": "Coba lagi."}
    stream = QuestionStreamBlock().to_python([{"type": kind, "id": "q", "value": defaults | value}])
    return stream[0]


@pytest.fixture
def single():
    return question(
        "single_choice",
        options=_options(
            ("a", True, "Benar sekali."), ("b", False, "Bukan itu."), ("c", False, "")
        ),
    )


@pytest.fixture
def multiple():
    return question(
        "multiple_choice",
        options=_options(("a", True, ""), ("b", True, "Ya."), ("c", False, "Bukan TIK.")),
    )


def grade(block, raw):
    return grading.grade_question(block, grading.clean_response(block, raw))


def test_blocks_keep_their_ids(single):
    assert single.id == "q"
    assert grading.option_ids(single) == ["a", "b", "c"]


def test_single_choice_right_only_with_the_correct_option(single):
    assert grade(single, ["a"]) == grading.Grade(True, ["Benar sekali."])
    assert grade(single, "a").correct  # one id as a plain string works too
    assert grade(single, ["b"]) == grading.Grade(False, ["Bukan itu."])
    assert grade(single, ["c"]) == grading.Grade(False, [])  # no feedback written


def test_single_choice_with_two_options_sent_is_wrong(single):
    assert not grade(single, ["a", "b"]).correct


def test_multiple_choice_is_all_or_nothing(multiple):
    assert grade(multiple, ["a", "b"]) == grading.Grade(True, ["Ya."])
    assert grade(multiple, ["b", "a", "a"]).correct  # order and repeats do not matter
    assert not grade(multiple, ["a"]).correct
    assert grade(multiple, ["a", "b", "c"]) == grading.Grade(False, ["Ya.", "Bukan TIK."])


def test_unknown_option_ids_are_dropped(single, multiple):
    assert grading.clean_response(single, ["zzz", "a"]) == ["a"]
    assert grading.clean_response(multiple, ["zzz"]) == []
    assert not grade(single, ["0"]).correct  # an option index is not an option id


def test_true_false():
    block = question("true_false", answer="false")
    assert grade(block, ["false"]) == grading.Grade(True, ["Tepat!"])
    assert grade(block, "true") == grading.Grade(False, ["Coba lagi."])
    assert grading.clean_response(block, ["maybe"]) == ""
    assert not grade(block, ["maybe"]).correct


@pytest.mark.parametrize(
    ("raw", "correct"),
    [
        ("TIK", True),
        ("  tik  ", True),
        ("Tik.", True),
        ('"ICT"!', True),
        ("teknologi   informasi", True),
        ("Teknologi\ninformasi?", True),
        ("TIKA", False),
        ("T I K", False),
        ("teknologi informasi komunikasi", False),
    ],
)
def test_short_answer_exact_is_normalised(raw, correct):
    block = question("short_answer", accepted=["TIK", "ICT", "Teknologi Informasi"])
    assert grade(block, [raw]).correct is correct


@pytest.mark.parametrize(
    ("raw", "correct"),
    [
        ("Komputer untuk akses internet gratis.", True),
        ("Akses internet, lewat KOMPUTER", True),
        ("akses   internet di komputer", True),
        ("komputer saja", False),
        ("akses internet di komputernya", False),  # a keyword must be a whole word
        ("akses-internet dan komputer", False),  # the phrase keeps its space
    ],
)
def test_short_answer_keywords(raw, correct):
    block = question("short_answer", match="keywords", accepted=["Komputer", "akses internet!"])
    assert grade(block, [raw]).correct is correct


def test_normalise():
    assert grading.normalise("  «Halo,   Dunia!»  ") == "halo, dunia"
    assert grading.normalise("STRASSE") == grading.normalise("straße")
    assert grading.normalise("...") == ""


def test_short_answer_is_cut_to_a_sane_length():
    block = question("short_answer", accepted=["TIK"])
    assert len(grading.clean_response(block, ["x" * 5000])) == grading.SHORT_ANSWER_MAX_LENGTH


@pytest.mark.parametrize("raw", [None, [], "", [""], ["   "]])
def test_unanswered_is_wrong_for_every_kind(raw, single, multiple):
    blocks = [
        single,
        multiple,
        question("true_false"),
        question("short_answer", accepted=["TIK"]),
        question("short_answer", match="keywords", accepted=["TIK"]),
    ]
    for block in blocks:
        assert not grade(block, raw).correct, block.block_type


def test_empty_accepted_answers_never_match():
    block = question("short_answer", accepted=["  ", "!"])
    assert not grade(block, [""]).correct
    assert not grade(block, ["!"]).correct


@pytest.mark.parametrize(
    ("right", "total", "score"),
    [(0, 4, 0), (3, 4, 75), (4, 4, 100), (1, 3, 33), (2, 3, 67), (5, 8, 63), (1, 8, 13), (0, 0, 0)],
)
def test_score_percent(right, total, score):
    assert grading.score_percent(right, total) == score


def test_passed_at_or_above_the_pass_mark():
    assert grading.is_passed(75, 75)
    assert grading.is_passed(100, 75)
    assert not grading.is_passed(74, 75)
