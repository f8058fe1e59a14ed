// The storage port: everything the system keeps, behind one abstract
// interface so that core and services know nothing of SQL. The SQLite
// adapter (store/sqlite) is the embedded default; a PostgreSQL adapter must
// pass the same store tests.
//
// Identity fields are encrypted by the adapter; callers see plain values.
// Every method returns a Result; none throws.
// Thread-safety: one Store per thread (connections are not shared).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "audit/audit_entry.h"
#include "audit/chain_verifier.h"
#include "core/area_statistic.h"
#include "core/assessment.h"
#include "core/case_file.h"
#include "core/custody_event.h"
#include "core/disclosure.h"
#include "core/error.h"
#include "core/focus_history.h"
#include "core/group.h"
#include "core/incident.h"
#include "core/measure.h"
#include "core/meeting.h"
#include "core/observation.h"
#include "core/partnership.h"
#include "core/person.h"
#include "core/registration.h"
#include "core/report_narrative.h"
#include "core/user.h"

namespace trygnet {

// "As of" a world date, "as known at" a system instant (DESIGN.md §4).
struct BitemporalPoint {
  Date as_of;
  Timestamp known_at;
};
// The last instant of `day`: "as known at 2017-04-10" includes all of that day.
Timestamp EndOfDay(Date day);

struct PersonFilter {
  std::string residence_area_id;  // empty: any
  int64_t offset = 0;
  int64_t limit = 100;
};

// A unit's work queue and overdue lists.
struct MeasureFilter {
  std::string partnership_id;
  std::string assigned_unit_id;          // empty: any unit
  std::optional<MeasureStatus> status;   // absent: any
  bool open_only = false;                // only measures not yet in a final status
  std::optional<Date> overdue_on;        // only open measures due before this date
  int64_t offset = 0;
  int64_t limit = 100;
};

// That a trigger rule acted on one fact; a fact is acted on once.
struct TriggerFiringRecord {
  std::string partnership_id;
  std::string rule_id;
  std::string fact_key;  // e.g. "observation/12/person/7", "custody/3"
  PersonId person_id = 0;
  Date fact_on;
};

struct AuditQuery {
  std::optional<PersonId> person_id;
  std::string user;               // empty: any
  std::string unit;               // empty: any
  std::optional<Timestamp> from;  // inclusive
  std::optional<Timestamp> to;    // inclusive
  int64_t limit = 100;
};

// What the store keeps to sign a user in (src/auth makes and checks the values).
struct Credentials {
  std::string password_hash;              // Argon2id, encoded
  std::vector<uint8_t> totp_secret;       // empty when no second factor is enrolled
  std::optional<int64_t> totp_last_step;  // the last TOTP step used (no replay)
  int failed_attempts = 0;
  std::optional<Timestamp> locked_until;
  Timestamp password_changed_at;
};

// Which organisations hold their own record about a person: the register and
// observations are police records; a case belongs to its owning unit. (A
// measure assigned to a unit is that unit's task, not a share of the case:
// http/access_guard.h GuardMeasure.)
struct PersonRecordHolders {
  std::string recorded_by_unit_id;  // the unit that entered the person; may be empty
  bool registered = false;          // any registration, in any version
  bool observed = false;            // in any observation
  std::vector<std::string> case_unit_ids;
};

struct StoredPartnership {
  std::string id;
  std::string name;
  std::string definition;  // the definition file's text as loaded
  Timestamp loaded_at;
};

class Store {
 public:
  virtual ~Store() = default;
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  // Runs `work` in one transaction: all of it is stored, or none. A nested
  // call runs in a savepoint: if it fails, its part is undone even when the
  // outer work goes on.
  virtual Status InTransaction(const std::function<Status()>& work) = 0;
  // Runs `work`, which only reads, against one consistent snapshot (and one
  // read transaction instead of one per statement). Writing inside is refused.
  virtual Status InReadSnapshot(const std::function<Status()>& work) = 0;

  // Whether this database holds synthetic demo data (DESIGN.md §3.7).
  virtual Result<bool> IsDemo() = 0;
  virtual Status MarkAsDemo() = 0;
  virtual int SchemaVersion() = 0;

  // Partnerships: stores the definition and its units and areas (replacing
  // an earlier load of the same id).
  virtual Status SavePartnership(const Partnership& partnership, const std::string& definition_text) = 0;
  virtual Result<StoredPartnership> GetPartnership(const std::string& partnership_id) = 0;
  virtual Result<std::vector<StoredPartnership>> ListPartnerships() = 0;

  // The audit log. Append joins the caller's transaction (so a write and its
  // entry commit together) or commits on its own. Scan visits every entry in
  // order, for verification. The anchor is authenticated with the key; a
  // changed anchor is data_loss.
  virtual Status AppendAudit(const audit::AuditRecord& record) = 0;
  // Appends several entries in one transaction (group commit of audited reads).
  virtual Status AppendAuditBatch(const std::vector<audit::AuditRecord>& records) = 0;
  virtual Status ScanAudit(const std::function<Status(const audit::AuditEntry&)>& visit) = 0;
  virtual Result<audit::ChainAnchor> AuditAnchor() = 0;
  virtual Result<std::vector<audit::AuditEntry>> QueryAudit(const AuditQuery& query) = 0;

  virtual Status AddUser(const User& user) = 0;
  virtual Result<User> GetUser(const std::string& username) = 0;
  virtual Result<std::vector<User>> ListUsers() = 0;
  virtual Status SetUserDisabled(const std::string& username, bool disabled) = 0;

  // Sign-in data. Setting a password clears failed attempts and lock-out.
  virtual Status SetPassword(const std::string& username, const std::string& password_hash) = 0;
  virtual Status SetTotpSecret(const std::string& username, const std::vector<uint8_t>& secret) = 0;
  virtual Result<Credentials> GetCredentials(const std::string& username) = 0;
  // Stores the outcome of a sign-in attempt (auth::DecideSignIn says what).
  virtual Status SaveSignInState(const std::string& username, int failed_attempts,
                                 std::optional<Timestamp> locked_until, std::optional<int64_t> totp_last_step) = 0;
  virtual Status AddApiToken(const std::string& username, const std::vector<uint8_t>& token_hash) = 0;
  // The enabled user a token belongs to, if the token is known and not revoked.
  virtual Result<std::optional<User>> FindApiTokenUser(const std::vector<uint8_t>& token_hash) = 0;
  // Revokes every token of the user; returns how many were active.
  virtual Result<int64_t> RevokeApiTokens(const std::string& username) = 0;

  // Persons. Add validates and assigns the id.
  virtual Result<PersonId> AddPerson(const Person& person) = 0;
  virtual Result<Person> GetPerson(PersonId id) = 0;
  virtual Result<std::optional<PersonId>> FindPersonByCpr(const CprNumber& cpr) = 0;
  virtual Result<std::vector<Person>> ListPersons(const PersonFilter& filter) = 0;
  virtual Result<int64_t> CountPersons() = 0;
  virtual Result<PersonRecordHolders> RecordHoldersOfPerson(PersonId person_id) = 0;
  // A stable pseudonym for a person (IdentityCipher::Pseudonym): how network
  // results show persons the reader has no purpose to know by name.
  virtual std::string PersonPseudonym(PersonId person_id) = 0;

  virtual Result<GroupId> AddGroup(const Group& group) = 0;
  virtual Result<Group> GetGroup(GroupId id) = 0;
  virtual Result<std::vector<Group>> ListGroups() = 0;

  // Registrations (bitemporal). Add records the first version after checking
  // the partnership's rules and role separation; Record supersedes the
  // current version with a corrected or changed one. `expected_version` must
  // be the current version (else conflict: someone changed it meanwhile).
  // The review date is computed here from `policy`; the caller's is ignored.
  virtual Result<Registration> AddRegistration(Registration registration, const RegistrationPolicy& policy) = 0;
  virtual Result<Registration> RecordRegistrationVersion(Registration registration, const RegistrationPolicy& policy,
                                                         int64_t expected_version) = 0;
  // The version current at `known_at` for one registration.
  virtual Result<Registration> GetRegistration(RegistrationId id, Timestamp known_at) = 0;
  // Every version ever recorded, oldest first: the full history.
  virtual Result<std::vector<Registration>> RegistrationHistory(RegistrationId id) = 0;
  // Versions believed at `known_at` for one person.
  virtual Result<std::vector<Registration>> RegistrationsForPerson(PersonId person_id, Timestamp known_at) = 0;
  // A partnership's registrations in effect and validated on `point.as_of`, as known at `point.known_at`.
  virtual Result<std::vector<Registration>> ActiveRegistrations(const std::string& partnership_id,
                                                                const BitemporalPoint& point) = 0;
  // Every registration of a partnership in the version current at `known_at`
  // (any role, validated or not, removed or not), by registration id.
  virtual Result<std::vector<Registration>> CurrentRegistrations(const std::string& partnership_id,
                                                                 Timestamp known_at) = 0;

  // Bulk loading (imports, demo data): between Begin and End observations are
  // appended without their person links and the time index is dropped; End
  // builds both in one sorted pass. Every AddObservations call still commits
  // durably and is validated in full. Only one process bulk loads a database
  // at a time (a lock file); if it dies, the next open finishes its load.
  // Rows added during an open load are missing from per-person lookups until
  // End (docs/decisions/0005-observation-storage.md).
  virtual Status BeginBulkLoad() = 0;
  virtual Status EndBulkLoad() = 0;

  // Observations, in bulk; all or nothing. Returns the ids assigned.
  virtual Result<std::vector<ObservationId>> AddObservations(const std::vector<Observation>& observations) = 0;
  virtual Result<int64_t> CountObservations() = 0;
  virtual Result<std::vector<Observation>> ObservationsForPerson(PersonId person_id, int64_t limit) = 0;
  // Observations made within [from, to], oldest first.
  virtual Result<std::vector<Observation>> ObservationsBetween(Timestamp from, Timestamp to) = 0;
  // Visits every observation made within [from, to] and recorded by
  // `known_at`, one at a time and in no particular order (the network reads
  // millions; none is kept). Stops at the first error `visit` returns.
  virtual Status ScanObservations(Timestamp from, Timestamp to, Timestamp known_at,
                                  const std::function<Status(const Observation&)>& visit) = 0;

  virtual Result<CaseId> AddCase(const CaseFile& case_file) = 0;
  virtual Result<std::vector<CaseFile>> CasesForPerson(PersonId person_id) = 0;
  virtual Result<CaseFile> GetCase(CaseId id) = 0;
  // Closes an open case (a domain action: the date and reason are checked; a closed case stays closed).
  virtual Status CloseCase(CaseId id, Date closed_on, const std::string& reason) = 0;
  // A new version of a case's joint assessment; a version already taken
  // (someone else revised it meanwhile) is a conflict.
  virtual Result<AssessmentId> AddAssessment(const Assessment& assessment) = 0;
  // Every version, oldest first.
  virtual Result<std::vector<Assessment>> AssessmentsForCase(CaseId case_id) = 0;
  // Sets or clears a user-set flag of an open case and keeps who, when and why.
  virtual Result<CaseFile> ChangeCaseFlag(const CaseFlagChange& change) = 0;
  virtual Result<std::vector<CaseFlagChange>> CaseFlagChanges(CaseId case_id) = 0;
  // Sets the target-group flags of an open case [p.7].
  virtual Status SetCaseFlags(CaseId id, const TargetGroupFlags& flags) = 0;
  virtual Result<MeasureId> AddMeasure(const Measure& measure) = 0;
  virtual Result<std::vector<Measure>> MeasuresForPerson(PersonId person_id) = 0;
  virtual Result<Measure> GetMeasure(MeasureId id) = 0;
  // Oldest due date first, then by id.
  virtual Result<std::vector<Measure>> ListMeasures(const MeasureFilter& filter) = 0;
  // Moves a measure along its status flow (MoveMeasure), keeping its note.
  // `expected_status` guards against a change by someone else meanwhile.
  virtual Result<Measure> ChangeMeasureStatus(MeasureId id, MeasureStatus expected_status, MeasureStatus to, Date on,
                                              const std::string& outcome, const std::string& note,
                                              const std::string& changed_by) = 0;
  // Every status step of a measure, its creation first.
  virtual Result<std::vector<MeasureStatusChange>> MeasureStatusHistory(MeasureId id) = 0;
  // Measures of `measure_type_id` completed as done within [from, to], as known at `known_at`
  // (each measure's status as last recorded by then);
  // `area_id` (if not empty) limits to persons residing in that area or its sub-areas.
  virtual Result<int64_t> CountMeasuresDone(const std::string& partnership_id, const std::string& measure_type_id,
                                            Date from, Date to, Timestamp known_at, const std::string& area_id) = 0;
  // Measures of `measure_type_id` due within [from, to] (as known at
  // `known_at`), and of those the ones done on or before their due date.
  struct DueAndInTime {
    int64_t due = 0;
    int64_t done_in_time = 0;
  };
  virtual Result<DueAndInTime> CountMeasuresDoneInTime(const std::string& partnership_id,
                                                       const std::string& measure_type_id, Date from, Date to,
                                                       Timestamp known_at, const std::string& area_id) = 0;
  // Measures due within [from, to] and recorded by `known_at`, counted by
  // type and by their status as last recorded by then (the status report).
  struct MeasureCount {
    std::string measure_type_id;
    MeasureStatus status = MeasureStatus::kPlanned;
    int64_t count = 0;
  };
  virtual Result<std::vector<MeasureCount>> CountMeasuresByTypeAndStatus(const std::string& partnership_id, Date from,
                                                                         Date to, Timestamp known_at) = 0;
  virtual Result<IncidentId> AddIncident(const Incident& incident) = 0;
  virtual Result<Incident> GetIncident(IncidentId id) = 0;
  // A partnership's incidents that occurred within [from, to], newest first.
  virtual Result<std::vector<Incident>> ListIncidents(const std::string& partnership_id, Timestamp from,
                                                      Timestamp to) = 0;
  // Adds to the response log of an open incident (kept in time order).
  virtual Result<Incident> AddIncidentResponse(IncidentId id, const ResponseEntry& entry) = 0;
  // Closes an open incident with its after-action note; a closed one stays closed.
  virtual Result<Incident> CloseIncident(IncidentId id, Timestamp closed_at, const std::string& after_action_note) = 0;
  // Adds a meeting and, in the same transaction, the focus changes its
  // decisions make; a change that does not fit the area's history is refused
  // (naming "decisions[i]").
  virtual Result<MeetingId> AddMeeting(const Meeting& meeting) = 0;
  virtual Result<Meeting> GetMeeting(MeetingId id) = 0;
  // Meetings held within [from, to], newest first.
  virtual Result<std::vector<Meeting>> ListMeetings(const std::string& partnership_id, Date from, Date to) = 0;
  // An area's focus periods: the definition's, with the meetings' decisions applied.
  virtual Result<std::vector<FocusPeriod>> FocusHistory(const std::string& partnership_id,
                                                        const std::string& area_id) = 0;
  // The decisions that changed an area's focus, by effective date.
  virtual Result<std::vector<FocusChange>> FocusChanges(const std::string& partnership_id,
                                                        const std::string& area_id) = 0;
  // Meetings of a type held within [from, to], as known at `known_at`.
  virtual Result<int64_t> CountMeetings(const std::string& partnership_id, const std::string& meeting_type_id,
                                        Date from, Date to, Timestamp known_at) = 0;
  virtual Result<CustodyEventId> AddCustodyEvent(const CustodyEvent& event) = 0;
  virtual Result<std::vector<CustodyEvent>> CustodyEventsForPerson(PersonId person_id) = 0;
  // A partnership's custody events on days within [from, to], by date.
  virtual Result<std::vector<CustodyEvent>> CustodyEventsBetween(const std::string& partnership_id, Date from,
                                                                 Date to) = 0;

  // Trigger rules. Record returns false when the fact was acted on before.
  virtual Result<bool> RecordTriggerFiring(const TriggerFiringRecord& firing) = 0;
  // The newest fact date on which `rule_id` fired for the person, if any.
  virtual Result<std::optional<Date>> LastTriggerFiring(const std::string& partnership_id, const std::string& rule_id,
                                                        PersonId person_id) = 0;

  // Statistics from outside, in one transaction with their import record:
  // all rows or none. Returns the import's id.
  virtual Result<int64_t> AddStatisticsImport(const StatisticsImport& import,
                                              const std::vector<AreaStatistic>& statistics) = 0;
  // The figure for an area, year and kind as known at `known_at` (the latest
  // import recorded by then), if any.
  virtual Result<std::optional<double>> AreaStatisticValue(const std::string& partnership_id,
                                                           const std::string& area_id, int year, StatisticKind kind,
                                                           Timestamp known_at) = 0;
  // A partnership's imports, newest first.
  virtual Result<std::vector<StatisticsImport>> ListStatisticsImports(const std::string& partnership_id) = 0;

  // Narratives of the status report. Add stores a new version of a topic:
  // `version` must be one more than the newest stored (1 for a new topic),
  // else conflict (someone revised it meanwhile). Returns it as stored.
  virtual Result<ReportNarrative> AddReportNarrative(const ReportNarrative& narrative) = 0;
  // For each topic of the period, the newest version recorded by `known_at`; by topic.
  virtual Result<std::vector<ReportNarrative>> ReportNarratives(const std::string& partnership_id,
                                                                const ReportPeriod& period, Timestamp known_at) = 0;
  // Every version of one topic, oldest first (empty when none).
  virtual Result<std::vector<ReportNarrative>> ReportNarrativeHistory(const std::string& partnership_id,
                                                                      const ReportPeriod& period,
                                                                      const std::string& topic) = 0;

  virtual Result<DisclosureId> AddDisclosure(const Disclosure& disclosure) = 0;
  virtual Result<std::vector<Disclosure>> DisclosuresForPerson(PersonId person_id) = 0;

 protected:
  Store() = default;
};

}  // namespace trygnet
