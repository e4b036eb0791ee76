// Public API of the CVE JSON 5 source.
export { cve5Feed, readCve5Path, detectCve5 } from './cve5.source.js';
export { parseCve5Record, type ParseCve5RecordOptions } from './cve5.parser.js';
export { cve5RecordToIntel, containerCwes, englishDescription, type Cve5MappingContext } from './cve5.mapper.js';
export { cve5ContainerToCvss, cisaAdpToSsvc, cisaAdpToKev } from './cve5.metrics.js';
export { findCve5ShapeProblems, CVE5_SHAPE_SCHEMA } from './cve5.shape.js';
export { E_CVE5_INVALID } from './cve5.errors.js';
export { CISA_ADP, type Cve5Record, type Cve5Metadata, type Cve5Container, type Cve5Metric, type Cve5CvssData } from './cve5.types.js';
