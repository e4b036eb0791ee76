// Public API of the Ubuntu USN OVAL source.
export type * from './ubuntu-oval.types.js';
export { ubuntuOvalFormat, generatorTimestampToIso } from './ubuntu-oval.format.js';
export { parseUbuntuOval, type ParseUbuntuOvalOptions } from './ubuntu-oval.parser.js';
export {
  ubuntuOvalToAdvisories,
  ubuntuDefinitionToAdvisory,
  UBUNTU_OVAL_SOURCE,
  type UbuntuOvalMappingOptions,
  type UbuntuOvalMappingResult,
  type UbuntuOvalRejection,
} from './ubuntu-oval.mapper.js';
export { ubuntuEcosystemFromText, ubuntuEcosystemOfDefinition } from './ubuntu-oval.release.js';
