// Temporary database files: one folder per run under os.tmpdir(), removed when the run ends, so
// benchmarks never leave hundreds of megabytes behind or touch a real database.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const PREFIX = 'utility-desk-bench-';

export interface TempDir {
  readonly dir: string;
  /** A file path inside the folder; refuses names that would escape it. */
  file(name: string): string;
  remove(): void;
}

export function createTempDir(): TempDir {
  removeOrphans();
  // The pid in the name lets a later run tell a crashed run's leftovers from a live run's folder.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${PREFIX}${process.pid}-`));
  let removed = false;
  const remove = (): void => {
    if (removed) return;
    removed = true;
    fs.rmSync(dir, { recursive: true, force: true });
  };
  // Covers normal ends and uncaught errors ('exit' handlers run synchronously; rmSync is).
  process.once('exit', remove);
  return {
    dir,
    file(name: string): string {
      if (path.basename(name) !== name) throw new Error(`temp file name must be plain: ${name}`);
      return path.join(dir, name);
    },
    remove,
  };
}

/**
 * Ctrl-C kills the process without 'exit' handlers. Trapping SIGINT instead would not help: the
 * handler cannot run until a synchronous measurement loop ends, which at large scales takes
 * minutes. So Ctrl-C stays instant and the next run sweeps folders whose process is gone.
 */
function removeOrphans(): void {
  let names: string[];
  try {
    names = fs.readdirSync(os.tmpdir());
  } catch {
    return;
  }
  for (const name of names) {
    const pid = new RegExp(`^${PREFIX}(\\d+)-`).exec(name)?.[1];
    if (pid === undefined || isAlive(Number(pid))) continue;
    fs.rmSync(path.join(os.tmpdir(), name), { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else; leave its folder alone.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Deletes a closed SQLite file with its WAL and shared-memory companions. */
export function removeDbFiles(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(file + suffix, { force: true });
}
