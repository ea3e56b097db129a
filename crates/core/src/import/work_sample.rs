//! What a work sample really is, read from its bytes rather than trusted from its name: a
//! portfolio is opened by other people, so a file that claims to be a PDF and is not is
//! refused before it is stored.

/// The largest sample kept; portfolios live inside the workspace database.
pub const SIZE_LIMIT: u64 = 20 * 1024 * 1024;

/// The media type the content shows, or None when it is none Pilotdesk keeps.
pub fn sniff(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"%PDF-") {
        return Some("application/pdf");
    }
    if bytes.starts_with(&[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A]) {
        return Some("image/png");
    }
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        return Some("image/jpeg");
    }
    if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
        return Some("image/gif");
    }
    if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        return Some("image/webp");
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return office(bytes);
    }
    // Text: UTF-8 with no control bytes other than tabs and line ends.
    let text = std::str::from_utf8(bytes).ok()?;
    let clean = text
        .chars()
        .all(|c| !c.is_control() || matches!(c, '\t' | '\n' | '\r'));
    clean.then_some("text/plain")
}

/// An office document is a ZIP whose entry names say which kind: their names stand in the
/// local file headers as plain text.
fn office(bytes: &[u8]) -> Option<&'static str> {
    let has = |name: &[u8]| bytes.windows(name.len()).any(|w| w == name);
    if has(b"mimetypeapplication/vnd.oasis.opendocument.text") {
        return Some("application/vnd.oasis.opendocument.text");
    }
    if has(b"mimetypeapplication/vnd.oasis.opendocument.spreadsheet") {
        return Some("application/vnd.oasis.opendocument.spreadsheet");
    }
    if has(b"mimetypeapplication/vnd.oasis.opendocument.presentation") {
        return Some("application/vnd.oasis.opendocument.presentation");
    }
    if !has(b"[Content_Types].xml") {
        return None;
    }
    if has(b"word/") {
        Some("application/vnd.openxmlformats-officedocument.wordprocessingml.document")
    } else if has(b"xl/") {
        Some("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    } else if has(b"ppt/") {
        Some("application/vnd.openxmlformats-officedocument.presentationml.presentation")
    } else {
        None
    }
}

/// The media types a file name's extension promises.
fn promised(extension: &str) -> Option<&'static [&'static str]> {
    Some(match extension {
        "pdf" => &["application/pdf"],
        "png" => &["image/png"],
        "jpg" | "jpeg" => &["image/jpeg"],
        "gif" => &["image/gif"],
        "webp" => &["image/webp"],
        "txt" | "md" | "csv" => &["text/plain"],
        "docx" => &["application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
        "xlsx" => &["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
        "pptx" => &["application/vnd.openxmlformats-officedocument.presentationml.presentation"],
        "odt" => &["application/vnd.oasis.opendocument.text"],
        "ods" => &["application/vnd.oasis.opendocument.spreadsheet"],
        "odp" => &["application/vnd.oasis.opendocument.presentation"],
        _ => return None,
    })
}

/// In words, for messages.
pub fn describe(media_type: &str) -> &'static str {
    match media_type {
        "application/pdf" => "a PDF",
        "image/png" => "a PNG image",
        "image/jpeg" => "a JPEG image",
        "image/gif" => "a GIF image",
        "image/webp" => "a WebP image",
        "text/plain" => "plain text",
        m if m.contains("wordprocessingml") || m.ends_with("opendocument.text") => {
            "a text document"
        }
        m if m.contains("spreadsheet") => "a spreadsheet",
        m if m.contains("presentation") => "a presentation",
        _ => "a file of another kind",
    }
}

/// What is wrong with a file of `size` bytes, if it is over the limit: checked before the
/// file is read, so a huge file is never loaded.
pub fn too_big(file_name: &str, size: u64) -> Option<String> {
    (size > SIZE_LIMIT).then(|| {
        format!(
            "\"{file_name}\" is {:.1} MB; a work sample can be at most {} MB. Keep a shorter \
             extract or a link to where the full file lives",
            size as f64 / 1_048_576.0,
            SIZE_LIMIT / 1_048_576
        )
    })
}

/// The media type of a sample that may be kept, or what is wrong with it.
pub fn check(file_name: &str, bytes: &[u8]) -> Result<&'static str, String> {
    if let Some(message) = too_big(file_name, bytes.len() as u64) {
        return Err(message);
    }
    if bytes.is_empty() {
        return Err(format!("\"{file_name}\" is empty"));
    }
    let extension = std::path::Path::new(file_name)
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    let Some(allowed) = promised(&extension) else {
        return Err(format!(
            "\"{file_name}\": Pilotdesk keeps PDFs, images (PNG, JPEG, GIF, WebP), text and office \
             documents (DOCX, XLSX, PPTX, ODT, ODS, ODP)"
        ));
    };
    match sniff(bytes) {
        Some(found) if allowed.contains(&found) => Ok(found),
        Some(found) => Err(format!(
            "\"{file_name}\" is named .{extension} but its content is {}; rename it or choose \
             the right file",
            describe(found)
        )),
        None => Err(format!(
            "\"{file_name}\" is named .{extension} but its content is not {}",
            describe(allowed[0])
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_content_decides_not_the_name() {
        assert_eq!(check("cv.pdf", b"%PDF-1.7\n..."), Ok("application/pdf"));
        assert_eq!(
            check("notes.txt", "Kund: bra samtal\n".as_bytes()),
            Ok("text/plain")
        );
        let png = [0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0];
        let error = check("report.pdf", &png).unwrap_err();
        assert!(error.contains("its content is a PNG image"), "{error}");
        let error = check("photo.jpg", b"%PDF-1.4").unwrap_err();
        assert!(error.contains("a PDF"), "{error}");
        assert!(check("run.exe", b"MZ\x90\x00")
            .unwrap_err()
            .contains("keeps PDFs"));
        assert!(check("notes.txt", b"\x00\x01binary").is_err());
        assert!(check("empty.pdf", b"").is_err());
    }

    #[test]
    fn office_documents_are_told_apart_by_their_entries() {
        let docx = b"PK\x03\x04....[Content_Types].xml....word/document.xml";
        assert_eq!(
            check("plan.docx", docx),
            Ok("application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        );
        assert!(check("plan.xlsx", docx)
            .unwrap_err()
            .contains("a text document"));
        let odt = b"PK\x03\x04....mimetypeapplication/vnd.oasis.opendocument.text....";
        assert_eq!(
            check("plan.odt", odt),
            Ok("application/vnd.oasis.opendocument.text")
        );
    }

    #[test]
    fn over_the_limit_is_refused_with_the_size() {
        let big = vec![b'a'; (SIZE_LIMIT + 1) as usize];
        let error = check("huge.txt", &big).unwrap_err();
        assert!(
            error.contains("20.0 MB") && error.contains("at most 20 MB"),
            "{error}"
        );
    }
}
