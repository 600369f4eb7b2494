//! Page geometry and the flow: items of known height placed top to bottom, a new page
//! when the next one does not fit, groups kept together when they fit on one page.

/// A4 in points.
pub(super) const PAGE_W: f32 = 595.28;
pub(super) const PAGE_H: f32 = 841.89;
/// 20 mm side margins.
pub(super) const MARGIN_X: f32 = 56.7;
pub(super) const TOP: f32 = 56.7;
/// Content ends here; the footer (page number) sits below.
pub(super) const BOTTOM: f32 = PAGE_H - 70.0;
pub(super) const CONTENT_W: f32 = PAGE_W - 2.0 * MARGIN_X;

pub(super) type Rgb = (u8, u8, u8);
pub(super) const INK: Rgb = (0x1A, 0x1A, 0x1A);
pub(super) const MUTED: Rgb = (0x4D, 0x4D, 0x4D);
pub(super) const RULE: Rgb = (0xBB, 0xBB, 0xBB);
pub(super) const SHADE: Rgb = (0xEE, 0xEE, 0xEE);
pub(super) const BRAND: Rgb = (0x8F, 0x1D, 0x1D);

/// One drawing instruction. Coordinates in points from the top-left corner; inside an
/// [`Item`] `y` is relative to the item's top.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Op {
    /// `y` is the baseline.
    Text {
        x: f32,
        y: f32,
        size: f32,
        bold: bool,
        color: Rgb,
        text: String,
    },
    Line {
        x0: f32,
        y0: f32,
        x1: f32,
        y1: f32,
        width: f32,
        color: Rgb,
    },
    Fill {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        color: Rgb,
    },
    /// The chart SVG number `index`, scaled into the box.
    Svg {
        index: usize,
        x: f32,
        y: f32,
        w: f32,
        h: f32,
    },
}

impl Op {
    fn shifted(&self, dy: f32) -> Op {
        let mut op = self.clone();
        match &mut op {
            Op::Text { y, .. } | Op::Fill { y, .. } | Op::Svg { y, .. } => *y += dy,
            Op::Line { y0, y1, .. } => {
                *y0 += dy;
                *y1 += dy;
            }
        }
        op
    }
}

/// Something of a known height drawn as a unit: a line of text, a table row, a chart.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct Item {
    pub(super) height: f32,
    pub(super) ops: Vec<Op>,
}

/// A bookmark: its text, the page and the y it points at.
pub(super) type Mark = (String, usize, f32);

pub(super) struct Flow {
    pub(super) pages: Vec<Vec<Op>>,
    y: f32,
    pub(super) marks: Vec<Mark>,
}

impl Flow {
    pub(super) fn new() -> Self {
        Self {
            pages: vec![Vec::new()],
            y: TOP,
            marks: Vec::new(),
        }
    }

    pub(super) fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = TOP;
    }

    fn at_top(&self) -> bool {
        self.y <= TOP
    }

    fn remaining(&self) -> f32 {
        BOTTOM - self.y
    }

    /// Places the item here, or at the top of a new page when it does not fit.
    pub(super) fn place(&mut self, item: &Item) {
        if item.height > self.remaining() && !self.at_top() {
            self.new_page();
        }
        self.draw(item);
    }

    fn draw(&mut self, item: &Item) {
        let y = self.y;
        if let Some(page) = self.pages.last_mut() {
            page.extend(item.ops.iter().map(|op| op.shifted(y)));
        }
        self.y += item.height;
    }

    /// Places the items together on one page when they fit on one; otherwise one by one.
    /// `mark`: a bookmark to where the first item lands.
    pub(super) fn place_together(&mut self, items: &[Item], mark: Option<String>) {
        let total: f32 = items.iter().map(|i| i.height).sum();
        if total > self.remaining() && total <= BOTTOM - TOP && !self.at_top() {
            self.new_page();
        }
        // Never leave a heading (the first item) alone at the bottom of a page.
        if let [first, second, ..] = items
            && first.height + second.height > self.remaining()
            && !self.at_top()
        {
            self.new_page();
        }
        if let Some(first) = items.first()
            && first.height > self.remaining()
            && !self.at_top()
        {
            self.new_page();
        }
        if let Some(text) = mark {
            self.marks.push((text, self.pages.len() - 1, self.y));
        }
        for item in items {
            self.place(item);
        }
    }

    /// Table rows: the header starts the table and is repeated on every new page.
    pub(super) fn place_rows(&mut self, header: &Item, rows: &[Item]) {
        let first = rows.first().map_or(0.0, |r| r.height);
        if header.height + first > self.remaining() && !self.at_top() {
            self.new_page();
        }
        self.draw(header);
        for row in rows {
            if row.height > self.remaining() {
                self.new_page();
                self.draw(header);
            }
            self.draw(row);
        }
    }

    pub(super) fn space(&mut self, height: f32) {
        if !self.at_top() {
            self.y = (self.y + height).min(BOTTOM);
        }
    }
}
