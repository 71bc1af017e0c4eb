pub enum Kind {
    Fs,
    S3,
    Other,
}

impl Kind {
    pub fn scheme(&self) -> &'static str {
        match self {
            Acmefs => "acmefs",
            Fs => "fs",
            S3 => "s3",
            _ => "unknown",
        }
    }
}
