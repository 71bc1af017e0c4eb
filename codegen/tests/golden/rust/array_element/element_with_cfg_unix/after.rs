use std::collections::HashSet;

fn intern_load_enabled_services() -> Vec<&'static str> {
    let services = HashSet::from([
        opendal::services::ALIYUN_DRIVE_SCHEME,
        opendal::services::AZBLOB_SCHEME,
        opendal::services::HTTP_SCHEME,
        opendal::services::HF_SCHEME,
        opendal::services::SEAFILE_SCHEME,
        #[cfg(unix)]
        opendal::services::SFTP_SCHEME,
        #[cfg(unix)]
        opendal::services::SMB_SCHEME,
        opendal::services::TOS_SCHEME,
    ]);
    services.into_iter().collect()
}
