#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| woo_redact_fuzz::msg_redact(data));
