// The demo's maintenance vocabulary in Chinese: crews, people's names, spare parts, plan checklists
// and the faults people report, modelled on a college logistics office (定期检修 + 随时报修).
import type { Rng } from './random';

export type CrewRole = 'electric1' | 'electric2' | 'plumbing' | 'green' | 'general';

export const crewDefs: readonly {
  role: CrewRole;
  name: string;
  trade: 'electrician' | 'plumber' | 'gardener' | 'general';
}[] = [
  { role: 'electric1', name: '电工一班', trade: 'electrician' },
  { role: 'electric2', name: '电工二班', trade: 'electrician' },
  { role: 'plumbing', name: '水暖班', trade: 'plumber' },
  { role: 'green', name: '绿化班', trade: 'gardener' },
  { role: 'general', name: '综合维修班', trade: 'general' },
];

const surnames = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕';
const given = [
  '建国',
  '国强',
  '志明',
  '海涛',
  '建华',
  '永刚',
  '德胜',
  '文军',
  '立新',
  '红兵',
  '卫东',
  '振华',
  '晓峰',
  '俊杰',
  '明亮',
  '春生',
  '长青',
  '学军',
  '玉林',
  '宏伟',
  '丽',
  '敏',
  '静',
  '秀英',
  '桂兰',
];

export function personName(rng: Rng): string {
  return rng.pick([...surnames]) + rng.pick(given);
}

export function phoneNumber(rng: Rng): string {
  return `1${rng.pick(['33', '38', '39', '58', '86', '89'])}${String(rng.int(0, 99_999_999)).padStart(8, '0')}`;
}

/** Who reports faults: students and teachers by phone or at the counter, dorm wardens, guards. */
export function reporterName(rng: Rng, source: string): string {
  const surname = rng.pick([...surnames]);
  if (source === 'patrol') return rng.pick(['保卫处夜间巡逻', '水暖班巡检', '后勤巡查']);
  if (source === 'leak_alert') return '夜间最小流量告警';
  return rng.pick([`${surname}同学`, `${surname}同学`, `${surname}老师`, `宿管${surname}阿姨`]);
}

export interface PartDef {
  key: string;
  name: string;
  spec: string;
  unit: string;
  reorderPoint: number;
  /** A purchase: about three months of one campus's use; the reorder point about six weeks'. */
  batch: number;
}

export const partDefs: readonly PartDef[] = [
  {
    key: 'tube18',
    name: 'LED 灯管',
    spec: 'T8 18W 1.2m',
    unit: '支',
    reorderPoint: 40,
    batch: 80,
  },
  {
    key: 'panel36',
    name: 'LED 面板灯',
    spec: '600×600 36W',
    unit: '套',
    reorderPoint: 25,
    batch: 50,
  },
  {
    key: 'down12',
    name: 'LED 筒灯',
    spec: '12W 开孔150mm',
    unit: '只',
    reorderPoint: 20,
    batch: 50,
  },
  {
    key: 'down9',
    name: 'LED 筒灯',
    spec: '9W 开孔150mm',
    unit: '只',
    reorderPoint: 50,
    batch: 100,
  },
  { key: 'street100', name: '路灯 LED 模组', spec: '100W', unit: '个', reorderPoint: 6, batch: 15 },
  { key: 'flood200', name: 'LED 投光灯', spec: '200W', unit: '套', reorderPoint: 3, batch: 6 },
  { key: 'nozzle', name: '喷头', spec: '地埋式旋转喷头', unit: '个', reorderPoint: 10, batch: 20 },
  { key: 'solenoid', name: '电磁阀', spec: 'DN40 24VAC', unit: '个', reorderPoint: 2, batch: 3 },
  { key: 'waterMeter', name: '水表', spec: 'DN25 旋翼式', unit: '块', reorderPoint: 1, batch: 2 },
  { key: 'ballValve', name: '球阀', spec: 'DN25 铜质', unit: '个', reorderPoint: 5, batch: 10 },
  {
    key: 'pprFitting',
    name: 'PPR 管件',
    spec: 'DN25 直接/弯头',
    unit: '个',
    reorderPoint: 25,
    batch: 50,
  },
  {
    key: 'flushValve',
    name: '感应冲洗阀',
    spec: '小便器用',
    unit: '套',
    reorderPoint: 6,
    batch: 12,
  },
  { key: 'faucet', name: '水龙头', spec: '陶瓷阀芯', unit: '个', reorderPoint: 6, batch: 12 },
  { key: 'breaker', name: '空气开关', spec: 'C16 1P', unit: '个', reorderPoint: 4, batch: 8 },
  { key: 'tape', name: '生料带', spec: '20m', unit: '卷', reorderPoint: 12, batch: 25 },
];

export const checklists = {
  fixtures: [
    '逐间检查灯具是否全部点亮',
    '检查灯管、面板有无闪烁、发黑',
    '检查开关、线路有无松动发热',
    '测试应急照明与疏散指示',
    '记录需更换灯具编号并报修',
  ],
  irrigation: [
    '检查各区喷头出水，有无堵塞、倾斜或损坏',
    '检查电磁阀开闭是否正常',
    '检查管道有无渗漏、地面积水',
    '核对控制器时间程序与季节设定',
    '记录再生水绿化总表读数',
  ],
  meters: [
    '按路线抄录一级、二级水表读数',
    '抄录各楼宇电表读数，核对倍率',
    '检查表具有无停走、倒转、损坏',
    '拍照留存表盘读数',
    '与上月用量对比，异常及时上报',
  ],
  pipes: [
    '沿供水主管线巡查地面有无冒水、塌陷',
    '检查阀门井内阀门有无渗漏',
    '检查加压泵房运行状况',
    '夜间最小流量异常区域重点排查',
    '发现跑冒滴漏立即报修',
  ],
  streetLights: [
    '夜间巡查路灯亮灯情况',
    '检查灯杆有无锈蚀、倾斜',
    '检查路灯配电箱及时控器设定',
    '记录不亮路灯编号并报修',
  ],
} as const;

export type RepairCategory = 'water_leak' | 'plumbing' | 'irrigation' | 'electrical' | 'building';

export interface RepairKind {
  category: RepairCategory;
  /** Reports per campus per year. */
  perYear: number;
  crew: CrewRole;
  /** Which asset the report names, if any. */
  asset: 'valve' | 'sanitary_ware' | 'pipe_segment' | 'zone' | null;
  /** Months it happens in (irrigation runs April–October); all year when absent. */
  months?: readonly number[];
  faults: readonly string[];
  /** Parts the repair may take: key, chance, quantity range. */
  parts: readonly [string, number, number, number][];
}

export const repairKinds: readonly RepairKind[] = [
  {
    category: 'water_leak',
    perYear: 50,
    crew: 'plumbing',
    asset: 'valve',
    faults: [
      '卫生间水管漏水',
      '洗手池下水管渗水',
      '地面冒水，疑似暗管破裂',
      '阀门井内阀门漏水',
      '热水器进水管滴水',
    ],
    parts: [
      ['ballValve', 0.5, 1, 2],
      ['pprFitting', 0.6, 2, 6],
      ['tape', 0.8, 1, 1],
    ],
  },
  {
    category: 'water_leak',
    perYear: 10,
    crew: 'plumbing',
    asset: 'pipe_segment',
    faults: ['道路边井盖处持续冒水', '供水主管接口渗漏', '夜间流量异常，巡查发现管道漏点'],
    parts: [
      ['pprFitting', 0.7, 2, 8],
      ['ballValve', 0.3, 1, 1],
    ],
  },
  {
    category: 'plumbing',
    perYear: 110,
    crew: 'plumbing',
    asset: 'sanitary_ware',
    faults: [
      '小便器感应失灵，长流水',
      '蹲便器冲水阀损坏',
      '下水道堵塞',
      '水龙头关不严',
      '洗手池堵塞',
    ],
    parts: [
      ['flushValve', 0.4, 1, 1],
      ['faucet', 0.3, 1, 2],
      ['tape', 0.5, 1, 1],
    ],
  },
  {
    category: 'irrigation',
    perYear: 35,
    crew: 'green',
    asset: 'zone',
    months: [4, 5, 6, 7, 8, 9, 10],
    faults: [
      '喷头损坏不出水',
      '电磁阀不关，持续喷水',
      '喷灌管道破裂，草坪积水',
      '喷头被割草机打坏',
      '控制器不按时启动',
    ],
    parts: [
      ['nozzle', 0.7, 1, 4],
      ['solenoid', 0.2, 1, 1],
      ['pprFitting', 0.3, 1, 3],
    ],
  },
  {
    category: 'electrical',
    perYear: 45,
    crew: 'general',
    asset: null,
    faults: ['插座无电', '空调插座跳闸', '配电箱有异味', '开关面板损坏', '走廊插座松动'],
    parts: [['breaker', 0.5, 1, 2]],
  },
  {
    category: 'building',
    perYear: 30,
    crew: 'general',
    asset: null,
    faults: ['门锁损坏', '窗户关不上', '吊顶板脱落', '墙面渗水发霉', '门禁闭门器损坏'],
    parts: [],
  },
];

/** What a lamp of each type is called on an order, and the part it takes. */
export const lampWords: Record<string, { word: string; measure: string }> = {
  led_tube: { word: 'LED灯管', measure: '支' },
  panel: { word: 'LED面板灯', measure: '套' },
  downlight: { word: 'LED筒灯', measure: '只' },
  street_light: { word: '路灯LED模组', measure: '个' },
  floodlight: { word: 'LED投光灯', measure: '套' },
  emergency: { word: '应急灯', measure: '只' },
};

export const lampFaults = ['灯不亮', '灯管闪烁', '灯具发黑', '灯具有异响', '灯具烧坏'];
export const streetFaults = ['路灯不亮', '路灯闪烁', '路灯白天常亮'];
