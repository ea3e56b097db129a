//! The desktop window reads through read-only handles while an import holds the writer:
//! People, Pilots and the portfolio read again and again while a big file is written, and
//! the import still commits whole.

mod support;

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use pilotdesk_core::model::ImportKind;
use pilotdesk_core::workflows::generate::{generate, GenerateOptions};
use pilotdesk_core::workflows::{analytics, imports, pilots, workspace};
use pilotdesk_core::Store;
use support::{date, import_request, temp_db, write_file};

#[test]
fn screens_read_while_a_big_import_writes_and_the_import_commits() {
    let (dir, path) = temp_db();
    let today = date("2026-11-25");
    let mut store = Store::open(&path).unwrap();
    // Where the generated story prints its packs, as the command line prepares it.
    let stem = path.file_stem().unwrap().to_string_lossy();
    std::fs::create_dir_all(path.with_file_name(format!("{stem}-packs"))).unwrap();
    generate(
        &mut store,
        &GenerateOptions {
            people: 300,
            events: 2000,
            weeks: 16,
            seed: 5,
            end: date("2026-11-20"),
            effect_scale: 1.0,
        },
    )
    .unwrap();
    let pairs: Vec<(String, String)> = {
        let mut statement = store
            .conn()
            .prepare("SELECT manager_id, id FROM people WHERE manager_id IS NOT NULL")
            .unwrap();
        statement
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };
    let mut csv = String::from("eventId,managerId,coacheeId,date,time,minutes,kind\n");
    for i in 0..150_000 {
        let (manager, coachee) = &pairs[i % pairs.len()];
        csv.push_str(&format!(
            "read-{i},{manager},{coachee},2026-10-{:02},09:{:02},15,micro_coaching\n",
            1 + i % 28,
            i % 60
        ));
    }
    let file = write_file(&dir, "big.csv", csv);
    // As the app finds it: a workspace the command line wrote and closed, opened by the
    // window's writer with readers already open on it.
    drop(store);
    let mut store = Store::open(&path).unwrap();
    let early = Store::open_reader(&path).unwrap();
    workspace::list_people(&early).unwrap();

    let importing = Arc::new(AtomicBool::new(true));
    let reading = {
        let (path, importing) = (path.clone(), importing.clone());
        std::thread::spawn(move || {
            let mut reads = 0;
            let mut readers = Vec::new();
            while importing.load(Ordering::SeqCst) || reads == 0 {
                // A new handle now and then, as the app's pool grows under load.
                if readers.len() < 4 {
                    readers.push(Store::open_reader(&path).unwrap());
                }
                for reader in &readers {
                    workspace::list_people(reader).unwrap();
                    pilots::list_pilots(reader).unwrap();
                    analytics::portfolio(reader, today).unwrap();
                    reads += 1;
                }
                let fresh = Store::open_reader(&path).unwrap();
                workspace::list_people(&fresh).unwrap();
                drop(fresh);
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            reads
        })
    };
    // As the wizard does: check (an import rolled back), then import.
    let mut check = import_request(ImportKind::Events, &file);
    check.dry_run = true;
    let checked = imports::import(&mut store, &check, today).unwrap();
    assert_eq!(checked.inserted, 150_000);
    let summary = imports::import(
        &mut store,
        &import_request(ImportKind::Events, &file),
        today,
    );
    importing.store(false, Ordering::SeqCst);
    let reads = reading.join().unwrap();
    let summary = summary.unwrap();
    assert_eq!(summary.inserted, 150_000);
    assert!(reads > 0);
}
