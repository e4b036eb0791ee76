// Public API of the agent: the process (Agent), its local config and state, the executors.
export { Agent, AGENT_VERSION, type AgentOptions, type AgentCycleResult, type JobRunReport } from './loop/agent.js';
export { retryDelayMs, nextCheckInDelayMs, DEFAULT_BACKOFF, type BackoffPolicy } from './loop/backoff.js';
export { resolveAgentConfig, DEFAULT_ALLOWED_KINDS, type AgentConfig, type AgentConfigFlags } from './config/agent-config.js';
export { readAgentState, writeAgentState, stateFilePath, DEFAULT_STATE_DIR, type AgentState } from './state/agent-state.js';
export { AgentClient, AgentProtocolError, type AgentCredential } from './protocol/agent-client.js';
export { computeInventoryDelta, fullInventory } from './inventory/inventory-delta.js';
export { LocalHostInventorySource, type InventorySource, type HostFacts } from './inventory/host-inventory.source.js';
export { verifyJobSignature, signableFields } from './jobs/job-signature.js';
export { gateLeasedJob, type GateDecision } from './jobs/job-gate.js';
export { ProcessCommandRunner, type CommandRunner, type CommandSpec, type CommandResult } from './runner/command-runner.js';
export { FakeCommandRunner, type FakeCommandRule } from './runner/fake-command-runner.js';
export { AptExecutor, type AptExecutorOptions } from './executors/apt/apt.executor.js';
export { detectExecutor, EXECUTORS, type PackageManagerName } from './executors/executor.registry.js';
export type { JobExecutor, ExecutableJob, ExecutionOutcome, AvailableUpdate } from './executors/executor.js';
