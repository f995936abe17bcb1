#!/usr/bin/env python3
"""Seed acceptance from the command line: compares `mechkg extract` TSV output with
fixtures/seed/expected-mechanisms.tsv by the rules of tests/seed.rs (every `must` row found, at least
three quarters of the `should` rows, no `must_not` row; negated relations do not count). This script
owns only that comparison; it is how the acceptance is checked with another vocabulary, e.g.

  mechkg extract --vocab ~/.cache/mechkg/full.tsv --vocab vocab/curated.tsv fixtures/seed/jiang2023.txt \\
      | python3 scripts/check_seed_acceptance.py

Exit 0 when the acceptance holds, 1 otherwise. Python 3.11 standard library only.
Usage: python3 scripts/check_seed_acceptance.py [EXTRACT_TSV (default stdin)] [--expected FILE]
"""

import argparse
import os
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("extract", nargs="?", help="mechkg extract TSV output (default: stdin)")
    ap.add_argument("--expected", default=os.path.join(REPO, "fixtures", "seed", "expected-mechanisms.tsv"))
    args = ap.parse_args(argv)
    text = open(args.extract, encoding="utf-8").read() if args.extract else sys.stdin.read()
    lines = text.splitlines()
    head = lines[0].split("\t")
    col = {name: i for i, name in enumerate(head)}
    found = set()
    for line in lines[1:]:
        c = line.split("\t")
        if c[col["negated"]] == "true":
            continue
        found.add((c[col["subject_id"]], c[col["predicate"]], c[col["object_id"]]))
    counts = {"must": [0, 0], "should": [0, 0], "must_not": [0, 0]}
    problems = []
    for line in open(args.expected, encoding="utf-8"):
        if line.startswith("#") or line.startswith("level\t") or not line.strip():
            continue
        level, subj, pred, obj, sentence = line.rstrip("\n").split("\t")[:5]
        s, p, o = set(subj.split("|")), set(pred.split("|")), set(obj.split("|"))
        hit = any(a in s and b in p and c in o for a, b, c in found)
        counts[level][0] += 1
        counts[level][1] += hit
        if (level == "must" and not hit) or (level == "must_not" and hit):
            problems.append(f"{'missing' if level == 'must' else 'found'} {level}: {subj} {pred} {obj}  ({sentence})")
        elif level == "should" and not hit:
            print(f"should row not found: {subj} {pred} {obj}", file=sys.stderr)
    must, should, must_not = counts["must"], counts["should"], counts["must_not"]
    if should[1] * 4 < should[0] * 3:
        problems.append(f"only {should[1]} of {should[0]} should rows found")
    print(f"must {must[1]}/{must[0]}, should {should[1]}/{should[0]}, must_not found {must_not[1]}/{must_not[0]}: "
          + ("acceptance holds" if not problems else "acceptance FAILS"))
    for p in problems:
        print("  " + p)
    return 0 if not problems else 1


if __name__ == "__main__":
    sys.exit(main())
