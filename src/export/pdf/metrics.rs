//! Text measured with the embedded Noto Sans, so that lines are broken where they will
//! really end on the page: no text runs past the margin or gets cut.

use std::sync::OnceLock;

use ttf_parser::Face;

use crate::charts::{FONT_BOLD, FONT_REGULAR};

use super::super::ExportError;

pub(super) struct Fonts {
    regular: Face<'static>,
    bold: Face<'static>,
}

/// Both faces, parsed once per process.
pub(super) fn fonts() -> Result<&'static Fonts, ExportError> {
    static FONTS: OnceLock<Option<Fonts>> = OnceLock::new();
    FONTS
        .get_or_init(|| {
            Some(Fonts {
                regular: Face::parse(FONT_REGULAR, 0).ok()?,
                bold: Face::parse(FONT_BOLD, 0).ok()?,
            })
        })
        .as_ref()
        .ok_or(ExportError::Font)
}

impl Fonts {
    /// Advance width of `text` in points. Kerning is left out: Noto Sans kerns mostly
    /// inwards, so the real line is at most this wide.
    pub(super) fn width(&self, bold: bool, size: f32, text: &str) -> f32 {
        let face = if bold { &self.bold } else { &self.regular };
        let units = f32::from(face.units_per_em());
        let advance: f32 = text
            .chars()
            .map(|c| {
                face.glyph_index(c)
                    .and_then(|g| face.glyph_hor_advance(g))
                    .map_or(units * 0.6, f32::from)
            })
            .sum();
        advance * size / units
    }

    /// Greedy line breaking at spaces; a word wider than the line is split by letters.
    /// Every line is at most `max_width` wide, and no text is dropped.
    pub(super) fn wrap(&self, bold: bool, size: f32, text: &str, max_width: f32) -> Vec<String> {
        let fits = |t: &str| self.width(bold, size, t) <= max_width;
        let mut lines = Vec::new();
        let mut line = String::new();
        for word in text.split_whitespace() {
            let candidate = if line.is_empty() {
                word.to_string()
            } else {
                format!("{line} {word}")
            };
            if fits(&candidate) {
                line = candidate;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            if fits(word) {
                line = word.to_string();
                continue;
            }
            for c in word.chars() {
                let mut longer = line.clone();
                longer.push(c);
                if !line.is_empty() && !fits(&longer) {
                    lines.push(std::mem::take(&mut line));
                    line.push(c);
                } else {
                    line = longer;
                }
            }
        }
        if !line.is_empty() {
            lines.push(line);
        }
        lines
    }
}

#[cfg(test)]
mod tests {
    use super::fonts;

    #[test]
    fn wrapped_vietnamese_lines_fit_and_keep_every_word() -> Result<(), Box<dyn std::error::Error>>
    {
        let f = fonts()?;
        let text = "Quỹ Phát triển KH&CN đã hỗ trợ cho vay lãi suất ưu đãi 8 dự án là 15 tỷ đồng, \
                    thu hút đầu tư của doanh nghiệp trên 140 tỷ đồng, góp phần tạo ra sản phẩm có \
                    giá trị gia tăng cao, tăng hiệu quả sản xuất, kinh doanh của doanh nghiệp.";
        let lines = f.wrap(false, 9.0, text, 200.0);
        assert!(lines.len() > 3, "{lines:?}");
        for line in &lines {
            assert!(f.width(false, 9.0, line) <= 200.0, "{line}");
        }
        let joined = lines.join(" ");
        assert_eq!(
            joined,
            text.split_whitespace().collect::<Vec<_>>().join(" ")
        );
        Ok(())
    }

    #[test]
    fn a_word_longer_than_the_line_is_split_not_lost() -> Result<(), Box<dyn std::error::Error>> {
        let f = fonts()?;
        let lines = f.wrap(true, 12.0, "Nghiêngnghiêngnghiêngnghiêng", 60.0);
        assert!(lines.len() > 1);
        assert_eq!(lines.concat(), "Nghiêngnghiêngnghiêngnghiêng");
        Ok(())
    }
}
