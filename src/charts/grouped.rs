//! Grouped vertical bars: one group per category (year 1 … year 5 of a term), one bar
//! per series (a term) in each group, a legend under the title. Used to compare an
//! indicator across terms aligned by year of term.
//!
//! Series colours differ in lightness as well as hue (dark blue, light orange, green,
//! pink), so they stay apart in greyscale print; the legend lists them in the order the
//! bars stand in each group, and every bar has its value above it or in its tooltip.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::font::{Face, ensure_registered};
use super::format::vn_number;
use super::frame::{Frame, FrameText};
use super::layout::{
    AXIS, Canvas, GRID, INK, MUTED, NO_DATA, PAD, draw_err, draw_lines, draw_no_data, draw_title,
    nfc, sanitize_id,
};
use super::range::{Extent, axis_range};
use super::svg_post::{Meta, Tip, finish};
use super::value_label::GAP;
use super::wrap::{fit_all, wrap};
use super::{ChartError, ChartSize, GroupedBarChart, check_size};

/// Okabe–Ito colours with distinct lightness: blue, orange, bluish green, reddish purple.
const SERIES: [RGBColor; 4] = [
    RGBColor(0x00, 0x72, 0xB2),
    RGBColor(0xE6, 0x9F, 0x00),
    RGBColor(0x00, 0x9E, 0x73),
    RGBColor(0xCC, 0x79, 0xA7),
];

fn colour(i: usize) -> RGBColor {
    SERIES[i % SERIES.len()]
}

pub(super) fn render(
    chart: &GroupedBarChart,
    frame: &Frame,
    size: ChartSize,
    output: ChartSize,
) -> Result<String, ChartError> {
    check_size(size)?;
    validate(chart)?;
    ensure_registered()?;
    let id = sanitize_id(&chart.id);
    let title = nfc(&chart.title);
    let desc = nfc(&chart.description);
    let mut raw = String::new();
    let mut tips = Vec::new();
    {
        let canvas =
            SVGBackend::with_string(&mut raw, (size.width, size.height)).into_drawing_area();
        canvas.fill(&WHITE).map_err(draw_err)?;
        let full = (f64::from(size.width), f64::from(size.height));
        let text = FrameText::new(frame, full.0);
        let dims = (full.0, (full.1 - text.footer_height()).round());
        let (body, _) = canvas.split_vertically(dims.1 as i32);
        let top = draw_title(&body, &title, dims.0)?;
        let top = text.draw_subtitle(&body, top, dims.0)?;
        let has_data = chart
            .series
            .iter()
            .any(|s| s.values.iter().any(Option::is_some));
        if has_data {
            let top = draw_legend(&body, chart, top, dims.0)?;
            tips = draw_groups(&body, chart, top, dims)?;
        } else {
            draw_no_data(&body, top, dims)?;
        }
        text.draw_footer(&canvas, full.1)?;
        canvas.present().map_err(draw_err)?;
    }
    finish(
        &raw,
        &Meta {
            id: &id,
            title: &title,
            desc: &desc,
            size,
            output,
        },
        &tips,
    )
}

fn validate(chart: &GroupedBarChart) -> Result<(), ChartError> {
    for s in &chart.series {
        if s.values.len() != chart.categories.len() {
            return Err(ChartError::LengthMismatch {
                categories: chart.categories.len(),
                values: s.values.len(),
            });
        }
        if s.values.iter().flatten().any(|(v, _)| !v.is_finite()) {
            return Err(ChartError::NotFinite {
                label: s.name.clone(),
            });
        }
    }
    Ok(())
}

/// Swatch and name of each series, left to right, wrapping onto a new row when full.
fn draw_legend(
    canvas: &Canvas,
    chart: &GroupedBarChart,
    top: f64,
    width: f64,
) -> Result<f64, ChartError> {
    let face = Face::regular(13.0);
    let step = face.line_height();
    let (mut x, mut y) = (PAD, top + 2.0);
    for (i, series) in chart.series.iter().enumerate() {
        let name = nfc(&series.name);
        let item = 14.0 + 6.0 + face.width(&name) + 18.0;
        if x > PAD && x + item > width - PAD {
            x = PAD;
            y += step + 4.0;
        }
        let swatch = Rectangle::new(
            [
                (x as i32, (y + 2.0) as i32),
                ((x + 14.0) as i32, (y + step - 3.0) as i32),
            ],
            colour(i).filled(),
        );
        canvas.draw(&swatch).map_err(draw_err)?;
        let style = face.style(INK, HPos::Left, VPos::Center);
        canvas
            .draw_text(
                &name,
                &style,
                ((x + 20.0) as i32, (y + step / 2.0).round() as i32),
            )
            .map_err(draw_err)?;
        x += item;
    }
    Ok(y + step + 6.0)
}

fn draw_groups(
    canvas: &Canvas,
    chart: &GroupedBarChart,
    top: f64,
    (width, height): (f64, f64),
) -> Result<Vec<Tip>, ChartError> {
    let tick_face = Face::regular(12.0);
    let n = chart.categories.len() as f64;
    let k = chart.series.len().max(1) as f64;
    let values = chart.series.iter().flat_map(|s| s.values.iter().flatten());
    let largest = values.clone().fold(0.0_f64, |m, (v, _)| m.max(v.abs()));
    let largest = (largest * 1.3).floor();
    // Room for the widest tick: small ranges get fractional ticks ("0,25").
    let mut widest = vn_number(largest);
    if largest < 5.0 {
        widest.push_str(",25");
    }
    let y_area = tick_face.width(&widest) + 8.0 + tick_face.line_height() + 10.0;
    let column_px = (width - 2.0 * PAD - y_area) / n;
    let bar_px = (column_px * 0.8 / k).min(90.0);
    let categories: Vec<String> = chart.categories.iter().map(|c| nfc(c)).collect();
    let refs: Vec<&str> = categories.iter().map(String::as_str).collect();
    let (category_face, category_lines) = fit_all(&refs, column_px - 6.0, 2).unwrap_or_else(|| {
        let face = Face::regular(10.0);
        let lines = refs
            .iter()
            .map(|c| wrap(c, column_px - 6.0, 2, |t| face.width(t)))
            .collect();
        (face, lines)
    });
    let labels: Vec<String> = values.map(|(_, l)| nfc(l)).collect();
    let label_refs: Vec<&str> = labels.iter().map(String::as_str).collect();
    let value_face = fit_all(&label_refs, bar_px + 8.0, 1).map(|(face, _)| face);
    let rows = category_lines
        .iter()
        .map(Vec::len)
        .max()
        .unwrap_or(1)
        .max(1);
    let x_area = 8.0 + rows as f64 * category_face.line_height() + 4.0;
    let plot_height = height - top - PAD / 2.0 - x_area;
    let label_px = value_face
        .as_ref()
        .map_or(0.0, |f| f.line_height() + GAP + 2.0);
    let extents: Vec<Extent> = chart
        .series
        .iter()
        .flat_map(|s| s.values.iter().flatten())
        .map(|(value, _)| Extent {
            value: *value,
            label_px,
        })
        .collect();
    let (y_min, y_max) = axis_range(&extents, None, None, plot_height);

    let mut plot = ChartBuilder::on(canvas)
        .margin_left(PAD)
        .margin_right(PAD)
        .margin_top(top)
        .margin_bottom(PAD / 2.0)
        .y_label_area_size(y_area)
        .x_label_area_size(x_area)
        .build_cartesian_2d(0.0..n, y_min..y_max)
        .map_err(draw_err)?;
    plot.configure_mesh()
        .disable_x_mesh()
        .disable_x_axis()
        .y_labels(((plot_height / 50.0) as usize).clamp(2, 8))
        .y_label_formatter(&|v| vn_number(*v))
        .y_label_style(tick_face.style(MUTED, HPos::Right, VPos::Center))
        .y_desc(nfc(&chart.axis_label))
        .axis_desc_style(tick_face.style(INK, HPos::Center, VPos::Top))
        .bold_line_style(GRID.stroke_width(1))
        .light_line_style(TRANSPARENT)
        .axis_style(AXIS.stroke_width(1))
        .draw()
        .map_err(draw_err)?;

    let slot = bar_px / column_px;
    let offset = |group: usize, s: usize| group as f64 + 0.5 - slot * k / 2.0 + slot * s as f64;
    for (s, series) in chart.series.iter().enumerate() {
        let bars = series.values.iter().enumerate().filter_map(|(g, v)| {
            let (value, _) = v.as_ref()?;
            let left = offset(g, s) + slot * 0.06;
            let right = offset(g, s) + slot * 0.94;
            Some(Rectangle::new(
                [(left, 0.0), (right, *value)],
                colour(s).filled(),
            ))
        });
        plot.draw_series(bars).map_err(draw_err)?;
    }
    plot.draw_series(LineSeries::new(
        [(0.0, 0.0), (n, 0.0)],
        AXIS.stroke_width(1),
    ))
    .map_err(draw_err)?;

    let (_, plot_top) = plot.backend_coord(&(0.0, y_max));
    let (_, plot_bottom) = plot.backend_coord(&(0.0, y_min));
    let categories_top = f64::from(plot_bottom) + 8.0;
    let mut tips = Vec::new();
    for (g, category) in categories.iter().enumerate() {
        let (center_x, _) = plot.backend_coord(&(g as f64 + 0.5, 0.0));
        let lines = category_lines.get(g).map_or(&[][..], Vec::as_slice);
        let label_y = categories_top + lines.len() as f64 * category_face.line_height() / 2.0;
        draw_lines(
            canvas,
            lines,
            &category_face,
            INK,
            HPos::Center,
            (f64::from(center_x), label_y),
        )?;
        for (s, series) in chart.series.iter().enumerate() {
            let middle = offset(g, s) + slot / 2.0;
            let (x, zero_y) = plot.backend_coord(&(middle, 0.0));
            let value = series.values.get(g).and_then(Option::as_ref);
            let text = match value {
                Some((v, label)) => {
                    if let Some(face) = &value_face {
                        let (_, end_y) = plot.backend_coord(&(middle, *v));
                        let sign = if *v >= 0.0 { -1.0 } else { 1.0 };
                        let y = f64::from(end_y) + sign * (GAP + face.line_height() / 2.0);
                        let lines = [nfc(label)];
                        draw_lines(canvas, &lines, face, INK, HPos::Center, (f64::from(x), y))?;
                    }
                    nfc(label)
                }
                None => {
                    let face = Face::regular(12.0);
                    let y = f64::from(zero_y) - GAP - face.line_height() / 2.0;
                    let mark = ["–".to_string()];
                    draw_lines(canvas, &mark, &face, MUTED, HPos::Center, (f64::from(x), y))?;
                    NO_DATA.to_lowercase()
                }
            };
            let (left, _) = plot.backend_coord(&(offset(g, s), 0.0));
            let (right, _) = plot.backend_coord(&(offset(g, s) + slot, 0.0));
            tips.push(Tip {
                x: left,
                y: plot_top,
                width: right - left,
                height: plot_bottom - plot_top,
                text: format!("{category}, {}: {text}", nfc(&series.name)),
            });
        }
    }
    Ok(tips)
}
