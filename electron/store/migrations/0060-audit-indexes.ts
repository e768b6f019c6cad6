// Indexes for the audit view: filtering by operator or by kind of object and paging newest first
// are served from an index instead of sorting every matching entry (a bulk edit or an import
// writes thousands of entries at once), and the operator list for the filter's dropdown is read by
// skipping through the actor index rather than scanning the whole log.
export const sql = `
CREATE INDEX audit_by_actor ON audit_log(actor, at);
CREATE INDEX audit_by_entity_time ON audit_log(entity, at);
`;
