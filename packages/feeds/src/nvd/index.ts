// Public API of the NVD source.
export { nvdFeed, readNvdPath, detectNvd } from './nvd.source.js';
export { parseNvdDocument, mergeNvdResults, type ParseNvdDocumentOptions } from './nvd.parser.js';
export { nvdCveToIntel, nvdCveToCvss, nvdCveToKev, nvdCveToSsvc, type NvdMappingContext } from './nvd.mapper.js';
export { nvdLegacyItemToIntel, nvdLegacyItemToCvss } from './nvd.legacy.mapper.js';
export { checkNvdEnvelope, listEnvelopeInconsistencies } from './nvd.envelope.js';
export { listNvdPageStartIndexes, NVD_MAX_RESULTS_PER_PAGE, type NvdPagePlan } from './nvd.pages.js';
export { E_NVD_INVALID } from './nvd.errors.js';
export type * from './nvd.types.js';
