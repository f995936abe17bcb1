#!/usr/bin/env python3
"""Learn a vocabulary layer from the training splits of the gold corpora: the corpus's own names.

Dictionaries name concepts the way ontologies do; annotated corpora show how abstracts name them and
which dictionary names their annotators never mark. This script owns that supervised layer. It reads
the training splits only (BC5CDR, BioRED, NCBI-disease, PubTator format), leaves out every document
whose PMID is in a development split (BioRED's training split holds 44 BC5CDR development abstracts),
and writes a vocabulary layer (vocab/FORMAT.md) to load after the full dictionary:

* learned names: a mention text annotated at least MIN_COUNT times, with one identifier for at least
  MIN_SHARE of them and (chemicals and diseases) of the documents that annotate it, and annotated in
  at least MIN_RATE of its occurrences in the training text of the corpora that annotate its type (an
  occurrence inside another gold mention does not count), is added to the dictionary concept that
  carries the identifier (as CURIE or cross-reference); the same name is withdrawn (`{drop}`) from other concepts of the same
  type. An identifier no dictionary concept carries (a mouse gene's NCBI Gene id, a MeSH supplementary
  concept) becomes a concept of its own. Where the corpora each agree on a name but name it under two
  MeSH years (a 2015 supplementary record, a later descriptor), the descriptor's concept takes the
  older record as an identifier.
* withdrawn names: a dictionary name that mechkg tags at least MIN_FP times where the corpora annotate
  nothing of its type, and that the annotators mark in under MAX_NEG_RATE of its tagged
  occurrences, is withdrawn. The tags come from `mechkg eval --errors` on the training splits, so the
  statistics are those of the tagger itself.

The layer is a corpus convention, not ontology truth ("DNA" is a chemical, but no corpus here marks
it), so it is kept apart from the full dictionary: `scripts/eval.sh --learned` reports figures with and
without it. Output is sorted and deterministic; it goes to ~/.cache/mechkg/learned.tsv (never
committed: it derives from the corpora).

Usage:
  python3 scripts/learn_corpus_names.py [--corpora DIR] [--base FILE ...] [--mechkg BIN] [--out FILE]
"""

import argparse
import bisect
import os
import re
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import build_full_vocab as bfv  # noqa: E402

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

MIN_COUNT = 2
MIN_SHARE = 0.75
MIN_RATE = 0.5
MIN_FP = 3
# ... in at least this many documents: one abstract that repeats a name is one vote, as for learning.
MIN_FP_DOCS = 2
# A name the dictionary gives to a concept of another type is claimed by at least this many documents.
MIN_CLAIM_DOCS = 2
MAX_NEG_RATE = 0.2

# (training file, development file, the types its annotators mark), relative to the corpora directory.
SPLITS = [
    ("bc5cdr/CDR_TrainingSet.PubTator.txt", "bc5cdr/CDR_DevelopmentSet.PubTator.txt", {"chem", "dis"}),
    ("biored/Train.PubTator", "biored/Dev.PubTator", {"chem", "dis", "gene"}),
    ("ncbi-disease/NCBItrainset_corpus.txt", "ncbi-disease/NCBIdevelopset_corpus.txt", {"dis"}),
]

# Corpus type names → scored type (mirrors src/eval/types.rs); composite mentions are not learned.
CORPUS_TYPES = {
    "Chemical": "chem", "ChemicalEntity": "chem", "Drug": "chem",
    "Disease": "dis", "DiseaseOrPhenotypicFeature": "dis", "SpecificDisease": "dis",
    "DiseaseClass": "dis", "Modifier": "dis",
    "Gene": "gene", "GeneOrGeneProduct": "gene", "Protein": "gene",
}
# mechkg categories → scored type (mirrors src/eval/types.rs).
CATEGORY_TYPES = {
    "biolink:ChemicalEntity": "chem", "biolink:SmallMolecule": "chem",
    "biolink:MolecularEntity": "chem", "biolink:Drug": "chem",
    "biolink:Disease": "dis", "biolink:PhenotypicFeature": "dis", "biolink:Behavior": "dis",
    "biolink:Gene": "gene", "biolink:Protein": "gene", "biolink:GeneOrGeneProduct": "gene",
}
# The category a new concept of a scored type gets.
NEW_CATEGORY = {"chem": "biolink:ChemicalEntity", "dis": "biolink:Disease", "gene": "biolink:Gene"}
SCORED_TYPE = {
    "biolink:ChemicalEntity": "chem",
    "biolink:DiseaseOrPhenotypicFeature": "dis",
    "biolink:GeneOrGeneProduct": "gene",
}

# The tagger's comparison of names and its symbol rule, as the dictionary build implements them.
norm = bfv.merge_key
looks_like_symbol = bfv.looks_symbol


def gold_curie(raw, typ):
    """As src/eval/types.rs gold_curie, for the scored types."""
    raw = raw.strip()
    if ":" in raw:
        prefix, local = raw.split(":", 1)
        prefix = {"mesh": "MESH", "omim": "OMIM", "mim": "OMIM", "ncbigene": "NCBIGene"}.get(
            prefix.lower(), prefix)
        return f"{prefix}:{local.strip()}"
    if raw.isdigit():
        return f"NCBIGene:{raw}"
    if re.fullmatch(r"[CD]\d+", raw):
        return f"MESH:{raw}"
    return None


def read_pubtator(path):
    """Documents of a PubTator file: {pmid: (text, [(start, end, surface, type, ids)])}."""
    docs = {}
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line:
                continue
            m = re.match(r"^(\d+)\|([ta])\|(.*)$", line)
            if m:
                pmid, part, text = m.groups()
                old, mentions = docs.get(pmid, ("", []))
                docs[pmid] = ((old + " " + text) if part == "a" else text, mentions)
                continue
            cols = line.split("\t")
            if len(cols) >= 6 and cols[1].isdigit() and cols[2].isdigit():
                typ = CORPUS_TYPES.get(cols[4])
                ids = [i for i in re.split(r"[|,;+]", cols[5]) if i.strip() not in ("", "-1", "-")]
                docs[cols[0]][1].append((int(cols[1]), int(cols[2]), cols[3], typ, ids))
            elif len(cols) < 4:
                sys.exit(f"{path}:{n}: not a PubTator line")
    return docs


def pmids(path):
    with open(path, encoding="utf-8") as f:
        return {m.group(1) for m in map(re.compile(r"^(\d+)\|t\|").match, f) if m}


class Vocab:
    """The base layers, as far as this script needs them: categories, names, identifiers."""

    def __init__(self, paths):
        self.label, self.category = {}, {}
        self.names = defaultdict(set)  # curie → normalised names
        self.by_name = defaultdict(set)  # normalised name → curies
        self.by_id = defaultdict(set)  # curie or xref → curies
        # How the tagger matches each concept's names: case-sensitive spellings as written, the
        # others by their normalised form.
        self.exact = defaultdict(set)  # curie → case-sensitive spellings
        self.folded = defaultdict(set)  # curie → normalised case-insensitive names
        # Chemicals that are gene products (cite an HGNC gene: MeSH's Insulin). The one corpus here
        # that annotates genes (BioRED) files them under genes, as src/eval/types.rs scored_type does.
        self.gene_product = set()
        # A species' gene (`{ortholog}`: the mouse Stat3 of the human STAT3) has no names the tagger
        # matches; mechkg grounds the human gene's mentions on it in a study of that species
        # (src/tag/species.rs). Here its identifier is one of the human gene's, so that a corpus name
        # grounded on the mouse gene teaches the human gene's names, and it is no concept of its own.
        self.ortholog_of = {}  # species' gene → the gene it is the ortholog of
        for path in paths:
            for curie, label, category, names, xrefs in bfv.read_vocab_tsv(path):
                human = next((x[:-len("{ortholog}")] for x in xrefs if x.endswith("{ortholog}")), None)
                if human:
                    self.ortholog_of[curie] = human
                    self.by_id[curie].add(human)
                    continue
                self.label.setdefault(curie, label)
                self.category.setdefault(curie, category)
                self.by_id[curie].add(curie)
                # Broader, close and narrower matches ({broad}, {close}, {narrow}: a more general
                # concept, the heading of a salt or an acid, a family's members) are not this concept's
                # identifiers.
                for x in xrefs:
                    if not x.endswith(tuple(f"{{{g}}}" for g in bfv.GRADED)):
                        self.by_id[x].add(curie)
                        if x.startswith("HGNC:") and CATEGORY_TYPES.get(category) == "chem":
                            self.gene_product.add(curie)
                for name, flags in [(label, "")] + names:
                    if "drop" not in flags.split(","):
                        self.names[curie].add(norm(name))
                        self.by_name[norm(name)].add(curie)
                        if bfv.is_cs(name, flags):
                            self.exact[curie].update(bfv.tvariants(name, True))
                        else:
                            self.folded[curie].add(norm(name))

    def finds(self, curie, surface):
        """Whether the tagger finds `surface` as a name of `curie`: "mTOR" is no match for a
        case-sensitive "MTOR"."""
        return surface in self.exact[curie] or norm(surface) in self.folded[curie]

    def type_of(self, curie):
        return CATEGORY_TYPES.get(self.category.get(curie))

    def is_type(self, curie, typ):
        """Whether a concept is scored as typ: its category's type, and a gene product is a gene too."""
        return self.type_of(curie) == typ or (typ == "gene" and curie in self.gene_product)

    def concept_for(self, gold_id, typ):
        """The dictionary concept carrying a gold identifier, its CURIE first, of the mention's type."""
        found = sorted(c for c in self.by_id.get(gold_id, ()) if self.is_type(c, typ))
        return (gold_id if gold_id in found else found[0]) if found else None


class Text:
    """The training texts of the corpora that annotate a type, joined, with every gold span in them."""

    def __init__(self, docs):
        parts, self.spans, offset = [], [], 0
        for doc_text, mentions in docs:
            parts.append(doc_text)
            self.spans.extend((offset + m[0], offset + m[1]) for m in mentions)
            offset += len(doc_text) + 1
        self.text = "\n".join(parts)
        self.lower = self.text.lower()
        self.spans.sort()
        self.longest = max((e - s for s, e in self.spans), default=0)

    def covered(self, start, end):
        """Whether a gold mention overlaps [start, end)."""
        i = bisect.bisect_left(self.spans, (start - self.longest, 0))
        while i < len(self.spans) and self.spans[i][0] < end:
            if self.spans[i][1] > start:
                return True
            i += 1
        return False

    def unannotated(self, surface, symbol=None):
        """How often a surface occurs as a whole word that no gold mention overlaps (case-insensitively
        unless the surface, or the name it spells when `symbol` is given, is a symbol): the times the
        annotators saw it and marked nothing."""
        symbol = looks_like_symbol(surface) if symbol is None else symbol
        text = self.text if symbol else self.lower
        surface = surface if symbol else surface.lower()
        count, i = 0, text.find(surface)
        while i >= 0:
            end = i + len(surface)
            if ((i == 0 or not is_word(text[i - 1])) and (end == len(text) or not is_word(text[end]))
                    and not self.covered(i, end)):
                count += 1
            i = text.find(surface, i + 1)
        return count


def is_word(c):
    return c.isalnum() or c in "_-"


def learn(corpora, vocab, errors):
    """The layer's rows {curie: (label, category, [names], [dropped], [xrefs])} and a summary."""
    train = {}  # typ → {pmid: doc} over the corpora that annotate typ
    annotated = defaultdict(Counter)  # (typ, norm) → Counter(gold curie)
    # The documents that ground a name on each identifier, as (corpus file, PMID): where identifiers
    # disagree, documents vote, so that one abstract that repeats its own usage four times
    # ("depressive" for adjustment disorder) does not outvote the others; and corpora annotated
    # against different MeSH years name one substance by two records (BC5CDR's 2015 supplementary
    # C107135 for everolimus, BioRED's later D000068338).
    documents = defaultdict(lambda: defaultdict(set))  # (typ, norm) → curie → {(corpus, pmid)}
    surfaces = defaultdict(Counter)  # (typ, norm) → Counter(surface)
    held_out = set()
    for _, dev, _ in SPLITS:
        held_out |= pmids(os.path.join(corpora, dev))
    left_out = 0
    for tr, _, types in SPLITS:
        docs = read_pubtator(os.path.join(corpora, tr))
        for pmid in sorted(docs):
            if pmid in held_out:
                left_out += 1
                continue
            for typ in types:
                train.setdefault(typ, {})[f"{tr}:{pmid}"] = docs[pmid]
            for _, _, surface, typ, ids in docs[pmid][1]:
                if typ in types and len(ids) == 1:
                    curie = gold_curie(ids[0], typ)
                    if curie:
                        annotated[(typ, norm(surface))][curie] += 1
                        documents[(typ, norm(surface))][curie].add((tr, pmid))
                        surfaces[(typ, norm(surface))][surface] += 1

    text = {typ: Text(docs.values()) for typ, docs in train.items()}
    rows = {}

    def row(curie, typ, label=None):
        if curie not in rows:
            rows[curie] = (label or vocab.label[curie],
                           vocab.category.get(curie) or NEW_CATEGORY[typ], [], [], [])
        return rows[curie]

    def rate(surface, typ):
        """How often the training text marks the name where it occurs. The tagger finds its plural or
        singular too ("antioxidant" for a learned "antioxidants"), so every such spelling counts."""
        symbol = looks_like_symbol(surface)
        spellings = bfv.tvariants(surface, symbol)
        marked = sum(sum(annotated.get((typ, norm(v)), Counter()).values()) for v in spellings)
        unmarked = sum(text[typ].unannotated(v, symbol) for v in spellings)
        return marked / (marked + unmarked)

    def link(concept, typ, ident, close=False):
        """Give a concept an identifier, as its own or as a close match (an ortholog); its own
        wins when a name teaches both."""
        found = row(concept, typ)[4]
        tagged = f"{ident}{{close}}"
        if ident in found or (close and tagged in found):
            return
        if tagged in found:
            found.remove(tagged)
        found.append(tagged if close else ident)

    learned = new = withdrawn = xrefs = 0
    for (typ, key), ids in sorted(annotated.items()):
        total = sum(ids.values())
        (curie, top), = sorted(ids.items(), key=lambda kv: (-kv[1], kv[0]))[:1]
        surface = sorted(surfaces[(typ, key)].items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        if total >= MIN_COUNT and top / total < MIN_SHARE and typ == "gene":
            owner = species_owner(vocab, typ, key, ids)
            if owner and not vocab.finds(owner, surface) and rate(surface, typ) >= MIN_RATE:
                # "mTOR": the name as the text writes it, which the dictionary's case-sensitive
                # "MTOR" does not match.
                row(owner, typ)[2].append(surface)
                learned += 1
            if owner:
                # One gene in several species ("STAT3" grounded on the human, rat and mouse genes):
                # the identifiers' one concept takes the others as close matches, its orthologs.
                for other in sorted(ids):
                    if owner not in vocab.by_id.get(other, ()):
                        link(owner, typ, other, close=True)
            continue
        if total >= MIN_COUNT and top / total < MIN_SHARE and typ != "gene":
            owner, others = record_years(vocab, typ, documents[(typ, key)])
            if owner and rate(surface, typ) >= MIN_RATE:
                for other in others:
                    link(owner, typ, other)
                    xrefs += 1
                if not vocab.finds(owner, surface):
                    row(owner, typ)[2].append(surface)
                    learned += 1
            continue
        if total < MIN_COUNT or top / total < MIN_SHARE or rate(surface, typ) < MIN_RATE:
            continue
        votes = {c: len(d) for c, d in documents[(typ, key)].items()}
        if typ != "gene" and votes[curie] / sum(votes.values()) < MIN_SHARE:
            # Not for genes: their identifiers split by species, not by usage (species_owner).
            continue
        if votes[curie] < MIN_CLAIM_DOCS and any(vocab.type_of(c) not in (None, typ)
                                    for c in vocab.by_name.get(key, ())):
            # A name the dictionary gives to a concept of another type ("PGE2", the prostaglandin)
            # is claimed for this one by two documents at least: one abstract that grounds it on a
            # gene (PTGER2) would make it ambiguous everywhere.
            continue
        concept = vocab.concept_for(curie, typ)
        claimants = sorted(c for c in vocab.by_name.get(key, ()) if vocab.is_type(c, typ))
        if typ == "gene" and concept is not None and votes[curie] < MIN_CLAIM_DOCS and any(
                c != concept and c not in vocab.by_id.get(curie, ()) for c in claimants):
            # Nor does one abstract move a name from one concept of the type to another: BioRED's
            # training split grounds "MMP-2" on MAP1A (NCBI Gene 4130) in one abstract, four times.
            continue
        if concept is None and not vocab.by_id.get(curie) and len(claimants) == 1:
            # No concept carries the identifier and one concept of the type has the name: the corpus
            # names it by another identifier (BC5CDR's 2015 MeSH: olanzapine is C076029, now D000077152).
            link(claimants[0], typ, curie)
            xrefs += 1
            continue
        if concept is None and typ == "chem" and any(
                vocab.is_type(c, "gene") for c in vocab.by_id.get(curie, ())):
            # The dictionary's gene or enzyme ("creatine kinase", MeSH D003402 on FamPlex's family)
            # that BioRED files as a chemical when a lab value measures it: a second concept on the
            # identifier would make the name ambiguous and hide the chemical named inside it
            # ("creatine"), which BC5CDR annotates. The dictionary's type stands.
            continue
        if concept is None:
            r = row(curie, typ, label=surface)
            if norm(surface) != norm(r[0]):
                r[2].append(surface)
            new += 1
        elif not vocab.finds(concept, surface):
            row(concept, typ)[2].append(surface)
            learned += 1
        for other in claimants:
            if other != (concept or curie) and other not in vocab.by_id.get(curie, ()):
                # Another concept of the type claims the name; the corpus gives it to this one.
                row(other, typ)[3].append(surface)
                withdrawn += 1

    # Names the tagger finds where the annotators mark nothing of the type.
    fp = defaultdict(Counter)  # (typ, norm) → Counter(concept)
    fp_docs = defaultdict(set)  # (typ, norm) → documents with a false positive
    fp_surface = {}
    for path in errors:
        with open(path, encoding="utf-8") as f:
            next(f)
            for line in f:
                level, kind, doc, typ, _, text, _, source = line.rstrip("\n").split("\t")[:8]
                if level != "mentions_overlap" or kind != "FP" or doc in held_out:
                    continue
                if SCORED_TYPE.get(typ) is None:
                    # A type no name is learned for (BioRED's organisms).
                    continue
                concept = source.split(" ", 1)[0]
                # A mention grounded on a species' gene was found by the human gene's name.
                concept = vocab.ortholog_of.get(concept, concept)
                if not source.endswith(("(vocab)", "(nested)")) or concept not in vocab.category:
                    # Only dictionary names can be withdrawn, found alone or inside a longer name
                    # ("prothrombin" of "prothrombin time", which BC5CDR never marks); not abbreviations.
                    continue
                # The name found, or the name whose plural or singular the tagger found ("hormone"
                # for MeSH's Hormones): withdrawing that name withdraws both spellings.
                spellings = [text] + bfv.tvariants(text, looks_like_symbol(text))
                name = next((v for v in spellings if norm(v) in vocab.names[concept]), None)
                if name is None:
                    # An abbreviation defined in the text: not a name to withdraw.
                    continue
                key = norm(name)
                fp[(SCORED_TYPE.get(typ), key)][concept] += 1
                fp_docs[(SCORED_TYPE.get(typ), key)].add(doc)
                fp_surface[(SCORED_TYPE.get(typ), key)] = name
    for (typ, key), concepts in sorted(fp.items()):
        false = sum(concepts.values())
        # The annotations of every spelling the tagger finds for the name.
        name = fp_surface[(typ, key)]
        keys = {key} | {norm(v) for v in bfv.tvariants(name, looks_like_symbol(name))}
        gold = sum(sum(annotated.get((typ, k), Counter()).values()) for k in keys)
        if typ is None or false < MIN_FP or len(fp_docs[(typ, key)]) < MIN_FP_DOCS \
                or gold / (gold + false) >= MAX_NEG_RATE:
            continue
        for concept in sorted(concepts):
            if name not in row(concept, typ)[3]:
                row(concept, typ)[3].append(name)
                withdrawn += 1
    # One concept, one node: an identifier the layer gives a dictionary concept as a cross-reference
    # (a corpus's name for it) is no new concept as well; the names grounded on it join that concept.
    linked = {}
    for cu, r in sorted(rows.items()):
        for x in r[4]:
            if not x.endswith("}"):
                linked.setdefault(x, cu)
    for cu in sorted(rows):
        if cu in linked and cu not in vocab.category:
            label, _, names, _, _ = rows.pop(cu)
            owner = linked[cu]
            for n in [label] + names:
                if n not in rows[owner][2] and not vocab.finds(owner, n):
                    rows[owner][2].append(n)
                    learned += 1
            new -= 1
    orthologs = sum(x.endswith("{close}") for r in rows.values() for x in r[4])
    summary = (f"{len(rows)} concepts: {learned} names added to dictionary concepts, {xrefs} "
               f"identifiers added to them, {orthologs} orthologs as close matches, {new} new concepts, {withdrawn} names withdrawn; {left_out} training documents left out "
               f"(their PMIDs are in a development split)")
    return rows, summary


def record_years(vocab, typ, documents):
    """When each corpus agrees with itself on a name's identifier (a majority of its documents:
    `documents` maps
    each identifier to its (corpus, PMID) pairs) but the corpora disagree, and only one of their
    identifiers belongs to a dictionary concept, the others name the same thing in another MeSH
    year: a supplementary record since made a descriptor ("everolimus": BC5CDR's C107135, BioRED's
    D000068338). Returns that concept and the other identifiers, or (None, [])."""
    corpora = defaultdict(Counter)  # corpus → Counter(curie: documents)
    for curie, docs in documents.items():
        for corpus, _ in docs:
            corpora[corpus][curie] += 1
    tops = set()
    for ids in corpora.values():
        (curie, top), = sorted(ids.items(), key=lambda kv: (-kv[1], kv[0]))[:1]
        # A majority of the corpus's documents: the guards below (one concept, the others
        # supplementary records no concept carries) make the name unambiguous already.
        if top * 2 <= sum(ids.values()):
            return None, []
        tops.add(curie)
    owners = {c: vocab.concept_for(c, typ) for c in sorted(tops)}
    known = [c for c, concept in owners.items() if concept]
    others = [c for c in sorted(tops) if c not in known]
    # Only supplementary records: a descriptor no concept carries is another heading ("Hypothermia,
    # Induced" beside Hypothermia), not the same thing under an older number.
    if (len(tops) < 2 or len(known) != 1
            or any(vocab.by_id.get(c) or not c.startswith("MESH:C") for c in others)):
        return None, []
    return owners[known[0]], others


def species_owner(vocab, typ, key, ids):
    """The one dictionary concept of a name's gold identifiers when they differ by species only: one
    identifier at least is the concept's own (the human gene's), and every other is carried by no
    concept while the concept is the only one of the type with the name. None otherwise: a family
    name grounded on several mouse genes ("BMP" on Bmp2 and Bmp4) names no one gene."""
    claimants = sorted(c for c in vocab.by_name.get(key, ()) if vocab.is_type(c, typ))
    owners = {curie: vocab.concept_for(curie, typ) for curie in ids}
    carried = set(owners.values()) - {None}
    if len(carried) != 1 or claimants != sorted(carried):
        return None
    # The others belong to no concept at all, not even one of another type.
    if any(o is None and vocab.by_id.get(c) for c, o in owners.items()):
        return None
    return carried.pop()


def run_eval(mechkg, corpora, bases, out_dir):
    """`mechkg eval --errors` on each training split with the base layers; the error files."""
    paths = []
    for tr, _, _ in SPLITS:
        path = os.path.join(out_dir, os.path.basename(tr) + ".errors.tsv")
        args = [mechkg, "eval", os.path.join(corpora, tr), "--format", "json", "--errors", path]
        for b in bases:
            args += ["--vocab", b]
        subprocess.run(args, check=True, stdout=subprocess.DEVNULL)
        paths.append(path)
    return paths


def write(rows, summary, bases, out):
    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    with open(out, "w", encoding="utf-8") as f:
        f.write("#mechkg-vocab\t1\n")
        f.write("# Learned from the training splits of BC5CDR, BioRED and NCBI-disease by "
                "scripts/learn_corpus_names.py;\n# load after " + " and ".join(
                    os.path.basename(b) for b in bases) + ". Not for redistribution beyond the "
                "corpora's licences.\n")
        f.write(f"# {summary}\n")
        f.write("curie\tlabel\tcategory\tsynonyms\txrefs\n")
        for curie in sorted(rows):
            label, category, names, dropped, xrefs = rows[curie]
            syn = sorted(set(names)) + [f"{d}{{drop}}" for d in sorted(set(dropped))]
            f.write(f"{curie}\t{label}\t{category}\t{'|'.join(syn)}\t{'|'.join(sorted(set(xrefs)))}\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpora", default=os.environ.get(
        "MECHKG_CORPORA", os.path.join(REPO, "..", "shared", "data", "corpora")))
    ap.add_argument("--base", action="append", help="base vocabulary layers, in order "
                    "(default: ~/.cache/mechkg/full.tsv and vocab/curated.tsv)")
    ap.add_argument("--mechkg", default=os.path.join(os.environ.get(
        "CARGO_TARGET_DIR", os.path.join(REPO, "target")), "release", "mechkg"))
    ap.add_argument("--out", default=os.path.expanduser("~/.cache/mechkg/learned.tsv"))
    args = ap.parse_args()
    bases = args.base or [os.path.expanduser("~/.cache/mechkg/full.tsv"),
                          os.path.join(REPO, "vocab", "curated.tsv")]
    if not os.access(args.mechkg, os.X_OK):
        sys.exit(f"learn_corpus_names: no mechkg binary at {args.mechkg} (cargo build --release, "
                 "or --mechkg; scripts/env.sh sets CARGO_TARGET_DIR)")
    vocab = Vocab(bases)
    with tempfile.TemporaryDirectory() as tmp:
        errors = run_eval(args.mechkg, args.corpora, bases, tmp)
        rows, summary = learn(args.corpora, vocab, errors)
    write(rows, summary, bases, args.out)
    print(f"learn_corpus_names: {summary} → {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
