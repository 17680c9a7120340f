import { describe, expect, it } from 'vitest';
import { parseHolidaysCsv, parseHolidaysYaml } from './holidays-file.js';

const brazil = `country: BR
years: [2026]
off:
  - { date: 2026-04-03, name: Sexta-feira Santa }
  - { date: 2026-04-21, name: Tiradentes }
work:
  - { date: 2026-04-25, name: Compensação }
`;

const problems = (r: { diagnostics: readonly { code: string; location?: { line?: number; col?: number } }[] }) =>
  r.diagnostics.map((d) => `${d.location?.line}:${d.location?.col} ${d.code}`);

describe('a YAML holidays file', () => {
  it('lists days off and make-up working days with their names, and the years it knows', () => {
    const r = parseHolidaysYaml(brazil, 'br.yaml');
    if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
    expect([...r.value.off]).toEqual([
      ['2026-04-03', 'Sexta-feira Santa'],
      ['2026-04-21', 'Tiradentes'],
    ]);
    expect([...r.value.work]).toEqual([['2026-04-25', 'Compensação']]);
    expect(r.value.years).toEqual([2026]);
  });

  it('without `years`, knows every year from its earliest to its latest date', () => {
    const r = parseHolidaysYaml('off: [{ date: 2025-12-25 }, { date: 2027-01-01 }]\n', 'h.yaml');
    expect(r.ok && r.value.years).toEqual([2025, 2026, 2027]);
    expect(r.ok && r.value.off.get('2025-12-25')).toBe('');
  });

  it.each([
    ['a date twice', 'off:\n  - { date: 2026-04-03 }\n  - { date: 2026-04-03 }\n', ['3:13 holidays-date-duplicate']],
    ['a date both off and work', 'off:\n  - { date: 2026-04-03 }\nwork:\n  - { date: 2026-04-03 }\n', ['4:13 holidays-date-off-and-work']],
    ['a date outside its years', 'years: [2026]\noff:\n  - { date: 2027-01-01 }\n', ['3:13 holidays-date-outside-years']],
    ['an impossible date', 'off:\n  - { date: 2026-02-30 }\n', ['2:13 bad-date']],
    ['an unknown key', 'of:\n  - { date: 2026-04-03 }\n', ['1:1 unknown-property']],
  ])('%s is an error at its line and column', (_name, text, expected) => {
    const r = parseHolidaysYaml(text, 'h.yaml');
    expect(r.ok).toBe(false);
    expect(problems(r)).toEqual(expected);
    expect(r.diagnostics[0]!.location?.file).toBe('h.yaml');
  });

  it('names the first line of a repeated date', () => {
    const r = parseHolidaysYaml('off:\n  - { date: 2026-04-03 }\nwork:\n  - { date: 2026-04-03 }\n', 'h.yaml');
    expect(r.diagnostics[0]!.params).toMatchObject({ date: '2026-04-03', first: 2 });
  });
});

describe('a CSV holidays file', () => {
  it('reads date,kind,name with off/work, 休/班 and holiday/workday, and quoted names', () => {
    const csv = 'date,kind,name\n2026-04-03,off,Sexta-feira Santa\n2026-04-21,休,"Tiradentes, dia de"\n2026-04-25,班,\n2026-05-02,workday\n2026-05-01,holiday,Dia do Trabalho\n';
    const r = parseHolidaysCsv(csv, 'br.csv');
    if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
    expect([...r.value.off]).toEqual([
      ['2026-04-03', 'Sexta-feira Santa'],
      ['2026-04-21', 'Tiradentes, dia de'],
      ['2026-05-01', 'Dia do Trabalho'],
    ]);
    expect([...r.value.work]).toEqual([
      ['2026-04-25', ''],
      ['2026-05-02', ''],
    ]);
    expect(r.value.years).toEqual([2026]);
  });

  it('takes Chinese headers in any order', () => {
    const r = parseHolidaysCsv('\uFEFF名称,日期,类型\r\n国庆节,2026-10-01,休\r\n', 'cn.csv');
    expect(r.ok && [...r.value.off]).toEqual([['2026-10-01', '国庆节']]);
  });

  it.each([
    ['no header', '2026-04-03,off\n', ['1:1 holidays-csv-header']],
    ['a bad date', 'date,kind\n2026-4-3,off\n', ['2:1 holidays-date-invalid']],
    ['an unknown kind', 'date,kind\n2026-04-03,feriado\n', ['2:12 holidays-kind-invalid']],
    ['a date twice', 'date,kind\n2026-04-03,off\n2026-04-03,off\n', ['3:1 holidays-date-duplicate']],
    ['a date both off and work', 'kind,date\noff,2026-04-03\nwork,2026-04-03\n', ['3:6 holidays-date-off-and-work']],
    ['an unclosed quote', 'date,kind,name\n2026-04-03,off,"Sexta\n', ['2:1 holidays-csv-quote']],
  ])('%s is an error at its line and column', (_name, text, expected) => {
    const r = parseHolidaysCsv(text, 'h.csv');
    expect(r.ok).toBe(false);
    expect(problems(r)).toEqual(expected);
  });
});
