/**
 * Every path in briefkit.config.yaml stays inside the project folder, and no two outputs
 * share a file: each mistake is an error at its own line of the config, with a hint.
 */
import { describe, expect, it } from 'vitest';
import { parseYaml } from '../../src/input/yaml.js';
import { parseWith } from '../../src/input/zod-issues.js';
import { buildConfigSchema } from '../../src/pipeline/config.js';

function check(text: string) {
  const parsed = parseYaml(text, 'briefkit.config.yaml');
  if (!parsed.source) return parsed.diagnostics;
  return parseWith(buildConfigSchema(), parsed.source).diagnostics;
}

/** A valid config with `top` lines before `documents:` and one line per document. */
function config(top: string[], documents: string[]): string {
  return ['datasets: [data/d.yaml]', ...top, 'documents:', ...documents].join('\n');
}

const doc = (id: string, output: string, extra = '') =>
  `  - { id: ${id}, template: ${id}.md.hbs, format: pdf, output: ${JSON.stringify(output)}${extra} }`;

describe('config paths stay inside the project folder', () => {
  it('accepts the usual forms', () => {
    expect(
      check(config(['out: ./build/out/', 'theme: ./templates/theme.yaml'], [doc('a', 'sub/a.pdf')])),
    ).toEqual([]);
  });

  it.each([
    ['out: /', 'out'],
    ['out: ""', 'out'],
    ['out: ../../x', 'out'],
    ['out: .', 'out'],
    ['out: ./', 'out'],
    ['out: /tmp/out', 'out'],
    ['out: build/../..', 'out'],
    ['out: "out\\\\sub"', 'out'],
    ['out: C:/out', 'out'],
    ['out: data', 'out'],
    ['out: templates/out', 'out'],
    ['out: .briefkit', 'out'],
    ['theme: ../../theme.yaml', 'theme'],
    ['theme: /etc/hostname', 'theme'],
    ['templates: ../shared', 'templates'],
    ['charts: /tmp/charts', 'charts'],
  ])('refuses %s at its line, with a hint', (line, path) => {
    const diagnostics = check(config([line], [doc('a', 'a.pdf')]));
    expect(diagnostics).toMatchObject([{ severity: 'error', path, line: 2, file: 'briefkit.config.yaml' }]);
    expect(diagnostics[0]?.hint).toBeTruthy();
  });

  it.each([['/etc/passwd'], ['../../data/d.yaml'], ['data\\d.yaml']])(
    'refuses the dataset path %s at its line',
    (dataset) => {
      const diagnostics = check(
        ['datasets:', `  - ${JSON.stringify(dataset)}`, 'documents:', doc('a', 'a.pdf')].join('\n'),
      );
      expect(diagnostics).toMatchObject([{ severity: 'error', path: 'datasets[0]', line: 2 }]);
      expect(diagnostics[0]?.hint).toBeTruthy();
    },
  );

  it.each([['../../../etc/hostname'], ['/etc/hostname'], ['sub\\a.md.hbs']])(
    'refuses the template path %s at its line',
    (template) => {
      const diagnostics = check(
        config([], [`  - { id: a, template: ${JSON.stringify(template)}, format: pdf, output: a.pdf }`]),
      );
      expect(diagnostics).toMatchObject([{ severity: 'error', path: 'documents[0].template', line: 3 }]);
      expect(diagnostics[0]?.hint).toBeTruthy();
    },
  );

  it.each([
    ['/abs.pdf'],
    [''],
    ['../a.pdf'],
    ['sub/../../a.pdf'],
    ['.'],
    ['./'],
    ['sub/'],
    ['sub//a.pdf'],
    ['sub\\a.pdf'],
  ])('refuses the output path %j at its line', (output) => {
    const diagnostics = check(config([], [doc('a', output)]));
    expect(diagnostics).toMatchObject([{ severity: 'error', path: 'documents[0].output', line: 3 }]);
    expect(diagnostics[0]?.hint).toBeTruthy();
  });
});

describe('no two outputs share a file', () => {
  it('refuses two documents with the same output, at the second one, naming the first', () => {
    const diagnostics = check(config([], [doc('a', 'briefing.pdf'), doc('b', 'briefing.pdf')]));
    expect(diagnostics).toMatchObject([{ path: 'documents[1].output', line: 4 }]);
    expect(diagnostics[0]?.message).toContain('"a"');
  });

  it('compares outputs as a case-insensitive file system would', () => {
    const diagnostics = check(config([], [doc('a', 'Briefing.pdf'), doc('b', 'briefing.PDF')]));
    expect(diagnostics).toMatchObject([{ path: 'documents[1].output', line: 4 }]);
  });

  it('refuses an output that another output needs as its folder', () => {
    const diagnostics = check(
      config([], [doc('a', 'sectors'), doc('b', 'sectors/{sector}.pdf', ', for: sectors')]),
    );
    expect(diagnostics).toMatchObject([{ path: 'documents[1].output', line: 4 }]);
  });

  it.each([
    ['manifest.json'],
    ['MANIFEST.json'],
    ['manifest-shard-1-of-4.json'],
    ['provenance.json'],
    ['Provenance.JSON'],
    ['charts/program-budgets.svg'],
    ['charts'],
    ['models/a.model.json'],
  ])('refuses %s, which the build writes itself', (output) => {
    const diagnostics = check(config([], [doc('a', output)]));
    expect(diagnostics).toMatchObject([{ severity: 'error', path: 'documents[0].output', line: 3 }]);
    expect(diagnostics[0]?.hint).toBeTruthy();
  });
});

describe('out/ and output names briefkit keeps for itself or the file system refuses', () => {
  it.each([
    ['out: .git', 'out'],
    ['out: .git/out', 'out'],
    ['out: ./.GIT/', 'out'],
    ['out: sub/.git', 'out'],
  ])('refuses %s at its line, with a hint', (line, path) => {
    const diagnostics = check(config([line], [doc('a', 'a.pdf')]));
    expect(diagnostics).toMatchObject([{ severity: 'error', path, line: 2, file: 'briefkit.config.yaml' }]);
    expect(diagnostics[0]?.hint).toBeTruthy();
  });

  // 256 bytes is over every file system's limit; 230 is too, once briefkit names its state after out/ (`.<out>.briefkit-next-…`).
  it.each([[256], [230]])('refuses an out folder named with %i bytes, at its line', (bytes) => {
    const diagnostics = check(config([`out: sub/${'o'.repeat(bytes)}`], [doc('a', 'a.pdf')]));
    expect(diagnostics).toMatchObject([{ severity: 'error', path: 'out', line: 2 }]);
    expect(diagnostics[0]?.hint).toBeTruthy();
  });

  it('accepts an out folder named with 200 bytes', () => {
    expect(check(config([`out: ${'o'.repeat(200)}`], [doc('a', 'a.pdf')]))).toEqual([]);
  });

  it.each([
    ['a name briefkit stages under', '.briefkit-staging-1.pdf'],
    ['the state folder name', '.briefkit'],
    ['the state folder name in capitals', '.BriefKit/a.pdf'],
    ['a name of 256 bytes', `${'a'.repeat(252)}.pdf`],
    ['a name of 256 bytes in 130 characters', `sub/${'é'.repeat(126)}.pdf`],
  ])('refuses an output with %s at its line', (_what, output) => {
    const diagnostics = check(config([], [doc('a', output)]));
    expect(diagnostics).toMatchObject([{ severity: 'error', path: 'documents[0].output', line: 3 }]);
    expect(diagnostics[0]?.hint).toBeTruthy();
  });

  it('accepts a name of 255 bytes, and ".briefkit" later in a path', () => {
    expect(check(config([], [doc('a', `${'a'.repeat(251)}.pdf`), doc('b', 'sub/.briefkit.pdf')]))).toEqual(
      [],
    );
  });

  it('refuses the document id "charts", which --only charts and `briefkit charts` mean for every chart', () => {
    const diagnostics = check(config([], [doc('charts', 'charts.pdf')]));
    expect(diagnostics).toMatchObject([{ severity: 'error', path: 'documents[0].id', line: 3 }]);
    expect(diagnostics[0]?.hint).toBeTruthy();
  });
});

describe('config messages name what was found', () => {
  it('calls a text a text, not "a mapping"', () => {
    const diagnostics = check(
      config([], [doc('a', 'a.pdf'), doc('a', 'b.pdf'), doc('c', 'c.pdf', ', for: sectors')]),
    );
    expect(diagnostics.map((d) => [d.path, d.message])).toEqual([
      ['documents[1].id', 'expected a unique id ("a" is used twice), got "a"'],
      [
        'documents[2].output',
        'expected an output path containing {sector} (one file per sector), got "c.pdf"',
      ],
    ]);
  });

  it('reports a text where the dataset list belongs once, as a text', () => {
    const diagnostics = check(['datasets: hello', 'documents:', doc('a', 'a.pdf')].join('\n'));
    expect(diagnostics).toMatchObject([{ path: 'datasets', message: 'expected a list, got "hello"' }]);
  });
});
