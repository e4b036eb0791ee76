/** Not an NVD document: not JSON, not a CVE API 2.0 response (format NVD_CVE, version 2.0) nor a 1.1 feed. */
export const E_NVD_INVALID = 'E_NVD_INVALID';
