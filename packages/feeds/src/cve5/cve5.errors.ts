/** A record file that is not JSON at all (a shape problem inside valid JSON is a rejected value). */
export const E_CVE5_INVALID = 'E_CVE5_INVALID';
