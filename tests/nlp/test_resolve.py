"""Merging several mentions of one finding (hipdx/nlp/resolve.py)."""

from __future__ import annotations

from hipdx.knowledge import load_knowledge_base
from hipdx.nlp.lexicon import load_context
from hipdx.nlp.resolve import resolve
from hipdx.nlp.results import Method, TextFinding
from hipdx.types import Answer

KINDS = {f.id: f.kind for f in load_knowledge_base().findings.values()}
CONFLICTS = load_context().conflicts


def _mention(finding: str, value: Answer, start: int, method: Method = "lexicon") -> TextFinding:
    return TextFinding(finding, value, (start, start + 3), "abc", method)


def test_agreeing_mentions_keep_the_first_span() -> None:
    found = resolve(
        [_mention("fever", Answer.NO, 20), _mention("fever", Answer.NO, 5)], KINDS, CONFLICTS
    )
    assert found == (_mention("fever", Answer.NO, 5),)


def test_conflicting_exam_mentions_are_positive() -> None:
    found = resolve(
        [_mention("slr_positive", Answer.NO, 0), _mention("slr_positive", Answer.YES, 30)],
        KINDS,
        CONFLICTS,
    )
    assert found == (_mention("slr_positive", Answer.YES, 30),)


def test_conflicting_symptom_mentions_are_dropped() -> None:
    found = resolve(
        [_mention("numbness_tingling", Answer.NO, 0), _mention("numbness_tingling", Answer.YES, 9)],
        KINDS,
        CONFLICTS,
    )
    assert found == ()


def test_rules_outrank_embeddings() -> None:
    found = resolve(
        [
            _mention("worse_sitting", Answer.YES, 0, "embedding"),
            _mention("worse_sitting", Answer.NO, 9, "lexicon"),
        ],
        KINDS,
        CONFLICTS,
    )
    assert found == (_mention("worse_sitting", Answer.NO, 9, "lexicon"),)


def test_output_is_in_text_order() -> None:
    found = resolve(
        [_mention("fever", Answer.YES, 40), _mention("night_pain", Answer.YES, 2)],
        KINDS,
        CONFLICTS,
    )
    assert [f.finding for f in found] == ["night_pain", "fever"]


def test_present_mentions_win_over_an_earlier_visit() -> None:
    found = resolve(
        [_mention("night_pain", Answer.YES, 0), _mention("night_pain", Answer.NO, 30)],
        KINDS,
        CONFLICTS,
        present=[(25, 50)],
        earlier=[(0, 20)],
    )
    assert found == (_mention("night_pain", Answer.NO, 30),)


def test_present_mentions_need_an_earlier_time_before_them() -> None:
    mentions = [_mention("night_pain", Answer.YES, 0), _mention("night_pain", Answer.NO, 30)]
    assert resolve(mentions, KINDS, CONFLICTS, present=[(25, 50)]) == ()
    # the earlier time after the present one: the order is not clear
    late = [_mention("night_pain", Answer.NO, 0), _mention("night_pain", Answer.YES, 30)]
    assert resolve(late, KINDS, CONFLICTS, present=[(0, 20)], earlier=[(25, 50)]) == ()


def test_red_flag_findings_take_yes_whatever_the_time() -> None:
    found = resolve(
        [_mention("weight_loss", Answer.YES, 0), _mention("weight_loss", Answer.NO, 30)],
        KINDS,
        CONFLICTS,
        present=[(25, 50)],
        earlier=[(0, 20)],
        safety={"weight_loss"},
    )
    assert found == (_mention("weight_loss", Answer.YES, 0),)
    # the same symptom with no red flag of its own: the present "no" wins
    plain = [_mention("weight_loss", Answer.YES, 0), _mention("weight_loss", Answer.NO, 30)]
    found = resolve(plain, KINDS, CONFLICTS, present=[(25, 50)], earlier=[(0, 20)])
    assert found == (_mention("weight_loss", Answer.NO, 30),)
