//! Questions on a terminal: free text checked by a rule, one of a clap value enum's choices, yes
//! or no. An answer the question cannot take is refused with the reason and asked again; the
//! end of input (Ctrl-D) aborts, so a script that runs out of answers never loops.

use std::io::{BufRead, Write};

use anyhow::{Result, bail};
use clap::ValueEnum;

/// A question-and-answer exchange over a reader and a writer (standard input and error).
#[derive(Debug)]
pub struct Dialogue<R, W> {
    input: R,
    output: W,
}

impl<R: BufRead, W: Write> Dialogue<R, W> {
    pub fn new(input: R, output: W) -> Self {
        Dialogue { input, output }
    }

    /// One line of answer, trimmed; the default when it is empty.
    fn answer(&mut self, question: &str, default: Option<&str>) -> Result<String> {
        match default {
            Some(d) => write!(self.output, "{question} [{d}]: ")?,
            None => write!(self.output, "{question}: ")?,
        }
        self.output.flush()?;
        let mut line = String::new();
        if self.input.read_line(&mut line)? == 0 {
            writeln!(self.output)?;
            bail!("no answer to `{question}` (end of input); nothing was written");
        }
        let answer = line.trim();
        Ok(if answer.is_empty() { default.unwrap_or_default().to_string() } else { answer.to_string() })
    }

    fn refuse(&mut self, reason: &str) -> Result<()> {
        writeln!(self.output, "  {reason}")?;
        Ok(())
    }

    /// Free text, asked until `rule` accepts it.
    pub fn text(&mut self, question: &str, default: Option<&str>, rule: impl Fn(&str) -> Result<(), String>) -> Result<String> {
        loop {
            let answer = self.answer(question, default)?;
            match rule(&answer) {
                _ if answer.is_empty() => self.refuse("an answer is needed")?,
                Ok(()) => return Ok(answer),
                Err(reason) => self.refuse(&reason)?,
            }
        }
    }

    /// One of `T`'s choices (as clap spells them on the command line, `_` taken for `-`),
    /// asked until the answer is one.
    pub fn choice<T: ValueEnum>(&mut self, question: &str, default: &T) -> Result<T> {
        let name = |v: &T| v.to_possible_value().expect("value enums here hide no variant").get_name().to_string();
        let names: Vec<String> = T::value_variants().iter().map(name).collect();
        let question = format!("{question} ({})", names.join(", "));
        loop {
            let answer = self.answer(&question, Some(&name(default)))?;
            if let Ok(v) = T::from_str(&answer.replace('_', "-"), true) {
                return Ok(v);
            }
            let choices: Vec<String> = T::value_variants()
                .iter()
                .filter_map(ValueEnum::to_possible_value)
                .map(|p| match p.get_help() {
                    Some(help) => format!("{} ({help})", p.get_name()),
                    None => p.get_name().to_string(),
                })
                .collect();
            self.refuse(&format!("`{answer}` is not one of: {}", choices.join(", ")))?;
        }
    }

    /// Yes or no, asked until the answer is one of y, yes, n, no.
    pub fn yes_no(&mut self, question: &str, default: bool) -> Result<bool> {
        let question = format!("{question} [{}]", if default { "Y/n" } else { "y/N" });
        loop {
            match self.answer(&question, None)?.to_ascii_lowercase().as_str() {
                "" => return Ok(default),
                "y" | "yes" => return Ok(true),
                "n" | "no" => return Ok(false),
                other => self.refuse(&format!("`{other}`: answer y or n"))?,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
    enum Colour {
        /// The colour of the sky.
        SkyBlue,
        Red,
    }

    fn dialogue(script: &str) -> Dialogue<&[u8], Vec<u8>> {
        Dialogue::new(script.as_bytes(), Vec::new())
    }

    fn said(d: &Dialogue<&[u8], Vec<u8>>) -> String {
        String::from_utf8(d.output.clone()).unwrap()
    }

    #[test]
    fn a_typo_is_refused_with_the_choices_and_asked_again() {
        let mut d = dialogue("bleu\nsky_blue\n");
        assert_eq!(d.choice("Colour", &Colour::Red).unwrap(), Colour::SkyBlue);
        assert_eq!(said(&d), "Colour (sky-blue, red) [red]:   `bleu` is not one of: sky-blue (The colour of the sky), red\nColour (sky-blue, red) [red]: ");
    }

    #[test]
    fn an_empty_answer_takes_the_default() {
        let mut d = dialogue("\n\n");
        assert_eq!(d.choice("Colour", &Colour::Red).unwrap(), Colour::Red);
        assert!(d.yes_no("Sure?", true).unwrap());
    }

    #[test]
    fn yes_no_asks_again_until_it_is_either() {
        let mut d = dialogue("maybe\nYES\nn\n");
        assert!(d.yes_no("Sure?", false).unwrap());
        assert!(!d.yes_no("Sure?", true).unwrap());
        assert!(said(&d).contains("Sure? [y/N]:   `maybe`: answer y or n\nSure? [y/N]: "), "{}", said(&d));
    }

    #[test]
    fn text_is_asked_until_the_rule_accepts_it() {
        let mut d = dialogue("\n9lives\nNine\n");
        let rule = |s: &str| if s.starts_with(|c: char| c.is_ascii_alphabetic()) { Ok(()) } else { Err(format!("`{s}` starts with a digit")) };
        assert_eq!(d.text("Name", None, rule).unwrap(), "Nine");
        assert!(said(&d).contains("an answer is needed") && said(&d).contains("`9lives` starts with a digit"), "{}", said(&d));
    }

    #[test]
    fn the_end_of_input_aborts_instead_of_asking_forever() {
        let mut d = dialogue("bleu\n");
        let e = d.choice("Colour", &Colour::Red).unwrap_err().to_string();
        assert!(e.contains("no answer to `Colour (sky-blue, red)` (end of input)"), "{e}");
    }
}
