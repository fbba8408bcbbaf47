//! Lists: bullets (`•`, `◦`, `▪` by depth), numbers right-aligned, task items
//! `✔`/`☐`; item content laid out beside the marker, continuation lines
//! indented under it, nested lists compact (no blank lines between items).

use super::wrap::width as text_width;
use super::{blocks_lines, prefix_lines, LayoutOptions};
use crate::content::model::{List, ListItem};
use ratatui::text::Line;

const BULLETS: [&str; 3] = ["•", "◦", "▪"];

fn marker(list: &List, index: usize, item: &ListItem, depth: usize) -> String {
    match (item.task, list.start) {
        (Some(true), _) => "✔".to_owned(),
        (Some(false), _) => "☐".to_owned(),
        (None, Some(start)) => format!("{}.", start.saturating_add(index as u64)),
        (None, None) => BULLETS[depth % BULLETS.len()].to_owned(),
    }
}

pub fn render(list: &List, width: usize, opts: &LayoutOptions, depth: usize) -> Vec<Line<'static>> {
    let markers: Vec<String> = list
        .items
        .iter()
        .enumerate()
        .map(|(i, item)| marker(list, i, item, depth))
        .collect();
    let marker_w = markers.iter().map(|m| text_width(m)).max().unwrap_or(1) + 1;
    let style = opts.theme.accent();
    let mut out = Vec::new();
    for (item, mark) in list.items.iter().zip(&markers) {
        if width <= marker_w + 1 {
            out.extend(blocks_lines(&item.blocks, width, opts, depth + 1, true));
            continue;
        }
        let pad = marker_w - text_width(mark);
        let first = format!("{}{mark} ", " ".repeat(pad - 1));
        let rest = " ".repeat(marker_w);
        let mut inner = blocks_lines(&item.blocks, width - marker_w, opts, depth + 1, true);
        if inner.is_empty() {
            inner.push(Line::default());
        }
        out.extend(prefix_lines(inner, (&first, style), (&rest, style)));
    }
    out
}
