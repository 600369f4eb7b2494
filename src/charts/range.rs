//! The value axis' range: it includes 0, every value and the target line, has 15 % headroom,
//! and grows until each value label fits beyond its bar's end.

/// Headroom beyond the largest magnitude.
const HEADROOM: f64 = 1.15;

/// A bar's value and how many pixels its label needs beyond the bar's end (gaps included).
#[derive(Debug, Clone, Copy)]
pub(super) struct Extent {
    pub(super) value: f64,
    pub(super) label_px: f64,
}

impl Extent {
    /// Bars whose labels all need the same room (one line of text above vertical bars).
    pub(super) fn all(values: impl Iterator<Item = f64>, label_px: f64) -> Vec<Self> {
        values.map(|value| Self { value, label_px }).collect()
    }
}

/// `(min, max)` of the value axis. `line` is the target/reference line, `fixed_max` the
/// caller's maximum (kept if above the minimum), `plot_px` the plot's length in pixels.
/// Labels longer than 60 % of the plot are not made room for: they go inside their bar.
pub(super) fn axis_range(
    bars: &[Extent],
    line: Option<f64>,
    fixed_max: Option<f64>,
    plot_px: f64,
) -> (f64, f64) {
    let values = bars.iter().map(|b| b.value).chain(line);
    let (low, high) = values.fold((0.0_f64, 0.0_f64), |(lo, hi), v| (lo.min(v), hi.max(v)));
    let mut min = low * HEADROOM;
    let fixed_max = fixed_max.filter(|&m| m > min);
    let mut max = fixed_max.unwrap_or(high * HEADROOM);
    if max <= min {
        max = min + (min.abs() * 0.1).max(1.0);
    }
    // Widening one end shrinks the pixels per unit at the other: repeat until stable. When
    // labels on both sides together need more than the plot, it never is: keep the plain range.
    let plain = (min, max);
    for pass in 0..32 {
        if pass == 31 {
            return plain;
        }
        let before = (min, max);
        for bar in bars {
            let room = plot_px - bar.label_px;
            if room <= plot_px * 0.4 {
                continue;
            }
            if bar.value > 0.0 && fixed_max.is_none() {
                max = max.max(min + (bar.value - min) * plot_px / room);
            } else if bar.value < 0.0 {
                min = min.min(max - (max - bar.value) * plot_px / room);
            }
        }
        if (min - before.0).abs() < 1e-9 * (max - min)
            && (max - before.1).abs() < 1e-9 * (max - min)
        {
            break;
        }
    }
    (min, max)
}

#[cfg(test)]
mod tests {
    use super::{Extent, axis_range};

    fn bars(values: &[f64], label_px: f64) -> Vec<Extent> {
        Extent::all(values.iter().copied(), label_px)
    }

    #[test]
    fn the_range_starts_at_zero_with_headroom_above_values_and_line() {
        assert_eq!(
            axis_range(&bars(&[10.0, 20.0], 0.0), None, None, 500.0),
            (0.0, 23.0)
        );
        let (_, max) = axis_range(&bars(&[10.0], 0.0), Some(100.0), None, 500.0);
        assert!((max - 115.0).abs() < 1e-9);
    }

    #[test]
    fn the_range_grows_so_that_labels_fit_beyond_the_bars() {
        let (min, max) = axis_range(&bars(&[100.0], 100.0), None, None, 500.0);
        assert_eq!(min, 0.0);
        // The bar may use at most 400 of the 500 pixels.
        assert!(100.0 / max * 500.0 <= 400.0 + 1e-9);
    }

    #[test]
    fn negative_values_extend_the_range_below_zero() {
        let (min, max) = axis_range(&bars(&[-50.0, 100.0], 60.0), None, None, 500.0);
        assert!(min < -57.5 && max > 115.0);
        let px = |v: f64| (v - min) / (max - min) * 500.0;
        assert!(px(-50.0) - px(min) >= 60.0 - 0.5, "{min} {max}");
        assert!(px(max) - px(100.0) >= 60.0 - 0.5, "{min} {max}");
    }

    #[test]
    fn labels_too_long_for_both_sides_leave_the_plain_range() {
        let wide = [
            Extent {
                value: -10.0,
                label_px: 280.0,
            },
            Extent {
                value: 10.0,
                label_px: 280.0,
            },
        ];
        assert_eq!(axis_range(&wide, None, None, 500.0), (-11.5, 11.5));
    }

    #[test]
    fn a_fixed_maximum_is_kept_and_degenerate_input_still_gives_a_range() {
        assert_eq!(
            axis_range(&bars(&[200.0], 50.0), None, Some(150.0), 500.0),
            (0.0, 150.0)
        );
        assert_eq!(
            axis_range(&bars(&[0.0, 0.0], 0.0), None, None, 500.0),
            (0.0, 1.0)
        );
        assert_eq!(axis_range(&[], None, Some(-5.0), 500.0), (0.0, 1.0));
    }
}
