// Public API of the VEX parsers: OpenVEX and CycloneDX VEX -> core VexStatement.
export * from './openvex/index.js';
export * from './cyclonedx-vex/index.js';
export { E_OPENVEX_INVALID, E_CYCLONEDX_VEX_INVALID, E_VEX_TOO_LARGE } from './vex.errors.js';
export { parseVexJson, jsonErrorPosition, MAX_VEX_TEXT_LENGTH } from './vex-json.js';
