// yargs renders a command's whole help text (cliui and string-width: ~30 ms, a tenth of a
// one-page run) every time it runs the command, in case the handler asks for it later
// (`showHelp()`). docsdk's handlers never do, and its fail handler prints no help, so that
// rendering is skipped; `--help` renders the text when asked, as before.
import type { Argv } from 'yargs';

/** yargs' usage object, reached through yargs' own internal (untyped) API: yargs is pinned, and test/cli/start-up.test.ts checks the behaviour. */
export interface YargsUsage {
  cacheHelpMessage(): void;
  hasCachedHelpMessage(): boolean;
}

export function usageOf(cli: Argv): YargsUsage {
  return (cli as unknown as { getInternalMethods(): { getUsageInstance(): YargsUsage } }).getInternalMethods().getUsageInstance();
}

/** `cli`, made to skip rendering a command's help text when it runs the command. */
export function withoutHelpCache<T>(cli: Argv<T>): Argv<T> {
  usageOf(cli as Argv).cacheHelpMessage = () => undefined;
  return cli;
}
