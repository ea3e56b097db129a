//! A chat-completions server on this computer for the agenda tests: it answers every
//! request the way it is told (at once, late, or with a broken reply) and records the raw
//! requests, so a test can read exactly what left the app.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

type Requests = Arc<Mutex<Vec<String>>>;

/// What a test server does once it has read a request.
#[derive(Clone)]
pub enum Behaviour {
    Reply(Vec<u8>),
    /// Waits this long before replying: longer than the client's timeout.
    Slow(Duration, Vec<u8>),
}

pub struct Server {
    pub addr: SocketAddr,
    requests: Requests,
}

impl Server {
    pub fn start(behaviour: Behaviour) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("a loopback port");
        Server::on(listener, behaviour)
    }

    /// Serves on a listener the test already holds; every connection gets `behaviour`.
    pub fn on(listener: TcpListener, behaviour: Behaviour) -> Server {
        let addr = listener.local_addr().unwrap();
        let requests: Requests = Arc::default();
        let recorded = requests.clone();
        thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(mut stream) = stream else { continue };
                let request = read_request(&mut stream);
                recorded.lock().unwrap().push(request);
                let reply = match &behaviour {
                    Behaviour::Reply(reply) => reply.clone(),
                    Behaviour::Slow(wait, reply) => {
                        thread::sleep(*wait);
                        reply.clone()
                    }
                };
                // The client may have given up; that is the point of some tests.
                let _ = stream.write_all(&reply);
                let _ = stream.flush();
            }
        });
        Server { addr, requests }
    }

    /// The base URL a workspace would be given for this server.
    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}/v1", self.addr.port())
    }

    pub fn requests(&self) -> Vec<String> {
        self.requests.lock().unwrap().clone()
    }
}

pub fn read_request(stream: &mut TcpStream) -> String {
    stream
        .set_read_timeout(Some(Duration::from_secs(5)))
        .unwrap();
    let mut raw = Vec::new();
    let mut chunk = [0u8; 4096];
    loop {
        if let Some(head_end) = raw.windows(4).position(|w| w == b"\r\n\r\n") {
            let head = String::from_utf8_lossy(&raw[..head_end]).to_ascii_lowercase();
            let length = head
                .lines()
                .find_map(|line| line.strip_prefix("content-length:"))
                .map_or(0, |value| value.trim().parse::<usize>().unwrap());
            if raw.len() >= head_end + 4 + length {
                break;
            }
        }
        match stream.read(&mut chunk) {
            Ok(0) | Err(_) => break,
            Ok(n) => raw.extend_from_slice(&chunk[..n]),
        }
    }
    String::from_utf8(raw).expect("requests are UTF-8")
}

pub fn completion(content: &str) -> String {
    serde_json::json!({
        "id": "chatcmpl-test",
        "object": "chat.completion",
        "model": "test-model",
        "choices": [{
            "index": 0,
            "message": {"role": "assistant", "content": content},
            "finish_reason": "stop"
        }],
        "usage": {"prompt_tokens": 100, "completion_tokens": 80, "total_tokens": 180}
    })
    .to_string()
}

pub fn sized(status: &str, body: &str) -> Vec<u8> {
    format!(
        "HTTP/1.1 {status}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\
         Connection: close\r\n\r\n{body}",
        body.len()
    )
    .into_bytes()
}
