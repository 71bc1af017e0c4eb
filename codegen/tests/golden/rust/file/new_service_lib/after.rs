/// URI scheme used for service registration and scheme-driven construction.
pub const ACMEFS_SCHEME: &str = "acmefs";

/// Register this service's URI scheme with an operator registry.
pub fn register_acmefs_service(registry: &opendal_core::OperatorRegistry) {
    registry.register::<Acmefs>(ACMEFS_SCHEME);
}
