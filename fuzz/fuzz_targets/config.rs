//! The configuration loader: an arbitrary text as factcheck.yaml.
//! The logic is `factcheck::fuzzing::config`, which the corpus replay test calls too.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = factcheck::fuzzing::config(data);
});
