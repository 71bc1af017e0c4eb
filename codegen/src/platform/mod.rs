//! Platform-specific consistency rules, one module per platform, registered in
//! [`crate::backend::build_check`] by prefix. They read whole trees through the run's
//! [`crate::files::FileStore`] and report disagreements no single registration point sees.

pub mod opendal;
