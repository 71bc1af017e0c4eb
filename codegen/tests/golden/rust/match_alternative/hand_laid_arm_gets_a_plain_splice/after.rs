fn enabled_service(srv: &str) -> bool {
    match srv {
        "acmefs" | "foundationdb"
            | "ftp" => false,
        _ => true,
    }
}
