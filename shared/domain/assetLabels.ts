// Names of the register's coded values (kinds, statuses, lamp types…) in Chinese and English. The
// renderer shows them and the importer reads them back, so a spreadsheet may say "路灯" or
// "street_light" or "Street light" and mean the same thing.

export type Lang = 'zh-CN' | 'en';

export interface Label {
  zh: string;
  en: string;
}

export const assetLabels = {
  kind: {
    fixture: { zh: '灯具', en: 'Light fixture' },
    irrigation_zone: { zh: '灌溉分区', en: 'Irrigation zone' },
    meter: { zh: '计量表', en: 'Meter' },
    equipment: { zh: '设备设施', en: 'Equipment' },
  },
  status: {
    in_service: { zh: '在用', en: 'In service' },
    faulty: { zh: '故障', en: 'Faulty' },
    under_repair: { zh: '维修中', en: 'Under repair' },
    standby: { zh: '备用', en: 'Standby' },
    retired: { zh: '报废', en: 'Retired' },
  },
  lampType: {
    led_tube: { zh: 'LED灯管', en: 'LED tube' },
    panel: { zh: 'LED面板灯', en: 'Panel' },
    downlight: { zh: 'LED筒灯', en: 'Downlight' },
    street_light: { zh: '路灯', en: 'Street light' },
    floodlight: { zh: '投光灯', en: 'Floodlight' },
    emergency: { zh: '应急灯', en: 'Emergency light' },
  },
  irrigationMethod: {
    sprinkler: { zh: '喷灌', en: 'Sprinkler' },
    micro_spray: { zh: '微喷', en: 'Micro-spray' },
    drip: { zh: '滴灌', en: 'Drip' },
    manual: { zh: '人工浇灌', en: 'Manual' },
  },
  utility: {
    water: { zh: '自来水', en: 'Water' },
    reclaimed_water: { zh: '再生水', en: 'Reclaimed water' },
    electricity: { zh: '电', en: 'Electricity' },
  },
  equipmentType: {
    pump: { zh: '水泵', en: 'Pump' },
    valve: { zh: '阀门', en: 'Valve' },
    sanitary_ware: { zh: '节水器具', en: 'Sanitary ware' },
    pipe_segment: { zh: '管段', en: 'Pipe segment' },
    rain_garden: { zh: '雨水花园', en: 'Rain garden' },
    permeable_paving: { zh: '透水铺装', en: 'Permeable paving' },
    sunken_green: { zh: '下沉式绿地', en: 'Sunken green space' },
    retention_pond: { zh: '调蓄池', en: 'Retention pond' },
    transformer: { zh: '变压器', en: 'Transformer' },
    water_heater: { zh: '热水器', en: 'Water heater' },
  },
  weekday: {
    MO: { zh: '周一', en: 'Mon' },
    TU: { zh: '周二', en: 'Tue' },
    WE: { zh: '周三', en: 'Wed' },
    TH: { zh: '周四', en: 'Thu' },
    FR: { zh: '周五', en: 'Fri' },
    SA: { zh: '周六', en: 'Sat' },
    SU: { zh: '周日', en: 'Sun' },
  },
} as const satisfies Record<string, Record<string, Label>>;

export type LabelGroup = keyof typeof assetLabels;

/** The label of a coded value; an unknown value (a free equipment type) is shown as written. */
export function labelOf(group: LabelGroup, value: string | null | undefined, lang: Lang): string {
  if (value === null || value === undefined) return '';
  const label = (assetLabels[group] as Record<string, Label>)[value];
  if (!label) return value;
  return lang === 'en' ? label.en : label.zh;
}

function normalise(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '');
}

/** The code for a cell that holds a code or a label in either language; undefined if none. */
export function valueOfLabel(group: LabelGroup, text: string): string | undefined {
  const wanted = normalise(text);
  for (const [code, label] of Object.entries(assetLabels[group] as Record<string, Label>)) {
    if (
      normalise(code) === wanted ||
      normalise(label.zh) === wanted ||
      normalise(label.en) === wanted
    ) {
      return code;
    }
  }
  return undefined;
}
