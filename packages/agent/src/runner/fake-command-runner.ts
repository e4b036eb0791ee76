import type { CommandResult, CommandRunner, CommandSpec } from './command-runner.js';

/** A scripted answer: the first rule whose `match` accepts the argv answers. */
export interface FakeCommandRule {
  match: (argv: readonly string[]) => boolean;
  result: Partial<CommandResult>;
}

/**
 * A runner for tests: records every command and answers from rules (default: exit 0, no output).
 * Real apt is exercised by the fleet harness, not here.
 * @example const runner = new FakeCommandRunner([{ match: (a) => a[1] === 'install', result: { exitCode: 100 } }]);
 */
export class FakeCommandRunner implements CommandRunner {
  readonly calls: CommandSpec[] = [];
  constructor(private readonly rules: readonly FakeCommandRule[] = []) {}

  async run(spec: CommandSpec): Promise<CommandResult> {
    this.calls.push(spec);
    const rule = this.rules.find((r) => r.match(spec.argv));
    return { exitCode: 0, output: '', timedOut: false, ...rule?.result };
  }

  /** The commands run so far, each joined with spaces. */
  commandLines(): string[] {
    return this.calls.map((c) => c.argv.join(' '));
  }
}
