/** The file is not a KEV catalog: not JSON, or its envelope (catalogVersion, dateReleased, count, vulnerabilities) fails the schema. */
export const E_KEV_INVALID = 'E_KEV_INVALID';
