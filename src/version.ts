/** The briefkit version, part of every cache key and of the manifest. Keep in step with package.json. */
export const BRIEFKIT_VERSION = '0.1.0';
