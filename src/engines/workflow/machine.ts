/**
 * Typed state machines for case work (mediation, appeal handling, match verification, lead
 * review). A workflow is declared as data — states and named transitions with the states they
 * leave from, the state they enter, whether a reason is required and which roles may fire
 * them — and applied as a pure function: `apply(instance, transition, context)` returns a new
 * instance with one more event, or coded issues. Nothing moves without an explicit, recorded
 * transition: every event keeps actor, role, time, reason, from and to (case C21: a resolved
 * mediation is reopened only by a `reopen` transition with its reason, and the timeline shows
 * both steps).
 */
import { issue, type Issue } from '../../core/errors.ts';
import { WorkflowErrors as E } from './errors.ts';

export interface TransitionDef<S extends string> {
  readonly from: readonly S[];
  readonly to: S;
  /** A non-empty reason must be given (reopen, reject, escalate, override …). */
  readonly requiresReason?: boolean;
  /** Roles allowed to fire it; absent = any role. */
  readonly roles?: readonly string[];
  readonly label?: { readonly zh: string; readonly en: string };
}

export interface WorkflowDef<S extends string, T extends string> {
  readonly name: string;
  readonly initial: S;
  readonly states: { readonly [K in S]: { readonly final?: boolean; readonly label?: { readonly zh: string; readonly en: string } } };
  readonly transitions: { readonly [K in T]: TransitionDef<S> };
}

/** One recorded step. `seq` starts at 1; the implicit creation is seq 0 with transition 'create'. */
export interface WorkflowEvent<S extends string = string, T extends string = string> {
  readonly seq: number;
  readonly transition: T | 'create';
  readonly from: S | null;
  readonly to: S;
  readonly actor: string;
  readonly role: string | null;
  /** ISO-8601 instant (UTC). */
  readonly at: string;
  readonly reason: string | null;
  readonly data?: Readonly<Record<string, unknown>>;
}

export interface WorkflowInstance<S extends string = string, T extends string = string> {
  readonly workflow: string;
  readonly state: S;
  /** Number of events; used for optimistic concurrency when persisted. */
  readonly version: number;
  readonly events: readonly WorkflowEvent<S, T>[];
}

export interface TransitionContext {
  readonly actor: string;
  readonly role?: string;
  readonly at: Date | string;
  readonly reason?: string;
  readonly data?: Readonly<Record<string, unknown>>;
}

export type ApplyResult<S extends string, T extends string> =
  | { readonly ok: true; readonly instance: WorkflowInstance<S, T>; readonly event: WorkflowEvent<S, T> }
  | { readonly ok: false; readonly errors: readonly Issue[] };

export interface Workflow<S extends string, T extends string> {
  readonly def: WorkflowDef<S, T>;
  /** Start an instance in the initial state, recording who created it and when. */
  create(context: Omit<TransitionContext, 'reason'> & { reason?: string }): WorkflowInstance<S, T>;
  /** Fire a named transition. Never throws for a refused transition: returns coded issues. */
  apply(instance: WorkflowInstance<S, T>, transition: T, context: TransitionContext): ApplyResult<S, T>;
  /** Transitions that the given role may fire from the instance's current state. */
  available(instance: WorkflowInstance<S, T>, role?: string): T[];
  /** Rebuild an instance from stored events, checking each step against the definition. */
  replay(events: readonly WorkflowEvent<S, T>[]): ApplyResult<S, T> | { ok: true; instance: WorkflowInstance<S, T> };
  isFinal(state: S): boolean;
}

const iso = (at: Date | string): string => (typeof at === 'string' ? new Date(at).toISOString() : at.toISOString());

/**
 * Declare a workflow. Throws at declaration time (a programming error) if a transition names
 * an unknown state or the initial state is unknown.
 */
export function defineWorkflow<S extends string, T extends string>(def: WorkflowDef<S, T>): Workflow<S, T> {
  const states = new Set(Object.keys(def.states));
  if (!states.has(def.initial)) throw new Error(`workflow ${def.name}: unknown initial state ${def.initial}`);
  for (const [name, t] of Object.entries(def.transitions) as [T, TransitionDef<S>][]) {
    for (const s of [...t.from, t.to]) if (!states.has(s)) throw new Error(`workflow ${def.name}: transition ${name} names unknown state ${s}`);
  }

  function check(instance: WorkflowInstance<S, T>, transition: T, ctx: TransitionContext): Issue[] {
    const t = (def.transitions as Record<string, TransitionDef<S> | undefined>)[transition];
    if (!t) return [issue(E.WORKFLOW_UNKNOWN_TRANSITION, { workflow: def.name, transition })];
    const errors: Issue[] = [];
    if (!ctx.actor?.trim()) errors.push(issue(E.WORKFLOW_ACTOR_REQUIRED, undefined, 'actor'));
    if (!t.from.includes(instance.state)) {
      errors.push(issue(E.WORKFLOW_TRANSITION_NOT_ALLOWED, { state: instance.state, transition, from: t.from.join(',') }));
    }
    if (t.requiresReason && !ctx.reason?.trim()) errors.push(issue(E.WORKFLOW_REASON_REQUIRED, { transition }, 'reason'));
    if (t.roles && !(ctx.role && t.roles.includes(ctx.role))) errors.push(issue(E.WORKFLOW_ROLE_FORBIDDEN, { role: ctx.role ?? '-', transition }));
    const previous = instance.events.at(-1)?.at;
    const at = iso(ctx.at);
    if (previous && at < previous) errors.push(issue(E.WORKFLOW_TIME_ORDER, { at, previous }, 'at'));
    return errors;
  }

  const workflow: Workflow<S, T> = {
    def,
    create(ctx) {
      const event: WorkflowEvent<S, T> = {
        seq: 0, transition: 'create', from: null, to: def.initial, actor: ctx.actor, role: ctx.role ?? null,
        at: iso(ctx.at), reason: ctx.reason?.trim() || null, ...(ctx.data ? { data: ctx.data } : {}),
      };
      return Object.freeze({ workflow: def.name, state: def.initial, version: 1, events: Object.freeze([event]) });
    },
    apply(instance, transition, ctx) {
      const errors = check(instance, transition, ctx);
      if (errors.length) return { ok: false, errors };
      const t = def.transitions[transition];
      const event: WorkflowEvent<S, T> = Object.freeze({
        seq: instance.events.length, transition, from: instance.state, to: t.to, actor: ctx.actor.trim(), role: ctx.role ?? null,
        at: iso(ctx.at), reason: ctx.reason?.trim() || null, ...(ctx.data ? { data: ctx.data } : {}),
      });
      const next = Object.freeze({ workflow: def.name, state: t.to, version: instance.version + 1, events: Object.freeze([...instance.events, event]) });
      return { ok: true, instance: next, event };
    },
    available(instance, role) {
      return (Object.entries(def.transitions) as [T, TransitionDef<S>][])
        .filter(([, t]) => t.from.includes(instance.state) && (!t.roles || (role !== undefined && t.roles.includes(role))))
        .map(([name]) => name);
    },
    replay(events) {
      const [first, ...rest] = events;
      if (!first || first.transition !== 'create') return { ok: false, errors: [issue(E.WORKFLOW_UNKNOWN_TRANSITION, { workflow: def.name, transition: 'create' })] };
      let instance = workflow.create({ actor: first.actor, ...(first.role ? { role: first.role } : {}), at: first.at, ...(first.reason ? { reason: first.reason } : {}), ...(first.data ? { data: first.data } : {}) });
      for (const e of rest) {
        const r = workflow.apply(instance, e.transition as T, { actor: e.actor, ...(e.role ? { role: e.role } : {}), at: e.at, ...(e.reason ? { reason: e.reason } : {}), ...(e.data ? { data: e.data } : {}) });
        if (!r.ok) return r;
        instance = r.instance;
      }
      return { ok: true, instance };
    },
    isFinal(state) {
      return def.states[state].final === true;
    },
  };
  return workflow;
}

/** The timeline of an instance as display rows (oldest first), labels in both languages. */
export function timeline<S extends string, T extends string>(wf: Workflow<S, T>, instance: WorkflowInstance<S, T>) {
  return instance.events.map((e) => ({
    ...e,
    label: e.transition === 'create' ? { zh: '创建', en: 'created' } : (wf.def.transitions[e.transition as T].label ?? { zh: e.transition, en: e.transition }),
  }));
}
