//! Text normalisation for dictionary matching, with a map from every normalised byte back to the
//! original bytes. Names and texts go through the same function, so that a name matches whatever
//! dash, space, quote or Greek-letter spelling a text uses:
//!
//! * Unicode compatibility forms are folded (NFKC: ligatures, full-width letters);
//! * every dash and hyphen, and every run of white space, becomes one ASCII space, so that
//!   `blood-brain barrier`, `blood brain barrier` and `blood–brain barrier` are one string;
//! * Greek letters become their names (`TNF-α` reads `TNF alpha`);
//! * curly quotes become straight ones;
//! * optionally, letters are lower-cased.
//!
//! Byte ranges in a [`Normalized`] text map back to the original with [`Normalized::original_span`];
//! this is how every span mechkg reports stays a byte offset into the text as the user gave it.

use crate::model::Span;
use unicode_normalization::UnicodeNormalization;

/// A normalised copy of a text and its offset map.
#[derive(Clone, Debug)]
pub struct Normalized {
    pub text: String,
    /// For each byte of `text`: start and end, in the original, of the character it came from.
    starts: Vec<u32>,
    ends: Vec<u32>,
}

fn greek_name(c: char) -> Option<&'static str> {
    Some(match c {
        'α' | 'Α' => "alpha",
        'β' | 'Β' | 'ß' => "beta",
        'γ' | 'Γ' => "gamma",
        'δ' | 'Δ' => "delta",
        'ε' | 'Ε' => "epsilon",
        'κ' | 'Κ' => "kappa",
        'λ' | 'Λ' => "lambda",
        'μ' | 'µ' => "mu",
        'θ' | 'Θ' => "theta",
        'ω' | 'Ω' => "omega",
        'σ' | 'Σ' => "sigma",
        'τ' | 'Τ' => "tau",
        'ζ' | 'Ζ' => "zeta",
        'η' | 'Η' => "eta",
        _ => return None,
    })
}

fn is_dash(c: char) -> bool {
    matches!(
        c,
        '-' | '\u{2010}'
            ..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' | '\u{00AD}'
    )
}

impl Normalized {
    /// Normalises `original`, leaving out the byte ranges in `skip` (sorted, disjoint), such as the
    /// ` (HPA)` of an abbreviation's definition, so that a name can match across them.
    pub fn new(original: &str, lowercase: bool, skip: &[Span]) -> Self {
        let mut text = String::with_capacity(original.len());
        let mut starts = Vec::with_capacity(original.len() + 1);
        let mut ends = Vec::with_capacity(original.len() + 1);
        let mut skip = skip.iter().peekable();
        let mut last_space = false;
        let mut push = |text: &mut String, s: &str, from: usize, to: usize| {
            text.push_str(s);
            for _ in 0..s.len() {
                starts.push(from as u32);
                ends.push(to as u32);
            }
        };
        for (i, c) in original.char_indices() {
            while skip.peek().is_some_and(|r| r.end <= i) {
                skip.next();
            }
            if skip.peek().is_some_and(|r| r.start <= i && i < r.end) {
                continue;
            }
            let end = i + c.len_utf8();
            if c.is_whitespace() || is_dash(c) {
                // Runs of spaces and dashes count as one separator.
                if !last_space {
                    push(&mut text, " ", i, end);
                    last_space = true;
                }
                continue;
            }
            last_space = false;
            if c.is_ascii() {
                let mut buf = [0u8; 4];
                push(&mut text, c.encode_utf8(&mut buf), i, end);
            } else if let Some(name) = greek_name(c) {
                push(&mut text, name, i, end);
            } else if matches!(c, '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{2032}') {
                push(&mut text, "'", i, end);
            } else if matches!(c, '\u{201C}' | '\u{201D}' | '\u{201F}' | '\u{2033}') {
                push(&mut text, "\"", i, end);
            } else {
                for d in std::iter::once(c).nfkc() {
                    let mut buf = [0u8; 4];
                    push(&mut text, d.encode_utf8(&mut buf), i, end);
                }
            }
        }
        let text = if lowercase { fold_case(&text) } else { text };
        Normalized { text, starts, ends }
    }

    /// Normalises a dictionary name: same folding, no skipped ranges, outer spaces trimmed.
    pub fn name(name: &str, lowercase: bool) -> String {
        Normalized::new(name, lowercase, &[])
            .text
            .trim()
            .to_string()
    }

    /// The original byte range that a non-empty normalised range came from.
    pub fn original_span(&self, range: Span) -> Span {
        debug_assert!(range.start < range.end && range.end <= self.text.len());
        self.starts[range.start] as usize..self.ends[range.end - 1] as usize
    }
}

/// Lower-cases the letters whose lower case has the same UTF-8 length, so that every byte offset
/// stays valid (the rare letters that grow, such as `İ`, keep their case; names go through the same
/// folding, so they still match).
pub fn fold_case(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let mut l = c.to_lowercase();
        match (l.next(), l.next()) {
            (Some(x), None) if x.len_utf8() == c.len_utf8() => out.push(x),
            _ => out.push(c),
        }
    }
    out
}

/// Whether a normalised text has a word boundary at byte `i` (start or end of a word).
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, lowercase: bool, expected: &str) {
        let n = Normalized::new(input, lowercase, &[]);
        assert_eq!(n.text, expected, "normalising {input:?}");
    }

    #[test]
    fn folding_table() {
        for (input, lc, expected) in [
            ("blood-brain barrier", true, "blood brain barrier"),
            ("blood–brain  barrier", true, "blood brain barrier"),
            ("Blood\u{00A0}Brain Barrier", true, "blood brain barrier"),
            ("TNF-α", false, "TNF alpha"),
            ("IL‐1β", true, "il 1beta"),
            ("ﬁbrin", true, "fibrin"),
            ("OXT", false, "OXT"),
            ("Oxytocin’s", true, "oxytocin's"),
        ] {
            check(input, lc, expected);
        }
    }

    #[test]
    fn spans_map_back_to_original_bytes() {
        let text = "The TNF-α level – and IL‐6.";
        let n = Normalized::new(text, true, &[]);
        let at = n.text.find("tnf alpha").unwrap();
        let span = n.original_span(at..at + "tnf alpha".len());
        assert_eq!(&text[span], "TNF-α");
        let at = n.text.find("il 6").unwrap();
        assert_eq!(&text[n.original_span(at..at + 4)], "IL‐6");
    }

    #[test]
    fn skipped_ranges_are_bridged() {
        let text = "the hypothalamic-pituitary-adrenal (HPA) axis";
        let open = text.find(" (").unwrap();
        let close = text.find(')').unwrap() + 1;
        let skip: Vec<Span> = std::iter::once(open..close).collect();
        let n = Normalized::new(text, true, &skip);
        assert_eq!(n.text, "the hypothalamic pituitary adrenal axis");
        let at = n.text.find("hypothalamic").unwrap();
        let span = n.original_span(at..n.text.len());
        assert_eq!(&text[span], "hypothalamic-pituitary-adrenal (HPA) axis");
    }
}
