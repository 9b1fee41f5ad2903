export * from './machine.ts';
export * from './sla.ts';
export { WorkflowErrors } from './errors.ts';
