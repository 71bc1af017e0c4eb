//! The memory service, always built.

/// URI scheme used for memory service registration and URI construction.
pub const MEMORY_SCHEME: &str = "memory";

/// Register the memory URI scheme with an operator registry.
pub fn register_memory_service(registry: &crate::OperatorRegistry) {
    registry.register::<()>(MEMORY_SCHEME);
}
