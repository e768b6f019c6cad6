// The child process of the crash test (test/integration/crash.test.ts), run with
// `node --import tsx test/support/crashChild.ts <db> <log> <seed> <dbIndex> <run> <buildingId> <crewId>`.
// It opens the database through openCore and writes in a loop until the parent kills it with
// SIGKILL: a CSV import of a few hundred assets, a bulk status edit of those assets, a floor and
// room created, renamed and (sometimes) deleted, and a work order created and moved through its
// lifecycle to closed (each transition a timeline event and an audit entry in one transaction). Each write is ONE API call, which the core runs
// as one transaction, and before each call the child appends to the log (fsync'd) what that call
// is about to commit, tagged with a string that only this transaction writes.
//
// What it does is decided by the seed, the database number and the run number alone, so a failure
// replays exactly given the seed (only the moment of the kill differs).
import { openCore } from '../../electron/core';
import type { InputOf, MethodName, ResultOf } from '../../shared/contract';
import { openLog, type BulkTx, type LoggedTx, type OrderMoveTx } from './crashLog';
import { mixSeed, prng } from './prng';

const [file, logFile, seedText, dbText, runText, buildingId, crewIdText] = process.argv.slice(2);
if (!file || !logFile || !seedText || !dbText || !runText || !buildingId || !crewIdText) {
  process.stderr.write(
    'usage: crashChild <db> <log> <seed> <dbIndex> <run> <buildingId> <crewId>\n',
  );
  process.exit(64);
}
const crewId: string = crewIdText;
// Narrowed here once: the functions below do not see the check above.
const parentBuilding: string = buildingId;
const dbIndex = Number(dbText);
const run = Number(runText);
const rng = prng(mixSeed(Number(seedText), dbIndex, run));
const log = openLog(logFile);
const api = openCore(file, { operator: '崩溃测试' });

/** One API call; any failure ends the child with a message, which the parent reports. */
function call<M extends MethodName>(method: M, input: InputOf<M>): ResultOf<M> {
  const envelope = api.dispatch(method, input);
  if (!envelope.ok) {
    process.stderr.write(`${method} failed: ${JSON.stringify(envelope.error).slice(0, 500)}\n`);
    process.exit(2);
  }
  return envelope.result as ResultOf<M>;
}

function logged<T>(entry: LoggedTx, write: () => T): T {
  log.append(entry);
  return write();
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

function importCsv(tag: string, rows: number): string {
  const lines = ['Code,Name,Kind,Place,Lamp type,Rated power (W),Notes'];
  for (let i = 1; i <= rows; i += 1) {
    lines.push(`${tag}-${pad(i, 4)},LED灯管,fixture,A101,led_tube,${rng.int(5, 60)},批次 ${tag}`);
  }
  return `${lines.join('\r\n')}\r\n`;
}

// The parent starts its kill timer from this line, once start-up (tsx, migrations) is over.
process.stdout.write('ready\n');
const started = Date.now();

const statuses: BulkTx['status'][] = ['faulty', 'under_repair', 'standby', 'retired'];

/** An import of a few hundred assets, then a bulk status edit of all of them. */
function importAndEdit(base: string): void {
  const importTag = `${base}-I`;
  const rows = rng.int(200, 400);
  const csv = importCsv(importTag, rows);
  const imported = logged({ run, op: 'import', tag: importTag, rows }, () =>
    call('assets.importCommit', {
      fileName: `${importTag}.csv`,
      contentBase64: Buffer.from(csv, 'utf8').toString('base64'),
      mode: 'all',
    }),
  );
  if (imported.created !== rows) throw new Error(`import created ${imported.created} of ${rows}`);

  const bulkTag = `${base}-B`;
  const status = rng.pick(statuses);
  const bulk = logged({ run, op: 'bulk', tag: bulkTag, importTag, rows, status }, () =>
    call('assets.bulkUpdate', {
      selection: { filter: { q: `${importTag}-` } },
      patch: { status, notes: bulkTag },
    }),
  );
  if (bulk.updated !== rows) throw new Error(`bulk edit updated ${bulk.updated} of ${rows}`);
}

/** A floor and a room in it created, the floor renamed, and (mostly) both deleted. */
function placeWrites(base: string): void {
  const floorCode = `${base}-F`;
  const floorName = `${base} 楼层`;
  const floor = logged(
    { run, op: 'placeCreate', tag: floorCode, kind: 'floor', code: floorCode, name: floorName },
    () =>
      call('places.create', {
        kind: 'floor',
        parentId: parentBuilding,
        name: floorName,
        code: floorCode,
        floorNumber: rng.int(1, 200),
      }),
  );

  const roomCode = `${base}-R`;
  const roomName = `${base} 房间`;
  logged(
    { run, op: 'placeCreate', tag: roomCode, kind: 'room', code: roomCode, name: roomName },
    () =>
      call('places.create', {
        kind: 'room',
        parentId: floor.id,
        name: roomName,
        code: roomCode,
        areaM2: rng.int(10, 200),
      }),
  );

  const renamed = `${base} 改名`;
  logged({ run, op: 'placeUpdate', tag: `${base}-U`, code: floorCode, name: renamed }, () =>
    call('places.update', { id: floor.id, patch: { name: renamed } }),
  );

  if (rng.chance(0.6)) {
    logged({ run, op: 'placeDelete', tag: `${base}-X`, codes: [floorCode, roomCode] }, () =>
      call('places.delete', { id: floor.id, cascade: true }),
    );
  }
}

/** A corrective order created, then moved open → assigned → … → closed, one call per move. */
function orderWrites(base: string): void {
  const title = `${base}-O`;
  const order = logged({ run, op: 'orderCreate', tag: title }, () =>
    call('workOrders.create', {
      type: 'corrective',
      category: 'lighting',
      title,
      placeId: parentBuilding,
      priority: 'normal',
    }),
  );
  const moves: OrderMoveTx['to'][] = ['assigned', 'in_progress', 'completed', 'verified', 'closed'];
  moves.forEach((to, i) => {
    const tag = `${base}-M${i}`;
    logged({ run, op: 'orderMove', tag, title, to }, () =>
      call('workOrders.transition', {
        id: order.id,
        to,
        note: tag,
        ...(to === 'assigned' ? { crewId } : {}),
        ...(to === 'completed' ? { labourHours: 1, result: '已修复' } : {}),
        ...(to === 'verified' ? { verifiedBy: '验收员' } : {}),
      }),
    );
  });
}

// Odd runs start with the short place writes, so that kills land in them too and not almost
// always in the first import, which takes most of a short run.
const steps =
  run % 2 === 0
    ? [importAndEdit, orderWrites, placeWrites]
    : [placeWrites, orderWrites, importAndEdit];
for (let cycle = 0; ; cycle += 1) {
  // A child whose parent has gone must not write for ever. (The loop never yields, so a timer
  // could not fire: the clock is read here instead.)
  if (Date.now() - started > 30_000) process.exit(3);
  const base = `D${dbIndex}R${pad(run, 3)}C${pad(cycle, 3)}`;
  for (const step of steps) step(base);
}
