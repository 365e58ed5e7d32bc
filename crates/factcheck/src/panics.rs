//! A panic while checking a file is a bug of factcheck, reported as that file's error (with the
//! message and the place it was raised) while the other files are still checked. The panic hook
//! notes the panic on the thread that raised it; a file's check may share its stories with helper
//! threads (see `story_pool`), so a panic caught on a helper is carried back, note and all, and
//! raised again on the file's own thread, where `catch` finds it as if it had been raised there.

use std::any::Any;
use std::cell::{Cell, RefCell};

thread_local! {
    /// The message and place of the last panic on this thread, for the file's error.
    static LAST_PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
    /// This thread is checking a file (its panics become the file's error).
    static IN_CHECK: Cell<bool> = const { Cell::new(false) };
}

/// Panics while checking a file are noted for the file's error, not printed as they happen; any
/// other panic is printed as usual.
pub fn quiet_panics() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if !IN_CHECK.with(Cell::get) {
            return default(info);
        }
        let message = message(info.payload()).unwrap_or_default();
        let place = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        LAST_PANIC.with(|last| *last.borrow_mut() = Some(format!("{message}{place}")));
    }));
}

/// Runs `check` as a file's check: a panic in it is caught and returned as its message (with its
/// place when `quiet_panics` noted it).
pub fn catch<T>(check: impl FnOnce() -> T) -> Result<T, String> {
    IN_CHECK.with(|flag| flag.set(true));
    let checked = std::panic::catch_unwind(std::panic::AssertUnwindSafe(check));
    IN_CHECK.with(|flag| flag.set(false));
    checked.map_err(|payload| {
        LAST_PANIC
            .with(|last| last.borrow_mut().take())
            .or_else(|| message(payload.as_ref()))
            .unwrap_or_default()
    })
}

/// A panic caught on a helper thread, to be raised again on the file's thread.
pub(crate) struct Caught {
    payload: Box<dyn Any + Send>,
    note: Option<String>,
}

/// Whether this thread is checking a file; helpers take it over from the file's thread.
pub(crate) fn in_check() -> bool {
    IN_CHECK.with(Cell::get)
}

/// Runs `work` on a helper thread of a file's check (`in_check` as on the file's thread),
/// catching a panic in it.
pub(crate) fn on_helper<T>(in_check: bool, work: impl FnOnce() -> T) -> Result<T, Caught> {
    IN_CHECK.with(|flag| flag.set(in_check));
    let done = std::panic::catch_unwind(std::panic::AssertUnwindSafe(work));
    IN_CHECK.with(|flag| flag.set(false));
    done.map_err(|payload| Caught {
        payload,
        note: LAST_PANIC.with(|last| last.borrow_mut().take()),
    })
}

/// Raises a helper's panic again on this thread, its note kept as this thread's last panic.
pub(crate) fn raise(caught: Caught) -> ! {
    if caught.note.is_some() {
        LAST_PANIC.with(|last| *last.borrow_mut() = caught.note);
    }
    std::panic::resume_unwind(caught.payload)
}

/// The message a panic was raised with, when it is text.
fn message(payload: &(dyn Any + Send)) -> Option<String> {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
}
