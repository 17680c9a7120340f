import { describe, expect, it } from 'vitest';
import { withProfile } from './profiles.js';

describe('withProfile', () => {
  it('leaves a source without a profile as it is', () => {
    const source = { columns: { ticket_id: 'Id' } };
    expect(withProfile(source)).toBe(source);
  });

  it('fills in the ServiceNow mapping', () => {
    const out = withProfile({ profile: 'servicenow' });
    expect(out.columns).toMatchObject({ ticket_id: 'number', created_at: 'opened_at', resolved_at: { first_of: ['resolved_at', 'closed_at'] }, resolver_name: 'resolved_by', team: 'assignment_group' });
    expect(out.events).toMatchObject({ order_by: 'sys_mod_count', at: 'sys_updated_at' });
    expect(out.events?.fields?.first_response_at).toMatchObject({ value: 'sys_updated_at' });
  });

  it("lets the policy's columns, events keys and events fields win one by one", () => {
    const out = withProfile({
      profile: 'servicenow',
      columns: { staff_name: 'caller_id' },
      events: { take: 'last', order_by: 'sys_updated_at', fields: { priority: 'first' } },
    });
    expect(out.columns).toMatchObject({ staff_name: 'caller_id', ticket_id: 'number' });
    expect(out.events?.order_by).toBe('sys_updated_at');
    expect(out.events?.at).toBe('sys_updated_at');
    expect(out.events?.fields).toMatchObject({ priority: 'first', first_response_at: { value: 'sys_updated_at' } });
  });

  it("drops the profile's on-hold intervals when the policy maps on_hold itself", () => {
    const out = withProfile({ profile: 'servicenow', columns: { on_hold: { column: 'hold', duration: 'minutes' } } });
    expect(out.events?.on_hold_when).toBeUndefined();
    expect(out.events?.at).toBeUndefined();
    expect(out.events?.order_by).toBe('sys_mod_count');
  });

  it("drops the profile's event log when the policy reads repeated ids its own way", () => {
    expect(withProfile({ profile: 'servicenow', repeated_ids: 'last' }).events).toBeUndefined();
  });
});
