//! Just enough HTTP/1.1 to post one JSON request to a model on this computer and read its
//! answer, over std's TcpStream.
//!
//! Why hand-written rather than an HTTP crate: the core needs one POST to a checked
//! address, and a general client would bring proxies (read from the environment), redirects
//! and TLS, each of which could carry a request somewhere `endpoint::check` never saw. Here
//! the only address ever dialled is one `connect_addrs` returned, redirects are refused,
//! and no environment is read.

use std::fmt;
use std::io::{ErrorKind, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::{Duration, Instant};

use super::endpoint::{connect_addrs, Endpoint};

/// An agenda is a few hundred bytes; anything near this is not an answer to our question.
pub const MAX_RESPONSE_BYTES: usize = 2 * 1024 * 1024;
const MAX_HEAD_BYTES: usize = 64 * 1024;
const MAX_LINE_BYTES: usize = 16 * 1024;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpReply {
    pub status: u16,
    pub body: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HttpFailure {
    /// The whole exchange took longer than this.
    TimedOut(Duration),
    /// No connection could be made.
    Refused(String),
    /// Connected, but what came back is not an HTTP answer Pilotdesk reads.
    Protocol(String),
}

impl fmt::Display for HttpFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            HttpFailure::TimedOut(timeout) => write!(
                f,
                "the local model did not answer within {}",
                describe_duration(*timeout)
            ),
            HttpFailure::Refused(message) | HttpFailure::Protocol(message) => f.write_str(message),
        }
    }
}

impl std::error::Error for HttpFailure {}

/// "20 s", "1.5 s", "250 ms".
pub fn describe_duration(duration: Duration) -> String {
    if duration.subsec_nanos() == 0 {
        format!("{} s", duration.as_secs())
    } else if duration < Duration::from_secs(1) {
        format!("{} ms", duration.as_millis())
    } else {
        format!("{:.1} s", duration.as_secs_f64())
    }
}

/// Posts `body` as JSON to a checked endpoint and reads the answer. `timeout` bounds the
/// whole exchange (connect, send, receive), not each step. A 3xx is a failure: redirects are
/// never followed. Other statuses are returned for the caller to judge.
pub fn post_json(
    endpoint: &Endpoint,
    body: &str,
    timeout: Duration,
) -> Result<HttpReply, HttpFailure> {
    let addrs = connect_addrs(endpoint).map_err(HttpFailure::Refused)?;
    post_json_to(endpoint, &addrs, body, timeout)
}

/// As `post_json`, to addresses already resolved by `endpoint::resolve`.
pub(crate) fn post_json_to(
    endpoint: &Endpoint,
    addrs: &[SocketAddr],
    body: &str,
    timeout: Duration,
) -> Result<HttpReply, HttpFailure> {
    let deadline = Deadline {
        at: Instant::now() + timeout,
        timeout,
    };
    let mut stream = connect(addrs, &deadline)?;
    let _ = stream.set_nodelay(true);
    let request = format!(
        "POST {} HTTP/1.1\r\nHost: {}\r\nContent-Type: application/json\r\n\
         Accept: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\
         User-Agent: Pilotdesk\r\n\r\n",
        endpoint.path,
        endpoint.host_header(),
        body.len()
    );
    send(&mut stream, request.as_bytes(), &deadline)?;
    send(&mut stream, body.as_bytes(), &deadline)?;
    let mut reader = Reader {
        stream: &mut stream,
        deadline: &deadline,
        buf: Vec::new(),
        pos: 0,
        received: 0,
    };
    read_reply(&mut reader)
}

struct Deadline {
    at: Instant,
    timeout: Duration,
}

impl Deadline {
    /// The time left, never zero: std refuses a zero timeout, and none left means failure.
    fn remaining(&self) -> Result<Duration, HttpFailure> {
        let left = self.at.saturating_duration_since(Instant::now());
        if left.is_zero() {
            Err(self.timed_out())
        } else {
            Ok(left)
        }
    }

    fn timed_out(&self) -> HttpFailure {
        HttpFailure::TimedOut(self.timeout)
    }
}

fn is_timeout(error: &std::io::Error) -> bool {
    matches!(error.kind(), ErrorKind::TimedOut | ErrorKind::WouldBlock)
}

fn connect(addrs: &[SocketAddr], deadline: &Deadline) -> Result<TcpStream, HttpFailure> {
    let mut last_error = None;
    for addr in addrs {
        match TcpStream::connect_timeout(addr, deadline.remaining()?) {
            Ok(stream) => return Ok(stream),
            Err(error) if is_timeout(&error) => return Err(deadline.timed_out()),
            Err(error) => last_error = Some((addr, error)),
        }
    }
    Err(HttpFailure::Refused(match last_error {
        Some((addr, error)) if error.kind() == ErrorKind::ConnectionRefused => format!(
            "nothing is listening at {addr} (connection refused); is the model server running?"
        ),
        Some((addr, error)) => format!("could not connect to {addr}: {error}"),
        None => "the endpoint has no address to connect to".into(),
    }))
}

fn send(stream: &mut TcpStream, mut bytes: &[u8], deadline: &Deadline) -> Result<(), HttpFailure> {
    while !bytes.is_empty() {
        stream
            .set_write_timeout(Some(deadline.remaining()?))
            .map_err(|e| HttpFailure::Protocol(format!("could not send the request: {e}")))?;
        match stream.write(bytes) {
            Ok(0) => {
                return Err(HttpFailure::Protocol(
                    "the model server closed the connection while the request was being sent"
                        .into(),
                ))
            }
            Ok(n) => bytes = &bytes[n..],
            Err(error) if error.kind() == ErrorKind::Interrupted => {}
            Err(error) if is_timeout(&error) => return Err(deadline.timed_out()),
            Err(error) => {
                return Err(HttpFailure::Protocol(format!(
                    "the connection broke while the request was being sent: {error}"
                )))
            }
        }
    }
    Ok(())
}

/// Reads from the stream with whatever time is left before each read.
struct Reader<'a> {
    stream: &'a mut TcpStream,
    deadline: &'a Deadline,
    buf: Vec<u8>,
    pos: usize,
    received: usize,
}

impl Reader<'_> {
    fn buffered(&self) -> &[u8] {
        &self.buf[self.pos..]
    }

    /// Reads once more; false at the end of the stream.
    fn fill(&mut self) -> Result<bool, HttpFailure> {
        if self.pos > 0 {
            self.buf.drain(..self.pos);
            self.pos = 0;
        }
        let mut chunk = [0u8; 16 * 1024];
        loop {
            self.stream
                .set_read_timeout(Some(self.deadline.remaining()?))
                .map_err(|e| HttpFailure::Protocol(format!("could not read the answer: {e}")))?;
            match self.stream.read(&mut chunk) {
                Ok(0) => return Ok(false),
                Ok(n) => {
                    self.received += n;
                    if self.received > MAX_RESPONSE_BYTES + MAX_HEAD_BYTES {
                        return Err(too_large());
                    }
                    self.buf.extend_from_slice(&chunk[..n]);
                    return Ok(true);
                }
                Err(error) if error.kind() == ErrorKind::Interrupted => {}
                Err(error) if is_timeout(&error) => return Err(self.deadline.timed_out()),
                Err(error) => {
                    return Err(HttpFailure::Protocol(format!(
                        "the connection broke while the answer was being read: {error}"
                    )))
                }
            }
        }
    }

    /// One line without its CRLF (or bare LF).
    fn line(&mut self, what: &str) -> Result<String, HttpFailure> {
        let mut searched = 0;
        loop {
            if let Some(at) = self.buffered()[searched..].iter().position(|&b| b == b'\n') {
                let end = searched + at;
                let mut line = &self.buffered()[..end];
                if line.last() == Some(&b'\r') {
                    line = &line[..line.len() - 1];
                }
                let line = String::from_utf8_lossy(line).into_owned();
                self.pos += end + 1;
                return Ok(line);
            }
            searched = self.buffered().len();
            if searched > MAX_LINE_BYTES {
                return Err(HttpFailure::Protocol(format!(
                    "a line of the answer's {what} is longer than {} KiB",
                    MAX_LINE_BYTES / 1024
                )));
            }
            if !self.fill()? {
                return Err(HttpFailure::Protocol(format!(
                    "the model server closed the connection in the middle of the answer's {what}"
                )));
            }
        }
    }

    fn take(&mut self, n: usize) -> Result<Vec<u8>, HttpFailure> {
        while self.buffered().len() < n {
            if !self.fill()? {
                return Err(HttpFailure::Protocol(format!(
                    "the model server closed the connection after {} of the {n} bytes it announced",
                    self.buffered().len()
                )));
            }
        }
        let bytes = self.buffered()[..n].to_vec();
        self.pos += n;
        Ok(bytes)
    }

    fn until_closed(&mut self) -> Result<Vec<u8>, HttpFailure> {
        while self.fill()? {
            if self.buffered().len() > MAX_RESPONSE_BYTES {
                return Err(too_large());
            }
        }
        let bytes = self.buffered().to_vec();
        self.pos = self.buf.len();
        Ok(bytes)
    }
}

fn too_large() -> HttpFailure {
    HttpFailure::Protocol(format!(
        "the answer is larger than {} MiB, far more than an agenda; it was not read",
        MAX_RESPONSE_BYTES / (1024 * 1024)
    ))
}

struct Head {
    status: u16,
    headers: Vec<(String, String)>,
}

impl Head {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    }
}

fn read_head(reader: &mut Reader) -> Result<Head, HttpFailure> {
    let status_line = reader.line("status line")?;
    let status = parse_status_line(&status_line)?;
    let mut headers: Vec<(String, String)> = Vec::new();
    let mut head_bytes = status_line.len();
    loop {
        let line = reader.line("headers")?;
        if line.is_empty() {
            break;
        }
        head_bytes += line.len() + 2;
        if head_bytes > MAX_HEAD_BYTES {
            return Err(HttpFailure::Protocol(format!(
                "the answer's headers are longer than {} KiB",
                MAX_HEAD_BYTES / 1024
            )));
        }
        if line.starts_with([' ', '\t']) {
            // An obsolete folded header continues the previous one.
            match headers.last_mut() {
                Some((_, value)) => {
                    value.push(' ');
                    value.push_str(line.trim());
                }
                None => return Err(bad_header(&line)),
            }
            continue;
        }
        let (name, value) = line.split_once(':').ok_or_else(|| bad_header(&line))?;
        headers.push((name.trim().to_ascii_lowercase(), value.trim().to_string()));
    }
    Ok(Head { status, headers })
}

fn bad_header(line: &str) -> HttpFailure {
    HttpFailure::Protocol(format!(
        "the answer has a header line Pilotdesk cannot read: \"{}\"",
        shorten(line, 80)
    ))
}

fn parse_status_line(line: &str) -> Result<u16, HttpFailure> {
    let not_http = || {
        HttpFailure::Protocol(format!(
            "the server did not answer in HTTP; it began \"{}\"",
            shorten(line, 60)
        ))
    };
    let mut parts = line.splitn(3, ' ');
    let version = parts.next().unwrap_or_default();
    if !version.starts_with("HTTP/1.") {
        return Err(not_http());
    }
    let code = parts.next().unwrap_or_default();
    if code.len() != 3 || !code.bytes().all(|b| b.is_ascii_digit()) {
        return Err(not_http());
    }
    code.parse().map_err(|_| not_http())
}

fn read_reply(reader: &mut Reader) -> Result<HttpReply, HttpFailure> {
    let head = loop {
        let head = read_head(reader)?;
        match head.status {
            // Interim answers ("100 Continue") come before the real one.
            100 | 102..=199 => continue,
            101 => {
                return Err(HttpFailure::Protocol(
                    "the model server wanted to switch protocols (HTTP 101)".into(),
                ))
            }
            _ => break head,
        }
    };
    if (300..400).contains(&head.status) {
        let target = head
            .header("location")
            .map(|to| format!(" to {}", shorten(to, 120)))
            .unwrap_or_default();
        return Err(HttpFailure::Protocol(format!(
            "the model server answered HTTP {} (a redirect{target}); Pilotdesk does not follow \
             redirects, so put the final address in Settings",
            head.status
        )));
    }
    if let Some(coding) = head.content_coding() {
        return Err(HttpFailure::Protocol(format!(
            "the model server sent the answer compressed ({coding}), which was not asked for"
        )));
    }
    let body = if head.status == 204 || head.status == 304 {
        Vec::new()
    } else if let Some(coding) = head.header("transfer-encoding") {
        if !coding.trim().eq_ignore_ascii_case("chunked") {
            return Err(HttpFailure::Protocol(format!(
                "the model server sent the answer with transfer-encoding \"{coding}\", which \
                 Pilotdesk does not read"
            )));
        }
        read_chunked(reader)?
    } else if let Some(length) = head.content_length()? {
        if length > MAX_RESPONSE_BYTES {
            return Err(too_large());
        }
        reader.take(length)?
    } else {
        reader.until_closed()?
    };
    Ok(HttpReply {
        status: head.status,
        body: String::from_utf8_lossy(&body).into_owned(),
    })
}

impl Head {
    fn content_length(&self) -> Result<Option<usize>, HttpFailure> {
        let mut length = None;
        for (name, value) in &self.headers {
            if name != "content-length" {
                continue;
            }
            let parsed = value.parse::<usize>().map_err(|_| {
                HttpFailure::Protocol(format!(
                    "the answer's Content-Length \"{}\" is not a number",
                    shorten(value, 40)
                ))
            })?;
            if length.is_some_and(|seen| seen != parsed) {
                return Err(HttpFailure::Protocol(
                    "the answer gives two different Content-Lengths".into(),
                ));
            }
            length = Some(parsed);
        }
        Ok(length)
    }

    fn content_coding(&self) -> Option<&str> {
        self.header("content-encoding")
            .filter(|coding| !coding.trim().eq_ignore_ascii_case("identity"))
    }
}

fn read_chunked(reader: &mut Reader) -> Result<Vec<u8>, HttpFailure> {
    let mut body = Vec::new();
    loop {
        let line = reader.line("chunk sizes")?;
        let size_text = line.split(';').next().unwrap_or_default().trim();
        let size = usize::from_str_radix(size_text, 16)
            .ok()
            .filter(|_| !size_text.is_empty() && size_text.len() <= 16)
            .ok_or_else(|| {
                HttpFailure::Protocol(format!(
                    "a chunk size in the answer is not a hexadecimal number: \"{}\"",
                    shorten(&line, 40)
                ))
            })?;
        if size == 0 {
            // Trailers, if any, end with an empty line.
            while !reader.line("trailers")?.is_empty() {}
            return Ok(body);
        }
        if size > MAX_RESPONSE_BYTES - body.len() {
            return Err(too_large());
        }
        body.extend(reader.take(size)?);
        if !reader.line("chunks")?.is_empty() {
            return Err(HttpFailure::Protocol(
                "a chunk of the answer does not end where its size says".into(),
            ));
        }
    }
}

pub(crate) fn shorten(text: &str, max_chars: usize) -> String {
    let mut chars = text.chars();
    let short: String = chars.by_ref().take(max_chars).collect();
    if chars.next().is_some() {
        format!("{short}…")
    } else {
        short
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_naturally() {
        assert_eq!(describe_duration(Duration::from_secs(20)), "20 s");
        assert_eq!(describe_duration(Duration::from_millis(1500)), "1.5 s");
        assert_eq!(describe_duration(Duration::from_millis(250)), "250 ms");
        assert_eq!(
            HttpFailure::TimedOut(Duration::from_secs(20)).to_string(),
            "the local model did not answer within 20 s"
        );
    }

    #[test]
    fn status_lines() {
        assert_eq!(parse_status_line("HTTP/1.1 200 OK").unwrap(), 200);
        assert_eq!(parse_status_line("HTTP/1.0 503").unwrap(), 503);
        let failure = parse_status_line("SSH-2.0-OpenSSH_9.6").unwrap_err();
        assert!(
            failure.to_string().contains("did not answer in HTTP"),
            "{failure}"
        );
        assert!(parse_status_line("HTTP/1.1 20 OK").is_err());
    }

    #[test]
    fn shorten_marks_what_it_cut() {
        assert_eq!(shorten("abc", 5), "abc");
        assert_eq!(shorten("abcdef", 3), "abc…");
    }
}
