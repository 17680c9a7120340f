// The dashboard's style sheet, inlined in the page. Print: A4 landscape, each section from a
// new page, no chart or person split across pages, the page number in the footer (Chromium
// draws @page margin boxes since version 131; where a browser does not, the number before
// each section title still matches the contents).
export const DASHBOARD_CSS = `
:root { --ink: #1f2933; --muted: #616e7c; --line: #d9e2ec; --ok: #2e7d32; --bad: #c62828; --mid: #1e88e5; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.5 "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif; color: var(--ink); background: #f5f7fa; }
main { max-width: 1320px; margin: 0 auto; padding: 16px 24px 48px; }
header.top { padding: 8px 0 4px; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 20px; margin: 0 0 8px; padding-bottom: 4px; border-bottom: 2px solid var(--ink); }
h2 .no { color: var(--muted); font-weight: normal; margin-right: 8px; }
h3 { font-size: 16px; margin: 12px 0 6px; }
p, ul { margin: 4px 0 8px; }
.muted { color: var(--muted); }
.trial { background: #fff3cd; border: 1px solid #e0b000; padding: 6px 10px; border-radius: 4px; }
nav.toc ol { margin: 4px 0; padding-left: 20px; columns: 2; }
section.page { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 16px 20px; margin: 16px 0; }
.tiles { display: flex; flex-wrap: wrap; gap: 10px; margin: 8px 0 12px; }
.tile { border: 1px solid var(--line); border-radius: 6px; padding: 6px 14px; min-width: 120px; }
.tile b { display: block; font-size: 22px; }
.grid { display: flex; flex-wrap: wrap; gap: 12px; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: 8px 10px; break-inside: avoid; page-break-inside: avoid; }
.card h3 { margin-top: 0; }
.figures { display: flex; gap: 16px; flex-wrap: wrap; font-size: 13px; }
.card.kpi { width: 392px; box-sizing: border-box; }
.card.kpi .figures { gap: 4px 12px; }
.card.kpi .note { font-size: 12px; margin: 4px 0 0; }
.figures b { font-size: 18px; }
figure { margin: 0; break-inside: avoid; page-break-inside: avoid; }
figure svg { max-width: 100%; height: auto; display: block; }
table { border-collapse: collapse; font-size: 13px; margin: 6px 0 10px; }
th, td { border: 1px solid var(--line); padding: 3px 8px; text-align: left; vertical-align: top; }
th { background: #eef2f7; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
.index { columns: 4 220px; font-size: 13px; margin: 6px 0 12px; padding: 0; list-style: none; }
.index li { break-inside: avoid; }
.person { border-top: 1px solid var(--line); padding: 10px 0 6px; break-inside: avoid; page-break-inside: avoid; }
.person h3 { margin: 0 0 2px; }
.person .charts { display: flex; gap: 8px 18px; }
.person .charts figure { flex: 1 1 0; min-width: 0; max-width: 390px; }
.person svg.pc { width: 100%; height: auto; }
.person .charts h4 { font-size: 12px; margin: 4px 0 2px; color: var(--muted); font-weight: normal; }
.veto { color: var(--bad); }
.grade { display: inline-block; min-width: 1.6em; text-align: center; border-radius: 3px; color: #fff; padding: 0 4px; font-weight: bold; }
a { color: #0b5cad; }
svg.pc { font: 11px sans-serif; }
svg.pc .l { text-anchor: end; fill: var(--ink); }
svg.pc .v { fill: var(--muted); font-size: 10px; }
svg.pc .g { text-anchor: middle; font-weight: bold; font-size: 10px; }
svg.pc .p { text-anchor: middle; fill: var(--muted); font-size: 9px; }
svg.pc .ok { fill: #66bb6a; } svg.pc .mid { fill: #64b5f6; } svg.pc .bad { fill: #ef5350; }
svg.pc .kp { fill: #64b5f6; } svg.pc .ql { fill: #9575cd; } svg.pc .lv { fill: #546e7a; }
svg.pc .tl { stroke: var(--ok); stroke-dasharray: 3 2; stroke-width: 1.5; }
svg.pc .hl { fill: none; stroke: var(--mid); stroke-width: 1.5; }
svg.pc circle { fill: var(--mid); }
@page { size: A4 landscape; margin: 12mm 12mm 14mm; @bottom-center { content: counter(page) " / " counter(pages); font-size: 9pt; color: #616e7c; } }
@media print {
  body { background: #fff; font-size: 12px; }
  main { max-width: none; padding: 0; }
  section.page { break-before: page; page-break-before: always; border: 0; padding: 0; margin: 0; }
  /* The title and contents are short: the first section follows them rather than leave a page nearly empty. */
  section.page:first-of-type { break-before: auto; page-break-before: auto; margin-top: 8px; }
  nav.toc a, .index a { color: inherit; text-decoration: none; }
  .back { display: none; }
  /* The printed page is narrower than a screen: three KPI cards to a row still, drawn smaller. */
  #department .grid > .card { width: calc(33.33% - 8px); }
  #department .figures { gap: 8px; font-size: 11px; }
  #department .figures b { font-size: 14px; }
}
`;
