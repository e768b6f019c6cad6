// The analytics rules of DOMAIN.md's Indicators as pure functions: per-capita figures and
// reporting periods, the water balance of a parent meter, minimum night flow with the leak-alert
// rule, and irrigation programmes (night windows, planned water by season). No I/O.
export * from './balance';
export * from './irrigation';
export * from './nightFlow';
export * from './perCapita';
