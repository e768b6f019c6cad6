// The write-ahead log of the crash test: before each API call the child appends one JSON line
// naming the transaction it is about to commit and the unique tag that transaction writes, and
// fsyncs it, so that after a SIGKILL the parent knows every transaction that may have started.
import fs from 'node:fs';

/** A CSV import of `rows` assets coded `${tag}-NNNN`, file name `${tag}.csv`. */
export interface ImportTx {
  op: 'import';
  tag: string;
  rows: number;
}

/** assets.bulkUpdate of every asset of import `importTag`: status and notes (= tag) set. */
export interface BulkTx {
  op: 'bulk';
  tag: string;
  importTag: string;
  rows: number;
  status: 'faulty' | 'under_repair' | 'standby' | 'retired';
}

/** places.create of a floor (under the base building) or a room (under such a floor). */
export interface PlaceCreateTx {
  op: 'placeCreate';
  tag: string;
  kind: 'floor' | 'room';
  code: string;
  name: string;
}

/** places.update of a created floor's name. */
export interface PlaceUpdateTx {
  op: 'placeUpdate';
  tag: string;
  code: string;
  name: string;
}

/** places.delete with cascade of a created floor and the room under it. */
export interface PlaceDeleteTx {
  op: 'placeDelete';
  tag: string;
  codes: string[];
}

/** workOrders.create of an open corrective order titled `tag` in the base building. */
export interface OrderCreateTx {
  op: 'orderCreate';
  tag: string;
}

/** workOrders.transition of order `title` to `to`, with `tag` as the transition's note. */
export interface OrderMoveTx {
  op: 'orderMove';
  tag: string;
  title: string;
  to: 'assigned' | 'in_progress' | 'completed' | 'verified' | 'closed';
}

export type LoggedTx = (
  ImportTx | BulkTx | PlaceCreateTx | PlaceUpdateTx | PlaceDeleteTx | OrderCreateTx | OrderMoveTx
) & {
  /** Which child run (one per kill) logged it. */
  run: number;
};

/** Opens the log for appending; each entry is written and fsync'd before its call is made. */
export function openLog(file: string): { append(entry: LoggedTx): void } {
  const fd = fs.openSync(file, 'a');
  return {
    append(entry) {
      // One write() of a whole line: a kill cannot leave half of it behind in practice, and the
      // reader drops an unparsable last line anyway (its call had not started).
      fs.writeSync(fd, `${JSON.stringify(entry)}\n`);
      fs.fsyncSync(fd);
    },
  };
}

export function readLog(file: string): LoggedTx[] {
  if (!fs.existsSync(file)) return [];
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const entries: LoggedTx[] = [];
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    try {
      entries.push(JSON.parse(line) as LoggedTx);
    } catch (error) {
      // Only the very last line may be torn by a kill.
      if (lines.slice(i + 1).some((l) => l.trim() !== '')) throw error;
    }
  });
  return entries;
}
