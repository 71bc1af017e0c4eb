fn enabled_service(srv: &str) -> bool {
    match srv {
        "ftp" | "hdfs" => false,
        "acmefs" => true,
        _ => true,
    }
}
