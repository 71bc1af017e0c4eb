//! `cccmo.workload_policy`: one policy that CCCMO's `pkg/cloud/cloud_test.go` enforces on every
//! Deployment and DaemonSet a provider renders (replicas, anti-affinity, tolerations, host
//! network, ports, volumes, the bash wrapper, leader election, provider labels, ...), plus the
//! resource requests the platform requires but does not test. The repository runs those tests
//! only for platforms listed in `getPlatforms()`; this check reads a provider's asset templates
//! directly, rendered the way the operator renders them for that test, and names the policy
//! each finding breaks, at the template's line.

use std::path::Path;

use serde::Deserialize;
use serde_json::{Value as J, json};

use crate::backend::yaml::{self, Node};
use super::gotemplate::{self, Rendered, Values};
use crate::backend::{CheckContext, CheckFinding, TreeCheck, parse_spec};
use crate::error::{Error, Location, Result};

/// Every policy, in the order the profile declares them; each check's `why` says which
/// repository test enforces it.
pub const POLICIES: &[&str] = &[
    "renders",
    "replicas",
    "strategy",
    "anti-affinity",
    "provider-labels",
    "tolerations",
    "host-network",
    "ports",
    "host-volume",
    "trusted-ca",
    "command",
    "termination-message",
    "leader-election",
    "cloud-routes",
    "service-account-credentials",
    "ccm-container",
    "resource-requests",
];

const SCRIPT_PREFIX: &str = "#!/bin/bash\nset -o allexport\nif [[ -f /etc/kubernetes/apiserver-url.env ]]; then\n  source /etc/kubernetes/apiserver-url.env\nfi\nexec ";
const CCM: &str = "cloud-controller-manager";
const LEADER_FLAGS: &[&str] = &[
    "--leader-elect=true",
    "--leader-elect-lease-duration=137s",
    "--leader-elect-renew-deadline=107s",
    "--leader-elect-retry-period=26s",
    "--leader-elect-resource-namespace=openshift-cloud-controller-manager",
];

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PolicySpec {
    root: String,
    /// One of [`POLICIES`].
    policy: String,
    /// The provider's asset directory inside the root (a template over the descriptor).
    assets: String,
    /// The `configv1.PlatformType` value, which `{{ .cloudproviderName }}` renders to.
    platform_type: String,
}

#[derive(Debug)]
pub struct WorkloadPolicy {
    spec: PolicySpec,
}

pub fn build(spec: toml::Table, at: &Location) -> Result<Box<dyn TreeCheck>> {
    let spec: PolicySpec = parse_spec("cccmo.workload_policy", spec, at)?;
    if !POLICIES.contains(&spec.policy.as_str()) {
        return Err(Error::input(at.clone(), format!("unknown policy `{}`", spec.policy), format!("use one of: {}", POLICIES.join(", "))));
    }
    Ok(Box::new(WorkloadPolicy { spec }))
}

/// The template values of the test configuration: images and names set, TLS options empty.
struct TestValues {
    platform: String,
}

impl Values for TestValues {
    fn get(&self, path: &str) -> String {
        match path {
            "cloudproviderName" => self.platform.clone(),
            "tlsCipherSuites" | "tlsMinVersion" | "featureGates" => String::new(),
            p if p.starts_with("images.") => format!("registry.invalid/{}", &p["images.".len()..]),
            _ => "value".into(),
        }
    }
}

/// A Deployment or DaemonSet asset, rendered.
struct Workload<'a> {
    kind: &'a str,
    doc: &'a Node,
    rendered: &'a Rendered,
    template: &'a str,
}

/// One broken policy: template line, what is wrong, what to do.
type Broken = (usize, String, String);

fn obj(node: Option<&Node>) -> J {
    node.map_or(J::Null, Node::to_json)
}

impl Workload<'_> {
    /// The template line a rendered node comes from.
    fn line(&self, node: &Node) -> usize {
        let starts = yaml::line_starts(&self.rendered.text);
        let offset = yaml::offset_of(&self.rendered.text, &starts, node.line, node.col);
        crate::text::line_of(self.template, self.rendered.origin(offset))
    }

    /// The template line of a 1-based line of the rendered text.
    fn line_of_line(&self, line: usize) -> usize {
        let starts = yaml::line_starts(&self.rendered.text);
        let offset = starts.get(line.saturating_sub(1)).copied().unwrap_or(self.rendered.text.len());
        crate::text::line_of(self.template, self.rendered.origin(offset))
    }

    /// The line of `key` in `node`, or of `node` itself when the key is absent.
    fn key_line(&self, node: &Node, key: &str) -> usize {
        node.entry(key).map_or_else(|| self.line(node), |(k, _)| self.line(k))
    }

    fn pod(&self) -> Option<&Node> {
        self.doc.path(&["spec".into(), "template".into(), "spec".into()])
    }

    fn containers(&self, key: &str) -> Vec<&Node> {
        self.pod().and_then(|p| p.get(key)).and_then(Node::items).map(|i| i.iter().collect()).unwrap_or_default()
    }

    fn name(c: &Node) -> String {
        c.get("name").and_then(Node::scalar_text).unwrap_or_default()
    }

    /// The line of the pod spec's `spec:` key.
    fn pod_line(&self) -> usize {
        match self.doc.path(&["spec".into(), "template".into()]) {
            Some(t) => self.key_line(t, "spec"),
            None => self.line(self.doc),
        }
    }

    /// The line of `key` in the pod spec, or of the pod spec.
    fn pod_key_line(&self, key: &str) -> usize {
        match self.pod() {
            Some(p) if p.get(key).is_some() => self.key_line(p, key),
            _ => self.pod_line(),
        }
    }

    fn script(c: &Node) -> Option<&str> {
        c.get("command").and_then(Node::items).filter(|i| i.len() == 3).and_then(|i| i[2].as_str())
    }
}

fn check(policy: &str, w: &Workload<'_>, platform: &str) -> Vec<Broken> {
    let mut out: Vec<Broken> = Vec::new();
    let deployment = w.kind == "Deployment";
    let spec = w.doc.get("spec");
    match policy {
        "replicas" if deployment => {
            let r = spec.and_then(|s| s.get("replicas"));
            if obj(r) != json!(2) {
                let line = r.map_or_else(|| spec.map_or(w.line(w.doc), |s| w.line(s)), |r| w.line(r));
                let have = r.map_or("unset (1)".to_string(), |r| r.scalar_text().unwrap_or_default());
                out.push((line, format!("spec.replicas is {have}; the platform runs 2 (the operator sets 1 on single-node clusters)"), "set `replicas: 2`".into()));
            }
        }
        "strategy" if deployment => {
            let s = spec.and_then(|s| s.path(&["strategy".into(), "type".into()]));
            if s.and_then(Node::as_str) != Some("Recreate") {
                let line = s.map_or_else(|| spec.map_or(1, |sp| w.key_line(sp, "strategy")), |s| w.line(s));
                out.push((line, "spec.strategy.type is not Recreate; host ports must be released before the new pod starts".into(), "set `strategy: {type: Recreate}`".into()));
            }
        }
        "anti-affinity" if deployment => {
            let affinity = w.pod().and_then(|p| p.get("affinity"));
            let anti = affinity.and_then(|a| a.get("podAntiAffinity"));
            let labels = w.doc.path(&["metadata".into(), "labels".into()]);
            let want = json!({"requiredDuringSchedulingIgnoredDuringExecution": [{"topologyKey": "kubernetes.io/hostname", "labelSelector": {"matchLabels": obj(labels)}}]});
            let have = obj(anti);
            if have != want {
                let line = match affinity {
                    Some(a) if anti.is_some() => w.key_line(a, "podAntiAffinity"),
                    _ => w.pod_key_line("affinity"),
                };
                let diff = yaml::first_difference(&have, &want, "podAntiAffinity").unwrap_or_default();
                out.push((line, format!("pod anti-affinity must be exactly one required term on kubernetes.io/hostname selecting the Deployment's own labels ({diff})"), "copy the affinity block of the profile's deployment template".into()));
            }
        }
        "provider-labels" => {
            let label = if deployment { "infrastructure.openshift.io/cloud-controller-manager" } else { "infrastructure.openshift.io/cloud-node-manager" };
            let places: [(&str, &[&str]); 3] = [
                ("metadata.labels", &["metadata", "labels"]),
                ("spec.template.metadata.labels", &["spec", "template", "metadata", "labels"]),
                ("spec.selector.matchLabels", &["spec", "selector", "matchLabels"]),
            ];
            for (where_, keys) in places {
                let path: Vec<String> = keys.iter().map(|k| k.to_string()).collect();
                let (parent, found, key_line) = w.doc.reach(&path[..path.len() - 1]);
                let node = (found == path.len() - 1).then(|| parent.get(&path[path.len() - 1])).flatten();
                let line = match node {
                    Some(_) => w.key_line(parent, &path[path.len() - 1]),
                    None => w.line_of_line(key_line),
                };
                let Some(node) = node else {
                    out.push((line, format!("{where_} is missing"), format!("add k8s-app and {label}: {{{{ .cloudproviderName }}}}")));
                    continue;
                };
                if node.get("k8s-app").is_none() {
                    out.push((line, format!("{where_} has no k8s-app label"), "add `k8s-app: <name>`".into()));
                }
                match node.get(label).and_then(Node::scalar_text) {
                    Some(v) if v == platform => {}
                    Some(v) => out.push((w.key_line(node, label), format!("{where_} sets {label} to {v}, not the platform type {platform}"), format!("set `{label}: {{{{ .cloudproviderName }}}}`"))),
                    None => out.push((line, format!("{where_} has no {label} label"), format!("add `{label}: {{{{ .cloudproviderName }}}}`"))),
                }
            }
        }
        "tolerations" => {
            let t = w.pod().and_then(|p| p.get("tolerations"));
            let list = obj(t);
            let has = |x: J| list.as_array().is_some_and(|a| a.contains(&x));
            let taint = |key: &str| json!({"key": key, "operator": "Exists", "effect": "NoSchedule"});
            let ok = (has(taint("node.cloudprovider.kubernetes.io/uninitialized")) && has(taint("node.kubernetes.io/not-ready"))) || has(json!({"operator": "Exists", "effect": "NoSchedule"}));
            if !ok {
                let line = w.pod_key_line("tolerations");
                out.push((line, "the pod must tolerate node.cloudprovider.kubernetes.io/uninitialized and node.kubernetes.io/not-ready (NoSchedule, Exists), or every NoSchedule taint, to run before the CNI".into(), "add both NoSchedule tolerations with operator Exists".into()));
            }
        }
        "host-network" => {
            let h = w.pod().and_then(|p| p.get("hostNetwork"));
            if obj(h) != json!(true) {
                let line = h.map_or_else(|| w.pod_line(), |h| w.line(h));
                out.push((line, "hostNetwork is not true; the pod must run before the CNI is up".into(), "set `hostNetwork: true`".into()));
            }
        }
        "ports" => {
            let mut any = false;
            for c in w.containers("containers") {
                for p in c.get("ports").and_then(Node::items).unwrap_or_default() {
                    match p.get("containerPort").map(Node::to_json) {
                        Some(v) if v == json!(10258) || v == json!(10263) => any = true,
                        v => out.push((w.line(p), format!("container {} declares port {}; host-network processes may use only the registered ports 10258 (CCM) and 10263 (CNM)", Workload::name(c), v.unwrap_or(J::Null)), "use containerPort 10258 or 10263".into())),
                    }
                }
            }
            if !any {
                out.push((w.pod_line(), "no container declares port 10258 or 10263; the host port registry requires the used port to be declared".into(), "declare `containerPort: 10258` (CCM) or 10263 (CNM)".into()));
            }
        }
        "host-volume" | "trusted-ca" => {
            let (volume, mount, what) = if policy == "host-volume" {
                (
                    json!({"name": "host-etc-kube", "hostPath": {"path": "/etc/kubernetes", "type": "Directory"}}),
                    json!({"mountPath": "/etc/kubernetes", "name": "host-etc-kube", "readOnly": true}),
                    "the host-etc-kube hostPath volume (/etc/kubernetes, type Directory)",
                )
            } else {
                (
                    json!({"name": "trusted-ca", "configMap": {"name": "ccm-trusted-ca", "items": [{"key": "ca-bundle.crt", "path": "tls-ca-bundle.pem"}]}}),
                    json!({"mountPath": "/etc/pki/ca-trust/extracted/pem", "name": "trusted-ca", "readOnly": true}),
                    "the trusted-ca volume (ConfigMap ccm-trusted-ca, ca-bundle.crt as tls-ca-bundle.pem)",
                )
            };
            let volumes = w.pod().and_then(|p| p.get("volumes"));
            if !obj(volumes).as_array().is_some_and(|a| a.contains(&volume)) {
                out.push((w.pod_key_line("volumes"), format!("the pod lacks {what}, exactly as the test expects it"), format!("add the volume {volume}")));
            }
            for c in w.containers("containers") {
                let mounts = c.get("volumeMounts");
                if !obj(mounts).as_array().is_some_and(|a| a.contains(&mount)) {
                    out.push((if mounts.is_some() { w.key_line(c, "volumeMounts") } else { w.line(c) }, format!("container {} does not mount {} read-only at {}", Workload::name(c), mount["name"], mount["mountPath"]), format!("add the volume mount {mount}")));
                }
            }
        }
        "command" => {
            for c in w.containers("containers") {
                let cmd = c.get("command");
                let items: Vec<String> = cmd.and_then(Node::items).unwrap_or_default().iter().map(|i| i.scalar_text().unwrap_or_default()).collect();
                let ok = items.len() == 3 && items[0] == "/bin/bash" && items[1] == "-c" && items[2].starts_with(SCRIPT_PREFIX);
                if !ok {
                    out.push((if cmd.is_some() { w.key_line(c, "command") } else { w.line(c) }, format!("container {} must run [/bin/bash, -c, script] whose script sources /etc/kubernetes/apiserver-url.env before `exec`", Workload::name(c)), "use the bash wrapper of the profile's deployment template".into()));
                }
                if c.get("args").is_some_and(|a| a.items().is_none_or(|i| !i.is_empty())) {
                    out.push((w.key_line(c, "args"), format!("container {} has args; inline them into the command script", Workload::name(c)), "move the args into the script".into()));
                }
            }
        }
        "termination-message" => {
            for c in w.containers("containers").into_iter().chain(w.containers("initContainers")) {
                let p = c.get("terminationMessagePolicy");
                if p.and_then(Node::as_str) != Some("FallbackToLogsOnError") {
                    out.push((p.map_or_else(|| w.line(c), |p| w.line(p)), format!("container {} does not set terminationMessagePolicy: FallbackToLogsOnError", Workload::name(c)), "set `terminationMessagePolicy: FallbackToLogsOnError`".into()));
                }
            }
        }
        "leader-election" | "cloud-routes" | "service-account-credentials" => {
            let flags: &[&str] = match policy {
                "leader-election" => LEADER_FLAGS,
                "cloud-routes" => &["--configure-cloud-routes=false"],
                _ => &["--use-service-account-credentials=true"],
            };
            for c in w.containers("containers").into_iter().filter(|c| Workload::name(c) == CCM) {
                let script = Workload::script(c).unwrap_or_default();
                let missing: Vec<&str> = flags.iter().copied().filter(|f| !script.contains(f)).collect();
                if !missing.is_empty() {
                    let line = w.key_line(c, "command");
                    out.push((line, format!("the {CCM} container's command lacks {}", missing.join(" ")), format!("add {} to the exec line", missing.join(" "))));
                }
            }
        }
        "ccm-container" if deployment && !w.containers("containers").iter().any(|c| Workload::name(c) == CCM) => {
            let line = w.pod_key_line("containers");
            out.push((line, format!("no container is named {CCM}, so the repository's flag tests skip this Deployment silently"), format!("name the controller container {CCM}")));
        }
        "resource-requests" => {
            for c in w.containers("containers").into_iter().chain(w.containers("initContainers")) {
                let req = c.path(&["resources".into(), "requests".into()]);
                let missing: Vec<&str> = ["cpu", "memory"].into_iter().filter(|k| req.and_then(|r| r.get(k)).is_none()).collect();
                if !missing.is_empty() {
                    let line = w.key_line(c, "resources");
                    out.push((line, format!("container {} sets no {} request; OpenShift requires requests (not limits) on every workload", Workload::name(c), missing.join(" or ")), "add `resources: {requests: {cpu: ..., memory: ...}}`".into()));
                }
            }
        }
        _ => {}
    }
    out
}

impl TreeCheck for WorkloadPolicy {
    fn run(&self, ctx: &CheckContext<'_>) -> Result<Vec<CheckFinding>> {
        let Some(root) = ctx.roots.get(&self.spec.root) else { return Ok(Vec::new()) };
        let mut out = Vec::new();
        for d in ctx.descriptors {
            let value = d.template_context();
            let r = ctx.templates.renderer(&value, "workload_policy");
            let dir = root.join(r.render("assets", &self.spec.assets)?);
            let platform = r.render("platform_type", &self.spec.platform_type)?;
            for path in yaml_files(&dir)? {
                let template = match ctx.files.text(&path) {
                    Some(t) => t.to_string(),
                    // Read again for the error itself.
                    None => crate::error::read_to_string(&path)?,
                };
                let display = (ctx.display)(&path);
                let mut finding = |line: usize, message: String, fix: String| {
                    out.push(CheckFinding { provider: Some(d.id.clone()), path: display.clone(), line, message: format!("policy {}: {message}", self.spec.policy), fix: Some(fix) });
                };
                let rendered = match gotemplate::render(&template, &TestValues { platform: platform.clone() }) {
                    Ok(r) => r,
                    Err((line, e)) => {
                        if self.spec.policy == "renders" {
                            finding(line, format!("the template does not render: {e}"), "balance the template's actions".into());
                        }
                        continue;
                    }
                };
                let doc = match yaml::parse_documents(&rendered.text) {
                    Ok(docs) => docs.into_iter().next(),
                    Err(e) => {
                        if self.spec.policy == "renders" {
                            let offset = yaml::offset_of(&rendered.text, &yaml::line_starts(&rendered.text), e.line, e.column.saturating_sub(1));
                            finding(crate::text::line_of(&template, rendered.origin(offset)), format!("the rendered manifest is not valid YAML ({})", e.message), "fix the YAML".into());
                        }
                        continue;
                    }
                };
                let Some(doc) = doc else { continue };
                let Some(kind) = doc.get("kind").and_then(Node::as_str).filter(|k| matches!(*k, "Deployment" | "DaemonSet")) else { continue };
                let w = Workload { kind, doc: &doc, rendered: &rendered, template: &template };
                for (line, message, fix) in check(&self.spec.policy, &w, &platform) {
                    finding(line, message, fix);
                }
            }
        }
        Ok(out)
    }
}

/// The `.yaml` and `.yml` files of a directory, sorted; none when it does not exist.
fn yaml_files(dir: &Path) -> Result<Vec<std::path::PathBuf>> {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(Error::io(dir, e)),
    };
    let mut files: Vec<std::path::PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "yaml" || x == "yml"))
        .collect();
    files.sort();
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn findings(policy: &str, template: &str) -> Vec<Broken> {
        let rendered = gotemplate::render(template, &TestValues { platform: "Acme".into() }).unwrap();
        let doc = yaml::parse_documents(&rendered.text).unwrap().remove(0);
        let kind = doc.get("kind").and_then(Node::as_str).unwrap().to_string();
        let w = Workload { kind: &kind, doc: &doc, rendered: &rendered, template };
        check(policy, &w, "Acme")
    }

    #[test]
    fn lines_point_into_the_template() {
        let t = "kind: Deployment\nmetadata:\n  labels:\n    x: {{ .cloudproviderName }}\nspec:\n  {{- if .tlsMinVersion }}\n  paused: true\n  {{- end }}\n  replicas: 3\n";
        let f = findings("replicas", t);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].0, 9, "{f:?}");
        assert!(f[0].1.contains("is 3"));
    }

    #[test]
    fn every_policy_is_known_and_unknown_ones_are_refused() {
        let mut t = toml::Table::new();
        for (k, v) in [("root", "r"), ("policy", "nope"), ("assets", "a"), ("platform_type", "P")] {
            t.insert(k.into(), toml::Value::String(v.into()));
        }
        let e = build(t, &Location::new("p.toml", 1, 1)).unwrap_err().to_string();
        assert!(e.contains("unknown policy `nope`") && e.contains("resource-requests"), "{e}");
    }
}
