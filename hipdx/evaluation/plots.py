"""PNG figures of an evaluation: confusion matrix and reliability diagram."""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np

from hipdx.evaluation.metrics import Metrics


def write_plots(metrics: Metrics, folder: Path, condition_ids: list[str]) -> list[Path]:
    """Write confusion_matrix.png and reliability.png into `folder`; return their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    index = {c: i for i, c in enumerate(condition_ids)}
    counts = np.zeros((len(condition_ids), len(condition_ids)))
    for true, row in metrics.confusion.items():
        for predicted, n in row.items():
            counts[index[true], index[predicted]] = n

    figure, axes = plt.subplots(figsize=(11, 10))
    axes.imshow(counts, cmap="Blues")
    axes.set_xticks(range(len(condition_ids)), condition_ids, rotation=90, fontsize=7)
    axes.set_yticks(range(len(condition_ids)), condition_ids, fontsize=7)
    axes.set_xlabel("predicted (top 1)")
    axes.set_ylabel("true diagnosis")
    for (i, j), count in np.ndenumerate(counts):
        if count:
            axes.text(float(j), float(i), str(int(count)), ha="center", va="center", fontsize=6)
    axes.set_title(f"Confusion matrix (top-1 {metrics.top1:.0%}, n={metrics.cases})")
    figure.tight_layout()
    confusion_path = folder / "confusion_matrix.png"
    figure.savefig(confusion_path, dpi=110)
    plt.close(figure)

    figure, axes = plt.subplots(figsize=(5.5, 5.5))
    axes.plot([0, 1], [0, 1], linestyle="--", color="grey", label="perfect calibration")
    bins = metrics.reliability
    axes.plot(
        [b.mean_confidence for b in bins],
        [b.accuracy for b in bins],
        marker="o",
        label="hipdx top-1",
    )
    for b in bins:
        axes.annotate(
            str(b.cases),
            (b.mean_confidence, b.accuracy),
            fontsize=7,
            textcoords="offset points",
            xytext=(4, -10),
        )
    axes.set_xlabel("top-1 probability")
    axes.set_ylabel("share correct")
    axes.set_title(f"Reliability (Brier {metrics.brier_top1:.3f})")
    axes.legend(loc="upper left")
    figure.tight_layout()
    reliability_path = folder / "reliability.png"
    figure.savefig(reliability_path, dpi=110)
    plt.close(figure)
    return [confusion_path, reliability_path]
