/**
 * argv → command → exit code. Usage errors exit 2; input errors 1; anything else 3.
 * Commands load lazily: `briefkit build` with nothing to do imports almost nothing.
 */
import { parseArgs } from 'node:util';
import { didYouMean } from '../diagnostics.js';
import { parseBuildFlags } from './build-command.js';
import { EXIT, type ExitCode } from './exit-codes.js';
import type { Io } from './io.js';
import { USAGE } from './usage.js';

const OPTIONS = {
  config: { type: 'string', default: 'briefkit.config.yaml' },
  only: { type: 'string', multiple: true },
  force: { type: 'boolean' },
  jobs: { type: 'string' },
  shard: { type: 'string' },
  watch: { type: 'boolean' },
  json: { type: 'boolean' },
  emit: { type: 'string' },
  port: { type: 'string' },
  host: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

const COMMANDS = ['build', 'validate', 'charts', 'schedule', 'merge-manifests', 'preview'] as const;
type Command = (typeof COMMANDS)[number];

/** Which options each command accepts; anything else is wrong usage. */
const ACCEPTS: Record<Command, readonly string[]> = {
  build: ['config', 'only', 'force', 'jobs', 'shard', 'watch', 'json', 'emit'],
  validate: ['config', 'json'],
  charts: ['config'],
  schedule: ['config', 'jobs', 'json'],
  'merge-manifests': ['config'],
  preview: ['config', 'jobs', 'port', 'host'],
};

export interface RunContext {
  cwd: string;
  env: Record<string, string | undefined>;
}

function usageError(io: Io, message: string): ExitCode {
  io.err(`briefkit: ${message}\nRun "briefkit --help" for usage.\n`);
  return EXIT.usage;
}

/** What each option that takes a value needs, for the message when it is given blank. */
const NEEDS: Record<string, string> = {
  config: 'a file name',
  only: 'a document id',
  jobs: 'a whole number from 1 to 64',
  shard: 'I/N, e.g. 1/4',
  emit: '"model" or "provenance"',
  port: 'a port number from 0 to 65535',
  host: 'an IP address or localhost',
};

/** The first option given an empty or blank value (`--config ""`), as a usage message. */
function blankOption(values: Record<string, unknown>, given: readonly string[]): string | undefined {
  for (const key of given) {
    const value = values[key];
    const texts = Array.isArray(value) ? value : [value];
    if (texts.some((text) => typeof text === 'string' && text.trim() === ''))
      return `--${key} needs ${NEEDS[key] ?? 'a value'}, got an empty value`;
  }
  return undefined;
}

/** node:util's "Unknown option '--x'. To specify a positional argument…", said briefly, with a did-you-mean. */
function parseProblem(cause: unknown): string {
  const message = cause instanceof Error ? (cause.message.split('\n')[0] ?? '') : '';
  const unknown = /^Unknown option '(-{1,2}[^']*)'/.exec(message)?.[1];
  if (unknown === undefined) return message || 'bad arguments';
  const name = unknown.replace(/^-+/, '').split('=')[0] ?? '';
  if (name === 'out')
    return 'unknown option --out: set the output folder with "out:" in briefkit.config.yaml';
  const guess = didYouMean(name, Object.keys(OPTIONS));
  return `unknown option ${unknown}${guess ? ` (did you mean --${guess}?)` : ''}`;
}

export async function run(
  argv: string[],
  io: Io,
  context: RunContext = { cwd: process.cwd(), env: process.env },
): Promise<ExitCode> {
  let args: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>;
  try {
    args = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (cause) {
    return usageError(io, parseProblem(cause));
  }
  const values = args.values;
  if (values.help) {
    io.out(USAGE);
    return EXIT.ok;
  }
  if (values.version) {
    io.out(`${(await import('../version.js')).BRIEFKIT_VERSION}\n`);
    return EXIT.ok;
  }
  const [name, ...rest] = args.positionals;
  if (name === undefined) return usageError(io, 'no command given');
  if (!(COMMANDS as readonly string[]).includes(name)) {
    return usageError(io, `unknown command "${name}" (commands: ${COMMANDS.join(', ')})`);
  }
  const command = name as Command;
  const given = Object.keys(values).filter(
    (k) => k !== 'config' || argv.some((a) => a.startsWith('--config')),
  );
  const refused = given.filter((k) => !ACCEPTS[command].includes(k));
  if (refused.length > 0) return usageError(io, `${command} does not accept --${refused.join(', --')}`);
  const blank = blankOption(values, given);
  if (blank) return usageError(io, blank);
  const config = values.config;
  switch (command) {
    case 'validate': {
      const { runValidate, datasetsOf, printDiagnostics } = await import('./validate.js');
      if (rest.length > 0) return runValidate(rest, Boolean(values.json), io, context.cwd, config);
      const fromConfig = await datasetsOf(context.cwd, config);
      if (fromConfig.diagnostics.length > 0) {
        printDiagnostics(fromConfig.diagnostics, io);
        return EXIT.invalidInput;
      }
      return runValidate(fromConfig.files, Boolean(values.json), io, context.cwd, config);
    }
    case 'build': {
      if (rest.length > 0)
        return usageError(io, `build takes no file arguments (got "${rest[0]}"); use --config`);
      const flags = parseBuildFlags({ ...values, config }, context.env);
      if (typeof flags === 'string') return usageError(io, flags);
      if (values.watch) {
        const { runWatch } = await import('./watch.js');
        return runWatch(flags, io, context.cwd, context.env);
      }
      const { runBuild } = await import('./build-command.js');
      return runBuild(flags, io, context.cwd, context.env);
    }
    case 'charts': {
      const { runCharts } = await import('./charts.js');
      return runCharts(config, io, context.cwd);
    }
    case 'schedule': {
      if (rest.length !== 1)
        return usageError(io, 'schedule takes one cron expression, e.g. briefkit schedule "0 6 * * 1-5"');
      const flags = parseBuildFlags({ config, jobs: values.jobs, json: values.json }, context.env);
      if (typeof flags === 'string') return usageError(io, flags);
      const { runSchedule } = await import('./schedule.js');
      return runSchedule(rest[0] as string, flags, io, context.cwd, context.env);
    }
    case 'preview': {
      if (rest.length > 0)
        return usageError(io, `preview takes no file arguments (got "${rest[0]}"); use --config`);
      const flags = parseBuildFlags({ config, jobs: values.jobs }, context.env);
      if (typeof flags === 'string') return usageError(io, flags);
      const { parsePreviewFlags, runPreview } = await import('./preview.js');
      const preview = parsePreviewFlags({ port: values.port, host: values.host });
      if (typeof preview === 'string') return usageError(io, preview);
      return runPreview(flags, preview, io, context.cwd, context.env);
    }
    case 'merge-manifests': {
      if (rest.length === 0) return usageError(io, 'merge-manifests needs the shard manifests to join');
      const { runMergeManifests } = await import('./merge-manifests.js');
      return runMergeManifests(rest, io, context.cwd, config);
    }
  }
}
