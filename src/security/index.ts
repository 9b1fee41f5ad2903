/**
 * The security module (users, roles, sessions, policies, masking, audit log) as a
 * GongzhiModule, and its public API for other modules.
 */
import type { GongzhiModule } from '../platform/module.ts';
import { securityCommands } from './cli.ts';
import { securityRoutes } from './routes.ts';
import { securityMigrations } from './schema.ts';

/** Migrations 202611300100_security_*, routes /api/auth, /api/audit, /api/users, commands `user` and `audit`. */
export const securityModule: GongzhiModule = {
  name: 'security',
  migrations: securityMigrations,
  routes: securityRoutes,
  commands: securityCommands,
};

export { requireAccess, auditRead, auditRefusal, statedPurpose, type AccessGrant } from './access.ts';
export { appendAudit, listAudit, type AuditEntry, type AuditEntryInput } from './audit.ts';
export { verifyAuditLog, type AuditVerification, type AuditAnchor, type AuditProblem } from './auditVerify.ts';
export { maskAddress, maskFor, maskIdNumber, maskName, maskPhone, disclosureFor, DISCLOSURE, PERSONAL_FIELDS } from './masking.ts';
export { authorize, findPolicy, POLICIES, ROLES, ROLE_LABELS, MIN_PURPOSE_LENGTH, type Action, type Decision, type RecordKind, type Role } from './policies.ts';
export { createSession, deleteSession, resolveSession, SESSION_COOKIE } from './sessions.ts';
export { authenticate, createUser, ensureDemoUsers, listUsers, setPassword, setUserDisabled, demoCredentialsPath, type SessionUser, type UserSummary, type DemoCredential } from './users.ts';
export { SecurityErrors } from './errors.ts';
