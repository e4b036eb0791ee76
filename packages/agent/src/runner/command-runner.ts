import { spawn } from 'node:child_process';

/** One command to run: argv (no shell), extra environment, and a time limit. */
export interface CommandSpec {
  argv: readonly string[];
  /** Added to the agent's environment (e.g. DEBIAN_FRONTEND=noninteractive). */
  env?: Readonly<Record<string, string>>;
  /** Killed (SIGTERM, then SIGKILL) after this long; default 10 minutes. */
  timeoutMs?: number;
}

export interface CommandResult {
  /** The exit status; 124 when the time limit killed it, 127 when it could not be started. */
  exitCode: number;
  /** stdout and stderr, interleaved as they arrived (the last MAX_OUTPUT_CHARS of it). */
  output: string;
  timedOut: boolean;
}

/** Runs commands. Executors take one, so unit tests pass a fake and the fleet harness the real one. */
export interface CommandRunner {
  run(spec: CommandSpec): Promise<CommandResult>;
}

const MAX_OUTPUT_CHARS = 1024 * 1024;
const DEFAULT_TIMEOUT_MS = 10 * 60_000;
const KILL_GRACE_MS = 5_000;

/**
 * The real runner: spawns argv[0] without a shell and keeps the end of its output.
 * @example const { exitCode, output } = await new ProcessCommandRunner().run({ argv: ['apt-mark', 'showhold'] });
 */
export class ProcessCommandRunner implements CommandRunner {
  run({ argv, env = {}, timeoutMs = DEFAULT_TIMEOUT_MS }: CommandSpec): Promise<CommandResult> {
    const [file, ...args] = argv;
    if (file === undefined) return Promise.resolve({ exitCode: 127, output: 'empty command', timedOut: false });
    return new Promise((resolve) => {
      let output = '';
      let timedOut = false;
      const append = (chunk: Buffer) => {
        output = (output + chunk.toString('utf8')).slice(-MAX_OUTPUT_CHARS);
      };
      const child = spawn(file, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
      child.stdout.on('data', append);
      child.stderr.on('data', append);
      const timer = setTimeout(() => {
        timedOut = true;
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), KILL_GRACE_MS).unref();
      }, timeoutMs);
      child.once('error', (e) => {
        clearTimeout(timer);
        resolve({ exitCode: 127, output: `${output}cannot run ${file}: ${e.message}\n`, timedOut: false });
      });
      child.once('close', (code, signal) => {
        clearTimeout(timer);
        const exitCode = timedOut ? 124 : (code ?? (signal ? 128 : 1));
        resolve({ exitCode, output: timedOut ? `${output}\n${file} timed out after ${timeoutMs} ms\n` : output, timedOut });
      });
    });
  }
}
