// The organisation's settings on a real file: complete defaults on a new database, updates of
// the named fields only (nested ones field by field) with an audit entry, refusals that change
// nothing, and a stored value the schema no longer accepts falling back to its default.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Api } from '../../electron/api';
import { call, callError } from '../support/api';
import { dumpDb } from '../support/dump';
import { openTempApi, type TempApi } from '../support/tempDb';

let t: TempApi;
let api: Api;

beforeEach(() => {
  t = openTempApi('管理员');
  api = t.api;
});

afterEach(() => t.cleanup());

const PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

describe('settings', () => {
  it('reads the defaults of DOMAIN.md on a new database', () => {
    expect(call(api, 'settings.get', {})).toEqual({
      organisationName: '',
      logoDataUrl: null,
      standardPersonWeights: { students: 1, staff: 1, residents: 1, others: 0.5 },
      waterLossThreshold: 0.12,
      leakAlert: {
        windowStart: '02:00',
        windowEnd: '04:00',
        baselineNights: 28,
        ratio: 0.3,
        absoluteM3h: 0.5,
        nights: 3,
      },
    });
  });

  it('changes only the fields named, and audits the change', () => {
    call(api, 'settings.update', { organisationName: '某职业技术学院后勤处', logoDataUrl: PNG });
    const after = call(api, 'settings.update', {
      standardPersonWeights: { others: 0.3 },
      leakAlert: { nights: 2 },
    });
    expect(after.organisationName).toBe('某职业技术学院后勤处');
    expect(after.logoDataUrl).toBe(PNG);
    expect(after.standardPersonWeights).toEqual({
      students: 1,
      staff: 1,
      residents: 1,
      others: 0.3,
    });
    expect(after.leakAlert.nights).toBe(2);
    expect(after.leakAlert.ratio).toBe(0.3);
    expect(call(api, 'settings.get', {})).toEqual(after);
    const audit = call(api, 'audit.list', { entity: 'settings' });
    expect(audit.items).toHaveLength(2);
  });

  it('refuses a logo that is not a PNG or JPEG data URL and a weight out of range, changing nothing', () => {
    const before = dumpDb(api.core.db);
    expect(
      callError(api, 'settings.update', { logoDataUrl: 'data:image/svg+xml;base64,PHN2Zz4=' }).code,
    ).toBe('VALIDATION');
    expect(callError(api, 'settings.update', { standardPersonWeights: { staff: -1 } }).code).toBe(
      'VALIDATION',
    );
    expect(dumpDb(api.core.db)).toEqual(before);
  });

  it('falls back to the default for a stored value it no longer accepts', () => {
    api.core.db
      .prepare(
        `INSERT INTO settings (key, value_json, updated_at) VALUES ('waterLossThreshold', '"x"', '')`,
      )
      .run();
    expect(call(api, 'settings.get', {}).waterLossThreshold).toBe(0.12);
  });
});
