#!/usr/bin/env python3
"""Co-occurrence baselines with the gold entities of a PubTator corpus: how precise and complete a
relation pairing would be if every entity were found and normalised as the annotators did. It bounds
what a document-level shortcut such as `mechkg --co-mentions` can reach before tagging errors, and is
the measurement that chose its conditions (README, "Co-mentions").

Each strategy pairs the concept identifiers of one document whose entity types may relate (chemical,
gene, disease, variant) and is scored against the gold relation pairs of the document, untyped and
unordered. Sentences are split at ". " before a capital letter, the title being sentence 0.

Usage: python3 scripts/cooccurrence_baseline.py GOLD.PubTator [...]
"""

import re
import sys
from collections import Counter, defaultdict

# Entity types that relations of BC5CDR and BioRED join (unordered pairs; a one-element set pairs a
# type with itself).
RELATABLE = {frozenset(p) for p in [
    ("Chemical", "Disease"),
    ("ChemicalEntity", "DiseaseOrPhenotypicFeature"),
    ("GeneOrGeneProduct", "DiseaseOrPhenotypicFeature"),
    ("ChemicalEntity", "GeneOrGeneProduct"),
    ("GeneOrGeneProduct",),
    ("ChemicalEntity",),
    ("GeneOrGeneProduct", "SequenceVariant"),
    ("SequenceVariant", "DiseaseOrPhenotypicFeature"),
    ("ChemicalEntity", "SequenceVariant"),
]}


def read(path):
    """{pmid: {"text": title + " " + abstract, "mentions": [(start, type, ids)], "pairs": set}}"""
    docs = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line:
                continue
            m = re.match(r"^(\d+)\|([ta])\|(.*)$", line)
            if m:
                d = docs.setdefault(m.group(1), {"text": "", "mentions": [], "pairs": set()})
                d["text"] = m.group(3) if m.group(2) == "t" else d["text"] + " " + m.group(3)
                continue
            f = line.split("\t")
            d = docs[f[0]]
            if f[1].isdigit():
                d["mentions"].append((int(f[1]), f[4], f[5]))
            else:
                d["pairs"].add(frozenset([f[2], f[3]]))
    return docs


def strategies():
    def one_in_title(s, x, y):
        return 0 in s[x] or 0 in s[y]
    return [
        ("shares a sentence", lambda c, s, x, y: bool(s[x] & s[y])),
        ("both in the title", lambda c, s, x, y: 0 in s[x] and 0 in s[y]),
        ("shares a sentence, one in the title",
         lambda c, s, x, y: one_in_title(s, x, y) and bool(s[x] & s[y])),
        ("shares a sentence, one in the title, each named twice",
         lambda c, s, x, y: one_in_title(s, x, y) and bool(s[x] & s[y]) and c[x] >= 2 and c[y] >= 2),
    ]


def score(docs, keep):
    tp = fp = fn = 0
    for d in docs.values():
        t = d["text"]
        starts = [0] + [m.end() for m in re.finditer(r"[.!?]\s+(?=[A-Z])", t)]
        count, sents, kind = Counter(), defaultdict(set), {}
        for start, ty, ids in d["mentions"]:
            sentence = sum(1 for b in starts[1:] if b <= start)
            # Several identifiers name a composite mention's concepts; a variant's `|` is its own.
            sep = r"[,;]" if "Variant" in ty or "Mutation" in ty or ty == "SNP" else r"[,;|]"
            for j in re.split(sep, ids):
                count[j] += 1
                sents[j].add(sentence)
                kind[j] = ty
        found = set()
        ids = sorted(count)
        for a, x in enumerate(ids):
            for y in ids[a + 1:]:
                if frozenset([kind[x], kind[y]]) in RELATABLE and keep(count, sents, x, y):
                    found.add(frozenset([x, y]))
        tp += len(found & d["pairs"])
        fp += len(found - d["pairs"])
        fn += len(d["pairs"] - found)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return tp, fp, fn, p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main(paths):
    for path in paths:
        docs = read(path)
        print(f"{path}: {len(docs)} documents")
        for name, keep in strategies():
            tp, fp, fn, p, r, f1 = score(docs, keep)
            print(f"  {name:55} TP {tp:5} FP {fp:5} FN {fn:5}  P {p:.3f}  R {r:.3f}  F1 {f1:.3f}")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1:])
