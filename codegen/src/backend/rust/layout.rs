//! Layouts rustfmt gives to what the Rust kinds rewrite in place. An or-pattern of short
//! alternatives (`"a" | "b" | ...` in a match arm) is filled line by line: a line holds
//! alternatives while it stays within the pattern's width (the maximum width less the
//! indentation and 5 columns kept for ` => {`), continuation lines start with `| `, and the
//! arm's ` => body,` follows the last line when the whole line stays within the maximum width.
//! When an alternative is longer than 20 columns rustfmt does not fill: the arm goes on one
//! line when it fits, one alternative per line otherwise. The rule was fitted to rustfmt 1.9's
//! output and the golden tests compare it with rustfmt.

/// rustfmt's default `max_width`.
pub const MAX_WIDTH: usize = 100;

/// The lines of an or-pattern arm, indentation included and each ending in a newline, or
/// `None` when rustfmt would lay the arm out another way (the body would not fit after the
/// pattern's last line).
pub fn or_pattern_arm(cases: &[&str], indent: &str, suffix: &str, max_width: usize) -> Option<String> {
    let width = max_width.checked_sub(indent.len() + 5)?;
    if cases.iter().any(|c| c.len() > 20) {
        let one = cases.join(" | ");
        let lines: Vec<String> = if one.len() <= width {
            vec![one]
        } else {
            cases.iter().enumerate().map(|(i, c)| if i == 0 { (*c).to_string() } else { format!("| {c}") }).collect()
        };
        let mut lines = lines;
        let last = lines.last_mut()?;
        last.push_str(suffix);
        if indent.len() + last.len() > max_width {
            return None;
        }
        return Some(lines.iter().map(|l| format!("{indent}{l}\n")).collect());
    }
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for case in cases {
        if current.is_empty() {
            current = if lines.is_empty() { (*case).to_string() } else { format!("| {case}") };
            continue;
        }
        let candidate = format!("{current} | {case}");
        if candidate.len() > width {
            lines.push(std::mem::take(&mut current));
            current = format!("| {case}");
        } else {
            current = candidate;
        }
    }
    current.push_str(suffix);
    if indent.len() + current.len() > max_width {
        return None;
    }
    lines.push(current);
    Some(lines.iter().map(|l| format!("{indent}{l}\n")).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_lines_like_rustfmt() {
        let cases = ["\"etcd\"", "\"foundationdb\"", "\"hdfs\"", "\"rocksdb\"", "\"tikv\"", "\"github\"", "\"cloudflare_kv\"", "\"monoiofs\"", "\"dbfs\"", "\"surrealdb\"", "\"d1\"", "\"opfs\"", "\"compfs\"", "\"lakefs\"", "\"pcloud\"", "\"vercel_blob\"", "\"foyer\"", "\"goosefs\""];
        let want = "        \"etcd\" | \"foundationdb\" | \"hdfs\" | \"rocksdb\" | \"tikv\" | \"github\" | \"cloudflare_kv\"\n        | \"monoiofs\" | \"dbfs\" | \"surrealdb\" | \"d1\" | \"opfs\" | \"compfs\" | \"lakefs\" | \"pcloud\"\n        | \"vercel_blob\" | \"foyer\" | \"goosefs\" => false,\n";
        assert_eq!(or_pattern_arm(&cases, "        ", " => false,", MAX_WIDTH).as_deref(), Some(want));
    }
}
