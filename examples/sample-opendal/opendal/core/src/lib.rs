// Stand-in for apache/opendal core/src/lib.rs: the facade re-exports the core and every enabled
// service, and registers the enabled services' schemes.

pub use opendal_core::*;

/// Initialize the global [`OperatorRegistry`] with enabled services.
pub fn init_default_registry() {
    init_default_registry_inner(OperatorRegistry::get());
}

fn init_default_registry_inner(registry: &OperatorRegistry) {
    opendal_core::services::register_memory_service(registry);

    #[cfg(feature = "services-fs")]
    opendal_service_fs::register_fs_service(registry);

    #[cfg(feature = "services-hdfs")]
    opendal_service_hdfs::register_hdfs_service(registry);

    #[cfg(feature = "services-mini-moka")]
    opendal_service_mini_moka::register_mini_moka_service(registry);

    #[cfg(feature = "services-s3")]
    opendal_service_s3::register_s3_service(registry);
}

/// Service builders enabled through `services-*` Cargo features.
pub mod services {
    pub use opendal_core::services::*;
    #[cfg(feature = "services-fs")]
    pub use opendal_service_fs::*;
    #[cfg(feature = "services-hdfs")]
    pub use opendal_service_hdfs::*;
    #[cfg(feature = "services-mini-moka")]
    pub use opendal_service_mini_moka::*;
    #[cfg(feature = "services-s3")]
    pub use opendal_service_s3::*;
}
