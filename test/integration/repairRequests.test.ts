// Repair requests (报修) through the real dispatch table: numbering, place from the asset, photos
// decoded and bounded, listing, finding open orders for a fault, converting into a work order and
// merging into an open one (text, asset and photos carried over), and refusals that write nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Api } from '../../electron/api';
import { localYear } from '../../electron/services/siteTime';
import { newId } from '../../electron/store/tx';
import type { Asset } from '../../shared/contract/assets';
import type { Crew } from '../../shared/contract/crews';
import { call, callError, issuePaths } from '../support/api';
import { auditRowsFor, createCampus, fixtureInput, type Campus } from '../support/assets';
import { dumpDb } from '../support/dump';
import { createCrew, createOrder, createRequest, walkTo, ZONE } from '../support/maintenance';
import { openTempApi, type TempApi } from '../support/tempDb';

let t: TempApi;
let api: Api;
let campus: Campus;
let crew: Crew;
let lamp: Asset;

const photo = (text: string, name = '现场.jpg') => ({
  name,
  mime: 'image/jpeg',
  contentBase64: Buffer.from(text).toString('base64'),
});

beforeEach(() => {
  t = openTempApi();
  api = t.api;
  campus = createCampus(api);
  crew = createCrew(api);
  lamp = call(api, 'assets.create', fixtureInput('FX-1', { placeId: campus.room.id }));
});

afterEach(() => t.cleanup());

describe('recording a request', () => {
  it('numbers requests BX-YYYY-NNNNN and takes the place from the asset', () => {
    const year = localYear(ZONE);
    const first = createRequest(api, { assetId: lamp.id, attachments: [photo('灯管照片')] });
    expect(first).toMatchObject({
      number: `BX-${year}-00001`,
      placeId: campus.room.id,
      placePath: '第一教学楼 › 1层 › 多媒体教室A101',
      asset: { code: 'FX-1', placePath: '第一教学楼 › 1层 › 多媒体教室A101' },
      status: 'new',
      workOrderId: null,
      createdBy: '测试员',
    });
    expect(first.attachments).toMatchObject([
      { name: '现场.jpg', mime: 'image/jpeg', bytes: Buffer.byteLength('灯管照片') },
    ]);
    const second = createRequest(api, { placeId: campus.green.id, category: 'water_leak' });
    expect(second).toMatchObject({
      number: `BX-${year}-00002`,
      asset: null,
      placePath: '东区绿地',
    });
    expect(auditRowsFor(api, first.id).map((r) => [r.entity, r.action])).toEqual([
      ['repair_request', 'create'],
    ]);
  });

  it('refuses a photo over 5 MB or not base64 by its field, writing nothing', () => {
    const before = dumpDb(api.core.db);
    const big = {
      name: 'big.jpg',
      contentBase64: Buffer.alloc(5 * 1024 * 1024 + 1).toString('base64'),
    };
    const tooBig = callError(api, 'requests.create', {
      reporter: '张三',
      placeId: campus.room.id,
      category: 'lighting',
      description: '灯不亮',
      attachments: [photo('ok'), big],
    });
    expect(tooBig.code).toBe('VALIDATION');
    expect(issuePaths(tooBig)).toEqual(['attachments.1.contentBase64']);
    const garbled = callError(api, 'requests.create', {
      reporter: '张三',
      placeId: campus.room.id,
      category: 'lighting',
      description: '灯不亮',
      attachments: [{ name: 'x.jpg', contentBase64: '不是base64!' }],
    });
    expect(issuePaths(garbled)).toEqual(['attachments.0.contentBase64']);
    const nowhere = callError(api, 'requests.create', {
      reporter: '张三',
      category: 'lighting',
      description: '灯不亮',
    });
    expect(issuePaths(nowhere)).toEqual(['placeId']);
    const future = new Date(Date.now() + 3_600_000).toISOString();
    expect(
      issuePaths(
        callError(api, 'requests.create', {
          reporter: '张三',
          placeId: campus.room.id,
          category: 'lighting',
          description: '灯不亮',
          reportedAt: future,
        }),
      ),
    ).toEqual(['reportedAt']);
    expect(
      callError(api, 'requests.create', {
        reporter: '张三',
        assetId: newId(),
        category: 'lighting',
        description: '灯不亮',
      }).code,
    ).toBe('NOT_FOUND');
    expect(dumpDb(api.core.db)).toEqual(before);
  });

  it('lists requests newest report first, by status, and reads one', () => {
    const old = createRequest(api, { placeId: campus.room.id, reportedAt: '2026-01-05T02:00:00Z' });
    const recent = createRequest(api, {
      placeId: campus.room.id,
      reportedAt: '2026-01-06T02:00:00Z',
    });
    call(api, 'requests.convert', { id: old.id });
    expect(call(api, 'requests.list', {}).items.map((r) => r.id)).toEqual([recent.id, old.id]);
    const fresh = call(api, 'requests.list', { status: 'new' });
    expect([fresh.total, fresh.items.map((r) => r.id)]).toEqual([1, [recent.id]]);
    const page = call(api, 'requests.list', { offset: 1, limit: 1 });
    expect([page.total, page.items.map((r) => r.id)]).toEqual([2, [old.id]]);
    expect(call(api, 'requests.get', { id: old.id })).toMatchObject({ status: 'converted' });
    expect(old.reportedAt).toBe('2026-01-05T02:00:00.000Z');
  });

  it('finds the active orders covering the asset, or at the place', () => {
    const onLamp = createOrder(api, { assetIds: [lamp.id], priority: 'low' });
    const urgent = createOrder(api, { assetIds: [lamp.id], priority: 'urgent' });
    walkTo(api, createOrder(api, { assetIds: [lamp.id] }), 'completed', crew.id);
    const atRoom = createOrder(api, { placeId: campus.room.id });
    const byAsset = call(api, 'requests.openOrdersFor', { assetId: lamp.id, placeId: null });
    expect(byAsset.items.map((r) => r.id)).toEqual([urgent.id, onLamp.id]);
    const byPlace = call(api, 'requests.openOrdersFor', { assetId: null, placeId: campus.room.id });
    expect(byPlace.items.map((r) => r.id)).toEqual([atRoom.id]);
    expect(call(api, 'requests.openOrdersFor', { assetId: null, placeId: null }).items).toEqual([]);
  });
});

describe('converting and merging', () => {
  it('converts a new request into a corrective order carrying its text, people and photos', () => {
    const request = createRequest(api, {
      assetId: lamp.id,
      priority: 'high',
      reportedAt: '2026-01-05T02:00:00Z',
      attachments: [photo('第一张'), photo('第二张', '近景.jpg')],
    });
    const order = call(api, 'requests.convert', { id: request.id });
    expect(order).toMatchObject({
      type: 'corrective',
      category: 'lighting',
      title: '教室灯管不亮',
      description: '教室灯管不亮\n第二排左侧两支',
      priority: 'high',
      placeId: campus.room.id,
      requester: '张三',
      requesterPhone: '13800000000',
      reportedAt: '2026-01-05T02:00:00.000Z',
      status: 'open',
      requests: [{ id: request.id, number: request.number, reporter: '张三' }],
    });
    expect(order.assets.map((a) => a.id)).toEqual([lamp.id]);
    expect(order.attachments.map((a) => a.name)).toEqual(['现场.jpg', '近景.jpg']);
    expect(order.events[0]?.note).toBe(`报修转工单 ${request.number}`);
    const file = call(api, 'workOrders.attachment', { id: order.attachments[1]?.id ?? '' });
    expect(Buffer.from(file.contentBase64, 'base64').toString()).toBe('第二张');
    // The photos stay with the request too.
    const after = call(api, 'requests.get', { id: request.id });
    expect(after).toMatchObject({
      status: 'converted',
      workOrderId: order.id,
      workOrderNumber: order.number,
    });
    expect(after.attachments).toHaveLength(2);
    const again = callError(api, 'requests.convert', { id: request.id });
    expect(again.code).toBe('CONFLICT');
  });

  it('takes a given title, crew and due date, and cuts a long first line to 60 characters', () => {
    const long = '五'.repeat(80);
    const request = createRequest(api, { placeId: campus.room.id, description: `\n${long}\n细节` });
    expect(call(api, 'requests.convert', { id: request.id }).title).toBe(`${'五'.repeat(59)}…`);
    const other = createRequest(api, { placeId: campus.room.id });
    const order = call(api, 'requests.convert', {
      id: other.id,
      title: '更换A101灯管',
      crewId: crew.id,
      dueDate: '2030-03-01',
    });
    expect(order).toMatchObject({
      title: '更换A101灯管',
      crewId: crew.id,
      status: 'assigned',
      dueDate: '2030-03-01',
    });
  });

  it('a convert that fails (unknown crew) leaves the request new and writes nothing', () => {
    const request = createRequest(api, { assetId: lamp.id, attachments: [photo('x')] });
    const before = dumpDb(api.core.db);
    const error = callError(api, 'requests.convert', { id: request.id, crewId: newId() });
    expect(error.code).toBe('NOT_FOUND');
    expect(dumpDb(api.core.db)).toEqual(before);
    expect(call(api, 'requests.get', { id: request.id }).status).toBe('new');
  });

  it('merges a request into an active order: asset, text, photos and a timeline note', () => {
    const other = call(api, 'assets.create', fixtureInput('FX-2', { placeId: campus.room.id }));
    const order = createOrder(api, { assetIds: [lamp.id], description: '更换灯管' });
    const request = createRequest(api, {
      assetId: other.id,
      description: '旁边一支也闪',
      attachments: [photo('闪')],
    });
    const merged = call(api, 'requests.merge', { id: request.id, workOrderId: order.id });
    expect(merged.description).toBe(
      `更换灯管\n\n[${request.number} 张三 13800000000] 旁边一支也闪`,
    );
    expect(merged.assets.map((a) => a.code)).toEqual(['FX-1', 'FX-2']);
    expect(merged.attachments.map((a) => a.name)).toEqual(['现场.jpg']);
    expect(merged.status).toBe(order.status);
    expect(merged.events.at(-1)).toMatchObject({ from: 'open', to: 'open' });
    expect(merged.events.at(-1)?.note).toContain(request.number);
    expect(merged.requests.map((r) => r.id)).toEqual([request.id]);
    expect(call(api, 'requests.get', { id: request.id })).toMatchObject({
      status: 'merged',
      workOrderId: order.id,
    });
    expect(auditRowsFor(api, order.id).at(-1)?.note).toContain(request.number);
    expect(callError(api, 'requests.merge', { id: request.id, workOrderId: order.id }).code).toBe(
      'CONFLICT',
    );
  });

  it('merges only into an active order', () => {
    const closed = walkTo(api, createOrder(api), 'closed', crew.id);
    const request = createRequest(api, { assetId: lamp.id });
    const before = dumpDb(api.core.db);
    expect(callError(api, 'requests.merge', { id: request.id, workOrderId: closed.id }).code).toBe(
      'CONFLICT',
    );
    expect(dumpDb(api.core.db)).toEqual(before);
  });
});
