//! Which local model may be contacted: the endpoint URL as the workspace typed it, checked
//! before anything is sent, and the addresses a checked endpoint may be reached at.
//!
//! Why plain http and no TLS: the expected model is a llama.cpp server or Ollama on this
//! computer, and both serve plain http on loopback, where there is no network for TLS to
//! protect. Supporting https would mean a TLS stack and certificate handling in the core for
//! a case the product does not want (a model elsewhere on the network), so https is refused
//! with a message rather than half-supported. A host on the network is reachable only when
//! the workspace lists it explicitly, and then it is the workspace's decision.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr, ToSocketAddrs};

const CHAT_PATH: &str = "/chat/completions";

/// A chat-completions endpoint that passed [`check`]. It can only be made by `check`, so
/// holding one means the host was loopback or explicitly allowed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoint {
    /// As written in the URL, with brackets for an IPv6 address.
    pub host: String,
    pub port: u16,
    /// The path requests are posted to; ends in /chat/completions.
    pub path: String,
    /// The full URL requests are posted to, as shown to the person before sending.
    pub url: String,
    loopback: bool,
}

impl Endpoint {
    /// Whether the host was accepted because it is this computer (rather than allowed).
    pub fn is_loopback(&self) -> bool {
        self.loopback
    }

    /// The value of the Host header.
    pub fn host_header(&self) -> String {
        if self.port == 80 {
            self.host.clone()
        } else {
            format!("{}:{}", self.host, self.port)
        }
    }
}

/// Checks an endpoint URL such as `http://127.0.0.1:8080/v1` against the rules: plain http,
/// a loopback host or one in `allowed_hosts`, no credentials or fragment. Messages suit
/// `ErrorDetail::field("endpoint", …)`.
pub fn check(url: &str, allowed_hosts: &[String]) -> Result<Endpoint, String> {
    let url = url.trim();
    if url.is_empty() {
        return Err(
            "enter the model's address, e.g. http://127.0.0.1:8080/v1 for llama.cpp or \
             http://localhost:11434/v1 for Ollama"
                .into(),
        );
    }
    let lower = url.to_ascii_lowercase();
    if lower.starts_with("https://") {
        return Err(
            "use http://, not https://: Pilotdesk talks to a model on this computer over plain \
             http, which is what llama.cpp server and Ollama serve"
                .into(),
        );
    }
    if !lower.starts_with("http://") {
        return Err("the address must start with http://, e.g. http://127.0.0.1:8080/v1".into());
    }
    let rest = &url["http://".len()..];
    if rest.contains('#') {
        return Err("remove the #fragment from the address; a model endpoint has none".into());
    }
    if rest.contains('?') {
        return Err(
            "remove the ?query from the address; chat completions are posted to a plain path"
                .into(),
        );
    }
    if let Some(bad) = rest.chars().find(|c| c.is_whitespace() || c.is_control()) {
        return Err(format!(
            "the address contains {}; remove spaces and control characters",
            describe_char(bad)
        ));
    }
    let (authority, base) = match rest.find('/') {
        Some(at) => (&rest[..at], &rest[at..]),
        None => (rest, ""),
    };
    if authority.contains('@') {
        return Err(
            "remove the user name and password (user:pass@) from the address; Pilotdesk sends \
             no credentials to the model"
                .into(),
        );
    }
    let (host, port_text) = split_authority(authority)?;
    let port = match port_text {
        None => 80,
        Some(text) => parse_port(text)?,
    };
    let loopback = is_loopback_host(&host)?;
    if !loopback && !is_allowed(&host, allowed_hosts) {
        return Err(format!(
            "the host {host} is not this computer, so Pilotdesk will not contact it; add {} to \
             the allowed hosts in Settings if it is meant",
            unbracketed(&host)
        ));
    }
    let base = base.trim_end_matches('/');
    let path = if base.ends_with(CHAT_PATH) {
        base.to_string()
    } else {
        format!("{base}{CHAT_PATH}")
    };
    let shown_port = if port == 80 {
        String::new()
    } else {
        format!(":{port}")
    };
    let url = format!("http://{host}{shown_port}{path}");
    Ok(Endpoint {
        host,
        port,
        path,
        url,
        loopback,
    })
}

/// The socket addresses to try, in order. A host accepted as this computer must resolve only
/// to loopback addresses: a `localhost` that some resolver points elsewhere is refused.
pub fn connect_addrs(endpoint: &Endpoint) -> Result<Vec<SocketAddr>, String> {
    resolve(endpoint).map_err(|refusal| refusal.message)
}

/// Why a checked endpoint cannot be reached, and whether the cause is the allow rule (as
/// opposed to the name not resolving), so the caller can say which it is.
pub(crate) struct Unreachable {
    pub message: String,
    pub not_allowed: bool,
}

pub(crate) fn resolve(endpoint: &Endpoint) -> Result<Vec<SocketAddr>, Unreachable> {
    let host = unbracketed(&endpoint.host);
    let addrs: Vec<SocketAddr> = if let Ok(ip) = host.parse::<IpAddr>() {
        vec![SocketAddr::new(ip, endpoint.port)]
    } else {
        // Why no timeout here: std resolves through the system resolver, which cannot be
        // bounded without a thread; the names that pass `check` are `localhost` or hosts
        // the workspace chose, both of which resolve locally or from its own network.
        (host, endpoint.port)
            .to_socket_addrs()
            .map_err(|error| Unreachable {
                message: format!("could not find the address of {host}: {error}"),
                not_allowed: false,
            })?
            .collect()
    };
    if addrs.is_empty() {
        return Err(Unreachable {
            message: format!("could not find the address of {host}"),
            not_allowed: false,
        });
    }
    if endpoint.loopback {
        if let Some(outside) = addrs.iter().find(|addr| !addr.ip().is_loopback()) {
            return Err(Unreachable {
                message: format!(
                    "the host {host} resolves to {}, which is not this computer, so Pilotdesk \
                     will not contact it; use 127.0.0.1 in the address",
                    outside.ip()
                ),
                not_allowed: true,
            });
        }
    }
    Ok(addrs)
}

fn split_authority(authority: &str) -> Result<(String, Option<&str>), String> {
    if authority.is_empty() {
        return Err("the address has no host; write it as http://127.0.0.1:8080/v1".into());
    }
    if let Some(inner) = authority.strip_prefix('[') {
        let Some(close) = inner.find(']') else {
            return Err("the IPv6 address in the address has no closing ]".into());
        };
        let literal = &inner[..close];
        if literal.parse::<Ipv6Addr>().is_err() {
            return Err(format!("the host [{literal}] is not an IPv6 address"));
        }
        let after = &inner[close + 1..];
        let port = match after {
            "" => None,
            _ => match after.strip_prefix(':') {
                Some(port) => Some(port),
                None => return Err(format!("unexpected \"{after}\" after [{literal}]")),
            },
        };
        return Ok((format!("[{literal}]"), port));
    }
    if authority.matches(':').count() > 1 {
        return Err("put an IPv6 address in brackets, e.g. http://[::1]:8080/v1".into());
    }
    let (host, port) = match authority.split_once(':') {
        Some((host, port)) => (host, Some(port)),
        None => (authority, None),
    };
    if host.is_empty() {
        return Err("the address has no host; write it as http://127.0.0.1:8080/v1".into());
    }
    if !host
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-')
    {
        return Err(format!("the host \"{host}\" is not a host name or address"));
    }
    Ok((host.to_string(), port))
}

fn parse_port(text: &str) -> Result<u16, String> {
    if text.is_empty() {
        return Err("the address has a colon but no port; write e.g. :8080".into());
    }
    if !text.chars().all(|c| c.is_ascii_digit()) {
        return Err(format!("the port \"{text}\" is not a number"));
    }
    match text.parse::<u16>() {
        Ok(port) if port > 0 => Ok(port),
        _ => Err(format!("the port {text} is not between 1 and 65535")),
    }
}

/// Loopback by its literal form only: names other than `localhost` could resolve anywhere.
fn is_loopback_host(host: &str) -> Result<bool, String> {
    if host.eq_ignore_ascii_case("localhost") {
        return Ok(true);
    }
    if host.starts_with('[') {
        let ip: Ipv6Addr = unbracketed(host)
            .parse()
            .map_err(|_| format!("the host {host} is not an IPv6 address"))?;
        return Ok(ip.is_loopback());
    }
    match host.parse::<Ipv4Addr>() {
        Ok(ip) => Ok(ip.is_loopback()),
        Err(_) => Ok(false),
    }
}

fn is_allowed(host: &str, allowed_hosts: &[String]) -> bool {
    let host = unbracketed(host);
    allowed_hosts
        .iter()
        .any(|allowed| unbracketed(allowed.trim()).eq_ignore_ascii_case(host))
}

fn unbracketed(host: &str) -> &str {
    host.strip_prefix('[')
        .and_then(|h| h.strip_suffix(']'))
        .unwrap_or(host)
}

fn describe_char(c: char) -> String {
    if c == ' ' {
        "a space".into()
    } else {
        format!("the character U+{:04X}", c as u32)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(url: &str) -> Endpoint {
        check(url, &[]).unwrap_or_else(|e| panic!("{url} should pass: {e}"))
    }

    fn refused(url: &str, allowed: &[&str]) -> String {
        let allowed: Vec<String> = allowed.iter().map(|s| s.to_string()).collect();
        match check(url, &allowed) {
            Ok(endpoint) => panic!("{url} should be refused, got {endpoint:?}"),
            Err(message) => message,
        }
    }

    #[test]
    fn loopback_urls_get_the_chat_path() {
        let e = ok("http://127.0.0.1:8080/v1");
        assert_eq!((e.host.as_str(), e.port), ("127.0.0.1", 8080));
        assert_eq!(e.path, "/v1/chat/completions");
        assert_eq!(e.url, "http://127.0.0.1:8080/v1/chat/completions");
        assert!(e.is_loopback());

        let e = ok("http://localhost:11434/v1/");
        assert_eq!(e.path, "/v1/chat/completions");
        assert_eq!(e.host_header(), "localhost:11434");

        let e = ok("HTTP://LocalHost/v1/chat/completions");
        assert_eq!((e.port, e.path.as_str()), (80, "/v1/chat/completions"));
        assert_eq!(e.host_header(), "LocalHost");

        let e = ok("http://127.8.9.10:9");
        assert_eq!(e.path, "/chat/completions");

        let e = ok("http://[::1]:8080/v1");
        assert_eq!(e.host, "[::1]");
        assert_eq!(e.url, "http://[::1]:8080/v1/chat/completions");
    }

    #[test]
    fn https_is_refused_with_the_reason() {
        let message = refused("https://127.0.0.1:8080/v1", &[]);
        assert!(message.contains("http://"), "{message}");
        assert!(message.contains("llama.cpp"), "{message}");
        assert!(message.starts_with(char::is_lowercase), "{message}");
    }

    #[test]
    fn other_hosts_need_to_be_allowed() {
        let message = refused("http://10.1.2.3:8080/v1", &[]);
        assert!(message.contains("10.1.2.3"), "{message}");
        assert!(message.contains("allowed hosts in Settings"), "{message}");
        assert!(message.starts_with("the host 10.1.2.3 "), "{message}");
        refused("http://model.lan:8080/v1", &["other.lan"]);
        refused("http://[fe80::1]:8080/v1", &[]);
        // A name that merely starts like localhost is not this computer.
        refused("http://localhost.evil.example/v1", &[]);
        refused("http://127.0.0.1.nip.io/v1", &[]);

        let e = check("http://Model.LAN:8080/v1", &["model.lan".into()]).unwrap();
        assert!(!e.is_loopback());
        assert_eq!(e.host, "Model.LAN");
        assert!(check("http://10.1.2.3/v1", &[" 10.1.2.3 ".into()]).is_ok());
        assert!(check("http://[fe80::1]/v1", &["fe80::1".into()]).is_ok());
        assert!(check("http://[fe80::1]/v1", &["[FE80::1]".into()]).is_ok());
    }

    #[test]
    fn malformed_addresses_are_refused_with_messages() {
        for (url, expect) in [
            ("", "enter the model's address"),
            ("127.0.0.1:8080/v1", "must start with http://"),
            ("ftp://127.0.0.1/v1", "must start with http://"),
            ("http://user:pass@127.0.0.1:8080/v1", "user:pass@"),
            ("http://127.0.0.1:8080/v1#top", "#fragment"),
            ("http://127.0.0.1:8080/v1?x=1", "?query"),
            ("http:///v1", "no host"),
            ("http://:8080/v1", "no host"),
            ("http://127.0.0.1:/v1", "no port"),
            ("http://127.0.0.1:0/v1", "between 1 and 65535"),
            ("http://127.0.0.1:65536/v1", "between 1 and 65535"),
            ("http://127.0.0.1:80a/v1", "not a number"),
            ("http://127.0.0.1:8080/v 1", "a space"),
            ("http://127.0.0.1:8080/v1\r\nX: y", "U+000D"),
            ("http://[::1/v1", "closing ]"),
            ("http://[zz::1]/v1", "not an IPv6 address"),
            ("http://::1/v1", "brackets"),
            ("http://exa_mple/v1", "not a host name"),
        ] {
            let message = refused(url, &["exa_mple"]);
            assert!(message.contains(expect), "{url}: {message}");
            assert!(message.starts_with(char::is_lowercase), "{url}: {message}");
        }
    }

    #[test]
    fn loopback_hosts_resolve_only_to_loopback() {
        let e = ok("http://127.0.0.1:8080/v1");
        assert_eq!(
            connect_addrs(&e).unwrap(),
            vec!["127.0.0.1:8080".parse().unwrap()]
        );
        let e = ok("http://[::1]:8080/v1");
        assert_eq!(
            connect_addrs(&e).unwrap(),
            vec!["[::1]:8080".parse().unwrap()]
        );
        let e = ok("http://localhost:8080/v1");
        if let Ok(addrs) = connect_addrs(&e) {
            assert!(addrs
                .iter()
                .all(|a| a.ip().is_loopback() && a.port() == 8080));
        }
    }

    #[test]
    fn a_loopback_name_resolving_elsewhere_is_refused() {
        // `check` can only mark literal loopback forms, so build the case by hand.
        let e = Endpoint {
            host: "192.0.2.7".into(),
            port: 8080,
            path: "/v1/chat/completions".into(),
            url: String::new(),
            loopback: true,
        };
        let message = connect_addrs(&e).unwrap_err();
        assert!(message.contains("not this computer"), "{message}");
    }
}
