//! `integrate new`: its arguments and the descriptor they make. The flags offer every choice of
//! the descriptor's core (brand, environment, features, credential); on a terminal, when --brand
//! or --env is missing, each choice the command line left out is asked, and an answer that does
//! not fit is refused with the reason and asked again.

use std::io::{BufRead, IsTerminal, Write};

use anyhow::{Result, bail};
use clap::{Args, ValueEnum};
use integrate_codegen::descriptor::{Credential, CredentialKind, Descriptor, EndpointField, Env, Features, Names, validate_brand};

use crate::prompt::Dialogue;

/// The choices of `integrate new`. On a terminal, what the command line leaves out is asked.
#[derive(Debug, Args)]
pub struct NewArgs {
    /// The provider's id: 2-31 lowercase letters and digits, a letter first (the Go package,
    /// file and subcommand name), e.g. mycloud.
    #[arg(value_parser = parse_id)]
    pub id: String,
    /// The CLOUD_PROVIDER_* value, exact case (e.g. MyCloud).
    #[arg(long)]
    pub brand: Option<String>,
    /// Which provider list the provider joins and which cloudmux factory base it uses.
    #[arg(long, value_enum)]
    pub env: Option<EnvArg>,
    /// The provider runs virtual machines: host type, hypervisor, host and guest drivers.
    #[arg(long)]
    pub vms: bool,
    /// Its subnets are scoped to the region (REGIONAL_NETWORK_PROVIDERS).
    #[arg(long)]
    pub regional_network: bool,
    /// Collect its metrics with a cloudmon collector.
    #[arg(long)]
    pub metrics: bool,
    /// What an account of the provider holds [default: access-key].
    #[arg(long, value_enum)]
    pub credential: Option<CredentialArg>,
    /// The extra field an account needs besides the credential [default: none].
    #[arg(long, value_enum)]
    pub endpoint: Option<EndpointArg>,
    /// Print the diff and write nothing.
    #[arg(long)]
    pub dry_run: bool,
}

/// A provider id as `integrate new` takes it: refused here, before any file is named after it.
fn parse_id(id: &str) -> std::result::Result<String, String> {
    match integrate_codegen::descriptor::validate_id(id) {
        Ok(()) => Ok(id.to_string()),
        Err(invalid) => Err(format!("{}\n  hint: {}", invalid.message, invalid.hint)),
    }
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum EnvArg {
    /// A public cloud.
    Public,
    /// A private cloud the customer runs.
    Private,
    /// On-premise virtualisation.
    Onpremise,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum CredentialArg {
    /// An access key id and a secret.
    AccessKey,
    /// A user name and a password.
    UserPassword,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum EndpointArg {
    /// No extra field.
    None,
    /// A Keystone-style authentication URL.
    AuthUrl,
    /// The API endpoint.
    Endpoint,
}

/// The descriptor `integrate new` writes, as TOML: from the flags, asking on a terminal for
/// what they leave out.
pub fn descriptor_text(args: &NewArgs) -> Result<String> {
    let flags_suffice = args.brand.is_some() && args.env.is_some();
    let descriptor = if !flags_suffice && std::io::stdin().is_terminal() && std::io::stderr().is_terminal() {
        descriptor(args, Some(&mut Dialogue::new(std::io::stdin().lock(), std::io::stderr())))?
    } else {
        descriptor::<&[u8], Vec<u8>>(args, None)?
    };
    Ok(descriptor.to_toml())
}

/// Every choice from its flag; a choice left out is asked through `ask`, or without one takes
/// its default (brand and environment have none: they are required).
fn descriptor<R: BufRead, W: Write>(args: &NewArgs, mut ask: Option<&mut Dialogue<R, W>>) -> Result<Descriptor> {
    let brand = match (&args.brand, ask.as_deref_mut()) {
        (Some(brand), _) => brand.clone(),
        (None, Some(d)) => d.text(&format!("Brand, the CLOUD_PROVIDER_* value in its exact case (e.g. {})", title_case(&args.id)), None, |b| {
            validate_brand(b).map_err(|e| format!("{}: {}", e.message, e.hint))
        })?,
        (None, None) => bail!("--brand is required when not on a terminal\n  hint: pass the CLOUD_PROVIDER_* value in its exact case, e.g. --brand {}, or run on a terminal to be asked", title_case(&args.id)),
    };
    let env = match (args.env, ask.as_deref_mut()) {
        (Some(env), _) => env,
        (None, Some(d)) => d.choice("Environment", &EnvArg::Private)?,
        (None, None) => bail!("--env is required when not on a terminal\n  hint: pass --env public, private or onpremise, or run on a terminal to be asked"),
    };
    let mut feature = |given: bool, question: &str| match ask.as_deref_mut() {
        Some(d) if !given => d.yes_no(question, false),
        _ => Ok(given),
    };
    let features = Features {
        vms: feature(args.vms, "Does it run virtual machines (host type, hypervisor, host and guest drivers)?")?,
        regional_network: feature(args.regional_network, "Are its subnets scoped to the region (regional network)?")?,
        metrics: feature(args.metrics, "Collect its metrics with a cloudmon collector?")?,
    };
    let credential = match (args.credential, ask.as_deref_mut()) {
        (Some(c), _) => c,
        (None, Some(d)) => d.choice("Credential an account holds", &CredentialArg::AccessKey)?,
        (None, None) => CredentialArg::AccessKey,
    };
    let endpoint = match (args.endpoint, ask) {
        (Some(e), _) => e,
        (None, Some(d)) => d.choice("Extra account field", &EndpointArg::None)?,
        (None, None) => EndpointArg::None,
    };
    Ok(Descriptor {
        schema: integrate_codegen::descriptor::SCHEMA,
        id: args.id.clone(),
        env: match env {
            EnvArg::Public => Env::Public,
            EnvArg::Private => Env::Private,
            EnvArg::Onpremise => Env::Onpremise,
        },
        names: Names {
            const_: args.id.to_ascii_uppercase(),
            go: brand.chars().filter(|c| c.is_ascii_alphanumeric()).collect(),
            cli: format!("{}cli", args.id),
            hypervisor_const: args.id.to_ascii_uppercase(),
            package: args.id.clone(),
        },
        brand,
        features,
        credential: Credential {
            kind: match credential {
                CredentialArg::AccessKey => CredentialKind::AccessKey,
                CredentialArg::UserPassword => CredentialKind::UserPassword,
            },
            endpoint: match endpoint {
                EndpointArg::None => EndpointField::None,
                EndpointArg::AuthUrl => EndpointField::AuthUrl,
                EndpointArg::Endpoint => EndpointField::Endpoint,
            },
            fields: Vec::new(),
        },
        validation: None,
        sections: Default::default(),
        source: None,
    })
}

fn title_case(id: &str) -> String {
    let mut c = id.chars();
    c.next().map(|f| f.to_ascii_uppercase().to_string() + c.as_str()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use clap::Parser;

    use super::*;

    #[derive(Debug, Parser)]
    struct New {
        #[command(flatten)]
        args: NewArgs,
    }

    /// The descriptor `integrate new <argv>` makes when `script` is typed, and the dialogue.
    fn answered(argv: &[&str], script: &str) -> (Descriptor, String) {
        let args = New::try_parse_from(std::iter::once("new").chain(argv.iter().copied())).unwrap().args;
        let mut said = Vec::new();
        let d = descriptor(&args, Some(&mut Dialogue::new(script.as_bytes(), &mut said))).unwrap();
        (d, String::from_utf8(said).unwrap())
    }

    #[test]
    fn every_choice_left_out_is_asked_and_a_typo_asked_again() {
        let (d, said) = answered(&["mycloud"], "9Cloud\nMyCloud\nprivat\npublic\ny\nnope\nn\ny\nuser_password\nauth-url\n");
        assert_eq!((d.brand.as_str(), d.env), ("MyCloud", Env::Public));
        assert_eq!(d.features, Features { vms: true, regional_network: false, metrics: true });
        assert_eq!((d.credential.kind, d.credential.endpoint), (CredentialKind::UserPassword, EndpointField::AuthUrl));
        for question in ["Brand", "Environment", "virtual machines", "regional network", "cloudmon", "Credential", "Extra account field"] {
            assert_eq!(said.matches(question).count(), if ["Brand", "Environment", "regional network"].contains(&question) { 2 } else { 1 }, "{question}:\n{said}");
        }
        assert!(said.contains("invalid brand `9Cloud`") && said.contains("`privat` is not one of: public") && said.contains("`nope`: answer y or n"), "{said}");
    }

    #[test]
    fn defaults_are_taken_on_enter() {
        let (d, _) = answered(&["mycloud", "--brand", "MyCloud"], "\n\n\n\n\n\n");
        assert_eq!(d.env, Env::Private);
        assert_eq!(d.features, Features::default());
        assert_eq!((d.credential.kind, d.credential.endpoint), (CredentialKind::AccessKey, EndpointField::None));
    }

    #[test]
    fn what_the_flags_say_is_not_asked() {
        let (d, said) = answered(&["mycloud", "--brand", "MyCloud", "--vms", "--credential", "user-password"], "onpremise\n\n\nendpoint\n");
        assert!(!said.contains("Brand") && !said.contains("virtual machines") && !said.contains("Credential"), "{said}");
        assert!(d.features.vms && d.env == Env::Onpremise && d.credential.endpoint == EndpointField::Endpoint);
    }

    #[test]
    fn without_a_terminal_brand_and_env_are_required() {
        let args = New::try_parse_from(["new", "mycloud", "--env", "private"]).unwrap().args;
        let e = descriptor::<&[u8], Vec<u8>>(&args, None).unwrap_err().to_string();
        assert!(e.starts_with("--brand is required when not on a terminal\n  hint: ") && e.contains("--brand Mycloud"), "{e}");
    }
}
