fn enabled_service(srv: &str) -> bool {
    match srv {
        "acmefs" | "foundationdb" | "ftp" | "hdfs" | "rocksdb" | "tikv" => false,
        _ => true,
    }
}
