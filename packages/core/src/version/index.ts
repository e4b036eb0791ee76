export * from './version-scheme.js';
export * from './ecosystem.js';
