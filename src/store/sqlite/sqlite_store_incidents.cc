// Incidents and their response logs [p.11–12]: recorded, answered role by
// role, closed with an after-action note.
#include <algorithm>
#include <functional>

#include <nlohmann/json.hpp>

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

Result<std::vector<ResponseEntry>> ResponsesFromJson(const std::string& text) {
  std::vector<ResponseEntry> responses;
  try {
    for (const nlohmann::json& item : nlohmann::json::parse(text)) {
      ResponseEntry entry;
      entry.at = Timestamp::FromUnixSeconds(item.at("at").get<int64_t>());
      TRY_ASSIGN(entry.role, sqlite::Stored(ParseResponseRole(item.at("role").get<std::string>(), "role")));
      entry.unit_id = item.at("unit_id").get<std::string>();
      entry.note = item.at("note").get<std::string>();
      responses.push_back(std::move(entry));
    }
  } catch (const nlohmann::json::exception&) {
    return DataLoss("stored incident responses are not valid");
  }
  return responses;
}

constexpr std::string_view kIncidentColumns =
    "SELECT id, partnership_id, kind, occurred_at, area_id, place, person_ids, group_ids, responses, closed_at, "
    "after_action_note, recorded_by, recorded_by_unit, recorded_at FROM incidents ";

Result<Incident> ReadIncident(const sqlite::Statement& statement) {
  Incident incident;
  incident.id = statement.Int(0);
  incident.partnership_id = statement.Text(1);
  TRY_ASSIGN(incident.kind, sqlite::Stored(ParseIncidentKind(statement.Text(2), "kind")));
  incident.occurred_at = Timestamp::FromUnixSeconds(statement.Int(3));
  incident.area_id = statement.OptionalText(4).value_or("");
  incident.place = statement.Text(5);
  TRY_ASSIGN(incident.person_ids, FromJsonList<PersonId>(statement.Text(6), "person_ids"));
  TRY_ASSIGN(incident.group_ids, FromJsonList<GroupId>(statement.Text(7), "group_ids"));
  TRY_ASSIGN(incident.responses, ResponsesFromJson(statement.Text(8)));
  if (!statement.IsNull(9)) incident.closed_at = Timestamp::FromUnixSeconds(statement.Int(9));
  incident.after_action_note = statement.Text(10);
  incident.recorded_by = statement.Text(11);
  incident.recorded_by_unit_id = statement.Text(12);
  incident.recorded_at = Timestamp::FromUnixSeconds(statement.Int(13));
  return incident;
}

}  // namespace

Result<IncidentId> SqliteStore::AddIncident(const Incident& incident) {
  TRY_STATUS(ValidateIncident(incident));
  TRY_ASSIGN(auto statement,
             db_.Prepare("INSERT INTO incidents (partnership_id, kind, occurred_at, area_id, place, person_ids, "
                         "group_ids, responses, closed_at, after_action_note, recorded_by, recorded_by_unit, "
                         "recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
  statement.Bind(1, incident.partnership_id)
      .Bind(2, IncidentKindName(incident.kind))
      .Bind(3, incident.occurred_at.unix_seconds())
      .Bind(5, incident.place)
      .Bind(6, ToJsonList(incident.person_ids))
      .Bind(7, ToJsonList(incident.group_ids))
      .Bind(8, ResponsesToJson(incident.responses).dump())
      .Bind(10, incident.after_action_note)
      .Bind(11, incident.recorded_by)
      .Bind(12, incident.recorded_by_unit_id)
      .Bind(13, clock_.Now().unix_seconds());
  incident.area_id.empty() ? statement.BindNull(4) : statement.Bind(4, incident.area_id);
  incident.closed_at ? statement.Bind(9, incident.closed_at->unix_seconds()) : statement.BindNull(9);
  TRY_STATUS(sqlite::ReferencesExist(statement, statement.Run(), "incident",
                                     "names a person, case, unit, area or partnership that does not exist"));
  return db_.LastInsertRowId();
}

Result<Incident> SqliteStore::GetIncident(IncidentId id) {
  TRY_ASSIGN(auto statement, db_.Prepare(std::string(kIncidentColumns) + "WHERE id = ?"));
  TRY_ASSIGN(bool found, statement.Bind(1, id).Step());
  if (!found) return NotFound("no incident with id " + std::to_string(id), "incident_id");
  return ReadIncident(statement);
}

Result<std::vector<Incident>> SqliteStore::ListIncidents(const std::string& partnership_id, Timestamp from,
                                                         Timestamp to) {
  TRY_ASSIGN(auto statement, db_.Prepare(std::string(kIncidentColumns) +
                                         "WHERE partnership_id = ? AND occurred_at >= ? AND occurred_at <= ? "
                                         "ORDER BY occurred_at DESC, id DESC"));
  statement.Bind(1, partnership_id).Bind(2, from.unix_seconds()).Bind(3, to.unix_seconds());
  std::vector<Incident> incidents;
  while (true) {
    TRY_ASSIGN(bool has_row, statement.Step());
    if (!has_row) break;
    TRY_ASSIGN(Incident incident, ReadIncident(statement));
    incidents.push_back(std::move(incident));
  }
  return incidents;
}

// Read, change, validate and write back in one transaction: the incident's
// rules (responses not before it, no change once closed) hold on the result.
Result<Incident> SqliteStore::ChangeIncident(IncidentId id, const std::function<Status(Incident&)>& change) {
  Incident changed;
  TRY_STATUS(InTransaction([&]() -> Status {
    TRY_ASSIGN(changed, GetIncident(id));
    if (changed.closed_at) {
      return FailedPrecondition("incident " + std::to_string(id) + " was closed at " + changed.closed_at->ToString());
    }
    TRY_STATUS(change(changed));
    TRY_STATUS(ValidateIncident(changed));
    TRY_ASSIGN(auto update, db_.Prepare("UPDATE incidents SET responses = ?, closed_at = ?, after_action_note = ? "
                                        "WHERE id = ?"));
    update.Bind(1, ResponsesToJson(changed.responses).dump()).Bind(3, changed.after_action_note).Bind(4, id);
    changed.closed_at ? update.Bind(2, changed.closed_at->unix_seconds()) : update.BindNull(2);
    return update.Run();
  }));
  return changed;
}

Result<Incident> SqliteStore::AddIncidentResponse(IncidentId id, const ResponseEntry& entry) {
  return ChangeIncident(id, [&](Incident& incident) -> Status {
    incident.responses.push_back(entry);
    std::stable_sort(incident.responses.begin(), incident.responses.end(),
                     [](const ResponseEntry& a, const ResponseEntry& b) { return a.at < b.at; });
    return OkStatus();
  });
}

Result<Incident> SqliteStore::CloseIncident(IncidentId id, Timestamp closed_at, const std::string& after_action_note) {
  return ChangeIncident(id, [&](Incident& incident) -> Status {
    incident.closed_at = closed_at;
    incident.after_action_note = after_action_note;
    return OkStatus();
  });
}

}  // namespace trygnet
