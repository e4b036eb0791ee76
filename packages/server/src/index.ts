export { buildApp, systemClock, type AppOptions } from './app.js';
export { startServer, type StartServerOptions, type RunningServer } from './server.js';
export { HTTP_STATUS_BY_KIND } from './http/error-handler.js';
export { resolveJobSigningKey, JOB_SIGNING_KEY_ENV, type JobSigningKey, type JobSigningKeySource } from './agent-protocol/job-signing-key.js';
