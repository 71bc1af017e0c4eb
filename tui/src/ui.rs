//! Rendering: [`draw`] turns an [`App`] into a frame and changes nothing. Every screen has
//! the same frame (see [`layout`]): a title bar, the `--insecure` banner when it is on, the
//! screen's body, a message line, and a help bar generated from the key bindings in force.
//! Popups are drawn last, over the body. Jobs off the UI thread show a spinner, their step and
//! their elapsed time. Secret fields are drawn masked; no text drawn here holds a secret.

use integrate_codegen::descriptor::{CredentialKind, EndpointField, Env};
use integrate_codegen::Descriptor;
use integrate_codegen::engine::{PointReport, PointState};
use integrate_codegen::profile::Severity;
use integrate_codegen::validation::{Outcome, ProbeReport, Report};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{
    Block, Borders, Clear, LineGauge, List, ListItem, ListState, Paragraph, Wrap,
};

use crate::app::{App, DiffState, Leave, Loading, Popup, Progress, RunState, Screen};
use crate::form::FileCheck;
use crate::job::LoadStep;
use crate::keymap;
use crate::layout;
use crate::provider::Provider;
use crate::theme::Theme;
use crate::worker::Job;

const SPINNER: [&str; 10] = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];

/// A spinner frame, the job's words and its elapsed time, on one line.
fn progress_line(progress: &Progress, words: String, theme: &Theme) -> Line<'static> {
    Line::from(vec![
        Span::styled(
            format!("{} ", SPINNER[progress.ticks % SPINNER.len()]),
            theme.key,
        ),
        Span::raw(words),
        Span::styled(
            format!("  {:.1} s", progress.elapsed.as_secs_f64()),
            theme.muted,
        ),
    ])
}

/// Draws the whole app into the frame.
pub fn draw(app: &App, theme: &Theme, frame: &mut Frame) {
    let layout::Areas {
        title,
        banner,
        body,
        message,
        help,
    } = layout::areas(frame.area(), app.insecure);
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
    draw_message(app, theme, frame, message);
    draw_help(app, theme, frame, help);
    match &app.popup {
        Some(Popup::ConfirmApply) => draw_confirm(app, theme, frame, body),
        Some(Popup::Discard(leave)) => draw_discard(*leave, theme, frame, body),
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

/// The message line: a reload's progress while the providers of the last load stay shown,
/// otherwise the message about the last thing done.
fn draw_message(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let line = match (&app.loading, &app.message) {
        (Some(loading), _) if !app.providers.is_empty() => {
            let mut line = progress_line(&loading.progress, load_words(loading), theme);
            line.spans.insert(0, Span::raw(" "));
            line
        }
        (_, Some(m)) => Line::styled(format!(" {m}"), theme.good),
        _ => return,
    };
    frame.render_widget(Paragraph::new(line), area);
}

fn load_words(loading: &Loading) -> String {
    match &loading.step {
        None => "loading: starting".to_owned(),
        Some(step) => format!("loading: {step}"),
    }
}

fn draw_help(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let mut spans = vec![Span::raw(" ")];
    for (i, (keys, help)) in keymap::help_entries(&app.bindings())
        .into_iter()
        .enumerate()
    {
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

/// The preset's kind, or how many fields the descriptor declares, with their names when
/// `named`.
fn credential_name(d: &Descriptor, named: bool) -> String {
    let fields = &d.credential.fields;
    match (d.credential.is_custom(), named) {
        (false, _) => kind_name(d.credential.kind).to_owned(),
        (true, false) => format!("{} declared fields", fields.len()),
        (true, true) => {
            let names: Vec<&str> = fields.iter().map(|f| f.name.get_ref().as_str()).collect();
            format!("{} declared fields ({})", names.len(), names.join(", "))
        }
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

/// Breaks text into lines of at most `width` characters at spaces; a word longer than a line is
/// cut. Line breaks in the text are kept.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut out = Vec::new();
    for para in text.split('\n') {
        let mut line = String::new();
        let mut len = 0;
        for word in para.split(' ') {
            let mut word: Vec<char> = word.chars().collect();
            let sep = usize::from(len > 0);
            if len + sep + word.len() > width && len > 0 {
                out.push(std::mem::take(&mut line));
                len = 0;
            } else if sep == 1 {
                line.push(' ');
                len += 1;
            }
            while word.len() > width - len {
                let rest = word.split_off(width - len);
                line.extend(word);
                out.push(std::mem::take(&mut line));
                len = 0;
                word = rest;
            }
            len += word.len();
            line.extend(word);
        }
        out.push(line);
    }
    out
}

/// A label in a column of `label_w` characters, then `text` wrapped to the rest of `width`
/// with continuation lines indented under the text.
fn labelled(
    label: &str,
    label_w: usize,
    text: &str,
    width: usize,
    theme: &Theme,
    style: Style,
) -> Vec<Line<'static>> {
    wrap(text, width.saturating_sub(label_w))
        .into_iter()
        .enumerate()
        .map(|(i, chunk)| {
            let head = if i == 0 {
                fit(label, label_w)
            } else {
                " ".repeat(label_w)
            };
            Line::from(vec![
                Span::styled(head, theme.muted),
                Span::styled(chunk, style),
            ])
        })
        .collect()
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
        let mut text = Text::from(Line::styled(
            "The descriptors could not be loaded:",
            theme.bad,
        ));
        text.extend(Text::raw(err.as_str()));
        text.push_line(Line::raw(""));
        text.push_line(Line::styled(
            "Fix the descriptor and reload; nothing is shown until every descriptor loads.",
            theme.muted,
        ));
        frame.render_widget(
            Paragraph::new(text).wrap(Wrap { trim: false }).block(outer),
            area,
        );
        return;
    }
    if let Some(loading) = app.loading.as_ref().filter(|_| app.providers.is_empty()) {
        draw_loading(app, loading, theme, frame, area);
        return;
    }
    if app.providers.is_empty() {
        let dir = app.relative(&app.ws.descriptors_dir.display().to_string());
        let text =
            format!("No descriptors in {dir}.\nCreate one with `integrate new <id>`, then reload.");
        frame.render_widget(
            Paragraph::new(text).wrap(Wrap { trim: false }).block(outer),
            area,
        );
        return;
    }
    let [list_area, detail_area] =
        Layout::vertical([Constraint::Min(4), Constraint::Length(7)]).areas(area);
    let inner = outer.inner(list_area);
    frame.render_widget(outer, list_area);
    let [head, list] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(inner);
    let header = format!(
        "  {}{}{}{}{}",
        fit("PROVIDER", 16),
        fit("BRAND", 18),
        fit("ENV", 11),
        fit("PRESENT", 10),
        "STATUS"
    );
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
    frame.render_stateful_widget(
        List::new(items)
            .highlight_style(theme.selected)
            .highlight_symbol("› "),
        list,
        &mut state,
    );
    if let Some(p) = app.provider() {
        draw_provider_detail(app, p, theme, frame, detail_area);
    }
}

/// The first load: what it does, how far it has come, and a gauge once the providers are
/// counted.
fn draw_loading(app: &App, loading: &Loading, theme: &Theme, frame: &mut Frame, area: Rect) {
    let outer = block(" Providers ");
    let inner = outer.inner(area);
    frame.render_widget(outer, area);
    let dir = app.relative(&app.ws.descriptors_dir.display().to_string());
    let mut lines = vec![
        progress_line(&loading.progress, load_words(loading), theme),
        Line::raw(""),
    ];
    let explain = format!(
        "Reading the descriptors in {dir}/, then inspecting each provider's registration points (profile {}). The list appears once the tree is read.",
        app.ws.profile.name
    );
    lines.extend(
        wrap(&explain, usize::from(inner.width))
            .into_iter()
            .map(|l| Line::styled(l, theme.muted)),
    );
    let [text, gauge] = Layout::vertical([
        Constraint::Length(lines.len() as u16 + 1),
        Constraint::Length(1),
    ])
    .areas(inner);
    frame.render_widget(Paragraph::new(lines), text);
    if let Some(LoadStep::Inspecting { done, total, .. }) = &loading.step {
        let ratio = if *total == 0 {
            0.0
        } else {
            *done as f64 / *total as f64
        };
        frame.render_widget(
            LineGauge::default()
                .ratio(ratio)
                .label(format!("{done}/{total}"))
                // Distinct symbols, so the gauge reads without colour too.
                .filled_symbol("━")
                .unfilled_symbol("─")
                .filled_style(theme.good)
                .unfilled_style(theme.muted),
            gauge,
        );
    }
}

fn draw_provider_detail(app: &App, p: &Provider, theme: &Theme, frame: &mut Frame, area: Rect) {
    let d = &p.descriptor;
    let width = usize::from(area.width.saturating_sub(2));
    let plain = Style::new();
    let source = d.source.as_ref().map_or_else(
        || "(not from a file)".to_owned(),
        |s| app.relative(&s.path.display().to_string()),
    );
    let mut lines = labelled("file", 12, &source, width, theme, plain);
    let (na, unchecked) = (p.not_applicable(), p.not_checked());
    lines.extend(labelled(
        "points",
        12,
        &format!(
            "{} apply, {na} n/a, {unchecked} not checked",
            p.applicable()
        ),
        width,
        theme,
        plain,
    ));
    let findings: Vec<&PointReport> = p.reports.iter().filter(|r| r.is_finding()).collect();
    let by_severity = [Severity::Error, Severity::Warning, Severity::Note]
        .iter()
        .map(|s| (s, findings.iter().filter(|r| r.severity == *s).count()))
        .filter(|(_, n)| *n > 0)
        .map(|(s, n)| format!("{n} {s}"))
        .collect::<Vec<_>>();
    let gaps = if by_severity.is_empty() {
        "none".to_owned()
    } else {
        by_severity.join(" · ")
    };
    lines.extend(labelled(
        "to fix",
        12,
        &gaps,
        width,
        theme,
        if findings.is_empty() {
            theme.good
        } else {
            plain
        },
    ));
    let endpoint = match d.credential.endpoint {
        _ if d.credential.is_custom() => "",
        EndpointField::None => "",
        EndpointField::Endpoint => " + endpoint",
        EndpointField::AuthUrl => " + auth URL",
    };
    let validation = match crate::app::validation_spec(d) {
        Ok(spec) => format!("validates with {}", spec.scheme),
        Err(_) => "no [validation] section".to_owned(),
    };
    lines.extend(labelled(
        "credential",
        12,
        &format!("{}{endpoint}; {validation}", credential_name(d, true)),
        width,
        theme,
        plain,
    ));
    frame.render_widget(
        Paragraph::new(lines).block(block(format!(" {} ({}) ", d.brand, d.id))),
        area,
    );
}

fn state_label(state: &PointState) -> &'static str {
    match state {
        PointState::Present => "present",
        PointState::Missing => "missing",
        PointState::Drift { .. } => "drift",
        PointState::NotApplicable => "n/a",
        PointState::NotChecked { .. } => "not checked",
        PointState::NotInVersion { .. } => "not in this version",
    }
}

fn state_style(state: &PointState, theme: &Theme) -> Style {
    match state {
        PointState::Present => theme.good,
        PointState::Missing => theme.bad,
        PointState::Drift { .. } => theme.warn,
        PointState::NotApplicable | PointState::NotChecked { .. } | PointState::NotInVersion { .. } => theme.muted,
    }
}

fn location(r: &PointReport) -> String {
    if r.line == 0 {
        r.path.display().to_string()
    } else {
        format!("{}:{}", r.path.display(), r.line)
    }
}

fn draw_checklist(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let Some(p) = app.provider() else {
        frame.render_widget(
            Paragraph::new("No provider selected.").block(block(" Checklist ")),
            area,
        );
        return;
    };
    let rows = app.checklist_rows();
    let [list_area, detail_area] =
        Layout::vertical([Constraint::Min(3), Constraint::Length(8)]).areas(area);
    let mut title = vec![Span::raw(format!(
        " {} · {}/{} present · ",
        p.descriptor.brand,
        p.present(),
        p.applicable()
    ))];
    title.extend(status_spans(p, theme));
    if app.checklist.missing_only {
        title.push(Span::styled(" · missing only", theme.warn));
    }
    title.push(Span::raw(" "));
    let outer = block(Line::from(title));
    let inner = outer.inner(list_area);
    frame.render_widget(outer, list_area);
    if rows.is_empty() {
        let text = if app.checklist.missing_only {
            "Nothing is missing: every registration that applies is present."
        } else {
            "The profile has no points."
        };
        frame.render_widget(Paragraph::new(text).style(theme.good), inner);
    } else {
        // Columns: "› " + state (12) + severity (8) + point + location.
        let rest = usize::from(inner.width).saturating_sub(2 + 12 + 8);
        let point_w = (rest * 9 / 20).min(38);
        let loc_w = rest.saturating_sub(point_w + 1);
        let items: Vec<ListItem> = rows
            .iter()
            .map(|&i| {
                let r = &p.reports[i];
                ListItem::new(Line::from(vec![
                    Span::styled(fit(state_label(&r.state), 12), state_style(&r.state, theme)),
                    Span::styled(
                        fit(&r.severity.to_string(), 8),
                        if r.severity == Severity::Error {
                            theme.heading
                        } else {
                            Style::new()
                        },
                    ),
                    Span::raw(fit(&r.point, point_w)),
                    Span::raw(" "),
                    Span::styled(fit_left(&location(r), loc_w), theme.muted),
                ]))
            })
            .collect();
        let mut state = ListState::default().with_selected(Some(app.checklist.cursor));
        frame.render_stateful_widget(
            List::new(items)
                .highlight_style(theme.selected)
                .highlight_symbol("› "),
            inner,
            &mut state,
        );
    }
    let selected = rows.get(app.checklist.cursor).map(|&i| &p.reports[i]);
    let Some(r) = selected else {
        frame.render_widget(block(" Point "), detail_area);
        return;
    };
    let width = usize::from(detail_area.width.saturating_sub(2));
    let mut lines = labelled("file", 7, &location(r), width, theme, Style::new());
    lines.extend(labelled("adds", 7, &r.what, width, theme, Style::new()));
    lines.extend(labelled("why", 7, &r.why, width, theme, Style::new()));
    match &r.state {
        PointState::Drift { message } => {
            lines.extend(labelled("drift", 7, message, width, theme, theme.warn))
        }
        PointState::NotChecked { reason } => {
            lines.extend(labelled("skip", 7, reason, width, theme, theme.muted))
        }
        _ => {}
    }
    let title = Line::from(vec![
        Span::raw(format!(" {} · ", r.point)),
        Span::styled(state_label(&r.state), state_style(&r.state, theme)),
        Span::raw(format!(" · {} ", r.severity)),
    ]);
    frame.render_widget(Paragraph::new(lines).block(block(title)), detail_area);
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
    let brand = app
        .providers
        .get(d.provider)
        .map_or("", |p| p.descriptor.brand.as_str());
    let planned = match &d.state {
        DiffState::Ready(planned) => planned,
        DiffState::Planning { progress, step } => {
            let words = match step {
                None => format!("planning the apply of {brand}: starting"),
                Some(step) => format!("planning the apply of {brand}: {step}"),
            };
            let mut lines = vec![progress_line(progress, words, theme), Line::raw("")];
            lines.extend(
                wrap(
                    "Nothing is written until you have read the diff and confirmed it.",
                    usize::from(area.width.saturating_sub(2)),
                )
                .into_iter()
                .map(|l| Line::styled(l, theme.muted)),
            );
            frame.render_widget(Paragraph::new(lines).block(block(" Apply ")), area);
            return;
        }
    };
    let lines_of_diff = &planned.lines;
    if planned.plan.is_empty() {
        let text = format!(
            "Nothing to apply: every registration of {brand} that applies is already present."
        );
        frame.render_widget(
            Paragraph::new(text)
                .style(theme.good)
                .wrap(Wrap { trim: false })
                .block(block(" Apply ")),
            area,
        );
        return;
    }
    let added = lines_of_diff
        .iter()
        .filter(|l| l.starts_with('+') && !l.starts_with("+++"))
        .count();
    let removed = lines_of_diff
        .iter()
        .filter(|l| l.starts_with('-') && !l.starts_with("---"))
        .count();
    let (files, new) = (planned.files(), planned.new_files());
    let page = usize::from(area.height.saturating_sub(2));
    let last = (d.scroll + page).min(lines_of_diff.len());
    let title = format!(" Apply {brand}: {files} files ({new} new), +{added} -{removed} ");
    let position = format!(
        " lines {}-{} of {} ",
        (d.scroll + 1).min(last),
        last,
        lines_of_diff.len()
    );
    let lines: Vec<Line> = lines_of_diff
        .iter()
        .skip(d.scroll)
        .take(page)
        .map(|l| Line::styled(l.replace('\t', "    "), diff_line_style(l, theme)))
        .collect();
    let outer = block(title).title_bottom(Line::from(position).right_aligned());
    frame.render_widget(Paragraph::new(lines).block(outer), area);
}

/// A rectangle of at most `width` x `height` in the middle of `area`.
fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width);
    let h = height.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

fn draw_confirm(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let Some(d) = &app.diff else { return };
    let Some(planned) = d.planned() else { return };
    let brand = app
        .providers
        .get(d.provider)
        .map_or("", |p| p.descriptor.brand.as_str());
    let (files, new) = (planned.files(), planned.new_files());
    let mut lines = vec![
        Line::raw(format!("Apply {brand}: write {files} files?")),
        Line::styled(format!("{} changed, {new} new.", files - new), theme.muted),
        Line::raw(""),
        Line::raw("Every file is written, or none is."),
    ];
    if app.insecure {
        lines.push(Line::styled(
            "(--insecure only affects validation.)",
            theme.muted,
        ));
    }
    draw_question(" Confirm ", lines, theme, frame, area);
}

/// A popup that asks a question, 48 columns wide in the middle of `area`.
fn draw_question(title: &str, lines: Vec<Line>, theme: &Theme, frame: &mut Frame, area: Rect) {
    let popup = centered(area, 48, lines.len() as u16 + 2);
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(block(title).border_style(theme.warn)),
        popup,
    );
}

fn draw_discard(leave: Leave, theme: &Theme, frame: &mut Frame, area: Rect) {
    let question = match leave {
        Leave::Back => "Leave the account form?",
        Leave::Quit => "Quit integrate?",
    };
    let lines = vec![
        Line::raw(question),
        Line::styled("What you typed in the form is discarded.", theme.muted),
    ];
    draw_question(" Discard? ", lines, theme, frame, area);
}

fn draw_error(text: &str, theme: &Theme, frame: &mut Frame, area: Rect) {
    let width = area.width.saturating_sub(6).max(10);
    let lines: Vec<Line> = wrap(text, usize::from(width.saturating_sub(2)))
        .into_iter()
        .map(Line::raw)
        .collect();
    let popup = centered(area, width, (lines.len() as u16).saturating_add(2));
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Paragraph::new(lines).block(block(" Error ").border_style(theme.bad)),
        popup,
    );
}

fn draw_account(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let Some(view) = &app.account else { return };
    let Some(p) = app.providers.get(view.provider) else {
        return;
    };
    let d = &p.descriptor;
    // A line for the focused field's help when any field has help that says more than its label.
    let has_help = view.form.fields.iter().any(|f| f.help.is_some());
    let form_rows = view.form.fields.len() as u16 + 3 + u16::from(has_help);
    let [form_area, out_area] =
        Layout::vertical([Constraint::Length(form_rows), Constraint::Min(0)]).areas(area);
    let form_block = block(format!(" {} credential · {} ", d.brand, credential_name(d, false)));
    let inner = form_block.inner(form_area);
    frame.render_widget(form_block, form_area);
    let label_w = 19;
    let typing = app.is_typing();
    let mut lines = Vec::new();
    let mut cursor = None;
    for (i, field) in view.form.fields.iter().enumerate() {
        let focused = i == view.form.focus;
        let value = match &field.placeholder {
            Some(text) if field.is_empty() => Span::styled(text.clone(), theme.muted),
            _ => Span::raw(field.display()),
        };
        let mut spans = vec![
            Span::raw(if focused { "› " } else { "  " }),
            Span::styled(
                fit(&field.label, label_w),
                if focused { theme.heading } else { theme.muted },
            ),
        ];
        if focused {
            spans.push(Span::styled(field.display(), theme.selected));
            if typing && field.kind.is_text() {
                let x = inner.x + 2 + label_w as u16 + field.display().chars().count() as u16;
                cursor = Some(Position {
                    x: x.min(inner.right().saturating_sub(1)),
                    y: inner.y + i as u16,
                });
            }
        } else {
            spans.push(value);
        }
        // A file field says what its last check found; the check ran in `update`.
        if let Some(status) = field.file.status() {
            let style = if field.file == FileCheck::Readable { theme.good } else { theme.bad };
            spans.push(Span::raw("  "));
            spans.push(Span::styled(status, style));
        }
        lines.push(Line::from(spans));
    }
    if has_help {
        let help = view.form.focused().and_then(|f| f.help.as_deref()).unwrap_or_default();
        lines.push(Line::styled(format!("  {help}"), theme.muted));
    }
    let in_force = view
        .form
        .fields
        .iter()
        .find(|f| f.is_endpoint() && !f.is_empty())
        .map(|f| f.display());
    let endpoint = match &view.spec {
        Ok(spec) => Line::styled(
            format!(
                "  validates with {} against {}",
                spec.scheme,
                in_force.unwrap_or_else(|| spec.endpoint.clone())
            ),
            theme.muted,
        ),
        Err(_) => Line::styled(
            "  the descriptor has no usable [validation] section",
            theme.warn,
        ),
    };
    lines.push(endpoint);
    frame.render_widget(Paragraph::new(lines), inner);
    if let Some(pos) = cursor {
        frame.set_cursor_position(pos);
    }

    let width = usize::from(out_area.width.saturating_sub(2));
    let (title, lines) = match (&view.run, &view.spec) {
        (RunState::Idle, Err(why)) => {
            let mut lines = vec![
                Line::styled("✘ NOTHING TO VALIDATE AGAINST", theme.bad),
                Line::raw(""),
            ];
            lines.extend(wrap(why, width).into_iter().map(Line::raw));
            (" Outcome ", lines)
        }
        (RunState::Idle, Ok(_)) => (
            " Outcome ",
            wrap(
                "Not validated yet. Secrets stay in memory: never logged, never written to disk.",
                width,
            )
            .into_iter()
            .map(|l| Line::styled(l, theme.muted))
            .collect(),
        ),
        (RunState::Running(r), _) => {
            let what = match r.job {
                Job::Validate => "validating",
                Job::Probe => "probing with a wrong key",
            };
            let step = r
                .step
                .as_ref()
                .map_or_else(|| "starting".to_owned(), ToString::to_string);
            let line = progress_line(&r.progress, format!("{what}: {step}"), theme);
            let title = if r.job == Job::Probe {
                " Wrong-key probe "
            } else {
                " Outcome "
            };
            (title, vec![line])
        }
        (RunState::Done(report), _) => (" Outcome ", report_lines(report, width, theme)),
        (RunState::Probed(report), _) => (" Wrong-key probe ", probe_lines(report, width, theme)),
        (RunState::Failed { job, message }, _) => {
            let what = match job {
                Job::Validate => "no verdict",
                Job::Probe => "probe failed",
            };
            let mut lines = vec![
                Line::styled(format!("✘ {}", what.to_uppercase()), theme.bad),
                Line::raw(""),
            ];
            lines.extend(wrap(message, width).into_iter().map(Line::raw));
            (" Outcome ", lines)
        }
        (RunState::Refused { job, reasons, .. }, _) => {
            let title = if *job == Job::Probe { " Wrong-key probe " } else { " Outcome " };
            let mut lines = vec![Line::styled("✘ NOT SENT: THE FORM IS INCOMPLETE", theme.bad), Line::raw("")];
            for reason in reasons {
                lines.extend(wrap(&format!("• {reason}"), width).into_iter().map(Line::raw));
            }
            lines.push(Line::raw(""));
            lines.extend(wrap("Nothing was sent. Fix the fields above, then validate again.", width).into_iter().map(|l| Line::styled(l, theme.muted)));
            (title, lines)
        }
        (RunState::Cancelled(job), _) => {
            let what = match job {
                Job::Validate => "Validation cancelled.",
                Job::Probe => "Wrong-key probe cancelled.",
            };
            (" Outcome ", vec![Line::styled(what, theme.warn)])
        }
    };
    frame.render_widget(Paragraph::new(lines).block(block(title)), out_area);
}

/// The outcome's badge and, in words, what it means.
fn headline(outcome: &Outcome, theme: &Theme) -> Line<'static> {
    let style = match outcome.exit_code() {
        0 => theme.good,
        1 => theme.bad,
        _ => theme.warn,
    };
    let mark = if outcome.is_valid() { "✔" } else { "✘" };
    let words = match outcome {
        Outcome::Valid => "the endpoint accepted the credential".to_owned(),
        Outcome::InvalidAccessKey { which, .. } => which.to_string(),
        Outcome::Forbidden { .. } => {
            "the credential is valid but may not make this request".to_owned()
        }
        Outcome::Unreachable { detail } | Outcome::Tls { detail } | Outcome::Timeout { detail } => {
            detail.clone()
        }
        Outcome::Unexpected { .. } => "the answer says nothing about the credential".to_owned(),
    };
    Line::from(vec![
        Span::styled(
            format!("{mark} {}", outcome.kind().replace('_', " ").to_uppercase()),
            style,
        ),
        Span::raw(format!("  {words}")),
    ])
}

fn answer(status: Option<u16>, code: Option<&str>) -> String {
    let mut answer = match status {
        Some(s) => format!("HTTP {s}"),
        None => "no HTTP answer".to_owned(),
    };
    if let Some(c) = code {
        answer.push_str(&format!(", code {c}"));
    }
    answer
}

fn excerpt_lines(excerpt: Option<&str>, width: usize, theme: &Theme) -> Vec<Line<'static>> {
    match excerpt {
        Some(e) => labelled("", 2, e, width, theme, Style::new()),
        None => vec![Line::styled("  (no answer body)", theme.muted)],
    }
}

fn report_lines(r: &Report, width: usize, theme: &Theme) -> Vec<Line<'static>> {
    let plain = Style::new();
    let mut lines = vec![headline(&r.outcome, theme), Line::raw("")];
    lines.extend(labelled(
        "endpoint",
        10,
        &format!("{} ({})", r.endpoint, r.scheme),
        width,
        theme,
        plain,
    ));
    lines.extend(labelled(
        "answer",
        10,
        &format!(
            "{}, {} ms",
            answer(r.status, r.code.as_deref()),
            r.elapsed.as_millis()
        ),
        width,
        theme,
        plain,
    ));
    if let Some(m) = &r.message {
        lines.extend(labelled("message", 10, m, width, theme, plain));
    }
    if r.insecure {
        lines.extend(labelled(
            "TLS",
            10,
            "certificate verification was off",
            width,
            theme,
            theme.warn,
        ));
    }
    lines.push(Line::styled("raw excerpt", theme.heading));
    lines.extend(excerpt_lines(r.excerpt.as_deref(), width, theme));
    lines
}

fn probe_lines(r: &ProbeReport, width: usize, theme: &Theme) -> Vec<Line<'static>> {
    let plain = Style::new();
    let mut lines = labelled(
        "endpoint",
        10,
        &format!("{} ({})", r.endpoint, r.scheme),
        width,
        theme,
        plain,
    );
    let codes = if r.invalid_key_codes.is_empty() {
        "(none)".to_owned()
    } else {
        r.invalid_key_codes.join(", ")
    };
    lines.extend(labelled("mapped", 10, &codes, width, theme, plain));
    for a in &r.attempts {
        lines.push(Line::raw(""));
        lines.push(Line::from(vec![
            Span::styled(format!("{}: ", a.altered), theme.heading),
            Span::raw(format!("{}, ", answer(a.status, a.code.as_deref()))),
            if a.mapped {
                Span::styled("mapped", theme.good)
            } else {
                Span::styled("not mapped", theme.bad)
            },
        ]));
        let mut head = headline(&a.outcome, theme);
        head.spans.insert(0, Span::raw("  "));
        lines.push(head);
        if let Some(n) = &a.note {
            lines.extend(labelled("  note", 8, n, width, theme, theme.muted));
        }
        lines.extend(excerpt_lines(a.excerpt.as_deref(), width, theme));
    }
    lines.push(Line::raw(""));
    match &r.suggestion {
        Some(s) => {
            lines.push(Line::styled(
                "add to the descriptor's [validation] section:",
                theme.warn,
            ));
            lines.extend(labelled("", 2, s, width, theme, plain));
        }
        None => lines.push(Line::styled(
            "every code the endpoint gave is already mapped",
            theme.good,
        )),
    }
    lines
}
