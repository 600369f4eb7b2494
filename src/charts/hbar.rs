//! Horizontal bars: one row per bar, its label wrapped in a column on the left, its value
//! printed at the bar's end, an optional dashed reference line (e.g. 100 % of target).

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::font::{Face, ensure_registered};
use super::format::vn_number;
use super::frame::{Frame, FrameText};
use super::layout::{
    AXIS, BAR, Canvas, GRID, INK, MUTED, PAD, TARGET, TARGET_TEXT, draw_backdrop, draw_err,
    draw_lines, draw_no_data, draw_title, nfc, sanitize_id,
};
use super::range::{Extent, axis_range};
use super::svg_post::{Meta, Tip, finish};
use super::value_label::{GAP, draw_horizontal};
use super::wrap::{ellipsize, wrap};
use super::{ChartError, ChartSize, HBar, HBarChart, check_size};

/// Height of one row in [`super::hbar_height`]: room for a three-line label.
pub(super) const ROW_HEIGHT: u32 = 52;
/// Title, reference label, axis and padding in [`super::hbar_height`].
pub(super) const CHROME_HEIGHT: u32 = 124;
/// Smallest height [`super::hbar_height`] returns (the "no data" chart).
pub(super) const MIN_HEIGHT: u32 = 200;
/// Below this width (a phone) each label stands above its bar, across the whole width,
/// instead of in a column on the left that would leave room for a few words only.
pub(super) const STACK_BELOW: f64 = 560.0;
/// Height of one row in [`super::hbar_height_at`] when labels stand above the bars:
/// two label lines and the bar.
pub(super) const STACKED_ROW_HEIGHT: u32 = 66;
/// A stacked row needs at least this many pixels (one label line and a thin bar);
/// with less the labels go back to the column on the left.
const STACKED_MIN_ROW: f64 = 40.0;
/// Gap between a stacked label and its bar, and above the label.
const STACKED_GAP: f64 = 3.0;

/// Tick labels and axis title below the plot.
const AXIS_AREA: f64 = 46.0;
const RIGHT_MARGIN: f64 = 16.0;

/// A bar with its texts normalised.
struct Row {
    label: String,
    value: f64,
    /// Printed at the bar's end: value label and note.
    text: String,
    tooltip: String,
}

impl Row {
    fn new(bar: &HBar) -> Self {
        let label = nfc(&bar.label);
        let value_label = nfc(&bar.value_label);
        let note = bar.note.as_deref().map(nfc).filter(|n| !n.is_empty());
        let text = match &note {
            Some(note) => format!("{value_label} ({note})"),
            None => value_label.clone(),
        };
        let tooltip = format!("{label}: {text}");
        Self {
            label,
            value: bar.value,
            text,
            tooltip,
        }
    }
}

/// Draws `chart` laid out at `size`, with the `frame`'s texts; the SVG asks to be shown at
/// `output` (its `viewBox` stays `size`).
pub(super) fn render(
    chart: &HBarChart,
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
    let rows: Vec<Row> = chart.bars.iter().map(Row::new).collect();

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
        if rows.is_empty() {
            draw_no_data(&body, top, dims)?;
        } else {
            tips = draw_rows(&body, chart, &rows, top, dims)?;
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

fn validate(chart: &HBarChart) -> Result<(), ChartError> {
    if let Some(bar) = chart.bars.iter().find(|b| !b.value.is_finite()) {
        return Err(ChartError::NotFinite {
            label: bar.label.clone(),
        });
    }
    if let Some((x, label)) = &chart.reference
        && !x.is_finite()
    {
        return Err(ChartError::NotFinite {
            label: label.clone(),
        });
    }
    if chart.x_max.is_some_and(|x| !x.is_finite()) {
        return Err(ChartError::NotFinite {
            label: "x_max".to_string(),
        });
    }
    Ok(())
}

fn draw_rows(
    canvas: &Canvas,
    chart: &HBarChart,
    rows: &[Row],
    top: f64,
    (width, height): (f64, f64),
) -> Result<Vec<Tip>, ChartError> {
    let label_face = Face::regular(13.0);
    let value_face = Face::regular(13.0);
    let tick_face = Face::regular(12.0);
    let reference = chart.reference.as_ref().map(|(x, label)| (*x, nfc(label)));
    let plot_top = top + if reference.is_some() { 24.0 } else { 6.0 };
    let n = rows.len() as f64;
    let row_estimate = (height - plot_top - PAD / 2.0 - AXIS_AREA) / n;
    let stacked = width < STACK_BELOW && row_estimate >= STACKED_MIN_ROW;
    let (label_width, plot_left) = if stacked {
        (width - 2.0 * PAD, PAD)
    } else {
        let label_width = (width * 0.36).clamp(90.0, 380.0);
        (label_width, PAD + label_width + 12.0)
    };
    let plot_width = width - plot_left - RIGHT_MARGIN;
    let extents: Vec<Extent> = rows
        .iter()
        .map(|r| Extent {
            value: r.value,
            label_px: 2.0 * GAP + value_face.width(&r.text),
        })
        .collect();
    let reference_value = reference.as_ref().map(|r| r.0);
    let (x_min, x_max) = axis_range(&extents, reference_value, chart.x_max, plot_width);

    let mut plot = ChartBuilder::on(canvas)
        .margin_left(plot_left)
        .margin_right(RIGHT_MARGIN)
        .margin_top(plot_top)
        .margin_bottom(PAD / 2.0)
        .x_label_area_size(AXIS_AREA)
        .build_cartesian_2d(x_min..x_max, 0.0..n)
        .map_err(draw_err)?;
    let axis_label = nfc(&chart.axis_label);
    let ticks = ((plot_width / 60.0) as usize).clamp(3, 10);
    plot.configure_mesh()
        .disable_y_mesh()
        .disable_y_axis()
        .x_labels(ticks)
        .x_label_formatter(&|v| vn_number(*v))
        .x_label_style(tick_face.style(MUTED, HPos::Center, VPos::Top))
        .x_desc(axis_label)
        .axis_desc_style(tick_face.style(INK, HPos::Center, VPos::Top))
        .bold_line_style(GRID.stroke_width(1))
        .light_line_style(TRANSPARENT)
        .axis_style(AXIS.stroke_width(1))
        .draw()
        .map_err(draw_err)?;

    let row_px = f64::from(plot.plotting_area().dim_in_pixel().1) / n;
    let max_lines = if stacked {
        // Room left for the label once a bar of at least 10 px has its place.
        ((row_px - 10.0 - 3.0 * STACKED_GAP) / label_face.line_height())
            .floor()
            .clamp(1.0, 2.0) as usize
    } else {
        ((row_px - 4.0) / label_face.line_height())
            .floor()
            .clamp(1.0, 3.0) as usize
    };
    // The bar's top and bottom within its row, as fractions of a row from the row's
    // centre: centred beside a column label, or below a stacked one.
    let (bar_top, bar_bottom) = if stacked {
        let label_block = max_lines as f64 * label_face.line_height() + 2.0 * STACKED_GAP;
        let thickness = (row_px - label_block - STACKED_GAP).clamp(6.0, 22.0);
        let top = 0.5 - label_block / row_px;
        (top, top - thickness / row_px)
    } else {
        let half = (row_px * 0.62).min(30.0) / row_px / 2.0;
        (half, -half)
    };
    let bars = rows.iter().enumerate().map(|(i, row)| {
        let center = n - i as f64 - 0.5;
        let end = row.value.clamp(x_min, x_max);
        Rectangle::new(
            [(0.0, center + bar_bottom), (end, center + bar_top)],
            BAR.filled(),
        )
    });
    plot.draw_series(bars).map_err(draw_err)?;
    plot.draw_series(LineSeries::new(
        [(0.0, 0.0), (0.0, n)],
        AXIS.stroke_width(1),
    ))
    .map_err(draw_err)?;

    let reference = reference.filter(|(x, _)| (x_min..=x_max).contains(x));
    let reference_x = reference
        .as_ref()
        .map(|(x, _)| f64::from(plot.backend_coord(&(*x, 0.0)).0));
    if let Some((x, label)) = reference {
        plot.draw_series(DashedLineSeries::new(
            [(x, 0.0), (x, n)],
            6,
            4,
            TARGET.stroke_width(2),
        ))
        .map_err(draw_err)?;
        let face = Face::regular(12.5);
        let text = ellipsize(&label, width - 2.0 * PAD, &|t: &str| face.width(t));
        let half_text = face.width(&text) / 2.0;
        let (line_x, line_top) = plot.backend_coord(&(x, n));
        let center_x = f64::from(line_x).clamp(PAD + half_text, width - PAD - half_text);
        let center_y = f64::from(line_top) - face.px();
        draw_lines(
            canvas,
            &[text],
            &face,
            TARGET_TEXT,
            HPos::Center,
            (center_x, center_y),
        )?;
    }

    let mut tips = Vec::with_capacity(rows.len());
    for (i, row) in rows.iter().enumerate() {
        let center = n - i as f64 - 0.5;
        let bar_center = center + (bar_top + bar_bottom) / 2.0;
        let (zero_x, center_y) = plot.backend_coord(&(0.0, bar_center));
        let (end_x, _) = plot.backend_coord(&(row.value.clamp(x_min, x_max), bar_center));
        let bar = (f64::from(zero_x), f64::from(end_x), f64::from(center_y));
        let limits = (plot_left, width - PAD / 2.0);
        draw_horizontal(canvas, &value_face, &row.text, bar, limits, reference_x)?;

        let lines = wrap(&row.label, label_width, max_lines, |t| label_face.width(t));
        if stacked {
            // Just above the bar, on a white backdrop so that grid and reference lines
            // do not run through the words.
            let (_, bar_top_y) = plot.backend_coord(&(0.0, center + bar_top));
            let block = lines.len() as f64 * label_face.line_height();
            let bottom = f64::from(bar_top_y) - STACKED_GAP;
            let widest = lines
                .iter()
                .map(|l| label_face.width(l))
                .fold(0.0, f64::max);
            draw_backdrop(
                canvas,
                (PAD - 2.0, bottom - block),
                (PAD + widest + 2.0, bottom),
            )?;
            draw_lines(
                canvas,
                &lines,
                &label_face,
                INK,
                HPos::Left,
                (PAD, bottom - block / 2.0),
            )?;
        } else {
            draw_lines(
                canvas,
                &lines,
                &label_face,
                INK,
                HPos::Right,
                (PAD + label_width, f64::from(center_y)),
            )?;
        }

        let (_, row_top) = plot.backend_coord(&(0.0, center + 0.5));
        let (_, row_bottom) = plot.backend_coord(&(0.0, center - 0.5));
        tips.push(Tip {
            x: PAD as i32,
            y: row_top,
            width: (width - 2.0 * PAD) as i32,
            height: row_bottom - row_top,
            text: row.tooltip.clone(),
        });
    }
    Ok(tips)
}
