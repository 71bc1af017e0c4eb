pub const FEATURES: &[&str] = &[
    "services-acmefs",
    "services-azblob",
    "services-s3",
];
