import { Type, type Static } from '@fastify/type-provider-typebox';
import { KernelSchema, OsInfoSchema } from '../schemas/asset.schema.js';
import { PackageInput } from '../schemas/software.schema.js';

/** Wire shapes of the agent protocol (/agent/v1/*). Bodies are validated without coercion. */

const JobKindName = Type.String({ minLength: 1, maxLength: 50, description: 'a job kind: refresh-inventory, install, hold, unhold, rollback, health-check, reboot, script' });
const AgentVersion = Type.String({ minLength: 1, maxLength: 100 });
const AllowedJobKinds = Type.Array(JobKindName, { maxItems: 20, description: "the job kinds the host's local agent config allows" });

const Packages = (maxItems: number) => Type.Array(PackageInput, { maxItems });

export const EnrollBody = Type.Object(
  {
    enrollmentToken: Type.String({ minLength: 1, maxLength: 200 }),
    hostname: Type.String({ minLength: 1, maxLength: 255 }),
    agentVersion: AgentVersion,
    allowedJobKinds: AllowedJobKinds,
    facts: Type.Object(
      { os: Type.Optional(OsInfoSchema), arch: Type.Optional(Type.String({ maxLength: 50 })), kernel: Type.Optional(KernelSchema), addresses: Type.Optional(Type.Array(Type.String({ maxLength: 100 }), { maxItems: 256 })) },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);
export type EnrollBody = Static<typeof EnrollBody>;

export const EnrollResponse = Type.Object({
  agentId: Type.String(),
  assetId: Type.String(),
  agentSecret: Type.String({ description: 'shown once; send as "Authorization: Agent <secret>"' }),
  jobSigningPublicKey: Type.String({ description: 'Ed25519 SPKI PEM; the agent pins it and verifies every job with it' }),
  checkInIntervalSeconds: Type.Integer(),
});

const FullInventory = Type.Object({ full: Type.Literal(true), packages: Packages(100_000) }, { additionalProperties: false });
const DeltaInventory = Type.Object(
  { full: Type.Literal(false), added: Packages(100_000), removed: Packages(100_000), changed: Packages(100_000) },
  { additionalProperties: false, description: 'changes since the last inventory the server accepted; changed lists the new versions' },
);
export type FullInventory = Static<typeof FullInventory>;
export type DeltaInventory = Static<typeof DeltaInventory>;

export const CheckInBody = Type.Object(
  {
    agentVersion: Type.Optional(AgentVersion),
    allowedJobKinds: Type.Optional(AllowedJobKinds),
    inventory: Type.Optional(Type.Union([FullInventory, DeltaInventory])),
    updatesAvailable: Type.Array(Type.Object({ name: Type.String({ minLength: 1, maxLength: 512 }), version: Type.String({ minLength: 1, maxLength: 256 }) }, { additionalProperties: false }), { maxItems: 100_000 }),
    rebootRequired: Type.Boolean(),
    kernel: Type.Object({ running: Type.String({ minLength: 1, maxLength: 200 }), installed: Type.Array(Type.String({ maxLength: 200 }), { maxItems: 100 }) }, { additionalProperties: false }),
    restartedDuringJobId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  },
  { additionalProperties: false },
);
export type CheckInBody = Static<typeof CheckInBody>;

export const CheckInResponse = Type.Object({
  sendFullInventory: Type.Boolean({ description: 'send a full inventory on the next check-in' }),
  jobsAvailable: Type.Integer({ description: 'jobs this agent may lease now; lease them before the next check-in' }),
  nextCheckInSeconds: Type.Integer(),
  jitterSeconds: Type.Integer({ description: 'wait a random 0..jitterSeconds on top, so a fleet does not check in at once' }),
  restartedJob: Type.Optional(Type.Object({ id: Type.String(), state: Type.String() }, { description: 'the state of restartedDuringJobId after this check-in' })),
});
export type CheckInResponse = Static<typeof CheckInResponse>;

export const JobIdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

const Pinned = Type.Object({ name: Type.String({ minLength: 1, maxLength: 512 }), version: Type.String({ minLength: 1, maxLength: 256 }) }, { additionalProperties: false });

export const CompleteBody = Type.Object(
  {
    exitCode: Type.Integer({ minimum: -2147483648, maximum: 2147483647 }),
    logTail: Type.String({ maxLength: 1024 * 1024, description: 'the end of the output; the server keeps the last 64 KiB' }),
    packagesBefore: Type.Optional(Type.Array(Pinned, { maxItems: 10_000 })),
    packagesAfter: Type.Optional(Type.Array(Pinned, { maxItems: 10_000 })),
  },
  { additionalProperties: false },
);
export type CompleteBody = Static<typeof CompleteBody>;

export const RefuseBody = Type.Object({ reason: Type.String({ minLength: 1, maxLength: 2000, description: 'why the agent will not run it, e.g. "bad signature" or "kind reboot not allowed"' }) }, { additionalProperties: false });
export type RefuseBody = Static<typeof RefuseBody>;

/** A job as both users and agents see it (the domain Job, JSON-safe already). */
export const JobResponse = Type.Object(
  {
    id: Type.String(),
    assetId: Type.String(),
    kind: Type.String(),
    args: Type.Unknown(),
    idempotencyKey: Type.String(),
    state: Type.String(),
    attempts: Type.Integer(),
    retry: Type.Object({ maxAttempts: Type.Integer(), backoffSeconds: Type.Array(Type.Integer()) }),
    runAfter: Type.String(),
    timeoutSeconds: Type.Integer(),
    createdAt: Type.String(),
    updatedAt: Type.String(),
    notBefore: Type.Optional(Type.String()),
    expiresAt: Type.Optional(Type.String()),
    leaseOwner: Type.Optional(Type.String()),
    leaseExpiresAt: Type.Optional(Type.String()),
    startedAt: Type.Optional(Type.String()),
    finishedAt: Type.Optional(Type.String()),
    failureReason: Type.Optional(Type.String()),
    signature: Type.Optional(Type.String({ description: 'Ed25519 over core jobSigningBytes, base64url' })),
    result: Type.Optional(Type.Object({ exitCode: Type.Integer(), logTail: Type.String(), logTruncated: Type.Boolean(), packagesBefore: Type.Optional(Type.Array(Pinned)), packagesAfter: Type.Optional(Type.Array(Pinned)) })),
  },
  { $id: 'Job' },
);

export const LeaseResponse = Type.Object({
  job: Type.Ref('Job'),
  signature: Type.String({ description: 'Ed25519 signature (base64url) of core jobSigningBytes(job); verify with the key pinned at enrollment' }),
});

export const CompleteResponse = Type.Object({ job: Type.Ref('Job'), sendFullInventory: Type.Boolean() });

// ---- user side (/api/v1) ----

export const EnrollmentTokenBody = Type.Object(
  { name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })), expiresAt: Type.String({ minLength: 10, maxLength: 40 }), maxUses: Type.Integer({ minimum: 1, maximum: 100_000 }) },
  { additionalProperties: false },
);
export type EnrollmentTokenBody = Static<typeof EnrollmentTokenBody>;

export const EnrollmentTokenResponse = Type.Object({
  id: Type.String(),
  name: Type.String(),
  token: Type.String({ description: 'shown once' }),
  expiresAt: Type.String(),
  maxUses: Type.Integer(),
  createdAt: Type.String(),
});

export const JobCreateBody = Type.Object(
  {
    kind: JobKindName,
    args: Type.Unknown({ description: 'the arguments of the kind (validated by core validateJobArgs)' }),
    idempotencyKey: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    notBefore: Type.Optional(Type.String({ minLength: 10, maxLength: 40 })),
    expiresAt: Type.Optional(Type.String({ minLength: 10, maxLength: 40 })),
    timeoutSeconds: Type.Optional(Type.Integer({ minimum: 1, maximum: 86_400 })),
  },
  { additionalProperties: false },
);
export type JobCreateBody = Static<typeof JobCreateBody>;

const JobState = Type.Union(['queued', 'leased', 'running', 'succeeded', 'failed', 'timed_out', 'unknown'].map((s) => Type.Literal(s)));

export const JobListQuery = Type.Object(
  {
    asset: Type.Optional(Type.String({ maxLength: 64, description: 'asset id' })),
    state: Type.Optional(JobState),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type JobListQuery = Static<typeof JobListQuery>;

export const JobPage = Type.Object({ items: Type.Array(Type.Ref('Job')), nextCursor: Type.Optional(Type.String()) });
