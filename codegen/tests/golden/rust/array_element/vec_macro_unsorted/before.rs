fn services() -> Vec<&'static str> {
    vec![
        "s3",
        "fs",
        "memory",
        "gcs",
        "azblob",
    ]
}
