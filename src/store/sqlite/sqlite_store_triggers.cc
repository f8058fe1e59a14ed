// Custody events and the record of which facts trigger rules acted on.
#include "store/sqlite/sqlite_store.h"

namespace trygnet {
namespace {

constexpr std::string_view kCustodyColumns =
    "SELECT id, partnership_id, person_id, kind, occurred_on, note, recorded_by, recorded_at FROM custody_events ";

Result<std::vector<CustodyEvent>> ReadCustodyEvents(sqlite::Statement& statement) {
  std::vector<CustodyEvent> events;
  while (true) {
    TRY_ASSIGN(bool has_row, statement.Step());
    if (!has_row) break;
    CustodyEvent event;
    event.id = statement.Int(0);
    event.partnership_id = statement.Text(1);
    event.person_id = statement.Int(2);
    TRY_ASSIGN(event.kind, sqlite::Stored(ParseCustodyKind(statement.Text(3), "kind")));
    TRY_ASSIGN(event.occurred_on, sqlite::Stored(Date::Parse(statement.Text(4), "occurred_on")));
    event.note = statement.Text(5);
    event.recorded_by = statement.Text(6);
    event.recorded_at = Timestamp::FromUnixSeconds(statement.Int(7));
    events.push_back(std::move(event));
  }
  return events;
}

}  // namespace

Result<CustodyEventId> SqliteStore::AddCustodyEvent(const CustodyEvent& event) {
  TRY_STATUS(ValidateCustodyEvent(event, clock_.Now().date()));
  TRY_ASSIGN(auto statement,
             db_.Prepare("INSERT INTO custody_events (partnership_id, person_id, kind, occurred_on, note, recorded_by, "
                         "recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)"));
  statement.Bind(1, event.partnership_id)
      .Bind(2, event.person_id)
      .Bind(3, CustodyKindName(event.kind))
      .Bind(4, event.occurred_on.ToString())
      .Bind(5, event.note)
      .Bind(6, event.recorded_by)
      .Bind(7, clock_.Now().unix_seconds());
  TRY_STATUS(sqlite::ReferencesExist(statement, statement.Run(), "custody_event",
                                     "names a person or partnership that does not exist"));
  return db_.LastInsertRowId();
}

Result<std::vector<CustodyEvent>> SqliteStore::CustodyEventsForPerson(PersonId person_id) {
  TRY_ASSIGN(auto statement,
             db_.Prepare(std::string(kCustodyColumns) + "WHERE person_id = ? ORDER BY occurred_on, id"));
  statement.Bind(1, person_id);
  return ReadCustodyEvents(statement);
}

Result<std::vector<CustodyEvent>> SqliteStore::CustodyEventsBetween(const std::string& partnership_id, Date from,
                                                                   Date to) {
  TRY_ASSIGN(auto statement,
             db_.Prepare(std::string(kCustodyColumns) +
                         "WHERE partnership_id = ? AND occurred_on >= ? AND occurred_on <= ? ORDER BY occurred_on, id"));
  statement.Bind(1, partnership_id).Bind(2, from.ToString()).Bind(3, to.ToString());
  return ReadCustodyEvents(statement);
}

Result<bool> SqliteStore::RecordTriggerFiring(const TriggerFiringRecord& firing) {
  TRY_ASSIGN(auto statement,
             db_.Prepare("INSERT INTO trigger_firings (partnership_id, rule_id, fact_key, person_id, fact_on, fired_at) "
                         "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING"));
  statement.Bind(1, firing.partnership_id)
      .Bind(2, firing.rule_id)
      .Bind(3, firing.fact_key)
      .Bind(4, firing.person_id)
      .Bind(5, firing.fact_on.ToString())
      .Bind(6, clock_.Now().unix_seconds());
  TRY_STATUS(sqlite::ReferencesExist(statement, statement.Run(), "trigger_firing",
                                     "names a person or partnership that does not exist"));
  return db_.Changes() > 0;
}

Result<std::optional<Date>> SqliteStore::LastTriggerFiring(const std::string& partnership_id,
                                                           const std::string& rule_id, PersonId person_id) {
  TRY_ASSIGN(auto statement, db_.Prepare("SELECT MAX(fact_on) FROM trigger_firings WHERE partnership_id = ? "
                                         "AND rule_id = ? AND person_id = ?"));
  TRY_STATUS(statement.Bind(1, partnership_id).Bind(2, rule_id).Bind(3, person_id).Step());
  auto newest = statement.OptionalText(0);
  if (!newest) return std::optional<Date>();
  TRY_ASSIGN(Date on, sqlite::Stored(Date::Parse(*newest, "fact_on")));
  return std::optional<Date>(on);
}

}  // namespace trygnet
