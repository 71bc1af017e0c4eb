//! Stand-in for `opendal-core`: the service traits (`Builder`, `Configurator`, `Service`), the
//! operation argument and reply types, the registry and the memory service, with the
//! signatures a service crate of today's OpenDAL compiles against. Operations do nothing here.

use std::collections::HashMap;
use std::future::Future;

pub mod raw;
pub mod services;

pub use raw::Capability;
pub use raw::ServiceInfo;

/// Errors, as OpenDAL's.
#[derive(Debug)]
pub struct Error {
    kind: ErrorKind,
    message: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    Unsupported,
    ConfigInvalid,
    NotFound,
}

impl Error {
    pub fn new(kind: ErrorKind, message: &str) -> Self {
        Self {
            kind,
            message: message.to_string(),
        }
    }

    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    pub fn message(&self) -> &str {
        &self.message
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// A parsed `scheme://root?options` URI.
#[derive(Debug, Default)]
pub struct OperatorUri {
    root: Option<String>,
    options: HashMap<String, String>,
}

impl OperatorUri {
    pub fn root(&self) -> Option<&str> {
        self.root.as_deref()
    }

    pub fn options(&self) -> &HashMap<String, String> {
        &self.options
    }
}

/// A service's typed configuration.
pub trait Configurator:
    serde::Serialize + serde::de::DeserializeOwned + std::fmt::Debug + 'static
{
    type Builder: Builder;

    fn from_uri(_uri: &OperatorUri) -> Result<Self> {
        Err(Error::new(ErrorKind::Unsupported, "uri is not supported"))
    }

    fn from_iter(iter: impl IntoIterator<Item = (String, String)>) -> Result<Self> {
        let map =
            serde::de::value::MapDeserializer::<_, serde::de::value::Error>::new(iter.into_iter());
        Self::deserialize(map)
            .map_err(|_| Error::new(ErrorKind::ConfigInvalid, "failed to deserialize config"))
    }

    fn into_builder(self) -> Self::Builder;
}

/// Builds a service from its configuration.
pub trait Builder: Default + 'static {
    type Config: Configurator;

    fn build(self) -> Result<impl raw::Service>;
}

/// Maps schemes to builders.
#[derive(Debug, Default)]
pub struct OperatorRegistry {
    schemes: std::sync::Mutex<Vec<String>>,
}

impl OperatorRegistry {
    pub fn get() -> &'static OperatorRegistry {
        static REGISTRY: std::sync::OnceLock<OperatorRegistry> = std::sync::OnceLock::new();
        REGISTRY.get_or_init(OperatorRegistry::default)
    }

    pub fn register<B: Builder>(&self, scheme: &str) {
        self.schemes
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .push(scheme.to_string());
    }
}

/// The operator users build from a service.
#[derive(Debug)]
pub struct Operator;

impl Operator {
    pub fn new<B: Builder>(builder: B) -> Result<OperatorBuilder> {
        builder.build().map(|_| OperatorBuilder)
    }
}

#[derive(Debug)]
pub struct OperatorBuilder;

impl OperatorBuilder {
    pub fn finish(self) -> Operator {
        Operator
    }
}

/// `Send` where futures must be.
pub trait MaybeSend: Send {}
impl<T: Send> MaybeSend for T {}

/// Futures returned by the service's asynchronous operations.
pub type BoxedFuture<'a, T> = std::pin::Pin<Box<dyn Future<Output = T> + Send + 'a>>;

impl Configurator for () {
    type Builder = ();

    fn into_builder(self) -> Self::Builder {}
}

impl Builder for () {
    type Config = ();

    fn build(self) -> Result<impl raw::Service> {
        Ok(())
    }
}
