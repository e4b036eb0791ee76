/** The file is not a valid OpenVEX document: not JSON, an unsupported @context, or it fails the OpenVEX schema. */
export const E_OPENVEX_INVALID = 'E_OPENVEX_INVALID';
/** The file is not a usable CycloneDX VEX document (or companion BOM): not JSON, not CycloneDX, or a malformed vulnerability. */
export const E_CYCLONEDX_VEX_INVALID = 'E_CYCLONEDX_VEX_INVALID';
/** The VEX text is larger than the parser accepts. */
export const E_VEX_TOO_LARGE = 'E_VEX_TOO_LARGE';
