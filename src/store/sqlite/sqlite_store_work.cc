// The partnership's work: cases, assessments, incidents, meetings and
// disclosures (measures: sqlite_store_measures.cc).
#include "store/sqlite/json_columns.h"
#include "store/sqlite/sqlite_store.h"

namespace trygnet {

using sqlite::FromJsonList;
using sqlite::ToJsonList;

namespace {

nlohmann::json ResponsesToJson(const std::vector<ResponseEntry>& responses) {
  nlohmann::json list = nlohmann::json::array();
  for (const ResponseEntry& entry : responses) {
    list.push_back({{"at", entry.at.unix_seconds()},
                    {"role", ResponseRoleName(entry.role)},
                    {"unit_id", entry.unit_id},
                    {"note", entry.note}});
  }
  return list;
}

nlohmann::json DecisionsToJson(const std::vector<Decision>& decisions) {
  nlohmann::json list = nlohmann::json::array();
  for (const Decision& decision : decisions) {
    list.push_back({{"kind", DecisionKindName(decision.kind)},
                    {"text", decision.text},
                    {"area_id", decision.area_id},
                    {"effective_on", decision.effective_on ? decision.effective_on->ToString() : ""}});
  }
  return list;
}

}  // namespace

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

Result<IncidentId> SqliteStore::AddIncident(const Incident& incident) {
  TRY_STATUS(ValidateIncident(incident));
  TRY_ASSIGN(
      auto statement,
      db_.Prepare(
          "INSERT INTO incidents (partnership_id, kind, occurred_at, area_id, place, person_ids, group_ids, responses, "
          "closed_at, after_action_note, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
  statement.Bind(1, incident.partnership_id)
      .Bind(2, IncidentKindName(incident.kind))
      .Bind(3, incident.occurred_at.unix_seconds())
      .Bind(5, incident.place)
      .Bind(6, ToJsonList(incident.person_ids))
      .Bind(7, ToJsonList(incident.group_ids))
      .Bind(8, ResponsesToJson(incident.responses).dump())
      .Bind(10, incident.after_action_note)
      .Bind(11, incident.recorded_by)
      .Bind(12, clock_.Now().unix_seconds());
  incident.area_id.empty() ? statement.BindNull(4) : statement.Bind(4, incident.area_id);
  incident.closed_at ? statement.Bind(9, incident.closed_at->unix_seconds()) : statement.BindNull(9);
  TRY_STATUS(sqlite::ReferencesExist(statement, statement.Run(), "incident",
                                     "names a person, case, unit, area or partnership that does not exist"));
  return db_.LastInsertRowId();
}

Result<MeetingId> SqliteStore::AddMeeting(const Meeting& meeting) {
  TRY_STATUS(ValidateMeeting(meeting));
  TRY_ASSIGN(
      auto statement,
      db_.Prepare(
          "INSERT INTO meetings (partnership_id, meeting_type_id, held_on, attending_unit_ids, minutes, decisions, "
          "recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
  statement.Bind(1, meeting.partnership_id)
      .Bind(2, meeting.meeting_type_id)
      .Bind(3, meeting.held_on.ToString())
      .Bind(4, ToJsonList(meeting.attending_unit_ids))
      .Bind(5, meeting.minutes)
      .Bind(6, DecisionsToJson(meeting.decisions).dump())
      .Bind(7, meeting.recorded_by)
      .Bind(8, clock_.Now().unix_seconds());
  TRY_STATUS(sqlite::ReferencesExist(statement, statement.Run(), "meeting",
                                     "names a person, case, unit, area or partnership that does not exist"));
  return db_.LastInsertRowId();
}

Result<int64_t> SqliteStore::CountMeetings(const std::string& partnership_id, const std::string& meeting_type_id,
                                           Date from, Date to, Timestamp known_at) {
  TRY_ASSIGN(
      auto statement,
      db_.Prepare("SELECT COUNT(*) FROM meetings WHERE partnership_id = ? AND meeting_type_id = ? AND held_on >= ? "
                  "AND held_on <= ? AND recorded_at <= ?"));
  statement.Bind(1, partnership_id)
      .Bind(2, meeting_type_id)
      .Bind(3, from.ToString())
      .Bind(4, to.ToString())
      .Bind(5, known_at.unix_seconds());
  return CountQuery(statement);
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
