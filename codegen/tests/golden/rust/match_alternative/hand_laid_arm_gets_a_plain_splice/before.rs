fn enabled_service(srv: &str) -> bool {
    match srv {
        "foundationdb"
            | "ftp" => false,
        _ => true,
    }
}
