//! Breaking text into lines that fit a width.

use super::fonts::{Fonts, Weight};

/// Greedy line breaking on spaces; a word wider than the line is split between characters.
/// Explicit newlines are kept.
pub fn wrap(fonts: &Fonts, weight: Weight, size: f32, max_width: f32, text: &str) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        for word in paragraph.split_whitespace() {
            let candidate = if line.is_empty() {
                word.to_string()
            } else {
                format!("{line} {word}")
            };
            if fonts.width(weight, size, &candidate) <= max_width {
                line = candidate;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            if fonts.width(weight, size, word) <= max_width {
                line = word.to_string();
            } else {
                for ch in word.chars() {
                    let mut longer = line.clone();
                    longer.push(ch);
                    if !line.is_empty() && fonts.width(weight, size, &longer) > max_width {
                        lines.push(std::mem::take(&mut line));
                        line.push(ch);
                    } else {
                        line = longer;
                    }
                }
            }
        }
        lines.push(line);
    }
    lines
}
