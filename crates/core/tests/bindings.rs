//! The UI's TypeScript types are generated from the Rust types. This fails when someone
//! changes one side without regenerating (`scripts/gen-types`).

use std::path::PathBuf;

fn generated_file() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../ui/src/api/types.gen.ts")
}

#[test]
fn typescript_types_match_the_rust_types() {
    let expected = pilotdesk_core::bindings::typescript();
    let path = generated_file();
    if std::env::var_os("PILOTDESK_WRITE_BINDINGS").is_some() {
        std::fs::write(&path, &expected).expect("write the generated TypeScript types");
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == expected,
        "{} is out of date with the Rust types; run scripts/gen-types and commit the result",
        path.display()
    );
}
