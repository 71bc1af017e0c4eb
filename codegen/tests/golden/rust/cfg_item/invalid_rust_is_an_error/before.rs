/// Service builders enabled through `services-*` Cargo features.
pub mod services {
    pub use opendal_core::services::*;
    #[cfg(feature = "services-aliyun-drive")]
    pub use opendal_service_aliyun_drive::*;
    #[cfg(feature = "services-gcs")]
    pub use opendal_service_gcs::*;
    #[cfg(all(target_arch = "wasm32", feature = "services-opfs"))]
    pub use opendal_service_opfs::*;
    #[cfg(feature = "services-oss")]
    pub use opendal_service_oss::*;
}

/// Layers.
pub mod layers {{
    pub use opendal_core::layers::*;
    #[cfg(feature = "layers-chaos")]
    pub use opendal_layer_chaos::*;
}
