// Public API of policy: VEX statements, risk acceptances and the remediation plan.
export {
  applyVex,
  VEX_STATUSES,
  VEX_JUSTIFICATIONS,
  type VexStatement,
  type VexStatus,
  type VexJustification,
  type VexProvenance,
  type VexVersionEntry,
  type ComponentRef,
  type ProductRef,
  type AssetRefsById,
  type ApplyVexOptions,
  type VexApplication,
} from './vex.js';
export { parsePurl, makePurl, formatPurl, type Purl } from './purl.js';
export { purlCovers, purlsOfPackage } from './purl-match.js';
export {
  validateAcceptance,
  listAcceptanceProblems,
  isAcceptanceActive,
  acceptanceScopeCovers,
  applyAcceptances,
  E_EXCEPTION_INVALID,
  E_EXCEPTION_SELF_APPROVAL,
  type RiskAcceptance,
  type AcceptanceScope,
  type AcceptanceProblem,
  type AcceptanceApplication,
} from './exception.js';
export {
  buildRemediationPlan,
  highestVersion,
  type RemediationItem,
  type RemediationAction,
  type RemediationActionKind,
  type BuildRemediationPlanOptions,
} from './remediation-plan.js';
