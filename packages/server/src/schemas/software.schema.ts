import { Type, type Static } from '@fastify/type-provider-typebox';

const packageProps = {
  ecosystem: Type.String({ minLength: 1, maxLength: 100, description: 'OSV ecosystem, e.g. Debian:12, npm, PyPI' }),
  name: Type.String({ minLength: 1, maxLength: 512 }),
  version: Type.String({ minLength: 1, maxLength: 256 }),
  sourceName: Type.Optional(Type.String({ maxLength: 512 })),
  sourceVersion: Type.Optional(Type.String({ maxLength: 256 })),
  arch: Type.Optional(Type.String({ maxLength: 50 })),
  purl: Type.Optional(Type.String({ maxLength: 2048 })),
};

/** A package in responses (referenced as Package in the OpenAPI document). */
export const PackageSchema = Type.Object(packageProps, { additionalProperties: false, $id: 'Package' });
/** The same shape inline, for request bodies (typed, validated). */
export const PackageInput = Type.Object(packageProps, { additionalProperties: false });

export const InventoryBody = Type.Object({ packages: Type.Array(PackageInput, { maxItems: 100_000 }), observedAt: Type.Optional(Type.String({ maxLength: 40 })) }, { additionalProperties: false });
export type InventoryBody = Static<typeof InventoryBody>;

export const InventoryResult = Type.Object({ added: Type.Integer(), removed: Type.Integer(), changed: Type.Integer(), unchanged: Type.Integer() });

export const SoftwareQuery = Type.Object({ at: Type.Optional(Type.String({ maxLength: 40, description: 'ISO-8601 instant: software installed at that time' })) }, { additionalProperties: false });

export const SoftwareList = Type.Object({ assetId: Type.String(), at: Type.String(), packages: Type.Array(Type.Ref('Package')) });

export const ChangesQuery = Type.Object({ since: Type.Optional(Type.String({ maxLength: 40 })), until: Type.Optional(Type.String({ maxLength: 40 })) }, { additionalProperties: false });

export const ChangeList = Type.Object({
  changes: Type.Array(Type.Object({ at: Type.String(), kind: Type.String(), before: Type.Optional(Type.Ref('Package')), after: Type.Optional(Type.Ref('Package')) })),
});

export const ImportQuery = Type.Object(
  {
    format: Type.Optional(Type.String({ maxLength: 30, description: 'dpkg-status | rpm-qa | apk-installed | cyclonedx | spdx | npm-lock | requirements | poetry-lock; detected when absent' })),
  name: Type.Optional(Type.String({ minLength: 1, maxLength: 255, description: 'asset name (required for host formats)' })),
    ecosystem: Type.Optional(Type.String({ maxLength: 100, description: 'ecosystem for host formats, e.g. Debian:12' })),
    file: Type.Optional(Type.String({ maxLength: 255, description: 'original file name, used in error messages' })),
  },
  { additionalProperties: false },
);
export type ImportQuery = Static<typeof ImportQuery>;
