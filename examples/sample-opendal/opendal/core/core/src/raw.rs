//! The service trait and the types of its operations.

use std::future::Future;

pub use crate::{Error, ErrorKind, MaybeSend, Result};

/// What a service supports.
#[derive(Debug, Default, Clone, Copy)]
pub struct Capability {
    pub read: bool,
    pub write: bool,
    pub list: bool,
    pub stat: bool,
    pub delete: bool,
}

/// A service's identity.
#[derive(Debug, Clone)]
pub struct ServiceInfo {
    pub scheme: String,
    pub root: String,
    pub name: String,
}

impl ServiceInfo {
    pub fn new(
        scheme: impl Into<String>,
        root: impl Into<String>,
        name: impl Into<String>,
    ) -> Self {
        Self {
            scheme: scheme.into(),
            root: root.into(),
            name: name.into(),
        }
    }
}

/// `/` for an empty root, and a root that starts and ends with `/` otherwise.
pub fn normalize_root(root: &str) -> String {
    let trimmed = root.trim_matches('/');
    if trimmed.is_empty() {
        "/".to_string()
    } else {
        format!("/{trimmed}/")
    }
}

#[derive(Debug, Default)]
pub struct OperationContext;

macro_rules! unit_types {
    ($($name:ident),*) => {
        $(
            #[derive(Debug, Default, Clone)]
            pub struct $name;
        )*
    };
}

unit_types!(
    OpCreateDir,
    RpCreateDir,
    OpStat,
    RpStat,
    OpRead,
    OpWrite,
    OpList,
    OpCopy,
    OpCopier,
    OpRename,
    RpRename,
    OpPresign,
    RpPresign
);

/// The readers, writers, listers, deleters and copiers a service returns.
pub mod oio {
    pub trait Read: Send + Sync + Unpin + 'static {}
    pub trait Write: Send + Sync + Unpin + 'static {}
    pub trait List: Send + Sync + Unpin + 'static {}
    pub trait Delete: Send + Sync + Unpin + 'static {}
    pub trait Copy: Send + Sync + Unpin + 'static {}

    impl Read for () {}
    impl Write for () {}
    impl List for () {}
    impl Delete for () {}
    impl Copy for () {}
}

/// A storage service.
pub trait Service: Send + Sync + std::fmt::Debug + Unpin + 'static {
    type Reader: oio::Read;
    type Writer: oio::Write;
    type Lister: oio::List;
    type Deleter: oio::Delete;
    type Copier: oio::Copy;

    fn info(&self) -> ServiceInfo;

    fn capability(&self) -> Capability;

    fn create_dir(
        &self,
        ctx: &OperationContext,
        path: &str,
        args: OpCreateDir,
    ) -> impl Future<Output = Result<RpCreateDir>> + MaybeSend;

    fn stat(
        &self,
        ctx: &OperationContext,
        path: &str,
        args: OpStat,
    ) -> impl Future<Output = Result<RpStat>> + MaybeSend;

    fn read(&self, ctx: &OperationContext, path: &str, args: OpRead) -> Result<Self::Reader>;

    fn write(&self, ctx: &OperationContext, path: &str, args: OpWrite) -> Result<Self::Writer>;

    fn delete(&self, ctx: &OperationContext) -> Result<Self::Deleter>;

    fn list(&self, ctx: &OperationContext, path: &str, args: OpList) -> Result<Self::Lister>;

    fn copy(
        &self,
        ctx: &OperationContext,
        from: &str,
        to: &str,
        args: OpCopy,
        opts: OpCopier,
    ) -> Result<Self::Copier>;

    fn rename(
        &self,
        ctx: &OperationContext,
        from: &str,
        to: &str,
        args: OpRename,
    ) -> impl Future<Output = Result<RpRename>> + MaybeSend;

    fn presign(
        &self,
        ctx: &OperationContext,
        path: &str,
        args: OpPresign,
    ) -> impl Future<Output = Result<RpPresign>> + MaybeSend;
}

impl Service for () {
    type Reader = ();
    type Writer = ();
    type Lister = ();
    type Deleter = ();
    type Copier = ();

    fn info(&self) -> ServiceInfo {
        ServiceInfo::new("", "/", "")
    }

    fn capability(&self) -> Capability {
        Capability::default()
    }

    async fn create_dir(
        &self,
        _: &OperationContext,
        _: &str,
        _: OpCreateDir,
    ) -> Result<RpCreateDir> {
        Ok(RpCreateDir)
    }

    async fn stat(&self, _: &OperationContext, _: &str, _: OpStat) -> Result<RpStat> {
        Ok(RpStat)
    }

    fn read(&self, _: &OperationContext, _: &str, _: OpRead) -> Result<()> {
        Ok(())
    }

    fn write(&self, _: &OperationContext, _: &str, _: OpWrite) -> Result<()> {
        Ok(())
    }

    fn delete(&self, _: &OperationContext) -> Result<()> {
        Ok(())
    }

    fn list(&self, _: &OperationContext, _: &str, _: OpList) -> Result<()> {
        Ok(())
    }

    fn copy(&self, _: &OperationContext, _: &str, _: &str, _: OpCopy, _: OpCopier) -> Result<()> {
        Ok(())
    }

    async fn rename(
        &self,
        _: &OperationContext,
        _: &str,
        _: &str,
        _: OpRename,
    ) -> Result<RpRename> {
        Ok(RpRename)
    }

    async fn presign(&self, _: &OperationContext, _: &str, _: OpPresign) -> Result<RpPresign> {
        Ok(RpPresign)
    }
}
