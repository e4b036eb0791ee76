import { readFile } from 'node:fs/promises';
import { DomainError, invalidInput, parseRiskPolicy, type RiskPolicy } from '@patchloop/core';

/** Reads --policy FILE (or PATCHLOOP_POLICY): JSON errors name the file and position, policy errors the field. */
export async function readRiskPolicy(path: string | undefined): Promise<RiskPolicy | undefined> {
  const file = path ?? process.env.PATCHLOOP_POLICY;
  if (!file) return undefined;
  const text = await readFile(file, 'utf8').catch((cause: unknown) => {
    throw new DomainError('E_POLICY_UNREADABLE', 'not_found', `cannot read the policy: ${(cause as Error).message}`, { cause, location: { file } });
  });
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (cause) {
    throw invalidInput('E_POLICY_INVALID', `not valid JSON: ${(cause as Error).message}`, { file }, cause);
  }
  return parseRiskPolicy(doc, file);
}
