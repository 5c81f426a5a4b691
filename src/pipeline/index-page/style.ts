/**
 * The index page's one style sheet. Its own palette, not the theme's: a theme's accent is
 * chosen for print and may not reach WCAG AA contrast on a screen; these pairs do (4.5:1 and
 * more, light and dark). The page's CSP allows this sheet by its hash (html.ts), nothing else.
 * Below 40rem the table's rows become cards, so a phone needs no sideways scrolling.
 */
export const INDEX_STYLE = `
:root { color-scheme: light dark; --text: #1f2933; --muted: #4b5563; --bg: #ffffff; --line: #d9e0e6;
  --band: #e6eef4; --link: #0b4f80; }
@media (prefers-color-scheme: dark) {
  :root { --text: #e6eaf0; --muted: #b8c2cc; --bg: #14191f; --line: #3a4652; --band: #1e2a36; --link: #9cc7e8; }
}
* { box-sizing: border-box; }
html { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Apple SD Gothic Neo",
  "Malgun Gothic", sans-serif; line-height: 1.5; color: var(--text); background: var(--bg); }
body { margin: 0; }
header, main, footer { max-width: 72rem; margin: 0 auto; padding: 1rem 1.25rem; }
header { border-bottom: 1px solid var(--line); }
h1 { font-size: 1.75rem; line-height: 1.25; margin: 0.5rem 0; }
h2 { font-size: 1.25rem; margin: 2rem 0 0.75rem; }
.subtitle { margin: 0 0 1rem; color: var(--muted); font-size: 1.05rem; }
a { color: var(--link); }
a:focus-visible { outline: 3px solid var(--link); outline-offset: 2px; }
dl.facts { display: flex; flex-wrap: wrap; gap: 0.25rem 1.5rem; margin: 0; }
dl.facts div { display: flex; gap: 0.4rem; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; font-weight: 600; }
table { width: 100%; border-collapse: collapse; }
caption { text-align: left; font-weight: 600; padding: 0.5rem 0; }
th, td { text-align: left; vertical-align: top; padding: 0.6rem 0.5rem; border-bottom: 1px solid var(--line); }
thead th { background: var(--band); }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.doc { display: flex; gap: 0.75rem; align-items: flex-start; }
.doc img { flex: none; border: 1px solid var(--line); background: #ffffff; }
.doc .name { font-weight: 600; }
.doc .sub, .kind { color: var(--muted); font-size: 0.9rem; display: block; font-weight: 400; }
code.hash { font-size: 0.75rem; word-break: break-all; color: var(--muted); }
ol.sources li { margin-bottom: 0.5rem; }
footer { color: var(--muted); font-size: 0.9rem; border-top: 1px solid var(--line); margin-top: 2rem; }
@media (max-width: 40rem) {
  table.outputs, table.outputs tbody, table.outputs tr, table.outputs th, table.outputs td { display: block; }
  table.outputs thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
  table.outputs tr { border-bottom: 1px solid var(--line); padding: 0.5rem 0; }
  table.outputs th, table.outputs td { border: 0; padding: 0.2rem 0; }
  table.outputs td.num { text-align: left; }
  table.outputs caption { display: block; }
  table.outputs td .kind { display: inline; }
  table.outputs td[data-label]::before { content: attr(data-label) ": "; color: var(--muted); }
}
@media print { a { color: inherit; } .doc img { display: none; } }
`;
