//! The tables that make gold and predictions comparable: corpus entity types and mechkg categories
//! onto one Biolink type, gold identifiers onto CURIEs, and mechkg predicates onto corpus relation
//! types.
//!
//! # Entity types ([`TYPES`])
//!
//! | corpus type names | Biolink type scored | mechkg categories counted as it |
//! |---|---|---|
//! | Chemical, ChemicalEntity, Drug, CHEMICAL | `biolink:ChemicalEntity` | ChemicalEntity, SmallMolecule, MolecularEntity, Drug |
//! | Disease, DiseaseOrPhenotypicFeature, SpecificDisease, DiseaseClass, Modifier, CompositeMention | `biolink:DiseaseOrPhenotypicFeature` | Disease, PhenotypicFeature, Behavior |
//! | Gene, GeneOrGeneProduct, Protein, GENE, GENE-Y, GENE-N | `biolink:GeneOrGeneProduct` | Gene, Protein, GeneOrGeneProduct |
//! | CellLine | `biolink:CellLine` | — |
//! | Species, OrganismTaxon | `biolink:OrganismTaxon` | OrganismTaxon (`vocab/species.tsv`) |
//! | Variant, SequenceVariant, DNAMutation, ProteinMutation, SNP | `biolink:SequenceVariant` | SequenceVariant (minted by `tag::variant`) |
//!
//! Against BioRED and DrugProt, which file gene products under genes, a chemical concept that cites an HGNC gene
//! (MeSH's Insulin) is scored as a gene when the gold annotates genes ([`scored_type`]); BC5CDR marks
//! such hormones as chemicals.
//!
//! `biolink:Behavior` counts as a phenotype because the vocabulary files symptoms such as anxiety,
//! depression and agitation there (MeSH F01), which the corpora annotate as diseases. mechkg's other
//! categories (cells, anatomy, processes, `biolink:ChemicalRole`, the pharmacological classes such
//! as antidepressants that the corpora annotate only rarely, and `biolink:ProteinFamily`, classes of
//! proteins such as lectins that no gene corpus grounds on a gene) have no corpus type and are not scored. An unknown corpus
//! type is scored under its own name, which no prediction can have.
//!
//! # Identifiers ([`gold_id_groups`], [`concept_ids`])
//!
//! A gold identifier field may list several identifiers separated by `|`, `,`, `;` or `+`
//! (`D001943|D010051`, `D004409,D006948`, NCBI-disease's `D007674+D006222`). In all three corpora
//! that is a composite mention: "breast and ovarian cancer" names both cancers, "2168,2170" ("fatty
//! acid binding proteins") both genes. So at the normalisation level each identifier is a concept of
//! the document on its own, as the per-document measure of BioCreative V CDR counts them; a relation
//! argument with several identifiers is one argument, matched by any of them. Variant identifiers
//! (`c|DEL|657|5`) are one identifier, never split; they become the CURIEs mechkg mints for
//! variants, `tmVar:c|DEL|657|5` and `DBSNP:rs53576`. `-1` and `-`
//! (no concept, BC5CDR's convention) are skipped. Bare identifiers get a prefix by their type: MeSH
//! (`D006854`, `C564766`) → `MESH:`, genes → `NCBIGene:`, taxa → `NCBITaxon:`, cell lines →
//! `Cellosaurus:`; prefixed ones keep theirs (`OMIM:255800`, `MeSH:` → `MESH:`). A mechkg concept
//! stands for its own CURIE and every cross-reference in the vocabulary, so `MESH:D006854` matches
//! gold `D006854`, and an HGNC gene whose xrefs include `NCBIGene:3569` matches gold gene `3569`. Its
//! broader matches count too: "bilateral retinoblastoma" (DOID:4650, no MeSH id) stands for MeSH's
//! Retinoblastoma, as BC5CDR's and NCBI-disease's guidelines map a term MeSH lacks to the closest more
//! general MeSH concept; a drug MeSH files under its salt stands for the salt's heading (close match:
//! ChEBI's sildenafil matches gold `D000068677`, Sildenafil Citrate). A gene family stands for its member genes (narrower matches) and their
//! cross-references: FamPlex's AKT matches gold gene `207` (AKT1), as BioRED grounds a family name on
//! one member; one-to-one matching lets it match one gold gene only. A family names no species, so its
//! members' orthologs (`{ortholog}`) count too: in a study of mice AKT matches the mouse Akt1 (`11651`).
//! A species' gene itself (`tag::species`) stands for its own identifier, not the human gene's.
//!
//! # Relations ([`Scheme`])
//!
//! | scheme (chosen by the gold relation types) | mechkg predicate | corpus type |
//! |---|---|---|
//! | BioRED | activates, increases, causes | Positive_Correlation |
//! | BioRED | inhibits, decreases, treats, disrupts | Negative_Correlation |
//! | BioRED | binds | Bind |
//! | BioRED | regulates, associated_with | Association |
//! | BC5CDR | causes, increases, with a chemical subject and a disease object | CID |
//! | DrugProt | activates | ACTIVATOR (and AGONIST, AGONIST-ACTIVATOR) |
//! | DrugProt | inhibits | INHIBITOR (and ANTAGONIST, AGONIST-INHIBITOR) |
//! | DrugProt | increases, decreases | INDIRECT-UPREGULATOR, INDIRECT-DOWNREGULATOR |
//! | DrugProt | binds | DIRECT-REGULATOR |
//!
//! DrugProt's mentions carry no database identifier (its `identifier` infon is the mention's text):
//! against it concepts are not scored, and a predicted relation's argument is the gold mention its
//! span overlaps; DrugProt's SUBSTRATE, PRODUCT-OF and PART-OF count in the untyped score only.
//!
//! Other predicates (releases, crosses, expressed_in, located_in) have no corpus type: they count in
//! the untyped pair score only. Negated relations are not predictions; hedged ones are.

use crate::model::Predicate;
use crate::tag::variant;
use std::collections::BTreeSet;

pub const CHEMICAL: &str = "biolink:ChemicalEntity";
pub const DISEASE: &str = "biolink:DiseaseOrPhenotypicFeature";
pub const GENE: &str = "biolink:GeneOrGeneProduct";
pub const CELL_LINE: &str = "biolink:CellLine";
pub const TAXON: &str = "biolink:OrganismTaxon";
pub const VARIANT: &str = "biolink:SequenceVariant";

/// (Biolink type scored, corpus type names, mechkg categories).
pub const TYPES: &[(&str, &[&str], &[&str])] = &[
    (
        CHEMICAL,
        &["Chemical", "ChemicalEntity", "Drug", "CHEMICAL"],
        &[
            "biolink:ChemicalEntity",
            "biolink:SmallMolecule",
            "biolink:MolecularEntity",
            "biolink:Drug",
        ],
    ),
    (
        DISEASE,
        &[
            "Disease",
            "DiseaseOrPhenotypicFeature",
            "SpecificDisease",
            "DiseaseClass",
            "Modifier",
            "CompositeMention",
        ],
        &[
            "biolink:Disease",
            "biolink:PhenotypicFeature",
            "biolink:Behavior",
        ],
    ),
    (
        GENE,
        &[
            "Gene",
            "GeneOrGeneProduct",
            "Protein",
            "GENE",
            "GENE-Y",
            "GENE-N",
        ],
        &[
            "biolink:Gene",
            "biolink:Protein",
            "biolink:GeneOrGeneProduct",
        ],
    ),
    (CELL_LINE, &["CellLine"], &[]),
    (
        TAXON,
        &["Species", "OrganismTaxon"],
        &["biolink:OrganismTaxon"],
    ),
    (
        VARIANT,
        &[
            "Variant",
            "SequenceVariant",
            "DNAMutation",
            "ProteinMutation",
            "SNP",
        ],
        &["biolink:SequenceVariant"],
    ),
];

/// The Biolink type a corpus type name is scored as (an unknown name stays itself).
pub fn of_corpus_type(name: &str) -> String {
    TYPES
        .iter()
        .find(|(_, names, _)| names.contains(&name))
        .map_or_else(|| name.to_string(), |(t, _, _)| (*t).to_string())
}

/// The Biolink type a mechkg category is scored as, if any.
pub fn of_category(category: &str) -> Option<&'static str> {
    TYPES
        .iter()
        .find(|(_, _, cats)| cats.contains(&category))
        .map(|(t, _, _)| *t)
}

/// The Biolink type a concept is scored as under a corpus's conventions, if the corpus scores it
/// (`scope`: the types its gold annotates). That is its category's type, except that a chemical
/// that is also a gene product (MeSH's Insulin, which cites HGNC's INS) is a gene in a corpus that
/// annotates genes and files gene products under them (BioRED annotates "insulin" as NCBI Gene
/// 3630); it stays a chemical in one that files them under chemicals (BC5CDR).
pub fn scored_type(
    c: &crate::vocab::Concept,
    scheme: Scheme,
    scope: &BTreeSet<String>,
) -> Option<&'static str> {
    let mut ty = of_category(&c.category)?;
    if ty == CHEMICAL
        && scheme.files_gene_products_as_genes()
        && scope.contains(GENE)
        && c.xrefs.iter().any(|x| x.starts_with("HGNC:"))
    {
        ty = GENE;
    }
    scope.contains(ty).then_some(ty)
}

/// A CURIE with its prefix in canonical case (`MeSH:D1` → `MESH:D1`, `ncbigene:1` → `NCBIGene:1`).
pub fn canonical_curie(curie: &str) -> String {
    let Some((prefix, local)) = curie.split_once(':') else {
        return curie.to_string();
    };
    let prefix = match prefix.to_ascii_lowercase().as_str() {
        "mesh" => "MESH",
        "ncbigene" | "ncbi gene" | "geneid" => "NCBIGene",
        "ncbitaxon" | "taxonomy" => "NCBITaxon",
        "omim" | "mim" => "OMIM",
        "chebi" => "CHEBI",
        "cellosaurus" | "cvcl" => "Cellosaurus",
        _ => prefix,
    };
    format!("{prefix}:{}", local.trim())
}

/// A gold identifier as a CURIE, given the Biolink type of its mention (see the module doc).
pub fn gold_curie(id: &str, biolink_type: &str) -> String {
    let id = id.trim();
    if id.contains(':') && biolink_type != VARIANT {
        return canonical_curie(id);
    }
    let mesh_like = |s: &str| {
        let mut c = s.chars();
        matches!(c.next(), Some('C' | 'D')) && s.len() > 1 && c.all(|c| c.is_ascii_digit())
    };
    let numeric = !id.is_empty() && id.chars().all(|c| c.is_ascii_digit());
    match biolink_type {
        // A dbSNP id, or tmVar's normal form of a change: the CURIEs mechkg mints for variants.
        VARIANT if id.starts_with("rs") => format!("{}:{id}", variant::DBSNP),
        VARIANT => format!("{}:{id}", variant::TMVAR),
        CELL_LINE => format!("Cellosaurus:{id}"),
        TAXON if numeric => format!("NCBITaxon:{id}"),
        GENE if numeric => format!("NCBIGene:{id}"),
        _ if mesh_like(id) => format!("MESH:{id}"),
        _ if numeric => format!("NCBIGene:{id}"),
        _ => id.to_string(),
    }
}

/// The identifiers of a gold identifier field, as CURIEs; empty for `-1`, `-` and blank fields.
pub fn gold_id_groups(field: &str, biolink_type: &str) -> BTreeSet<String> {
    let parts: Vec<&str> = if biolink_type == VARIANT {
        field.split([';', ',']).collect()
    } else {
        field.split(['|', ',', ';', '+']).collect()
    };
    parts
        .into_iter()
        .map(str::trim)
        .filter(|p| !p.is_empty() && *p != "-1" && *p != "-")
        .map(|p| gold_curie(p, biolink_type))
        .collect()
}

/// The identifiers a mechkg concept stands for: its CURIE and its cross-references.
pub fn concept_ids(vocab: &crate::vocab::Vocabulary, id: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::from([canonical_curie(id)]);
    if let Some(c) = vocab.get(id) {
        out.extend(c.xrefs.iter().map(|x| canonical_curie(x)));
        // A concept MeSH has no descriptor for counts for its broader one, as the corpora's
        // annotators map such a term to the closest more general MeSH concept.
        out.extend(c.broad.iter().map(|x| canonical_curie(x)));
        // A drug MeSH files under its salt (an anion under its acid) counts for that descriptor, as
        // MeSH indexes it.
        out.extend(c.close.iter().map(|x| canonical_curie(x)));
        // A gene family stands for its members and their identifiers, as gene corpora ground a
        // family name on one member (BioRED's "Akt" is AKT1, NCBI Gene 207). A family names no
        // species: in a study of mice the member is the mouse gene (`tag::species` grounds a gene
        // there, not a family), so the members' orthologs count too.
        for m in &c.narrow {
            out.insert(canonical_curie(m));
            if let Some(member) = vocab.get(m) {
                out.extend(member.xrefs.iter().map(|x| canonical_curie(x)));
            }
            out.extend(vocab.orthologs(m).map(|o| canonical_curie(&o.id)));
        }
    }
    out
}

/// DrugProt's relation types (BioCreative VII), which choose [`Scheme::DrugProt`].
const DRUGPROT_TYPES: &[&str] = &[
    "INHIBITOR",
    "ACTIVATOR",
    "AGONIST",
    "ANTAGONIST",
    "AGONIST-ACTIVATOR",
    "AGONIST-INHIBITOR",
    "DIRECT-REGULATOR",
    "INDIRECT-UPREGULATOR",
    "INDIRECT-DOWNREGULATOR",
    "SUBSTRATE",
    "PRODUCT-OF",
    "SUBSTRATE_PRODUCT-OF",
    "PART-OF",
];

/// How mechkg predicates map onto a corpus's relation types.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scheme {
    /// BC5CDR: chemical-induced disease (`CID`) only.
    Cdr,
    /// BioRED: correlation, association, binding... types.
    BioRed,
    /// DrugProt: chemical–gene mechanisms (inhibitor, activator, agonist, regulators...), whose
    /// mentions carry no database identifier.
    DrugProt,
    /// The gold has no relations: relations are not scored.
    None,
}

impl Scheme {
    /// `Cdr` when the gold has `CID` relations, `DrugProt` when it has DrugProt's, `BioRed` when it
    /// has any other, else `None`.
    pub fn of_gold<'a>(kinds: impl IntoIterator<Item = &'a str>) -> Scheme {
        let mut scheme = Scheme::None;
        for k in kinds {
            if k == "CID" {
                return Scheme::Cdr;
            }
            if DRUGPROT_TYPES.contains(&k) {
                return Scheme::DrugProt;
            }
            scheme = Scheme::BioRed;
        }
        scheme
    }

    /// Whether the gold's identifier field names a concept. DrugProt's `identifier` infon is the
    /// mention's own text, lower-cased: its concepts are not scored, and a predicted relation's
    /// arguments take the identifier of the gold mention their span overlaps.
    pub fn has_identifiers(self) -> bool {
        self != Scheme::DrugProt
    }

    /// The relation type a gold type is scored as. mechkg has no agonist or antagonist predicate:
    /// DrugProt's agonists count as activators and its antagonists as inhibitors.
    pub fn gold_type(self, kind: &str) -> &str {
        match (self, kind) {
            (Scheme::DrugProt, "AGONIST" | "AGONIST-ACTIVATOR") => "ACTIVATOR",
            (Scheme::DrugProt, "ANTAGONIST" | "AGONIST-INHIBITOR") => "INHIBITOR",
            _ => kind,
        }
    }

    /// Whether the corpus annotates a chemical named inside a longer name of something else
    /// ("dopamine" in "dopamine receptor"). BC5CDR does; BioRED annotates the longer name only.
    pub fn annotates_nested_names(self) -> bool {
        self != Scheme::BioRed
    }

    /// Whether the corpus annotates a gene product that is also a chemical (a peptide hormone such
    /// as insulin or prolactin) as a gene. BioRED does; BC5CDR annotates it as a chemical.
    pub fn files_gene_products_as_genes(self) -> bool {
        matches!(self, Scheme::BioRed | Scheme::DrugProt)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Scheme::Cdr => "bc5cdr",
            Scheme::BioRed => "biored",
            Scheme::DrugProt => "drugprot",
            Scheme::None => "none",
        }
    }

    /// The corpus relation type of a predicate between arguments of the given Biolink types.
    pub fn relation_type(
        self,
        p: Predicate,
        subject: Option<&str>,
        object: Option<&str>,
    ) -> Option<&'static str> {
        use Predicate::*;
        match self {
            Scheme::None => None,
            Scheme::Cdr => (matches!(p, Causes | Increases)
                && subject == Some(CHEMICAL)
                && object == Some(DISEASE))
            .then_some("CID"),
            Scheme::BioRed => match p {
                Activates | Increases | Causes => Some("Positive_Correlation"),
                Inhibits | Decreases | Treats | Disrupts => Some("Negative_Correlation"),
                Binds => Some("Bind"),
                Regulates | AssociatedWith => Some("Association"),
                Releases | Crosses | ExpressedIn | LocatedIn | VariantOf => None,
            },
            Scheme::DrugProt => match p {
                Activates => Some("ACTIVATOR"),
                Inhibits => Some("INHIBITOR"),
                Increases => Some("INDIRECT-UPREGULATOR"),
                Decreases => Some("INDIRECT-DOWNREGULATOR"),
                Binds => Some("DIRECT-REGULATOR"),
                _ => None,
            },
        }
    }

    /// Whether an (unordered) pair of argument types can be a gold relation at all: BC5CDR relates a
    /// chemical and a disease only; BioRED any two scored types.
    pub fn admits_pair(self, a: &str, b: &str) -> bool {
        match self {
            Scheme::None => false,
            Scheme::Cdr => (a == CHEMICAL && b == DISEASE) || (a == DISEASE && b == CHEMICAL),
            Scheme::DrugProt => (a == CHEMICAL && b == GENE) || (a == GENE && b == CHEMICAL),
            Scheme::BioRed => true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers() {
        let cases: &[(&str, &str, &[&str])] = &[
            ("D006854", "Chemical", &["MESH:D006854"]),
            ("D001|D002", "Disease", &["MESH:D001", "MESH:D002"]),
            (" D008661", "DiseaseClass", &["MESH:D008661"]),
            ("-1", "Disease", &[]),
            ("-", "GeneOrGeneProduct", &[]),
            ("6528", "GeneOrGeneProduct", &["NCBIGene:6528"]),
            ("6528;6529", "Gene", &["NCBIGene:6528", "NCBIGene:6529"]),
            ("9606", "OrganismTaxon", &["NCBITaxon:9606"]),
            (
                "OMIM:300322+OMIM:102600",
                "CompositeMention",
                &["OMIM:102600", "OMIM:300322"],
            ),
            ("c|DEL|657|5", "SequenceVariant", &["tmVar:c|DEL|657|5"]),
            ("rs53576", "SequenceVariant", &["DBSNP:rs53576"]),
            ("CVCL_0224", "CellLine", &["Cellosaurus:CVCL_0224"]),
        ];
        for (field, ty, want) in cases {
            let got = gold_id_groups(field, &of_corpus_type(ty));
            let want: BTreeSet<String> = want.iter().map(|s| s.to_string()).collect();
            assert_eq!(got, want, "{field} {ty}");
        }
    }

    #[test]
    fn a_concept_stands_for_its_xrefs_and_graded_matches() {
        let v = crate::vocab::Vocabulary::of_rows(
            "DOID:4650\tbilateral retinoblastoma\tbiolink:Disease\t\tMESH:D012175{broad}\n\
             CHEBI:9139\tsildenafil\tbiolink:ChemicalEntity\t\tMESH:D000068677{close}\n\
             FPLX:AKT\tAKT\tbiolink:GeneOrGeneProduct\t\tMESH:D051057|HGNC:391{narrow}\n\
             HGNC:391\tAKT1\tbiolink:Gene\t\tNCBIGene:207\n",
        )
        .unwrap();
        let cases: &[(&str, &[&str])] = &[
            ("DOID:4650", &["DOID:4650", "MESH:D012175"]),
            ("CHEBI:9139", &["CHEBI:9139", "MESH:D000068677"]),
            (
                "FPLX:AKT",
                &["FPLX:AKT", "HGNC:391", "MESH:D051057", "NCBIGene:207"],
            ),
            ("HGNC:391", &["HGNC:391", "NCBIGene:207"]),
            ("MESH:D1", &["MESH:D1"]),
        ];
        for (id, want) in cases {
            let got: Vec<String> = concept_ids(&v, id).into_iter().collect();
            assert_eq!(got, *want, "{id}");
        }
    }

    #[test]
    fn type_table() {
        assert_eq!(of_corpus_type("SpecificDisease"), DISEASE);
        assert_eq!(of_corpus_type("Weird"), "Weird");
        assert_eq!(of_category("biolink:Gene"), Some(GENE));
        assert_eq!(of_category("biolink:Cell"), None);
        // A class of proteins names no gene: gene corpora annotate genes, and MeSH's "Lectins"
        // could never match an NCBI Gene id; pharmacological classes likewise are no chemicals.
        assert_eq!(of_category("biolink:ProteinFamily"), None);
        assert_eq!(of_category("biolink:ChemicalRole"), None);
        for (t, _, cats) in TYPES {
            for c in *cats {
                assert!(crate::vocab::CATEGORIES.contains(c), "{t}: {c}");
            }
        }
    }

    #[test]
    fn gene_products_are_genes_where_the_corpus_files_them_so() {
        let v = crate::vocab::Vocabulary::of_rows(
            "MESH:D007328\tInsulin\tbiolink:ChemicalEntity\t\tHGNC:6081|NCBIGene:3630\n\
             MESH:D006854\tHydrocortisone\tbiolink:ChemicalEntity\t\tCHEBI:17650\n\
             MESH:D016207\tCytokines\tbiolink:ProteinFamily\t\t\n",
        )
        .unwrap();
        let scope = |tys: &[&str]| tys.iter().map(|t| t.to_string()).collect::<BTreeSet<_>>();
        let both = scope(&[CHEMICAL, GENE]);
        let chemicals = scope(&[CHEMICAL, DISEASE]);
        let cases: &[(&str, Scheme, &BTreeSet<String>, Option<&str>)] = &[
            ("MESH:D007328", Scheme::BioRed, &both, Some(GENE)),
            ("MESH:D007328", Scheme::Cdr, &both, Some(CHEMICAL)),
            // A corpus without genes scores a gene product as the chemical it also is.
            ("MESH:D007328", Scheme::BioRed, &chemicals, Some(CHEMICAL)),
            ("MESH:D006854", Scheme::BioRed, &both, Some(CHEMICAL)),
            ("MESH:D016207", Scheme::BioRed, &both, None),
        ];
        for (id, scheme, scope, want) in cases {
            let got = scored_type(v.get(id).unwrap(), *scheme, scope);
            assert_eq!(got, *want, "{id} {scheme:?}");
        }
        assert!(Scheme::Cdr.annotates_nested_names());
        assert!(!Scheme::BioRed.annotates_nested_names());
    }

    #[test]
    fn relation_schemes() {
        assert_eq!(Scheme::of_gold(["Association", "CID"]), Scheme::Cdr);
        assert_eq!(Scheme::of_gold(["Bind"]), Scheme::BioRed);
        assert_eq!(Scheme::of_gold([]), Scheme::None);
        let c = (Some(CHEMICAL), Some(DISEASE));
        assert_eq!(
            Scheme::Cdr.relation_type(Predicate::Causes, c.0, c.1),
            Some("CID")
        );
        assert_eq!(Scheme::Cdr.relation_type(Predicate::Treats, c.0, c.1), None);
        assert_eq!(Scheme::Cdr.relation_type(Predicate::Causes, c.1, c.0), None);
        assert_eq!(
            Scheme::BioRed.relation_type(Predicate::Treats, c.0, c.1),
            Some("Negative_Correlation")
        );
    }
}
