// A small month of field-service work orders, as a dispatch system exports them: a lead
// technician per order (主修技术员) and a crew cell listing everyone on the job (作业组),
// written with the separators real exports use. The expected figures of the tests that use
// it are worked out by hand from the table below.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * | order | lead | crew              | hours | second visit |
 * | W1    | 张三 | 张三、李四         | 2     | 否           |
 * | W2    | 李四 | 李四;王五          | 4     | 是           |
 * | W3    | 王五 | 王五               | 6     | 否           |
 * | W4    | 张三 | 张三/李四/王五     | 3     | 否           |
 * | W5    | 张三 | (blank)            | 1     | 否           |
 * Roster: 张三 and 李四 in 一组, 王五 in 二组, and the supervisor 陈静 of 一组.
 */
export const WORK_ORDERS: readonly (readonly string[])[] = [
  ['工单号', '主修技术员', '作业组', '创建时间', '完工时间', '是否二次上门'],
  ['W1', '张三', '张三、李四', '2026-03-02 09:00', '2026-03-02 11:00', '否'],
  ['W2', '李四', '李四;王五', '2026-03-03 09:00', '2026-03-03 13:00', '是'],
  ['W3', '王五', '王五', '2026-03-04 09:00', '2026-03-04 15:00', '否'],
  ['W4', '张三', '张三/李四/王五', '2026-03-05 09:00', '2026-03-05 12:00', '否'],
  ['W5', '张三', '', '2026-03-06 09:00', '2026-03-06 10:00', '否'],
];

export function workOrderPolicy(credit: 'full' | 'share'): string {
  return `version: 1
meta:
  company: 测试公司
  title: 售后服务绩效管理制度
  department: 售后服务部
  effective_date: "2026-01-01"
  language: zh-CN
  size: small
purpose: 为了客观评价售后服务人员的工作，特制定本制度。
scope: 适用于售后服务部全体员工。
kpis:
  - id: resolution_hours
    name: 平均解决时长
    definition: 平均解决时长。
    formula: 解决时长之和 ÷ 工单数
    unit: hours
    direction: lower
    target: 2
    floor: 8
  - id: tickets_resolved
    name: 解决工单量
    definition: 参与完成的工单数。
    formula: 参与完成的工单数
    unit: count
    direction: higher
    target: 3
    floor: 0
    credit: crew
  - id: first_time_fix_rate
    name: 一次修复率
    definition: 无需二次上门的工单占比。
    formula: 一次修复数 ÷ 完工数 × 100%
    unit: percent
    direction: higher
    target: 100
    floor: 0
    credit: crew
roles:
  - id: technician
    name: 维修技术员
    quantitative_share: 100
    kpis:
      - { kpi: resolution_hours, weight: 40 }
      - { kpi: tickets_resolved, weight: 30 }
      - { kpi: first_time_fix_rate, weight: 30 }
  - id: supervisor
    name: 服务主管
    quantitative_share: 100
    kpis:
      - { kpi: tickets_resolved, weight: 100, scope: team }
qualitative:
  items:
    - { id: attitude, name: 服务态度, weight: 100 }
  raters:
    - { type: supervisor, weight: 100 }
cycles:
  primary: monthly
grades:
  bands:
    - { grade: A, label: 优秀, min: 85, max: 100 }
    - { grade: B, label: 良好, min: 70, max: 85 }
    - { grade: C, label: 合格, min: 60, max: 70 }
    - { grade: D, label: 待改进, min: 0, max: 60 }
incentives:
  bonus:
    coefficients:
      - { grade: A, coefficient: 1.2 }
      - { grade: B, coefficient: 1.0 }
      - { grade: C, coefficient: 0.8 }
      - { grade: D, coefficient: 0.5 }
appeal:
  channel: 向人力资源部提交申诉表
  file_within_days: 5
  answer_within_days: 10
  reviewers: [人力资源部]
data_sources:
  tickets:
    columns:
      staff_name: 主修技术员
      crew: 作业组
    crew:
      credit: ${credit}
`;
}

/** Writes policy.yaml (crews credited `credit`), roster.csv and work-orders.csv into `dir`. */
export function writeWorkOrders(dir: string, credit: 'full' | 'share'): void {
  writeFileSync(join(dir, 'policy.yaml'), workOrderPolicy(credit));
  const roster = [['工号', '姓名', '岗位', '班组'], ['T1', '张三', '维修技术员', '一组'], ['T2', '李四', '维修技术员', '一组'], ['T3', '王五', '维修技术员', '二组'], ['S1', '陈静', '服务主管', '一组']];
  writeFileSync(join(dir, 'roster.csv'), roster.map((r) => r.join(',')).join('\r\n') + '\r\n');
  writeFileSync(join(dir, 'work-orders.csv'), WORK_ORDERS.map((r) => r.join(',')).join('\r\n') + '\r\n');
}
