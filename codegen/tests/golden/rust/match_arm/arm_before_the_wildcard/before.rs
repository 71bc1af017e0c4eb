pub enum Kind {
    Fs,
    S3,
    Other,
}

impl Kind {
    pub fn scheme(&self) -> &'static str {
        match self {
            Fs => "fs",
            S3 => "s3",
            _ => "unknown",
        }
    }
}
