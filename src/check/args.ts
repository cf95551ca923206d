/**
 * Command-line parsing for the commands in this folder: Node's `util.parseArgs` in strict
 * mode, with its errors turned into Dutch sentences for the teacher. Wrong use is exit code 2.
 */
import { parseArgs, type ParseArgsConfig } from "node:util";

/** Wrong use of a command; the message is Dutch and shown with the usage text. */
export class UsageError extends Error {}

/** Exit code for wrong use of a command. */
export const USAGE_EXIT = 2;

type Options = NonNullable<ParseArgsConfig["options"]>;

export interface ParsedArgs {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

/** Parses `argv` strictly; an unknown option, a missing value or a value where none belongs throws a `UsageError`. */
export function parseCommandLine(argv: string[], options: Options): ParsedArgs {
  try {
    const { values, positionals } = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
    return { values: values as ParsedArgs["values"], positionals };
  } catch (err) {
    throw new UsageError(dutch(err as Error & { code?: string }));
  }
}

/** `parseCommandLine`, or, on wrong use, its message and `usage` on stderr and undefined (exit with `USAGE_EXIT`). */
export function readCommandLine(argv: string[], options: Options, usage: string): ParsedArgs | undefined {
  try {
    return parseCommandLine(argv, options);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    console.error(`${err.message}\n\n${usage}`);
    return undefined;
  }
}

/** The Dutch sentence for one of `parseArgs`'s errors; the option is taken from its English message. */
function dutch(err: Error & { code?: string }): string {
  // `'--kleur'`, `'--format <value>'` or `'-o, --output <value>'`: the long name when there is one.
  const option = /'(?:-\w, )?(-[^', ]*)/.exec(err.message)?.[1] ?? "";
  switch (err.code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
      return `Onbekende optie ${option}.`;
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE":
      return /argument missing/.test(err.message) ? `Optie ${option} heeft een waarde nodig, bijvoorbeeld ${option} <waarde>.` : `Optie ${option} krijgt geen waarde.`;
    case "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL":
      return `Onverwacht argument: ${/'([^']*)'/.exec(err.message)?.[1] ?? ""}.`;
    default:
      return `Ongeldige opdracht: ${err.message}`;
  }
}
