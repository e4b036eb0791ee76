// Public API of the OpenVEX parser.
export { parseOpenVex, detectOpenVex, type ParseOpenVexOptions } from './openvex.parser.js';
export { openVexDocumentToStatements, type OpenVexMappingContext } from './openvex.mapper.js';
export { validateOpenVex, type OpenVexSchemaProblem } from './openvex.validator.js';
export { upgradeOpenVex001, openVexSpecVersion } from './openvex.upgrade.js';
export { OPENVEX_SCHEMA } from './openvex.schema.js';
export type { OpenVexDocument, OpenVexStatement, OpenVexComponent, OpenVexSubcomponent, OpenVexSpecVersion } from './openvex.types.js';
