// The partnership's case work: cases, their flags, assessments and
// disclosures (measures: sqlite_store_measures.cc; incidents and meetings:
// sqlite_store_incidents.cc, sqlite_store_meetings.cc).
#include "store/sqlite/json_columns.h"
#include "store/sqlite/sqlite_store.h"

namespace trygnet {

using sqlite::FromJsonList;
using sqlite::ToJsonList;

Result<CaseId> SqliteStore::AddCase(const CaseFile& case_file) {
  TRY_ASSIGN(Person person, GetPerson(case_file.person_id));
  TRY_STATUS(ValidateCase(case_file, person.AgeAt(case_file.opened_on)));
  TRY_ASSIGN(auto statement,
             db_.Prepare("INSERT INTO cases (partnership_id, person_id, track, level, owning_unit_id, first_contact, "
                         "arrested_remanded_imprisoned, leading_member, exit_motivated, opened_on, closed_on, "
                         "close_reason, opened_by, "
                         "recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
  statement.Bind(1, case_file.partnership_id)
      .Bind(2, case_file.person_id)
      .Bind(3, CaseTrackName(case_file.track))
      .Bind(4, case_file.level)
      .Bind(5, case_file.owning_unit_id)
      .Bind(6, case_file.flags.first_contact ? 1 : 0)
      .Bind(7, case_file.flags.arrested_remanded_imprisoned ? 1 : 0)
      .Bind(8, case_file.flags.leading_member ? 1 : 0)
      .Bind(9, case_file.flags.exit_motivated ? 1 : 0)
      .Bind(10, case_file.opened_on.ToString())
      .Bind(12, case_file.close_reason)
      .Bind(13, case_file.opened_by)
      .Bind(14, clock_.Now().unix_seconds());
  case_file.closed_on ? statement.Bind(11, case_file.closed_on->ToString()) : statement.BindNull(11);
  TRY_STATUS(sqlite::ReferencesExist(statement, statement.Run(), "case",
                                     "names a person, case, unit, area or partnership that does not exist"));
  return db_.LastInsertRowId();
}

namespace {

constexpr std::string_view kCaseColumns =
    "SELECT id, partnership_id, person_id, track, level, owning_unit_id, first_contact, "
    "arrested_remanded_imprisoned, leading_member, exit_motivated, opened_on, closed_on, close_reason, opened_by, "
    "recorded_at FROM cases ";

Result<CaseFile> ReadCase(const sqlite::Statement& statement) {
  CaseFile item;
  item.id = statement.Int(0);
  item.partnership_id = statement.Text(1);
  item.person_id = statement.Int(2);
  TRY_ASSIGN(item.track, sqlite::Stored(ParseCaseTrack(statement.Text(3), "track")));
  item.level = static_cast<int>(statement.Int(4));
  item.owning_unit_id = statement.Text(5);
  item.flags = {statement.Int(6) != 0, statement.Int(7) != 0, statement.Int(8) != 0, statement.Int(9) != 0};
  TRY_ASSIGN(item.opened_on, sqlite::Stored(Date::Parse(statement.Text(10), "opened_on")));
  if (auto closed = statement.OptionalText(11)) {
    TRY_ASSIGN(Date closed_on, sqlite::Stored(Date::Parse(*closed, "closed_on")));
    item.closed_on = closed_on;
  }
  item.close_reason = statement.Text(12);
  item.opened_by = statement.Text(13);
  item.recorded_at = Timestamp::FromUnixSeconds(statement.Int(14));
  return item;
}

}  // namespace

Result<std::vector<CaseFile>> SqliteStore::CasesForPerson(PersonId person_id) {
  TRY_ASSIGN(auto statement, db_.Prepare(std::string(kCaseColumns) + "WHERE person_id = ? ORDER BY id"));
  statement.Bind(1, person_id);
  std::vector<CaseFile> cases;
  while (true) {
    TRY_ASSIGN(bool has_row, statement.Step());
    if (!has_row) break;
    TRY_ASSIGN(CaseFile item, ReadCase(statement));
    cases.push_back(std::move(item));
  }
  return cases;
}

Result<CaseFile> SqliteStore::GetCase(CaseId id) {
  TRY_ASSIGN(auto statement, db_.Prepare(std::string(kCaseColumns) + "WHERE id = ?"));
  TRY_ASSIGN(bool found, statement.Bind(1, id).Step());
  if (!found) return NotFound("no case with id " + std::to_string(id), "case_id");
  return ReadCase(statement);
}

Status SqliteStore::CloseCase(CaseId id, Date closed_on, const std::string& reason) {
  return InTransaction([&]() -> Status {
    TRY_ASSIGN(CaseFile case_file, GetCase(id));
    if (case_file.closed_on) {
      return FailedPrecondition("case " + std::to_string(id) + " was closed on " + case_file.closed_on->ToString());
    }
    TRY_ASSIGN(Person person, GetPerson(case_file.person_id));
    case_file.closed_on = closed_on;
    case_file.close_reason = reason;
    TRY_STATUS(ValidateCase(case_file, person.AgeAt(case_file.opened_on)));
    TRY_ASSIGN(auto update, db_.Prepare("UPDATE cases SET closed_on = ?, close_reason = ? WHERE id = ?"));
    return update.Bind(1, closed_on.ToString()).Bind(2, reason).Bind(3, id).Run();
  });
}

Status SqliteStore::SetCaseFlags(CaseId id, const TargetGroupFlags& flags) {
  return InTransaction([&]() -> Status {
    TRY_ASSIGN(CaseFile case_file, GetCase(id));
    if (case_file.closed_on) {
      return FailedPrecondition("case " + std::to_string(id) + " was closed on " + case_file.closed_on->ToString());
    }
    TRY_ASSIGN(auto update, db_.Prepare("UPDATE cases SET first_contact = ?, arrested_remanded_imprisoned = ?, "
                                        "leading_member = ?, exit_motivated = ? WHERE id = ?"));
    return update.Bind(1, flags.first_contact ? 1 : 0)
        .Bind(2, flags.arrested_remanded_imprisoned ? 1 : 0)
        .Bind(3, flags.leading_member ? 1 : 0)
        .Bind(4, flags.exit_motivated ? 1 : 0)
        .Bind(5, id)
        .Run();
  });
}

Result<AssessmentId> SqliteStore::AddAssessment(const Assessment& assessment) {
  TRY_STATUS(ValidateAssessment(assessment));
  TRY_ASSIGN(
      auto statement,
      db_.Prepare(
          "INSERT INTO assessments (case_id, version, assessed_on, school, job, housing, family, risk_factors, "
          "protective_factors, criminal_history, network_summary, participant_unit_ids, recorded_by, recorded_at) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
  statement.Bind(1, assessment.case_id)
      .Bind(2, assessment.version)
      .Bind(3, assessment.assessed_on.ToString())
      .Bind(4, assessment.life_situation.school)
      .Bind(5, assessment.life_situation.job)
      .Bind(6, assessment.life_situation.housing)
      .Bind(7, assessment.life_situation.family)
      .Bind(8, ToJsonList(assessment.risk_factors))
      .Bind(9, ToJsonList(assessment.protective_factors))
      .Bind(10, assessment.criminal_history)
      .Bind(11, assessment.network_summary)
      .Bind(12, ToJsonList(assessment.participant_unit_ids))
      .Bind(13, assessment.recorded_by)
      .Bind(14, clock_.Now().unix_seconds());
  TRY_STATUS(sqlite::ReferencesExist(statement, statement.Run(), "assessment",
                                     "names a person, case, unit, area or partnership that does not exist"));
  return db_.LastInsertRowId();
}

Result<std::vector<Assessment>> SqliteStore::AssessmentsForCase(CaseId case_id) {
  TRY_ASSIGN(auto statement,
             db_.Prepare("SELECT id, case_id, version, assessed_on, school, job, housing, family, risk_factors, "
                         "protective_factors, criminal_history, network_summary, participant_unit_ids, recorded_by, "
                         "recorded_at FROM assessments WHERE case_id = ? ORDER BY version"));
  statement.Bind(1, case_id);
  std::vector<Assessment> assessments;
  while (true) {
    TRY_ASSIGN(bool has_row, statement.Step());
    if (!has_row) break;
    Assessment item;
    item.id = statement.Int(0);
    item.case_id = statement.Int(1);
    item.version = static_cast<int>(statement.Int(2));
    TRY_ASSIGN(item.assessed_on, sqlite::Stored(Date::Parse(statement.Text(3), "assessed_on")));
    item.life_situation = {statement.Text(4), statement.Text(5), statement.Text(6), statement.Text(7)};
    TRY_ASSIGN(item.risk_factors, FromJsonList<std::string>(statement.Text(8), "risk_factors"));
    TRY_ASSIGN(item.protective_factors, FromJsonList<std::string>(statement.Text(9), "protective_factors"));
    item.criminal_history = statement.Text(10);
    item.network_summary = statement.Text(11);
    TRY_ASSIGN(item.participant_unit_ids, FromJsonList<std::string>(statement.Text(12), "participant_unit_ids"));
    item.recorded_by = statement.Text(13);
    item.recorded_at = Timestamp::FromUnixSeconds(statement.Int(14));
    assessments.push_back(std::move(item));
  }
  return assessments;
}

Result<CaseFile> SqliteStore::ChangeCaseFlag(const CaseFlagChange& change) {
  TRY_STATUS(ValidateCaseFlagChange(change));
  TRY_STATUS(InTransaction([&]() -> Status {
    TRY_ASSIGN(CaseFile case_file, GetCase(change.case_id));
    if (case_file.closed_on) {
      return FailedPrecondition("case " + std::to_string(change.case_id) + " was closed on " +
                                case_file.closed_on->ToString());
    }
    SetFlag(case_file.flags, change.flag, change.value);
    TRY_STATUS(SetCaseFlags(change.case_id, case_file.flags));
    TRY_ASSIGN(auto insert, db_.Prepare("INSERT INTO case_flag_changes (case_id, flag, value, reason, set_on, set_by, "
                                        "set_by_unit_id, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    insert.Bind(1, change.case_id)
        .Bind(2, CaseFlagName(change.flag))
        .Bind(3, change.value ? 1 : 0)
        .Bind(4, change.reason)
        .Bind(5, change.set_on.ToString())
        .Bind(6, change.set_by)
        .Bind(7, change.set_by_unit_id)
        .Bind(8, clock_.Now().unix_seconds());
    return insert.Run();
  }));
  return GetCase(change.case_id);
}

Result<std::vector<CaseFlagChange>> SqliteStore::CaseFlagChanges(CaseId case_id) {
  TRY_ASSIGN(auto statement, db_.Prepare("SELECT id, case_id, flag, value, reason, set_on, set_by, set_by_unit_id, "
                                         "recorded_at FROM case_flag_changes WHERE case_id = ? ORDER BY id"));
  statement.Bind(1, case_id);
  std::vector<CaseFlagChange> changes;
  while (true) {
    TRY_ASSIGN(bool has_row, statement.Step());
    if (!has_row) break;
    CaseFlagChange item;
    item.id = statement.Int(0);
    item.case_id = statement.Int(1);
    TRY_ASSIGN(item.flag, sqlite::Stored(ParseCaseFlag(statement.Text(2), "flag")));
    item.value = statement.Int(3) != 0;
    item.reason = statement.Text(4);
    TRY_ASSIGN(item.set_on, sqlite::Stored(Date::Parse(statement.Text(5), "set_on")));
    item.set_by = statement.Text(6);
    item.set_by_unit_id = statement.Text(7);
    item.recorded_at = Timestamp::FromUnixSeconds(statement.Int(8));
    changes.push_back(std::move(item));
  }
  return changes;
}

Result<DisclosureId> SqliteStore::AddDisclosure(const Disclosure& disclosure) {
  TRY_STATUS(ValidateDisclosure(disclosure));
  TRY_ASSIGN(auto statement, db_.Prepare("INSERT INTO disclosures (partnership_id, from_unit_id, to_unit_id, "
                                         "person_id, data_categories, legal_basis_id, "
                                         "purpose, disclosed_by, disclosed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
  statement.Bind(1, disclosure.partnership_id)
      .Bind(2, disclosure.from_unit_id)
      .Bind(3, disclosure.to_unit_id)
      .Bind(4, disclosure.person_id)
      .Bind(5, ToJsonList(disclosure.data_categories))
      .Bind(6, disclosure.legal_basis_id)
      .Bind(7, disclosure.purpose)
      .Bind(8, disclosure.disclosed_by)
      .Bind(9, disclosure.disclosed_at.unix_seconds());
  TRY_STATUS(sqlite::ReferencesExist(statement, statement.Run(), "disclosure",
                                     "names a person, case, unit, area or partnership that does not exist"));
  return db_.LastInsertRowId();
}

Result<std::vector<Disclosure>> SqliteStore::DisclosuresForPerson(PersonId person_id) {
  TRY_ASSIGN(
      auto* cached,
      Cached(
          "SELECT id, partnership_id, from_unit_id, to_unit_id, person_id, data_categories, legal_basis_id, purpose, "
          "disclosed_by, disclosed_at FROM disclosures WHERE person_id = ? ORDER BY id"));
  sqlite::ResetOnExit reset(*cached);
  sqlite::Statement& statement = *cached;
  statement.Bind(1, person_id);
  std::vector<Disclosure> disclosures;
  while (true) {
    TRY_ASSIGN(bool has_row, statement.Step());
    if (!has_row) break;
    Disclosure item;
    item.id = statement.Int(0);
    item.partnership_id = statement.Text(1);
    item.from_unit_id = statement.Text(2);
    item.to_unit_id = statement.Text(3);
    item.person_id = statement.Int(4);
    TRY_ASSIGN(item.data_categories, FromJsonList<std::string>(statement.Text(5), "data_categories"));
    item.legal_basis_id = statement.Text(6);
    item.purpose = statement.Text(7);
    item.disclosed_by = statement.Text(8);
    item.disclosed_at = Timestamp::FromUnixSeconds(statement.Int(9));
    disclosures.push_back(std::move(item));
  }
  return disclosures;
}

}  // namespace trygnet
