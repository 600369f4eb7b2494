//! TEMPORARY STUB (replaced by the real chart module).
pub struct HBar { pub label: String, pub value: f64, pub value_label: String, pub note: Option<String> }
pub struct HBarChart { pub id: String, pub title: String, pub description: String, pub axis_label: String, pub bars: Vec<HBar>, pub reference: Option<(f64, String)>, pub x_max: Option<f64> }
pub struct VBarChart { pub id: String, pub title: String, pub description: String, pub axis_label: String, pub categories: Vec<String>, pub values: Vec<Option<(f64, String)>>, pub target: Option<(f64, String)> }
pub struct ChartSize { pub width: u32, pub height: u32 }
#[derive(Debug, thiserror::Error)] pub enum ChartError { #[error("x")] X }
pub fn render_hbar(c: &HBarChart, _s: ChartSize) -> Result<String, ChartError> { Ok(format!("<svg><title>{}</title></svg>", c.title)) }
pub fn render_vbar(c: &VBarChart, _s: ChartSize) -> Result<String, ChartError> { Ok(format!("<svg><title>{}</title></svg>", c.title)) }
pub fn hbar_height(n: usize) -> u32 { 100 + 40 * n as u32 }
