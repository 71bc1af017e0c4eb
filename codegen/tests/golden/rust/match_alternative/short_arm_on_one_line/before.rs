fn enabled_service(srv: &str) -> bool {
    match srv {
        "foundationdb" | "ftp" | "hdfs" | "rocksdb" | "tikv" => false,
        _ => true,
    }
}
