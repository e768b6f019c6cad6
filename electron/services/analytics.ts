// Handlers of analytics.* (issue 7), one map for the dispatch table: yearly, trend and monthly
// figures (analyticsYearly.ts), targets (analyticsTargets.ts), the water balance, breakdown and
// coverage (analyticsBalance.ts), night flow and leak alerts (analyticsLeaks.ts over
// analyticsNightFlow.ts), park, lighting and irrigation indicators. Consumption is read from the
// daily rollups through analyticsScope.ts; only the night flow reads readings, window by window.
import type { MethodName } from '../../shared/contract';
import type { Handlers } from '../api';
import { balanceCalls } from './analyticsBalance';
import { irrigationCalls } from './analyticsIrrigation';
import { leakCalls } from './analyticsLeaks';
import { lightingCalls } from './analyticsLighting';
import { parkCalls } from './analyticsPark';
import { targetCalls } from './analyticsTargets';
import { yearlyCalls } from './analyticsYearly';

export const analyticsHandlers: Handlers<Extract<MethodName, `analytics.${string}`>> = {
  ...yearlyCalls,
  ...targetCalls,
  ...balanceCalls,
  ...leakCalls,
  ...parkCalls,
  ...lightingCalls,
  ...irrigationCalls,
};
