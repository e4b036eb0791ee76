/** Whether the OS says a reboot is pending, and which packages asked for it. */
export interface RebootStatus {
  required: boolean;
  packages: string[];
}

/**
 * Debian/Ubuntu: update-notifier's /var/run/reboot-required flag file and its
 * reboot-required.pkgs companion (one package per line, repeats possible).
 *
 * @example
 * debianRebootStatus({ flagExists: true, pkgsText: 'linux-image-6.1.0-18-amd64\nlibc6\nlibc6\n' });
 * // { required: true, packages: ['linux-image-6.1.0-18-amd64', 'libc6'] }
 */
export function debianRebootStatus({ flagExists, pkgsText = '' }: { flagExists: boolean; pkgsText?: string }): RebootStatus {
  const names = pkgsText.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');
  return { required: flagExists, packages: [...new Set(names)] };
}

/**
 * RHEL family: `needs-restarting -r` exits 1 when a reboot is needed, 0 when not. Its output lists
 * the updated core packages as "  * name" lines. Other exit codes mean the tool failed: undefined.
 *
 * @example
 * needsRestartingRebootStatus(1, 'Core libraries or services have been updated since boot-up:\n  * kernel\n');
 * // { required: true, packages: ['kernel'] }
 */
export function needsRestartingRebootStatus(exitCode: number, output = ''): RebootStatus | undefined {
  if (exitCode !== 0 && exitCode !== 1) return undefined;
  const packages = output
    .split(/\r?\n/)
    .map((l) => /^\s*\*\s+(\S+)/.exec(l)?.[1])
    .filter((n): n is string => n !== undefined);
  return { required: exitCode === 1, packages: [...new Set(packages)] };
}
