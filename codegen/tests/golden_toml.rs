//! Golden tests of the TOML point kinds, driven by data folders under
//! `tests/golden/toml/<kind>/<case>/` (see `common::run_golden_cases` for what each file
//! means). There is no formatter to compare with: every line of `before.toml` must stay as it
//! was, and the edit must change the document's data by exactly the registration.

mod common;

fn context() -> serde_json::Value {
    serde_json::json!({
        "id": "acmefs", "brand": "AcmeFS",
        "opendal": {"dir": "acmefs", "feature": "services-acmefs", "crate": "opendal-service-acmefs"},
    })
}

#[test]
fn every_toml_kind_has_golden_cases() {
    common::every_kind_has_golden_cases("toml");
}

#[test]
fn golden_cases() {
    common::run_golden_cases(&common::Golden { backend: "toml", ext: "toml", formatter: None, context: context() });
}
