//! The plot area of a bar chart, whichever way its bars run: plotters' chart built from a
//! [`Plan`], the value axis with its grid, the bars, the zero line, and the dashed
//! reference line with its label.
//!
//! Positions are given as (slot, value). A slot is one category's unit on the category
//! axis (a row of horizontal bars, a column of vertical ones), so a kind says where its
//! bars stand without caring which of x and y that is; only this module maps the two.

use std::ops::Range;

use plotters::chart::ChartContext;
use plotters::coord::types::RangedCoordf64;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::ChartError;
use super::font::Face;
use super::format::vn_number;
use super::layout::{
    AXIS, Canvas, GRID, INK, MUTED, PAD, TARGET, TARGET_TEXT, draw_err, draw_lines,
};
use super::range::{Extent, axis_range};
use super::value_label::GAP;

/// Which way the bars grow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Orientation {
    /// Bars grow to the right; slots are rows, counted upwards from the bottom.
    Horizontal,
    /// Bars grow upwards; slots are columns, counted from the left.
    Vertical,
}

/// A dashed line across the plot at `value`, labelled beyond the plot's far end.
pub(super) struct Reference {
    pub(super) value: f64,
    /// The label, already wrapped or shortened to the room the kind made for it.
    pub(super) lines: Vec<String>,
    pub(super) face: Face,
}

/// What a kind decides before plotters builds the plot: where the plot sits on the
/// canvas and what its value axis must hold. Lengths are in pixels.
pub(super) struct Plan {
    pub(super) orientation: Orientation,
    /// Number of slots on the category axis.
    pub(super) slots: f64,
    /// Canvas margins (left, right, top) around the plot and its label areas; the bottom
    /// one is `PAD / 2`.
    pub(super) margins: (f64, f64, f64),
    /// Room beside the value axis for its tick labels and title, and beside the category
    /// axis, where the kind draws its category labels itself.
    pub(super) areas: (f64, f64),
    /// The value axis' length, estimated from the layout: it sizes the ticks and the range.
    pub(super) value_px: f64,
    /// Every bar's value and the room its label needs, for [`axis_range`].
    pub(super) extents: Vec<Extent>,
    pub(super) reference: Option<Reference>,
    /// The caller's axis maximum, if any.
    pub(super) fixed_max: Option<f64>,
    /// Title of the value axis, NFC.
    pub(super) axis_label: String,
}

impl Plan {
    /// Columns below `top` in a body `height` tall, from the left padding to `right` px
    /// from the canvas' edge, with the value axis on the left in `areas.0` and category
    /// labels below in `areas.1`: the value axis is as long as the height leaves. The kind
    /// adds its bars' extents and its reference line.
    pub(super) fn columns(
        slots: f64,
        (top, height): (f64, f64),
        right: f64,
        areas: (f64, f64),
        axis_label: String,
    ) -> Self {
        Self {
            orientation: Orientation::Vertical,
            slots,
            margins: (PAD, right, top),
            areas,
            value_px: height - top - PAD / 2.0 - areas.1,
            extents: Vec::new(),
            reference: None,
            fixed_max: None,
            axis_label,
        }
    }
}

/// One bar: across the category axis over `slots`, along the value axis from zero to `value`.
pub(super) struct Bar {
    pub(super) slots: Range<f64>,
    pub(super) value: f64,
    pub(super) colour: RGBColor,
}

type Chart<'a, 'b> = ChartContext<'a, SVGBackend<'b>, Cartesian2d<RangedCoordf64, RangedCoordf64>>;

/// The built plot: plotters' chart plus what it takes to speak in (slot, value), and the
/// canvas it sits on, where the kinds draw their labels.
pub(super) struct Plot<'a, 'b> {
    canvas: &'a Canvas<'b>,
    chart: Chart<'a, 'b>,
    orientation: Orientation,
    slots: f64,
    min: f64,
    max: f64,
    /// Where the reference line crosses the value axis once drawn, for labels to keep clear.
    reference_px: Option<f64>,
}

impl<'a, 'b> Plot<'a, 'b> {
    /// Builds the plot on `canvas` and draws its value axis, grid and axis title.
    pub(super) fn build(canvas: &'a Canvas<'b>, plan: &Plan) -> Result<Self, ChartError> {
        let line = plan.reference.as_ref().map(|r| r.value);
        let (min, max) = axis_range(&plan.extents, line, plan.fixed_max, plan.value_px);
        let (left, right, top) = plan.margins;
        let (value_area, category_area) = plan.areas;
        let mut builder = ChartBuilder::on(canvas);
        builder
            .margin_left(left)
            .margin_right(right)
            .margin_top(top)
            .margin_bottom(PAD / 2.0);
        let (values, slots) = (min..max, 0.0..plan.slots);
        let chart = match plan.orientation {
            Orientation::Horizontal => builder
                .x_label_area_size(value_area)
                .y_label_area_size(category_area)
                .build_cartesian_2d(values, slots),
            Orientation::Vertical => builder
                .y_label_area_size(value_area)
                .x_label_area_size(category_area)
                .build_cartesian_2d(slots, values),
        }
        .map_err(draw_err)?;
        let mut plot = Self {
            canvas,
            chart,
            orientation: plan.orientation,
            slots: plan.slots,
            min,
            max,
            reference_px: None,
        };
        plot.draw_mesh(&plan.axis_label, plan.value_px)?;
        Ok(plot)
    }

    /// Grid lines and tick labels along the value axis only: the categories are labelled
    /// by the kind, which knows how to wrap them.
    fn draw_mesh(&mut self, axis_label: &str, value_px: f64) -> Result<(), ChartError> {
        let tick_face = Face::regular(12.0);
        let format = |v: &f64| vn_number(*v);
        // Wide ticks ("1.234,5") need more room side by side than stacked.
        let (ticks, style) = match self.orientation {
            Orientation::Horizontal => (
                ((value_px / 60.0) as usize).clamp(3, 10),
                tick_face.style(MUTED, HPos::Center, VPos::Top),
            ),
            Orientation::Vertical => (
                ((value_px / 50.0) as usize).clamp(2, 8),
                tick_face.style(MUTED, HPos::Right, VPos::Center),
            ),
        };
        let mut mesh = self.chart.configure_mesh();
        if self.orientation == Orientation::Horizontal {
            mesh.disable_y_mesh().disable_y_axis().x_desc(axis_label);
            mesh.x_labels(ticks)
                .x_label_formatter(&format)
                .x_label_style(style);
        } else {
            mesh.disable_x_mesh().disable_x_axis().y_desc(axis_label);
            mesh.y_labels(ticks)
                .y_label_formatter(&format)
                .y_label_style(style);
        }
        mesh.axis_desc_style(tick_face.style(INK, HPos::Center, VPos::Top))
            .bold_line_style(GRID.stroke_width(1))
            .light_line_style(TRANSPARENT)
            .axis_style(AXIS.stroke_width(1))
            .draw()
            .map_err(draw_err)
    }

    /// The canvas under the plot: category labels stand outside the plotting area.
    pub(super) fn canvas(&self) -> &'a Canvas<'b> {
        self.canvas
    }

    /// Pixel coordinate of the reference line on the value axis, if it was drawn.
    pub(super) fn reference_px(&self) -> Option<f64> {
        self.reference_px
    }

    /// plotters' (x, y) of a (slot, value) position.
    fn point(&self, slot: f64, value: f64) -> (f64, f64) {
        match self.orientation {
            Orientation::Horizontal => (value, slot),
            Orientation::Vertical => (slot, value),
        }
    }

    /// Canvas pixel (x, y) of a (slot, value) position.
    pub(super) fn px(&self, slot: f64, value: f64) -> (i32, i32) {
        self.chart.backend_coord(&self.point(slot, value))
    }

    /// Pixel coordinate of `value` on the value axis.
    pub(super) fn value_px(&self, value: f64) -> i32 {
        let (x, y) = self.px(0.0, value);
        match self.orientation {
            Orientation::Horizontal => x,
            Orientation::Vertical => y,
        }
    }

    /// Pixel coordinates of `from` and `to` on the category axis.
    pub(super) fn span(&self, from: f64, to: f64) -> (i32, i32) {
        let along = |(x, y): (i32, i32)| match self.orientation {
            Orientation::Horizontal => y,
            Orientation::Vertical => x,
        };
        (along(self.px(from, 0.0)), along(self.px(to, 0.0)))
    }

    /// Pixel coordinates of the value axis' maximum and minimum.
    pub(super) fn value_ends(&self) -> (i32, i32) {
        (self.value_px(self.max), self.value_px(self.min))
    }

    /// Pixels per slot in the plot as built.
    pub(super) fn slot_px(&self) -> f64 {
        let (w, h) = self.chart.plotting_area().dim_in_pixel();
        let along = match self.orientation {
            Orientation::Horizontal => h,
            Orientation::Vertical => w,
        };
        f64::from(along) / self.slots
    }

    /// `value` kept on the axis: a caller's maximum may cut a bar short.
    pub(super) fn clamp(&self, value: f64) -> f64 {
        value.clamp(self.min, self.max)
    }

    /// The bars in the given order, then the zero line over their feet.
    pub(super) fn draw_bars(&mut self, bars: &[Bar]) -> Result<(), ChartError> {
        let rects: Vec<_> = bars
            .iter()
            .map(|b| {
                let (from, to) = (b.slots.start, b.slots.end);
                let corners = [self.point(from, 0.0), self.point(to, self.clamp(b.value))];
                Rectangle::new(corners, b.colour.filled())
            })
            .collect();
        self.chart.draw_series(rects).map_err(draw_err)?;
        let zero = [self.point(0.0, 0.0), self.point(self.slots, 0.0)];
        self.chart
            .draw_series(LineSeries::new(zero, AXIS.stroke_width(1)))
            .map_err(draw_err)?;
        Ok(())
    }

    /// The dashed reference line and its label, when the line falls on the axis.
    pub(super) fn draw_reference(
        &mut self,
        reference: Option<&Reference>,
    ) -> Result<(), ChartError> {
        let Some(r) = reference.filter(|r| (self.min..=self.max).contains(&r.value)) else {
            return Ok(());
        };
        self.reference_px = Some(f64::from(self.value_px(r.value)));
        let ends = [self.point(0.0, r.value), self.point(self.slots, r.value)];
        self.chart
            .draw_series(DashedLineSeries::new(ends, 6, 4, TARGET.stroke_width(2)))
            .map_err(draw_err)?;
        let (end_x, end_y) = self.px(self.slots, r.value);
        let (end_x, end_y) = (f64::from(end_x), f64::from(end_y));
        let (anchor, label_at) = match self.orientation {
            // Above the line's top end, moved sideways as far as it takes to stay whole.
            Orientation::Horizontal => {
                let widest = r.lines.iter().map(|l| r.face.width(l)).fold(0.0, f64::max);
                let half = widest / 2.0;
                let canvas_width = f64::from(self.canvas.dim_in_pixel().0);
                let x = end_x.clamp(PAD + half, canvas_width - PAD - half);
                (HPos::Center, (x, end_y - r.face.px()))
            }
            // Right of the plot, in the margin the kind left for it.
            Orientation::Vertical => (HPos::Left, (end_x + GAP + 2.0, end_y)),
        };
        draw_lines(
            self.canvas,
            &r.lines,
            &r.face,
            TARGET_TEXT,
            anchor,
            label_at,
        )
    }
}
