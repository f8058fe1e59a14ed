// Measures: adding, the status flow, and the work queues read by unit and due date.
#include "store/sqlite/sqlite_store.h"

namespace trygnet {
namespace {

constexpr std::string_view kMeasureColumns =
    "SELECT id, partnership_id, person_id, case_id, measure_type_id, assigned_unit_id, due_on, status, "
    "completed_on, outcome, note, created_by, recorded_at, rule_id, facts FROM measures ";

Result<Measure> ReadMeasure(const sqlite::Statement& statement) {
  Measure item;
  item.id = statement.Int(0);
  item.partnership_id = statement.Text(1);
  item.person_id = statement.Int(2);
  item.case_id = statement.OptionalInt(3);
  item.measure_type_id = statement.Text(4);
  item.assigned_unit_id = statement.Text(5);
  TRY_ASSIGN(item.due_on, sqlite::Stored(Date::Parse(statement.Text(6), "due_on")));
  TRY_ASSIGN(item.status, sqlite::Stored(ParseMeasureStatus(statement.Text(7), "status")));
  if (auto completed = statement.OptionalText(8)) {
    TRY_ASSIGN(Date completed_on, sqlite::Stored(Date::Parse(*completed, "completed_on")));
    item.completed_on = completed_on;
  }
  item.outcome = statement.Text(9);
  item.note = statement.Text(10);
  item.created_by = statement.Text(11);
  item.recorded_at = Timestamp::FromUnixSeconds(statement.Int(12));
  item.rule_id = statement.Text(13);
  item.facts = statement.Text(14);
  return item;
}

Result<std::vector<Measure>> ReadMeasures(sqlite::Statement& statement) {
  std::vector<Measure> measures;
  while (true) {
    TRY_ASSIGN(bool has_row, statement.Step());
    if (!has_row) break;
    TRY_ASSIGN(Measure item, ReadMeasure(statement));
    measures.push_back(std::move(item));
  }
  return measures;
}

}  // namespace

Result<MeasureId> SqliteStore::AddMeasure(const Measure& measure) {
  TRY_STATUS(ValidateMeasure(measure));
  TRY_ASSIGN(auto statement,
             db_.Prepare("INSERT INTO measures (partnership_id, person_id, case_id, measure_type_id, assigned_unit_id, "
                         "due_on, status, completed_on, outcome, note, created_by, recorded_at, rule_id, facts) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
  statement.Bind(1, measure.partnership_id)
      .Bind(2, measure.person_id)
      .BindOptional(3, measure.case_id)
      .Bind(4, measure.measure_type_id)
      .Bind(5, measure.assigned_unit_id)
      .Bind(6, measure.due_on.ToString())
      .Bind(7, MeasureStatusName(measure.status))
      .Bind(9, measure.outcome)
      .Bind(10, measure.note)
      .Bind(11, measure.created_by)
      .Bind(12, clock_.Now().unix_seconds())
      .Bind(13, measure.rule_id)
      .Bind(14, measure.facts);
  measure.completed_on ? statement.Bind(8, measure.completed_on->ToString()) : statement.BindNull(8);
  MeasureId id = 0;
  TRY_STATUS(InTransaction([&]() -> Status {
    TRY_STATUS(sqlite::ReferencesExist(statement, statement.Run(), "measure",
                                       "names a person, case, unit, area or partnership that does not exist"));
    id = db_.LastInsertRowId();
    return RecordStatusStep(id, {measure.status, measure.completed_on, measure.outcome, measure.note,
                                 measure.created_by, clock_.Now()});
  }));
  return id;
}

// Appends a step to the measure's status history.
Status SqliteStore::RecordStatusStep(MeasureId id, const MeasureStatusChange& step) {
  TRY_ASSIGN(auto* insert, Cached("INSERT INTO measure_status_changes (measure_id, status, completed_on, outcome, "
                                  "note, changed_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)"));
  insert->Bind(1, id)
      .Bind(2, MeasureStatusName(step.status))
      .Bind(4, step.outcome)
      .Bind(5, step.note)
      .Bind(6, step.changed_by)
      .Bind(7, step.recorded_at.unix_seconds());
  step.completed_on ? insert->Bind(3, step.completed_on->ToString()) : insert->BindNull(3);
  return insert->Run();
}

Result<std::vector<MeasureStatusChange>> SqliteStore::MeasureStatusHistory(MeasureId id) {
  TRY_ASSIGN(auto statement, db_.Prepare("SELECT status, completed_on, outcome, note, changed_by, recorded_at FROM "
                                         "measure_status_changes WHERE measure_id = ? ORDER BY recorded_at, id"));
  statement.Bind(1, id);
  std::vector<MeasureStatusChange> steps;
  while (true) {
    TRY_ASSIGN(bool has_row, statement.Step());
    if (!has_row) break;
    MeasureStatusChange step;
    TRY_ASSIGN(step.status, sqlite::Stored(ParseMeasureStatus(statement.Text(0), "status")));
    if (auto completed = statement.OptionalText(1)) {
      TRY_ASSIGN(Date on, sqlite::Stored(Date::Parse(*completed, "completed_on")));
      step.completed_on = on;
    }
    step.outcome = statement.Text(2);
    step.note = statement.Text(3);
    step.changed_by = statement.Text(4);
    step.recorded_at = Timestamp::FromUnixSeconds(statement.Int(5));
    steps.push_back(std::move(step));
  }
  return steps;
}

Result<std::vector<Measure>> SqliteStore::MeasuresForPerson(PersonId person_id) {
  TRY_ASSIGN(auto statement, db_.Prepare(std::string(kMeasureColumns) + "WHERE person_id = ? ORDER BY id"));
  statement.Bind(1, person_id);
  return ReadMeasures(statement);
}

Result<int64_t> SqliteStore::CountMeasuresDone(const std::string& partnership_id, const std::string& measure_type_id,
                                               Date from, Date to, Timestamp known_at, const std::string& area_id) {
  // Persons count towards an area when they reside in it or in any area below it.
  TRY_ASSIGN(
      auto statement,
      db_.Prepare(
          "WITH RECURSIVE within(id) AS (SELECT ?6 UNION SELECT a.id FROM areas a JOIN within w ON a.parent_id = w.id) "
          "SELECT COUNT(*) FROM measures m JOIN persons p ON p.id = m.person_id "
          "JOIN measure_status_changes c ON c.id = (SELECT id FROM measure_status_changes WHERE measure_id = m.id "
          "AND recorded_at <= ?5 ORDER BY recorded_at DESC, id DESC LIMIT 1) "
          "WHERE m.partnership_id = ?1 AND m.measure_type_id = ?2 AND c.status = 'done' "
          "AND c.completed_on >= ?3 AND c.completed_on <= ?4 "
          "AND (?6 = '' OR p.residence_area_id IN (SELECT id FROM within))"));
  statement.Bind(1, partnership_id)
      .Bind(2, measure_type_id)
      .Bind(3, from.ToString())
      .Bind(4, to.ToString())
      .Bind(5, known_at.unix_seconds())
      .Bind(6, area_id);
  return CountQuery(statement);
}

Result<std::vector<Store::MeasureCount>> SqliteStore::CountMeasuresByTypeAndStatus(const std::string& partnership_id,
                                                                                Date from, Date to,
                                                                                Timestamp known_at) {
  TRY_ASSIGN(auto statement,
             db_.Prepare("SELECT m.measure_type_id, c.status, COUNT(*) FROM measures m "
                         "JOIN measure_status_changes c ON c.id = (SELECT id FROM measure_status_changes "
                         "WHERE measure_id = m.id AND recorded_at <= ?4 ORDER BY recorded_at DESC, id DESC LIMIT 1) "
                         "WHERE m.partnership_id = ?1 AND m.due_on >= ?2 AND m.due_on <= ?3 AND m.recorded_at <= ?4 "
                         "GROUP BY m.measure_type_id, c.status ORDER BY m.measure_type_id, c.status"));
  statement.Bind(1, partnership_id).Bind(2, from.ToString()).Bind(3, to.ToString()).Bind(4, known_at.unix_seconds());
  std::vector<MeasureCount> counts;
  while (true) {
    TRY_ASSIGN(bool has_row, statement.Step());
    if (!has_row) break;
    TRY_ASSIGN(MeasureStatus status, ParseMeasureStatus(statement.Text(1), "status"));
    counts.push_back(MeasureCount{statement.Text(0), status, statement.Int(2)});
  }
  return counts;
}

Result<Store::DueAndInTime> SqliteStore::CountMeasuresDoneInTime(const std::string& partnership_id,
                                                                 const std::string& measure_type_id, Date from,
                                                                 Date to, Timestamp known_at,
                                                                 const std::string& area_id) {
  TRY_ASSIGN(
      auto statement,
      db_.Prepare(
          "WITH RECURSIVE within(id) AS (SELECT ?6 UNION SELECT a.id FROM areas a JOIN within w ON a.parent_id = w.id) "
          "SELECT COUNT(*), COALESCE(SUM(c.status = 'done' AND c.completed_on <= m.due_on), 0) "
          "FROM measures m JOIN persons p ON p.id = m.person_id "
          "JOIN measure_status_changes c ON c.id = (SELECT id FROM measure_status_changes WHERE measure_id = m.id "
          "AND recorded_at <= ?5 ORDER BY recorded_at DESC, id DESC LIMIT 1) "
          "WHERE m.partnership_id = ?1 AND m.measure_type_id = ?2 AND m.due_on >= ?3 AND m.due_on <= ?4 "
          "AND (?6 = '' OR p.residence_area_id IN (SELECT id FROM within))"));
  statement.Bind(1, partnership_id)
      .Bind(2, measure_type_id)
      .Bind(3, from.ToString())
      .Bind(4, to.ToString())
      .Bind(5, known_at.unix_seconds())
      .Bind(6, area_id);
  TRY_STATUS(statement.Step());
  return DueAndInTime{statement.Int(0), statement.Int(1)};
}

Result<Measure> SqliteStore::GetMeasure(MeasureId id) {
  TRY_ASSIGN(auto statement, db_.Prepare(std::string(kMeasureColumns) + "WHERE id = ?"));
  TRY_ASSIGN(bool found, statement.Bind(1, id).Step());
  if (!found) return NotFound("no measure with id " + std::to_string(id), "measure_id");
  return ReadMeasure(statement);
}

Result<std::vector<Measure>> SqliteStore::ListMeasures(const MeasureFilter& filter) {
  if (filter.limit < 1 || filter.limit > 100000) return InvalidArgument("limit", "must be between 1 and 100000");
  if (filter.offset < 0) return InvalidArgument("offset", "must not be negative");
  TRY_ASSIGN(auto statement,
             db_.Prepare(std::string(kMeasureColumns) +
                         "WHERE (?1 = '' OR partnership_id = ?1) AND (?2 = '' OR assigned_unit_id = ?2) "
                         "AND (?3 = '' OR status = ?3) "
                         "AND (?4 = 0 OR status IN ('planned', 'in_progress')) "
                         "AND (?5 IS NULL OR (status IN ('planned', 'in_progress') AND due_on < ?5)) "
                         "ORDER BY due_on, id LIMIT ?6 OFFSET ?7"));
  statement.Bind(1, filter.partnership_id)
      .Bind(2, filter.assigned_unit_id)
      .Bind(3, filter.status ? std::string(MeasureStatusName(*filter.status)) : std::string())
      .Bind(4, filter.open_only ? 1 : 0)
      .Bind(6, filter.limit)
      .Bind(7, filter.offset);
  filter.overdue_on ? statement.Bind(5, filter.overdue_on->ToString()) : statement.BindNull(5);
  return ReadMeasures(statement);
}

Result<Measure> SqliteStore::ChangeMeasureStatus(MeasureId id, MeasureStatus expected_status, MeasureStatus to,
                                                 Date on, const std::string& outcome, const std::string& note,
                                                 const std::string& changed_by) {
  Measure measure;
  TRY_STATUS(InTransaction([&]() -> Status {
    TRY_ASSIGN(measure, GetMeasure(id));
    if (measure.status != expected_status) {
      return Conflict("the measure is now \"" + std::string(MeasureStatusName(measure.status)) + "\", not \"" +
                          std::string(MeasureStatusName(expected_status)) + "\"; someone changed it meanwhile",
                      "expected_status");
    }
    TRY_STATUS(MoveMeasure(measure, to, on, outcome));
    if (!note.empty()) measure.note = note;
    TRY_STATUS(ValidateMeasure(measure));
    TRY_ASSIGN(auto update, db_.Prepare("UPDATE measures SET status = ?, completed_on = ?, outcome = ?, note = ? "
                                        "WHERE id = ?"));
    update.Bind(1, MeasureStatusName(measure.status)).Bind(3, measure.outcome).Bind(4, measure.note).Bind(5, id);
    measure.completed_on ? update.Bind(2, measure.completed_on->ToString()) : update.BindNull(2);
    TRY_STATUS(update.Run());
    return RecordStatusStep(id, {measure.status, measure.completed_on, measure.outcome, measure.note, changed_by,
                                 clock_.Now()});
  }));
  return measure;
}

}  // namespace trygnet
