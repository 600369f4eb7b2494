//! Writes the laid-out pages with krilla: text with the embedded Noto Sans (subset,
//! selectable), charts as vectors through krilla-svg, footers with page numbers, the
//! document's title and language, and bookmarks.

use std::sync::{Arc, OnceLock};

use krilla::color::rgb;
use krilla::destination::XyzDestination;
use krilla::geom::{PathBuilder, Point, Rect, Size, Transform};
use krilla::metadata::Metadata;
use krilla::num::NormalizedF32;
use krilla::outline::{Outline, OutlineNode};
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::surface::Surface;
use krilla::text::{Font, TextDirection};
use krilla::{Data, Document};
use krilla_svg::{SurfaceExt, SvgSettings};
use usvg_pdf as usvg;

use super::super::ExportError;
use super::flow::{Flow, MARGIN_X, MUTED, Op, PAGE_H, PAGE_W, RULE, Rgb};
use crate::charts::{FONT_BOLD, FONT_REGULAR};
use crate::i18n::Locale;
use crate::present::MeetingPack;

const FOOTER_SIZE: f32 = 8.0;

struct Fonts {
    regular: Font,
    bold: Font,
}

/// The fonts usvg 0.47 (krilla-svg's) may use: the embedded Noto Sans only.
fn svg_fonts() -> Arc<usvg::fontdb::Database> {
    static DB: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();
    DB.get_or_init(|| {
        let mut db = usvg::fontdb::Database::new();
        db.load_font_data(FONT_REGULAR.to_vec());
        db.load_font_data(FONT_BOLD.to_vec());
        db.set_sans_serif_family("Noto Sans");
        Arc::new(db)
    })
    .clone()
}

fn parse_svg(svg: &str) -> Result<usvg::Tree, ExportError> {
    let options = usvg::Options {
        font_family: "Noto Sans".to_string(),
        fontdb: svg_fonts(),
        ..usvg::Options::default()
    };
    usvg::Tree::from_str(svg, &options).map_err(|e| ExportError::Pdf(e.to_string()))
}

fn paint(color: Rgb) -> krilla::paint::Paint {
    rgb::Color::new(color.0, color.1, color.2).into()
}

pub(super) fn write(
    flow: &Flow,
    svgs: &[String],
    pack: &MeetingPack,
    locale: Locale,
) -> Result<Vec<u8>, ExportError> {
    let fonts = Fonts {
        regular: Font::new(Data::from(FONT_REGULAR), 0).ok_or(ExportError::Font)?,
        bold: Font::new(Data::from(FONT_BOLD), 0).ok_or(ExportError::Font)?,
    };
    let trees = svgs
        .iter()
        .map(|s| parse_svg(s))
        .collect::<Result<Vec<_>, _>>()?;
    let settings = PageSettings::from_wh(PAGE_W, PAGE_H)
        .ok_or_else(|| ExportError::Pdf("bad page size".to_string()))?;
    let mut document = Document::new();
    document.set_metadata(
        Metadata::new()
            .title(format!("{} — {}", pack.title, pack.term_name))
            .authors(vec![pack.org.clone()])
            .language(locale.code().to_string())
            .creator("resolution-dashboard".to_string()),
    );
    let pages = flow.pages.len();
    for (n, ops) in flow.pages.iter().enumerate() {
        let mut page = document.start_page_with(settings.clone());
        let mut surface = page.surface();
        for op in ops {
            draw(&mut surface, &fonts, &trees, op);
        }
        let number = locale.tf(
            "pdf.page",
            &[
                ("page", &(n + 1).to_string()),
                ("pages", &pages.to_string()),
            ],
        );
        footer(&mut surface, &fonts, pack, &number);
        surface.finish();
        page.finish();
    }
    let mut outline = Outline::new();
    for (text, page, y) in &flow.marks {
        let target = XyzDestination::new(*page, Point::from_xy(0.0, *y));
        outline.push_child(OutlineNode::new(text.clone(), target));
    }
    document.set_outline(outline);
    document
        .finish()
        .map_err(|e| ExportError::Pdf(format!("{e:?}")))
}

fn draw(surface: &mut Surface, fonts: &Fonts, trees: &[usvg::Tree], op: &Op) {
    match op {
        Op::Text {
            x,
            y,
            size,
            bold,
            color,
            text,
        } => {
            surface.set_stroke(None);
            surface.set_fill(Some(Fill {
                paint: paint(*color),
                opacity: NormalizedF32::ONE,
                rule: Default::default(),
            }));
            let font = if *bold { &fonts.bold } else { &fonts.regular };
            surface.draw_text(
                Point::from_xy(*x, *y),
                font.clone(),
                *size,
                text,
                false,
                TextDirection::Auto,
            );
        }
        Op::Line {
            x0,
            y0,
            x1,
            y1,
            width,
            color,
        } => {
            let mut pb = PathBuilder::new();
            pb.move_to(*x0, *y0);
            pb.line_to(*x1, *y1);
            if let Some(path) = pb.finish() {
                surface.set_fill(None);
                surface.set_stroke(Some(Stroke {
                    paint: paint(*color),
                    width: *width,
                    ..Stroke::default()
                }));
                surface.draw_path(&path);
            }
        }
        Op::Fill { x, y, w, h, color } => {
            let mut pb = PathBuilder::new();
            if let Some(rect) = Rect::from_xywh(*x, *y, *w, *h) {
                pb.push_rect(rect);
            }
            if let Some(path) = pb.finish() {
                surface.set_stroke(None);
                surface.set_fill(Some(Fill {
                    paint: paint(*color),
                    opacity: NormalizedF32::ONE,
                    rule: Default::default(),
                }));
                surface.draw_path(&path);
            }
        }
        Op::Svg { index, x, y, w, h } => {
            if let (Some(tree), Some(size)) = (trees.get(*index), Size::from_wh(*w, *h)) {
                surface.push_transform(&Transform::from_translate(*x, *y));
                surface.draw_svg(tree, size, SvgSettings::default());
                surface.pop();
            }
        }
    }
}

/// A rule, the unit and term on the left, "Trang n/N" on the right.
fn footer(surface: &mut Surface, fonts: &Fonts, pack: &MeetingPack, number: &str) {
    let y = PAGE_H - 40.0;
    draw(
        surface,
        fonts,
        &[],
        &Op::Line {
            x0: MARGIN_X,
            y0: y - 12.0,
            x1: PAGE_W - MARGIN_X,
            y1: y - 12.0,
            width: 0.5,
            color: RULE,
        },
    );
    let number_w = super::metrics::fonts()
        .map(|f| f.width(false, FOOTER_SIZE, number))
        .unwrap_or(60.0);
    let left = format!("{} · {}", pack.org, pack.term_name);
    for (x, text) in [
        (MARGIN_X, left),
        (PAGE_W - MARGIN_X - number_w, number.to_string()),
    ] {
        draw(
            surface,
            fonts,
            &[],
            &Op::Text {
                x,
                y,
                size: FOOTER_SIZE,
                bold: false,
                color: MUTED,
                text,
            },
        );
    }
}
