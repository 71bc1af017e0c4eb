//! Standard output and standard error when the reader may go away. `integrate check | head -1`
//! closes the pipe after one line; check must still finish and exit with its findings' code,
//! because CI reads the exit status, not the text. So output written after the reader left is
//! dropped, and the command carries on to its own exit code: a gate (check, verify, account
//! validate, demo) keeps its findings' code, a listing exits 0 as it would have. Any other
//! write error (a full disk) still fails the command. [`stderr!`] is `eprintln!` without the
//! panic `eprintln!` raises when standard error is a closed pipe (`integrate check 2>&1 | head`).

use std::io::{self, Write};

/// A stream that drops what is written after its reader closed (a broken pipe).
#[derive(Debug)]
pub struct Stream<W: Write> {
    inner: W,
    closed: bool,
}

impl<W: Write> Stream<W> {
    pub fn new(inner: W) -> Self {
        Stream { inner, closed: false }
    }

    fn guard<T>(&mut self, result: io::Result<T>, dropped: T) -> io::Result<T> {
        match result {
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(dropped)
            }
            other => other,
        }
    }
}

impl<W: Write> Write for Stream<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.closed {
            return Ok(buf.len());
        }
        let result = self.inner.write(buf);
        self.guard(result, buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if self.closed {
            return Ok(());
        }
        let result = self.inner.flush();
        self.guard(result, ())
    }
}

/// Standard output, locked for the whole command.
pub fn out() -> Stream<io::StdoutLock<'static>> {
    Stream::new(io::stdout().lock())
}

/// Standard error.
pub fn err() -> Stream<io::Stderr> {
    Stream::new(io::stderr())
}

/// Prints a line on standard error; a line the reader is no longer there for is dropped.
macro_rules! stderr {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        // Nowhere is left to report a failure to write an error message.
        let _ = writeln!($crate::stdio::err(), $($arg)*);
    }};
}
pub(crate) use stderr;

#[cfg(test)]
mod tests {
    use super::*;

    /// A writer whose reader has gone after `left` bytes.
    struct ClosesAfter {
        left: usize,
        written: Vec<u8>,
    }

    impl Write for ClosesAfter {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            if self.left == 0 {
                return Err(io::ErrorKind::BrokenPipe.into());
            }
            let n = buf.len().min(self.left);
            self.left -= n;
            self.written.extend_from_slice(&buf[..n]);
            Ok(n)
        }

        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn what_is_written_after_the_reader_left_is_dropped() {
        let mut s = Stream::new(ClosesAfter { left: 5, written: Vec::new() });
        writeln!(s, "first line").unwrap();
        writeln!(s, "second line").unwrap();
        s.flush().unwrap();
        assert!(s.closed);
        assert_eq!(s.inner.written, b"first");
    }

    #[test]
    fn other_errors_still_fail() {
        struct Full;
        impl Write for Full {
            fn write(&mut self, _: &[u8]) -> io::Result<usize> {
                Err(io::Error::new(io::ErrorKind::StorageFull, "no space left on device"))
            }
            fn flush(&mut self) -> io::Result<()> {
                Ok(())
            }
        }
        let mut s = Stream::new(Full);
        assert_eq!(writeln!(s, "x").unwrap_err().kind(), io::ErrorKind::StorageFull);
        assert!(!s.closed);
    }
}
