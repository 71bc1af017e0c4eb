pub const FEATURES: &[&str] = &[
    "services-azblob",
    "services-s3",
];
