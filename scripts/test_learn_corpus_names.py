#!/usr/bin/env python3
"""Unit tests of scripts/learn_corpus_names.py on a hand-made corpus with known answers: a learned
name, an identifier learned for a name the dictionary has (also from two corpora that name it under
two MeSH years), a new concept, a name withdrawn on the
tagger's false positives in two documents (alone or inside a longer name), a gene product taken for its gene, and the guards (held-out documents, too few annotations, one document outvoting others, a name the
annotators mostly leave unmarked in any spelling the tagger finds, a gene's identifier filed as a chemical,
false positives in one document only, one document giving a chemical's name to a gene or a
gene's symbol to another gene), and a species'
gene (`{ortholog}`) whose names are its human gene's to learn."""

import os
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import learn_corpus_names as lcn  # noqa: E402

BASE = """#mechkg-vocab\t1
curie\tlabel\tcategory\tsynonyms\txrefs
MESH:D004317\tDoxorubicin\tbiolink:ChemicalEntity\tadriamycin\t
MESH:D000077152\tOlanzapine\tbiolink:ChemicalEntity\t\t
MESH:D004247\tDNA\tbiolink:ChemicalEntity\tdeoxyribonucleic acid\t
MESH:D006261\tHeadache\tbiolink:Disease\t\t
MESH:D007328\tInsulin\tbiolink:ChemicalEntity\t\tHGNC:6081|NCBIGene:3630
MESH:D006728\tHormones\tbiolink:ChemicalEntity\t\t
HGNC:11364\tSTAT3\tbiolink:Gene\t\tNCBIGene:6774
FPLX:BMP\tBMP\tbiolink:Gene\t\t
MESH:D000068338\tEverolimus\tbiolink:ChemicalEntity\t\t
MESH:D007035\tHypothermia\tbiolink:Disease\t\t
MESH:D008055\tLipids\tbiolink:ChemicalEntity\t\t
MESH:D015232\tDinoprostone\tbiolink:ChemicalEntity\tPGE2\t
HGNC:9594\tprostaglandin E receptor 2\tbiolink:Gene\t\tNCBIGene:5732
FPLX:Creatine_kinase\tCreatine-kinase\tbiolink:Gene\t\tMESH:D003402
HGNC:11998\ttumor protein p53\tbiolink:Gene\tTP53{abbr}\tNCBIGene:7157
HGNC:7166\tmatrix metallopeptidase 2\tbiolink:Gene\tMMP-2{abbr}\tNCBIGene:4313
HGNC:6835\tmicrotubule associated protein 1A\tbiolink:Gene\tMAP1A{abbr}\tNCBIGene:4130
NCBIGene:22059\tTrp53\tbiolink:Gene\t\tHGNC:11998{ortholog}|NCBITaxon:10090{taxon}
NCBITaxon:10090\tMus musculus\tbiolink:OrganismTaxon\tmice\t
"""


def doc(pmid, title, abstract, mentions):
    """A PubTator document; mentions are (surface, type, id), found at their first free place."""
    text = f"{title} {abstract}"
    lines = [f"{pmid}|t|{title}", f"{pmid}|a|{abstract}"]
    start = 0
    for surface, typ, ident in mentions:
        i = text.index(surface, start)
        lines.append(f"{pmid}\t{i}\t{i + len(surface)}\t{surface}\t{typ}\t{ident}")
        start = i + len(surface)
    return "\n".join(lines) + "\n\n"


class Learn(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        root = self.tmp.name
        for d in ("bc5cdr", "biored", "ncbi-disease"):
            os.makedirs(os.path.join(root, d))
        cdr_train = (
            doc("1", "ADR and olanzapine.", "ADR gave headache; olanzapine too; cold.",
                [("ADR", "Chemical", "D004317"), ("olanzapine", "Chemical", "C076029"),
                 ("ADR", "Chemical", "D004317"), ("headache", "Disease", "D006261"),
                 ("olanzapine", "Chemical", "C076029"), ("cold", "Disease", "D003139")])
            + doc("2", "Cold cold cold.", "A cold day, cold hands; cold.",
                  [("cold", "Disease", "D003139")])
            # Held out: PMID 9 is in a development split, so "zetamine" is never learned.
            + doc("9", "Zetamine.", "Zetamine again.",
                  [("Zetamine", "Chemical", "D999999"), ("Zetamine", "Chemical", "D999999")])
            # Another name of the same 2015 record, which no concept has: a name of the concept the
            # record became a cross-reference of, not a new concept beside it.
            + doc("20", "Zyprexa and Zyprexa.", "Zyprexa again.",
                  [("Zyprexa", "Chemical", "C076029"), ("Zyprexa", "Chemical", "C076029"),
                   ("Zyprexa", "Chemical", "C076029")])
            + doc("3", "Once: betamine.", "Nothing else.", [("betamine", "Chemical", "D888888")])
            + doc("4", "DNA damage.", "DNA and DNA.", [])
            # Marked in the plural, left unmarked in the singular the tagger also finds.
            + doc("7", "Antioxidants, antioxidants.", "An antioxidant diet; antioxidant status; "
                  "antioxidant enzymes.", [("Antioxidants", "Chemical", "D000975"),
                                           ("antioxidants", "Chemical", "D000975")])
            # A symbol: its plural "LOSs" is searched as written, not as the word "loss".
            + doc("10", "LOS and LOS.", "Weight loss, loss, loss.",
                  [("LOS", "Chemical", "D019808"), ("LOS", "Chemical", "D019808")])
            # Two MeSH years: BC5CDR names everolimus by its 2015 supplementary record, BioRED by
            # the later descriptor (below). Hypothermia differs by heading, not by year.
            + doc("12", "Everolimus and hypothermia.", "Everolimus gave hypothermia.",
                  [("Everolimus", "Chemical", "C107135"), ("hypothermia", "Disease", "D007035"),
                   ("Everolimus", "Chemical", "C107135"), ("hypothermia", "Disease", "D007035")])
            # One abstract's own usage, repeated, against another abstract's: documents vote.
            + doc("15", "Glumness, glumness.", "Glumness and glumness.",
                  [("Glumness", "Disease", "D111111"), ("glumness", "Disease", "D111111"),
                   ("Glumness", "Disease", "D111111"), ("glumness", "Disease", "D111111")])
            + doc("16", "Glumness.", "None.", [("Glumness", "Disease", "D222222")])
        )
        # One gene in three species: the human gene takes the rat and mouse ones as close matches.
        # A family name grounded on two mouse genes names no one gene.
        biored_stat3 = doc("11", "STAT3 and Stat3.", "STAT3 binds; Stat3 binds; BMP and BMP.",
                           [("STAT3", "GeneOrGeneProduct", "6774"),
                            ("Stat3", "GeneOrGeneProduct", "25125"),
                            ("Stat3", "GeneOrGeneProduct", "20848"),
                            ("BMP", "GeneOrGeneProduct", "12156"),
                            ("BMP", "GeneOrGeneProduct", "12159")])
        biored_years = doc("13", "Everolimus.", "Hypothermia, hypothermia and hypothermia.",
                           [("Everolimus", "ChemicalEntity", "D000068338"),
                            ("Hypothermia", "DiseaseOrPhenotypicFeature", "D007036"),
                            ("hypothermia", "DiseaseOrPhenotypicFeature", "D007036"),
                            ("hypothermia", "DiseaseOrPhenotypicFeature", "D007036")])
        biored_train = biored_stat3 + biored_years + doc("5", "Foo1 in mice.", "Foo1 binds.",
                           [("Foo1", "GeneOrGeneProduct", "12345"),
                            ("Foo1", "GeneOrGeneProduct", "12345")]) + doc(
            "6", "Insulin.", "Insulin again.",
            [("Insulin", "GeneOrGeneProduct", "3630"), ("Insulin", "GeneOrGeneProduct", "3630")]) + doc(
            # An enzyme's lab value filed as a chemical, on the identifier the dictionary gives a gene.
            # One abstract grounds the prostaglandin's name on its receptor's gene.
            "17", "PGE2 and PGE2.", "PGE2 again.",
            [("PGE2", "GeneOrGeneProduct", "5732"), ("PGE2", "GeneOrGeneProduct", "5732"),
             ("PGE2", "GeneOrGeneProduct", "5732")]) + doc(
            # The mouse gene, which the dictionary has as the ortholog of TP53: its name is the
            # human gene's to learn (mechkg grounds it on the mouse gene in a study of mice).
            "18", "Trp53 in mice.", "Trp53 binds.",
            [("Trp53", "GeneOrGeneProduct", "22059"), ("Trp53", "GeneOrGeneProduct", "22059")]) + doc(
            # One abstract grounds a gene's symbol on another gene, four times (BioRED's MMP-2).
            "19", "MMP-2 and MMP-2.", "MMP-2 rose; MMP-2 fell.",
            [("MMP-2", "GeneOrGeneProduct", "4130"), ("MMP-2", "GeneOrGeneProduct", "4130"),
             ("MMP-2", "GeneOrGeneProduct", "4130"), ("MMP-2", "GeneOrGeneProduct", "4130")]) + doc(
            "14", "Creatine kinase rose.", "Serum creatine kinase was high.",
            [("Creatine kinase", "ChemicalEntity", "D003402"),
             ("creatine kinase", "ChemicalEntity", "D003402")])
        files = {
            "bc5cdr/CDR_TrainingSet.PubTator.txt": cdr_train,
            "bc5cdr/CDR_DevelopmentSet.PubTator.txt": doc("9", "Held out.", "Dev.", []),
            "biored/Train.PubTator": biored_train,
            "biored/Dev.PubTator": doc("8", "Dev.", "Dev.", []),
            "ncbi-disease/NCBItrainset_corpus.txt": "",
            "ncbi-disease/NCBIdevelopset_corpus.txt": "",
        }
        for rel, text in files.items():
            with open(os.path.join(root, rel), "w", encoding="utf-8") as f:
                f.write(text)
        base = os.path.join(root, "base.tsv")
        with open(base, "w", encoding="utf-8") as f:
            f.write(BASE)
        # The tagger's false positives, as `mechkg eval --errors` writes them.
        errors = os.path.join(root, "errors.tsv")
        with open(errors, "w", encoding="utf-8") as f:
            f.write("level\tkind\tdoc\ttype\twhere\ttext\tsentence\tsource\n")
            # "DNA" alone in one abstract and inside a longer name in another: two documents.
            for where in ("0-3", "12-15"):
                f.write(f"mentions_overlap\tFP\t4\tbiolink:ChemicalEntity\t{where}\tDNA\ts\t"
                        "MESH:D004247 DNA (vocab)\n")
            f.write("mentions_overlap\tFP\t10\tbiolink:ChemicalEntity\t0-3\tDNA\ts\t"
                    "MESH:D004247 DNA (nested)\n")
            # Three false positives in one abstract are one document's usage: not withdrawn.
            for where in ("0-5", "10-15", "20-25"):
                f.write(f"mentions_overlap\tFP\t7\tbiolink:ChemicalEntity\t{where}\tlipid\ts\t"
                        "MESH:D008055 Lipids (nested)\n")
            # "hormone", the singular the tagger makes of MeSH's Hormones, never marked.
            for doc_id, where in (("4", "0-7"), ("4", "10-17"), ("7", "20-27")):
                f.write(f"mentions_overlap\tFP\t{doc_id}\tbiolink:ChemicalEntity\t{where}\thormone\ts\t"
                        "MESH:D006728 Hormones (vocab)\n")
            # Organisms are scored against BioRED, and no name of theirs is learned or withdrawn.
            for doc_id in ("4", "7", "10"):
                f.write(f"mentions_overlap\tFP\t{doc_id}\tbiolink:OrganismTaxon\t0-4\tmice\ts\t"
                        "NCBITaxon:10090 Mus musculus (vocab)\n")
            # A false positive in a held-out document is not evidence.
            f.write("mentions_overlap\tFP\t9\tbiolink:DiseaseOrPhenotypicFeature\t0-8\theadache"
                    "\ts\tMESH:D006261 Headache (vocab)\n")
        self.rows, self.summary = lcn.learn(root, lcn.Vocab([base]), [errors])

    def tearDown(self):
        self.tmp.cleanup()

    def test_known_answers(self):
        self.assertEqual(self.rows["MESH:D004317"][2], ["ADR"], "a learned name")
        self.assertEqual(self.rows["MESH:D000077152"][4], ["MESH:C076029"],
                         "the corpus's identifier for a name the dictionary has")
        self.assertNotIn("MESH:C076029", self.rows, "one concept, one node: no new concept for it")
        self.assertIn("Zyprexa", self.rows["MESH:D000077152"][2],
                      "a name grounded on it joins the concept that has it as a cross-reference")
        label, category, names, _, _ = self.rows["NCBIGene:12345"]
        self.assertEqual((label, category, names), ("Foo1", "biolink:Gene", []), "a new concept")
        self.assertEqual(self.rows["MESH:D004247"][3], ["DNA"], "withdrawn on false positives")
        self.assertEqual(self.rows["MESH:D006728"][3], ["hormones"],
                         "the name whose singular the tagger found is withdrawn")
        # BioRED files a gene product under genes: MeSH's Insulin, which cites the gene, is the
        # concept of gold gene 3630 already, so no new gene concept competes for its name.
        self.assertNotIn("NCBIGene:3630", self.rows, "a gene product is the gene's concept")
        self.assertNotIn("MESH:D007328", self.rows, "it has the name already")
        self.assertEqual(self.rows["HGNC:11364"][4], ["NCBIGene:20848{close}", "NCBIGene:25125{close}"],
                         "orthologs of a name grounded in several species")
        self.assertEqual(self.rows["HGNC:11364"][2], ["Stat3"],
                         "the name as written, which the case-sensitive STAT3 does not match")
        self.assertNotIn("FPLX:BMP", self.rows, "a family grounded on two genes has no ortholog")
        self.assertEqual(self.rows["HGNC:11998"][2], ["Trp53"], "a species' gene teaches its human gene")
        self.assertNotIn("NCBIGene:22059", self.rows, "the species' gene is no concept to name")
        self.assertEqual(self.rows["MESH:D000068338"][4], ["MESH:C107135"],
                         "one substance under two MeSH years: the older supplementary record")

    def test_guards(self):
        self.assertNotIn("MESH:D999999", self.rows, "a held-out document teaches nothing")
        self.assertNotIn("MESH:D888888", self.rows, "one annotation is too few")
        self.assertNotIn("MESH:D003139", self.rows, "cold is mostly left unmarked")
        self.assertNotIn("MESH:D006261", self.rows, "headache: known name, held-out false positive")
        self.assertNotIn("MESH:D000975", self.rows, "the singular is mostly left unmarked")
        self.assertNotIn("MESH:D111111", self.rows, "one document's repeated usage is one vote")
        self.assertNotIn("MESH:D007035", self.rows,
                         "another heading no concept carries is not an older record")
        self.assertEqual(self.rows["MESH:D019808"][:3], ("LOS", "biolink:ChemicalEntity", []),
                         "a symbol's spellings are searched in its case")
        self.assertNotIn("MESH:D008055", self.rows, "false positives in one document only")
        self.assertNotIn("HGNC:9594", self.rows,
                         "one document does not give a chemical's name to a gene")
        self.assertNotIn("NCBITaxon:10090", self.rows, "organisms are no type that names are learned for")
        self.assertNotIn("HGNC:6835", self.rows, "one document does not move a gene's symbol")
        self.assertNotIn("HGNC:7166", self.rows, "nor withdraw it from its gene")
        self.assertNotIn("MESH:D003402", self.rows,
                         "the dictionary's gene is not relearned as a chemical")
        self.assertIn("1 training documents left out", self.summary)

    def test_written_layer_is_sorted_and_loadable(self):
        out = os.path.join(self.tmp.name, "learned.tsv")
        lcn.write(self.rows, self.summary, ["base.tsv"], out)
        with open(out, encoding="utf-8") as f:
            lines = f.read().splitlines()
        self.assertEqual(lines[0], "#mechkg-vocab\t1")
        body = lines[lines.index("curie\tlabel\tcategory\tsynonyms\txrefs") + 1:]
        self.assertEqual(body, sorted(body))
        self.assertIn("MESH:D004247\tDNA\tbiolink:ChemicalEntity\tDNA{drop}\t", body)


if __name__ == "__main__":
    unittest.main()
