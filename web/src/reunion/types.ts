/** Shapes of the reunion HTTP API (src/apps/reunion/README.md) as the pages read them. */

export type PostKind = 'familySearch' | 'childSearch';
export type PostState = 'searching' | 'candidate_review' | 'dna_comparison' | 'reunited' | 'closed';
export type CandidateReview = 'pending' | 'under_review' | 'rejected' | 'recommended' | 'dna_no_match' | 'confirmed';
export type CandidateTransition = 'openReview' | 'rejectCandidate' | 'recommendDna' | 'dnaNoMatch' | 'confirmReunited';

export const CONSENT_FIELDS = ['sex', 'name', 'nickname', 'formerName', 'birthDate', 'lossDate', 'lossPlace', 'heightCm', 'marks', 'dialect', 'memories', 'photos'] as const;
export type ConsentField = (typeof CONSENT_FIELDS)[number];

/** A date as the server returns it: Gregorian reading with precision and what was given. */
export interface PostDate {
  readonly year: number;
  readonly month?: number;
  readonly day?: number;
  readonly precision: string;
  readonly given: string;
  readonly calendar?: string;
}

/** GET /api/reunion/public/search results and /public/posts/:id. */
export interface PublicPost {
  readonly id: string;
  readonly kind: PostKind;
  readonly status: PostState;
  readonly postedOn: string;
  readonly published: {
    readonly sex?: 'male' | 'female';
    readonly name?: string;
    readonly nickname?: string;
    readonly formerName?: string;
    readonly birthDate?: PostDate;
    readonly lossDate?: PostDate;
    readonly lossPlace?: { readonly divisionCode: string; readonly name: string; readonly text?: string };
    readonly heightCm?: number;
    readonly marks?: string;
    readonly dialect?: string;
    readonly memories?: string;
    readonly photos?: readonly number[];
  };
}

export interface Contact {
  readonly name: string;
  readonly relation: string;
  readonly phone?: string;
  readonly address?: string;
}

/** GET /api/reunion/posts/:id (contacts masked). */
export interface PostView {
  readonly id: string;
  readonly kind: PostKind;
  readonly status: PostState;
  readonly sex: 'male' | 'female' | null;
  readonly name: string | null;
  readonly nameUnknown: boolean;
  readonly nickname: string | null;
  readonly formerName: string | null;
  readonly birthDate: PostDate | null;
  readonly lossDate: PostDate | null;
  readonly lostAt: string | null;
  readonly lossPlace: { readonly divisionCode: string; readonly text: string } | null;
  readonly heightCm: number | null;
  readonly marks: { readonly items: readonly { kind: string; bodyPart: string; description: string }[]; readonly text: string };
  readonly dialect: string | null;
  readonly memories: string;
  readonly relatives: readonly string[];
  readonly dnaStatus: string;
  readonly policeCaseNo: string | null;
  readonly contacts: readonly Contact[];
  readonly consent: Readonly<Record<ConsentField, boolean>>;
  readonly postedOn: string;
  readonly createdAt: string;
  readonly createdBy: string;
}

/** GET /api/reunion/posts rows. */
export interface PostSummary {
  readonly id: string;
  readonly kind: PostKind;
  readonly status: PostState;
  readonly sex: string | null;
  readonly name: string | null;
  readonly nickname: string | null;
  readonly birthYear: number | null;
  readonly lossYear: number | null;
  readonly lossDivision: string | null;
  readonly postedOn: string;
}

/** One field of a candidate's explanation (src/engines/resolve/explain.ts FieldExplanation). */
export interface FieldExplanation {
  readonly field: string;
  readonly left: string | null;
  readonly right: string | null;
  readonly level: string;
  readonly levelIndex: number | null;
  readonly m: number | null;
  readonly u: number | null;
  readonly weight: number;
}

/** A stored candidate (src/apps/reunion/candidateRanker.ts CandidateView). */
export interface Candidate {
  readonly candidateId: number;
  readonly postId: string;
  readonly childPostId: string;
  readonly familyPostId: string;
  readonly rank: number;
  readonly weight: number;
  readonly probability: number;
  readonly decision: string;
  readonly fields: readonly FieldExplanation[];
  readonly review: CandidateReview;
  readonly reviewedBy: string | null;
  readonly reviewedAt: string | null;
  readonly familyNotifiedAt: string | null;
  readonly runAt: string;
}

/** One step of a post's timeline. */
export interface TimelineEvent {
  readonly seq: number;
  readonly transition: string;
  readonly from: PostState | null;
  readonly to: PostState;
  readonly actor: string;
  readonly role: string | null;
  readonly at: string;
  readonly reason: string | null;
  readonly label: { readonly zh: string; readonly en: string };
}

export interface Timeline {
  readonly id: string;
  readonly state: PostState;
  readonly events: readonly TimelineEvent[];
}

/** GET /api/reunion/tips rows (contact masked). */
export interface TipView {
  readonly tipId: number;
  readonly postId: string;
  readonly text: string;
  readonly contact: string | null;
  readonly status: 'pending' | 'approved' | 'rejected';
  readonly submittedAt: string;
  readonly moderatedBy: string | null;
  readonly moderatedAt: string | null;
  readonly moderationReason: string | null;
}

export interface AlertRecipient {
  readonly subscriberId: number;
  readonly name?: string;
  readonly distanceKm: number;
  readonly channel: string;
  readonly status: string;
}

/** POST /api/reunion/posts/:id/alerts. */
export interface AlertView {
  readonly alertId: number;
  readonly postId: string;
  readonly sentAt: string;
  readonly elapsedMinutes: number;
  readonly radiusKm: number;
  readonly origin: { readonly divisionCode: string; readonly lat: number; readonly lon: number; readonly source: string };
  readonly recipients: readonly AlertRecipient[];
  readonly alreadyAlerted: number;
}

/** GET /api/reunion/alerts rows. */
export interface AlertLogEntry {
  readonly alertId: number;
  readonly postId: string;
  readonly sentAt: string;
  readonly elapsedMinutes: number;
  readonly radiusKm: number;
  readonly originCode: string;
  readonly recipients: readonly AlertRecipient[];
  readonly actor: string;
}

export interface Subscriber {
  readonly subscriberId: number;
  readonly name: string;
  readonly channel: string;
  readonly address: string;
  readonly divisionCode: string;
  readonly lat: number | null;
  readonly lon: number | null;
  readonly active: boolean;
}
