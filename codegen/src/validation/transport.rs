//! Sending one request over HTTP(S) and naming network failures.
//!
//! This module owns the `ureq` agent (rustls, certificate verification on
//! unless `insecure`, no redirects, one overall timeout), the progress
//! events it emits from inside ureq's resolver and connector chain, the
//! worker thread that lets a caller cancel promptly, and the mapping of
//! transport errors onto unreachable, TLS failure and timeout.
//!
//! Proxies come from the usual environment variables (`HTTPS_PROXY`,
//! `ALL_PROXY`, `NO_PROXY`), as ureq reads them. The progress hooks use
//! `ureq::unversioned`, which is why `Cargo.toml` pins ureq to `~3.5`. A
//! cancelled request's worker thread is left to end on its own, within the
//! timeout; it holds the prepared request, and so the credential, until then.

use std::io::Read;
use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::time::{Duration, Instant};

use ureq::config::Config;
use ureq::http::Uri;
use ureq::tls::{TlsConfig, TlsProvider};
use ureq::unversioned::resolver::{DefaultResolver, ResolvedSocketAddrs, Resolver};
use ureq::unversioned::transport::{
    Buffers, ConnectProxyConnector, ConnectionDetails, Connector, NextTimeout, RustlsConnector,
    TcpConnector, Transport,
};

use super::codes::Answer;
use super::error::ValidationError;
use super::outcome::Step;
use super::request::Prepared;

/// The most of an answer body that is read, in bytes.
const BODY_LIMIT: u64 = 256 * 1024;

/// How often the waiting thread looks at the cancel flag.
const CANCEL_POLL: Duration = Duration::from_millis(20);

/// A failure to get an HTTP answer at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Failure {
    Unreachable(String),
    Tls(String),
    Timeout(String),
    /// The peer answered, but not with valid HTTP.
    Protocol(String),
}

/// The settings of one exchange.
#[derive(Debug, Clone)]
pub(crate) struct Settings {
    pub insecure: bool,
    pub timeout: Duration,
    pub cancel: Option<Arc<AtomicBool>>,
}

enum Event {
    Step(Step),
    Done(Result<Answer, Failure>),
}

/// Sends `request` on a worker thread and relays its progress; returns
/// `Cancelled` as soon as the cancel flag is seen, leaving the worker to
/// finish on its own within the timeout.
pub(crate) fn exchange(
    request: Prepared,
    settings: &Settings,
    progress: &mut dyn FnMut(Step),
) -> Result<Result<Answer, Failure>, ValidationError> {
    let cancelled = || {
        settings
            .cancel
            .as_ref()
            .is_some_and(|c| c.load(Ordering::SeqCst))
    };
    if cancelled() {
        return Err(ValidationError::Cancelled);
    }
    let (tx, rx) = mpsc::channel::<Event>();
    let worker_settings = settings.clone();
    std::thread::Builder::new()
        .name("integrate-validation".to_owned())
        .spawn(move || {
            let result = run(request, &worker_settings, &tx);
            let _ = tx.send(Event::Done(result));
        })
        .map_err(|e| ValidationError::Internal(format!("cannot start a thread: {e}")))?;

    // ureq enforces the timeout itself; this deadline only guards against a
    // resolver or connector that ignores it.
    let deadline = Instant::now() + settings.timeout + Duration::from_secs(2);
    loop {
        if cancelled() {
            return Err(ValidationError::Cancelled);
        }
        match rx.recv_timeout(CANCEL_POLL) {
            Ok(Event::Step(step)) => {
                if cancelled() {
                    return Err(ValidationError::Cancelled);
                }
                progress(step);
            }
            Ok(Event::Done(result)) => return Ok(result),
            Err(RecvTimeoutError::Timeout) => {
                if Instant::now() >= deadline {
                    return Ok(Err(Failure::Timeout(format!(
                        "no answer within {} ms",
                        settings.timeout.as_millis()
                    ))));
                }
            }
            Err(RecvTimeoutError::Disconnected) => {
                return Err(ValidationError::Internal(
                    "the request thread ended without a result".to_owned(),
                ));
            }
        }
    }
}

/// What the connector chain has achieved so far, for naming failures.
#[derive(Debug, Default)]
struct Progress {
    tcp_connected: AtomicBool,
    connection_ready: AtomicBool,
}

fn run(request: Prepared, settings: &Settings, tx: &Sender<Event>) -> Result<Answer, Failure> {
    let progress = Arc::new(Progress::default());
    let tls = TlsConfig::builder()
        .provider(TlsProvider::Rustls)
        .disable_verification(settings.insecure)
        .build();
    let config = Config::builder()
        .http_status_as_error(false)
        .max_redirects(0)
        .max_redirects_will_error(false)
        .timeout_global(Some(settings.timeout))
        .user_agent(concat!(
            "integrate/",
            env!("CARGO_PKG_VERSION"),
            " (credential validation)"
        ))
        .tls_config(tls)
        .build();
    let connector = StartMark { tx: tx.clone() }
        .chain(ConnectProxyConnector::default())
        .chain(TcpConnector::default())
        .chain(TcpMark {
            progress: progress.clone(),
        })
        .chain(RustlsConnector::default())
        .chain(Observe {
            tx: tx.clone(),
            progress: progress.clone(),
        });
    let resolver = StepResolver {
        inner: DefaultResolver::default(),
        tx: tx.clone(),
    };
    let agent = ureq::Agent::with_parts(config, connector, resolver);
    let https = request.url.starts_with("https://");

    let mut builder = ureq::http::Request::builder()
        .method(request.method.as_str())
        .uri(request.url.as_str());
    for (name, value) in &request.headers {
        builder = builder.header(name.as_str(), value.as_str());
    }
    let sent = if request.body.is_empty() && matches!(request.method.as_str(), "GET" | "HEAD") {
        builder
            .body(())
            .map_err(|e| Failure::Protocol(format!("cannot build the request: {e}")))
            .and_then(|r| {
                agent
                    .run(r)
                    .map_err(|e| name_failure(e, https, &progress, settings.timeout))
            })
    } else {
        builder
            .body(request.body)
            .map_err(|e| Failure::Protocol(format!("cannot build the request: {e}")))
            .and_then(|r| {
                agent
                    .run(r)
                    .map_err(|e| name_failure(e, https, &progress, settings.timeout))
            })
    };
    let mut response = sent?;
    let status = response.status().as_u16();
    let headers = response
        .headers()
        .iter()
        .map(|(n, v)| {
            (
                n.as_str().to_ascii_lowercase(),
                String::from_utf8_lossy(v.as_bytes()).into_owned(),
            )
        })
        .collect();
    let mut bytes = Vec::new();
    response
        .body_mut()
        .as_reader()
        .take(BODY_LIMIT)
        .read_to_end(&mut bytes)
        .map_err(|e| name_failure(ureq::Error::from(e), https, &progress, settings.timeout))?;
    Ok(Answer {
        status,
        headers,
        body: String::from_utf8_lossy(&bytes).into_owned(),
    })
}

/// Names a ureq error as unreachable, TLS failure, timeout or protocol failure.
fn name_failure(
    error: ureq::Error,
    https: bool,
    progress: &Progress,
    timeout: Duration,
) -> Failure {
    let tcp = progress.tcp_connected.load(Ordering::SeqCst);
    let ready = progress.connection_ready.load(Ordering::SeqCst);
    let in_handshake = https && tcp && !ready;
    match error {
        ureq::Error::Timeout(t) => Failure::Timeout(format!(
            "no complete answer within {} ms ({t} timeout)",
            timeout.as_millis()
        )),
        ureq::Error::HostNotFound => Failure::Unreachable("host not found".to_owned()),
        ureq::Error::ConnectionFailed => Failure::Unreachable("connection failed".to_owned()),
        ureq::Error::Tls(msg) => Failure::Tls(msg.to_owned()),
        ureq::Error::Rustls(e) => Failure::Tls(e.to_string()),
        ureq::Error::Pem(e) => Failure::Tls(e.to_string()),
        ureq::Error::Io(e) => {
            use std::io::ErrorKind as K;
            match e.kind() {
                K::TimedOut | K::WouldBlock => Failure::Timeout(e.to_string()),
                K::ConnectionRefused
                | K::NetworkUnreachable
                | K::HostUnreachable
                | K::AddrNotAvailable
                | K::NetworkDown
                    if !tcp =>
                {
                    Failure::Unreachable(e.to_string())
                }
                _ if in_handshake => Failure::Tls(format!("handshake failed: {e}")),
                _ if !tcp => Failure::Unreachable(e.to_string()),
                _ => Failure::Protocol(e.to_string()),
            }
        }
        other if in_handshake => Failure::Tls(format!("handshake failed: {other}")),
        other => Failure::Protocol(other.to_string()),
    }
}

/// Emits [`Step::Resolving`] before handing over to ureq's resolver.
#[derive(Debug)]
struct StepResolver {
    inner: DefaultResolver,
    tx: Sender<Event>,
}

impl Resolver for StepResolver {
    fn resolve(
        &self,
        uri: &Uri,
        config: &Config,
        timeout: NextTimeout,
    ) -> Result<ResolvedSocketAddrs, ureq::Error> {
        let host = uri.host().unwrap_or_default().to_owned();
        let _ = self.tx.send(Event::Step(Step::Resolving { host }));
        self.inner.resolve(uri, config, timeout)
    }
}

/// The head of the connector chain: emits [`Step::Connecting`].
#[derive(Debug)]
struct StartMark {
    tx: Sender<Event>,
}

impl Connector<()> for StartMark {
    type Out = ();

    fn connect(
        &self,
        details: &ConnectionDetails,
        chained: Option<()>,
    ) -> Result<Option<()>, ureq::Error> {
        let address = details
            .addrs
            .first()
            .map(SocketAddr::to_string)
            .unwrap_or_else(|| details.uri.host().unwrap_or_default().to_owned());
        let _ = self.tx.send(Event::Step(Step::Connecting { address }));
        Ok(chained)
    }
}

/// Sits after the TCP connector: records that a TCP connection exists.
#[derive(Debug)]
struct TcpMark {
    progress: Arc<Progress>,
}

impl<In: Transport> Connector<In> for TcpMark {
    type Out = In;

    fn connect(
        &self,
        _details: &ConnectionDetails,
        chained: Option<In>,
    ) -> Result<Option<In>, ureq::Error> {
        if chained.is_some() {
            self.progress.tcp_connected.store(true, Ordering::SeqCst);
        }
        Ok(chained)
    }
}

/// The tail of the connector chain: records that the connection (with TLS)
/// is ready and wraps it to emit [`Step::Sending`] and [`Step::Waiting`].
#[derive(Debug)]
struct Observe {
    tx: Sender<Event>,
    progress: Arc<Progress>,
}

impl<In: Transport> Connector<In> for Observe {
    type Out = Observed<In>;

    fn connect(
        &self,
        _details: &ConnectionDetails,
        chained: Option<In>,
    ) -> Result<Option<Self::Out>, ureq::Error> {
        Ok(chained.map(|inner| {
            self.progress.connection_ready.store(true, Ordering::SeqCst);
            Observed {
                inner,
                tx: self.tx.clone(),
                sent: false,
                waiting: false,
            }
        }))
    }
}

/// A transport that reports the first write and the first wait after it.
#[derive(Debug)]
struct Observed<T> {
    inner: T,
    tx: Sender<Event>,
    sent: bool,
    waiting: bool,
}

impl<T: Transport> Transport for Observed<T> {
    fn buffers(&mut self) -> &mut dyn Buffers {
        self.inner.buffers()
    }

    fn transmit_output(&mut self, amount: usize, timeout: NextTimeout) -> Result<(), ureq::Error> {
        if !self.sent {
            self.sent = true;
            let _ = self.tx.send(Event::Step(Step::Sending));
        }
        self.inner.transmit_output(amount, timeout)
    }

    fn await_input(&mut self, timeout: NextTimeout) -> Result<bool, ureq::Error> {
        if self.sent && !self.waiting {
            self.waiting = true;
            let _ = self.tx.send(Event::Step(Step::Waiting));
        }
        self.inner.await_input(timeout)
    }

    fn is_open(&mut self) -> bool {
        self.inner.is_open()
    }

    fn is_tls(&self) -> bool {
        self.inner.is_tls()
    }
}
