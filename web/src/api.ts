// The API client: same origin, the session cookie sent by the browser, the
// CSRF token on every request that changes something (docs/api.md, "Sessions").
// Every failure becomes an ApiError carrying the API's `code` and `field`, from
// which the UI chooses its Danish or English text (see errorText).
import type { TFunction } from "i18next";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly field?: string,
    readonly reason?: string,
  ) {
    super(`${status} ${code}${field ? ` (${field})` : ""}`);
  }
}

let csrfToken = "";
export function setCsrfToken(token: string): void {
  csrfToken = token;
}

// Called when any request finds the session gone, so the app can show the sign-in form.
let onUnauthenticated: () => void = () => {};
export function whenUnauthenticated(handler: () => void): void {
  onUnauthenticated = handler;
}

// `extra`: further headers, e.g. X-Trygnet-Purpose for a network analysis.
export async function request<T>(method: string, path: string, body?: unknown, extra?: Record<string, string>): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json", ...extra };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (method !== "GET" && method !== "HEAD" && csrfToken) headers["X-CSRF-Token"] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: "same-origin",
    });
  } catch {
    throw new ApiError(0, "network");
  }
  if (!response.ok) {
    const failure = await failureOf(response);
    if (failure.code === "unauthenticated" && path !== "/api/v1/session") onUnauthenticated();
    throw failure;
  }
  if (response.status === 204) return undefined as T;
  try {
    return (await response.json()) as T;
  } catch {
    throw new ApiError(response.status, "unknown");
  }
}

// The API's error body ({"error": {code, field, reason}}) as an ApiError.
export async function failureOf(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as { error?: { code?: string; field?: string; reason?: string } };
    return new ApiError(response.status, body.error?.code ?? "unknown", body.error?.field, body.error?.reason);
  } catch {
    return new ApiError(response.status, "unknown");
  }
}

// The user's text for a failure: by the API's code, with the field it names.
export function errorText(t: TFunction, error: unknown): string {
  if (!(error instanceof ApiError)) return t("errors.unknown", { code: String(error) });
  const key = `errors.${error.code}`;
  const field = error.field ? fieldText(t, error.field) : "";
  const text = t(key, { field, code: error.code });
  return text === key ? t("errors.unknown", { code: error.code }) : text;
}

// A field the API names, in words: "decisions[1].area_id" → "Beslutninger 2: Område".
function fieldText(t: TFunction, field: string): string {
  return field
    .split(".")
    .map((part) => {
      const indexed = part.match(/^([a-z_]+)\[(\d+)\]$/);
      const name = indexed ? indexed[1] : part;
      const words = t(`fields.${name}`, { defaultValue: name });
      return indexed ? `${words} ${Number(indexed[2]) + 1}` : words;
    })
    .join(": ");
}

export interface User {
  username: string;
  display_name: string;
  unit_id: string;
  roles: string[];
  disabled: boolean;
}

// A name in the partnership's vocabulary, in Danish and English.
export interface Label {
  id: string;
  name: string;
  name_en: string;
}

export interface MeasureType extends Label {
  unit_ids: string[]; // the units that carry it out
}

export interface AreaLabel {
  id: string;
  name: string;
  kind: "district" | "focus_area" | "other";
  parent_id: string | null;
}

export interface Session {
  csrf_token?: string;
  demo: boolean;
  partnership_id: string | null;
  user: User;
  unit: Label | null;
  units: Label[];
  areas: AreaLabel[];
  measure_types: MeasureType[];
  grants: string[]; // "read:case", …: what the user's roles grant (the server still decides each request)
  purposes: string[]; // what X-Trygnet-Purpose may say
  partnership_period: { from: string; to: string } | null;
}

// Whether the user's roles grant e.g. "read:case": for what the UI offers, never for access.
export function can(session: Session, grant: string): boolean {
  return session.grants.includes(grant);
}

export interface Measure {
  id: number;
  person_id: number;
  case_id: number | null;
  measure_type_id: string;
  assigned_unit_id: string;
  due_on: string;
  status: "planned" | "in_progress" | "done" | "declined" | "not_reached";
}

export type MeasureStatus = Measure["status"];

export interface MeasureStatusStep {
  status: MeasureStatus;
  completed_on: string | null;
  outcome: string | null;
  note: string | null;
  changed_by: string;
  recorded_at: string;
}

export interface MeasureDetail extends Measure {
  outcome: string | null;
  note: string | null;
  created_by: string;
  rule_id: string | null;
  status_history: MeasureStatusStep[];
}

export interface Page<T> {
  items: T[];
  offset: number;
  limit: number;
  next_offset: number | null;
}

export interface Person {
  id: number;
  given_name: string;
  family_name: string;
  cpr: string | null;
  birth_date: string;
  age: number;
  under_18: boolean;
  residence_area_id: string | null;
}

export interface Criterion {
  kind: string;
  source: string;
  observed_on: string;
}

export interface Registration {
  id: number;
  version: number;
  person_id: number;
  group_id: number | null;
  role: string;
  criteria: Criterion[];
  justification: string;
  registering_officer: string;
  validating_officer: string | null;
  valid_from: string;
  valid_to: string | null;
  validated_on: string | null;
  removal_reason: string | null;
  removal_note: string | null;
  review_due: string;
  recorded_at: string;
  superseded_at: string | null;
}

// Every page of a paged list (docs/api.md, "Lists and paging"), up to `max` items.
export async function allPages<T>(path: string, max = 5000): Promise<{ items: T[]; complete: boolean }> {
  const items: T[] = [];
  let offset: number | null = 0;
  const separator = path.includes("?") ? "&" : "?";
  while (offset !== null && items.length < max) {
    const page: Page<T> = await request<Page<T>>("GET", `${path}${separator}offset=${offset}&limit=500`);
    items.push(...page.items);
    offset = page.next_offset;
  }
  return { items, complete: offset === null };
}

export interface CaseFlags {
  first_contact: boolean;
  arrested_remanded_imprisoned: boolean;
  leading_member: boolean;
  exit_motivated: boolean;
}

export interface CaseFile {
  id: number;
  person_id: number;
  track: string;
  level: number;
  owning_unit_id: string;
  flags: CaseFlags;
  opened_on: string;
  closed_on: string | null;
  close_reason: string | null;
  opened_by: string;
}

export interface FlagChange {
  flag: "leading_member" | "exit_motivated";
  value: boolean;
  reason: string;
  set_on: string;
  set_by: string;
  set_by_unit_id: string;
}

export interface CaseDetail extends CaseFile {
  flag_changes: FlagChange[];
}

export interface Assessment {
  version: number;
  assessed_on: string;
  life_situation: { school: string; job: string; housing: string; family: string };
  risk_factors: string[];
  protective_factors: string[];
  criminal_history: string;
  network_summary: string;
  participant_unit_ids: string[];
  recorded_by: string;
  recorded_at: string;
}

export interface Observation {
  id: number;
  observed_at: string;
  area_id: string | null;
  source: string;
  person_ids: number[];
}

export const responseRoles = ["police", "street_workers", "ssp", "staff_18plus", "hospital_presence"] as const;
export type ResponseRole = (typeof responseRoles)[number];

export interface Incident {
  id: number;
  kind: "violent_conflict" | "public_gathering";
  occurred_at: string;
  area_id: string | null;
  place: string;
  person_count: number;
  group_count: number;
  person_ids?: number[];
  group_ids?: number[];
  withheld?: { fields: string[]; reason: string };
  responses: { at: string; role: ResponseRole; unit_id: string; note: string }[];
  minutes_to_first_response: Record<ResponseRole, number | null>;
  closed_at: string | null;
  after_action_note: string | null;
  recorded_by: string;
  recorded_by_unit_id: string | null;
}

// A datetime-local value (the browser's local time) as the API's instant, YYYY-MM-DDTHH:MM:SSZ.
export function toInstant(local: string): string {
  return new Date(local).toISOString().replace(/\.\d{3}Z$/, "Z");
}

// Now as a datetime-local value, to the minute.
export function localNow(): string {
  const now = new Date();
  now.setMinutes(now.getMinutes() - now.getTimezoneOffset());
  return now.toISOString().slice(0, 16);
}

export interface MeetingDue {
  meeting_type_id: string;
  name: string;
  name_en: string;
  year: number;
  held_this_year: number;
  min_per_year: number | null;
  max_per_year: number | null;
  last_held_on: string | null;
  next_due_on: string | null;
  status: "as_needed" | "on_track" | "due_soon" | "overdue" | "above_maximum";
}

export const decisionKinds = ["general", "focus_area_add", "focus_area_end"] as const;
export type DecisionKind = (typeof decisionKinds)[number];

export interface Decision {
  kind: DecisionKind;
  text: string;
  area_id: string | null;
  effective_on: string | null;
}

export interface Meeting {
  id: number;
  meeting_type_id: string;
  held_on: string;
  attending_unit_ids: string[];
  minutes: string;
  decisions: Decision[];
  recorded_by: string;
}

export interface Indicator {
  id: string;
  name: string;
  name_en: string;
  unit: "count" | "per_1000" | "percent" | string;
  value: number | null;
  area?: string;
  explanation: string;
  period_from: string;
  period_to: string;
  baseline?: { date: string; value: number; source: string; note: string };
}

export interface IndicatorSet {
  as_of: string;
  known_at: string;
  indicators: Indicator[];
}

export interface AuditEntry {
  sequence: number;
  at: string;
  user: string;
  unit: string;
  action: string;
  resource: string;
  person_id: number | null;
  purpose: string;
  legal_basis: string | null;
  outcome: "allowed" | "denied" | string;
  reason: string | null;
}

export interface AreaCount {
  count: number | null;
  under_5: boolean;
}

export interface AreaFeature {
  type: "Feature";
  id: string;
  geometry: { type: "Polygon"; coordinates: number[][][] } | null;
  properties: {
    id: string;
    name: string;
    kind: "district" | "focus_area" | "other";
    parent_id: string | null;
    in_focus: boolean;
    observations?: AreaCount;
    incidents?: AreaCount;
  };
}

export interface AreaCollection {
  type: "FeatureCollection";
  as_of: string;
  from: string;
  with_counts: boolean;
  counts_note: string | null;
  features: AreaFeature[];
}

// A person in a network result: named (id and name) or a pseudonym only.
export interface PersonRef {
  id?: number;
  name?: string;
  pseudonym?: string | null;
}

export interface NetworkTie {
  with: PersonRef;
  count: number;
  weight: number;
  first_seen: string;
  last_seen: string;
  observation_ids: number[];
}

export interface NetworkPerson extends PersonRef {
  under_18: boolean;
  registered?: boolean;
  has_case?: boolean;
  group_ids?: number[];
  measures: { degree: number; strength: number; pagerank: number; betweenness_normalised: number; community: number;
    participation: number };
  ties_total: number;
  ties: NetworkTie[];
}

export interface NetworkResult {
  notice: { da: string; en: string };
  request: { as_of: string; from: string; areas: string[] };
  network: { observations: number; persons: number; ties: number; components: number; modularity: number;
    seconds_build: number; seconds_measures: number };
  betweenness: { exact_components: number; components: { persons: number; method: "exact" | "sampled"; pivots?: number;
    error_bound?: number; confidence?: number }[] };
  top: { pagerank: PersonRef[]; betweenness: PersonRef[]; strength: PersonRef[] };
  communities: { community: number; persons: number; internal_weight: number; external_weight: number }[];
  groups: { group_id: number; name: string; members_in_network: number; internal_weight: number; external_weight: number;
    central_members: PersonRef[] }[];
  brokers: { person: PersonRef; spread: number; groups: { group_id: number; members_met: number; weight: number }[] }[];
  drifting_in: { person: PersonRef; members_met: number; new_recently: number; recent_days: number;
    growth: { quarter: string; members: number }[] }[];
  persons: NetworkPerson[];
}
