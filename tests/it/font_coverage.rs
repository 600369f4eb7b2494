//! The embedded Noto Sans draws every character the app can print: no tofu boxes in a
//! PNG or a PDF. Checked against the font's own character map, for both faces.

use resolution_dashboard::charts::{FONT_BOLD, FONT_REGULAR};
use resolution_dashboard::i18n::Locale;
use resolution_dashboard::ingest::seed::BUILTIN_SEED;
use ttf_parser::Face;
use unicode_normalization::UnicodeNormalization;

/// Every Vietnamese letter: the 12 vowels with each of the 6 tones, đ, in both cases.
fn vietnamese_alphabet() -> Vec<String> {
    let vowels = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"];
    // None, grave, acute, hook above, tilde, dot below.
    let tones = ["", "\u{300}", "\u{301}", "\u{309}", "\u{303}", "\u{323}"];
    let mut letters = Vec::new();
    for vowel in vowels {
        for tone in tones {
            let lower: String = format!("{vowel}{tone}").nfc().collect();
            letters.push(lower.to_uppercase());
            letters.push(lower);
        }
    }
    letters.extend(["đ".to_string(), "Đ".to_string()]);
    letters
}

/// Characters drawn by the charts and the PDF themselves, besides the locale files.
const DRAWN: &str = "…–—“”•·×%/0123456789,.:;()";

fn missing(face: &Face, text: &str) -> Vec<char> {
    let mut out: Vec<char> = text
        .nfc()
        .filter(|c| !c.is_control())
        .filter(|c| face.glyph_index(*c).is_none())
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

#[test]
fn the_whole_vietnamese_alphabet_with_tones_has_glyphs_in_both_faces()
-> Result<(), ttf_parser::FaceParsingError> {
    let letters = vietnamese_alphabet();
    assert_eq!(letters.len(), 12 * 6 * 2 + 2);
    // Each precomposed letter is one code point after NFC: one glyph, no stacking by hand.
    assert!(
        letters.iter().all(|l| l.chars().count() == 1),
        "{letters:?}"
    );
    for bytes in [FONT_REGULAR, FONT_BOLD] {
        let face = Face::parse(bytes, 0)?;
        let all = letters.concat();
        assert_eq!(missing(&face, &all), Vec::<char>::new());
        for stacked in ["ặ", "ễ", "Ỹ", "ậ", "ỗ", "Ự"] {
            assert!(missing(&face, stacked).is_empty(), "{stacked}");
        }
    }
    Ok(())
}

#[test]
fn every_label_of_the_locale_files_and_the_seed_has_glyphs_in_both_faces()
-> Result<(), ttf_parser::FaceParsingError> {
    let mut text = String::from(DRAWN);
    for locale in [Locale::Vi, Locale::En] {
        for key in locale.keys() {
            text.push_str(locale.t(key));
        }
    }
    text.push_str(BUILTIN_SEED);
    for bytes in [FONT_REGULAR, FONT_BOLD] {
        let face = Face::parse(bytes, 0)?;
        assert_eq!(missing(&face, &text), Vec::<char>::new());
    }
    Ok(())
}
