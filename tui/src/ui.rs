//! Rendering: [`draw`] turns an [`App`] into a frame and changes nothing. Every screen has
//! the same frame: a title bar, the `--insecure` banner when it is on, the screen's body, a
//! message line, and a help bar generated from the keymap in force. Popups are drawn last, over
//! the body. Secret fields are drawn masked; no text drawn here holds a secret.

use integrate_codegen::descriptor::{CredentialKind, Env};
use integrate_codegen::engine::{PointReport, PointState};
use integrate_codegen::profile::Severity;
use integrate_codegen::validation::{Outcome, ProbeReport, Report};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, Borders, Clear, List, ListItem, ListState, Paragraph, Wrap};

use crate::app::{App, Popup, Provider, RunState, Screen};
use crate::form::FieldKind;
use crate::keymap;
use crate::theme::Theme;
use crate::worker::Job;

/// Rows every screen spends outside its scrollable content: the title bar, the message line,
/// the help bar and the two borders of the body's block. The insecure banner adds one more.
pub const CHROME_ROWS: usize = 5;

const SPINNER: [&str; 10] = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];

/// Draws the whole app into the frame.
pub fn draw(app: &App, theme: &Theme, frame: &mut Frame) {
    let area = frame.area();
    let [title, banner, body, message, help] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(u16::from(app.insecure)),
        Constraint::Min(0),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    draw_title(app, theme, frame, title);
    if app.insecure {
        let text = " ! --insecure: TLS certificates are NOT verified when validating credentials";
        frame.render_widget(Paragraph::new(text).style(theme.insecure), banner);
    }
    match app.screen {
        Screen::Providers => draw_providers(app, theme, frame, body),
        Screen::Checklist => draw_checklist(app, theme, frame, body),
        Screen::Diff => draw_diff(app, theme, frame, body),
        Screen::Account => draw_account(app, theme, frame, body),
    }
    if let Some(m) = &app.message {
        frame.render_widget(Paragraph::new(format!(" {m}")).style(theme.good), message);
    }
    draw_help(app, theme, frame, help);
    match &app.popup {
        Some(Popup::Confirm) => draw_confirm(app, theme, frame, body),
        Some(Popup::Error(text)) => draw_error(text, theme, frame, body),
        None => {}
    }
}

fn draw_title(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let brand = app.provider().map_or("", |p| p.descriptor.brand.as_str());
    let screen = match app.screen {
        Screen::Providers => "providers".to_owned(),
        Screen::Checklist => format!("{brand} checklist"),
        Screen::Diff => format!("{brand} apply preview"),
        Screen::Account => format!("{brand} account"),
    };
    let text = format!(" integrate · profile {} · {screen}", app.ws.profile.name);
    frame.render_widget(Paragraph::new(text).style(theme.title), area);
}

fn draw_help(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let mut spans = vec![Span::raw(" ")];
    for (i, (keys, help)) in keymap::help_entries(app.keymap()).into_iter().enumerate() {
        if i > 0 {
            spans.push(Span::raw("  "));
        }
        spans.push(Span::styled(keys, theme.key));
        spans.push(Span::raw(format!(" {help}")));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

fn block<'a>(title: impl Into<Line<'a>>) -> Block<'a> {
    Block::default().borders(Borders::ALL).title(title)
}

fn kind_name(kind: CredentialKind) -> &'static str {
    match kind {
        CredentialKind::AccessKey => "access key",
        CredentialKind::UserPassword => "user and password",
    }
}

fn env_name(env: Env) -> &'static str {
    match env {
        Env::Public => "public",
        Env::Private => "private",
        Env::Onpremise => "onpremise",
    }
}

/// Pads or cuts `s` to exactly `width` characters.
fn fit(s: &str, width: usize) -> String {
    let n = s.chars().count();
    if n <= width {
        format!("{s}{}", " ".repeat(width - n))
    } else if width == 0 {
        String::new()
    } else {
        let mut out: String = s.chars().take(width - 1).collect();
        out.push('…');
        out
    }
}

/// Cuts `s` to at most `width` characters by dropping its start, which keeps a path's file name.
fn fit_left(s: &str, width: usize) -> String {
    let n = s.chars().count();
    if n <= width {
        s.to_owned()
    } else if width == 0 {
        String::new()
    } else {
        let mut out = String::from("…");
        out.extend(s.chars().skip(n - width + 1));
        out
    }
}

fn status_spans(p: &Provider, theme: &Theme) -> Vec<Span<'static>> {
    let (missing, drift) = (p.missing(), p.drift());
    let mut spans = Vec::new();
    if missing == 0 && drift == 0 {
        spans.push(Span::styled("complete", theme.good));
    }
    if missing > 0 {
        spans.push(Span::styled(format!("{missing} missing"), theme.bad));
    }
    if drift > 0 {
        if missing > 0 {
            spans.push(Span::raw(", "));
        }
        spans.push(Span::styled(format!("{drift} drift"), theme.warn));
    }
    spans
}

fn draw_providers(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let outer = block(" Providers ");
    if let Some(err) = &app.load_error {
        let mut text = Text::from(Line::styled("The descriptors could not be loaded:", theme.bad));
        text.extend(Text::raw(err.as_str()));
        text.push_line(Line::raw(""));
        text.push_line(Line::styled("Fix the descriptor and reload; nothing is shown until every descriptor loads.", theme.muted));
        frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: false }).block(outer), area);
        return;
    }
    if app.providers.is_empty() {
        let dir = app.relative(&app.ws.descriptors_dir.display().to_string());
        let text = format!("No descriptors in {dir}.\nCreate one with `integrate new <id>`, then reload.");
        frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: false }).block(outer), area);
        return;
    }
    let inner = outer.inner(area);
    frame.render_widget(outer, area);
    let [head, list] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(inner);
    let header = format!("  {}{}{}{}{}", fit("PROVIDER", 16), fit("BRAND", 18), fit("ENV", 11), fit("PRESENT", 10), "STATUS");
    frame.render_widget(Paragraph::new(header).style(theme.heading), head);
    let items: Vec<ListItem> = app
        .providers
        .iter()
        .map(|p| {
            let d = &p.descriptor;
            let mut spans = vec![Span::raw(format!(
                "{}{}{}{}",
                fit(&d.id, 16),
                fit(&d.brand, 18),
                fit(env_name(d.env), 11),
                fit(&format!("{}/{}", p.present(), p.applicable()), 10)
            ))];
            spans.extend(status_spans(p, theme));
            ListItem::new(Line::from(spans))
        })
        .collect();
    let mut state = ListState::default().with_selected(Some(app.selected));
    frame.render_stateful_widget(List::new(items).highlight_style(theme.selected).highlight_symbol("› "), list, &mut state);
}

fn state_label(state: &PointState) -> &'static str {
    match state {
        PointState::Present => "present",
        PointState::Missing => "missing",
        PointState::Drift { .. } => "drift",
        PointState::NotApplicable => "n/a",
        PointState::NotChecked { .. } => "unchecked",
    }
}

fn state_style(state: &PointState, theme: &Theme) -> Style {
    match state {
        PointState::Present => theme.good,
        PointState::Missing => theme.bad,
        PointState::Drift { .. } => theme.warn,
        PointState::NotApplicable | PointState::NotChecked { .. } => theme.muted,
    }
}

fn location(r: &PointReport) -> String {
    if r.line == 0 { r.path.display().to_string() } else { format!("{}:{}", r.path.display(), r.line) }
}

fn draw_checklist(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let Some(p) = app.provider() else {
        frame.render_widget(Paragraph::new("No provider selected.").block(block(" Checklist ")), area);
        return;
    };
    let rows = app.checklist_rows();
    let [list_area, detail_area] = Layout::vertical([Constraint::Min(3), Constraint::Length(8)]).areas(area);
    let mut title = vec![Span::raw(format!(" {} · {}/{} present · ", p.descriptor.brand, p.present(), p.applicable()))];
    title.extend(status_spans(p, theme));
    if app.checklist.missing_only {
        title.push(Span::styled(" · missing only", theme.warn));
    }
    title.push(Span::raw(" "));
    let outer = block(Line::from(title));
    let inner = outer.inner(list_area);
    frame.render_widget(outer, list_area);
    if rows.is_empty() {
        let text = if app.checklist.missing_only { "Nothing is missing: every registration that applies is present." } else { "The profile has no points." };
        frame.render_widget(Paragraph::new(text).style(theme.good), inner);
    } else {
        // Columns: "› " + state (10) + severity (8) + point + location.
        let rest = usize::from(inner.width).saturating_sub(2 + 10 + 8);
        let point_w = (rest * 9 / 20).min(38);
        let loc_w = rest.saturating_sub(point_w + 1);
        let items: Vec<ListItem> = rows
            .iter()
            .map(|&i| {
                let r = &p.reports[i];
                ListItem::new(Line::from(vec![
                    Span::styled(fit(state_label(&r.state), 10), state_style(&r.state, theme)),
                    Span::styled(fit(&r.severity.to_string(), 8), if r.severity == Severity::Error { theme.heading } else { Style::new() }),
                    Span::raw(fit(&r.point, point_w)),
                    Span::raw(" "),
                    Span::styled(fit_left(&location(r), loc_w), theme.muted),
                ]))
            })
            .collect();
        let mut state = ListState::default().with_selected(Some(app.checklist.cursor));
        frame.render_stateful_widget(List::new(items).highlight_style(theme.selected).highlight_symbol("› "), inner, &mut state);
    }
    let selected = rows.get(app.checklist.cursor).map(|&i| &p.reports[i]);
    let Some(r) = selected else {
        frame.render_widget(block(" Point "), detail_area);
        return;
    };
    let label = |s: &'static str| Span::styled(fit(s, 7), theme.muted);
    let mut lines = vec![
        Line::from(vec![label("file"), Span::raw(location(r))]),
        Line::from(vec![label("adds"), Span::raw(r.what.clone())]),
        Line::from(vec![label("why"), Span::raw(r.why.clone())]),
    ];
    match &r.state {
        PointState::Drift { message } => lines.push(Line::from(vec![label("drift"), Span::styled(message.clone(), theme.warn)])),
        PointState::NotChecked { reason } => lines.push(Line::from(vec![label("skip"), Span::styled(reason.clone(), theme.muted)])),
        _ => {}
    }
    let title = Line::from(vec![
        Span::raw(format!(" {} · ", r.point)),
        Span::styled(state_label(&r.state), state_style(&r.state, theme)),
        Span::raw(format!(" · {} ", r.severity)),
    ]);
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }).block(block(title)), detail_area);
}

fn diff_line_style(line: &str, theme: &Theme) -> Style {
    if line.starts_with("+++") || line.starts_with("---") || line.starts_with("diff ") {
        theme.heading
    } else if line.starts_with("@@") {
        theme.diff_header
    } else if line.starts_with('+') {
        theme.diff_add
    } else if line.starts_with('-') {
        theme.diff_del
    } else {
        Style::new()
    }
}

fn draw_diff(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let Some(d) = &app.diff else {
        frame.render_widget(block(" Apply "), area);
        return;
    };
    let brand = app.providers.get(d.provider).map_or("", |p| p.descriptor.brand.as_str());
    if d.plan.is_empty() {
        let text = format!("Nothing to apply: every registration of {brand} that applies is already present.");
        frame.render_widget(Paragraph::new(text).style(theme.good).wrap(Wrap { trim: false }).block(block(" Apply ")), area);
        return;
    }
    let added = d.lines.iter().filter(|l| l.starts_with('+') && !l.starts_with("+++")).count();
    let removed = d.lines.iter().filter(|l| l.starts_with('-') && !l.starts_with("---")).count();
    let files = d.plan.changes.len();
    let new = d.plan.changes.iter().filter(|c| c.before.is_none()).count();
    let page = usize::from(area.height.saturating_sub(2));
    let last = (d.scroll + page).min(d.lines.len());
    let title = format!(" Apply {brand}: {files} files ({new} new), +{added} -{removed} ");
    let position = format!(" lines {}-{} of {} ", (d.scroll + 1).min(last), last, d.lines.len());
    let lines: Vec<Line> = d.lines.iter().skip(d.scroll).take(page).map(|l| Line::styled(l.replace('\t', "    "), diff_line_style(l, theme))).collect();
    let outer = block(title).title_bottom(Line::from(position).right_aligned());
    frame.render_widget(Paragraph::new(lines).block(outer), area);
}

/// A rectangle of at most `width` x `height` in the middle of `area`.
fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width);
    let h = height.min(area.height);
    Rect { x: area.x + (area.width - w) / 2, y: area.y + (area.height - h) / 2, width: w, height: h }
}

fn draw_confirm(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let Some(d) = &app.diff else { return };
    let brand = app.providers.get(d.provider).map_or("", |p| p.descriptor.brand.as_str());
    let files = d.plan.changes.len();
    let new = d.plan.changes.iter().filter(|c| c.before.is_none()).count();
    let mut lines = vec![
        Line::raw(format!("Apply {brand}: write {files} files?")),
        Line::styled(format!("{} changed, {new} new.", files - new), theme.muted),
        Line::raw(""),
        Line::raw("Every file is written, or none is."),
    ];
    if app.insecure {
        lines.push(Line::styled("(--insecure only affects validation.)", theme.muted));
    }
    let popup = centered(area, 48, lines.len() as u16 + 2);
    frame.render_widget(Clear, popup);
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }).block(block(" Confirm ").border_style(theme.warn)), popup);
}

fn draw_error(text: &str, theme: &Theme, frame: &mut Frame, area: Rect) {
    let width = area.width.saturating_sub(6).max(10);
    let inner_w = usize::from(width.saturating_sub(2)).max(1);
    let rows: usize = text.lines().map(|l| l.chars().count().max(1).div_ceil(inner_w)).sum();
    let popup = centered(area, width, (rows as u16).saturating_add(2));
    frame.render_widget(Clear, popup);
    frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: false }).block(block(" Error ").border_style(theme.bad)), popup);
}

fn draw_account(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let Some(view) = &app.account else { return };
    let Some(p) = app.providers.get(view.provider) else { return };
    let d = &p.descriptor;
    let form_rows = view.form.fields.len() as u16 + 3;
    let [form_area, out_area] = Layout::vertical([Constraint::Length(form_rows), Constraint::Min(0)]).areas(area);
    let form_block = block(format!(" {} credential · {} ", d.brand, kind_name(d.credential.kind)));
    let inner = form_block.inner(form_area);
    frame.render_widget(form_block, form_area);
    let label_w = 19;
    let typing = app.is_typing();
    let mut lines = Vec::new();
    let mut cursor = None;
    for (i, field) in view.form.fields.iter().enumerate() {
        let focused = i == view.form.focus && view.editing;
        let value = if field.is_empty() && field.kind == FieldKind::Url {
            Span::styled("(empty: the descriptor's endpoint is used)", theme.muted)
        } else {
            Span::raw(field.display())
        };
        let mut spans = vec![
            Span::raw(if focused { "› " } else { "  " }),
            Span::styled(fit(field.label, label_w), if focused { theme.heading } else { theme.muted }),
        ];
        if focused {
            spans.push(Span::styled(field.display(), theme.selected));
            if typing {
                let x = inner.x + 2 + label_w as u16 + field.display().chars().count() as u16;
                cursor = Some(Position { x: x.min(inner.right().saturating_sub(1)), y: inner.y + i as u16 });
            }
        } else {
            spans.push(value);
        }
        lines.push(Line::from(spans));
    }
    let endpoint = match crate::app::validation_spec(d) {
        Ok(spec) => Line::styled(format!("  validates with {} against {}", spec.scheme, spec.endpoint), theme.muted),
        Err(_) => Line::styled("  the descriptor has no usable [validation] section", theme.warn),
    };
    lines.push(endpoint);
    frame.render_widget(Paragraph::new(lines), inner);
    if let Some(pos) = cursor {
        frame.set_cursor_position(pos);
    }

    let (title, text) = match &view.run {
        RunState::Idle => (" Outcome ", Text::styled("Not validated yet. Secrets stay in memory: never logged, never written to disk.", theme.muted)),
        RunState::Running(r) => {
            let what = match r.job {
                Job::Validate => "validating",
                Job::Probe => "probing with a wrong key",
            };
            let step = r.step.as_ref().map_or_else(|| "starting".to_owned(), ToString::to_string);
            let line = Line::from(vec![
                Span::styled(format!("{} ", SPINNER[r.ticks % SPINNER.len()]), theme.key),
                Span::raw(format!("{what}: {step}")),
                Span::styled(format!("  {:.1} s", r.elapsed.as_secs_f64()), theme.muted),
            ]);
            let title = if r.job == Job::Probe { " Wrong-key probe " } else { " Outcome " };
            (title, Text::from(line))
        }
        RunState::Done(report) => (" Outcome ", report_text(report, theme)),
        RunState::Probed(report) => (" Wrong-key probe ", probe_text(report, theme)),
        RunState::Failed { job, message } => {
            let what = match job {
                Job::Validate => "No verdict: ",
                Job::Probe => "Probe failed: ",
            };
            (" Outcome ", Text::from(Line::from(vec![Span::styled(what, theme.bad), Span::raw(message.clone())])))
        }
        RunState::Cancelled(job) => {
            let what = match job {
                Job::Validate => "Validation cancelled.",
                Job::Probe => "Wrong-key probe cancelled.",
            };
            (" Outcome ", Text::styled(what, theme.warn))
        }
    };
    frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: false }).block(block(title)), out_area);
}

fn outcome_badge(outcome: &Outcome, theme: &Theme) -> Span<'static> {
    let style = match outcome.exit_code() {
        0 => theme.good,
        1 => theme.bad,
        _ => theme.warn,
    };
    let mark = if outcome.is_valid() { "✔" } else { "✘" };
    Span::styled(format!("{mark} {}", outcome.kind().replace('_', " ").to_uppercase()), style)
}

fn field_line(label: &'static str, value: String, theme: &Theme) -> Line<'static> {
    Line::from(vec![Span::styled(fit(label, 10), theme.muted), Span::raw(value)])
}

fn report_text(r: &Report, theme: &Theme) -> Text<'static> {
    let mut lines = vec![Line::from(vec![outcome_badge(&r.outcome, theme), Span::raw(format!("  {}", r.outcome))]), Line::raw("")];
    lines.push(field_line("endpoint", format!("{} ({})", r.endpoint, r.scheme), theme));
    let mut answer = match r.status {
        Some(s) => format!("HTTP {s}"),
        None => "no HTTP answer".to_owned(),
    };
    if let Some(c) = &r.code {
        answer.push_str(&format!(", code {c}"));
    }
    answer.push_str(&format!(", {} ms", r.elapsed.as_millis()));
    lines.push(field_line("answer", answer, theme));
    if let Some(m) = &r.message {
        lines.push(field_line("message", m.clone(), theme));
    }
    lines.push(Line::styled("raw excerpt", theme.heading));
    match &r.excerpt {
        Some(e) => lines.extend(e.lines().map(|l| Line::raw(format!("  {l}")))),
        None => lines.push(Line::styled("  (no answer body)", theme.muted)),
    }
    Text::from(lines)
}

fn probe_text(r: &ProbeReport, theme: &Theme) -> Text<'static> {
    let mut lines = vec![field_line("endpoint", format!("{} ({})", r.endpoint, r.scheme), theme)];
    let codes = if r.invalid_key_codes.is_empty() { "(none)".to_owned() } else { r.invalid_key_codes.join(", ") };
    lines.push(field_line("mapped", codes, theme));
    for a in &r.attempts {
        let mut answer = match a.status {
            Some(s) => format!("HTTP {s}"),
            None => "no HTTP answer".to_owned(),
        };
        if let Some(c) = &a.code {
            answer.push_str(&format!(", code {c}"));
        }
        lines.push(Line::from(vec![
            Span::styled(format!("{}: ", a.altered), theme.heading),
            Span::raw(format!("{answer}, ")),
            if a.mapped { Span::styled("mapped", theme.good) } else { Span::styled("not mapped", theme.bad) },
        ]));
        lines.push(Line::from(vec![Span::raw("  -> "), outcome_badge(&a.outcome, theme)]));
        if let Some(n) = &a.note {
            lines.push(Line::styled(format!("  note: {n}"), theme.muted));
        }
        if let Some(e) = &a.excerpt {
            lines.push(Line::styled(format!("  raw: {}", e.replace('\n', " ")), theme.muted));
        }
    }
    match &r.suggestion {
        Some(s) => {
            lines.push(Line::styled("add to the descriptor's [validation]:", theme.warn));
            lines.push(Line::raw(format!("  {s}")));
        }
        None => lines.push(Line::styled("every code the endpoint gave is already mapped", theme.good)),
    }
    Text::from(lines)
}
