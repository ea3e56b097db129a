//! Where exports and packs are written, safely: never over an open workspace (or its
//! journal files), through a temporary file with an unpredictable name created only if
//! nothing is there (so a planted link cannot redirect it), synced before it is moved into
//! place, and the folder synced after.

use std::fs::{File, OpenOptions};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::error::{Error, Result};

/// Every workspace file this process has opened.
static WORKSPACES: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// Where a path resolves, following links, even when the file itself does not exist yet.
fn resolved(path: &Path) -> PathBuf {
    if let Ok(real) = path.canonicalize() {
        return real;
    }
    let parent = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    match (parent.canonicalize(), path.file_name()) {
        (Ok(folder), Some(name)) => folder.join(name),
        _ => path.to_path_buf(),
    }
}

/// Remembers a workspace file so no export or pack is ever written over it.
pub fn protect_workspace(path: &Path) {
    let real = resolved(path);
    if let Ok(mut workspaces) = WORKSPACES.lock() {
        if !workspaces.contains(&real) {
            workspaces.push(real);
        }
    }
}

/// Refuses a destination that is an open workspace, its -wal, -shm or -journal file.
pub fn check(out: &Path) -> Result<()> {
    let target = resolved(out);
    let workspaces = WORKSPACES.lock().map(|w| w.clone()).unwrap_or_default();
    for workspace in workspaces {
        let mut guarded = vec![workspace.clone()];
        for suffix in ["-wal", "-shm", "-journal"] {
            let mut name = workspace.clone().into_os_string();
            name.push(suffix);
            guarded.push(PathBuf::from(name));
        }
        if guarded.contains(&target) {
            return Err(Error::invalid_field(
                "out",
                format!(
                    "{} is the workspace itself (or one of its journal files); writing there \
                     would destroy it. Choose another file name",
                    out.display()
                ),
            ));
        }
    }
    Ok(())
}

/// A new temporary file beside `out`, created only if no file or link has that name.
pub fn create_partial(out: &Path) -> Result<(PathBuf, File)> {
    check(out)?;
    let name = out
        .file_name()
        .ok_or_else(|| Error::invalid_field("out", "name a file to write, e.g. export.csv"))?;
    let parent = out.parent().filter(|p| !p.as_os_str().is_empty());
    if let Some(parent) = parent {
        if !parent.is_dir() {
            return Err(Error::invalid_field(
                "out",
                format!("the folder {} does not exist", parent.display()),
            ));
        }
    }
    let partial_name = format!(
        ".{}.{}.partial",
        name.to_string_lossy(),
        uuid::Uuid::new_v4().simple()
    );
    let partial = match parent {
        Some(parent) => parent.join(partial_name),
        None => PathBuf::from(partial_name),
    };
    let file = OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&partial)
        .map_err(|e| Error::io(&partial, e))?;
    Ok((partial, file))
}

/// Syncs the finished temporary file, moves it over `out` and syncs the folder, so the
/// export is whole on disk once this returns. The temporary file is removed on failure.
pub fn finish(partial: &Path, out: &Path) -> Result<()> {
    let moved = (|| {
        check(out)?;
        File::open(partial)
            .and_then(|f| f.sync_all())
            .map_err(|e| Error::io(partial, e))?;
        std::fs::rename(partial, out).map_err(|e| Error::io(out, e))?;
        if let Some(parent) = out.parent().filter(|p| !p.as_os_str().is_empty()) {
            // Directories cannot be opened for syncing everywhere; the rename stands either way.
            if let Ok(folder) = File::open(parent) {
                let _ = folder.sync_all();
            }
        }
        Ok(())
    })();
    if moved.is_err() {
        let _ = std::fs::remove_file(partial);
    }
    moved
}

/// Writes `bytes` to `out` whole or not at all.
pub fn write_whole(out: &Path, bytes: &[u8]) -> Result<()> {
    use std::io::Write;
    let (partial, mut file) = create_partial(out)?;
    if let Err(error) = file.write_all(bytes) {
        let _ = std::fs::remove_file(&partial);
        return Err(Error::io(out, error));
    }
    drop(file);
    finish(&partial, out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_workspace_and_its_journal_files_are_refused_and_left_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let workspace = dir.path().join("team.sqlite3");
        std::fs::write(&workspace, b"SQLite format 3\0").unwrap();
        protect_workspace(&workspace);
        for name in ["team.sqlite3", "team.sqlite3-wal", "team.sqlite3-shm"] {
            let error = write_whole(&dir.path().join(name), b"pdf")
                .unwrap_err()
                .to_string();
            assert!(error.contains("the workspace itself"), "{name}: {error}");
        }
        // Through a relative detour or a link, still the workspace.
        let detour = dir.path().join(".").join("team.sqlite3");
        assert!(write_whole(&detour, b"pdf").is_err());
        #[cfg(unix)]
        {
            let link = dir.path().join("pack.pdf");
            std::os::unix::fs::symlink(&workspace, &link).unwrap();
            assert!(write_whole(&link, b"pdf").is_err());
        }
        assert_eq!(std::fs::read(&workspace).unwrap(), b"SQLite format 3\0");
        let leftovers: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .filter_map(|e| e.ok())
            .filter(|e| e.file_name().to_string_lossy().ends_with(".partial"))
            .collect();
        assert!(leftovers.is_empty());
    }

    #[test]
    fn a_file_is_written_whole_through_a_fresh_unpredictable_name() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("export.csv");
        let (first, _) = create_partial(&out).unwrap();
        let (second, _) = create_partial(&out).unwrap();
        assert_ne!(first, second, "each temporary name is new");
        std::fs::remove_file(first).unwrap();
        std::fs::remove_file(second).unwrap();
        write_whole(&out, b"a,b\n").unwrap();
        write_whole(&out, b"c,d\n").unwrap();
        assert_eq!(std::fs::read(&out).unwrap(), b"c,d\n");
    }
}
