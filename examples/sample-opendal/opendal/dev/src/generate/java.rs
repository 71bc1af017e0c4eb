// Stand-in for dev/src/generate/java.rs: the generator skips the services this deny list names.

fn enabled_service(srv: &str) -> bool {
    match srv {
        // not enabled in bindings/java/Cargo.toml
        "hdfs" => false,
        _ => true,
    }
}

pub fn services(all: &[&'static str]) -> Vec<&'static str> {
    all.iter().copied().filter(|s| enabled_service(s)).collect()
}
