// End to end: what `aspm evaluate` says about the period and the tickets file — rows that
// fell in the period but could not be used, and a period the export covers only in part.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runMain } from './helpers/run-main.js';

const root = join(import.meta.dirname, '..');
const policy = join(root, 'presets', 'medium.zh-CN.yaml');
const dir = mkdtempSync(join(tmpdir(), 'aspm-e2e-period-'));
const roster = join(dir, 'roster.csv');
const HEAD = '工单号,处理人工号,创建时间,首次响应时间,解决时间,满意度,是否投诉';

function aspm(...args: string[]) {
  return runMain(args, { env: { ...process.env, LANG: 'en_US.UTF-8' } });
}

beforeAll(() => {
  writeFileSync(roster, '工号,姓名,岗位,班组\nE0032,陈静,客服专员,一组\n');
});

describe('rows in the period that none could be used', () => {
  it('are not reported as "no ticket falls in the period": the message counts where they went, in both languages', async () => {
    // One September ticket, and eight October tickets that name nobody (an export without its handler column filled).
    const rows = [HEAD, 'T0,E0032,2026-09-03 09:00,2026-09-03 09:10,2026-09-03 12:00,5,否'];
    for (let i = 1; i <= 8; i++) rows.push(`T${i},,2026-10-0${i} 09:00,2026-10-0${i} 09:10,2026-10-0${i} 12:00,5,否`);
    const tickets = join(dir, 'nobody.csv');
    writeFileSync(tickets, rows.join('\n') + '\n');
    const output = join(dir, 'nobody.json');
    const en = await aspm('evaluate', policy, '--tickets', tickets, '--roster', roster, '--period', '2026-10', '-o', output);
    expect(en.status).toBe(1);
    expect(en.stderr).not.toContain('No ticket falls in the period');
    expect(en.stderr).toContain(
      `${tickets}: warning period-no-usable-tickets: No row of the tickets file counts in the period 2026-10: of its 9 rows, 1 are dated outside the period (2026-09-03 to 2026-09-03); ` +
        '8 were left out for data problems (no ticket id, a repeated id, no staff member or one not on the roster, a placing time that cannot be read), before they could be placed in a period.',
    );
    // The warnings it points at are printed too.
    expect(en.stderr).toContain('This ticket has no staff member');
    const zh = await aspm('--lang', 'zh-CN', 'evaluate', policy, '--tickets', tickets, '--roster', roster, '--period', '2026-10', '-o', output);
    expect(zh.status).toBe(1);
    expect(zh.stderr).not.toContain('没有一张工单落在考核期');
    expect(zh.stderr).toContain('工单文件中没有一行能计入考核期 2026-10：共 9 行，其中 1 行的日期不在考核期内（2026-09-03 至 2026-09-03）；8 行因数据问题未采用');
  });

  it('a file whose every row is dated in another month still gets the message about the period', async () => {
    const tickets = join(dir, 'september.csv');
    writeFileSync(tickets, [HEAD, 'T1,E0032,2026-09-03 09:00,2026-09-03 09:10,2026-09-03 12:00,5,否', 'T2,E0032,2026-09-28 09:00,2026-09-28 09:10,2026-09-28 12:00,5,否'].join('\n') + '\n');
    const result = await aspm('evaluate', policy, '--tickets', tickets, '--roster', roster, '--period', '2026-10', '-o', join(dir, 'september.json'));
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${tickets}: warning period-no-tickets: No ticket falls in the period 2026-10: the 2 ticket(s) in the file are dated 2026-09-03 to 2026-09-28.`);
    expect(result.stderr).not.toContain('No row of the tickets file counts');
  });
});
