// Stand-in for bindings/java/src/utility.rs: the schemes the Java library reports as enabled.

use std::collections::HashSet;

pub fn intern_load_enabled_services() -> Vec<&'static str> {
    let services = HashSet::from([
        opendal::services::FS_SCHEME,
        opendal::services::MEMORY_SCHEME,
        opendal::services::MINI_MOKA_SCHEME,
        opendal::services::S3_SCHEME,
    ]);
    services.into_iter().collect()
}
