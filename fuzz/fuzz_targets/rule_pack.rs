//! The rule-pack loader: an arbitrary text as a YAML rule pack, loaded and run.
//! The logic is `factcheck::fuzzing::rule_pack`, which the corpus replay test calls too.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = factcheck::fuzzing::rule_pack(data);
});
