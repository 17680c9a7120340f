import { describe, expect, it } from 'vitest';
import type { Kpi } from '../policy/policy.generated.js';
import { kpiUnit, kpiValue } from './kpi-units.js';

describe('KPI values and units as the wizard writes them', () => {
  it.each<[Kpi['unit'], string, string, string, string]>([
    ['minutes', '30 分钟', '30 min', '分钟', 'minutes'],
    ['hours', '30 小时', '30 h', '小时', 'hours'],
    ['days', '30 天', '30 days', '天', 'days'],
    ['percent', '30%', '30%', '%', '%'],
    ['currency', '30 元', 'CNY 30', '元', 'CNY'],
    ['count', '30 件', '30', '件', 'count'],
    ['score', '30 分', '30 pts', '分', 'points'],
    ['number', '30', '30', '数值', 'number'],
  ])('%s: %s / %s; unit %j / %j', (unit, zhValue, enValue, zhUnit, enUnit) => {
    expect(kpiValue('zh-CN', 30, { unit }, 'CNY')).toBe(zhValue);
    expect(kpiValue('en', 30, { unit }, 'CNY')).toBe(enValue);
    expect(kpiUnit('zh-CN', { unit }, 'CNY')).toBe(zhUnit);
    expect(kpiUnit('en', { unit }, 'CNY')).toBe(enUnit);
  });

  it('names another currency by its code in both languages', () => {
    expect(kpiValue('zh-CN', 12.5, { unit: 'currency' }, 'USD')).toBe('12.5 USD');
    expect(kpiValue('en', 12.5, { unit: 'currency' }, 'USD')).toBe('USD 12.5');
    expect(kpiUnit('zh-CN', { unit: 'currency' }, 'HKD')).toBe('HKD');
  });
});
