//! The files one run reads, each read once: check inspects dozens of points for dozens of
//! providers, and many of them look at the same files (a shared list, a provider package that
//! `present_if` globs search), so a [`FileStore`] keeps every text it read, every glob listing
//! it walked, every regular expression it compiled, and per text a [`Memo`] where back ends
//! keep what they worked out from it (a parsed tree, the anchors found in it). It also records
//! which files it was asked for, in order: [`crate::engine::Run::files_read`] derives the
//! benchmark's floor from that record. Files are assumed not to change during a run; apply's
//! staged edits never go through a store.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard, OnceLock};

use crate::error::{Error, Location, Result};
use crate::text::{LineEnding, normalize_line_endings};

/// One file as read from disk.
#[derive(Debug)]
pub struct StoredFile {
    /// The text as on disk; `None` when the file does not exist.
    raw: Option<Arc<str>>,
    /// The LF-normalised text, made on first use (the same allocation when already LF).
    normalized: OnceLock<Option<Arc<str>>>,
    /// What back ends keep about the normalised text.
    pub memo: Arc<Memo>,
}

impl StoredFile {
    /// The text exactly as on disk, `None` when the file does not exist.
    pub fn raw(&self) -> Option<&str> {
        self.raw.as_deref()
    }

    /// The text with CRLF line endings turned into LF, as the engine hands it to back ends.
    pub fn normalized(&self) -> Option<&str> {
        self.normalized
            .get_or_init(|| {
                self.raw.as_ref().map(|raw| match LineEnding::detect(raw) {
                    LineEnding::Lf => raw.clone(),
                    ending => Arc::from(normalize_line_endings(raw, ending)),
                })
            })
            .as_deref()
    }
}

/// Values worked out from one file text, by key and type, each computed once even when
/// several threads ask at the same time. The owner guarantees the text does not change.
#[derive(Default)]
pub struct Memo {
    #[allow(clippy::type_complexity)] // reason: a type-erased map of once-cells is what this is
    slots: std::sync::Mutex<std::collections::HashMap<(std::any::TypeId, String), std::sync::Arc<std::sync::OnceLock<std::sync::Arc<dyn std::any::Any + Send + Sync>>>>>,
    /// Whether back ends must parse the whole text. Without it, a back end may parse only
    /// the parts a lookup needs (the Go back end parses only the declarations that mention the
    /// names a point looks for).
    whole_files: bool,
    /// For the text of an edit (apply's staged files): the memo of the text it was made from
    /// and the edit, so a back end can update what it kept there instead of starting over.
    previous: Mutex<Option<(Arc<Memo>, TextEdit)>>,
}

/// How one text became another: bytes `start..old_end` of the old text are replaced by bytes
/// `start..new_end` of the new one. Rows and columns (0-based, columns in bytes) are given too.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextEdit {
    pub start: usize,
    pub old_end: usize,
    pub new_end: usize,
    pub start_at: (usize, usize),
    pub old_end_at: (usize, usize),
    pub new_end_at: (usize, usize),
}

impl TextEdit {
    /// The one edit that turns `old` into `new`: everything between their common prefix and
    /// their common suffix.
    pub fn between(old: &str, new: &str) -> Self {
        let (o, n) = (old.as_bytes(), new.as_bytes());
        let mut start = o.iter().zip(n).take_while(|(a, b)| a == b).count();
        while !old.is_char_boundary(start) {
            start -= 1;
        }
        let max_suffix = o.len().min(n.len()) - start;
        let mut suffix = o.iter().rev().zip(n.iter().rev()).take(max_suffix).take_while(|(a, b)| a == b).count();
        while !old.is_char_boundary(o.len() - suffix) || !new.is_char_boundary(n.len() - suffix) {
            suffix -= 1;
        }
        let (old_end, new_end) = (o.len() - suffix, n.len() - suffix);
        let at = |text: &str, offset: usize| {
            let before = &text.as_bytes()[..offset];
            let row = before.iter().filter(|&&b| b == b'\n').count();
            (row, offset - before.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1))
        };
        Self { start, old_end, new_end, start_at: at(old, start), old_end_at: at(old, old_end), new_end_at: at(new, new_end) }
    }
}

impl std::fmt::Debug for Memo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Memo").finish_non_exhaustive()
    }
}

impl Memo {
    /// A memo whose back ends parse the whole text (`whole_files`) or only what they need.
    pub fn new(whole_files: bool) -> Self {
        Self { whole_files, ..Self::default() }
    }

    /// The memo of a text made from the text of `previous` by `edit`.
    pub fn edited_from(previous: Arc<Memo>, edit: TextEdit) -> Self {
        let memo = Self::new(previous.whole_files);
        // Only the latest text is looked at: what `previous` was made from is not needed again.
        *lock(&previous.previous) = None;
        *lock(&memo.previous) = Some((previous, edit));
        memo
    }

    pub fn whole_files(&self) -> bool {
        self.whole_files
    }

    /// The memo of the text this one's text was edited from, and the edit.
    pub fn previous(&self) -> Option<(Arc<Memo>, TextEdit)> {
        lock(&self.previous).clone()
    }

    /// The value stored under `key`, if one was computed.
    pub fn get<T: std::any::Any + Send + Sync>(&self, key: &str) -> Option<std::sync::Arc<T>> {
        let slot = lock(&self.slots).get(&(std::any::TypeId::of::<T>(), key.to_string())).cloned()?;
        let value = slot.get()?.clone();
        value.downcast::<T>().ok()
    }

    /// The value stored under `key`, computing it first if there is none. `compute` may use
    /// the memo itself for other keys.
    pub fn get_or_insert_with<T: std::any::Any + Send + Sync>(&self, key: &str, compute: impl FnOnce() -> T) -> std::sync::Arc<T> {
        let slot = {
            let mut slots = self.slots.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
            slots.entry((std::any::TypeId::of::<T>(), key.to_string())).or_default().clone()
        };
        let value = slot.get_or_init(|| std::sync::Arc::new(compute())).clone();
        value.downcast::<T>().unwrap_or_else(|_| unreachable!("slots are keyed by type"))
    }
}

/// A glob listing: the root and the globs.
type GlobKey = (PathBuf, Vec<String>);

/// Files, glob listings and per-text memos of one run. Safe to share between threads.
#[derive(Debug, Default)]
pub struct FileStore {
    files: Mutex<HashMap<PathBuf, Arc<StoredFile>>>,
    lists: Mutex<HashMap<GlobKey, Arc<[PathBuf]>>>,
    /// Every file below a directory, by directory: globs of one provider's package
    /// (`pkg/multicloud/aws/*.go`, `pkg/multicloud/aws/**/*.go`, ...) share one walk.
    walks: Mutex<HashMap<PathBuf, Arc<[PathBuf]>>>,
    regexes: Mutex<HashMap<String, regex::Regex>>,
    /// Every path asked for, in the order of the first request.
    asked: Mutex<Vec<PathBuf>>,
    /// Whether back ends parse every file whole ([`Memo::whole_files`]).
    whole_files: bool,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

impl FileStore {
    pub fn new() -> Self {
        Self::default()
    }

    /// A store whose back ends parse every file whole instead of only the parts points look
    /// at: slower, and the reference the partial parsing is tested against.
    pub fn parsing_whole_files() -> Self {
        Self { whole_files: true, ..Self::default() }
    }

    /// Whether back ends parse every file whole ([`FileStore::parsing_whole_files`]).
    pub fn whole_files(&self) -> bool {
        self.whole_files
    }

    /// The file at `path`, read on the first request. A file that does not exist is stored as
    /// absent; any other read error (not UTF-8, no permission) is returned and not stored.
    pub fn read(&self, path: &Path) -> std::io::Result<Arc<StoredFile>> {
        if let Some(f) = lock(&self.files).get(path) {
            return Ok(f.clone());
        }
        let text = crate::commit::target::read_bytes(path)
            .and_then(|b| b.map(|b| String::from_utf8(b).map_err(|_| std::io::Error::new(std::io::ErrorKind::InvalidData, "stream did not contain valid UTF-8"))).transpose());
        let raw = match text {
            Ok(t) => t.map(Arc::from),
            Err(e) => {
                self.note_asked(path);
                return Err(e);
            }
        };
        let mut files = lock(&self.files);
        if let Some(f) = files.get(path) {
            return Ok(f.clone());
        }
        let f = Arc::new(StoredFile { raw, normalized: OnceLock::new(), memo: Arc::new(Memo::new(self.whole_files)) });
        files.insert(path.to_path_buf(), f.clone());
        drop(files);
        self.note_asked(path);
        Ok(f)
    }

    /// The file for the engine: like [`FileStore::read`], with a read error as an [`Error`].
    pub fn source(&self, path: &Path) -> Result<Arc<StoredFile>> {
        self.read(path).map_err(|e| Error::io(path, e))
    }

    /// The text of `path` as on disk, or `None` when it cannot be read for any reason.
    pub fn text(&self, path: &Path) -> Option<Arc<str>> {
        self.read(path).ok().and_then(|f| f.raw.clone())
    }

    /// Files under `root` matching any of the globs, sorted (vendor/ and .git/ are skipped);
    /// each listing is walked once per store.
    pub fn glob(&self, root: &Path, globs: &[String]) -> Result<Arc<[PathBuf]>> {
        let key = (root.to_path_buf(), globs.to_vec());
        if let Some(v) = lock(&self.lists).get(&key) {
            return Ok(v.clone());
        }
        let v: Arc<[PathBuf]> = glob_with(root, globs, |dir| self.walk(dir))?.into();
        Ok(lock(&self.lists).entry(key).or_insert(v).clone())
    }

    fn walk(&self, dir: &Path) -> Arc<[PathBuf]> {
        if let Some(v) = lock(&self.walks).get(dir) {
            return v.clone();
        }
        let v: Arc<[PathBuf]> = walk(dir).into();
        lock(&self.walks).entry(dir.to_path_buf()).or_insert(v).clone()
    }

    /// The compiled regular expression, compiled once per store. Profiles render patterns per
    /// provider that often come out the same for every provider (`present_if`, discover), and
    /// compiling is far slower than searching a small file.
    pub fn regex(&self, pattern: &str) -> std::result::Result<regex::Regex, regex::Error> {
        if let Some(re) = lock(&self.regexes).get(pattern) {
            return Ok(re.clone());
        }
        let re = regex::Regex::new(pattern)?;
        Ok(lock(&self.regexes).entry(pattern.to_string()).or_insert(re).clone())
    }

    /// Every path this store was asked for, in the order of the first request, including files
    /// that turned out not to exist or not to be readable.
    pub fn asked(&self) -> Vec<PathBuf> {
        lock(&self.asked).clone()
    }

    fn note_asked(&self, path: &Path) {
        lock(&self.asked).push(path.to_path_buf());
    }
}

/// Every file below `dir`, skipping vendor/ and .git/ directories.
fn walk(dir: &Path) -> Vec<PathBuf> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_entry(|e| e.file_name() != "vendor" && e.file_name() != ".git")
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .collect()
}

/// Files under `root` matching any of the globs, sorted, listing directories with `walk`.
fn glob_with(root: &Path, globs: &[String], walk: impl Fn(&Path) -> Arc<[PathBuf]>) -> Result<Vec<PathBuf>> {
    let mut builder = globset::GlobSetBuilder::new();
    for g in globs {
        builder.add(globset::GlobBuilder::new(g).literal_separator(true).build().map_err(|e| Error::input(Location::new("profile", 0, 0), format!("discover glob `{g}`: {e}"), "fix the profile"))?);
    }
    let set = builder.build().map_err(|e| Error::input(Location::new("profile", 0, 0), e.to_string(), "fix the profile"))?;
    // Literal paths need no walk.
    if globs.iter().all(|g| !g.contains(['*', '?', '[', '{'])) {
        return Ok(globs.iter().map(|g| root.join(g)).filter(|p| p.is_file()).collect());
    }
    // Walk only below the literal directories the globs start with.
    let mut starts: Vec<PathBuf> = globs
        .iter()
        .map(|g| {
            let literal: Vec<&str> = g.split('/').take_while(|c| !c.contains(['*', '?', '[', '{'])).collect();
            root.join(literal.join("/"))
        })
        .collect();
    starts.sort();
    starts.dedup();
    let mut out: Vec<PathBuf> = Vec::new();
    for start in starts.iter().filter(|s| s.is_dir()) {
        out.extend(walk(start).iter().filter(|p| p.strip_prefix(root).is_ok_and(|rel| set.is_match(rel))).cloned());
    }
    out.sort();
    out.dedup();
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_each_file_once_and_records_requests_in_order() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.go");
        let b = dir.path().join("b.go");
        std::fs::write(&a, "x\r\ny\r\n").unwrap();
        let store = FileStore::new();
        let first = store.source(&a).unwrap();
        assert_eq!(first.raw(), Some("x\r\ny\r\n"));
        assert_eq!(first.normalized(), Some("x\ny\n"));
        assert!(store.source(&b).unwrap().raw().is_none());
        std::fs::write(&a, "changed").unwrap();
        assert_eq!(store.text(&a).as_deref(), Some("x\r\ny\r\n"));
        assert_eq!(store.asked(), vec![a, b]);
    }

    #[test]
    fn an_edit_is_the_span_between_the_common_prefix_and_suffix() {
        let e = TextEdit::between("a\nbc\nd\n", "a\nbXYc\nd\n");
        assert_eq!((e.start, e.old_end, e.new_end), (3, 3, 5));
        assert_eq!((e.start_at, e.old_end_at, e.new_end_at), ((1, 1), (1, 1), (1, 3)));
        // Never inside a character: é and è share their first byte.
        let e = TextEdit::between("xé\n", "xè\n");
        assert_eq!((e.start, e.old_end, e.new_end), (1, 3, 3));
        // A deletion at the end, and a repeated line where prefix and suffix could overlap.
        assert_eq!(TextEdit::between("ab\nab\n", "ab\n").new_end, 3);
        let e = TextEdit::between("ab\nab\n", "ab\n");
        assert_eq!((e.start, e.old_end), (3, 6));
    }

    #[test]
    fn globs_are_listed_once() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("p/q")).unwrap();
        std::fs::write(dir.path().join("p/q/x.go"), "").unwrap();
        let store = FileStore::new();
        let globs = vec!["p/**/*.go".to_string()];
        assert_eq!(store.glob(dir.path(), &globs).unwrap().len(), 1);
        std::fs::write(dir.path().join("p/y.go"), "").unwrap();
        assert_eq!(store.glob(dir.path(), &globs).unwrap().len(), 1);
        // Another glob below the same directory shares the walk, done before y.go existed.
        assert_eq!(store.glob(dir.path(), &["p/*.go".to_string()]).unwrap().len(), 0);
        // A new store (a new run) sees the directory as it is now.
        assert_eq!(FileStore::new().glob(dir.path(), &globs).unwrap().len(), 2);
        assert_eq!(FileStore::new().glob(dir.path(), &["p/*.go".to_string()]).unwrap().len(), 1);
    }
}
