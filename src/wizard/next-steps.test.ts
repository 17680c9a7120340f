import { describe, expect, it } from 'vitest';
import { documentPath, nextCommands, shellArgument } from './next-steps.js';

describe('the commands suggested after writing', () => {
  it('name the Word document after the title, next to the policy', () => {
    expect(documentPath('policy.yaml', '售后服务绩效管理制度')).toBe('售后服务绩效管理制度.docx');
    expect(documentPath('out/p.yaml', 'After-Sales Service Performance Management Policy')).toBe('out/After-Sales Service Performance Management Policy.docx');
    expect(documentPath('p.yaml', 'A/B: "draft"?')).toBe('AB draft.docx');
    expect(documentPath('drafts/p.yaml', '  ')).toBe('drafts/p.docx');
  });

  it('quote only what a shell would split or expand', () => {
    expect(shellArgument('售后服务绩效管理制度.docx')).toBe('售后服务绩效管理制度.docx');
    expect(shellArgument('out/policy-2027_v1.yaml')).toBe('out/policy-2027_v1.yaml');
    expect(shellArgument('My Policy.docx')).toBe('"My Policy.docx"');
    expect(shellArgument("it's $HOME")).toBe(`'it'\\''s $HOME'`);
    expect(shellArgument('')).toBe('""');
  });

  it('are npx aspm-cli commands (the npm name aspm belongs to another package) with -o, as they can be pasted', () => {
    expect(nextCommands('policy.yaml', '售后服务绩效管理制度')).toEqual({
      validate: 'npx aspm-cli validate policy.yaml',
      render: 'npx aspm-cli render policy.yaml -o 售后服务绩效管理制度.docx',
    });
    expect(nextCommands('my policy.yaml', 'After-Sales Service Performance Management Policy').render).toBe(
      'npx aspm-cli render "my policy.yaml" -o "After-Sales Service Performance Management Policy.docx"',
    );
  });
});
