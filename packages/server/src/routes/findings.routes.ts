import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@fastify/type-provider-typebox';
import { parseInstant, type Clock, type RiskPolicy } from '@patchloop/core';
import type { Store } from '@patchloop/store';
import { ErrorResponse } from '../schemas/common.schema.js';
import { FindingsQuery, PlanQuery } from '../schemas/finding.schema.js';
import { assessStoredFindings } from '../assess/assessment.service.js';
import { toScanFindings } from '../scan/scan-report.js';

/** Findings ranked by risk, one vulnerability across all asset kinds, and the remediation plan. */
export const findingsRoutes: FastifyPluginAsyncTypebox<{ store: Store; clock: Clock; policy?: RiskPolicy }> = async (app, { store, clock, policy }) => {
  const errors = { 200: Type.Unknown(), 400: ErrorResponse, 401: ErrorResponse, 404: ErrorResponse };

  app.get('/api/v1/findings', { schema: { tags: ['findings'], summary: 'Open findings ranked by priority, with SSVC outcome, due date and explanation', querystring: FindingsQuery, response: errors } }, async (req) => {
    const q = req.query;
    const dueBefore = q.dueBefore ? parseInstant(q.dueBefore, 'dueBefore') : undefined;
    const { assessment } = await assessStoredFindings(store, { ...(q.asset ? { assetId: q.asset } : {}), ...(q.group ? { group: q.group } : {}), ...(q.vulnerability ? { vulnerabilityId: q.vulnerability } : {}) }, clock.nowIso(), policy);
    const rows = assessment.assessed
      .filter((a) => !q.outcome || a.priority.ssvc.outcome === q.outcome)
      .filter((a) => q.kev === undefined || (a.profile.kev !== undefined) === q.kev)
      .filter((a) => !dueBefore || a.due.dueDate < dueBefore);
    const offset = q.offset ?? 0;
    const page = rows.slice(offset, offset + (q.limit ?? 100));
    return {
      total: rows.length,
      suppressedByVex: assessment.suppressed.length,
      acceptedRisk: assessment.accepted.length,
      findings: page.map((a) => ({ assetId: a.finding.assetId, firstSeen: a.firstSeen, ...toScanFindings({ ...assessment, assessed: [a] })[0]! })),
    };
  });

  app.get('/api/v1/vulnerabilities/:id', { schema: { tags: ['findings'], summary: 'One vulnerability across hosts, images and applications', params: Type.Object({ id: Type.String({ minLength: 3, maxLength: 100 }) }), response: errors } }, async (req) => {
    const { assessment, assets } = await assessStoredFindings(store, { vulnerabilityId: req.params.id }, clock.nowIso(), policy);
    const byKind: Record<string, Set<string>> = { host: new Set(), image: new Set(), application: new Set() };
    for (const a of assessment.assessed) byKind[assets.get(a.finding.assetId)?.kind ?? 'host']!.add(a.finding.assetId);
    const counts = { hosts: byKind.host!.size, images: byKind.image!.size, applications: byKind.application!.size };
    const top = assessment.assessed[0];
    return {
      vulnerabilityId: req.params.id.toUpperCase(),
      summary: `${req.params.id.toUpperCase()}: ${counts.hosts} hosts, ${counts.images} images, ${counts.applications} applications`,
      ...counts,
      profile: top ? { cvss: top.profile.cvss?.cvss ?? null, epss: top.profile.epss ?? null, kev: top.profile.kev ?? null, ssvc: top.profile.ssvc } : null,
      packages: [...new Set(assessment.assessed.map((a) => `${a.finding.package.ecosystem} ${a.finding.package.name} ${a.finding.package.version}`))].sort(),
      suppressedByVex: assessment.suppressed.length,
      acceptedRisk: assessment.accepted.length,
    };
  });

  app.get('/api/v1/remediation-plan', { schema: { tags: ['findings'], summary: 'Fix actions ordered by risk removed', querystring: PlanQuery, response: errors } }, async (req) => {
    const { assessment } = await assessStoredFindings(store, { ...(req.query.asset ? { assetId: req.query.asset } : {}), ...(req.query.group ? { group: req.query.group } : {}) }, clock.nowIso(), policy);
    return { actions: assessment.plan.slice(0, req.query.limit ?? 50), total: assessment.plan.length };
  });
};
