//! The whole check of one file (its kind chosen by a first byte below 4), and every report format.
//! The logic is `factcheck::fuzzing::pipeline`, which the corpus replay test calls too.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = factcheck::fuzzing::pipeline(data);
});
