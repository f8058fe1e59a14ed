#include "store/sqlite/migrations.h"

namespace trygnet::sqlite {
namespace {

// Dates are ISO text (YYYY-MM-DD, ordered as text), instants are integer Unix
// seconds, lists of plain values are JSON text. Types and SQL are kept to
// what PostgreSQL also accepts, except STRICT / WITHOUT ROWID (SQLite only).
constexpr std::string_view kInitialSchema = R"sql(
CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE partnerships (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  period_from TEXT NOT NULL,
  period_to TEXT NOT NULL,
  definition TEXT NOT NULL,
  loaded_at INTEGER NOT NULL
) STRICT;

CREATE TABLE units (
  id TEXT PRIMARY KEY,
  organisation_id TEXT NOT NULL,
  organisation_name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('police', 'municipal', 'prison_service', 'external')),
  name TEXT NOT NULL
) STRICT;

CREATE TABLE areas (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  parent_id TEXT REFERENCES areas(id)
) STRICT;

CREATE TABLE area_focus (
  partnership_id TEXT NOT NULL REFERENCES partnerships(id),
  area_id TEXT NOT NULL REFERENCES areas(id),
  valid_from TEXT NOT NULL,
  valid_to TEXT,
  decision TEXT NOT NULL,
  PRIMARY KEY (partnership_id, area_id, valid_from)
) STRICT;

CREATE TABLE users (
  username TEXT PRIMARY KEY,
  display_name TEXT NOT NULL,
  unit_id TEXT NOT NULL REFERENCES units(id),
  roles TEXT NOT NULL,
  disabled INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL
) STRICT;

-- Identity fields are AEAD ciphertexts bound to column and row; cpr_index is
-- a keyed hash for lookups by CPR number.
CREATE TABLE persons (
  id INTEGER PRIMARY KEY,
  given_name BLOB NOT NULL,
  family_name BLOB NOT NULL,
  birth_date BLOB NOT NULL,
  cpr BLOB,
  cpr_index BLOB UNIQUE,
  residence_area_id TEXT REFERENCES areas(id),
  recorded_at INTEGER NOT NULL
) STRICT;

CREATE TABLE crime_groups (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  aliases TEXT NOT NULL,
  home_area_ids TEXT NOT NULL,
  recorded_at INTEGER NOT NULL
) STRICT;

CREATE TABLE group_lineage (
  group_id INTEGER NOT NULL REFERENCES crime_groups(id),
  source_group_id INTEGER NOT NULL REFERENCES crime_groups(id),
  kind TEXT NOT NULL CHECK (kind IN ('split_from', 'merged_from', 'renamed_from')),
  on_date TEXT NOT NULL,
  PRIMARY KEY (group_id, source_group_id)
) STRICT;

-- Bitemporal: one row per recorded belief (version). valid_from/valid_to is
-- world time, recorded_at/superseded_at is system time. Rows are never
-- updated except to close superseded_at when a newer version is recorded.
CREATE TABLE registrations (
  version_id INTEGER PRIMARY KEY,
  registration_id INTEGER NOT NULL,
  partnership_id TEXT NOT NULL REFERENCES partnerships(id),
  person_id INTEGER NOT NULL REFERENCES persons(id),
  group_id INTEGER REFERENCES crime_groups(id),
  role TEXT NOT NULL CHECK (role IN ('member', 'associate', 'young_potential_member', 'at_risk_victim')),
  justification TEXT NOT NULL,
  registering_officer TEXT NOT NULL,
  validating_officer TEXT,
  validated_on TEXT,
  valid_from TEXT NOT NULL,
  valid_to TEXT,
  removal_reason TEXT,
  removal_note TEXT NOT NULL DEFAULT '',
  review_due TEXT NOT NULL,
  recorded_at INTEGER NOT NULL,
  superseded_at INTEGER,
  CHECK (validating_officer IS NULL OR validating_officer <> registering_officer),
  CHECK ((valid_to IS NULL) = (removal_reason IS NULL))
) STRICT;
CREATE INDEX registrations_by_registration ON registrations(registration_id, superseded_at);
CREATE INDEX registrations_by_person ON registrations(person_id);
CREATE INDEX registrations_by_time ON registrations(valid_from, valid_to);

CREATE TABLE registration_criteria (
  version_id INTEGER NOT NULL REFERENCES registrations(version_id),
  position INTEGER NOT NULL,
  kind TEXT NOT NULL,
  source TEXT NOT NULL,
  observed_on TEXT NOT NULL,
  PRIMARY KEY (version_id, position)
) STRICT, WITHOUT ROWID;

-- An observation is one row, with the persons present as a JSON array of
-- person ids: the network is built by scanning these rows in one pass.
CREATE TABLE observations (
  id INTEGER PRIMARY KEY,
  observed_at INTEGER NOT NULL,
  area_id TEXT REFERENCES areas(id),
  lon REAL,
  lat REAL,
  source TEXT NOT NULL,
  recorded_by TEXT NOT NULL,
  recorded_at INTEGER NOT NULL,
  person_ids TEXT NOT NULL
) STRICT;

-- Derived from observations.person_ids: which observations a person was seen
-- in. Written with each observation, or rebuilt in one sorted pass after a
-- bulk load (docs/decisions/0005-observation-storage.md).
CREATE TABLE observation_persons (
  person_id INTEGER NOT NULL REFERENCES persons(id),
  observation_id INTEGER NOT NULL,
  PRIMARY KEY (person_id, observation_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE cases (
  id INTEGER PRIMARY KEY,
  partnership_id TEXT NOT NULL REFERENCES partnerships(id),
  person_id INTEGER NOT NULL REFERENCES persons(id),
  track TEXT NOT NULL CHECK (track IN ('under18_ssp', 'over18_ssp_plus', 'exit', 'investigation')),
  level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 3),
  owning_unit_id TEXT NOT NULL REFERENCES units(id),
  first_contact INTEGER NOT NULL,
  arrested_remanded_imprisoned INTEGER NOT NULL,
  leading_member INTEGER NOT NULL,
  exit_motivated INTEGER NOT NULL,
  opened_on TEXT NOT NULL,
  closed_on TEXT,
  close_reason TEXT NOT NULL DEFAULT '',
  opened_by TEXT NOT NULL,
  recorded_at INTEGER NOT NULL
) STRICT;
CREATE INDEX cases_by_person ON cases(person_id);

CREATE TABLE assessments (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id),
  version INTEGER NOT NULL,
  assessed_on TEXT NOT NULL,
  school TEXT NOT NULL,
  job TEXT NOT NULL,
  housing TEXT NOT NULL,
  family TEXT NOT NULL,
  risk_factors TEXT NOT NULL,
  protective_factors TEXT NOT NULL,
  criminal_history TEXT NOT NULL,
  network_summary TEXT NOT NULL,
  participant_unit_ids TEXT NOT NULL,
  recorded_by TEXT NOT NULL,
  recorded_at INTEGER NOT NULL,
  UNIQUE (case_id, version)
) STRICT;

CREATE TABLE measures (
  id INTEGER PRIMARY KEY,
  partnership_id TEXT NOT NULL REFERENCES partnerships(id),
  person_id INTEGER NOT NULL REFERENCES persons(id),
  case_id INTEGER REFERENCES cases(id),
  measure_type_id TEXT NOT NULL,
  assigned_unit_id TEXT NOT NULL REFERENCES units(id),
  due_on TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('planned', 'in_progress', 'done', 'declined', 'not_reached')),
  completed_on TEXT,
  outcome TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  created_by TEXT NOT NULL,
  recorded_at INTEGER NOT NULL
) STRICT;
CREATE INDEX measures_by_person ON measures(person_id);
CREATE INDEX measures_by_type ON measures(measure_type_id, status, completed_on);

CREATE TABLE incidents (
  id INTEGER PRIMARY KEY,
  partnership_id TEXT NOT NULL REFERENCES partnerships(id),
  kind TEXT NOT NULL CHECK (kind IN ('violent_conflict', 'public_gathering')),
  occurred_at INTEGER NOT NULL,
  area_id TEXT REFERENCES areas(id),
  place TEXT NOT NULL,
  person_ids TEXT NOT NULL,
  group_ids TEXT NOT NULL,
  responses TEXT NOT NULL,
  closed_at INTEGER,
  after_action_note TEXT NOT NULL DEFAULT '',
  recorded_by TEXT NOT NULL,
  recorded_at INTEGER NOT NULL
) STRICT;

CREATE TABLE meetings (
  id INTEGER PRIMARY KEY,
  partnership_id TEXT NOT NULL REFERENCES partnerships(id),
  meeting_type_id TEXT NOT NULL,
  held_on TEXT NOT NULL,
  attending_unit_ids TEXT NOT NULL,
  minutes TEXT NOT NULL,
  decisions TEXT NOT NULL,
  recorded_by TEXT NOT NULL,
  recorded_at INTEGER NOT NULL
) STRICT;
CREATE INDEX meetings_by_type ON meetings(partnership_id, meeting_type_id, held_on);

CREATE TABLE disclosures (
  id INTEGER PRIMARY KEY,
  partnership_id TEXT NOT NULL REFERENCES partnerships(id),
  from_unit_id TEXT NOT NULL REFERENCES units(id),
  to_unit_id TEXT NOT NULL REFERENCES units(id),
  person_id INTEGER NOT NULL REFERENCES persons(id),
  data_categories TEXT NOT NULL,
  legal_basis_id TEXT NOT NULL,
  purpose TEXT NOT NULL,
  disclosed_by TEXT NOT NULL,
  disclosed_at INTEGER NOT NULL
) STRICT;
CREATE INDEX disclosures_by_person ON disclosures(person_id);
)sql";

// Append-only: the store only ever inserts here. The anchor (count, last hash
// and a MAC under the key) lives in meta.audit_anchor.
constexpr std::string_view kAuditLog = R"sql(
CREATE TABLE audit_log (
  sequence INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  user_name TEXT NOT NULL,
  unit TEXT NOT NULL,
  action TEXT NOT NULL,
  resource TEXT NOT NULL,
  person_id INTEGER,
  purpose TEXT NOT NULL,
  legal_basis TEXT NOT NULL,
  outcome TEXT NOT NULL,
  reason TEXT NOT NULL,
  previous_hash BLOB NOT NULL,
  hash BLOB NOT NULL
) STRICT;
CREATE INDEX audit_log_by_person ON audit_log(person_id, sequence);
CREATE INDEX audit_log_by_user ON audit_log(user_name, sequence);
CREATE INDEX audit_log_by_time ON audit_log(at);
)sql";

// Sign-in: password hashes (Argon2id), TOTP secrets (sealed like identity
// fields), lock-out state, and API tokens stored only as SHA-256 hashes.
constexpr std::string_view kCredentials = R"sql(
CREATE TABLE credentials (
  username TEXT PRIMARY KEY REFERENCES users(username),
  password_hash TEXT NOT NULL,
  totp_secret BLOB,
  totp_last_step INTEGER,
  failed_attempts INTEGER NOT NULL DEFAULT 0,
  locked_until INTEGER,
  password_changed_at INTEGER NOT NULL
) STRICT;

CREATE TABLE api_tokens (
  token_hash BLOB PRIMARY KEY,
  username TEXT NOT NULL REFERENCES users(username),
  created_at INTEGER NOT NULL,
  revoked_at INTEGER
) STRICT;
CREATE INDEX api_tokens_by_user ON api_tokens(username);
)sql";

// The unit that entered a person holds the person's identity (access policy).
constexpr std::string_view kPersonRecordedBy = R"sql(
ALTER TABLE persons ADD COLUMN recorded_by_unit TEXT NOT NULL DEFAULT '';
)sql";

// Custody events, the trigger rules' firings (each fact acts once) and what a
// measure was created from; a unit's work queue is read by unit and due date.
constexpr std::string_view kTriggers = R"sql(
CREATE TABLE custody_events (
  id INTEGER PRIMARY KEY,
  partnership_id TEXT NOT NULL REFERENCES partnerships(id),
  person_id INTEGER NOT NULL REFERENCES persons(id),
  kind TEXT NOT NULL CHECK (kind IN ('arrested', 'remanded', 'imprisoned', 'released')),
  occurred_on TEXT NOT NULL,
  note TEXT NOT NULL,
  recorded_by TEXT NOT NULL,
  recorded_at INTEGER NOT NULL
) STRICT;
CREATE INDEX custody_events_by_person ON custody_events(person_id);
CREATE INDEX custody_events_by_date ON custody_events(partnership_id, occurred_on);

CREATE TABLE trigger_firings (
  partnership_id TEXT NOT NULL REFERENCES partnerships(id),
  rule_id TEXT NOT NULL,
  fact_key TEXT NOT NULL,
  person_id INTEGER NOT NULL REFERENCES persons(id),
  fact_on TEXT NOT NULL,
  fired_at INTEGER NOT NULL,
  PRIMARY KEY (partnership_id, rule_id, fact_key)
) STRICT, WITHOUT ROWID;
CREATE INDEX trigger_firings_by_person ON trigger_firings(partnership_id, rule_id, person_id, fact_on);

ALTER TABLE measures ADD COLUMN rule_id TEXT NOT NULL DEFAULT '';
ALTER TABLE measures ADD COLUMN facts TEXT NOT NULL DEFAULT '';
CREATE INDEX measures_by_unit ON measures(assigned_unit_id, status, due_on);
)sql";

// Case work, incidents and meetings through the API: who set a case flag and
// why; which unit recorded an incident; meeting decisions that change an
// area's geographic focus (applied over the definition's focus periods).
constexpr std::string_view kCaseWork = R"sql(
CREATE TABLE case_flag_changes (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id),
  flag TEXT NOT NULL CHECK (flag IN ('leading_member', 'exit_motivated')),
  value INTEGER NOT NULL,
  reason TEXT NOT NULL,
  set_on TEXT NOT NULL,
  set_by TEXT NOT NULL,
  set_by_unit_id TEXT NOT NULL,
  recorded_at INTEGER NOT NULL
) STRICT;
CREATE INDEX case_flag_changes_by_case ON case_flag_changes(case_id);

ALTER TABLE incidents ADD COLUMN recorded_by_unit TEXT NOT NULL DEFAULT '';
CREATE INDEX incidents_by_time ON incidents(partnership_id, occurred_at);

CREATE TABLE focus_changes (
  id INTEGER PRIMARY KEY,
  partnership_id TEXT NOT NULL REFERENCES partnerships(id),
  area_id TEXT NOT NULL REFERENCES areas(id),
  in_focus INTEGER NOT NULL,
  effective_on TEXT NOT NULL,
  decision TEXT NOT NULL,
  meeting_id INTEGER NOT NULL REFERENCES meetings(id)
) STRICT;
CREATE INDEX focus_changes_by_area ON focus_changes(partnership_id, area_id, effective_on);
)sql";

// Statistics from outside (population, police report counts, survey
// results) per area and year, each row with the import it came in. A later
// import of the same figure supersedes it from its recorded_at on.
constexpr std::string_view kStatistics = R"sql(
CREATE TABLE statistics_imports (
  id INTEGER PRIMARY KEY,
  partnership_id TEXT NOT NULL REFERENCES partnerships(id),
  dataset TEXT NOT NULL,
  source TEXT NOT NULL,
  file_name TEXT NOT NULL,
  rows INTEGER NOT NULL,
  imported_by TEXT NOT NULL,
  recorded_at INTEGER NOT NULL
) STRICT;

CREATE TABLE area_statistics (
  import_id INTEGER NOT NULL REFERENCES statistics_imports(id),
  partnership_id TEXT NOT NULL REFERENCES partnerships(id),
  area_id TEXT NOT NULL REFERENCES areas(id),
  year INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('population', 'citizen_crime_reports', 'survey_respondents', 'survey_insecure')),
  value REAL NOT NULL,
  recorded_at INTEGER NOT NULL
) STRICT;
CREATE INDEX area_statistics_lookup ON area_statistics(partnership_id, area_id, kind, year, recorded_at);
)sql";

// A measure's status steps, so counts "as known at" a past moment do not
// change when a measure is reported done later. Existing measures get one
// step: their current status, as recorded when they were created.
constexpr std::string_view kMeasureHistory = R"sql(
CREATE TABLE measure_status_changes (
  id INTEGER PRIMARY KEY,
  measure_id INTEGER NOT NULL REFERENCES measures(id),
  status TEXT NOT NULL CHECK (status IN ('planned', 'in_progress', 'done', 'declined', 'not_reached')),
  completed_on TEXT,
  outcome TEXT NOT NULL,
  note TEXT NOT NULL,
  changed_by TEXT NOT NULL,
  recorded_at INTEGER NOT NULL
) STRICT;
CREATE INDEX measure_status_changes_by_measure ON measure_status_changes(measure_id, recorded_at);
INSERT INTO measure_status_changes (measure_id, status, completed_on, outcome, note, changed_by, recorded_at)
  SELECT id, status, completed_on, outcome, note, created_by, recorded_at FROM measures;
)sql";

}  // namespace

// Kept apart from the schema because a bulk load drops and rebuilds it.
const std::string_view kObservationIndexes = R"sql(
CREATE INDEX IF NOT EXISTS observations_by_time ON observations(observed_at);
)sql";
const std::string_view kDropObservationIndexes = R"sql(
DROP INDEX IF EXISTS observations_by_time;
)sql";

// Narratives of the status report, versioned per period and topic [p.16].
constexpr std::string_view kReportNarratives = R"sql(
CREATE TABLE report_narratives (
  id INTEGER PRIMARY KEY,
  partnership_id TEXT NOT NULL REFERENCES partnerships(id),
  period_from TEXT NOT NULL,
  period_to TEXT NOT NULL,
  topic TEXT NOT NULL,
  version INTEGER NOT NULL CHECK (version >= 1),
  title TEXT NOT NULL,
  text TEXT NOT NULL,
  external INTEGER NOT NULL CHECK (external IN (0, 1)),
  unit_id TEXT NOT NULL REFERENCES units(id),
  recorded_by TEXT NOT NULL,
  recorded_at INTEGER NOT NULL,
  UNIQUE (partnership_id, period_from, period_to, topic, version)
) STRICT;
)sql";

const std::vector<Migration>& AllMigrations() {
  static const std::vector<Migration> kMigrations = {
      {1, "initial schema", kInitialSchema},
      {2, "observation indexes", kObservationIndexes},
      {3, "audit log", kAuditLog},
      {4, "credentials", kCredentials},
      {5, "person recorded by unit", kPersonRecordedBy},
      {6, "custody events and trigger rules", kTriggers},
      {7, "case flags, incident units, focus changes", kCaseWork},
      {8, "statistics imports", kStatistics},
      {9, "measure status history", kMeasureHistory},
      {10, "report narratives", kReportNarratives},
  };
  return kMigrations;
}

int LatestSchemaVersion() { return AllMigrations().back().version; }

namespace {

Result<int> UserVersion(Connection& connection) {
  TRY_ASSIGN(auto statement, connection.Prepare("PRAGMA user_version"));
  TRY_STATUS(statement.Step());
  return static_cast<int>(statement.Int(0));
}

// The version found must be one this program can work with.
Status CheckVersion(Connection& connection, int current, bool may_create) {
  if (current > 0) {
    TRY_ASSIGN(auto ours,
               connection.Prepare("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'meta'"));
    TRY_ASSIGN(bool found, ours.Step());
    if (!found || ours.Int(0) == 0) {
      return FailedPrecondition("the file is not a Trygnet database (its schema is another program's)");
    }
  }
  if (current == 0 && !may_create) {
    return FailedPrecondition(
        "the file is not a Trygnet database (no schema); create one with `trygnet init` or `trygnet demo`");
  }
  if (current > LatestSchemaVersion()) {
    return FailedPrecondition("the database has schema version " + std::to_string(current) +
                              ", newer than this program supports (" + std::to_string(LatestSchemaVersion()) +
                              "); use a newer trygnet");
  }
  return OkStatus();
}

}  // namespace

Status Migrate(Connection& connection, bool may_create) {
  // A database already at the latest version is the common case: check it
  // without taking the write lock, so opening never waits on a busy writer.
  TRY_ASSIGN(int seen, UserVersion(connection));
  TRY_STATUS(CheckVersion(connection, seen, may_create));
  if (seen == LatestSchemaVersion()) return OkStatus();

  TRY_STATUS(connection.Exec("BEGIN IMMEDIATE"));
  auto rollback_on_error = [&](Status status) -> Status {
    if (!status.ok()) (void)connection.Exec("ROLLBACK");
    return status;
  };
  auto current = UserVersion(connection);  // again, under the lock: another process may have migrated
  if (!current.ok()) return rollback_on_error(std::move(current).error());
  TRY_STATUS(rollback_on_error(CheckVersion(connection, *current, may_create)));
  for (const Migration& migration : AllMigrations()) {
    if (migration.version <= *current) continue;
    TRY_STATUS(rollback_on_error(connection.Exec(migration.sql)));
    TRY_STATUS(rollback_on_error(connection.Exec("PRAGMA user_version = " + std::to_string(migration.version))));
  }
  return rollback_on_error(connection.Exec("COMMIT"));
}

}  // namespace trygnet::sqlite
