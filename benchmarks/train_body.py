"""Train the body filter's line scorer from a benchmark folder with gold texts.

    python benchmarks/train_body.py                      # wcxb-dev, dev split -> model
    python benchmarks/train_body.py --out /tmp/m.json    # somewhere else

Only the dev split is read (the held-out split is never trained or tuned on). Each line of a
page's text is labelled article when it is a line of the gold text, or (four words or more)
a run of the gold text; lines are weighted by their share of the page's words, so that each
page counts the same, as in the macro-averaged score. Two logistic layers are fitted with
numpy (a training-time dependency only: the filter runs the weights in plain Python), and
the threshold is the one that gives the best macro bag-of-words F1 on the dev split, moved
towards keeping by ``--recall-bias`` because a lost paragraph costs more than a kept menu.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
from collections import Counter
from itertools import pairwise
from multiprocessing import Pool
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from quality import DEFAULT_FOLDER, _trafilatura_text, page_ids, select  # noqa: E402

from cleantext import lang  # noqa: E402
from cleantext.clean import default_pipeline  # noqa: E402
from cleantext.filters import body  # noqa: E402
from cleantext.page import Page  # noqa: E402
from cleantext.pipeline import Pipeline  # noqa: E402

WORD = re.compile(r"\w+")
MODEL_PATH = ROOT / "cleantext" / "data" / "body_model.json"


def norm(s: str) -> str:
    return " ".join(WORD.findall(s.lower()))


def page_data(task: tuple[str, str, str]) -> dict[str, Any] | None:
    """Features, labels and token counters of one page, as the body filter would see it."""
    folder, page_id, kind = task
    src = Path(folder)
    if kind == "trafilatura":
        text = _trafilatura_text(src, page_id)
    else:
        text = (src / f"{page_id}.{kind}.txt").read_text(encoding="utf-8")
    gold = (src / f"{page_id}.gold.txt").read_text(encoding="utf-8")
    language, _ = lang.guess(text)
    page = Page(text, lang.stopwords(language or "en"), language=language)
    before = Pipeline(f for f in default_pipeline() if f.name not in ("body", "whitespace"))
    _, removed = before.run_with_lines(page)
    act, cols = body.line_features(page, removed)
    if not act:
        return None
    gold_lines = {norm(g) for g in gold.split("\n")}
    gold_flat = f" {norm(gold)} "
    labels, tokens = [], []
    for i in act:
        n = norm(page.stripped[i])
        ok = n in gold_lines or (len(n.split()) >= 4 and f" {n} " in gold_flat)
        labels.append(1.0 if ok else 0.0)
        tokens.append(Counter(WORD.findall(page.stripped[i].lower())))
    return {
        "id": page_id,
        "x": np.array([cols[f] for f in body.LINE_FEATURES], dtype=float).T,
        "cols": cols,
        "y": np.array(labels),
        "tokens": tokens,
        "gold": Counter(WORD.findall(gold.lower())),
    }


def fit_logistic(x: np.ndarray, y: np.ndarray, w: np.ndarray, l2: float) -> np.ndarray:
    """Weighted, L2-regularised logistic regression by Newton's method (bias last)."""
    xb = np.hstack([x, np.ones((len(x), 1))])
    beta = np.zeros(xb.shape[1])
    reg = np.full(xb.shape[1], l2)
    reg[-1] = 0.0
    for _ in range(50):
        z = np.clip(xb @ beta, -30, 30)
        p = 1 / (1 + np.exp(-z))
        grad = xb.T @ (w * (p - y)) + reg * beta
        hess = (xb * (w * p * (1 - p))[:, None]).T @ xb + np.diag(reg) + 1e-9 * np.eye(len(beta))
        step = np.linalg.solve(hess, grad)
        beta -= step
        if np.max(np.abs(step)) < 1e-7:
            break
    return beta


def standardise(x: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    mean = x.mean(axis=0)
    std = x.std(axis=0)
    std[std == 0] = 1.0
    return (x - mean) / std, mean, std


def raw_weights(
    names: tuple[str, ...], beta: np.ndarray, mean: np.ndarray, std: np.ndarray
) -> dict[str, float]:
    """Fold the standardisation into the weights, so the filter works on raw features."""
    w = beta[:-1] / std
    out = {name: round(float(v), 6) for name, v in zip(names, w)}
    out["bias"] = round(float(beta[-1] - np.sum(beta[:-1] * mean / std)), 6)
    for name, m in zip(names, mean):
        out[f"mean:{name}"] = round(float(m), 6)
    return out


def macro_f1(pages: list[dict[str, Any]], scores: list[np.ndarray], threshold: float) -> float:
    total = 0.0
    for page, s in zip(pages, scores):
        out: Counter[str] = Counter()
        for keep, toks in zip(s >= threshold, page["tokens"]):
            if keep:
                out.update(toks)
        inter = sum((out & page["gold"]).values())
        p = inter / max(1, sum(out.values()))
        r = inter / max(1, sum(page["gold"].values()))
        total += 2 * p * r / (p + r) if p + r else 0.0
    return total / len(pages)


_EMPTY = body.Layers({}, {}, 0.0)


def fit_layers(
    pages: list[dict[str, Any]], l2: float, recall_bias: float
) -> tuple[body.Layers, float]:
    """Fit both layers on these texts; the threshold is the best one less the bias."""
    x = np.vstack([p["x"] for p in pages])
    y = np.concatenate([p["y"] for p in pages])
    weight = np.concatenate(
        [np.array([sum(t.values()) + 1 for t in p["tokens"]], dtype=float) for p in pages]
    )
    # Each page counts the same, however long.
    offsets = np.cumsum([0] + [len(p["y"]) for p in pages])
    for a, b in pairwise(offsets):
        weight[a:b] /= weight[a:b].sum()
    xs, mean, std = standardise(x)
    line_w = raw_weights(body.LINE_FEATURES, fit_logistic(xs, y, weight, l2), mean, std)
    own = [body._logit(line_w, p["cols"], len(p["y"])) for p in pages]
    ctx = [
        np.array([body.context_features(o, p["cols"])[f] for f in body.CONTEXT_FEATURES]).T
        for o, p in zip(own, pages)
    ]
    x2s, mean2, std2 = standardise(np.vstack(ctx))
    context_w = raw_weights(body.CONTEXT_FEATURES, fit_logistic(x2s, y, weight, l2), mean2, std2)
    final = [
        np.array(body._logit(context_w, dict(zip(body.CONTEXT_FEATURES, c.T)), len(c))) for c in ctx
    ]
    grid = np.arange(-8.0, 3.01, 0.25)
    f1s = {float(t): macro_f1(pages, final, float(t)) for t in grid}
    best = max(f1s, key=lambda t: f1s[t])
    threshold = best - recall_bias
    f1 = macro_f1(pages, final, threshold)
    print(
        f"  threshold {threshold:+.2f} (best {best:+.2f}: {f1s[best]:.4f}); "
        f"dev macro F1 at the threshold {f1:.4f}",
        file=sys.stderr,
    )
    return body.Layers(line_w, context_w, round(threshold, 4)), f1


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--folder", type=Path, default=DEFAULT_FOLDER)
    ap.add_argument(
        "--kind",
        action="append",
        help="input kinds to train on, repeatable (default: page and trafilatura, so the "
        "scorer learns both raw page text and an extractor's output)",
    )
    ap.add_argument("--out", type=Path, default=MODEL_PATH)
    ap.add_argument("--l2", type=float, default=1.0)
    ap.add_argument("--recall-bias", type=float, default=0.5, help="logits towards keeping")
    ap.add_argument(
        "--extracted-recall-bias", type=float, default=1.0, help="the same for extracted texts"
    )
    ap.add_argument("--max-short-run", type=int, default=6, help="regime rule, see body.Model")
    ap.add_argument("--max-short-share", type=float, default=0.25, help="regime rule")
    ap.add_argument("--max-lines-before-body", type=int, default=1, help="regime rule (-1: off)")
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args()
    if not args.folder.is_dir():
        print(f"skipped: {args.folder} not found", file=sys.stderr)
        return 0
    kinds = args.kind or ["page", "trafilatura"]
    ids = select(page_ids(args.folder), "dev")
    with Pool(args.jobs) as pool:
        found = pool.map(page_data, [(str(args.folder), i, kind) for kind in kinds for i in ids])
    pages = [p for p in found if p is not None]
    print(f"{len(pages)} dev pages, {sum(len(p['y']) for p in pages)} lines", file=sys.stderr)

    rule = {
        "max_short_run": args.max_short_run,
        "max_short_share": args.max_short_share,
        "max_lines_before_body": args.max_lines_before_body,
    }
    probe = body.Model(
        _EMPTY, _EMPTY, args.max_short_run, args.max_short_share, args.max_lines_before_body
    )
    model: dict[str, Any] = {
        "_comment": "Trained by benchmarks/train_body.py on the dev split of wcxb-dev; "
        "weights apply to raw features, 'mean:' entries centre the evidence in reasons.",
        "trained_on": f"{args.folder.name} dev split, {len(pages)} texts, kinds {kinds}",
        "extracted_if": rule,
    }
    for regime, bias in (("page", args.recall_bias), ("extracted", args.extracted_recall_bias)):
        group = [p for p in pages if probe.regime(p["cols"]) == regime]
        print(f"{regime}: {len(group)} texts", file=sys.stderr)
        layers, f1 = fit_layers(group, args.l2, bias)
        model[regime] = layers.to_dict()
        for name in body.LINE_FEATURES:
            print(f"  line {name:18} {layers.line[name]:+.3f}", file=sys.stderr)
        for name in body.CONTEXT_FEATURES:
            print(f"  ctx  {name:18} {layers.context[name]:+.3f}", file=sys.stderr)
        if not math.isfinite(f1):
            return 1
    args.out.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
