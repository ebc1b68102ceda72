/** Flag parsing shared by the example's commands: strict flags, `-h/--help`, and a usage error that says why. */
import { type ParseArgsConfig, parseArgs } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;
/** Parsed values: strings for string flags, booleans for boolean flags (absent = undefined). */
export type FlagValues<O extends Options> = {
  [K in keyof O]?: O[K] extends { type: 'boolean' } ? boolean : string;
} & { help?: boolean };

/**
 * Parses `process.argv` (or `args`) strictly. `--help` prints `help` and exits 0; an unknown or malformed flag
 * prints the reason and the hint `--help`, and exits 2.
 *
 * @example
 * ```ts
 * const values = parseFlags('demo', 'npm run demo [-- --count N]', { count: { type: 'string', default: '50000' } });
 * ```
 */
export function parseFlags<O extends Options>(
  command: string,
  help: string,
  options: O,
  args: string[] = process.argv.slice(2),
): FlagValues<O> {
  const all = { ...options, help: { type: 'boolean', short: 'h' } } as O & { help: { type: 'boolean'; short: 'h' } };
  let values: Record<string, unknown>;
  try {
    values = parseArgs({ args, options: all, strict: true, allowPositionals: false }).values;
  } catch (error) {
    process.stderr.write(`${command}: ${(error as Error).message}\nRun with --help for the options.\n`);
    process.exit(2);
  }
  if (values['help']) {
    process.stdout.write(help.endsWith('\n') ? help : `${help}\n`);
    process.exit(0);
  }
  return values as never;
}

/** Exits 2 with a usage message (a flag's value is out of range). */
export function usageError(command: string, message: string): never {
  process.stderr.write(`${command}: ${message}\nRun with --help for the options.\n`);
  process.exit(2);
}
