"""Expected information gain of asking a yes/no finding, for question and test selection."""

from __future__ import annotations

import numpy as np

from hipdx.engine.model import FloatArray


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
