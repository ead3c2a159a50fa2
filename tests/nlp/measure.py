"""Report the text reader's precision and recall on the tests/nlp sentence files, and its speed.

Run from the repository root: .venv/bin/python -m tests.nlp.measure [--threshold 0.6 ...]

Each case's `expect` is its complete reading: a finding read with the expected value is a true
positive; any other reading (a finding not expected, or the wrong value) is a false positive;
an expected reading not produced is a false negative. Reported with and without the
sentence-embedding matcher, with the reader build time and the time to read a 1,000-character
note.
"""

from __future__ import annotations

import argparse
import time
from dataclasses import dataclass

from hipdx.nlp import TextReader, build_reader
from hipdx.nlp.lexicon import load_embedding_settings
from tests.nlp.cases import DIAGNOSTIC, HELDOUT, PUBLISHED, Case, load_cases

NOTE = (
    "34M, 3/52 L buttock pain radiating to calf, SLR +ve 40deg, no saddle anaesthesia, "
    "bladder/bowel NAD. Worse sitting and driving, eased by standing. Denies fever, night sweats "
    "or weight loss. PMH: hypertension, previous hamstring tear two years ago. Father has "
    "ankylosing spondylitis. O/E tender over the ischial tuberosity, slump -ve, FADIR neg, hip "
    "IR full. Patient says: sharp pain in my bum when I sit through a film, pins and needles "
    "down to my foot, felt a pop while sprinting. Advised to return if saddle numbness or "
    "bladder problems develop. MRI lumbar spine requested to exclude a disc herniation."
)


@dataclass(frozen=True)
class Score:
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


def score(reader: TextReader, cases: list[Case]) -> Score:
    """Micro-averaged counts over every case."""
    tp = fp = fn = 0
    for case in cases:
        got = reader.read(case.text, today=case.today).answers()
        tp += sum(1 for f, v in got.items() if case.expect.get(f) == v)
        fp += sum(1 for f, v in got.items() if case.expect.get(f) != v)
        fn += sum(1 for f, v in case.expect.items() if got.get(f) != v)
    return Score(tp, fp, fn)


def per_note_seconds(reader: TextReader, repeats: int = 20) -> float:
    """Seconds to read a 1,000-character note (mean over `repeats`)."""
    note = (NOTE * 2)[:1000]
    reader.read(note)
    start = time.perf_counter()
    for _ in range(repeats):
        reader.read(note)
    return (time.perf_counter() - start) / repeats


def _figures(s: Score) -> str:
    return f"precision {s.precision:.3f} recall {s.recall:.3f} (tp {s.tp} fp {s.fp} fn {s.fn})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--threshold", type=float, nargs="*", default=[])
    args = parser.parse_args()
    cases = load_cases()
    published = load_cases(PUBLISHED)
    subsets = {
        "sentences.yaml": cases,
        "  embedding cases": [c for c in cases if c.needs_embeddings],
        "sentences_diagnostic": load_cases(DIAGNOSTIC),
        "heldout.yaml": load_cases(HELDOUT),
        "published (dev)": [c for c in published if c.half == "dev"],
        "published (check)": [c for c in published if c.half == "check"],
    }
    for use_embeddings in (False, True):
        start = time.perf_counter()
        reader = build_reader(use_embeddings=use_embeddings)
        built = time.perf_counter() - start
        label = "rules + embeddings" if use_embeddings else "rules only"
        note_ms = per_note_seconds(reader) * 1000
        print(f"{label}: build {built:.1f} s, {note_ms:.0f} ms per 1,000-character note")
        for name, subset in subsets.items():
            s = score(reader, subset)
            print(f"  {name:18s} {_figures(s)}")
    if args.threshold:
        base = load_embedding_settings()
        for threshold in args.threshold:
            settings = base.model_copy(update={"threshold": threshold})
            reader = build_reader(embedding=settings)
            s = score(reader, cases)
            print(f"threshold {threshold:.2f}: {_figures(s)}")


if __name__ == "__main__":
    main()
