// `npm run demo -- --db PATH [--scale N] [--seed S]`: fills an empty database with the demo register.
import { DeskError } from '../../shared/contract/errors';
import { generateDemo } from '../demo';
import { openDatabase } from '../store/open';
import { resolveDbPath } from '../paths';
import { readArgs } from './args';

export function runDemo(argv: string[]): number {
  const { values } = readArgs(argv, {
    db: { type: 'string' },
    scale: { type: 'string', default: '1' },
    seed: { type: 'string' },
  });
  const scale = Number(values.scale);
  if (!Number.isInteger(scale) || scale < 1 || scale > 50) {
    console.error(`--scale must be a whole number from 1 to 50, got "${values.scale}"`);
    return 2;
  }
  const file = resolveDbPath(values.db);
  const db = openDatabase(file);
  try {
    const started = Date.now();
    const counts = generateDemo(db, {
      scale,
      ...(values.seed ? { seed: Number(values.seed) } : {}),
    });
    const summary = Object.entries(counts)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ');
    console.log(`demo data written to ${file} in ${Date.now() - started} ms: ${summary}`);
    return 0;
  } catch (error) {
    if (error instanceof DeskError) {
      console.error(`${error.code}: ${error.message} (${file})`);
      return 1;
    }
    throw error;
  } finally {
    db.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`)
  process.exitCode = runDemo(process.argv.slice(2));
