"""Tests of scripts/build_full_vocab.py on the source excerpts in fixtures/vocab/ (a few real lines of
each source format: MeSH TSV, mesh_mappings, HGNC TSV, GO/ChEBI/DOID/MONDO JSON, cellxgene JSON, OBO).

They own the build's contract: the vocab/FORMAT.md layout, determinism, one concept one node (canonical
CURIEs by priority, pinned CURIEs kept, merges reported), name hygiene with a reason per dropped name,
and the spelling variants. Run from the repository root: python3 -m unittest scripts/test_build_full_vocab.py
"""

import io
import os
import re
import sys
import tempfile
import unittest
from collections import defaultdict
from contextlib import redirect_stderr

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import build_full_vocab as bfv  # noqa: E402

FIX = os.path.join(REPO, "fixtures", "vocab")


def run_build(out_dir):
    out = os.path.join(out_dir, "full.tsv")
    with redirect_stderr(io.StringIO()) as err:
        bfv.main(["--manifest", os.path.join(FIX, "sources.toml"), "--sources", os.path.join(FIX, "sources"),
                  "--data", FIX, "--out", out])
    return out, err.getvalue()


def slurp(path):
    with open(path, encoding="utf-8") as fh:
        return fh.read()


def read_rows(path):
    rows = {}
    for line in slurp(path).split("\n"):
        if not line or line.startswith("#") or line.startswith("curie\t"):
            continue
        c = line.split("\t")
        rows[c[0]] = {"label": c[1], "category": c[2], "names": [n for n in c[3].split("|") if n],
                      "xrefs": [x for x in c[4].split("|") if x]}
    return rows


def read_report(path):
    return [line.split("\t") for line in slurp(path).split("\n")[1:] if line]


class BuildFullVocab(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.out, cls.log = run_build(cls.tmp.name)
        cls.text = slurp(cls.out)
        cls.rows = read_rows(cls.out)
        cls.merges = read_report(os.path.join(cls.tmp.name, "merges.tsv"))
        cls.dropped = read_report(os.path.join(cls.tmp.name, "dropped.tsv"))

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def dropped_reason(self, curie, name):
        return [r[2] for r in self.dropped if r[0] == curie and r[1] == name]

    def test_format(self):
        lines = self.text.split("\n")
        self.assertEqual(lines[0], "#mechkg-vocab\t1")
        self.assertIn("curie\tlabel\tcategory\tsynonyms\txrefs", lines)
        self.assertTrue(any("Sources and licences" in line for line in lines if line.startswith("#")))
        body = [line for line in lines[lines.index("curie\tlabel\tcategory\tsynonyms\txrefs") + 1:] if line]
        self.assertEqual(body, sorted(body, key=lambda line: line.split("\t")[0]))
        for line in body:
            cols = line.split("\t")
            self.assertEqual(len(cols), 5, line)
            self.assertRegex(cols[0], r"^[A-Za-z]+:\S+$")
            self.assertTrue(cols[2].startswith("biolink:"))
            for n in cols[3].split("|") if cols[3] else []:
                self.assertRegex(n, r"^[^{}|\t]+(\{(cs|ci|abbr)\})?$")

    def test_deterministic(self):
        with tempfile.TemporaryDirectory() as d:
            out, _ = run_build(d)
            self.assertEqual(slurp(out), self.text)
            for rep in ("merges.tsv", "dropped.tsv"):
                self.assertEqual(slurp(os.path.join(d, rep)), slurp(os.path.join(self.tmp.name, rep)))

    def test_counts_printed_per_source(self):
        for src in ("mesh", "hgnc", "cl", "uberon", "go", "chebi", "doid", "mondo", "famplex", "mesh_supp"):
            self.assertRegex(self.log, rf"(?m)^{src}\s+\d+\s+\d+\s+\d+$")
        self.assertIn("merged identifiers", self.log)

    def test_cortisol_one_node_mesh_over_chebi(self):
        c = self.rows["MESH:D006854"]
        self.assertIn("CHEBI:17650", c["xrefs"])
        self.assertIn("Cortisol", c["names"])
        self.assertNotIn("CHEBI:17650", self.rows)
        self.assertIn(["MESH:D006854", "CHEBI:17650"], [m[:2] for m in self.merges])

    def test_disease_mesh_over_doid_over_mondo(self):
        c = self.rows["MESH:D003865"]
        self.assertEqual(set(c["xrefs"]) & {"DOID:1470", "MONDO:0002009"}, {"DOID:1470", "MONDO:0002009"})
        self.assertIn("Major Depressive Disorder", c["names"])   # comma-inverted MeSH label
        self.assertNotIn("DOID:1470", self.rows)

    def test_priority_for_anatomy_cells_processes_genes(self):
        self.assertIn("MESH:D001812", self.rows["UBERON:0000120"]["xrefs"])  # mesh_mappings
        self.assertIn("MESH:D013495", self.rows["UBERON:0001929"]["xrefs"])  # same label
        self.assertIn("MESH:D017628", self.rows["CL:0000129"]["xrefs"])      # pinned xref
        self.assertIn("MESH:D007109", self.rows["GO:0006955"]["xrefs"])      # exact synonym
        self.assertIn("MESH:D014409", self.rows["HGNC:11892"]["xrefs"])
        self.assertIn("NCBIGene:7124", self.rows["HGNC:11892"]["xrefs"])
        self.assertIn("UniProtKB:P01375", self.rows["HGNC:11892"]["xrefs"])
        self.assertNotIn("GO:0003674", self.rows)   # molecular_function: filtered by namespace

    def test_pinned_names_and_labels_kept(self):
        self.assertEqual(self.rows["CL:0000129"]["label"], "microglial cell")
        self.assertIn("SON{abbr}", self.rows["UBERON:0001929"]["names"])

    def test_hygiene_reasons(self):
        self.assertEqual(self.dropped_reason("FPLX:NFkappaB", "Rel family"), ["synonym scope related"])
        self.assertEqual(self.dropped_reason("FPLX:Obsolete_example", "obsolete example family"), ["obsolete"])
        self.assertEqual(self.dropped_reason("CL:0000812", ""), ["obsolete"])
        self.assertEqual(self.dropped_reason("HGNC:8528", "OT"), ["1-2 characters"])
        self.assertEqual(self.dropped_reason("HGNC:6", "A1S9T"), ["status Symbol Withdrawn"])
        self.assertTrue(self.dropped_reason("MESH:D007854", "Lead")[0].startswith("stop list"))
        self.assertNotIn("MESH:D007854", self.rows)
        self.assertEqual(self.dropped_reason("MESH:D014409", "TNF Superfamily, Member 2"),
                         ["comma form not invertible"])
        self.assertTrue(self.dropped_reason("CHEBI:3", "((R)-3-Hydroxybutanoyl)(n-2)")[0].startswith("chemical"))

    def test_english_word_symbols_case_sensitive_only(self):
        self.assertIn("WAS{abbr}", self.rows["HGNC:12731"]["names"])
        self.assertIn("CAT{abbr}", self.rows["HGNC:1516"]["names"])
        self.assertTrue(self.dropped_reason("HGNC:12731", "WAS")[0].startswith("restricted"))

    def test_shared_name_resolved_and_reported(self):
        # FamPlex's "TNF" family loses the name to the HGNC gene symbol (pinned): concept left out
        self.assertNotIn("FPLX:TNF", self.rows)
        self.assertIn("kept by HGNC:11892", self.dropped_reason("FPLX:TNF", "TNF")[0])
        self.assertIn("TNF{abbr}", self.rows["HGNC:11892"]["names"])

    def test_a_merged_approved_symbol_beats_another_gene_s_alias(self):
        # HGNC's EPO joins MeSH's Erythropoietin (mesh_mappings.tsv); EPX and TIMP1 list "EPO" as an
        # alias. The approved symbol wins, though merged into a MeSH heading.
        self.assertIn("EPO{abbr}", self.rows["MESH:D004921"]["names"])
        self.assertNotIn("EPO{abbr}", self.rows["HGNC:3423"]["names"])
        self.assertNotIn("EPO{abbr}", self.rows["HGNC:11820"]["names"])
        self.assertIn("kept by MESH:D004921", self.dropped_reason("HGNC:3423", "EPO")[0])

    def test_human_form_of_a_gene_symbol(self):
        # "hOGG1" names OGG1 (whose alias HOGG1 differs only in case); "hERG" stays KCNH2's alias
        # HERG and is no name of ERG; AKT1's symbol and its alias RAC get one, and a name of more than
        # six characters after the "h" gets none.
        self.assertIn("hOGG1{abbr}", self.rows["HGNC:8125"]["names"])
        self.assertNotIn("hERG{abbr}", self.rows["HGNC:3446"]["names"])
        self.assertIn("HERG{abbr}", self.rows["HGNC:6251"]["names"])
        self.assertIn("hAKT1{abbr}", self.rows["HGNC:391"]["names"])
        self.assertEqual(bfv.human_variant("TAF-IBETA"), None)
        self.assertEqual(bfv.human_variant("OGG1"), "hOGG1")
        self.assertEqual(bfv.human_variant("Bax"), None)

    def test_c_form_of_a_proto_oncogene(self):
        # "MET proto-oncogene, receptor tyrosine kinase" is c-Met, in any case; "ABL proto-oncogene 1"
        # names one of two ABL genes and gets no generated c- form (its own alias c-ABL stays).
        self.assertIn("c-MET", self.rows["HGNC:7029"]["names"])
        self.assertNotIn("c-ABL", self.rows["HGNC:76"]["names"])
        self.assertIn("c-ABL{abbr}", self.rows["HGNC:76"]["names"])

    def test_mesh_proteins_and_enzymes_are_proteins(self):
        # beta Catenin (D12.776 only) and L-Lactate Dehydrogenase (D08.811) are gene products; Cytokines
        # are proteins and peptides (D12.644), and peptides stay chemicals.
        self.assertEqual(self.rows["MESH:D051176"]["category"], "biolink:Protein")
        self.assertEqual(self.rows["MESH:D007770"]["category"], "biolink:Protein")
        self.assertEqual(self.rows["MESH:D016207"]["category"], "biolink:ChemicalEntity")

    def test_family_members_are_narrower_matches(self):
        # FamPlex's AKT lists AKT1-3 (inverse_is_a): each is a narrower match of the family, not an
        # xref, and stays a concept of its own.
        self.assertEqual([x for x in self.rows["FPLX:AKT"]["xrefs"] if x.endswith("{narrow}")],
                         ["HGNC:391{narrow}", "HGNC:392{narrow}", "HGNC:393{narrow}"])
        self.assertIn("HGNC:391", self.rows)
        # A large family lists its members too (Neuropeptides: 65 genes in FamPlex, OXT among the
        # fixture's), as BioRED grounds "collagen" on COL1A1.
        narrow = [x for x in self.rows["FPLX:Neuropeptides"]["xrefs"] if x.endswith("{narrow}")]
        self.assertEqual(narrow, ["HGNC:8528{narrow}"])

    def test_broader_mesh_for_a_disease_mesh_lacks(self):
        # "bilateral retinoblastoma" (DOID:4650) has no MeSH id; its parent retinoblastoma is MeSH's
        # D012175, which it gets as a broader match, not as an xref.
        self.assertIn("MESH:D012175{broad}", self.rows["DOID:4650"]["xrefs"])
        self.assertNotIn("MESH:D012175", self.rows["DOID:4650"]["xrefs"])
        self.assertFalse(any(x.endswith("{broad}") for x in self.rows["MESH:D012175"]["xrefs"]))

    def test_salt_heading_is_a_close_match_of_the_drug(self):
        # MeSH files sildenafil under Sildenafil Citrate (D000068677, one node with ChEBI's salt
        # CHEBI:58987, which has_part sildenafil): the drug gets it as a close match, and so no
        # broader one. Sodium dodecyl sulfate has_part dodecyl sulfate too, but it is no name of the
        # part and a counter-ion: the anion gets nothing.
        xrefs = self.rows["CHEBI:9139"]["xrefs"]
        self.assertEqual(xrefs, ["MESH:D000068677{close}"])
        self.assertIn("CHEBI:58987", self.rows["MESH:D000068677"]["xrefs"])
        self.assertFalse(any(x.endswith("{close}") for x in self.rows["CHEBI:23872"]["xrefs"]))

    def test_acid_heading_is_a_close_match_of_the_anion(self):
        # ChEBI's "lactate" is the conjugate base of 2-hydroxypropanoic acid, one node with MeSH's
        # Lactic Acid (entry term "2-Hydroxypropanoic Acid"); MeSH has no heading for lactate itself.
        self.assertEqual(self.rows["CHEBI:24996"]["xrefs"], ["MESH:D019344{close}"])
        self.assertIn("CHEBI:78320", self.rows["MESH:D019344"]["xrefs"])

    def test_heading_listing_the_name_is_a_close_match(self):
        # "Vitamin C" is an entry term of MeSH's Ascorbic Acid and the label of ChEBI's vitamin C: the
        # label's concept keeps the name, and gets the heading MeSH files it under as a close match.
        self.assertEqual(self.rows["CHEBI:176783"]["xrefs"], ["MESH:D001205{close}"])
        self.assertNotIn("Vitamin C", self.rows["MESH:D001205"]["names"])

    def test_drug_heading_is_a_close_match_of_its_salt(self):
        # MeSH has no heading for ketamine hydrochloride and indexes it under Ketamine; an element's
        # salt would not count (the [ions] elements are no drugs).
        self.assertEqual(self.rows["CHEBI:650657"]["xrefs"], ["MESH:D007649{close}"])
        self.assertEqual(bfv.SALT_NAME.match("Bupropion hydrochloride").group(1), "Bupropion")
        self.assertIsNone(bfv.SALT_NAME.match("hydrocortisone acetate"), "an ester is no salt")

    def test_a_heading_s_entry_term_beats_the_acid_of_an_anion(self):
        # ChEBI's nitrite is the conjugate base of nitrous acid (one node with MeSH's Nitrous Acid),
        # but MeSH lists "Nitrite" as an entry term of Nitrites, which already has ChEBI's "nitrites"
        # and so cannot take a second ChEBI concept: the heading that lists the name is the close
        # match (BC5CDR grounds "nitrite" on Nitrites, D009573), not the acid's.
        self.assertEqual(self.rows["CHEBI:16301"]["xrefs"], ["MESH:D009573{close}"])
        self.assertIn("CHEBI:25549", self.rows["MESH:D009573"]["xrefs"])

    def test_plural_heading_is_a_close_match_of_the_singular(self):
        # MeSH names the class Penicillins and lists no "Penicillin"; ChEBI's penicillin keeps the
        # name and gets the plural heading as a close match.
        self.assertEqual(self.rows["CHEBI:17334"]["xrefs"], ["MESH:D010406{close}"])

    def test_salt_named_cation_first_gets_its_drug_s_heading(self):
        # "sodium nitroprusside": MeSH indexes it under Nitroprusside (one node with ChEBI's
        # nitroprusside), as it does "ketamine hydrochloride" under Ketamine.
        self.assertEqual(self.rows["CHEBI:29321"]["xrefs"], ["MESH:D009599{close}"])
        self.assertEqual(bfv.SALT_NAME_CATION_FIRST.match("disodium cromoglycate").group(1), "cromoglycate")
        self.assertIsNone(bfv.SALT_NAME_CATION_FIRST.match("zinc phthalocyanine"), "a complex is no salt")

    def test_subatomic_particles_are_no_chemicals(self):
        # photon is_a boson is_a subatomic particle (CHEBI:36342): physics, not a chemical; the hydron
        # (H+) is under it too (is_a atomic nucleus) and stays a chemical.
        self.assertEqual(self.rows["CHEBI:30212"]["category"], "biolink:NamedThing")
        self.assertEqual(self.rows["CHEBI:15378"]["category"], "biolink:ChemicalEntity")

    def test_substituent_radicals_and_proteins_are_no_chemicals(self):
        # ChEBI's acetyl is_a organic radical (CHEBI:36872) and is named as a substituent (-yl): in
        # text the prefix of "N-acetyl-"; cytochrome c is_a ... protein (CHEBI:36080): a class of
        # proteins, as MeSH's Lectins. The organic radical itself is no substituent name.
        self.assertEqual(self.rows["CHEBI:46887"]["category"], "biolink:NamedThing")
        self.assertEqual(self.rows["CHEBI:36872"]["category"], "biolink:ChemicalEntity")
        self.assertEqual(self.rows["CHEBI:18070"]["category"], "biolink:ProteinFamily")
        # MeSH's Tablets (D26.255.830, Dosage Forms) is the form a drug is given in.
        self.assertEqual(self.rows["MESH:D013607"]["category"], "biolink:NamedThing")

    def test_ions_are_names_of_their_element(self):
        # [ions] in the manifest: Calcium's ion as texts write it, case-sensitive.
        names = self.rows["MESH:D002118"]["names"]
        for n in ["Ca2+{abbr}", "Ca(2+){abbr}", "Ca++{abbr}", "Ca+2{abbr}"]:
            self.assertIn(n, names)
        self.assertEqual(bfv.ion_names("K", 1), ["K+", "K(+)", "K(1+)"])
        self.assertEqual(bfv.charge_spaced("Na+/K+ATPase"), "Na+/K+ ATPase")
        self.assertEqual(bfv.charge_spaced("Ca(2+)ATPase"), "Ca(2+) ATPase")
        self.assertIsNone(bfv.charge_spaced("Na+/K+ ATPase"))
        self.assertIsNone(bfv.charge_spaced("Ca2+"))
        self.assertEqual(bfv.ion_names("Fe", 3)[:2], ["Fe2+", "Fe(2+)"])

    def test_mesh_protein_classes_are_protein_families(self):
        # Lectins (D12.776.503) names no gene, has a narrower descriptor (Lectins, C-Type) and a
        # plural name: a class of proteins. Its child has no descriptor under it here: a protein.
        self.assertEqual(self.rows["MESH:D037102"]["category"], "biolink:ProteinFamily")
        self.assertEqual(self.rows["MESH:D037181"]["category"], "biolink:Protein")

    def test_protein_class_needs_all_three_signs(self):
        trees = {"MESH:D1": ["D12.776.1"], "MESH:D2": ["D12.776.1.5"], "MESH:D3": ["D12.776.9"]}
        inner = bfv.inner_tree_numbers(trees)
        self.assertEqual(inner, {"D12.776", "D12.776.1"})
        cases = [
            ("Interleukins", {"MESH:D1"}, True),
            ("Chemokines, CC", {"MESH:D1"}, True),
            # one gene's product with narrower descriptors (its recombinant drugs)
            ("Granulocyte Colony-Stimulating Factor", {"MESH:D1"}, False),
            # a plural name for one gene's product, with no narrower descriptor
            ("Receptors, Dopamine D2", {"MESH:D3"}, False),
            # a class that FamPlex or HGNC grounds on genes
            ("Matrix Metalloproteinases", {"MESH:D1", "FPLX:MMP"}, False),
            ("Lectins", {"MESH:D2"}, False),
        ]
        for label, ids, want in cases:
            self.assertEqual(bool(bfv.protein_class(label, ids, trees, inner)), want, label)

    def test_a_namesake_heading_beats_a_cross_reference(self):
        # DOID's "tuberculosis" cites MeSH's Tuberculoma (D014375); MeSH's own Tuberculosis
        # (D014376) bears its name, and is where it goes. The cross-reference is reported.
        self.assertIn("DOID:399", self.rows["MESH:D014376"]["xrefs"])
        self.assertNotIn("DOID:399", self.rows["MESH:D014375"]["xrefs"])
        self.assertEqual(self.dropped_reason("DOID:399", "MESH:D014375"),
                         ["xref left out: MeSH's own name is on MESH:D014376"])

    def test_chebi_roles_are_chemical_roles(self):
        # "sedative" is under CHEBI:50906 (role) through is_a: a role, as MeSH D27 classes are; boron
        # atom is a chemical entity.
        self.assertEqual(self.rows["CHEBI:35717"]["category"], "biolink:ChemicalRole")
        self.assertEqual(self.rows["CHEBI:27560"]["category"], "biolink:ChemicalEntity")

    def test_omim_xrefs_kept(self):
        # OMIM is no concept here; MONDO's OMIM xref of major depressive disorder stays on the merged node.
        mdd = [cu for cu, r in self.rows.items() if "MONDO:0002009" in r["xrefs"] or cu == "MONDO:0002009"]
        self.assertEqual(len(mdd), 1)
        self.assertIn("OMIM:608516", self.rows[mdd[0]]["xrefs"])

    def test_anion_named_as_its_acid(self):
        # ChEBI's glutamate(1-) is left out as chemical-name clutter; its name without the charge
        # goes to glutamic acid, the acid it is the conjugate base of.
        self.assertIn("glutamate", self.rows["CHEBI:18237"]["names"])
        self.assertNotIn("CHEBI:14321", self.rows)

    def test_variants(self):
        # AKT1 as texts write it: "AKT-1", and "Akt1" in rodent case.
        self.assertIn("AKT-1{abbr}", self.rows["HGNC:391"]["names"])
        self.assertIn("Akt1{abbr}", self.rows["HGNC:391"]["names"])
        names = self.rows["HGNC:11892"]["names"]
        self.assertIn("TNFa{abbr}", names)
        self.assertIn("TNFalpha", names)
        self.assertTrue(any(n.startswith("Tumour Necrosis Factor") for n in names), names)
        self.assertIn("Oedema", self.rows["MESH:D004487"]["names"])

    def test_supplementary_concepts(self):
        # MeSH's supplementary records (SCRs): one that ChEBI cites (mesh_mappings.tsv) joins ChEBI's
        # bevonium, and its one synonym is chemical-name clutter; one with the label of a ChEBI
        # concept joins it and gives it its number and synonyms ("lauryl sulfate").
        self.assertIn("MESH:C000002", self.rows["CHEBI:135495"]["xrefs"])
        self.assertNotIn("MESH:C000002", self.rows)
        dodecyl = self.rows["CHEBI:23872"]
        self.assertIn("MESH:C028913", dodecyl["xrefs"])
        self.assertIn("lauryl sulfate", dodecyl["names"])
        self.assertNotIn("MESH:C028913", self.rows)
        # Others are concepts of their own, narrower than the descriptor MeSH indexes them under; a
        # name in clutter is dropped, and a label in clutter gives way to a plain synonym.
        esk = self.rows["MESH:C000629870"]
        self.assertEqual((esk["label"], esk["category"]), ("Esketamine", "biolink:ChemicalEntity"))
        self.assertEqual(set(esk["names"]), {"Kataved", "L-Ketamine", "S-Ketamine"})
        self.assertEqual(esk["xrefs"], ["MESH:D007649{broad}"])
        self.assertEqual(self.rows["MESH:C006414"]["label"], "penicillin N")
        self.assertIn("adicillin", self.rows["MESH:C006414"]["names"])
        # Short symbols go ("2-FHPA"; "DSB", the only plain name of C007563, which is then left out),
        # and so do the species' gene products (CTNNB1 protein, mouse: Beta Catenin is a protein).
        self.assertEqual(self.rows["MESH:C109081"]["names"], [])
        self.assertEqual(self.dropped_reason("MESH:C109081", "2-FHPA"), ["short symbol or common words only"])
        self.assertEqual(self.dropped_reason("MESH:C007563", "DSB"), ["short symbol or common words only"])
        self.assertNotIn("MESH:C007563", self.rows)
        self.assertNotIn("MESH:C495267", self.rows)
        common = {"pain", "free", "agent", "lipid", "nanoparticles"}
        for name, ok in [("Pain-Free", False), ("agent I", False), ("Lipid Nanoparticles", False),
                         ("DSB", False), ("A 10", False), ("CuS", False), ("WP1066", True),
                         ("A-86929", True), ("biochar", True), ("calf thymus DNA", True)]:
            self.assertEqual(bfv.supplementary_name_ok(name, common), ok, name)

    def test_mouse_orthologs(self):
        # HGNC's MGI id, MGI's symbol, NCBI Gene's id of that symbol: the mouse Akt1 is NCBI Gene
        # 11651, the ortholog of AKT1, in the mouse, with no name the tagger would match.
        akt1 = self.rows["NCBIGene:11651"]
        self.assertEqual((akt1["label"], akt1["category"]), ("Akt1", "biolink:Gene"))
        self.assertEqual(akt1["xrefs"], ["HGNC:391{ortholog}", "NCBITaxon:10090{taxon}"])
        self.assertEqual(akt1["names"], [])
        self.assertEqual(self.rows["NCBIGene:21926"]["xrefs"][0], "HGNC:11892{ortholog}")   # Tnf
        # A gene whose MGI id the excerpt of MGI's table lacks gets none (AKT2); FamPlex's AKT, a
        # family, is no gene with an HGNC record of its own.
        self.assertFalse(any(r["label"] == "Akt2" for r in self.rows.values()))
        self.assertFalse(any("FPLX:AKT{ortholog}" in r["xrefs"] for r in self.rows.values()))
        self.assertEqual(bfv.read_goatools_genes(os.path.join(FIX, "sources", "goatools",
                                                              "genes_NCBI_10090_ProteinCoding.py"))["Cat"],
                         {"12359"})

    def test_unit_helpers(self):
        self.assertEqual(bfv.tnorm("TNF-α", False), "TNF alpha")
        self.assertEqual(bfv.patterns("Cytokines", ""), (False, ["cytokines", "cytokine"]))
        self.assertEqual(bfv.patterns("SON", "abbr"), (True, ["SON", "SONs"]))
        # A one-letter last word is a code: no plural ("agent I" would match "agent is").
        self.assertEqual(bfv.tvariants("agent I", False), ["agent I"])
        self.assertEqual(bfv.tvariants("penicillin N", False), ["penicillin N"])
        self.assertEqual(bfv.tvariants("HLA-B", True), ["HLA-B"])
        self.assertEqual(bfv.greek_variants("IL-1beta"), ["IL-1beta", "IL-1 beta", "IL-1b"])
        self.assertEqual(bfv.greek_variants("IFN-gamma"), ["IFNgamma", "IFN gamma", "IFNg", "IFN-g"])
        self.assertEqual(bfv.greek_variants("Factor-alpha"), [])
        self.assertEqual(bfv.adrenoceptor_names("adrenoceptor beta 2")[:3],
                         ["beta2 adrenoceptor", "beta2 adrenergic receptor", "beta2 adrenoreceptor"])
        self.assertIn("alpha 2A adrenoceptor", bfv.adrenoceptor_names("adrenoceptor alpha 2A"))
        self.assertIn("beta1AR", bfv.adrenoceptor_names("adrenoceptor beta 1"))
        self.assertEqual(bfv.adrenoceptor_names("adrenoceptor kinase 1"), [])
        table = [["tumor", "tumour", "any"], ["edema", "oedema", "any"], ["ization", "isation", "end"],
                 ["center", "centre", "word"]]
        self.assertEqual(bfv.spelling_variants("lymphedema", table), ["lymphoedema"])
        self.assertEqual(bfv.spelling_variants("Oedema", table), ["Edema"])
        self.assertEqual(bfv.spelling_variants("immunization", table), ["immunisation"])
        self.assertEqual(bfv.spelling_variants("epicenter", table), [])
        self.assertTrue(re.match(r"^Major", bfv.INVERTED.sub(r"\2 \1", "Depressive Disorder, Major")))
        english = {"cat", "type"}
        for symbol, want in [("CASP9", ["Casp9", "CASP-9"]), ("BAX", ["Bax"]), ("COX2", ["Cox2", "COX-2"]),
                             ("CAT", []), ("TYPE1", ["Type1", "TYPE-1"]), ("S100B", ["S100b"]),
                             ("IL-6", []), ("Bcl-xL", []), ("p53", []), ("A1", [])]:
            self.assertEqual(bfv.symbol_variants(symbol, english), want, symbol)
        self.assertEqual(bfv.symbol_variants("CASP9", english, case=False), ["CASP-9"])

    def test_organ_damage_names(self):
        def concept(category, *names):
            return {"category": category, "names": {n: [5, ""] for n in names}}
        # Three diseases pair "renal" with "kidney" (MeSH: Kidney Failure / Renal Failure...); two
        # pair "metaplastic" with "breast", under the threshold.
        concepts = {
            "UBERON:kidney": concept("biolink:GrossAnatomicalStructure", "kidney"),
            "UBERON:breast": concept("biolink:GrossAnatomicalStructure", "breast"),
            "UBERON:retina": concept("biolink:GrossAnatomicalStructure", "retina"),
            "D1": concept("biolink:Disease", "Kidney Failure", "Renal Failure"),
            "D2": concept("biolink:Disease", "Kidney Neoplasms", "Renal Neoplasms"),
            "D3": concept("biolink:Disease", "Kidney Calculi", "Renal Calculi"),
            "D4": concept("biolink:Disease", "Breast Carcinoma", "Metaplastic Carcinoma"),
            "D5": concept("biolink:Disease", "Breast Cyst", "Metaplastic Cyst"),
            "KD": concept("biolink:Disease", "Kidney Diseases"),
            "BD": concept("biolink:Disease", "Breast Diseases"),
            "RD": concept("biolink:Disease", "Retinal Diseases"),
            "HD": concept("biolink:Disease", "Hirata disease"),
            "KI": concept("biolink:Disease", "Kidney Injury"),
        }
        taken = defaultdict(set)
        for cu, c in concepts.items():
            for n in c["names"]:
                taken[n.lower()].add(cu)
        bfv.organ_damage_names(concepts, taken, bfv.Report())
        kd = concepts["KD"]["names"]
        for n in ["renal toxicity", "renal damage", "renal injury", "renal dysfunction", "kidney toxicity"]:
            self.assertEqual(kd.get(n), [1, ""], n)
        self.assertNotIn("kidney injury", kd)                       # another concept's name
        self.assertNotIn("metaplastic toxicity", concepts["BD"]["names"])  # two pairs only
        self.assertIn("breast toxicity", concepts["BD"]["names"])
        self.assertIn("retinal toxicity", concepts["RD"]["names"])  # the stem opens "retina"
        self.assertEqual(list(concepts["HD"]["names"]), ["Hirata disease"])  # no organ


if __name__ == "__main__":
    unittest.main()


class Fetch(unittest.TestCase):
    """--fetch: a missing source is taken from the manifest's wheels, downloaded with pip. pip runs for
    real, offline, from a local wheel directory (PIP_NO_INDEX, PIP_FIND_LINKS) that holds a wheel with
    the fixture's FamPlex file inside, as the famplex wheel holds the real one."""

    def test_missing_source_fetched_from_a_wheel(self):
        import shutil
        import zipfile
        with tempfile.TemporaryDirectory() as tmp:
            src = os.path.join(tmp, "sources")
            shutil.copytree(os.path.join(FIX, "sources"), src)
            os.remove(os.path.join(src, "famplex", "famplex.obo"))
            links = os.path.join(tmp, "links")
            os.makedirs(links)
            with zipfile.ZipFile(os.path.join(links, "fixturefamplex-0.0.5-py3-none-any.whl"), "w") as z:
                z.write(os.path.join(FIX, "sources", "famplex", "famplex.obo"), "famplex/resources/famplex.obo")
                z.writestr("fixturefamplex-0.0.5.dist-info/METADATA",
                           "Metadata-Version: 2.1\nName: fixturefamplex\nVersion: 0.0.5\n")
                z.writestr("fixturefamplex-0.0.5.dist-info/WHEEL",
                           "Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: true\nTag: py3-none-any\n")
                z.writestr("fixturefamplex-0.0.5.dist-info/RECORD", "")
            manifest = slurp(os.path.join(FIX, "sources.toml"))
            manifest = re.sub(r'(?m)^packages = .*$', 'packages = ["fixturefamplex==0.0.5"]', manifest)
            manifest = re.sub(r'(?m)^cache = .*$', f'cache = "{tmp}/cache"', manifest)
            manifest_path = os.path.join(tmp, "sources.toml")
            with open(manifest_path, "w", encoding="utf-8") as fh:
                fh.write(manifest)
            args = ["--manifest", manifest_path, "--sources", src, "--data", FIX, "--out", os.path.join(tmp, "out", "full.tsv")]
            # Without --fetch the missing file is named and the build stops.
            with redirect_stderr(io.StringIO()), self.assertRaises(SystemExit) as stop:
                bfv.main(args)
            self.assertIn("famplex/famplex.obo", str(stop.exception.code))
            env = {"PIP_NO_INDEX": "1", "PIP_FIND_LINKS": links, "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
            saved = {k: os.environ.get(k) for k in env}
            os.environ.update(env)
            try:
                with redirect_stderr(io.StringIO()) as err:
                    bfv.main(args + ["--fetch"])
            finally:
                for k, v in saved.items():
                    if v is None:
                        os.environ.pop(k, None)
                    else:
                        os.environ[k] = v
            self.assertIn("fetching:", err.getvalue())
            self.assertTrue(os.path.exists(os.path.join(tmp, "cache", "sources", "famplex", "famplex.obo")))
            # The fetched build is the build from the complete sources.
            ref_out, _ = run_build(os.path.join(tmp, "ref"))
            fetched = [l for l in slurp(os.path.join(tmp, "out", "full.tsv")).split("\n") if not l.startswith("#")]
            ref = [l for l in slurp(ref_out).split("\n") if not l.startswith("#")]
            self.assertEqual(fetched, ref)
            self.assertTrue(any(l.startswith("FPLX:") for l in fetched))


class Abbreviations(unittest.TestCase):
    """vocab/abbreviations.tsv: a short form the defining abstracts agree on goes to its concept."""

    def concepts(self):
        def c(label, names, source, category="biolink:ChemicalEntity"):
            return {"label": label, "names": names, "source": source, "category": category}
        return {
            "HGNC:6121": c("interferon regulatory factor 6", {"interferon regulatory factor 6": [5, ""],
                                                              "IRF6": [5, "abbr"], "LPS": [2, "abbr"]}, "hgnc"),
            "MESH:D008070": c("Lipopolysaccharides", {"Lipopolysaccharides": [5, ""]}, "mesh"),
            "HGNC:1424": c("carbamoyl-phosphate synthetase 2", {"CAD": [5, "abbr"]}, "hgnc"),
            "MESH:D003324": c("Coronary Artery Disease", {"Coronary Artery Disease": [5, ""]}, "mesh"),
            "FPLX:COX": c("COX", {"COX": [5, ""]}, "famplex"),
            "MESH:D011451": c("Prostaglandin-Endoperoxide Synthases", {}, "mesh"),
            "HGNC:3942": c("mechanistic target of rapamycin kinase", {"MTOR": [5, "abbr"]}, "hgnc",
                           "biolink:Gene"),
            "MESH:D058570": c("TOR Serine-Threonine Kinases", {}, "mesh", "biolink:ProteinFamily"),
            "MESH:D000242": c("Cyclic AMP", {"Cyclic AMP": [5, ""]}, "mesh"),
        }

    def test_a_short_form_moves_to_its_defined_concept(self):
        concepts, rep = self.concepts(), bfv.Report()
        rows = [("LPS", "MESH:D008070"), ("CAD", "MESH:D003324"), ("COX", "MESH:D011451"),
                ("XYZ", "MESH:D999999"), ("cAMP", "MESH:D000242"), ("mTOR", "MESH:D058570")]
        with redirect_stderr(io.StringIO()):
            bfv.apply_abbreviations(concepts, rows, rep)
        self.assertIn("LPS", concepts["MESH:D008070"]["names"])
        self.assertNotIn("LPS", concepts["HGNC:6121"]["names"])
        self.assertIn(("HGNC:6121", "LPS", "short form MEDLINE defines as MESH:D008070"), rep.dropped)
        # An approved symbol and another concept's label stay where they are.
        self.assertIn("CAD", concepts["HGNC:1424"]["names"])
        self.assertNotIn("CAD", concepts["MESH:D003324"]["names"])
        self.assertNotIn("COX", concepts["MESH:D011451"]["names"])
        # A new name; and a gene's symbol in another case is left to the gene, not to a family.
        self.assertIn("cAMP", concepts["MESH:D000242"]["names"])
        self.assertNotIn("mTOR", concepts["MESH:D058570"]["names"])
        counts = rep.by_source["abbreviations"]
        self.assertEqual(counts["left out: another concept's name in another case"], 1)
        self.assertEqual(counts["short forms given to their defined concept"], 2)
        self.assertEqual(counts["left out: another concept's label or symbol"], 2)
        self.assertEqual(counts["left out: concept not in the dictionary"], 1)

    def test_evidence_needs_agreeing_abstracts_and_another_concept_or_none(self):
        import abbreviation_evidence as ae
        rows = []
        for d in range(5):
            rows.append((f"d{d}", "LPS", "MESH:D008070", "Lipopolysaccharides", "abbrev"))
        rows.append(("d9", "LPS", "HGNC:6121", "interferon regulatory factor 6", "vocab"))
        # Defined often enough, but the dictionary already agrees: nothing to write.
        for d in range(5):
            rows.append((f"e{d}", "HCC", "MESH:D006528", "Carcinoma, Hepatocellular", "abbrev"))
        rows.append(("e9", "HCC", "MESH:D006528", "Carcinoma, Hepatocellular", "vocab"))
        # Defined as two things: no agreement.
        for d, cu in enumerate(["MESH:D1", "MESH:D1", "MESH:D1", "MESH:D2", "MESH:D2"]):
            rows.append((f"f{d}", "ABC", cu, cu, "abbrev"))
        rows.append(("f9", "ABC", "HGNC:1", "x", "vocab"))
        # Too few abstracts.
        for d in range(ae.MIN_DOCS - 1):
            rows.append((f"g{d}", "DEF", "MESH:D3", "y", "abbrev"))
        rows.append(("g9", "DEF", "HGNC:2", "z", "vocab"))
        # A short form the dictionary names nothing with: a new name of its defined concept.
        for d in range(4):
            rows.append((f"h{d}", "cAMP", "MESH:D000242", "Cyclic AMP", "abbrev"))
        # ... but not an all-capital or two-letter one, which names other things undefined.
        for d in range(4):
            rows.append((f"i{d}", "CAC", "MESH:D002118", "Calcium", "abbrev"))
            rows.append((f"j{d}", "As", "MESH:D001151", "Arsenic", "abbrev"))
        got = ae.select(rows)
        self.assertEqual(got, [("LPS", "MESH:D008070", "Lipopolysaccharides", 5, 5, ["HGNC:6121"]),
                               ("cAMP", "MESH:D000242", "Cyclic AMP", 4, 4, [])])
