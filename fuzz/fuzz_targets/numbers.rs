//! The number grammar: every quantity of an arbitrary text, and the Chinese numeral reader.
//! The logic is `factcheck::fuzzing::numbers`, which the corpus replay test calls too.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = factcheck::fuzzing::numbers(data);
});
