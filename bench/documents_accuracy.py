"""Measure the document checker on a generated, labelled set (bench/documents_generate.py).

Reports, per class: documents, class accuracy, UNKNOWN rate (an honest "I cannot tell"), and
confident errors (a wrong class that is not UNKNOWN: the worst outcome); then the accuracy of
the facial check, signer and expiry where the label states them; then the same by variant
(clean, reworded, re-laid-out, OCR-noised, image).

    .venv/bin/python bench/documents_accuracy.py var/bench-documents [--json results.json]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter, defaultdict
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from threshold.protocol.documents import check_document_bytes


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("folder", nargs="?", default="var/bench-documents")
    parser.add_argument("--json", metavar="PATH", help="also write the results as JSON")
    parser.add_argument("--errors", action="store_true", help="list every wrong answer")
    parser.add_argument("--no-images", action="store_true", help="skip image files")
    args = parser.parse_args()
    folder = Path(args.folder)
    labels = [
        json.loads(line) for line in (folder / "labels.jsonl").read_text().splitlines() if line
    ]
    if args.no_images:
        labels = [x for x in labels if x["variant"] != "image"]

    per_class: dict[str, Counter[str]] = defaultdict(Counter)
    per_variant: dict[str, Counter[str]] = defaultdict(Counter)
    fields: dict[str, Counter[str]] = defaultdict(Counter)
    errors: list[str] = []
    started = time.time()
    image_seconds = 0.0
    for label in labels:
        expect = label["expect"]
        began = time.time()
        result = check_document_bytes(
            (folder / label["file"]).read_bytes(),
            school=label["school"],
            address=label["address"],
            now=datetime.fromisoformat(label["now"]),
        ).as_dict()
        if label["variant"] == "image":
            image_seconds += time.time() - began
        klass, variant = label["class"], label["variant"]
        got = result["type"]
        for counter in (per_class[klass], per_variant[variant]):
            counter["n"] += 1
            if got == expect["type"]:
                counter["right"] += 1
            elif got == "UNKNOWN":
                counter["unknown"] += 1
            else:
                counter["confident_wrong"] += 1
        if got != expect["type"]:
            errors.append(
                f"{label['file']}: class {got}, expected {expect['type']} {label['notes']}"
            )
            continue
        for key in ("facial_check", "signed_by", "expires", "nondisclosure"):
            if key in expect:
                fields[key]["n"] += 1
                if result[key] == expect[key]:
                    fields[key]["right"] += 1
                else:
                    wrong = f"{key} {result[key]}, expected {expect[key]}"
                    errors.append(f"{label['file']}: {wrong} {label['notes']}")

    def pct(a: int, b: int) -> str:
        return f"{100 * a / b:5.1f}%" if b else "    -"

    lines = [f"Document checker on {len(labels)} generated documents ({folder})", ""]
    lines.append(f"{'class':<28}{'n':>5} {'correct':>8} {'UNKNOWN':>8} {'wrong':>8}")
    total: Counter[str] = Counter()
    for klass in sorted(per_class):
        c = per_class[klass]
        total.update(c)
        lines.append(
            f"{klass:<28}{c['n']:>5} {pct(c['right'], c['n']):>8} {pct(c['unknown'], c['n']):>8} "
            f"{pct(c['confident_wrong'], c['n']):>8}"
        )
    lines.append(
        f"{'ALL':<28}{total['n']:>5} {pct(total['right'], total['n']):>8} "
        f"{pct(total['unknown'], total['n']):>8} {pct(total['confident_wrong'], total['n']):>8}"
    )
    lines += ["", f"{'variant':<28}{'n':>5} {'correct':>8} {'UNKNOWN':>8} {'wrong':>8}"]
    for variant in ("clean", "reworded", "relaid", "ocr_light", "ocr_heavy", "image"):
        c = per_variant.get(variant)
        if c:
            lines.append(
                f"{variant:<28}{c['n']:>5} {pct(c['right'], c['n']):>8} "
                f"{pct(c['unknown'], c['n']):>8} {pct(c['confident_wrong'], c['n']):>8}"
            )
    lines += ["", "fields (documents whose class was right):"]
    for key, c in fields.items():
        lines.append(f"  {key:<16}{c['n']:>5} {pct(c['right'], c['n']):>8}")
    lines.append("")
    lines.append(f"time: {time.time() - started:.1f} s (of which images {image_seconds:.1f} s)")
    print("\n".join(lines))
    if args.errors:
        print("\nerrors:")
        print("\n".join(errors))
    if args.json:
        Path(args.json).write_text(
            json.dumps(
                {
                    "per_class": {k: dict(v) for k, v in per_class.items()},
                    "per_variant": {k: dict(v) for k, v in per_variant.items()},
                    "fields": {k: dict(v) for k, v in fields.items()},
                    "errors": errors,
                },
                indent=2,
            )
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
