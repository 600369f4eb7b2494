//! PNG from a chart's SVG: resvg draws the same SVG a browser gets (shaped text, correct
//! spacing, anti-aliasing) with the embedded Noto Sans, so a PNG looks like the page.
//! plotters' own bitmap text is not used: its letter spacing is uneven.

use std::sync::{Arc, OnceLock};

use resvg::tiny_skia::{Color, Pixmap, Transform};
use resvg::usvg::{self, fontdb};

use super::font::FAMILY;
use super::{ChartError, FONT_BOLD, FONT_REGULAR};

/// The fonts resvg may use: the embedded Noto Sans only, never the system's, so a PNG
/// is the same on every machine.
pub fn font_database() -> Arc<fontdb::Database> {
    static DB: OnceLock<Arc<fontdb::Database>> = OnceLock::new();
    DB.get_or_init(|| {
        let mut db = fontdb::Database::new();
        db.load_font_data(FONT_REGULAR.to_vec());
        db.load_font_data(FONT_BOLD.to_vec());
        db.set_sans_serif_family(FAMILY);
        Arc::new(db)
    })
    .clone()
}

/// Parses a chart SVG with the embedded fonts (usvg of resvg's version).
fn parse(svg: &str) -> Result<usvg::Tree, ChartError> {
    let options = usvg::Options {
        font_family: FAMILY.to_string(),
        fontdb: font_database(),
        ..usvg::Options::default()
    };
    usvg::Tree::from_str(svg, &options).map_err(|e| ChartError::Draw(e.to_string()))
}

/// Renders `svg` at its `width`×`height` times `scale` on white and encodes it as an RGB PNG.
pub fn svg_to_png(svg: &str, scale: u32) -> Result<Vec<u8>, ChartError> {
    let tree = parse(svg)?;
    let size = tree.size().to_int_size();
    let scale = scale.max(1);
    let (width, height) = (
        size.width().saturating_mul(scale),
        size.height().saturating_mul(scale),
    );
    let mut pixmap = Pixmap::new(width, height)
        .ok_or_else(|| ChartError::Draw(format!("cannot allocate {width}×{height} pixels")))?;
    pixmap.fill(Color::WHITE);
    let s = scale as f32;
    resvg::render(&tree, Transform::from_scale(s, s), &mut pixmap.as_mut());
    encode_rgb(&pixmap)
}

/// The pixmap is opaque (filled white first), so premultiplied RGBA is plain RGBA and
/// the alpha channel can go: a quarter less to compress.
fn encode_rgb(pixmap: &Pixmap) -> Result<Vec<u8>, ChartError> {
    let rgb: Vec<u8> = pixmap
        .data()
        .chunks_exact(4)
        .flat_map(|p| [p[0], p[1], p[2]])
        .collect();
    let mut out = Vec::with_capacity(rgb.len() / 8);
    let mut encoder = png::Encoder::new(&mut out, pixmap.width(), pixmap.height());
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    // fdeflate's fast mode: ~3× faster than tiny-skia's encoder for a slightly larger file.
    encoder.set_compression(png::Compression::Fast);
    let png_err = |e: png::EncodingError| ChartError::Draw(e.to_string());
    let mut writer = encoder.write_header().map_err(png_err)?;
    writer.write_image_data(&rgb).map_err(png_err)?;
    writer.finish().map_err(png_err)?;
    Ok(out)
}
