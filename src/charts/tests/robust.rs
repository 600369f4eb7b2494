//! Layout and input edge cases: nothing drawn outside the canvas, empty and odd input,
//! errors instead of panics, concurrent rendering.

use roxmltree::Document;

use super::super::font::{Face, ensure_registered};
use super::*;

#[test]
fn empty_charts_render_and_say_there_is_no_data() -> TestResult {
    let empty_h = HBarChart {
        bars: vec![],
        ..overview()
    };
    let empty_v = VBarChart {
        categories: vec![],
        values: vec![],
        ..years()
    };
    let all_none = VBarChart {
        values: vec![None; 5],
        ..years()
    };
    let svgs = [
        render_hbar(&empty_h, size(900, hbar_height(0)))?,
        render_vbar(&empty_v, size(900, 300))?,
        render_vbar(&all_none, size(900, 300))?,
    ];
    for svg in svgs {
        let doc = Document::parse(&svg)?;
        assert!(
            texts(&doc).iter().any(|t| text_of(*t) == "Chưa có số liệu"),
            "{svg}"
        );
        assert!(tooltips(&doc).is_empty());
    }
    Ok(())
}

#[test]
fn no_text_is_drawn_outside_the_canvas() -> TestResult {
    ensure_registered()?;
    let narrow = VBarChart {
        categories: (2011..=2022).map(|y| y.to_string()).collect(),
        values: (0..12)
            .map(|i| (i % 4 != 2).then(|| (1000.0 + f64::from(i) * 250.5, "1.000,5".to_string())))
            .collect(),
        ..years()
    };
    let negative = HBarChart {
        bars: vec![bar(LONG, -40.0, "-40%"), bar("Sáng chế", 150.0, "150%")],
        ..overview()
    };
    let svgs = [
        (900.0, render_hbar(&overview(), size(900, hbar_height(3)))?),
        (420.0, render_hbar(&overview(), size(420, hbar_height(3)))?),
        (600.0, render_hbar(&negative, size(600, hbar_height(2)))?),
        (900.0, render_vbar(&years(), size(900, 420))?),
        (480.0, render_vbar(&narrow, size(480, 300))?),
    ];
    for (width, svg) in svgs {
        let doc = Document::parse(&svg)?;
        for text in texts(&doc)
            .into_iter()
            .filter(|t| t.attribute("transform").is_none())
        {
            let px: f64 = text.attribute("font-size").ok_or("font-size")?.parse()?;
            let face = if text.attribute("font-weight") == Some("bold") {
                Face::bold(px)
            } else {
                Face::regular(px)
            };
            let w = face.width(&text_of(text));
            let x: f64 = text.attribute("x").ok_or("x")?.parse()?;
            let (left, right) = match text.attribute("text-anchor") {
                Some("end") => (x - w, x),
                Some("middle") => (x - w / 2.0, x + w / 2.0),
                _ => (x, x + w),
            };
            assert!(
                left >= 0.0 && right <= width,
                "“{}” spans {left:.0}..{right:.0} of {width}",
                text_of(text)
            );
        }
    }
    Ok(())
}

#[test]
fn bad_input_is_an_error_not_a_panic() -> TestResult {
    let mismatch = VBarChart {
        values: vec![None],
        ..years()
    };
    assert!(matches!(
        render_vbar(&mismatch, size(900, 400)),
        Err(ChartError::LengthMismatch {
            categories: 5,
            values: 1
        })
    ));
    let nan = HBarChart {
        bars: vec![bar("x", f64::NAN, "?")],
        ..overview()
    };
    assert!(matches!(
        render_hbar(&nan, size(900, 400)),
        Err(ChartError::NotFinite { .. })
    ));
    assert!(matches!(
        render_hbar(&overview(), size(10, 10)),
        Err(ChartError::TooSmall { .. })
    ));
    Ok(())
}

#[test]
fn odd_but_valid_input_still_renders() -> TestResult {
    let zeros = HBarChart {
        bars: vec![bar("a", 0.0, "0"), bar("", 0.0, "")],
        reference: None,
        ..overview()
    };
    let below_axis = HBarChart {
        x_max: Some(50.0),
        ..overview()
    };
    let one = VBarChart {
        categories: vec!["2020".to_string()],
        values: vec![Some((0.0, "0".to_string()))],
        target: None,
        ..years()
    };
    for svg in [
        render_hbar(&zeros, size(240, 160))?,
        render_hbar(&below_axis, size(900, 300))?,
        render_vbar(&one, size(240, 160))?,
    ] {
        Document::parse(&svg)?;
    }
    Ok(())
}

#[test]
fn hbar_height_grows_with_the_number_of_bars() -> TestResult {
    assert_eq!(hbar_height(0), hbar_height(1).min(hbar_height(0)));
    assert!(hbar_height(10) > hbar_height(3));
    assert_eq!(hbar_height(10) - hbar_height(9), 52);
    assert!(hbar_height(usize::MAX) > 0);
    Ok(())
}

#[test]
fn charts_render_from_many_threads_at_once() -> TestResult {
    let handles: Vec<_> = (0..4)
        .map(|_| {
            std::thread::spawn(|| render_hbar(&overview(), size(900, 300)).map(|svg| svg.len()))
        })
        .collect();
    for handle in handles {
        assert!(handle.join().map_err(|_| "render thread panicked")?? > 1000);
    }
    Ok(())
}
