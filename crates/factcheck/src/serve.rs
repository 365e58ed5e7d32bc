//! `factcheck serve`: the checker over HTTP, for a CMS and for editors without a terminal.
//!
//! - `POST /v1/check` takes a draft (plain text, Markdown, HTML or .docx, from `?format=` or the
//!   content type) and answers the JSON report (`?output=html|sarif` for those formats);
//! - `GET /v1/rules` lists the rules, `GET /health` says the server is up, `GET /` is a page where
//!   a draft is pasted or dropped and its HTML report shown.
//!
//! Rules and configuration load once, at start. Limits: the body size (413), the time per request
//! (503), and the requests in flight: as many as `--max-in-flight` are checked at once, up to
//! `--queue` more wait, and beyond that the answer is 503 with `Retry-After`. Errors are JSON
//! (`{"error": …}`). SIGTERM or Ctrl-C stops accepting and lets the requests in flight finish.

use crate::Checker;
use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, QueryRejection};
use axum::extract::{DefaultBodyLimit, Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use factcheck_report::{html, json, sarif, Report};
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Semaphore;

#[derive(Debug, Clone, clap::Args)]
pub struct ServeArgs {
    /// The address to listen on (port 0: any free port, printed at start).
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub addr: String,
    /// Rule packs (YAML files or folders) to add to the built-in rules.
    #[arg(long, value_name = "PATH")]
    pub rules: Vec<PathBuf>,
    /// The configuration file [default: the nearest factcheck.yaml above the current folder].
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// The largest draft accepted, in bytes (larger: 413).
    #[arg(long, default_value_t = 10 * 1024 * 1024, value_name = "BYTES")]
    pub max_body: usize,
    /// Seconds a request may take, waiting included (longer: 503).
    #[arg(long, default_value_t = 30, value_name = "SECONDS")]
    pub timeout: u64,
    /// Drafts checked at once [default: the number of cores].
    #[arg(long, value_name = "N")]
    pub max_in_flight: Option<usize>,
    /// Requests waiting for a free slot before 503 with Retry-After [default: 4 per slot].
    #[arg(long, value_name = "N")]
    pub queue: Option<usize>,
}

/// At most `slots` at once, at most `queue` waiting; the rest turned away.
pub struct Limiter {
    slots: Arc<Semaphore>,
    waiting: AtomicUsize,
    queue: usize,
}

/// Why a request was not let in.
#[derive(Debug, PartialEq, Eq)]
pub enum Refused {
    /// Every slot busy and the queue full.
    Busy,
}

impl Limiter {
    pub fn new(slots: usize, queue: usize) -> Limiter {
        Limiter {
            slots: Arc::new(Semaphore::new(slots.max(1))),
            waiting: AtomicUsize::new(0),
            queue,
        }
    }

    /// A slot, at once if one is free, else after waiting in the queue if it has room.
    pub async fn enter(&self) -> Result<tokio::sync::OwnedSemaphorePermit, Refused> {
        if let Ok(permit) = self.slots.clone().try_acquire_owned() {
            return Ok(permit);
        }
        let before = self.waiting.fetch_add(1, Ordering::SeqCst);
        if before >= self.queue {
            self.waiting.fetch_sub(1, Ordering::SeqCst);
            return Err(Refused::Busy);
        }
        let permit = self.slots.clone().acquire_owned().await;
        self.waiting.fetch_sub(1, Ordering::SeqCst);
        permit.map_err(|_| Refused::Busy)
    }
}

struct App {
    checker: Checker,
    limiter: Limiter,
    timeout: Duration,
    rules_json: String,
}

type Shared = Arc<App>;

fn error(status: StatusCode, message: impl Into<String>) -> Response {
    let body = serde_json::json!({ "error": message.into() }).to_string();
    let mut response = (status, [(header::CONTENT_TYPE, "application/json")], body).into_response();
    if status == StatusCode::SERVICE_UNAVAILABLE {
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
    }
    response
}

/// The draft's kind as the file name the checker reads it by: `?format=`, else the content type;
/// an unknown one is the message of a 415.
fn draft_name(
    query: &HashMap<String, String>,
    headers: &HeaderMap,
) -> Result<&'static str, String> {
    let by_format = |f: &str| match f.to_ascii_lowercase().as_str() {
        "txt" | "text" | "plain" => Some("draft.txt"),
        "md" | "markdown" => Some("draft.md"),
        "html" | "htm" => Some("draft.html"),
        "docx" => Some("draft.docx"),
        _ => None,
    };
    if let Some(format) = query.get("format") {
        return by_format(format)
            .ok_or_else(|| format!("unknown format `{format}` (txt, md, html or docx)"));
    }
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("text/plain");
    let essence = content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    match essence.as_str() {
        "text/plain" | "" => Ok("draft.txt"),
        "text/markdown" | "text/x-markdown" => Ok("draft.md"),
        "text/html" => Ok("draft.html"),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document" => {
            Ok("draft.docx")
        }
        _ => Err(format!("unsupported content type `{content_type}` (text/plain, text/markdown, text/html or a .docx; or ?format=)")),
    }
}

async fn check(
    State(app): State<Shared>,
    query: Result<Query<HashMap<String, String>>, QueryRejection>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    // axum's own rejections (a body over the limit: 413) answered in JSON too
    let query = match query {
        Ok(Query(query)) => query,
        Err(r) => return error(r.status(), r.body_text()),
    };
    let body = match body {
        Ok(body) => body,
        Err(r) => return error(r.status(), r.body_text()),
    };
    let name = match draft_name(&query, &headers) {
        Ok(name) => name,
        Err(message) => return error(StatusCode::UNSUPPORTED_MEDIA_TYPE, message),
    };
    let output = query.get("output").map(String::as_str).unwrap_or("json");
    if !matches!(output, "json" | "html" | "sarif") {
        return error(
            StatusCode::BAD_REQUEST,
            format!("unknown output `{output}` (json, html or sarif)"),
        );
    }
    if body.is_empty() {
        return error(StatusCode::BAD_REQUEST, "the body is empty: send the draft");
    }
    let work = async {
        let permit = app.limiter.enter().await?;
        let checker = app.checker.clone();
        let report = tokio::task::spawn_blocking(move || {
            let _permit = permit; // the slot stays taken while the check runs, even past a timeout
            checker.check(name, &body[..])
        })
        .await
        .map_err(|_| Refused::Busy)?;
        Ok::<_, Refused>(report)
    };
    let file = match tokio::time::timeout(app.timeout, work).await {
        Err(_) => {
            return error(
                StatusCode::SERVICE_UNAVAILABLE,
                format!("the check took longer than {} s", app.timeout.as_secs()),
            )
        }
        Ok(Err(Refused::Busy)) => {
            return error(
                StatusCode::SERVICE_UNAVAILABLE,
                "busy: every slot and the queue are taken, retry later",
            )
        }
        Ok(Ok(file)) => file,
    };
    if let Some(e) = &file.error {
        let mut body = serde_json::json!({ "error": e.message });
        if let (Some(l), Some(c)) = (e.line, e.column) {
            body["line"] = l.into();
            body["column"] = c.into();
        }
        return (
            StatusCode::BAD_REQUEST,
            [(header::CONTENT_TYPE, "application/json")],
            body.to_string(),
        )
            .into_response();
    }
    let report = Report::new(vec![file]);
    let (content_type, text) = match output {
        "html" => ("text/html; charset=utf-8", html::render(&report)),
        "sarif" => ("application/sarif+json", sarif::render(&report)),
        _ => ("application/json", json::render(&report)),
    };
    ([(header::CONTENT_TYPE, content_type)], text).into_response()
}

async fn rules(State(app): State<Shared>) -> Response {
    (
        [(header::CONTENT_TYPE, "application/json")],
        app.rules_json.clone(),
    )
        .into_response()
}

async fn health() -> Response {
    (
        [(header::CONTENT_TYPE, "application/json")],
        "{\"status\":\"ok\"}",
    )
        .into_response()
}

async fn page() -> Response {
    ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], PAGE).into_response()
}

async fn not_found() -> Response {
    error(
        StatusCode::NOT_FOUND,
        "no such endpoint (POST /v1/check, GET /v1/rules, GET /health, GET /)",
    )
}

/// The service, for a checker and limits.
fn router(app: Shared, max_body: usize) -> Router {
    Router::new()
        .route("/", get(page))
        .route("/health", get(health))
        .route("/v1/rules", get(rules))
        .route("/v1/check", post(check))
        .fallback(not_found)
        .layer(DefaultBodyLimit::max(max_body))
        .with_state(app)
}

/// Loads the rules and configuration, then serves until SIGTERM or Ctrl-C.
pub fn run(args: ServeArgs) -> std::process::ExitCode {
    use std::process::ExitCode;
    let start = std::env::current_dir().unwrap_or_default();
    let loaded = match crate::config::load(args.config.as_deref(), &start) {
        Ok(loaded) => loaded,
        Err(message) => {
            eprintln!("error: {message}");
            return ExitCode::from(2);
        }
    };
    let mut packs = args.rules.clone();
    packs.extend(loaded.config.rules.iter().map(|p| loaded.resolve(p)));
    // the same guard as the command line: a pack of aliases must not expand in the server
    if let Err(message) = crate::yaml_guard::check_packs(&packs) {
        eprintln!("error: {message}");
        return ExitCode::from(2);
    }
    let checker = match Checker::with_rules_and_selection(&packs, loaded.selection_pack()) {
        Ok(checker) => checker,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
    let slots = args.max_in_flight.unwrap_or(cores).max(1);
    let app = Arc::new(App {
        rules_json: crate::rules_cmd::list_json(checker.rules()),
        checker,
        limiter: Limiter::new(slots, args.queue.unwrap_or(4 * slots)),
        timeout: Duration::from_secs(args.timeout.max(1)),
    });
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .max_blocking_threads(slots)
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("error: cannot start: {e}");
            return ExitCode::from(2);
        }
    };
    runtime.block_on(async move {
        let listener = match tokio::net::TcpListener::bind(&args.addr).await {
            Ok(listener) => listener,
            Err(e) => {
                eprintln!("error: cannot listen on {}: {e}", args.addr);
                return ExitCode::from(2);
            }
        };
        let bound = listener
            .local_addr()
            .map(|a| a.to_string())
            .unwrap_or(args.addr.clone());
        println!("factcheck serve: listening on http://{bound}");
        let service = router(app, args.max_body);
        match axum::serve(listener, service)
            .with_graceful_shutdown(shutdown())
            .await
        {
            Ok(()) => {
                eprintln!("factcheck serve: stopped");
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("error: {e}");
                ExitCode::from(2)
            }
        }
    })
}

/// Resolves on SIGTERM or Ctrl-C.
async fn shutdown() {
    let notify = Arc::new(tokio::sync::Notify::new());
    let on_ctrl_c = notify.clone();
    tokio::spawn(async move {
        if tokio::signal::ctrl_c().await.is_ok() {
            on_ctrl_c.notify_one();
        }
    });
    #[cfg(unix)]
    {
        let on_term = notify.clone();
        if let Ok(mut term) =
            tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            tokio::spawn(async move {
                term.recv().await;
                on_term.notify_one();
            });
        }
    }
    notify.notified().await;
}

/// The editor's page: paste or drop a draft, see its HTML report. Talks to this server only.
const PAGE: &str = r#"<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8"/>
<meta name="viewport" content="width=device-width, initial-scale=1"/>
<title>factcheck</title>
<style>
body { margin: 0; font: 15px/1.6 "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; background: #f6f7f9; color: #1d232b; }
header { padding: 12px 24px; background: #1d232b; color: #fff; }
main { padding: 16px 24px; }
textarea { width: 100%; height: 12em; font: inherit; box-sizing: border-box; }
#drop { border: 2px dashed #90b8e0; padding: 10px; margin: 8px 0; text-align: center; color: #555; }
#drop.over { background: #e3f0fb; }
iframe { width: 100%; height: 75vh; border: 1px solid #d0d4da; background: #fff; margin-top: 12px; }
#status { margin-left: 12px; color: #555; }
</style>
</head>
<body>
<header><strong>factcheck</strong> 粘贴稿件，或把 .txt / .md / .html / .docx 文件拖到下面</header>
<main>
<textarea id="text" placeholder="在这里粘贴稿件"></textarea>
<div id="drop">拖放文件到这里</div>
<button id="go">核对</button><span id="status"></span>
<iframe id="report" title="报告"></iframe>
</main>
<script>
const types = { txt: "text/plain", md: "text/markdown", markdown: "text/markdown", html: "text/html", htm: "text/html",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" };
async function check(body, type) {
  const status = document.getElementById("status");
  status.textContent = "核对中…";
  const response = await fetch("/v1/check?output=html", { method: "POST", headers: { "Content-Type": type }, body });
  if (response.ok) {
    document.getElementById("report").srcdoc = await response.text();
    status.textContent = "";
  } else {
    const problem = await response.json().catch(() => ({ error: response.statusText }));
    status.textContent = "出错了（" + response.status + "）：" + problem.error;
  }
}
document.getElementById("go").addEventListener("click", () =>
  check(document.getElementById("text").value, "text/plain; charset=utf-8"));
const drop = document.getElementById("drop");
drop.addEventListener("dragover", (e) => { e.preventDefault(); drop.classList.add("over"); });
drop.addEventListener("dragleave", () => drop.classList.remove("over"));
drop.addEventListener("drop", (e) => {
  e.preventDefault();
  drop.classList.remove("over");
  const file = e.dataTransfer.files[0];
  if (!file) return;
  const extension = file.name.split(".").pop().toLowerCase();
  check(file, types[extension] || "text/plain");
});
</script>
</body>
</html>
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_limiter_queues_then_turns_away() {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        runtime.block_on(async {
            let limiter = Arc::new(Limiter::new(1, 1));
            let first = limiter.enter().await.expect("a free slot");
            // the second waits in the queue
            let queued = {
                let limiter = limiter.clone();
                tokio::spawn(async move { limiter.enter().await.map(|_| ()) })
            };
            tokio::time::sleep(Duration::from_millis(50)).await;
            // the third finds the slot and the queue taken
            assert_eq!(limiter.enter().await.err(), Some(Refused::Busy));
            drop(first);
            assert_eq!(queued.await.unwrap(), Ok(()));
            // and once all is free, a request gets in again
            assert!(limiter.enter().await.is_ok());
        });
    }
}
