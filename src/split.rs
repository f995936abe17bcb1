//! Sentence splitting. A sentence ends at `.`, `!` or `?` followed by white space and a capital
//! letter, digit, bracket or quote, unless the word before the stop is a known abbreviation (`e.g.`,
//! `i.e.`, `et al.`, `Fig.`, `vs.`...) or an initial (`J. Smith`). Decimals never split because no
//! space follows their point. `;` does not end a sentence. Spans are byte ranges into the text.

use crate::model::Span;

/// Words that end with a period without ending a sentence (compared in lower case, without the dot).
const ABBREVIATIONS: &[&str] = &[
    "e.g", "i.e", "al", "fig", "figs", "vs", "cf", "ca", "approx", "etc", "resp", "ref", "refs",
    "no", "nos", "vol", "dr", "mr", "mrs", "ms", "prof", "st", "sp", "spp", "var", "eq", "eqs",
    "suppl", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "inc", "ltd", "co", "corp", "dept", "univ", "min", "max", "mol", "wt", "conc", "temp", "viz",
    "incl",
];

const CLOSERS: [char; 6] = ['"', '\'', ')', ']', '\u{201D}', '\u{2019}'];

/// The sentences of `text`, trimmed of surrounding white space, as byte spans.
pub fn sentences(text: &str) -> Vec<Span> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if matches!(b, b'.' | b'!' | b'?') && is_boundary(text, i) {
            // Closing quotes and brackets after the stop stay with the sentence.
            let rest = &text[i + 1..];
            let end = i + 1 + rest.len() - rest.trim_start_matches(CLOSERS).len();
            push_trimmed(text, start..end, &mut out);
            start = end;
            i = end;
            continue;
        }
        i += 1;
    }
    push_trimmed(text, start..text.len(), &mut out);
    out
}

fn push_trimmed(text: &str, span: Span, out: &mut Vec<Span>) {
    let s = &text[span.clone()];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead + trail < s.len() {
        out.push(span.start + lead..span.end - trail);
    }
}

/// Whether the stop at byte `i` ends a sentence.
fn is_boundary(text: &str, i: usize) -> bool {
    let rest = &text[i + 1..];
    // Closing quotes or brackets right after the stop belong to the sentence: look past them.
    let rest = rest.trim_start_matches(CLOSERS);
    let after = rest.trim_start();
    if after.len() == rest.len() || after.is_empty() {
        // No white space after the stop (a decimal, a URL, "e.g.," ...) or the end of the text.
        return false;
    }
    let next = after.chars().next().unwrap();
    if !(next.is_uppercase() || next.is_ascii_digit() || "([\"'\u{201C}".contains(next)) {
        return false;
    }
    if text.as_bytes()[i] != b'.' {
        return true;
    }
    // The word before the period.
    let before = &text[..i];
    // Past the whole separator: white space may be several bytes long (U+2005 in DrugProt).
    let word_start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace() || c == '(' || c == '[')
        .map_or(0, |(p, c)| p + c.len_utf8());
    let word = &before[word_start..];
    let lower = word.to_lowercase();
    if ABBREVIATIONS.contains(&lower.as_str()) {
        return false;
    }
    // An initial: one capital letter ("J. Smith"), or dotted initials ("U.S.").
    let mut chars = word.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        if c.is_uppercase() {
            return false;
        }
    }
    if word.contains('.') && word.split('.').all(|p| p.chars().count() <= 1) {
        return false;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expected: &[&str]) {
        let got: Vec<&str> = sentences(text).into_iter().map(|s| &text[s]).collect();
        assert_eq!(got, expected, "splitting {text:?}");
    }

    #[test]
    fn splitter_table() {
        let cases: &[(&str, &str, &[&str])] = &[
            ("two", "One. Two.", &["One.", "Two."]),
            (
                "a stop after a word after a four-per-em space (U+2005)",
                "Several\u{2005}derivatives. Then it falls.",
                &["Several\u{2005}derivatives.", "Then it falls."],
            ),
            (
                "an abbreviation after a no-break space",
                "As Smith\u{a0}et\u{a0}al. Showed it.",
                &["As Smith\u{a0}et\u{a0}al. Showed it."],
            ),
            (
                "eg",
                "Cytokines, e.g. IL-6, rise. Then it falls.",
                &["Cytokines, e.g. IL-6, rise.", "Then it falls."],
            ),
            (
                "ie",
                "The axis, i.e. HPA, works. Yes.",
                &["The axis, i.e. HPA, works.", "Yes."],
            ),
            (
                "et al",
                "As Smith et al. Showed it. End.",
                &["As Smith et al. Showed it.", "End."],
            ),
            (
                "fig",
                "See Fig. 2 for it. Next.",
                &["See Fig. 2 for it.", "Next."],
            ),
            (
                "fig label",
                "Fig. 1. Stress activates neurons.",
                &["Fig. 1.", "Stress activates neurons."],
            ),
            (
                "vs",
                "Drug vs. Placebo differed. Ok.",
                &["Drug vs. Placebo differed.", "Ok."],
            ),
            (
                "decimal",
                "It rose 2.5 fold. Then 3.1.",
                &["It rose 2.5 fold.", "Then 3.1."],
            ),
            (
                "initials",
                "Work by J. Smith and A. B. Jones. Next one.",
                &["Work by J. Smith and A. B. Jones.", "Next one."],
            ),
            (
                "lowercase next",
                "It rose. and then fell.",
                &["It rose. and then fell."],
            ),
            ("question", "Does it? Yes!", &["Does it?", "Yes!"]),
            (
                "quote",
                "He said \"stop.\" Then left.",
                &["He said \"stop.\"", "Then left."],
            ),
            ("empty", "   ", &[]),
        ];
        for (name, text, expected) in cases {
            let got: Vec<&str> = sentences(text).into_iter().map(|s| &text[s]).collect();
            assert_eq!(&got, expected, "case {name}");
        }
        check("No stop at the end", &["No stop at the end"]);
    }
}
