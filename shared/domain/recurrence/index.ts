// The recurrence module's public face: RFC 5545 RRULE subset parsing, expansion in a site's zone,
// plain-language descriptions and the editor model. Pure TypeScript (rrule and luxon only).
export type { ByDay, Freq, LocalDateTime, ParsedRule } from './types';
export { RuleError } from './types';
export { parseRule } from './parse';
export { formatRule } from './rule';
export { occurrences } from './expand';
export { isValidTimeZone, localToUtc, utcToLocal } from './zone';
export { describeRule } from './describe';
export type { RuleEnd, RuleSpec } from './spec';
export { ruleFromSpec, specFromRule } from './spec';
