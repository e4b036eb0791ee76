export { assessFindings, type AssessInput, type Assessment, type AssessedFinding } from './assess-findings.js';
