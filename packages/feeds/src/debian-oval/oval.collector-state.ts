import type { OvalCriteria, OvalDefinition, OvalDocument, OvalEntity, OvalTest, OvalVariable } from './oval.types.js';
import { ovalInvalid } from './oval.errors.js';

/** The child of the root being read. */
export type Section = 'generator' | 'definitions' | 'tests' | 'objects' | 'states' | 'variables' | 'other';

/** An object or state being read: its direct children become entities. */
export interface EntityHolder {
  id: string;
  kind: string;
  entities: OvalEntity[];
  line: number;
}

/** Mutable state of one collector run, shared by the section handlers. */
export interface CollectorState {
  file: string | undefined;
  doc: OvalDocument;
  sawRoot: boolean;
  stack: string[];
  section: Section;
  text: string;
  definition?: OvalDefinition;
  criteria: OvalCriteria[];
  test?: OvalTest;
  holder?: EntityHolder;
  entity?: OvalEntity;
  variable?: OvalVariable;
}

/** An attribute that must be present and non-empty, or E_OVAL_INVALID. */
export function required(s: CollectorState, attrs: Record<string, string>, key: string, element: string, line: number): string {
  const value = attrs[key];
  if (value === undefined || value === '') throw ovalInvalid(`<${element}> without ${key}`, s.file, line);
  return value;
}
