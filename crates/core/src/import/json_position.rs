//! Where a value sits in a JSON text, so a problem in an xAPI file names its line and
//! column. Only called for values that have a problem, so a small scanner does.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Seg<'a> {
    Key(&'a str),
    Index(usize),
}

/// The 1-based line and column of the value at `path`, or of the deepest part of the path
/// that exists (a missing field is reported where its object starts).
pub fn locate(text: &str, path: &[Seg]) -> (u32, u32) {
    let bytes = text.as_bytes();
    let start = skip_ws(bytes, 0);
    let offset = find(bytes, start, path).unwrap_or(start);
    line_column(text, offset)
}

/// Positions in one JSON text, for many problems: the start of every line and of every
/// element of one array (the statements) are found once, so each problem costs the length
/// of its own statement instead of the whole file before it. Ten thousand bad statements
/// used to rescan the file from the top ten thousand times.
pub struct Locator<'a> {
    text: &'a str,
    line_starts: Vec<usize>,
    array_path: Vec<Seg<'a>>,
    elements: Vec<usize>,
}

impl<'a> Locator<'a> {
    /// Indexes `text`, and the elements of the array at `array_path` (empty for a top-level
    /// array).
    pub fn new(text: &'a str, array_path: &[Seg<'a>]) -> Locator<'a> {
        let bytes = text.as_bytes();
        let mut line_starts = vec![0];
        line_starts.extend(
            bytes
                .iter()
                .enumerate()
                .filter(|(_, b)| **b == b'\n')
                .map(|(i, _)| i + 1),
        );
        let start = skip_ws(bytes, 0);
        let mut elements = Vec::new();
        if let Some(array) = find(bytes, start, array_path).filter(|&i| bytes.get(i) == Some(&b'['))
        {
            let mut j = skip_ws(bytes, array + 1);
            while j < bytes.len() && bytes[j] != b']' {
                elements.push(j);
                let Some(end) = skip_value(bytes, j) else {
                    break;
                };
                j = skip_ws(bytes, end);
                if bytes.get(j) == Some(&b',') {
                    j = skip_ws(bytes, j + 1);
                }
            }
        }
        Locator {
            text,
            line_starts,
            array_path: array_path.to_vec(),
            elements,
        }
    }

    /// As `locate`, starting from the indexed element when the path runs through one.
    pub fn locate(&self, path: &[Seg]) -> (u32, u32) {
        let bytes = self.text.as_bytes();
        let depth = self.array_path.len();
        let offset = match (path.get(..depth), path.get(depth)) {
            (Some(prefix), Some(Seg::Index(index)))
                if prefix == self.array_path.as_slice() && *index < self.elements.len() =>
            {
                let element = self.elements[*index];
                find(bytes, element, &path[depth + 1..]).unwrap_or(element)
            }
            _ => {
                let start = skip_ws(bytes, 0);
                find(bytes, start, path).unwrap_or(start)
            }
        };
        let line = self.line_starts.partition_point(|&s| s <= offset).max(1);
        let line_start = self.line_starts[line - 1];
        let column = self
            .text
            .get(line_start..offset.min(self.text.len()))
            .map_or(0, |l| l.chars().count());
        (line as u32, column as u32 + 1)
    }
}

fn line_column(text: &str, offset: usize) -> (u32, u32) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() as u32 + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) as u32 + 1;
    (line, column)
}

fn skip_ws(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && matches!(b[i], b' ' | b'\t' | b'\n' | b'\r') {
        i += 1;
    }
    // A byte-order mark before the first value.
    if b[i..].starts_with(&[0xEF, 0xBB, 0xBF]) {
        return skip_ws(b, i + 3);
    }
    i
}

/// The offset of the value at `path` starting from the value at `i`; when the path leads
/// nowhere, the offset of the last value found on the way.
fn find(b: &[u8], i: usize, path: &[Seg]) -> Option<usize> {
    let Some((first, rest)) = path.split_first() else {
        return Some(i);
    };
    match (b.get(i)?, first) {
        (b'{', Seg::Key(wanted)) => {
            let mut j = skip_ws(b, i + 1);
            while j < b.len() && b[j] != b'}' {
                let (key, after) = string(b, j)?;
                j = skip_ws(b, after);
                if b.get(j) != Some(&b':') {
                    return Some(i);
                }
                j = skip_ws(b, j + 1);
                if key == *wanted {
                    return Some(find(b, j, rest).unwrap_or(j));
                }
                j = skip_ws(b, skip_value(b, j)?);
                if b.get(j) == Some(&b',') {
                    j = skip_ws(b, j + 1);
                }
            }
            Some(i)
        }
        (b'[', Seg::Index(wanted)) => {
            let mut j = skip_ws(b, i + 1);
            let mut index = 0;
            while j < b.len() && b[j] != b']' {
                if index == *wanted {
                    return Some(find(b, j, rest).unwrap_or(j));
                }
                j = skip_ws(b, skip_value(b, j)?);
                if b.get(j) == Some(&b',') {
                    j = skip_ws(b, j + 1);
                }
                index += 1;
            }
            Some(i)
        }
        _ => Some(i),
    }
}

/// A string starting at `i` (a quote): its text and the offset after it.
fn string(b: &[u8], i: usize) -> Option<(String, usize)> {
    if b.get(i) != Some(&b'"') {
        return None;
    }
    let mut j = i + 1;
    let mut out = Vec::new();
    while j < b.len() {
        match b[j] {
            b'"' => return Some((String::from_utf8_lossy(&out).into_owned(), j + 1)),
            b'\\' => {
                if let Some(&next) = b.get(j + 1) {
                    out.push(match next {
                        b'n' => b'\n',
                        b't' => b'\t',
                        other => other,
                    });
                }
                j += 2;
            }
            byte => {
                out.push(byte);
                j += 1;
            }
        }
    }
    None
}

/// The offset after the value starting at `i`.
fn skip_value(b: &[u8], i: usize) -> Option<usize> {
    match b.get(i)? {
        b'"' => string(b, i).map(|(_, end)| end),
        b'{' | b'[' => {
            let mut depth = 0usize;
            let mut j = i;
            while j < b.len() {
                match b[j] {
                    b'"' => {
                        j = string(b, j)?.1;
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth -= 1;
                        if depth == 0 {
                            return Some(j + 1);
                        }
                    }
                    _ => {}
                }
                j += 1;
            }
            None
        }
        _ => {
            let mut j = i;
            while j < b.len() && !matches!(b[j], b',' | b'}' | b']' | b' ' | b'\n' | b'\r' | b'\t')
            {
                j += 1;
            }
            Some(j)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "[\n  {\"id\": \"a\",\n   \"actor\": {\"mbox\": \"mailto:x@y.z\"}},\n  {\"id\": \"b\", \"result\": {\"duration\": \"-PT5M\"}}\n]";

    #[test]
    fn values_are_found_by_path() {
        assert_eq!(locate(TEXT, &[]), (1, 1));
        assert_eq!(locate(TEXT, &[Seg::Index(0)]), (2, 3));
        assert_eq!(
            locate(TEXT, &[Seg::Index(0), Seg::Key("actor"), Seg::Key("mbox")]),
            (3, 22)
        );
        assert_eq!(
            locate(
                TEXT,
                &[Seg::Index(1), Seg::Key("result"), Seg::Key("duration")]
            ),
            (4, 38)
        );
    }

    #[test]
    fn a_missing_field_is_placed_at_its_object() {
        assert_eq!(
            locate(TEXT, &[Seg::Index(1), Seg::Key("timestamp")]),
            (4, 3)
        );
        assert_eq!(locate(TEXT, &[Seg::Index(7)]), (1, 1));
    }

    #[test]
    fn the_locator_agrees_with_a_scan_from_the_top() {
        let text = "{\n  \"statements\": [\n    {\"actor\": 1},\n    {\"actor\": {\"name\": \"é\"},\n     \"verb\": 2}\n  ]\n}";
        let base = [Seg::Key("statements")];
        let locator = Locator::new(text, &base);
        for path in [
            vec![Seg::Key("statements"), Seg::Index(0), Seg::Key("actor")],
            vec![Seg::Key("statements"), Seg::Index(1), Seg::Key("verb")],
            vec![
                Seg::Key("statements"),
                Seg::Index(1),
                Seg::Key("actor"),
                Seg::Key("name"),
            ],
            vec![Seg::Key("statements"), Seg::Index(7)],
            vec![Seg::Key("statements")],
        ] {
            assert_eq!(locator.locate(&path), locate(text, &path), "{path:?}");
        }
    }
}
