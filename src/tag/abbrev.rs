//! Abbreviations defined in a text, found with the algorithm of Schwartz and Hearst (PSB 2003):
//! a short form in parentheses after its long form, `major depressive disorder (MDD)`, where the
//! short form's characters occur in order in the long form and its first character starts a word.
//! The tagger makes such short forms synonyms of the long form's concept for that document only.

use crate::model::Span;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Definition {
    pub short: String,
    /// The long form in the original text.
    pub long_span: Span,
    /// From the white space before `(` to after `)`: what matching steps over.
    pub paren_span: Span,
}

/// Every abbreviation definition in `text`.
pub fn definitions(text: &str) -> Vec<Definition> {
    let mut out = Vec::new();
    let mut search = 0;
    while let Some(rel) = text[search..].find('(') {
        let open = search + rel;
        search = open + 1;
        let Some(close_rel) = text[open + 1..].find([')', '(']) else {
            break;
        };
        let close = open + 1 + close_rel;
        if text.as_bytes()[close] != b')' {
            continue;
        }
        let inner = &text[open + 1..close];
        // "(HPA; ref 3)" or "(MDD, 2019)": the short form is what comes before `;` or `,`.
        let short = inner.split([';', ',']).next().unwrap_or("").trim();
        if !is_short_form(short) {
            continue;
        }
        let before = &text[..open];
        let trimmed = before.trim_end();
        if trimmed.len() == before.len() {
            // "IL(6)": no space before the parenthesis, not a definition.
            continue;
        }
        let nwords = short.chars().count().min(10);
        let max_words = (nwords + 5).min(nwords * 2);
        // The candidate long form: up to `max_words` words back, not past a sentence or clause stop.
        let stop = trimmed
            .rfind(['.', ';', ':', '(', ')', '[', ']'])
            .map_or(0, |p| p + 1);
        let mut start = trimmed.len();
        let mut words = 0;
        for (i, c) in trimmed[stop..].char_indices().rev() {
            if c.is_whitespace() {
                if i + stop + 1 < start {
                    words += 1;
                    if words == max_words {
                        break;
                    }
                }
                start = i + stop;
            } else {
                start = i + stop;
            }
        }
        let candidate = &trimmed[start..];
        if let Some(offset) = best_long_form(short, candidate) {
            let long_start = start + offset;
            let long = &text[long_start..trimmed.len()];
            if long.len() > short.len() && !long.contains(short) {
                out.push(Definition {
                    short: short.to_string(),
                    long_span: long_start..trimmed.len(),
                    paren_span: trimmed.len()..close + 1,
                });
            }
        }
    }
    out
}

fn is_short_form(s: &str) -> bool {
    let n = s.chars().count();
    (2..=10).contains(&n)
        && s.split_whitespace().count() <= 2
        && s.chars().next().is_some_and(char::is_alphanumeric)
        && s.chars().any(char::is_alphabetic)
        // "(p < 0.05)", "(n = 12)": comparisons are not abbreviations.
        && !s.contains(['=', '<', '>'])
}

/// Schwartz and Hearst's matching, from the end of both strings; returns the byte offset in `long`
/// where the long form starts.
fn best_long_form(short: &str, long: &str) -> Option<usize> {
    // A Greek letter in the short form stands for its name in the long form: TNF-α, "factor alpha".
    let s: Vec<char> = short
        .chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'α' => 'a',
            'β' => 'b',
            'γ' => 'g',
            'δ' => 'd',
            'κ' => 'k',
            _ => c,
        })
        .collect();
    let l: Vec<(usize, char)> = long
        .char_indices()
        .map(|(i, c)| (i, c.to_lowercase().next().unwrap_or(c)))
        .collect();
    let mut si = s.len() as isize - 1;
    let mut li = l.len() as isize - 1;
    while si >= 0 {
        let c = s[si as usize];
        if !c.is_alphanumeric() {
            si -= 1;
            continue;
        }
        while li >= 0
            && (l[li as usize].1 != c
                || (si == 0 && li > 0 && l[li as usize - 1].1.is_alphanumeric()))
        {
            li -= 1;
        }
        if li < 0 {
            return None;
        }
        li -= 1;
        si -= 1;
    }
    // The long form starts at the beginning of the word holding the first match.
    let first = (li + 1) as usize;
    let word_start = l[..first]
        .iter()
        .rposition(|&(_, c)| c.is_whitespace())
        .map_or(0, |p| p + 1);
    Some(l[word_start].0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expected: &[(&str, &str)]) {
        let got: Vec<(String, &str)> = definitions(text)
            .into_iter()
            .map(|d| (d.short, &text[d.long_span]))
            .collect();
        let want: Vec<(String, &str)> = expected.iter().map(|(s, l)| (s.to_string(), *l)).collect();
        assert_eq!(got, want, "in {text:?}");
    }

    #[test]
    fn schwartz_hearst_table() {
        check(
            "Major depressive disorder (MDD) is common.",
            &[("MDD", "Major depressive disorder")],
        );
        check(
            "by modulating the hypothalamic-pituitary-adrenal (HPA) axis and",
            &[("HPA", "hypothalamic-pituitary-adrenal")],
        );
        check(
            "tumour necrosis factor alpha (TNF-α) rose",
            &[("TNF-α", "tumour necrosis factor alpha")],
        );
        check(
            "the blood-brain barrier (BBB).",
            &[("BBB", "blood-brain barrier")],
        );
        check("levels rose (p < 0.05) and fell (n = 4)", &[]);
        check("as reported (2019) before", &[]);
        check("oxytocin (see below) acts", &[]);
        check("IL(6) and", &[]);
        check(
            "paraventricular nucleus (PVN; ref. 4)",
            &[("PVN", "paraventricular nucleus")],
        );
    }
}
