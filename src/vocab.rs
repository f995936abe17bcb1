//! The concept vocabulary: parsing of the versioned TSV format described in `vocab/FORMAT.md`,
//! layering of several files, and look-ups by identifier, cross-reference and name. The shipped
//! default (`vocab/domain.tsv` generated from the sources, then `vocab/curated.tsv`, then the
//! organisms of `vocab/species.tsv`) is compiled into the binary so that mechkg works from any
//! directory.

use crate::error::{Error, Result};
use crate::ns::KNOWN_PREFIXES;
use rayon::prelude::*;
use std::borrow::Cow;
use std::collections::{BTreeSet, HashMap};

pub const FORMAT_VERSION: &str = "1";
const HEADER: &str = "curie\tlabel\tcategory\tsynonyms\txrefs";

/// The Biolink categories a vocabulary may use.
pub const CATEGORIES: &[&str] = &[
    "biolink:Gene",
    "biolink:Protein",
    "biolink:GeneOrGeneProduct",
    "biolink:ProteinFamily",
    "biolink:ChemicalEntity",
    "biolink:SmallMolecule",
    "biolink:MolecularEntity",
    "biolink:Drug",
    "biolink:ChemicalRole",
    "biolink:NucleicAcidEntity",
    "biolink:Cell",
    "biolink:AnatomicalEntity",
    "biolink:GrossAnatomicalStructure",
    "biolink:CellularComponent",
    "biolink:BiologicalProcess",
    "biolink:PhysiologicalProcess",
    "biolink:PathologicalProcess",
    "biolink:Behavior",
    "biolink:Disease",
    "biolink:PhenotypicFeature",
    // Minted for the variants the text writes (`tag::variant`); a vocabulary may list some too.
    "biolink:SequenceVariant",
    // Species ("mice", "patients"): the organism a document studies, which grounds its genes
    // (`tag::species`); no argument of a rule.
    "biolink:OrganismTaxon",
    "biolink:NamedThing",
];

/// The coarse argument types that relation rules constrain.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ArgType {
    Chemical,
    Gene,
    Cell,
    Anatomy,
    Process,
    Disease,
    Phenotype,
    /// A sequence variant the text writes ("R215W"); see [`crate::tag::variant`].
    Variant,
    Other,
}

impl ArgType {
    pub fn of_category(category: &str) -> ArgType {
        match category {
            "biolink:Gene" | "biolink:Protein" | "biolink:GeneOrGeneProduct"
            // A class of proteins ("cytokines", "protein kinases") acts as its members do.
            | "biolink:ProteinFamily" => ArgType::Gene,
            "biolink:ChemicalEntity"
            | "biolink:SmallMolecule"
            | "biolink:MolecularEntity"
            | "biolink:Drug"
            // A pharmacological class ("antidepressants") acts in mechanisms as its members do.
            | "biolink:ChemicalRole" => ArgType::Chemical,
            "biolink:Cell" => ArgType::Cell,
            "biolink:AnatomicalEntity"
            | "biolink:GrossAnatomicalStructure"
            | "biolink:CellularComponent" => ArgType::Anatomy,
            "biolink:BiologicalProcess"
            | "biolink:PhysiologicalProcess"
            | "biolink:PathologicalProcess" => ArgType::Process,
            "biolink:Disease" => ArgType::Disease,
            "biolink:PhenotypicFeature" | "biolink:Behavior" => ArgType::Phenotype,
            "biolink:SequenceVariant" => ArgType::Variant,
            _ => ArgType::Other,
        }
    }

    /// Whether arguments of the two types may be related at all. A variant is a form of its gene,
    /// not its partner in a mechanism: "PEMT, which leads to a V175M substitution" says where the
    /// change lies, not what the gene does.
    pub fn may_relate(self, other: ArgType) -> bool {
        !matches!(
            (self, other),
            (ArgType::Gene, ArgType::Variant) | (ArgType::Variant, ArgType::Gene)
        )
    }

    pub fn parse(s: &str) -> Option<ArgType> {
        Some(match s {
            "chemical" => ArgType::Chemical,
            "gene" => ArgType::Gene,
            "cell" => ArgType::Cell,
            "anatomy" => ArgType::Anatomy,
            "process" => ArgType::Process,
            "disease" => ArgType::Disease,
            "phenotype" => ArgType::Phenotype,
            "variant" => ArgType::Variant,
            "other" => ArgType::Other,
            _ => return None,
        })
    }
}

/// A name of a concept with its matching flags.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Name {
    pub text: String,
    /// Match the exact case only.
    pub case_sensitive: bool,
    /// An abbreviation or symbol.
    pub abbreviation: bool,
}

impl Name {
    /// Parses `OXT{abbr}` into a name and its flags, inferring case-sensitivity for symbol-like
    /// names (see `vocab/FORMAT.md`). The flag `drop` is returned apart: it withdraws the name.
    fn parse(raw: &str) -> std::result::Result<(Name, bool), String> {
        let raw = raw.trim();
        let (text, flags) = match raw.strip_suffix('}').and_then(|r| r.rsplit_once('{')) {
            Some((text, flags)) => (text.trim(), flags),
            None => (raw, ""),
        };
        if text.is_empty() {
            return Err(format!("empty name in {raw:?}"));
        }
        let (mut cs, mut ci, mut abbr, mut drop) = (false, false, false, false);
        for flag in flags.split(',').map(str::trim).filter(|f| !f.is_empty()) {
            match flag {
                "cs" => cs = true,
                "ci" => ci = true,
                "abbr" => abbr = true,
                "drop" => drop = true,
                other => {
                    return Err(format!(
                        "unknown name flag {other:?} in {raw:?} (known: cs, ci, abbr, drop)"
                    ))
                }
            }
        }
        if cs && ci {
            return Err(format!("name {raw:?} is both cs and ci"));
        }
        let case_sensitive = if ci {
            false
        } else {
            cs || abbr || looks_like_symbol(text)
        };
        Ok((
            Name {
                text: text.to_string(),
                case_sensitive,
                abbreviation: abbr,
            },
            drop,
        ))
    }
}

/// Short names and names without lower-case letters are symbols: `SON`, `OXTR`, `IL-6`.
pub fn looks_like_symbol(name: &str) -> bool {
    let n = name.chars().count();
    n <= 3 || (n <= 6 && !name.chars().any(|c| c.is_lowercase()))
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Concept {
    pub id: String,
    pub label: String,
    pub category: String,
    /// Every name, the label first.
    pub names: Vec<Name>,
    pub xrefs: BTreeSet<String>,
    /// Broader matches (`{broad}` in the file): a more general concept of another source, for a
    /// concept that source has no identifier for (written as `skos:broadMatch`, never looked up).
    pub broad: BTreeSet<String>,
    /// Close matches (`{close}` in the file): the heading another source files the concept under,
    /// for a concept that source has no identifier for (MeSH's Sildenafil Citrate for ChEBI's
    /// sildenafil, Lactic Acid for ChEBI's lactate; written as `skos:closeMatch`, never looked up).
    pub close: BTreeSet<String>,
    /// Narrower matches (`{narrow}` in the file): the members of a gene family or complex ("Akt":
    /// AKT1, AKT2, AKT3), one of which the text means (written as `skos:narrowMatch`, never looked
    /// up).
    pub narrow: BTreeSet<String>,
    /// The gene this concept is the ortholog of (`{ortholog}` in the file: the mouse Stat3 row names
    /// the human STAT3). Such a concept's names are never tagged: a mention of the gene it is the
    /// ortholog of is grounded on it in a document about its taxon ([`crate::tag::species`]).
    /// Written as `biolink:orthologous_to`, never looked up.
    pub ortholog_of: BTreeSet<String>,
    /// The organism the concept is of (`{taxon}`, an `NCBITaxon:` CURIE), written as
    /// `biolink:in_taxon`, never looked up.
    pub taxon: BTreeSet<String>,
}

impl Concept {
    pub fn arg_type(&self) -> ArgType {
        ArgType::of_category(&self.category)
    }

    /// A pharmacological class (MeSH D27, ChEBI roles): it acts as its members do in relations, but
    /// names no substance of its own.
    pub fn is_chemical_role(&self) -> bool {
        self.category == "biolink:ChemicalRole"
    }
}

/// A loaded, layered vocabulary.
#[derive(Clone, Debug, Default)]
pub struct Vocabulary {
    concepts: Vec<Concept>,
    by_id: HashMap<String, usize>,
    by_xref: HashMap<String, Vec<usize>>,
    /// A gene → the concepts that are its orthologs in other species (`{ortholog}`).
    by_ortholog: HashMap<String, Vec<usize>>,
    /// Names of the files it was read from, in order.
    pub sources: Vec<String>,
}

pub const DEFAULT_DOMAIN: &str = include_str!("../vocab/domain.tsv");
pub const DEFAULT_CURATED: &str = include_str!("../vocab/curated.tsv");
pub const DEFAULT_SPECIES: &str = include_str!("../vocab/species.tsv");

impl Vocabulary {
    /// The shipped default vocabulary.
    pub fn embedded() -> Result<Self> {
        let mut v = Vocabulary::default();
        v.add_tsv("vocab/domain.tsv", DEFAULT_DOMAIN)?;
        v.add_tsv("vocab/curated.tsv", DEFAULT_CURATED)?;
        v.add_tsv("vocab/species.tsv", DEFAULT_SPECIES)?;
        Ok(v)
    }

    pub fn concepts(&self) -> &[Concept] {
        &self.concepts
    }

    pub fn get(&self, id: &str) -> Option<&Concept> {
        self.by_id.get(id).map(|&i| &self.concepts[i])
    }

    /// The concept a mention's CURIE stands for: the vocabulary's, or a sequence variant's, which
    /// the text itself names (see [`crate::tag::variant`]).
    pub fn concept(&self, id: &str) -> Option<Cow<'_, Concept>> {
        match self.get(id) {
            Some(c) => Some(Cow::Borrowed(c)),
            None => crate::tag::variant::concept(id).map(Cow::Owned),
        }
    }

    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    /// The orthologs of a gene in other species: the concepts that name it `{ortholog}`.
    pub fn orthologs(&self, gene: &str) -> impl Iterator<Item = &Concept> {
        self.indexed(&self.by_ortholog, gene)
    }

    /// Concepts that list `curie` as a cross-reference.
    pub fn by_xref(&self, curie: &str) -> impl Iterator<Item = &Concept> {
        self.indexed(&self.by_xref, curie)
    }

    /// The concepts an index lists under `key`.
    fn indexed<'a>(
        &'a self,
        index: &'a HashMap<String, Vec<usize>>,
        key: &str,
    ) -> impl Iterator<Item = &'a Concept> {
        index
            .get(key)
            .into_iter()
            .flatten()
            .map(|&i| &self.concepts[i])
    }

    /// Adds the concepts of one TSV file (its text given, its name used in messages).
    pub fn add_tsv(&mut self, path: &str, text: &str) -> Result<()> {
        let err = |line: usize, msg: String| Error::Vocab {
            path: path.to_string(),
            line,
            msg,
        };
        let mut lines = text
            .lines()
            .enumerate()
            .map(|(i, l)| (i + 1, l.trim_end_matches('\r')));
        match lines.next() {
            Some((_, first)) if first.split('\t').collect::<Vec<_>>() == ["#mechkg-vocab", FORMAT_VERSION] => {}
            Some((_, first)) => {
                return Err(err(
                    1,
                    format!("not a mechkg vocabulary: the first line must be \"#mechkg-vocab<TAB>{FORMAT_VERSION}\", found {:?}", truncate(first)),
                ))
            }
            None => return Err(err(1, "empty vocabulary file".into())),
        }
        // The header, then the rows; each row is parsed on its own (in parallel: a full dictionary
        // has 200,000 of them) and the rows are merged in file order.
        let mut rows = Vec::new();
        let mut header_seen = false;
        for (n, line) in lines {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            if header_seen {
                rows.push((n, line));
            } else if line == HEADER {
                header_seen = true;
            } else {
                return Err(err(
                    n,
                    format!("expected the header {HEADER:?}, found {:?}", truncate(line)),
                ));
            }
        }
        let parsed: Vec<std::result::Result<Row, (usize, String)>> = rows
            .par_iter()
            .map(|&(n, line)| Row::parse(line).map_err(|m| (n, m)))
            .collect();
        for (row, &(n, _)) in parsed.into_iter().zip(&rows) {
            let Row {
                id,
                category,
                names,
                dropped,
                xrefs,
                broad,
                close,
                narrow,
                ortholog_of,
                taxon,
            } = row.map_err(|(n, m)| err(n, m))?;
            match self.by_id.get(&id) {
                Some(&i) => {
                    // A later layer adds names and cross-references to a known concept.
                    let c = &mut self.concepts[i];
                    if c.category != category {
                        return Err(err(
                            n,
                            format!(
                                "{id}: category {category} conflicts with {} given earlier",
                                c.category
                            ),
                        ));
                    }
                    for name in names {
                        if !c.names.iter().any(|m| m.text == name.text) {
                            c.names.push(name);
                        }
                    }
                    // A withdrawn name goes in any case; the label stays the concept's label.
                    c.names.retain(|m| {
                        !dropped
                            .iter()
                            .any(|d| m.text.to_lowercase() == d.to_lowercase())
                    });
                    for x in &xrefs {
                        self.by_xref.entry(x.clone()).or_default().push(i);
                    }
                    c.xrefs.extend(xrefs);
                    c.broad.extend(broad);
                    c.close.extend(close);
                    c.narrow.extend(narrow);
                    for g in &ortholog_of {
                        self.by_ortholog.entry(g.clone()).or_default().push(i);
                    }
                    c.ortholog_of.extend(ortholog_of);
                    c.taxon.extend(taxon);
                }
                None => {
                    let i = self.concepts.len();
                    for x in &xrefs {
                        self.by_xref.entry(x.clone()).or_default().push(i);
                    }
                    for g in &ortholog_of {
                        self.by_ortholog.entry(g.clone()).or_default().push(i);
                    }
                    let label = names[0].text.clone();
                    self.concepts.push(Concept {
                        id: id.clone(),
                        label,
                        category,
                        names,
                        xrefs,
                        broad,
                        close,
                        narrow,
                        ortholog_of,
                        taxon,
                    });
                    self.by_id.insert(id, i);
                }
            }
        }
        if !header_seen {
            return Err(err(1, format!("missing header line {HEADER:?}")));
        }
        self.sources.push(path.to_string());
        Ok(())
    }
}

/// One parsed line of a vocabulary file: its names distinct, the label first.
struct Row {
    id: String,
    category: String,
    names: Vec<Name>,
    /// Names flagged `drop`: withdrawn from the concept after this row's names are added.
    dropped: Vec<String>,
    xrefs: BTreeSet<String>,
    broad: BTreeSet<String>,
    close: BTreeSet<String>,
    narrow: BTreeSet<String>,
    ortholog_of: BTreeSet<String>,
    taxon: BTreeSet<String>,
}

impl Row {
    fn parse(line: &str) -> std::result::Result<Row, String> {
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 5 {
            return Err(format!(
                "expected 5 tab-separated columns, found {}",
                cols.len()
            ));
        }
        let id = cols[0].trim();
        check_curie(id)?;
        let label = cols[1].trim();
        if label.is_empty() {
            return Err(format!("{id}: empty label"));
        }
        let category = cols[2].trim();
        if !CATEGORIES.contains(&category) {
            return Err(format!(
                "{id}: unknown category {category:?} (known: {})",
                CATEGORIES.join(", ")
            ));
        }
        let (first, drop) = Name::parse(label)?;
        if drop {
            return Err(format!("{id}: the label cannot be flagged drop"));
        }
        let mut names: Vec<Name> = vec![first];
        let mut dropped = Vec::new();
        for raw in cols[3].split('|').filter(|s| !s.trim().is_empty()) {
            let (name, drop) = Name::parse(raw)?;
            if drop {
                dropped.push(name.text);
            } else if !names.iter().any(|m| m.text == name.text) {
                names.push(name);
            }
        }
        let [mut xrefs, mut broad, mut close, mut narrow, mut ortholog_of, mut taxon]: [BTreeSet<
            String,
        >;
            6] = Default::default();
        for x in cols[4].split('|').map(str::trim).filter(|s| !s.is_empty()) {
            let (x, set) = if let Some(b) = x.strip_suffix("{broad}") {
                (b, &mut broad)
            } else if let Some(c) = x.strip_suffix("{close}") {
                (c, &mut close)
            } else if let Some(n) = x.strip_suffix("{narrow}") {
                (n, &mut narrow)
            } else if let Some(o) = x.strip_suffix("{ortholog}") {
                (o, &mut ortholog_of)
            } else if let Some(t) = x.strip_suffix("{taxon}") {
                (t, &mut taxon)
            } else {
                (x, &mut xrefs)
            };
            check_curie(x).map_err(|m| format!("xref: {m}"))?;
            set.insert(x.to_string());
        }
        Ok(Row {
            id: id.to_string(),
            category: category.to_string(),
            names,
            dropped,
            xrefs,
            broad,
            close,
            narrow,
            ortholog_of,
            taxon,
        })
    }
}

fn truncate(s: &str) -> String {
    s.chars().take(60).collect()
}

/// Checks that a CURIE has a known prefix and a non-empty local part.
pub fn check_curie(curie: &str) -> std::result::Result<(), String> {
    let Some((prefix, local)) = curie.split_once(':') else {
        return Err(format!("{curie:?} is not a CURIE (PREFIX:LOCAL)"));
    };
    if !KNOWN_PREFIXES.iter().any(|(p, _)| *p == prefix) {
        let known: Vec<&str> = KNOWN_PREFIXES.iter().map(|(p, _)| *p).collect();
        return Err(format!(
            "unknown prefix {prefix:?} in {curie:?} (known: {})",
            known.join(", ")
        ));
    }
    if local.is_empty() || local.contains(char::is_whitespace) {
        return Err(format!("bad local identifier in {curie:?}"));
    }
    Ok(())
}

/// For the tests of every module: a vocabulary file of concept rows (the body, without its header).
#[cfg(test)]
pub(crate) fn tsv_of_rows(rows: &str) -> String {
    format!("#mechkg-vocab\t1\n{HEADER}\n{rows}")
}

/// For the tests of every module: the vocabulary of concept rows.
#[cfg(test)]
impl Vocabulary {
    pub(crate) fn of_rows(rows: &str) -> Result<Vocabulary> {
        let mut v = Vocabulary::default();
        v.add_tsv("test.tsv", &tsv_of_rows(rows))?;
        Ok(v)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(body: &str) -> Result<Vocabulary> {
        Vocabulary::of_rows(body)
    }

    #[test]
    fn names_and_flags() {
        let v = load("MESH:D010121\tOxytocin\tbiolink:ChemicalEntity\tOXT{abbr}|Ocytocin|son{cs}\tHGNC:8528\n").unwrap();
        let c = v.get("MESH:D010121").unwrap();
        let flags: Vec<(&str, bool, bool)> = c
            .names
            .iter()
            .map(|n| (n.text.as_str(), n.case_sensitive, n.abbreviation))
            .collect();
        assert_eq!(
            flags,
            [
                ("Oxytocin", false, false),
                ("OXT", true, true),
                ("Ocytocin", false, false),
                ("son", true, false)
            ]
        );
        assert_eq!(v.by_xref("HGNC:8528").next().unwrap().id, "MESH:D010121");
    }

    #[test]
    fn symbol_heuristic() {
        for (name, symbol) in [
            ("OXTR", true),
            ("IL-6", true),
            ("SON", true),
            ("Oxytocin", false),
            ("TNF", true),
            ("cortisol", false),
            ("ACTH", true),
        ] {
            assert_eq!(looks_like_symbol(name), symbol, "{name}");
        }
    }

    #[test]
    fn errors_name_file_and_line() {
        let cases = [
            ("MESH:D1\tX\tbiolink:Cell\n", "test.tsv:3"),
            ("FOO:1\tX\tbiolink:Cell\t\t\n", "unknown prefix \"FOO\""),
            ("MESH:D1\tX\tbiolink:Thing\t\t\n", "unknown category"),
            ("MESH:D1\tX\tbiolink:Cell\tY{bold}\t\n", "unknown name flag"),
            ("MESH:D1\t\tbiolink:Cell\t\t\n", "empty label"),
        ];
        for (body, want) in cases {
            let e = load(body).unwrap_err().to_string();
            assert!(e.contains(want), "{body:?}: {e}");
        }
        let mut v = Vocabulary::default();
        let e = v
            .add_tsv("x.tsv", "curie\tlabel\n")
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("x.tsv:1: not a mechkg vocabulary"), "{e}");
    }

    #[test]
    fn layers_merge_names() {
        let mut v = load("CL:0000540\tneuron\tbiolink:Cell\tnerve cell\t\n").unwrap();
        v.add_tsv(
            "b.tsv",
            &tsv_of_rows("CL:0000540\tneuron\tbiolink:Cell\tneurons|nerve cell\t\n"),
        )
        .unwrap();
        let names: Vec<&str> = v
            .get("CL:0000540")
            .unwrap()
            .names
            .iter()
            .map(|n| n.text.as_str())
            .collect();
        assert_eq!(names, ["neuron", "nerve cell", "neurons"]);
        let e = v
            .add_tsv(
                "c.tsv",
                &tsv_of_rows("CL:0000540\tneuron\tbiolink:Gene\t\t\n"),
            )
            .unwrap_err();
        assert!(e.to_string().contains("conflicts"), "{e}");
    }

    #[test]
    fn graded_matches_are_kept_apart_from_xrefs() {
        // (row, its exact xrefs, its broader, close and narrower matches, the gene it is the
        // ortholog of and its taxon): none of the graded matches looks the concept up, and each flag
        // checks its CURIE.
        type Graded = [&'static [&'static str]; 5];
        let cases: &[(&str, &str, &[&str], Graded)] = &[
            (
                "broader MeSH descriptor of a disease",
                "DOID:4650\tbilateral retinoblastoma\tbiolink:Disease\t\tMONDO:0001|MESH:D012175{broad}\n",
                &["MONDO:0001"],
                [&["MESH:D012175"], &[], &[], &[], &[]],
            ),
            (
                "MeSH heading of a drug's salt",
                "CHEBI:9139\tsildenafil\tbiolink:ChemicalEntity\t\tMESH:D000068677{close}\n",
                &[],
                [&[], &["MESH:D000068677"], &[], &[], &[]],
            ),
            (
                "member genes of a family",
                "FPLX:AKT\tAKT\tbiolink:GeneOrGeneProduct\tAkt\tMESH:D051057|HGNC:391{narrow}|HGNC:392{narrow}\n",
                &["MESH:D051057"],
                [&[], &[], &["HGNC:391", "HGNC:392"], &[], &[]],
            ),
            (
                "the mouse ortholog of a human gene",
                "NCBIGene:20848\tStat3\tbiolink:Gene\t\tHGNC:11364{ortholog}|NCBITaxon:10090{taxon}\n",
                &[],
                [&[], &[], &[], &["HGNC:11364"], &["NCBITaxon:10090"]],
            ),
        ];
        for (what, row, xrefs, graded) in cases {
            let v = load(row).unwrap();
            let c = &v.concepts()[0];
            assert_eq!(c.xrefs.iter().collect::<Vec<_>>(), *xrefs, "{what}");
            let sets = [&c.broad, &c.close, &c.narrow, &c.ortholog_of, &c.taxon];
            for (set, want) in sets.into_iter().zip(graded) {
                assert_eq!(set.iter().collect::<Vec<_>>(), *want, "{what}");
                for x in set {
                    assert_eq!(v.by_xref(x).count(), 0, "{what}: {x} looks the concept up");
                }
            }
        }
        for flag in ["broad", "close", "narrow", "ortholog", "taxon"] {
            let row = format!("CHEBI:1\tx\tbiolink:ChemicalEntity\t\tFOO:1{{{flag}}}\n");
            assert!(load(&row).is_err(), "{flag}: unknown prefix accepted");
        }
    }

    #[test]
    fn a_later_layer_withdraws_names() {
        let mut v =
            load("MESH:D004247\tDNA\tbiolink:ChemicalEntity\tDeoxyribonucleic Acid|dna\t\n")
                .unwrap();
        v.add_tsv(
            "b.tsv",
            &tsv_of_rows("MESH:D004247\tDNA\tbiolink:ChemicalEntity\tDNA{drop}|B-DNA\t\n"),
        )
        .unwrap();
        let c = v.get("MESH:D004247").unwrap();
        let names: Vec<&str> = c.names.iter().map(|n| n.text.as_str()).collect();
        // Both spellings of the withdrawn name go (case-insensitively); the label stays the label.
        assert_eq!(names, ["Deoxyribonucleic Acid", "B-DNA"]);
        assert_eq!(c.label, "DNA");
        let e = load("MESH:D1\tX{drop}\tbiolink:Cell\t\t\n").unwrap_err();
        assert!(
            e.to_string().contains("label cannot be flagged drop"),
            "{e}"
        );
    }
}
