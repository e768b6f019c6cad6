// `npm run cli -- <command> …`: the commands for IT staff. Each command is its own module.
import { runDemo } from './demo';
import { runExportAll } from './exportAll';
import { runImportAll } from './importAll';
import { runImportReadings } from './importReadings';
import { runRestoreBackup } from './restoreBackup';

const commands: Record<string, (argv: string[]) => number> = {
  demo: runDemo,
  'export-all': runExportAll,
  'import-all': runImportAll,
  'import-readings': runImportReadings,
  'restore-backup': runRestoreBackup,
};

function main(): number {
  const [name, ...rest] = process.argv.slice(2);
  const command = name ? commands[name] : undefined;
  if (!command) {
    console.error(
      `usage: npm run cli -- <command> [options]\ncommands: ${Object.keys(commands).join(', ')}`,
    );
    return 2;
  }
  try {
    return command(rest);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return 1;
  }
}

process.exitCode = main();
