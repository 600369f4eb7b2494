//! Post-processing of the SVG string plotters wrote: accessible root element with
//! `<title>`/`<desc>`, corrected font sizes, a font fallback, and transparent tooltip rects.

use super::font::{FAMILY, FONT_SIZE_FIX};
use super::{ChartError, ChartSize};

/// A native tooltip: a transparent rectangle (in SVG pixels) with a `<title>`.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Tip {
    pub(super) x: i32,
    pub(super) y: i32,
    pub(super) width: i32,
    pub(super) height: i32,
    pub(super) text: String,
}

impl Tip {
    /// The rectangle from `left` to `right` and from `top` to `bottom`, in pixels.
    pub(super) fn new((left, right): (i32, i32), (top, bottom): (i32, i32), text: String) -> Self {
        Self {
            x: left,
            y: top,
            width: right - left,
            height: bottom - top,
            text,
        }
    }
}

/// What goes on the root element and its first children. Texts are NFC, not yet escaped;
/// `id` is already sanitised.
pub(super) struct Meta<'a> {
    pub(super) id: &'a str,
    pub(super) title: &'a str,
    pub(super) desc: &'a str,
    /// Size of the layout: the `viewBox`.
    pub(super) size: ChartSize,
    /// Size the SVG asks to be shown at (`width`/`height`); equal to `size` for page charts.
    pub(super) output: ChartSize,
}

/// Escapes text for use in XML content and attribute values.
pub(super) fn escape_xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

/// Replaces plotters' root `<svg>` tag and adds the accessibility and tooltip elements.
pub(super) fn finish(raw: &str, meta: &Meta, tips: &[Tip]) -> Result<String, ChartError> {
    let unexpected = || ChartError::Draw("unexpected SVG from plotters".to_string());
    let open = raw.find("<svg").ok_or_else(unexpected)?;
    let body_start = raw[open..]
        .find('>')
        .map(|i| open + i + 1)
        .ok_or_else(unexpected)?;
    let body_end = raw
        .rfind("</svg>")
        .filter(|&end| end >= body_start)
        .ok_or_else(unexpected)?;
    let body = fix_text_attributes(&raw[body_start..body_end]);

    let id = meta.id;
    let ChartSize { width, height } = meta.size;
    let ChartSize {
        width: out_w,
        height: out_h,
    } = meta.output;
    let mut out = String::with_capacity(body.len() + 512 + tips.len() * 160);
    out.push_str(&format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{out_w}\" height=\"{out_h}\" \
         viewBox=\"0 0 {width} {height}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" \
         font-family=\"{FAMILY}, sans-serif\">\n"
    ));
    out.push_str(&format!(
        "<title id=\"{id}-title\">{}</title>\n",
        escape_xml(meta.title)
    ));
    out.push_str(&format!(
        "<desc id=\"{id}-desc\">{}</desc>\n",
        escape_xml(meta.desc)
    ));
    out.push_str(&body);
    if !tips.is_empty() {
        out.push_str(&format!("<g id=\"{id}-tips\">\n"));
        for (i, tip) in tips.iter().enumerate() {
            out.push_str(&format!(
                "<rect id=\"{id}-tip-{i}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"#000\" \
                 fill-opacity=\"0\"><title>{}</title></rect>\n",
                tip.x,
                tip.y,
                tip.width.max(0),
                tip.height.max(0),
                escape_xml(&tip.text)
            ));
        }
        out.push_str("</g>\n");
    }
    out.push_str("</svg>\n");
    Ok(out)
}

/// Scales every `font-size` by [`FONT_SIZE_FIX`] and adds a generic fallback family.
fn fix_text_attributes(body: &str) -> String {
    const SIZE: &str = " font-size=\"";
    let family_plotters = format!(" font-family=\"{FAMILY}\"");
    let family_fixed = format!(" font-family=\"{FAMILY}, sans-serif\"");
    let body = body.replace(&family_plotters, &family_fixed);

    let mut out = String::with_capacity(body.len());
    let mut rest = body.as_str();
    while let Some(at) = rest.find(SIZE) {
        let value_start = at + SIZE.len();
        let Some(len) = rest[value_start..].find('"') else {
            break;
        };
        out.push_str(&rest[..value_start]);
        let value = &rest[value_start..value_start + len];
        match value.parse::<f64>() {
            Ok(size) => out.push_str(&trim_number(size * FONT_SIZE_FIX)),
            Err(_) => out.push_str(value),
        }
        rest = &rest[value_start + len..];
    }
    out.push_str(rest);
    out
}

/// Two decimals at most, no trailing zeros: `11.7400` → `"11.74"`.
fn trim_number(value: f64) -> String {
    let text = format!("{value:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

#[cfg(test)]
mod tests {
    use super::{escape_xml, fix_text_attributes};

    #[test]
    fn markup_characters_are_escaped() {
        assert_eq!(
            escape_xml("KH&CN <a> \"b\" 'c'"),
            "KH&amp;CN &lt;a&gt; &quot;b&quot; &apos;c&apos;"
        );
    }

    #[test]
    fn font_sizes_are_scaled_to_the_width_plotters_measured() {
        let fixed =
            fix_text_attributes(r#"<text font-family="Noto Sans" font-size="20" x="1">A</text>"#);
        assert_eq!(
            fixed,
            r#"<text font-family="Noto Sans, sans-serif" font-size="18.21" x="1">A</text>"#
        );
    }
}
