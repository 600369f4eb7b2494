//! Fitting text into a width: word wrapping onto a few lines, "…" when it still does not
//! fit, and choosing the largest font size at which labels fit without being cut.

use super::font::Face;

/// Breaks `text` into at most `max_lines` lines no wider than `max_width`; the last line
/// ends with "…" when the text does not fit. Words wider than a line are split.
pub(super) fn wrap(
    text: &str,
    max_width: f64,
    max_lines: usize,
    width: impl Fn(&str) -> f64,
) -> Vec<String> {
    let max_lines = max_lines.max(1);
    let mut words: Vec<String> = text.split_whitespace().rev().map(str::to_string).collect();
    let mut lines = Vec::new();
    while !words.is_empty() {
        if lines.len() + 1 == max_lines {
            let rest: Vec<&str> = words.iter().rev().map(String::as_str).collect();
            lines.push(ellipsize(&rest.join(" "), max_width, &width));
            break;
        }
        let mut line = String::new();
        while let Some(word) = words.last() {
            let candidate = if line.is_empty() {
                word.clone()
            } else {
                format!("{line} {word}")
            };
            if width(&candidate) <= max_width {
                line = candidate;
                words.pop();
                continue;
            }
            if line.is_empty() {
                let (head, tail) = split_to_fit(word, max_width, &width);
                line = head;
                words.pop();
                if !tail.is_empty() {
                    words.push(tail);
                }
            }
            break;
        }
        lines.push(line);
    }
    lines
}

/// Longest prefix (at least one character) that fits, and the rest.
fn split_to_fit(word: &str, max_width: f64, width: &impl Fn(&str) -> f64) -> (String, String) {
    let mut head = String::new();
    for (i, c) in word.char_indices() {
        let mut longer = head.clone();
        longer.push(c);
        if !head.is_empty() && width(&longer) > max_width {
            return (head, word[i..].to_string());
        }
        head = longer;
    }
    (head, String::new())
}

/// `text` if it fits, else its longest fitting prefix followed by "…".
pub(super) fn ellipsize(text: &str, max_width: f64, width: &impl Fn(&str) -> f64) -> String {
    if width(text) <= max_width {
        return text.to_string();
    }
    let mut chars: Vec<char> = text.chars().collect();
    while !chars.is_empty() {
        chars.pop();
        let kept: String = chars.iter().collect();
        let kept = kept.trim_end_matches(|c: char| c.is_whitespace() || ",;:-–(".contains(c));
        let candidate = format!("{kept}…");
        if width(&candidate) <= max_width {
            return candidate;
        }
    }
    "…".to_string()
}

/// Lines of `text` when it fits in `max_lines` lines of `max_width` without splitting a word
/// or cutting it short; `None` otherwise.
pub(super) fn fit_lines(
    text: &str,
    max_width: f64,
    max_lines: usize,
    width: impl Fn(&str) -> f64,
) -> Option<Vec<String>> {
    let lines = wrap(text, max_width, max_lines, width);
    let words: Vec<&str> = text.split_whitespace().collect();
    (lines.join(" ") == words.join(" ")).then_some(lines)
}

/// Font sizes tried, largest first, before text is cut or left out.
pub(super) const SIZES: [f64; 4] = [13.0, 12.0, 11.0, 10.0];

/// The largest of [`SIZES`] at which every text fits whole (None: not even the smallest);
/// returns the face and each text's lines.
pub(super) fn fit_all(
    texts: &[&str],
    max_width: f64,
    max_lines: usize,
) -> Option<(Face, Vec<Vec<String>>)> {
    SIZES.iter().find_map(|&px| {
        let face = Face::regular(px);
        let lines: Option<Vec<Vec<String>>> = texts
            .iter()
            .map(|t| fit_lines(t, max_width, max_lines, |s| face.width(s)))
            .collect();
        lines.map(|lines| (face, lines))
    })
}

#[cfg(test)]
mod tests {
    use super::{ellipsize, fit_lines, wrap};

    /// Every character 10 px wide: easy to reason about.
    fn mono(text: &str) -> f64 {
        text.chars().count() as f64 * 10.0
    }

    #[test]
    fn text_wraps_at_spaces_and_splits_only_words_wider_than_a_line() {
        let cases: [(&str, f64, &[&str]); 3] = [
            ("Sáng chế", 200.0, &["Sáng chế"]),
            (
                "Tỷ trọng giá trị sản phẩm công nghệ cao",
                130.0,
                &["Tỷ trọng giá", "trị sản phẩm", "công nghệ cao"],
            ),
            ("abcdefghijkl", 50.0, &["abcde", "fghij", "kl"]),
        ];
        for (text, width, lines) in cases {
            assert_eq!(wrap(text, width, 3, mono), lines, "{text}");
        }
    }

    #[test]
    fn text_beyond_the_last_line_ends_with_an_ellipsis() {
        let lines = wrap("một hai ba bốn năm sáu bảy tám chín mười", 100.0, 2, mono);
        assert_eq!(lines.len(), 2);
        assert!(lines[1].ends_with('…'), "{lines:?}");
        assert!(lines.iter().all(|l| mono(l) <= 100.0), "{lines:?}");
    }

    #[test]
    fn empty_text_gives_no_lines_and_tiny_space_gives_an_ellipsis() {
        assert!(wrap("   ", 100.0, 2, mono).is_empty());
        assert_eq!(ellipsize("abc", 5.0, &mono), "…");
    }

    #[test]
    fn fitting_refuses_split_words_and_ellipses() {
        assert_eq!(
            fit_lines("Chưa có số liệu", 80.0, 2, mono),
            Some(vec!["Chưa có".to_string(), "số liệu".to_string()])
        );
        assert_eq!(fit_lines("2011", 30.0, 2, mono), None);
        assert_eq!(fit_lines("một hai ba bốn", 70.0, 1, mono), None);
    }
}
