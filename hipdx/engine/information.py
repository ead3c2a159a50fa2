"""What asking a yes/no finding is expected to tell, given the answers so far.

An answer is predicted from P(yes | condition, answers so far). Findings are independent given
the condition, so for most findings that is the model's P(yes | condition); a finding another
implies or excludes (findings.yaml `implies`, `excludes`) depends on that finding's answer too,
through the same joint table P(parent, child | condition) the engine scores the pair with
(`DiagnosticModel.child_given_parent`). An answer that makes a related finding certain *settles*
it: a yes to a suspicious lump entails a lump, a no to any lump rules out a suspicious one, a yes
to an excluding finding rules out the excluded one. A settled finding has nothing left to tell,
and recording its answer leaves the engine's posterior unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from hipdx.engine.evidence import Evidence, encode
from hipdx.engine.model import DiagnosticModel, FloatArray
from hipdx.types import Answer

IntArray = NDArray[np.int64]
AnswerArray = NDArray[np.int8]
STATES = 3
"""A related finding's answer as a context digit: 0 unknown, 1 yes, 2 no."""


def entropy(belief: FloatArray, axis: int = 0) -> FloatArray:
    """Shannon entropy in bits along `axis` (0 log 0 taken as 0)."""
    safe = np.where(belief > 0.0, belief, 1.0)
    return np.asarray(-(belief * np.log2(safe)).sum(axis=axis))


def information_gain(belief: FloatArray, p_yes: FloatArray) -> FloatArray:
    """Expected reduction in entropy of `belief` (C,) from observing each finding.

    Args:
        belief: current probability of each condition, summing to 1.
        p_yes: (C, K) P(yes | condition) for the K candidate findings.

    Returns:
        (K,) expected information gain in bits; answers are assumed yes or no.
    """
    joint_yes = belief[:, None] * p_yes
    joint_no = belief[:, None] * (1.0 - p_yes)
    prob_yes = joint_yes.sum(axis=0)
    prob_no = joint_no.sum(axis=0)
    after_yes = entropy(joint_yes / prob_yes, axis=0)
    after_no = entropy(joint_no / prob_no, axis=0)
    gain: FloatArray = entropy(belief) - (prob_yes * after_yes + prob_no * after_no)
    return gain


def relation_joint(model: DiagnosticModel) -> FloatArray:
    """(relations, parent yes/no, child yes/no, conditions) P(parent, child | condition); 0 for
    the combinations the relation rules out."""
    p_parent = model.p_yes[:, model.relation_parent].T
    parent = np.stack([p_parent, 1.0 - p_parent], axis=1)
    child_yes = model.child_given_parent
    child = np.stack([child_yes, 1.0 - child_yes], axis=2)
    joint: FloatArray = parent[:, :, np.newaxis, :] * child
    return joint


@dataclass(frozen=True)
class Likelihoods:
    """P(yes | condition, answers so far) of K candidate findings, for a batch of N cases.

    Case n's candidate k uses column `variant[n, k]` of `table`: column k (the model's
    P(yes | condition)) unless the case has answered a finding related to it, then one of the
    conditional columns after the first K.
    """

    table: FloatArray
    """(C, K + V) the candidates' P(yes | condition), then V conditional columns."""
    variant: IntArray
    """(N, K) the column of `table` each case's candidate is predicted from."""
    pairs: IntArray
    """(P, 2) candidate positions (parent, child) of the relations between two candidates."""
    pair_terms: FloatArray
    """(P, parent yes/no, child yes/no, C) log P(parent, child | condition) minus the two
    logs of the marginals: what answering both adds beyond answering each alone (-inf for a
    combination the relation rules out)."""

    @classmethod
    def independent(cls, table: FloatArray, cases: int) -> Likelihoods:
        """Candidates with no relation among them or to an answer: `table` (C, K) for all."""
        width = table.shape[1]
        variant = np.broadcast_to(np.arange(width), (cases, width)).copy()
        no_pairs = np.zeros((0, 2, 2, table.shape[0]))
        return cls(table, variant, np.zeros((0, 2), dtype=np.int64), no_pairs)

    @property
    def width(self) -> int:
        """K, the number of candidates."""
        return int(self.variant.shape[1])


def answer_likelihoods(
    model: DiagnosticModel, answers: AnswerArray, columns: IntArray
) -> Likelihoods:
    """P(yes | condition, answers so far) of the findings at model `columns`.

    Given the condition, a finding depends only on the findings it is related to; with m of
    them answered, P(x | condition, answers) is proportional to
    P(x | condition)^(1 - m) * prod_i P(x, answer_i | condition), exact for the KB's relations
    (a child has one parent; the children of one parent are independent given it).

    Args:
        model: the diagnostic model.
        answers: (N, F) over model columns: 1 yes, -1 no, 0 unknown.
        columns: (K,) model columns of the candidate findings.
    """
    joint = relation_joint(model)
    with np.errstate(divide="ignore"):
        log_joint = np.log(joint)
    width = len(columns)
    variant = np.broadcast_to(np.arange(width), (len(answers), width)).copy()
    extra: list[FloatArray] = []
    for k, column in enumerate(columns):
        links = _links(model, int(column))
        if not links:
            continue
        codes = sum(
            _state(answers[:, partner]) * STATES**i for i, (_, partner, _) in enumerate(links)
        )
        for code in np.unique(codes[codes > 0]):
            digits = [int(code) // STATES**i % STATES for i in range(len(links))]
            variant[codes == code, k] = width + len(extra)
            extra.append(_conditional(model, log_joint, int(column), links, digits))
    table = np.concatenate([model.p_yes[:, columns], *(c[:, None] for c in extra)], axis=1)
    position = {int(c): k for k, c in enumerate(columns)}
    kept = [
        (r, position[int(p)], position[int(c)])
        for r, (p, c) in enumerate(zip(model.relation_parent, model.relation_child, strict=True))
        if int(p) in position and int(c) in position
    ]
    p_parent = model.p_yes[:, model.relation_parent].T
    p_child = model.p_yes[:, model.relation_child].T
    marginal_parent = np.stack([p_parent, 1.0 - p_parent], axis=1)[:, :, None, :]
    marginal_child = np.stack([p_child, 1.0 - p_child], axis=1)[:, None, :, :]
    terms = log_joint - np.log(marginal_parent) - np.log(marginal_child)
    pairs = np.array([(p, c) for _, p, c in kept], dtype=np.int64).reshape(-1, 2)
    return Likelihoods(table, variant, pairs, terms[[r for r, _, _ in kept]])


def _state(answers: AnswerArray) -> IntArray:
    """Answer codes (1 yes, -1 no, 0 unknown) as context digits (1 yes, 2 no, 0 unknown)."""
    digits: IntArray = np.where(answers == 1, 1, np.where(answers == -1, 2, 0))
    return digits


def _links(model: DiagnosticModel, column: int) -> list[tuple[int, int, bool]]:
    """(relation, partner column, the finding is the parent) for each relation of `column`."""
    return [
        (r, int(c) if int(p) == column else int(p), int(p) == column)
        for r, (p, c) in enumerate(zip(model.relation_parent, model.relation_child, strict=True))
        if column in (int(p), int(c))
    ]


def _conditional(
    model: DiagnosticModel,
    log_joint: FloatArray,
    column: int,
    links: list[tuple[int, int, bool]],
    digits: list[int],
) -> FloatArray:
    """(C,) P(yes | condition) of `column` given its partners' answers `digits` (STATES)."""
    p = model.p_yes[:, column]
    answered = sum(d > 0 for d in digits)
    log_weight = (1 - answered) * np.log(np.stack([p, 1.0 - p]))
    for (relation, _, is_parent), digit in zip(links, digits, strict=True):
        if digit:
            table = log_joint[relation]
            log_weight = log_weight + (table[:, digit - 1] if is_parent else table[digit - 1])
    weight = np.exp(log_weight - log_weight.max(axis=0))
    conditional: FloatArray = weight[0] / weight.sum(axis=0)
    return conditional


def settled_answers(model: DiagnosticModel, answers: AnswerArray) -> AnswerArray:
    """`answers` (N, F) plus the answers they settle (1 yes, -1 no) for unanswered findings: a
    parent's yes settles its child (yes if implied, no if excluded); a no to an implied child or
    a yes to an excluded one rules the parent out. These are the only answers that make the
    partner's P(yes | condition, answers) 0 or 1 for every condition, and one pass finds them all
    (a child is never a parent).

    Recording a settled answer leaves the engine's posterior unchanged (its pair term cancels
    its own likelihood), so the result may be scored in place of `answers`.
    """
    known = answers.copy()
    # Given its parent present, a child is certain: present (implies) or absent (excludes).
    entailed = model.child_given_parent[:, 0, 0] == 1.0
    for parent, child, implies in zip(
        model.relation_parent, model.relation_child, entailed, strict=True
    ):
        child_value = 1 if implies else -1
        known[(known[:, parent] == 1) & (known[:, child] == 0), child] = child_value
        known[(known[:, child] == -child_value) & (known[:, parent] == 0), parent] = -1
    return known


def settled_evidence(model: DiagnosticModel, evidence: Evidence) -> Evidence:
    """`evidence` with the answers its answers settle added (see `settled_answers`)."""
    answers = encode(model, [evidence]).answers
    known = settled_answers(model, answers)[0]
    added = np.flatnonzero(known != answers[0])
    return evidence.with_answers(
        {model.finding_ids[f]: Answer.YES if known[f] == 1 else Answer.NO for f in added}
    )
