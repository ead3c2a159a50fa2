"""The setting priors are shrunk toward equal odds by the knowledge base's prior exponent."""

from __future__ import annotations

import numpy as np

from hipdx.engine.model import build_model
from hipdx.knowledge.schema import KnowledgeBase


def with_exponent(kb: KnowledgeBase, value: float) -> KnowledgeBase:
    exponent = kb.demographics.prior_exponent.model_copy(update={"value": value})
    demographics = kb.demographics.model_copy(update={"prior_exponent": exponent})
    return kb.model_copy(update={"demographics": demographics})


def test_the_model_prior_is_the_setting_prior_raised_to_the_exponent(kb: KnowledgeBase) -> None:
    exponent = kb.demographics.prior_exponent.value
    assert 0 < exponent < 1
    as_given = build_model(with_exponent(kb, 1.0)).prior
    raised = as_given**exponent
    np.testing.assert_allclose(build_model(kb).prior, raised / raised.sum(axis=1, keepdims=True))


def test_shrinking_keeps_the_order_and_narrows_the_spread(kb: KnowledgeBase) -> None:
    as_given, shrunk = build_model(with_exponent(kb, 1.0)).prior, build_model(kb).prior
    for full, tempered in zip(as_given, shrunk, strict=True):
        assert (np.argsort(full, kind="stable") == np.argsort(tempered, kind="stable")).all()
        assert tempered.max() / tempered.min() < full.max() / full.min()


def test_an_exponent_of_one_takes_the_priors_as_written(kb: KnowledgeBase) -> None:
    model = build_model(with_exponent(kb, 1.0))
    row = model.setting_index(None)
    written = np.array(
        [kb.conditions[c].priors[model.default_setting].value for c in model.condition_ids]
    )
    np.testing.assert_allclose(model.prior[row], written / written.sum())
