// A small argument reader for the project's commands, built on node:util parseArgs.
import { parseArgs, type ParseArgsConfig } from 'node:util';

export function readArgs<T extends NonNullable<ParseArgsConfig['options']>>(
  argv: string[],
  options: T,
) {
  return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
}
