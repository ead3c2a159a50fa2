"""The public API of hipdx.nlp: exports, result types, read_text and the cached reader."""

from __future__ import annotations

from datetime import date

import pytest

import hipdx.nlp
from hipdx.nlp import TextFinding, TextReader, TextReading, default_reader, read_text
from hipdx.types import Answer, Sex


def test_all_is_sorted_and_resolves() -> None:
    assert hipdx.nlp.__all__ == sorted(hipdx.nlp.__all__)
    for name in hipdx.nlp.__all__:
        assert hasattr(hipdx.nlp, name)


def test_default_reader_is_built_once(full_reader: TextReader) -> None:
    assert default_reader() is full_reader
    assert default_reader(use_embeddings=True) is full_reader
    assert full_reader.uses_embeddings


def test_read_text_uses_the_given_reader(rules_reader: TextReader) -> None:
    reading = read_text("34M, SLR +ve", reader=rules_reader)
    assert reading == TextReading(
        findings=(
            TextFinding("onset_before_40", Answer.YES, (0, 3), "34M", "number"),
            TextFinding("slr_positive", Answer.YES, (5, 8), "SLR", "lexicon"),
        ),
        age=34,
        sex=Sex.MALE,
    )


def test_read_text_defaults_to_the_cached_full_reader(full_reader: TextReader) -> None:
    assert read_text("no fever") == full_reader.read("no fever")


def test_reference_date_reads_since_a_month(rules_reader: TextReader) -> None:
    text = "Buttock pain since January."
    assert rules_reader.read(text).get("duration_over_3_months") is None
    later = rules_reader.read(text, today=date(2025, 6, 1)).get("duration_over_3_months")
    assert later is not None and later.value is Answer.YES
    soon = rules_reader.read(text, today=date(2025, 1, 20)).get("duration_under_6_weeks")
    assert soon is not None and soon.value is Answer.YES


def test_one_finding_per_id_in_text_order(rules_reader: TextReader) -> None:
    reading = rules_reader.read("Buttock pain. Worse sitting. Buttock pain again, sore buttock.")
    ids = [f.finding for f in reading.findings]
    assert ids == ["pain_deep_buttock", "worse_sitting"]
    assert reading.findings[0].span == (0, 7)
    assert reading.findings[0].text == "Buttock"


def test_text_finding_is_yes_or_no() -> None:
    with pytest.raises(ValueError):
        TextFinding("fever", Answer.UNKNOWN, (0, 5), "fever", "lexicon")
    with pytest.raises(ValueError):
        TextFinding("fever", Answer.YES, (5, 0), "fever", "lexicon")


def test_results_are_frozen() -> None:
    finding = TextFinding("fever", Answer.YES, (0, 5), "fever", "lexicon")
    with pytest.raises(AttributeError):
        finding.value = Answer.NO  # type: ignore[misc]


def test_answers_maps_ids_to_values(rules_reader: TextReader) -> None:
    reading = rules_reader.read("Denies fever. SLR positive.")
    assert reading.answers() == {"fever": Answer.NO, "slr_positive": Answer.YES}


def test_empty_text_reads_nothing(rules_reader: TextReader) -> None:
    assert rules_reader.read("") == TextReading(findings=(), age=None, sex=None)
