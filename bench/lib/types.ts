// The shapes every benchmark area shares: what an area is, what it reports, and what the runner
// hands it. Kept apart from the runner so an area never imports bench/index.ts.

/** One measured figure. `name` is stable and dotted (`area.subject.stat_unit`): tools diff by it. */
export interface Result {
  name: string;
  value: number;
  unit: string;
  /**
   * A reference measured on this machine in this run (same unit as `value`). Absolute times vary
   * from machine to machine; value/limit is what stays comparable between them.
   */
  limit?: number;
  /** Which result the limit is (e.g. `sqlite.insert.rows_per_s`), so a reader can trace it. */
  limitOf?: string;
}

export interface Ctx {
  /** The demo data scale (`--scale`): N campuses of about 30 buildings each. */
  readonly scale: number;
  /** A path for a database file inside this run's temp folder; the runner removes the folder. */
  tempFile(name: string): string;
  /** Progress for people watching; goes to stderr so stdout stays the table. */
  log(line: string): void;
}

export interface Area {
  readonly name: string;
  run(ctx: Ctx): Promise<Result[]> | Result[];
}
