export * from './errors/domain-error.js';
export * from './clock/clock.js';
export * from './inventory/asset.js';
export * from './inventory/software-diff.js';
export * from './advisory/advisory.js';
export * from './version/index.js';
