//! Vertical bars over categories (years): value labels above the bars, "no data" marks
//! for missing years, and an optional dashed horizontal target line labelled on the right.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::font::{Face, ensure_registered};
use super::format::vn_number;
use super::frame::{Frame, FrameText};
use super::layout::{
    AXIS, BAR, Canvas, GRID, INK, MUTED, NO_DATA, PAD, TARGET, TARGET_TEXT, draw_err, draw_lines,
    draw_no_data, draw_title, nfc, sanitize_id,
};
use super::range::{Extent, axis_range};
use super::svg_post::{Meta, Tip, finish};
use super::value_label::{GAP, draw_vertical};
use super::vbar_labels::ColumnLabels;
use super::wrap::wrap;
use super::{ChartError, ChartSize, VBarChart, check_size};

/// Widest the target's label may be, right of the plot.
const TARGET_LABEL_WIDTH: f64 = 120.0;

/// One category with its texts normalised.
struct Column {
    category: String,
    value: Option<(f64, String)>,
}

/// Draws `chart` laid out at `size`, with the `frame`'s texts; the SVG asks to be shown at
/// `output` (its `viewBox` stays `size`).
pub(super) fn render(
    chart: &VBarChart,
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
    let columns: Vec<Column> = chart
        .categories
        .iter()
        .zip(&chart.values)
        .map(|(category, value)| Column {
            category: nfc(category),
            value: value.as_ref().map(|(v, label)| (*v, nfc(label))),
        })
        .collect();

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
        if columns.iter().all(|c| c.value.is_none()) {
            draw_no_data(&body, top, dims)?;
        } else {
            tips = draw_columns(&body, chart, &columns, top, dims)?;
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

fn validate(chart: &VBarChart) -> Result<(), ChartError> {
    if chart.values.len() != chart.categories.len() {
        return Err(ChartError::LengthMismatch {
            categories: chart.categories.len(),
            values: chart.values.len(),
        });
    }
    let bad_value = chart
        .categories
        .iter()
        .zip(&chart.values)
        .find(|(_, v)| v.as_ref().is_some_and(|(v, _)| !v.is_finite()));
    if let Some((category, _)) = bad_value {
        return Err(ChartError::NotFinite {
            label: category.clone(),
        });
    }
    if let Some((y, label)) = &chart.target
        && !y.is_finite()
    {
        return Err(ChartError::NotFinite {
            label: label.clone(),
        });
    }
    Ok(())
}

/// Room for the widest tick label, guessed before plotters picks the ticks: the integer
/// part of the largest magnitude (with a sign if any value is negative), plus decimals
/// when the range is small enough for fractional ticks.
fn tick_label_width(columns: &[Column], face: &Face) -> f64 {
    let values = columns.iter().filter_map(|c| c.value.as_ref().map(|v| v.0));
    let (low, high) = values.fold((0.0_f64, 0.0_f64), |(lo, hi), v| (lo.min(v), hi.max(v)));
    let largest = (high.abs().max(low.abs()) * 1.3).floor();
    let mut guess = vn_number(if low < 0.0 { -largest } else { largest });
    if largest < 5.0 {
        guess.push_str(",25");
    }
    face.width(&guess) + 8.0
}

fn draw_columns(
    canvas: &Canvas,
    chart: &VBarChart,
    columns: &[Column],
    top: f64,
    (width, height): (f64, f64),
) -> Result<Vec<Tip>, ChartError> {
    let target_face = Face::regular(13.0);
    let tick_face = Face::regular(12.0);
    let n = columns.len() as f64;

    let target = chart.target.as_ref().map(|(y, label)| (*y, nfc(label)));
    let target_lines = target.as_ref().map_or_else(Vec::new, |(_, label)| {
        wrap(label, TARGET_LABEL_WIDTH, 2, |t| target_face.width(t))
    });
    let target_width = target_lines
        .iter()
        .map(|l| target_face.width(l))
        .fold(0.0, f64::max);
    let right_margin = (target_width + 2.0 * GAP + 4.0).max(PAD + 4.0);

    // Horizontal layout first: the column width decides which labels fit and how.
    let plot_top = top + 8.0;
    let y_area = tick_label_width(columns, &tick_face) + tick_face.line_height() + 10.0;
    let column_px = (width - PAD - y_area - right_margin) / n;
    let categories: Vec<&str> = columns.iter().map(|c| c.category.as_str()).collect();
    let values: Vec<Option<&str>> = columns
        .iter()
        .map(|c| c.value.as_ref().map(|v| v.1.as_str()))
        .collect();
    let labels = ColumnLabels::fit(&categories, &values, column_px);
    let category_step = labels.category_face.line_height();
    let x_area = 8.0 + labels.category_rows() as f64 * category_step + 4.0;
    let plot_height = height - plot_top - PAD / 2.0 - x_area;
    let label_px = labels.value_face.line_height() + GAP + 2.0;
    let extents: Vec<Extent> = columns
        .iter()
        .filter_map(|c| c.value.as_ref())
        .map(|(value, _)| Extent {
            value: *value,
            label_px,
        })
        .collect();
    let target_value = target.as_ref().map(|t| t.0);
    let (y_min, y_max) = axis_range(&extents, target_value, None, plot_height);

    let mut plot = ChartBuilder::on(canvas)
        .margin_left(PAD)
        .margin_right(right_margin)
        .margin_top(plot_top)
        .margin_bottom(PAD / 2.0)
        .y_label_area_size(y_area)
        .x_label_area_size(x_area)
        .build_cartesian_2d(0.0..n, y_min..y_max)
        .map_err(draw_err)?;
    let axis_label = nfc(&chart.axis_label);
    let ticks = ((plot_height / 50.0) as usize).clamp(2, 8);
    plot.configure_mesh()
        .disable_x_mesh()
        .disable_x_axis()
        .y_labels(ticks)
        .y_label_formatter(&|v| vn_number(*v))
        .y_label_style(tick_face.style(MUTED, HPos::Right, VPos::Center))
        .y_desc(axis_label)
        .axis_desc_style(tick_face.style(INK, HPos::Center, VPos::Top))
        .bold_line_style(GRID.stroke_width(1))
        .light_line_style(TRANSPARENT)
        .axis_style(AXIS.stroke_width(1))
        .draw()
        .map_err(draw_err)?;

    let bar_px = (column_px * 0.6).min(90.0);
    let half = bar_px / column_px / 2.0;
    let bars = columns.iter().enumerate().filter_map(|(i, c)| {
        let (value, _) = c.value.as_ref()?;
        let center = i as f64 + 0.5;
        Some(Rectangle::new(
            [(center - half, 0.0), (center + half, *value)],
            BAR.filled(),
        ))
    });
    plot.draw_series(bars).map_err(draw_err)?;
    plot.draw_series(LineSeries::new(
        [(0.0, 0.0), (n, 0.0)],
        AXIS.stroke_width(1),
    ))
    .map_err(draw_err)?;

    let target_y = target
        .as_ref()
        .map(|(y, _)| f64::from(plot.backend_coord(&(0.0, *y)).1));
    if let Some((y, _)) = &target {
        plot.draw_series(DashedLineSeries::new(
            [(0.0, *y), (n, *y)],
            6,
            4,
            TARGET.stroke_width(2),
        ))
        .map_err(draw_err)?;
        let (right, line_y) = plot.backend_coord(&(n, *y));
        let at = (f64::from(right) + GAP + 2.0, f64::from(line_y));
        draw_lines(
            canvas,
            &target_lines,
            &target_face,
            TARGET_TEXT,
            HPos::Left,
            at,
        )?;
    }

    let (_, plot_top_px) = plot.backend_coord(&(0.0, y_max));
    let (_, plot_bottom) = plot.backend_coord(&(0.0, y_min));
    let categories_top = f64::from(plot_bottom) + 8.0;
    let tip_bottom = (categories_top + labels.category_rows() as f64 * category_step) as i32;
    let mut tips = Vec::with_capacity(columns.len());
    for (i, column) in columns.iter().enumerate() {
        let center = i as f64 + 0.5;
        let (center_x, zero_y) = plot.backend_coord(&(center, 0.0));
        let center_x = f64::from(center_x);
        let lines = labels.categories.get(i).map_or(&[][..], Vec::as_slice);
        let label_y = categories_top + lines.len() as f64 * category_step / 2.0;
        draw_lines(
            canvas,
            lines,
            &labels.category_face,
            INK,
            HPos::Center,
            (center_x, label_y),
        )?;

        let tip_text = match &column.value {
            Some((value, label)) => {
                if let Some(Some(text)) = labels.values.get(i) {
                    let (_, end_y) = plot.backend_coord(&(center, *value));
                    let bar = (center_x, f64::from(zero_y), f64::from(end_y));
                    draw_vertical(canvas, &labels.value_face, text, bar, bar_px, target_y)?;
                }
                format!("{}: {label}", column.category)
            }
            None => {
                let face = &labels.missing_face;
                let y = f64::from(zero_y)
                    - GAP
                    - labels.missing.len() as f64 * face.line_height() / 2.0;
                draw_lines(
                    canvas,
                    &labels.missing,
                    face,
                    MUTED,
                    HPos::Center,
                    (center_x, y),
                )?;
                format!("{}: {}", column.category, NO_DATA.to_lowercase())
            }
        };
        let (left, _) = plot.backend_coord(&(i as f64, 0.0));
        let (right, _) = plot.backend_coord(&(i as f64 + 1.0, 0.0));
        tips.push(Tip {
            x: left,
            y: plot_top_px,
            width: right - left,
            height: tip_bottom - plot_top_px,
            text: tip_text,
        });
    }
    Ok(tips)
}
