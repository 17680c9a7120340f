// Realistic synthetic after-sales data from a seed: a roster (agents, technicians, team
// supervisors) and a month of tickets with the distributions a service desk shows (fast
// and slow responses, open tickets, reopened and revisited repairs, sparse surveys,
// complaints, repair costs, booked and actual arrival times). The same seed always gives
// the same data, so benchmarks, tests and the demo can share it. Pure: times are wall-clock
// times written as if UTC (ms), for writers to format.

export interface SampleStaff {
  readonly id: string;
  readonly name: string;
  readonly role: 'agent' | 'technician' | 'supervisor';
  readonly team: string;
}

export interface SampleTicket {
  readonly ticket_id: string;
  readonly staff_id: string;
  readonly staff_name: string;
  readonly created_at: number;
  readonly first_response_at: number | undefined;
  readonly resolved_at: number | undefined;
  readonly reopened: boolean;
  readonly revisit: boolean;
  readonly satisfaction: number | undefined;
  readonly complaint: boolean;
  readonly cost: number | undefined;
  readonly promised_at: number | undefined;
  readonly arrived_at: number | undefined;
  readonly priority: string;
  readonly type: string;
  readonly team: string;
}

export interface SampleOptions {
  readonly seed: number;
  readonly staff: number;
  readonly tickets: number;
  /** First day of the month the tickets are mostly created in. */
  readonly year: number;
  readonly month: number;
  readonly language?: 'zh-CN' | 'en';
  /** Months the tickets are spread over, from `month` on (default 1; 3 for a quarter). */
  readonly months?: number;
  /**
   * People differ: each has a skill level that shifts their speed, quality and satisfaction,
   * and a workload of their own, so results spread over the grades as in a real team (the
   * demo). Off, everyone is drawn from the same distribution (benchmarks and tests).
   */
  readonly varied?: boolean;
}

/** mulberry32: small, fast and good enough for test data. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国玉兰志强海燕';
const EN_FIRST = ['Alex', 'Sam', 'Jamie', 'Chris', 'Pat', 'Robin', 'Taylor', 'Jordan', 'Casey', 'Morgan', 'Drew', 'Lee'];
const EN_LAST = ['Smith', 'Chen', 'Garcia', 'Brown', 'Wang', 'Lopez', 'Miller', 'Khan', 'Davis', 'Wilson', 'Moore', 'Li'];
const TEAM_ZH = ['一组', '二组', '三组', '四组', '五组', '六组', '七组', '八组', '九组', '十组'];

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

export function generateRoster(options: SampleOptions): SampleStaff[] {
  const random = seededRandom(options.seed);
  const zh = (options.language ?? 'zh-CN') === 'zh-CN';
  const teams = Math.max(1, Math.ceil(options.staff / 10));
  const names = new Set<string>();
  const staff: SampleStaff[] = [];
  for (let i = 0; i < options.staff; i++) {
    const teamIndex = i % teams;
    const team = zh ? (TEAM_ZH[teamIndex] ?? `${teamIndex + 1}组`) : `Team ${teamIndex + 1}`;
    // The first person of each team leads it; the rest are agents and technicians.
    const role = i < teams ? 'supervisor' : random() < 0.6 ? 'agent' : 'technician';
    let name: string;
    do {
      name = zh ? pick(random, [...SURNAMES]) + pick(random, [...GIVEN]) + (random() < 0.5 ? pick(random, [...GIVEN]) : '') : `${pick(random, EN_FIRST)} ${pick(random, EN_LAST)}`;
      if (names.has(name)) name += String(i);
    } while (names.has(name));
    names.add(name);
    staff.push({ id: `E${String(i + 1).padStart(4, '0')}`, name, role, team });
  }
  return staff;
}

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

function round(ms: number): number {
  return Math.round(ms / 1000) * 1000;
}

/** Tickets in creation order, spread over the month (plus the last days of the month before). */
export function* generateTickets(options: SampleOptions, roster: readonly SampleStaff[]): Generator<SampleTicket> {
  const random = seededRandom(options.seed ^ 0x5eed);
  const zh = (options.language ?? 'zh-CN') === 'zh-CN';
  const workers = roster.filter((s) => s.role !== 'supervisor');
  const handlers = workers.length > 0 ? workers : roster;
  const start = Date.UTC(options.year, options.month - 1, 1) - 5 * DAY;
  const span = Date.UTC(options.year, options.month - 1 + (options.months ?? 1), 1) - start;
  const priorities = zh ? ['高', '中', '低'] : ['high', 'medium', 'low'];
  const types = zh ? ['咨询', '报修', '安装', '投诉'] : ['enquiry', 'repair', 'installation', 'complaint'];
  const profile = staffProfiles(handlers, options);
  for (let n = 0; n < options.tickets; n++) {
    const staff = profile.pick(random());
    const s = profile.skill(staff);
    const onsite = staff.role === 'technician';
    // Created during the day (08:00–20:00), in order through the period.
    const day = Math.floor(((n + random()) / options.tickets) * (span / DAY));
    const created = round(start + day * DAY + 8 * HOUR + random() * 12 * HOUR);
    const v = options.varied === true;
    const responded = random() < (v ? 0.93 + 0.06 * s : 0.95) ? round(created + (random() < (v ? 0.72 + 0.26 * s : 0.8) ? 2 + random() * 28 : 30 + random() * 150) * MINUTE) : undefined;
    const resolved = random() < 0.9 ? round(created + (random() < (v ? 0.55 + 0.4 * s : 0.7) ? 1 + random() * 23 : 24 + random() * 72) * HOUR) : undefined;
    // A better person's customers lean towards the top of the scale.
    const r = v ? Math.min(0.9999, random() * (1.25 - 0.5 * s)) : random();
    const satisfaction = resolved !== undefined && random() < 0.7 ? (r < 0.55 ? 5 : r < 0.85 ? 4 : r < 0.93 ? 3 : r < 0.97 ? 2 : 1) : undefined;
    const promised = onsite ? round(created + (2 + Math.floor(random() * 24)) * HOUR) : undefined;
    const arrived = promised !== undefined ? round(promised + (random() < (v ? 0.8 + 0.18 * s : 0.9) ? -random() * 40 : random() * 90) * MINUTE) : undefined;
    yield {
      ticket_id: `T${String(n + 1).padStart(8, '0')}`,
      staff_id: staff.id,
      staff_name: staff.name,
      created_at: created,
      first_response_at: responded,
      resolved_at: resolved,
      reopened: resolved !== undefined && random() < (v ? 0.07 - 0.06 * s : 0.04),
      revisit: onsite && random() < (v ? 0.1 - 0.08 * s : 0.06),
      satisfaction,
      complaint: random() < (v ? 0.02 - 0.017 * s : 0.01),
      cost: onsite && resolved !== undefined ? Math.round((50 + random() * 450) * 100) / 100 : undefined,
      promised_at: promised,
      arrived_at: arrived,
      priority: pick(random, priorities),
      type: pick(random, types),
      team: staff.team,
    };
  }
}

interface StaffProfiles {
  /** The handler for a uniform draw in [0, 1): by workload when varied, else uniformly. */
  pick(draw: number): SampleStaff;
  /** Skill in [0.25, 1] when varied; 0.5 (unused) otherwise. */
  skill(staff: SampleStaff): number;
}

function staffProfiles(handlers: readonly SampleStaff[], options: SampleOptions): StaffProfiles {
  if (!options.varied) {
    return { pick: (draw) => handlers[Math.floor(draw * handlers.length)]!, skill: () => 0.5 };
  }
  const random = seededRandom(options.seed ^ 0x51c1);
  const skills = new Map<string, number>();
  const cumulative: number[] = [];
  let total = 0;
  for (const staff of handlers) {
    skills.set(staff.id, 0.25 + 0.75 * random());
    total += 0.75 + 0.5 * random();
    cumulative.push(total);
  }
  return {
    pick(draw) {
      const target = draw * total;
      let low = 0;
      let high = cumulative.length - 1;
      while (low < high) {
        const mid = (low + high) >> 1;
        if (cumulative[mid]! > target) high = mid;
        else low = mid + 1;
      }
      return handlers[low]!;
    },
    skill: (staff) => skills.get(staff.id) ?? 0.5,
  };
}
