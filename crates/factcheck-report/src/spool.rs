//! Bytes written now and read back once: held in memory while they are few, moved to an unnamed
//! temporary file past a limit, so that a large file's report costs disk rather than memory.

use std::io::{Seek, Write};

/// In memory up to this many bytes.
const IN_MEMORY: usize = 4 << 20;

#[derive(Debug, Default)]
pub struct Spool {
    memory: Vec<u8>,
    file: Option<std::io::BufWriter<std::fs::File>>,
}

impl Spool {
    /// Everything written, in order, to `out`.
    pub fn copy_to(self, out: &mut impl Write) -> std::io::Result<()> {
        match self.file {
            None => out.write_all(&self.memory),
            Some(file) => {
                let mut file = file.into_inner().map_err(|e| e.into_error())?;
                file.rewind()?;
                std::io::copy(&mut std::io::BufReader::new(file), out)?;
                Ok(())
            }
        }
    }

    fn spill(&mut self) -> std::io::Result<()> {
        let file = unnamed_file()?;
        let mut file = std::io::BufWriter::with_capacity(1 << 16, file);
        file.write_all(&self.memory)?;
        self.memory = Vec::new();
        self.file = Some(file);
        Ok(())
    }
}

impl Write for Spool {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if let Some(file) = &mut self.file {
            return file.write(buf);
        }
        self.memory.extend_from_slice(buf);
        if self.memory.len() > IN_MEMORY {
            self.spill()?;
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        match &mut self.file {
            Some(file) => file.flush(),
            None => Ok(()),
        }
    }
}

/// A temporary file that no other process sees by name: removed as soon as it is open (where
/// the system allows; elsewhere it stays in the temporary folder).
fn unnamed_file() -> std::io::Result<std::fs::File> {
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let path = std::env::temp_dir().join(format!("factcheck-spool-{}-{n}", std::process::id()));
    let file = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create_new(true)
        .open(&path)?;
    let _ = std::fs::remove_file(&path);
    Ok(file)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_is_written_comes_back_in_order_past_the_limit() {
        let mut spool = Spool::default();
        let piece: Vec<u8> = (0..=255u8).cycle().take(1 << 20).collect();
        for _ in 0..6 {
            spool.write_all(&piece).unwrap();
        }
        assert!(spool.file.is_some());
        let mut out = Vec::new();
        spool.copy_to(&mut out).unwrap();
        assert_eq!(out.len(), 6 << 20);
        assert!(out.chunks(1 << 20).all(|c| c == piece.as_slice()));
    }
}
