// The SQLite adapter of the Store port: one database file, WAL, foreign keys,
// STRICT tables, migrations applied on open, identity fields encrypted with
// the key from the key file (never stored in the database).
// Thread-safety: not thread-safe; open one SqliteStore per thread.
#pragma once

#include <atomic>
#include <map>
#include <memory>
#include <string>

#include "core/date.h"
#include "store/identity_cipher.h"
#include "store/sqlite/sqlite_connection.h"
#include "store/store.h"

namespace trygnet {

// Time spent in SQL statements, summed over every connection that reports
// here (for the server's /metrics).
struct StatementTimer {
  std::atomic<int64_t> nanoseconds{0};
  std::atomic<int64_t> statements{0};
};

struct SqliteOpenOptions {
  bool create = false;                        // create the file if it does not exist
  StatementTimer* statement_timer = nullptr;  // if set, every statement's time is added to it
};

class SqliteStore final : public Store {
 public:
  // Opens the database, applies missing migrations and checks that `key` is
  // the database's key. Fails with unavailable (cannot open), failed_precondition
  // (schema newer than this program), or permission_denied (wrong key).
  static Result<std::unique_ptr<SqliteStore>> Open(const std::string& path, const MasterKey& key, const Clock& clock,
                                                   SqliteOpenOptions options = {});
  // Reads the demo mark without a key (to find a demo key file beside the database).
  static Result<bool> PeekIsDemo(const std::string& path);
  ~SqliteStore() override;

  Status InTransaction(const std::function<Status()>& work) override;
  Status InReadSnapshot(const std::function<Status()>& work) override;
  Result<bool> IsDemo() override;
  Status MarkAsDemo() override;
  int SchemaVersion() override;

  Status SavePartnership(const Partnership& partnership, const std::string& definition_text) override;
  Result<StoredPartnership> GetPartnership(const std::string& partnership_id) override;
  Result<std::vector<StoredPartnership>> ListPartnerships() override;

  Status AppendAudit(const audit::AuditRecord& record) override;
  Status AppendAuditBatch(const std::vector<audit::AuditRecord>& records) override;
  Status ScanAudit(const std::function<Status(const audit::AuditEntry&)>& visit) override;
  Result<audit::ChainAnchor> AuditAnchor() override;
  Result<std::vector<audit::AuditEntry>> QueryAudit(const AuditQuery& query) override;

  Status AddUser(const User& user) override;
  Result<User> GetUser(const std::string& username) override;
  Result<std::vector<User>> ListUsers() override;
  Status SetUserDisabled(const std::string& username, bool disabled) override;
  Status SetPassword(const std::string& username, const std::string& password_hash) override;
  Status SetTotpSecret(const std::string& username, const std::vector<uint8_t>& secret) override;
  Result<Credentials> GetCredentials(const std::string& username) override;
  Status SaveSignInState(const std::string& username, int failed_attempts, std::optional<Timestamp> locked_until,
                         std::optional<int64_t> totp_last_step) override;
  Status AddApiToken(const std::string& username, const std::vector<uint8_t>& token_hash) override;
  Result<std::optional<User>> FindApiTokenUser(const std::vector<uint8_t>& token_hash) override;
  Result<int64_t> RevokeApiTokens(const std::string& username) override;

  Result<PersonId> AddPerson(const Person& person) override;
  Result<Person> GetPerson(PersonId id) override;
  Result<std::optional<PersonId>> FindPersonByCpr(const CprNumber& cpr) override;
  Result<std::vector<Person>> ListPersons(const PersonFilter& filter) override;
  Result<int64_t> CountPersons() override;
  Result<PersonRecordHolders> RecordHoldersOfPerson(PersonId person_id) override;
  std::string PersonPseudonym(PersonId person_id) override { return cipher_.Pseudonym(person_id); }

  Result<GroupId> AddGroup(const Group& group) override;
  Result<Group> GetGroup(GroupId id) override;
  Result<std::vector<Group>> ListGroups() override;

  Result<Registration> AddRegistration(Registration registration, const RegistrationPolicy& policy) override;
  Result<Registration> RecordRegistrationVersion(Registration registration, const RegistrationPolicy& policy,
                                                 int64_t expected_version) override;
  Result<Registration> GetRegistration(RegistrationId id, Timestamp known_at) override;
  Result<std::vector<Registration>> RegistrationHistory(RegistrationId id) override;
  Result<std::vector<Registration>> RegistrationsForPerson(PersonId person_id, Timestamp known_at) override;
  Result<std::vector<Registration>> ActiveRegistrations(const std::string& partnership_id,
                                                        const BitemporalPoint& point) override;

  Status BeginBulkLoad() override;
  Status EndBulkLoad() override;
  Result<std::vector<ObservationId>> AddObservations(const std::vector<Observation>& observations) override;
  Result<int64_t> CountObservations() override;
  Result<std::vector<Observation>> ObservationsForPerson(PersonId person_id, int64_t limit) override;

  Result<CaseId> AddCase(const CaseFile& case_file) override;
  Result<std::vector<CaseFile>> CasesForPerson(PersonId person_id) override;
  Result<CaseFile> GetCase(CaseId id) override;
  Status CloseCase(CaseId id, Date closed_on, const std::string& reason) override;
  Result<AssessmentId> AddAssessment(const Assessment& assessment) override;
  Result<std::vector<Assessment>> AssessmentsForCase(CaseId case_id) override;
  Result<CaseFile> ChangeCaseFlag(const CaseFlagChange& change) override;
  Result<std::vector<CaseFlagChange>> CaseFlagChanges(CaseId case_id) override;
  Result<MeasureId> AddMeasure(const Measure& measure) override;
  Result<std::vector<Measure>> MeasuresForPerson(PersonId person_id) override;
  Result<Measure> GetMeasure(MeasureId id) override;
  Result<std::vector<Measure>> ListMeasures(const MeasureFilter& filter) override;
  Result<Measure> ChangeMeasureStatus(MeasureId id, MeasureStatus expected_status, MeasureStatus to, Date on,
                                      const std::string& outcome, const std::string& note,
                                      const std::string& changed_by) override;
  Result<std::vector<MeasureStatusChange>> MeasureStatusHistory(MeasureId id) override;
  Status SetCaseFlags(CaseId id, const TargetGroupFlags& flags) override;
  Result<CustodyEventId> AddCustodyEvent(const CustodyEvent& event) override;
  Result<std::vector<CustodyEvent>> CustodyEventsForPerson(PersonId person_id) override;
  Result<std::vector<CustodyEvent>> CustodyEventsBetween(const std::string& partnership_id, Date from,
                                                         Date to) override;
  Result<bool> RecordTriggerFiring(const TriggerFiringRecord& firing) override;
  Result<std::optional<Date>> LastTriggerFiring(const std::string& partnership_id, const std::string& rule_id,
                                                PersonId person_id) override;
  Result<std::vector<Registration>> CurrentRegistrations(const std::string& partnership_id,
                                                         Timestamp known_at) override;
  Result<std::vector<Observation>> ObservationsBetween(Timestamp from, Timestamp to) override;
  Status ScanObservations(Timestamp from, Timestamp to, Timestamp known_at,
                          const std::function<Status(const Observation&)>& visit) override;
  Result<int64_t> CountMeasuresDone(const std::string& partnership_id, const std::string& measure_type_id, Date from,
                                    Date to, Timestamp known_at, const std::string& area_id) override;
  Result<DueAndInTime> CountMeasuresDoneInTime(const std::string& partnership_id, const std::string& measure_type_id,
                                               Date from, Date to, Timestamp known_at,
                                               const std::string& area_id) override;
  Result<std::vector<MeasureCount>> CountMeasuresByTypeAndStatus(const std::string& partnership_id, Date from, Date to,
                                                                 Timestamp known_at) override;
  Result<IncidentId> AddIncident(const Incident& incident) override;
  Result<Incident> GetIncident(IncidentId id) override;
  Result<std::vector<Incident>> ListIncidents(const std::string& partnership_id, Timestamp from,
                                              Timestamp to) override;
  Result<Incident> AddIncidentResponse(IncidentId id, const ResponseEntry& entry) override;
  Result<Incident> CloseIncident(IncidentId id, Timestamp closed_at, const std::string& after_action_note) override;
  Result<MeetingId> AddMeeting(const Meeting& meeting) override;
  Result<Meeting> GetMeeting(MeetingId id) override;
  Result<std::vector<Meeting>> ListMeetings(const std::string& partnership_id, Date from, Date to) override;
  Result<std::vector<FocusPeriod>> FocusHistory(const std::string& partnership_id,
                                                const std::string& area_id) override;
  Result<std::vector<FocusChange>> FocusChanges(const std::string& partnership_id,
                                                const std::string& area_id) override;
  Result<int64_t> CountMeetings(const std::string& partnership_id, const std::string& meeting_type_id, Date from,
                                Date to, Timestamp known_at) override;
  Result<int64_t> AddStatisticsImport(const StatisticsImport& import,
                                      const std::vector<AreaStatistic>& statistics) override;
  Result<std::optional<double>> AreaStatisticValue(const std::string& partnership_id, const std::string& area_id,
                                                   int year, StatisticKind kind, Timestamp known_at) override;
  Result<std::vector<StatisticsImport>> ListStatisticsImports(const std::string& partnership_id) override;
  Result<ReportNarrative> AddReportNarrative(const ReportNarrative& narrative) override;
  Result<std::vector<ReportNarrative>> ReportNarratives(const std::string& partnership_id, const ReportPeriod& period,
                                                        Timestamp known_at) override;
  Result<std::vector<ReportNarrative>> ReportNarrativeHistory(const std::string& partnership_id,
                                                              const ReportPeriod& period,
                                                              const std::string& topic) override;
  Result<DisclosureId> AddDisclosure(const Disclosure& disclosure) override;
  Result<std::vector<Disclosure>> DisclosuresForPerson(PersonId person_id) override;

 private:
  SqliteStore(std::string path, sqlite::Connection connection, const MasterKey& key, const Clock& clock)
      : path_(std::move(path)),
        db_(std::move(connection)),
        cipher_(key),
        anchor_key_(DeriveSubkey(key, Subkey::kAuditAnchor)),
        clock_(clock) {}

  Status CheckKey();
  Status WriteAuditAnchor(const audit::ChainAnchor& anchor);
  Status FinishInterruptedBulkLoad();
  Status CheckPersonsExist(const std::vector<Observation>& observations);
  // A prepared statement kept for reuse on hot paths; the caller resets it (Run and CountQuery do).
  Result<sqlite::Statement*> Cached(std::string_view sql);
  // Incidents and meetings (sqlite_store_incidents.cc, sqlite_store_meetings.cc).
  Result<Incident> ChangeIncident(IncidentId id, const std::function<Status(Incident&)>& change);
  Status RecordStatusStep(MeasureId id, const MeasureStatusChange& step);
  Status AddFocusChange(const std::string& partnership_id, const FocusChange& change, const std::string& field);
  Result<std::vector<FocusPeriod>> DefinedFocus(const std::string& partnership_id, const std::string& area_id);
  Result<int64_t> NextId(std::string_view table, std::string_view column);
  Result<int64_t> CountQuery(sqlite::Statement& statement);
  Result<Person> ReadPerson(sqlite::Statement& statement);
  Result<std::vector<Registration>> ReadRegistrations(sqlite::Statement& statement);
  Result<Registration> InsertRegistrationVersion(Registration registration, RegistrationId id);
  Status CheckRegistration(Registration& registration, const RegistrationPolicy& policy);

  std::string path_;
  sqlite::Connection db_;
  IdentityCipher cipher_;
  std::array<uint8_t, 32> anchor_key_;  // authenticates meta.audit_anchor
  const Clock& clock_;
  int transaction_depth_ = 0;
  bool in_read_snapshot_ = false;
  // While a bulk load is open: the last observation id before it began.
  std::optional<ObservationId> bulk_load_after_;
  // flock()ed while this store runs a bulk load, so that another process
  // opening the database does not take the load for an interrupted one.
  int bulk_lock_fd_ = -1;
  std::map<std::string, sqlite::Statement, std::less<>> statements_;
};

}  // namespace trygnet
