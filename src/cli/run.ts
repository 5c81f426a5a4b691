/** argv → command → exit code. Usage errors exit 2; input errors 1; anything else 3. */
import { parseArgs } from 'node:util';
import { EXIT, type ExitCode } from './exit-codes.js';
import type { Io } from './io.js';
import { USAGE } from './usage.js';
import { runValidate } from './validate.js';

const OPTIONS = {
  config: { type: 'string' },
  only: { type: 'string', multiple: true },
  force: { type: 'boolean' },
  jobs: { type: 'string' },
  shard: { type: 'string' },
  watch: { type: 'boolean' },
  json: { type: 'boolean' },
  emit: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

const COMMANDS = ['build', 'validate', 'charts', 'schedule', 'merge-manifests'] as const;
export type Command = (typeof COMMANDS)[number];
export type ParsedArgs = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>;

export const DEFAULT_DATASET = 'data/korea-emerging-tech.yaml';

function usageError(io: Io, message: string): ExitCode {
  io.err(`briefkit: ${message}\nRun "briefkit --help" for usage.\n`);
  return EXIT.usage;
}

export async function run(argv: string[], io: Io): Promise<ExitCode> {
  let args: ParsedArgs;
  try {
    args = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (cause) {
    return usageError(
      io,
      cause instanceof Error ? (cause.message.split('\n')[0] ?? 'bad arguments') : 'bad arguments',
    );
  }
  if (args.values.help) {
    io.out(USAGE);
    return EXIT.ok;
  }
  if (args.values.version) {
    io.out(`${(await import('../version.js')).BRIEFKIT_VERSION}\n`);
    return EXIT.ok;
  }
  const [command, ...rest] = args.positionals;
  if (command === undefined) return usageError(io, 'no command given');
  if (!(COMMANDS as readonly string[]).includes(command)) {
    return usageError(io, `unknown command "${command}" (commands: ${COMMANDS.join(', ')})`);
  }
  switch (command as Command) {
    case 'validate':
      return runValidate(rest.length > 0 ? rest : [DEFAULT_DATASET], Boolean(args.values.json), io);
    case 'build': {
      const code = await runValidate([DEFAULT_DATASET], Boolean(args.values.json), io);
      if (code === EXIT.ok)
        io.out(
          'Renderers are not built yet: would build out/briefing.pdf, out/deck.pptx, out/sectors/*.pdf.\n',
        );
      return code;
    }
    default:
      return usageError(io, `"${command}" is not available yet`);
  }
}
