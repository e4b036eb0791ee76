/** The manifest signature is missing, malformed or not made by the trusted key. */
export const E_BUNDLE_SIGNATURE_INVALID = 'E_BUNDLE_SIGNATURE_INVALID';
/** The bundle's content disagrees with its (signed) manifest, or holds an unsafe entry. */
export const E_BUNDLE_INVALID = 'E_BUNDLE_INVALID';
/** A key file is not an Ed25519 key in PEM. */
export const E_BUNDLE_KEY_INVALID = 'E_BUNDLE_KEY_INVALID';
/** keygen refuses to overwrite an existing key file. */
export const E_BUNDLE_KEY_EXISTS = 'E_BUNDLE_KEY_EXISTS';
