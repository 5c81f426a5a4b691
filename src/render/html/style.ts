/**
 * The edition's stylesheet, from the theme's colours and sizes: one readable column, responsive
 * from a phone up; a dark scheme when the reader's system asks for one (charts keep their light
 * paper, as their colours were chosen for it); print rules for a clean A4 or Letter printout.
 */
import type { Theme } from '../../theme/schema.js';

export function stylesheet(theme: Theme, families: string): string {
  const c = theme.colours;
  const s = theme.sizes;
  const px = (pt: number) => `${Math.round((pt / 0.75) * 100) / 100}px`;
  return `
:root{--text:${c.text};--muted:${c.muted};--bg:${c.background};--accent:${c.accent};--accent-light:${c.accentLight};--grid:${c.grid};--paper:#ffffff;color-scheme:light dark}
@media (prefers-color-scheme:dark){:root{--text:#e8e8ea;--muted:#b4b6bc;--bg:#16181d;--accent:color-mix(in srgb,${c.accent} 45%,#ffffff);--accent-light:#262a33;--grid:#3a3f4a}}
*{box-sizing:border-box}
html{font-family:${families};font-synthesis:none;font-size:max(16px,${px(s.body)});line-height:1.55;color:var(--text);background:var(--bg);-webkit-text-size-adjust:100%}
body{margin:0;padding:0 1rem 3rem;overflow-wrap:break-word}
:lang(ko){word-break:keep-all}
.skip{position:absolute;left:-999px;top:0}.skip:focus{left:1rem;background:var(--bg);padding:.5rem}
header.cover,nav,main,footer{max-width:46rem;margin:0 auto}
header.cover{padding:2.5rem 0 1.5rem;border-bottom:2px solid var(--accent)}
.masthead{font-size:${px(s.small)};font-weight:700;letter-spacing:.08em;text-transform:uppercase;color:var(--accent);margin:0 0 2rem}
h1,h2,h3,h4,h5{color:var(--accent);line-height:1.25;font-weight:700}
h1{font-size:${px(s.h1 * 1.6)};margin:0 0 .5rem}
h2{font-size:${px(s.h1)};margin:2.5rem 0 .75rem}
h3{font-size:${px(s.h2)};margin:1.75rem 0 .5rem}
h4,h5{font-size:${px(s.h3)};margin:1.25rem 0 .5rem}
.subtitle{font-size:${px(s.h2)};color:var(--muted);margin:0 0 1rem}
.byline{color:var(--muted);margin:.25rem 0}
.takeaways{background:var(--accent-light);border-left:4px solid var(--accent);padding:.75rem 1.25rem;margin:1.5rem 0 0}
.takeaways h2{margin:.5rem 0;font-size:${px(s.h2)}}
nav{padding:1rem 0;border-bottom:1px solid var(--grid)}
nav h2{margin-top:1rem}
nav ol{padding-left:1.25rem}nav li{margin:.35rem 0}nav a{display:inline-block;min-height:24px}nav ol ol{list-style:none;padding-left:1rem;font-size:.95em}
a{color:var(--accent)}
a:focus-visible{outline:2px solid var(--accent);outline-offset:2px}
.cite{font-size:.75em;line-height:0}
.cite a{padding:0 .1em}
.kpis{list-style:none;padding:0;margin:1.25rem 0;display:grid;grid-template-columns:repeat(auto-fit,minmax(10rem,1fr));gap:.75rem}
.kpi{background:var(--accent-light);border-top:3px solid var(--accent);padding:.75rem}
.kpi-value{display:block;font-size:1.45em;font-weight:700;color:var(--accent)}
.kpi-label{display:block}.kpi-note{display:block;color:var(--muted);font-size:.9em}
figure{margin:1.75rem 0}
svg.chart{display:block;width:100%;height:auto;background:var(--paper);border-radius:4px}
figcaption{margin-top:.5rem;font-size:.95em}
.note{color:var(--muted);font-size:.9em;margin:.25rem 0}
details{margin-top:.5rem;border:1px solid var(--grid);border-radius:4px;padding:.25rem .75rem}
summary{cursor:pointer;color:var(--accent);font-weight:700}
table{border-collapse:collapse;width:100%;margin:.75rem 0;font-size:.92em}
caption{text-align:left;font-weight:700;padding:.25rem 0}
th,td{border-bottom:1px solid var(--grid);padding:.35rem .5rem;text-align:left;vertical-align:top}
th{background:var(--accent-light)}
.num{text-align:right;font-variant-numeric:tabular-nums}.center{text-align:center}
blockquote{margin:1rem 0;padding-left:1rem;border-left:3px solid var(--grid);color:var(--muted)}
footer{border-top:2px solid var(--accent);margin-top:3rem}
.sources li{margin:.5rem 0}
.quote{color:var(--muted);font-size:.9em;margin:.15rem 0}
.back{color:var(--muted);font-size:.9em}
@media (max-width:30rem){table{font-size:.8em}th,td{padding:.3rem .25rem;overflow-wrap:anywhere;hyphens:auto}h1{font-size:${px(s.h1 * 1.25)}}body{padding:0 .85rem 2rem}}
@page{margin:16mm 15mm}
@media print{
:root{--text:${c.text};--muted:${c.muted};--bg:#ffffff;--accent:${c.accent};--accent-light:${c.accentLight};--grid:${c.grid}}
html{font-size:10pt}body{padding:0}
.skip{display:none}
header.cover,nav,main,footer{max-width:none}
h2,h3,h4{break-after:avoid}
figure,.kpi,tr{break-inside:avoid}
header.cover{break-after:page;border:none}
nav{break-after:page}
details{border:none;padding:0}
details::details-content{content-visibility:visible;display:block}
summary{list-style:none}
a{color:inherit;text-decoration:none}
}
`.trim();
}
