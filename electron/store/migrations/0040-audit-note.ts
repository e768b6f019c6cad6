// A short free-text note on audit entries, saying which bulk action or import made a change.
export const sql = `ALTER TABLE audit_log ADD COLUMN note TEXT;`;
