// `aspm init` in-process: the edge around the wizard — files, refusals, confirmation,
// interruption, and where answer-file errors point.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memoryIo, type MemoryIo } from '../../../test/helpers/memory-io.js';
import { DEFAULT, fakePrompts } from '../../../test/helpers/fake-prompts.js';
import { isAspmError, type AspmError } from '../../errors.js';
import { readPolicy } from '../../policy/load-policy.js';
import type { CommandContext } from '../context.js';
import { formatAspmError } from '../failure.js';
import { main } from '../main.js';
import { dayIn as dateIn } from '../../tables/time-zone.js';
import { runInit } from './init.js';
import { displayWidth } from '../../text/display-width.js';

let dir: string;
let io: MemoryIo;
let context: CommandContext;
let previousCwd: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'aspm-init-'));
  // Paths given to the command are relative to the process, as on the command line.
  previousCwd = process.cwd();
  process.chdir(dir);
  io = memoryIo({ cwd: dir });
  context = { io, language: 'zh-CN', color: false };
});
afterEach(() => {
  process.chdir(previousCwd);
});

const failure = async (run: Promise<unknown>): Promise<AspmError> => {
  const caught = await run.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isAspmError(caught)) throw new Error(`expected an AspmError, got ${String(caught)}`);
  return caught;
};

describe('aspm init --yes', () => {
  it('writes a valid commented policy whose $schema line finds the schema', async () => {
    expect(await runInit({ output: 'policy.yaml', yes: true }, context)).toBe(0);
    const text = readFileSync('policy.yaml', 'utf8');
    const first = text.split('\n')[0]!;
    expect(first).toMatch(/^# yaml-language-server: \$schema=.+policy\.schema\.json$/);
    expect(existsSync(resolve(dir, first.split('=')[1]!))).toBe(true);
    const loaded = await readPolicy('policy.yaml');
    expect(loaded.ok).toBe(true);
    expect(loaded.ok && loaded.value.meta.effective_date).toBe('2026-04-01');
    expect(io.stdoutText()).toContain('━━ 制度概要 ━━');
    // The next steps are commands that work when pasted: npx, the real path, and -o.
    expect(io.stdoutText()).toContain(
      '已写入 policy.yaml（3 个岗位，10 项指标）。\n下一步：按需修改后检查，再生成 Word 文档：\n  npx aspm-cli validate policy.yaml\n  npx aspm-cli render policy.yaml -o 售后服务绩效管理制度.docx\n',
    );
    expect(text).toContain('# 可直接编辑本文件；修改后用 npx aspm-cli validate policy.yaml 检查，用 npx aspm-cli render policy.yaml -o 售后服务绩效管理制度.docx 生成 Word 文档。');
  });

  it('in English, names the real output path and quotes what needs quoting', async () => {
    const english = { ...context, language: 'en' as const };
    mkdirSync('out dir');
    expect(await runInit({ output: 'out dir/p.yaml', yes: true, preset: 'small' }, english)).toBe(0);
    expect(io.stdoutText()).toContain(
      'Wrote out dir/p.yaml (3 roles, 5 KPIs).\nNext: edit it as needed, check it, then publish it as a Word document:\n  npx aspm-cli validate "out dir/p.yaml"\n  npx aspm-cli render "out dir/p.yaml" -o "out dir/After-Sales Service Performance Management Policy.docx"\n',
    );
  });

  it.each([60, 100, 200])('lays the summary out for a %i-column terminal', async (columns) => {
    const tty = memoryIo({ cwd: dir, tty: true });
    Object.assign(tty.stdout, { columns });
    expect(await runInit({ output: 'p.yaml', yes: true, preset: 'large' }, { io: tty, language: 'en', color: false })).toBe(0);
    // The summary (the next steps after it are commands, not wrapped).
    const lines = tty.stdoutText().slice(0, tty.stdoutText().indexOf('Wrote ')).split('\n');
    for (const line of lines) expect(displayWidth(line), line).toBeLessThan(columns);
    // Wide enough for the table, or a block per role.
    expect(lines.some((l) => /^KPI\s+Customer Service Agent\s+Field Service Technician/.test(l))).toBe(columns === 200);
    expect(lines.includes('Customer Service Agent')).toBe(columns !== 200);
    // The sentence about the schema written beside the policy wraps too.
    const after = tty.stdoutText().slice(tty.stdoutText().indexOf('Wrote p.yaml'));
    const schemaLines = after.slice(after.indexOf('Wrote policy.schema.json')).trimEnd().split('\n');
    expect(schemaLines.length).toBeGreaterThan(0);
    for (const line of schemaLines) expect(displayWidth(line), line).toBeLessThan(columns);
  });

  it('refuses to overwrite before asking anything, and leaves the file alone', async () => {
    writeFileSync('policy.yaml', 'mine\n');
    const prompts = fakePrompts();
    const error = await failure(runInit({ output: 'policy.yaml' }, context, { prompts, interactive: true }));
    expect(error.code).toBe('output-exists');
    expect(prompts.asked).toEqual([]);
    expect(readFileSync('policy.yaml', 'utf8')).toBe('mine\n');
  });

  it('overwrites with --force', async () => {
    writeFileSync('policy.yaml', 'mine\n');
    expect(await runInit({ output: 'policy.yaml', yes: true, force: true }, context)).toBe(0);
    expect(readFileSync('policy.yaml', 'utf8')).toContain('version: 1');
  });
});

describe('aspm init on a terminal', () => {
  it('asks, shows the summary, confirms, then writes', async () => {
    const prompts = fakePrompts((q) => (q.message.includes('公司全称') ? '华东家电服务有限公司' : DEFAULT));
    expect(await runInit({ output: 'policy.yaml' }, context, { prompts, interactive: true })).toBe(0);
    const last = prompts.asked.at(-1)!;
    expect(last).toMatchObject({ kind: 'confirm', message: '确认无误，写入 policy.yaml？' });
    expect(io.stdoutText().indexOf('━━ 制度概要 ━━')).toBeGreaterThan(-1);
    expect(readFileSync('policy.yaml', 'utf8')).toContain('company: 华东家电服务有限公司');
  });

  it('writes nothing when the user declines and then quits, and exits 130', async () => {
    const prompts = fakePrompts((q) => (q.message.startsWith('确认无误') ? false : q.message === '要修改哪一部分？' ? 'quit' : q.message === '公司全称' ? '华东家电' : DEFAULT));
    expect(await runInit({ output: 'policy.yaml' }, context, { prompts, interactive: true })).toBe(130);
    expect(existsSync('policy.yaml')).toBe(false);
    expect(io.stderrText()).toBe('已取消，未写入任何文件。\n');
  });

  it('No at the confirmation goes back to a part, asks it with the earlier answers as defaults, then shows the summary again', async () => {
    let confirmations = 0;
    const prompts = fakePrompts((q) => {
      if (q.message.startsWith('确认无误')) return ++confirmations === 3;
      if (q.message === '要修改哪一部分？') return confirmations === 1 ? 'appeal' : 'roles';
      if (q.message.includes('多少个工作日内可申诉')) return confirmations === 0 ? '7' : DEFAULT;
      if (q.message.includes('公司全称')) return '华东家电服务有限公司';
      if (q.message.includes('考核哪些岗位') && confirmations === 2) return ['agent', 'technician'];
      return DEFAULT;
    });
    expect(await runInit({ output: 'policy.yaml' }, context, { prompts, interactive: true })).toBe(0);
    // The summary each time round, the part's heading with where it is, and the earlier answer offered.
    expect(io.stdoutText().split('━━ 制度概要 ━━')).toHaveLength(4);
    const again = prompts.asked.filter((q) => q.message.includes('多少个工作日内可申诉'));
    expect(again.map((q) => q.kind === 'input' && q.default)).toEqual(['5', '7']);
    expect(prompts.said).toContain('\n── 第 10/10 部分 · 绩效申诉 ──');
    expect(prompts.said).toContain('\n── 第 2/10 部分 · 岗位 ──');
    // Going back to one part asks only that part: the company is asked once.
    expect(prompts.asked.filter((q) => q.message.includes('公司全称'))).toHaveLength(1);
    // Later parts keep their answers (the 7 days), and follow the roles that are left.
    const text = readFileSync('policy.yaml', 'utf8');
    expect(text).toContain('file_within_days: 7');
    const loaded = await readPolicy('policy.yaml');
    expect(loaded.ok && loaded.value.roles.map((r) => r.id)).toEqual(['agent', 'technician']);
    expect(loaded.ok && loaded.value.meta.company).toBe('华东家电服务有限公司');
  });

  it('keeping the example company name marks the policy a draft, in the summary and the revision', async () => {
    const prompts = fakePrompts((q) => (q.message.startsWith('仍使用 示例科技有限公司') ? true : DEFAULT));
    expect(await runInit({ output: 'policy.yaml' }, context, { prompts, interactive: true })).toBe(0);
    expect(io.stdoutText()).toContain('草案（版本 V1.0 草案）：公司名称仍是示例“示例科技有限公司”，填写真实名称后再发布。');
    const loaded = await readPolicy('policy.yaml');
    expect(loaded.ok && loaded.value.meta.revision).toBe('V1.0 草案');
    // A real name, typed when going back to part 1, is no draft.
    let confirmations = 0;
    const again = fakePrompts((q) => {
      if (q.message.startsWith('确认无误')) return ++confirmations === 2;
      if (q.message === '要修改哪一部分？') return 'basics';
      if (q.message === '公司全称') return confirmations === 0 ? '示例科技有限公司' : '华东家电';
      if (q.message.startsWith('仍使用 示例科技有限公司')) return true;
      return DEFAULT;
    });
    expect(await runInit({ output: 'policy.yaml', force: true }, context, { prompts: again, interactive: true })).toBe(0);
    const real = await readPolicy('policy.yaml');
    expect(real.ok && [real.value.meta.company, real.value.meta.revision]).toEqual(['华东家电', 'V1.0']);
  });

  it('Ctrl+C in a prompt writes nothing, exits 130, prints one short line', async () => {
    const exit = Object.assign(new Error('User force closed the prompt with SIGINT'), { name: 'ExitPromptError' });
    const prompts = fakePrompts((q) => {
      if (q.message.includes('考核哪些岗位')) throw exit;
      return q.message === '公司全称' ? '华东家电' : DEFAULT;
    });
    expect(await runInit({ output: 'policy.yaml' }, context, { prompts, interactive: true })).toBe(130);
    expect(existsSync('policy.yaml')).toBe(false);
    expect(io.stderrText()).toBe('\n已取消，未写入任何文件。\n');
  });
});

describe('aspm init --answers', () => {
  it('takes the answers from the file and the rest from the preset', async () => {
    writeFileSync('answers.yaml', 'company: 华东家电\ncompetition: intense\nroles: [agent, technician]\n');
    expect(await runInit({ output: 'p.yaml', answers: 'answers.yaml' }, context, { interactive: false })).toBe(0);
    const loaded = await readPolicy('p.yaml');
    expect(loaded.ok && loaded.value.roles.map((r) => r.id)).toEqual(['agent', 'technician']);
    expect(readFileSync('p.yaml', 'utf8')).toContain('# - 市场竞争激烈：“客服专员”的响应类指标');
  });

  it('points each mistake at its line and column, and writes nothing', async () => {
    writeFileSync(
      'answers.yaml',
      ['company: 华东家电', 'role_kpis:', '  agent:', '    - { kpi: csat, weight: 60 }', '    - { kpi: complaint_rate, weight: 30 }', 'roles: [agent, cashier]', ''].join('\n'),
    );
    const error = await failure(runInit({ output: 'p.yaml', answers: 'answers.yaml' }, context, { interactive: false }));
    expect(formatAspmError(error, 'en').split('\n')).toEqual([
      'answers.yaml:3:3: answer-role-weights-total: The KPI weights of role "客服专员" total 90 (csat 60 + complaint_rate 30); they must total 100.',
      'answers.yaml:6:16: answer-unknown-role: There is no role with id cashier. Known: agent, technician, supervisor; put other roles under custom_roles.',
      'answers-invalid: The answers in answers.yaml have problems (above); nothing was written. Fix them and try again.',
    ]);
    expect(existsSync('p.yaml')).toBe(false);
  });

  it('refuses impossible targets and floors with the codes aspm validate uses, each at its value', async () => {
    writeFileSync(
      'answers.yaml',
      [
        'role_kpis:',
        '  agent:',
        '    - { kpi: csat, weight: 25, target: -5, floor: -10 }',
        '    - { kpi: complaint_rate, weight: 25, target: 150 }',
        '    - { kpi: first_response_minutes, weight: 25, target: -5 }',
        '    - { kpi: tickets_resolved, weight: 25, target: 12.5 }',
        '',
      ].join('\n'),
    );
    const error = await failure(runInit({ output: 'p.yaml', answers: 'answers.yaml' }, context, { interactive: false }));
    expect(formatAspmError(error, 'en').split('\n')).toEqual([
      'answers.yaml:3:40: kpi-value-percent: KPI "客户满意度" (csat) of role "客服专员": a target of -5% is impossible, since a percentage lies between 0 and 100. Give a number from 0 to 100.',
      'answers.yaml:3:51: kpi-value-percent: KPI "客户满意度" (csat) of role "客服专员": a floor of -10% is impossible, since a percentage lies between 0 and 100. Give a number from 0 to 100.',
      'answers.yaml:4:50: kpi-value-percent: KPI "投诉率" (complaint_rate) of role "客服专员": a target of 150% is impossible, since a percentage lies between 0 and 100. Give a number from 0 to 100.',
      'answers.yaml:5:58: kpi-value-negative: KPI "首次响应时长" (first_response_minutes) of role "客服专员": a target of -5 is impossible, since a time, a cost or a count is never below 0. Give 0 or more.',
      'answers.yaml:6:52: kpi-value-whole: KPI "解决工单量" (tickets_resolved) of role "客服专员" is a count, so its target 12.5 must be a whole number. Give a whole number such as 12 or 13.',
      'answers-invalid: The answers in answers.yaml have problems (above); nothing was written. Fix them and try again.',
    ]);
    expect(existsSync('p.yaml')).toBe(false);
  });

  it('reports a schema mistake in the file with its position', async () => {
    writeFileSync('answers.yaml', 'compettion: intense\nappeal_file_days: 90\n');
    const error = await failure(runInit({ output: 'p.yaml', answers: 'answers.yaml' }, context, { interactive: false }));
    const lines = formatAspmError(error, 'zh-CN').split('\n');
    expect(lines[0]).toMatch(/^answers\.yaml:1:1: unknown-property: .*competition/);
    expect(lines[1]).toMatch(/^answers\.yaml:2:19: out-of-range: /);
  });

  it('says when the answers file is missing', async () => {
    const error = await failure(runInit({ output: 'p.yaml', answers: 'nope.yaml' }, context, { interactive: false }));
    expect(formatAspmError(error, 'en').split('\n')[0]).toBe('nope.yaml: file-not-found: File not found: nope.yaml. Check the path and the file name.');
  });
});

describe('through main()', () => {
  it('maps an invalid answers file to exit 1 with file:line:col on stderr', async () => {
    writeFileSync('answers.yaml', 'grade_mins: { A: 95 }\n');
    const code = await main(['--lang', 'zh-CN', 'init', '--answers', 'answers.yaml', '-o', 'p.yaml'], io);
    expect(code).toBe(1);
    expect(io.stderrText()).toContain('answers.yaml:1:18: answer-grade-order: 等级 A 的最低分 95 应低于上一等级 S 的 90。');
  });

  it('warns on stderr, in the user language, about a past effective date in the answers file, and still writes', async () => {
    writeFileSync('answers.yaml', 'company: 华东家电\neffective_date: 2025-01-01\n');
    expect(await main(['--lang', 'zh-CN', 'init', '--answers', 'answers.yaml', '-o', 'p.yaml'], io)).toBe(0);
    expect(io.stderrText()).toBe(
      'answers.yaml:2:17: 警告 answer-date-past: 生效日期 2025-01-01 早于今天（2026-03-14）。制度一般在公示之后生效，涉及薪酬的规定不宜追溯适用；如确属有意，可忽略此提示。\n',
    );
    expect(readFileSync('p.yaml', 'utf8')).toContain('effective_date: "2025-01-01"');
    const english = memoryIo({ cwd: dir });
    expect(await main(['--lang', 'en', 'init', '--answers', 'answers.yaml', '-o', 'q.yaml'], english)).toBe(0);
    expect(english.stderrText()).toBe(
      'answers.yaml:2:17: warning answer-date-past: The effective date 2025-01-01 is before today (2026-03-14). A policy usually takes effect after it is published, and pay rules should not apply retroactively; ignore this if it is intended.\n',
    );
  });

  it('rejects an unknown preset size as a usage error', async () => {
    expect(await main(['init', '--preset', 'huge', '--yes'], io)).toBe(2);
    expect(io.stderrText()).toContain('usage-invalid-choice');
  });
});

describe('helpers', () => {
  it('dates in the policy time zone: 01:00 in Shanghai is still the previous day in UTC', () => {
    expect(dateIn(new Date('2026-03-31T17:30:00Z'), 'Asia/Shanghai')).toBe('2026-04-01');
    expect(dateIn(new Date('2026-03-31T17:30:00Z'), 'UTC')).toBe('2026-03-31');
  });
});

describe('the schema beside the policy, for editors', () => {
  /** The file the first line of `yamlPath` points editors at, resolved as the YAML extension does: from the file's folder. */
  const schemaOf = (yamlPath: string): string => {
    const first = readFileSync(yamlPath, 'utf8').split('\n')[0]!;
    const ref = /^# yaml-language-server: \$schema=(.+)$/.exec(first)?.[1];
    if (!ref) throw new Error(`no $schema line in ${yamlPath}: ${first}`);
    return resolve(yamlPath, '..', ref);
  };

  const schemaPrinted = async (): Promise<string> => {
    const printed = memoryIo({ cwd: dir });
    expect(await main(['schema'], printed)).toBe(0);
    return printed.stdoutText();
  };

  it('is written next to the policy, byte for byte what aspm schema prints, and named by a relative line', async () => {
    mkdirSync('drafts');
    expect(await runInit({ output: 'drafts/policy.yaml', yes: true }, context)).toBe(0);
    expect(readFileSync('drafts/policy.yaml', 'utf8').split('\n')[0]).toBe('# yaml-language-server: $schema=./policy.schema.json');
    expect(readFileSync('drafts/policy.schema.json', 'utf8')).toBe(await schemaPrinted());
    expect(io.stdoutText()).toContain('格式文件 drafts/policy.schema.json 已写在旁边');
  });

  it('still resolves, and still validates the policy, after both are copied to another folder', async () => {
    expect(await runInit({ output: 'policy.yaml', yes: true, preset: 'small' }, context)).toBe(0);
    const elsewhere = join(mkdtempSync(join(tmpdir(), 'aspm-moved-')), 'a', 'b');
    mkdirSync(elsewhere, { recursive: true });
    copyFileSync('policy.yaml', join(elsewhere, '制度.yaml'));
    copyFileSync('policy.schema.json', join(elsewhere, 'policy.schema.json'));
    const found = schemaOf(join(elsewhere, '制度.yaml'));
    expect(found).toBe(join(elsewhere, 'policy.schema.json'));
    const schema = JSON.parse(readFileSync(found, 'utf8')) as { $id: string };
    // An id, not a URL that no one serves.
    expect(schema.$id).toMatch(/^urn:aspm-cli:schema:policy$/);
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats.default(ajv);
    const validate = ajv.compile(schema);
    expect(validate(parse(readFileSync(join(elsewhere, '制度.yaml'), 'utf8')))).toBe(true);
    expect(validate({ version: 1, meta: {} })).toBe(false);
  });

  it('keeps the same schema already there, shared by a second policy in the folder', async () => {
    expect(await runInit({ output: 'a.yaml', yes: true }, context)).toBe(0);
    const later = memoryIo({ cwd: dir });
    expect(await runInit({ output: 'b.yaml', yes: true }, { ...context, io: later })).toBe(0);
    expect(schemaOf('b.yaml')).toBe(resolve(dir, 'policy.schema.json'));
    expect(later.stdoutText()).not.toContain('policy.schema.json');
  });

  it('refuses, before asking anything, to replace a different policy.schema.json, unless forced', async () => {
    writeFileSync('policy.schema.json', '{"mine": true}\n');
    const prompts = fakePrompts();
    const error = await failure(runInit({ output: 'policy.yaml' }, context, { prompts, interactive: true }));
    expect(error.code).toBe('schema-beside-differs');
    expect(formatAspmError(error, 'en')).toContain('policy.schema.json already exists and differs from this aspm’s schema');
    expect(prompts.asked).toEqual([]);
    expect(existsSync('policy.yaml')).toBe(false);
    expect(readFileSync('policy.schema.json', 'utf8')).toBe('{"mine": true}\n');
    expect(await runInit({ output: 'policy.yaml', yes: true, force: true }, context)).toBe(0);
    expect(readFileSync('policy.schema.json', 'utf8')).toBe(await schemaPrinted());
  });
});
