// Marks the file as a Utility Desk database in the SQLite header (PRAGMA application_id), so a file
// chosen for restore can be told apart from any other SQLite file before anything is replaced.
// Files from before this step carry 0; store/backup.ts recognises those by their tables instead.

/** 'UDsk' in ASCII: a 32-bit signed integer as the header stores it. */
export const APPLICATION_ID = 0x5544736b;

export const sql = `PRAGMA application_id = ${APPLICATION_ID};`;
