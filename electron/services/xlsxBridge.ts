// Reads and writes XLSX with exceljs from the synchronous dispatch. exceljs only offers promises
// (JSZip underneath), while every handler runs synchronously like better-sqlite3, so the work runs
// in a worker thread and the caller blocks on Atomics.wait until the answer is posted: the same
// trick as the `synckit` package. The worker is started once, on first use, and unref'd so it
// never keeps the process alive; loading exceljs costs about 0.3 s, paid once.
//
// The worker has its own heap limit, so a hostile workbook that unpacks to gigabytes kills the
// worker (and the call fails after the timeout) rather than the app.
import { createRequire } from 'node:module';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { DeskError } from '../../shared/contract/errors';

/** A cell as exceljs hands it over: text, number, boolean, Date or one of its value objects. */
export type RawCell = unknown;

export interface SheetToWrite {
  name: string;
  rows: (string | number | null)[][];
  /** Widths in characters, per column. */
  widths?: number[];
}

type Task =
  { kind: 'read'; bytes: Uint8Array; maxRows: number } | { kind: 'write'; sheet: SheetToWrite };

type Reply = { ok: true; value: unknown } | { ok: false; message: string };

// Plain CommonJS run with `eval: true`, so it needs no build step of its own and works the same
// under vitest, tsx and a bundled app. It is deliberately thin: all interpretation of cell values
// happens on the typed side (tableFile.ts).
const WORKER_SOURCE = String.raw`
const { parentPort, workerData } = require('node:worker_threads');
let ExcelJS = null;
let loadError = null;
try { ExcelJS = require(workerData.exceljsPath); } catch (e) { loadError = e; }

async function read(task) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(task.bytes.buffer, task.bytes.byteOffset, task.bytes.byteLength));
  const ws = wb.worksheets[0];
  if (!ws) return { rows: [] };
  if (ws.actualRowCount > task.maxRows + 1) return { tooManyRows: ws.actualRowCount };
  const rows = [];
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    const cells = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => { cells[c - 1] = cell.value; });
    rows[n - 1] = cells;
  });
  return { rows };
}

// The streaming writer: several times faster than building a Workbook in memory (200,000 rows
// in seconds rather than half a minute) and light on memory. Inline strings, no shared table.
async function write(task) {
  const { PassThrough } = require('node:stream');
  const stream = new PassThrough();
  const chunks = [];
  stream.on('data', (c) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet(task.sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = (task.sheet.widths || []).map((width) => ({ width }));
  task.sheet.rows.forEach((values, i) => {
    const row = ws.addRow(values);
    if (i === 0) row.font = { bold: true };
    row.commit();
  });
  ws.commit();
  await wb.commit();
  return new Uint8Array(Buffer.concat(chunks));
}

// A heartbeat the waiting thread can see: exceljs works in small asynchronous steps, so this
// ticks throughout a task; if it stops, the worker has died (out of memory) or hung.
setInterval(() => Atomics.add(workerData.heartbeat, 0, 1), 200);

parentPort.on('message', async ({ task, port, signal }) => {
  let reply;
  try {
    if (loadError) throw loadError;
    reply = { ok: true, value: task.kind === 'read' ? await read(task) : await write(task) };
  } catch (e) {
    reply = { ok: false, message: String((e && e.message) || e).slice(0, 300) };
  }
  try { port.postMessage(reply); } catch (e) { port.postMessage({ ok: false, message: String(e.message || e) }); }
  port.close();
  Atomics.store(signal, 0, 1);
  Atomics.notify(signal, 0);
});
`;

/** Longest a task may take (200,000 rows: about 15 s to read, 9 s to write on this machine). */
const TIMEOUT_MS = 180_000;
/** A worker whose heartbeat has not moved for this long is taken for dead. */
const SILENCE_MS = 15_000;
let worker: Worker | undefined;
let heartbeat = new Int32Array(new SharedArrayBuffer(4));

function theWorker(): Worker {
  if (!worker) {
    const exceljsPath = createRequire(import.meta.url).resolve('exceljs');
    heartbeat = new Int32Array(new SharedArrayBuffer(4));
    const started = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { exceljsPath, heartbeat },
      resourceLimits: { maxOldGenerationSizeMb: 1536 },
    });
    started.unref();
    const forget = () => {
      if (worker === started) worker = undefined;
    };
    started.on('exit', forget);
    started.on('error', forget);
    worker = started;
  }
  return worker;
}

/** Runs one task in the worker and waits for it; throws DeskError on failure or timeout. */
function runSync(task: Task, failure: string): unknown {
  const w = theWorker();
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  w.postMessage({ task, port: port2, signal }, [port2]);
  const started = Date.now();
  let lastBeat = Atomics.load(heartbeat, 0);
  let lastBeatAt = started;
  // Wait in slices: between them, give up on a worker whose heartbeat has stopped.
  while (Atomics.wait(signal, 0, 0, 1000) === 'timed-out') {
    const now = Date.now();
    const beat = Atomics.load(heartbeat, 0);
    if (beat !== lastBeat) [lastBeat, lastBeatAt] = [beat, now];
    if (now - lastBeatAt > SILENCE_MS || now - started > TIMEOUT_MS) break;
  }
  const message = receiveMessageOnPort(port1)?.message as Reply | undefined;
  port1.close();
  if (!message) {
    // A stuck or dead worker is replaced on the next call.
    void w.terminate();
    worker = undefined;
    throw new DeskError(
      'BAD_REQUEST',
      `${failure}: it was too large or too complex to process (no answer in time)`,
    );
  }
  if (!message.ok) throw new DeskError('BAD_REQUEST', `${failure}: ${message.message}`);
  return message.value;
}

export type ReadResult = { rows: RawCell[][] } | { tooManyRows: number };

/** The first worksheet's cells, row i at index i-1 (holes where rows or cells are empty). */
export function readXlsx(bytes: Uint8Array, maxRows: number): ReadResult {
  const value = runSync(
    { kind: 'read', bytes, maxRows },
    'The XLSX file could not be read',
  ) as ReadResult;
  return value;
}

export function writeXlsx(sheet: SheetToWrite): Buffer {
  const value = runSync(
    { kind: 'write', sheet },
    'The XLSX file could not be written',
  ) as Uint8Array;
  return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
}
