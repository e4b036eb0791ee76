export * from './version-scheme.js';
