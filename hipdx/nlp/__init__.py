"""Free-text reader: clinical notes and patients' own words to findings, age and sex.

    reading = read_text("34M, 3/52 L buttock pain to calf, SLR +ve, no saddle anaesthesia")
    reading.findings  # (TextFinding("onset_before_40", Answer.YES, (0, 3), "34M", "number"), ...)
    reading.age, reading.sex  # 34, Sex.MALE

Needs the `nlp` extra (spaCy, medspaCy, sentence-transformers). Rules and vocabulary are data in
hipdx/knowledge/data/nlp/; see pipeline.py for how the reader is assembled.
"""

from hipdx.nlp.dependencies import import_spacy

import_spacy()  # before any module below imports spaCy: see dependencies.py

from hipdx.nlp.pipeline import TextReader, build_reader, default_reader, read_text  # noqa: E402
from hipdx.nlp.results import TextFinding, TextReading  # noqa: E402

__all__ = [
    "TextFinding",
    "TextReader",
    "TextReading",
    "build_reader",
    "default_reader",
    "read_text",
]
