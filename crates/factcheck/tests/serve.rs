//! `factcheck serve` end to end: the binary started on a free port, spoken to over a real TCP
//! socket with plain HTTP/1.1 requests, stopped with SIGTERM while a request is in flight.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

struct Server {
    child: Child,
    addr: String,
}

impl Server {
    fn start(extra: &[&str]) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_factcheck"))
            .args(["serve", "--addr", "127.0.0.1:0"])
            .args(extra)
            .current_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("../.."))
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the server starts");
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let addr = line
            .trim()
            .rsplit("http://")
            .next()
            .expect("the address is printed")
            .to_string();
        Server { child, addr }
    }

    fn send(&self, method: &str, path: &str, content_type: Option<&str>, body: &[u8]) -> TcpStream {
        let mut stream = TcpStream::connect(&self.addr).expect("connects");
        stream
            .set_read_timeout(Some(Duration::from_secs(60)))
            .unwrap();
        let mut head = format!(
            "{method} {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\nContent-Length: {}\r\n",
            self.addr,
            body.len()
        );
        if let Some(t) = content_type {
            head.push_str(&format!("Content-Type: {t}\r\n"));
        }
        head.push_str("\r\n");
        stream.write_all(head.as_bytes()).unwrap();
        stream.write_all(body).unwrap();
        stream
    }

    fn request(&self, method: &str, path: &str, content_type: Option<&str>, body: &[u8]) -> Answer {
        read_answer(self.send(method, path, content_type, body))
    }

    fn terminate(&mut self) {
        let status = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status()
            .unwrap();
        assert!(status.success());
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

struct Answer {
    status: u16,
    head: String,
    body: String,
}

impl Answer {
    fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("{e}: {}", self.body))
    }

    fn header(&self, name: &str) -> Option<String> {
        self.head.lines().find_map(|l| {
            let (k, v) = l.split_once(':')?;
            k.eq_ignore_ascii_case(name).then(|| v.trim().to_string())
        })
    }
}

fn read_answer(mut stream: TcpStream) -> Answer {
    let mut bytes = Vec::new();
    stream
        .read_to_end(&mut bytes)
        .expect("an answer, not a dropped connection");
    let text = String::from_utf8(bytes).expect("UTF-8");
    let (head, body) = text.split_once("\r\n\r\n").expect("head and body");
    let status = head.split(' ').nth(1).unwrap().parse().unwrap();
    let body = if head
        .to_ascii_lowercase()
        .contains("transfer-encoding: chunked")
    {
        dechunk(body)
    } else {
        body.to_string()
    };
    Answer {
        status,
        head: head.to_string(),
        body,
    }
}

fn dechunk(mut body: &str) -> String {
    let mut out = String::new();
    while let Some((size, rest)) = body.split_once("\r\n") {
        let n = usize::from_str_radix(size.trim(), 16).unwrap();
        if n == 0 {
            break;
        }
        out.push_str(&rest[..n]);
        body = &rest[n + 2..];
    }
    out
}

const DRAFT: &str = "网民留言63件（微信公众号42件，政府网13件，服务网3件，人民网9件）。\n";

#[test]
fn checks_rules_health_and_the_page() {
    let server = Server::start(&["--max-body", "4000"]);
    let health = server.request("GET", "/health", None, b"");
    assert_eq!(health.status, 200);
    assert_eq!(health.json()["status"], "ok");

    let rules = server.request("GET", "/v1/rules", None, b"");
    assert_eq!(rules.status, 200);
    assert!(rules.body.contains("\"sum-of-parts\""), "{}", rules.body);

    let page = server.request("GET", "/", None, b"");
    assert_eq!(page.status, 200);
    assert!(page.body.contains("/v1/check?output=html"));
    assert!(!page.body.contains("http://") && !page.body.contains("https://"));

    // plain text, by content type: the JSON report of the contract
    let answer = server.request(
        "POST",
        "/v1/check",
        Some("text/plain; charset=utf-8"),
        DRAFT.as_bytes(),
    );
    assert_eq!(answer.status, 200, "{}", answer.body);
    let report = answer.json();
    assert_eq!(report["schema"], "factcheck-report/1");
    assert_eq!(report["files"][0]["findings"][0]["rule"], "sum-of-parts");
    assert_eq!(report["summary"]["errors"], 1);

    // Markdown by ?format=, SARIF and HTML outputs
    let markdown = format!("# 热线\n\n{DRAFT}");
    let answer = server.request(
        "POST",
        "/v1/check?format=md&output=sarif",
        Some("application/octet-stream"),
        markdown.as_bytes(),
    );
    assert_eq!(answer.status, 200, "{}", answer.body);
    let sarif = answer.json();
    assert_eq!(sarif["runs"][0]["results"][0]["ruleId"], "sum-of-parts");
    assert_eq!(
        sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"],
        3
    );
    let answer = server.request(
        "POST",
        "/v1/check?output=html",
        Some("text/plain"),
        DRAFT.as_bytes(),
    );
    assert_eq!(answer.status, 200);
    assert!(answer
        .header("content-type")
        .unwrap()
        .starts_with("text/html"));
    assert!(answer.body.contains("<li class=\"finding error\""));

    // a .docx, by its content type: read as its paragraphs
    let mut docx = std::io::Cursor::new(Vec::new());
    let mut archive = zip::ZipWriter::new(&mut docx);
    let options = zip::write::SimpleFileOptions::default();
    archive.start_file("word/document.xml", options).unwrap();
    let body = format!(
        "<w:document><w:body><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:body></w:document>",
        DRAFT.trim()
    );
    archive.write_all(body.as_bytes()).unwrap();
    archive.finish().unwrap();
    let answer = server.request(
        "POST",
        "/v1/check",
        Some("application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        docx.get_ref(),
    );
    assert_eq!(answer.status, 200, "{}", answer.body);
    assert_eq!(
        answer.json()["files"][0]["findings"][0]["rule"],
        "sum-of-parts"
    );

    // bad requests: JSON errors with the right status, never a dropped connection
    let bad = server.request("POST", "/v1/check", Some("image/png"), b"\x89PNG");
    assert_eq!(bad.status, 415);
    assert!(bad.json()["error"].as_str().unwrap().contains("image/png"));
    let bad = server.request("POST", "/v1/check?format=pdf", None, DRAFT.as_bytes());
    assert_eq!(bad.status, 415);
    let bad = server.request("POST", "/v1/check", Some("text/plain"), b"");
    assert_eq!(bad.status, 400);
    assert!(bad.json()["error"].is_string());
    let bad = server.request(
        "POST",
        "/v1/check?output=pdf",
        Some("text/plain"),
        DRAFT.as_bytes(),
    );
    assert_eq!(bad.status, 400);
    let bad = server.request("POST", "/v1/check?format=docx", None, b"not a zip file");
    assert_eq!(bad.status, 400, "{}", bad.body);
    assert!(bad.json()["error"].is_string());
    let big = DRAFT.repeat(60); // over 4000 bytes
    let bad = server.request("POST", "/v1/check", Some("text/plain"), big.as_bytes());
    assert_eq!(bad.status, 413, "{}", bad.body);
    assert!(bad.json()["error"].is_string());
    let bad = server.request("GET", "/v2/nothing", None, b"");
    assert_eq!(bad.status, 404);
    assert!(bad.json()["error"].is_string());
}

#[test]
fn sigterm_lets_the_request_in_flight_finish() {
    let mut server = Server::start(&[]);
    // a draft that takes a while to check
    let long = DRAFT.repeat(4000);
    let stream = server.send("POST", "/v1/check", Some("text/plain"), long.as_bytes());
    std::thread::sleep(Duration::from_millis(300));
    server.terminate();
    let answer = read_answer(stream);
    assert_eq!(answer.status, 200);
    // a story reports its first 64 contradictions (the engine's bound on restarts per story)
    let errors = answer.json()["summary"]["errors"].as_u64().unwrap();
    assert!(errors >= 64, "{errors}");
    // and the server stops, successfully
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        if let Some(status) = server.child.try_wait().unwrap() {
            assert!(status.success(), "{status:?}");
            break;
        }
        assert!(Instant::now() < deadline, "the server did not stop");
        std::thread::sleep(Duration::from_millis(50));
    }
    // no longer listening
    assert!(TcpStream::connect(&server.addr).is_err());
}

#[test]
fn a_bad_rule_pack_stops_the_server_at_start() {
    let dir = std::env::temp_dir().join(format!("factcheck-serve-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let pack = dir.join("bad.yaml");
    std::fs::write(&pack, "rules:\n  - id: x\n    nonsense: 1\n").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_factcheck"))
        .args([
            "serve",
            "--addr",
            "127.0.0.1:0",
            "--rules",
            pack.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("bad.yaml:"));
    std::fs::remove_dir_all(&dir).ok();
}
