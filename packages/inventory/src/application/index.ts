export type { ApplicationFormat, ApplicationParseOptions, ApplicationParser } from './application-parser.js';
export { applicationParsers, detectApplicationFormat, parseApplicationFile } from './application-registry.js';
export { cycloneDxParser } from './cyclonedx/cyclonedx.parser.js';
export { spdxParser } from './spdx/spdx.parser.js';
export { npmLockParser } from './npm-lock/npm-lock.parser.js';
export { requirementsParser } from './requirements/requirements.parser.js';
export { poetryLockParser } from './poetry-lock/poetry-lock.parser.js';
