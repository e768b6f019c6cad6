// `npm run bench -- [--scale N] [--only AREA] [--json FILE]`: runs the benchmark areas, prints one
// table and optionally writes the results as JSON. Benchmarks report; they never pass or fail on a
// time, and CI does not run them.
import os from 'node:os';
import { parseArgs } from 'node:util';
import { areas } from './areas';
import { formatTable, writeJson } from './lib/report';
import { createTempDir } from './lib/tempdb';
import { msSince, nowNs } from './lib/timing';
import type { Area, Ctx, Result } from './lib/types';

const USAGE = `usage: npm run bench -- [--scale N] [--only AREA] [--json FILE]
  --scale N     demo data scale, 1–50 campuses of ~30 buildings (default 1)
  --only AREA   run one area: ${areas.map((a) => a.name).join(', ')}
  --json FILE   also write {"results":[{name,value,unit,…}]} to FILE`;

interface Options {
  scale: number;
  selected: readonly Area[];
  json: string | undefined;
}

class UsageError extends Error {}

function readOptions(argv: string[]): Options | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        scale: { type: 'string', default: '1' },
        only: { type: 'string' },
        json: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) return 'help';
  const scale = Number(values.scale);
  if (!Number.isInteger(scale) || scale < 1 || scale > 50) {
    throw new UsageError(`--scale must be a whole number from 1 to 50, got "${values.scale}"`);
  }
  let selected: readonly Area[] = areas;
  if (values.only !== undefined) {
    const area = areas.find((a) => a.name === values.only);
    if (!area) {
      const known = areas.map((a) => a.name).join(', ');
      throw new UsageError(`unknown area "${values.only}"; known areas: ${known}`);
    }
    selected = [area];
  }
  return { scale, selected, json: values.json };
}

/** One line of context: the figures mean little without the machine and versions behind them. */
function describeMachine(scale: number): string {
  const cpus = os.cpus();
  const cpu = cpus[0]?.model.trim() ?? 'unknown cpu';
  return `# Utility Desk bench · scale ${scale} · ${cpus.length}× ${cpu} · node ${process.version} · ${os.platform()} ${os.arch()}`;
}

/** Names must be `<area>.…` and unique, or tools that compare runs by name would mix them up. */
function checkNames(area: Area, results: readonly Result[], seen: Set<string>): void {
  for (const r of results) {
    if (!r.name.startsWith(`${area.name}.`)) {
      throw new Error(`result ${r.name} of area ${area.name} must start with "${area.name}."`);
    }
    if (seen.has(r.name)) throw new Error(`result ${r.name} reported twice`);
    seen.add(r.name);
  }
}

async function main(argv: string[]): Promise<number> {
  let options: Options | 'help';
  try {
    options = readOptions(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`bench: ${error.message}\n${USAGE}`);
    return 2;
  }
  if (options === 'help') {
    console.log(USAGE);
    return 0;
  }

  const tmp = createTempDir();
  const ctx: Ctx = {
    scale: options.scale,
    tempFile: (name) => tmp.file(name),
    log: (line) => process.stderr.write(`${line}\n`),
  };
  const results: Result[] = [];
  const seen = new Set<string>();
  let failed = false;
  const started = nowNs();
  try {
    for (const area of options.selected) {
      // One failing area should not hide the figures of the others; the exit code still says so.
      try {
        const areaStart = nowNs();
        const own = await area.run(ctx);
        checkNames(area, own, seen);
        results.push(...own);
        ctx.log(`${area.name}: done in ${(msSince(areaStart) / 1000).toFixed(1)} s`);
      } catch (error) {
        failed = true;
        console.error(
          `bench: area ${area.name} failed: ${(error as Error).stack ?? String(error)}`,
        );
      }
    }
  } finally {
    tmp.remove();
  }

  console.log(describeMachine(options.scale));
  console.log(formatTable(results));
  if (options.json !== undefined) {
    writeJson(options.json, results);
    ctx.log(`wrote ${results.length} results to ${options.json}`);
  }
  ctx.log(`total ${(msSince(started) / 1000).toFixed(1)} s`);
  return failed ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
