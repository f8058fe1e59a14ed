// Meetings, their decisions and the focus changes they make; the cadence
// counts for the indicators.
#include <nlohmann/json.hpp>

#include "core/focus_history.h"
#include "store/sqlite/json_columns.h"
#include "store/sqlite/sqlite_store.h"

namespace trygnet {

using sqlite::FromJsonList;
using sqlite::ToJsonList;

namespace {

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

Result<std::vector<Decision>> DecisionsFromJson(const std::string& text) {
  std::vector<Decision> decisions;
  try {
    for (const nlohmann::json& item : nlohmann::json::parse(text)) {
      Decision decision;
      TRY_ASSIGN(decision.kind, sqlite::Stored(ParseDecisionKind(item.at("kind").get<std::string>(), "kind")));
      decision.text = item.at("text").get<std::string>();
      decision.area_id = item.at("area_id").get<std::string>();
      std::string effective_on = item.at("effective_on").get<std::string>();
      if (!effective_on.empty()) {
        TRY_ASSIGN(Date on, sqlite::Stored(Date::Parse(effective_on, "effective_on")));
        decision.effective_on = on;
      }
      decisions.push_back(std::move(decision));
    }
  } catch (const nlohmann::json::exception&) {
    return DataLoss("stored meeting decisions are not valid");
  }
  return decisions;
}

constexpr std::string_view kMeetingColumns =
    "SELECT id, partnership_id, meeting_type_id, held_on, attending_unit_ids, minutes, decisions, recorded_by, "
    "recorded_at FROM meetings ";

Result<Meeting> ReadMeeting(const sqlite::Statement& statement) {
  Meeting meeting;
  meeting.id = statement.Int(0);
  meeting.partnership_id = statement.Text(1);
  meeting.meeting_type_id = statement.Text(2);
  TRY_ASSIGN(meeting.held_on, sqlite::Stored(Date::Parse(statement.Text(3), "held_on")));
  TRY_ASSIGN(meeting.attending_unit_ids, FromJsonList<std::string>(statement.Text(4), "attending_unit_ids"));
  meeting.minutes = statement.Text(5);
  TRY_ASSIGN(meeting.decisions, DecisionsFromJson(statement.Text(6)));
  meeting.recorded_by = statement.Text(7);
  meeting.recorded_at = Timestamp::FromUnixSeconds(statement.Int(8));
  return meeting;
}

FocusChange ChangeOf(const Meeting& meeting, const Decision& decision) {
  return FocusChange{decision.area_id, decision.kind == DecisionKind::kFocusAreaAdd, *decision.effective_on,
                     decision.text, meeting.id};
}

}  // namespace

Result<MeetingId> SqliteStore::AddMeeting(const Meeting& meeting) {
  TRY_STATUS(ValidateMeeting(meeting));
  MeetingId id = 0;
  TRY_STATUS(InTransaction([&]() -> Status {
    TRY_ASSIGN(auto statement,
               db_.Prepare("INSERT INTO meetings (partnership_id, meeting_type_id, held_on, attending_unit_ids, "
                           "minutes, decisions, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
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
    id = db_.LastInsertRowId();
    Meeting stored = meeting;
    stored.id = id;
    for (size_t idx = 0; idx < meeting.decisions.size(); ++idx) {
      const Decision& decision = meeting.decisions[idx];
      if (decision.kind == DecisionKind::kGeneral) continue;
      TRY_STATUS(AddFocusChange(meeting.partnership_id, ChangeOf(stored, decision),
                                "decisions[" + std::to_string(idx) + "]"));
    }
    return OkStatus();
  }));
  return id;
}

// Checked against the area's history so far (the definition's periods and
// the earlier changes), so the history stays consistent.
Status SqliteStore::AddFocusChange(const std::string& partnership_id, const FocusChange& change,
                                   const std::string& field) {
  TRY_ASSIGN(std::vector<FocusPeriod> periods, DefinedFocus(partnership_id, change.area_id));
  TRY_ASSIGN(std::vector<FocusChange> changes, FocusChanges(partnership_id, change.area_id));
  // Earlier decisions that take effect later are applied after this one: a
  // decision changes what holds from its date on.
  std::vector<FocusChange> ordered;
  for (const FocusChange& earlier : changes) {
    if (!(change.effective_on < earlier.effective_on)) ordered.push_back(earlier);
  }
  ordered.push_back(change);
  for (const FocusChange& earlier : changes) {
    if (change.effective_on < earlier.effective_on) ordered.push_back(earlier);
  }
  auto applied = ApplyFocusChanges(std::move(periods), ordered, field);
  if (!applied.ok()) return std::move(applied).error();
  TRY_ASSIGN(auto insert, db_.Prepare("INSERT INTO focus_changes (partnership_id, area_id, in_focus, effective_on, "
                                      "decision, meeting_id) VALUES (?, ?, ?, ?, ?, ?)"));
  insert.Bind(1, partnership_id)
      .Bind(2, change.area_id)
      .Bind(3, change.in_focus ? 1 : 0)
      .Bind(4, change.effective_on.ToString())
      .Bind(5, change.decision)
      .Bind(6, change.meeting_id);
  return sqlite::ReferencesExist(insert, insert.Run(), field + ".area_id", "is not an area of the partnership");
}

Result<std::vector<FocusPeriod>> SqliteStore::DefinedFocus(const std::string& partnership_id,
                                                           const std::string& area_id) {
  TRY_ASSIGN(auto statement, db_.Prepare("SELECT valid_from, valid_to, decision FROM area_focus WHERE "
                                         "partnership_id = ? AND area_id = ? ORDER BY valid_from"));
  statement.Bind(1, partnership_id).Bind(2, area_id);
  std::vector<FocusPeriod> periods;
  while (true) {
    TRY_ASSIGN(bool has_row, statement.Step());
    if (!has_row) break;
    FocusPeriod period;
    TRY_ASSIGN(period.from, sqlite::Stored(Date::Parse(statement.Text(0), "valid_from")));
    if (auto to = statement.OptionalText(1)) {
      TRY_ASSIGN(Date until, sqlite::Stored(Date::Parse(*to, "valid_to")));
      period.to = until;
    }
    period.decision = statement.Text(2);
    periods.push_back(std::move(period));
  }
  return periods;
}

Result<std::vector<FocusChange>> SqliteStore::FocusChanges(const std::string& partnership_id,
                                                           const std::string& area_id) {
  TRY_ASSIGN(auto statement,
             db_.Prepare("SELECT area_id, in_focus, effective_on, decision, meeting_id FROM focus_changes WHERE "
                         "partnership_id = ? AND area_id = ? ORDER BY effective_on, id"));
  statement.Bind(1, partnership_id).Bind(2, area_id);
  std::vector<FocusChange> changes;
  while (true) {
    TRY_ASSIGN(bool has_row, statement.Step());
    if (!has_row) break;
    FocusChange change;
    change.area_id = statement.Text(0);
    change.in_focus = statement.Int(1) != 0;
    TRY_ASSIGN(change.effective_on, sqlite::Stored(Date::Parse(statement.Text(2), "effective_on")));
    change.decision = statement.Text(3);
    change.meeting_id = statement.Int(4);
    changes.push_back(std::move(change));
  }
  return changes;
}

Result<std::vector<FocusPeriod>> SqliteStore::FocusHistory(const std::string& partnership_id,
                                                           const std::string& area_id) {
  TRY_ASSIGN(std::vector<FocusPeriod> periods, DefinedFocus(partnership_id, area_id));
  TRY_ASSIGN(std::vector<FocusChange> changes, FocusChanges(partnership_id, area_id));
  return ApplyFocusChanges(std::move(periods), changes, "focus_changes");
}

Result<Meeting> SqliteStore::GetMeeting(MeetingId id) {
  TRY_ASSIGN(auto statement, db_.Prepare(std::string(kMeetingColumns) + "WHERE id = ?"));
  TRY_ASSIGN(bool found, statement.Bind(1, id).Step());
  if (!found) return NotFound("no meeting with id " + std::to_string(id), "meeting_id");
  return ReadMeeting(statement);
}

Result<std::vector<Meeting>> SqliteStore::ListMeetings(const std::string& partnership_id, Date from, Date to) {
  TRY_ASSIGN(auto statement,
             db_.Prepare(std::string(kMeetingColumns) +
                         "WHERE partnership_id = ? AND held_on >= ? AND held_on <= ? ORDER BY held_on DESC, id DESC"));
  statement.Bind(1, partnership_id).Bind(2, from.ToString()).Bind(3, to.ToString());
  std::vector<Meeting> meetings;
  while (true) {
    TRY_ASSIGN(bool has_row, statement.Step());
    if (!has_row) break;
    TRY_ASSIGN(Meeting meeting, ReadMeeting(statement));
    meetings.push_back(std::move(meeting));
  }
  return meetings;
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

}  // namespace trygnet
