// Public API of the CSAF 2.0 source (csaf_security_advisory and csaf_vex documents).
export type * from './csaf.types.js';
export { csafFormat } from './csaf.format.js';
export { readCsafPath, E_CSAF_JSON_INVALID, type CsafImport, type ReadCsafPathOptions } from './csaf.source.js';
export { validateCsafDocument, describeCsafFailures, type CsafValidationFailure, type CsafValidationResult } from './csaf.validation.js';
export { csafToAdvisories, CSAF_SOURCE, type CsafMappingOptions, type CsafMappingRejection, type CsafMappingResult } from './csaf.mapper.js';
export { indexCsafProductTree, resolveCsafProduct, type CsafProduct, type CsafProductIndex, type ResolvedCsafProduct } from './csaf.product-tree.js';
export { csafProductToPackage, redHatEcosystemFromCpe, type CsafPackage, type CsafPackageResult } from './csaf.package.js';
export { parsePackageUrl, type PackageUrl } from './csaf.purl.js';
