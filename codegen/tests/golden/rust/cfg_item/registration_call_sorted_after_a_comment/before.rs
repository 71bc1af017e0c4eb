pub fn init_default_registry() {
    init_default_registry_inner(OperatorRegistry::get());
}

fn init_default_registry_inner(registry: &OperatorRegistry) {
    opendal_core::services::register_memory_service(registry);

    #[cfg(feature = "services-aliyun-drive")]
    opendal_service_aliyun_drive::register_aliyun_drive_service(registry);

    // Azure blob storage.
    #[cfg(feature = "services-azblob")]
    opendal_service_azblob::register_azblob_service(registry);

    #[cfg(feature = "services-http")]
    opendal_service_http::register_http_service(registry);

    #[cfg(feature = "services-hf")]
    opendal_service_hf::register_hf_service(registry);

    #[cfg(feature = "services-s3")]
    opendal_service_s3::register_s3_service(registry);

    #[cfg(all(target_arch = "wasm32", feature = "services-opfs"))]
    opendal_service_opfs::register_opfs_service(registry);

    #[cfg(any(feature = "services-redis", feature = "services-redis-native-tls"))]
    opendal_service_redis::register_redis_service(registry);
}
