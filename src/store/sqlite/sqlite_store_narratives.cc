// Narratives of the status report, versioned per period and topic.
#include "store/sqlite/sqlite_store.h"

namespace trygnet {
namespace {

constexpr std::string_view kNarrativeColumns =
    "id, partnership_id, period_from, period_to, topic, version, title, text, external, unit_id, recorded_by, "
    "recorded_at";

Result<ReportNarrative> ReadNarrative(sqlite::Statement& statement) {
  ReportNarrative narrative;
  narrative.id = statement.Int(0);
  narrative.partnership_id = statement.Text(1);
  TRY_ASSIGN(narrative.period.from, Date::Parse(statement.Text(2), "period_from"));
  TRY_ASSIGN(narrative.period.to, Date::Parse(statement.Text(3), "period_to"));
  narrative.topic = statement.Text(4);
  narrative.version = static_cast<int>(statement.Int(5));
  narrative.title = statement.Text(6);
  narrative.text = statement.Text(7);
  narrative.external = statement.Int(8) != 0;
  narrative.unit_id = statement.Text(9);
  narrative.recorded_by = statement.Text(10);
  narrative.recorded_at = Timestamp::FromUnixSeconds(statement.Int(11));
  return narrative;
}

Result<std::vector<ReportNarrative>> ReadNarratives(sqlite::Statement& statement) {
  std::vector<ReportNarrative> narratives;
  while (true) {
    TRY_ASSIGN(bool has_row, statement.Step());
    if (!has_row) break;
    TRY_ASSIGN(ReportNarrative narrative, ReadNarrative(statement));
    narratives.push_back(std::move(narrative));
  }
  return narratives;
}

}  // namespace

Result<ReportNarrative> SqliteStore::AddReportNarrative(const ReportNarrative& narrative) {
  TRY_STATUS(ValidateReportNarrative(narrative));
  ReportNarrative stored = narrative;
  TRY_STATUS(InTransaction([&]() -> Status {
    TRY_ASSIGN(auto newest, db_.Prepare("SELECT COALESCE(MAX(version), 0) FROM report_narratives WHERE "
                                        "partnership_id = ? AND period_from = ? AND period_to = ? AND topic = ?"));
    newest.Bind(1, narrative.partnership_id)
        .Bind(2, narrative.period.from.ToString())
        .Bind(3, narrative.period.to.ToString())
        .Bind(4, narrative.topic);
    TRY_STATUS(newest.Step());
    const int64_t stored_version = newest.Int(0);
    if (narrative.version != stored_version + 1) {
      return Conflict("the narrative \"" + narrative.topic + "\" is at version " + std::to_string(stored_version) +
                          "; a new version must be " + std::to_string(stored_version + 1) +
                          " (someone may have revised it meanwhile: read it again)",
                      "version");
    }
    stored.recorded_at = clock_.Now();
    TRY_ASSIGN(auto insert, db_.Prepare("INSERT INTO report_narratives (partnership_id, period_from, period_to, "
                                        "topic, version, title, text, external, unit_id, recorded_by, recorded_at) "
                                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    insert.Bind(1, narrative.partnership_id)
        .Bind(2, narrative.period.from.ToString())
        .Bind(3, narrative.period.to.ToString())
        .Bind(4, narrative.topic)
        .Bind(5, narrative.version)
        .Bind(6, narrative.title)
        .Bind(7, narrative.text)
        .Bind(8, narrative.external ? 1 : 0)
        .Bind(9, narrative.unit_id)
        .Bind(10, narrative.recorded_by)
        .Bind(11, stored.recorded_at.unix_seconds());
    TRY_STATUS(sqlite::ReferencesExist(insert, insert.Run(), "narrative",
                                       "names a partnership or unit that does not exist"));
    stored.id = db_.LastInsertRowId();
    return OkStatus();
  }));
  return stored;
}

Result<std::vector<ReportNarrative>> SqliteStore::ReportNarratives(const std::string& partnership_id,
                                                                   const ReportPeriod& period, Timestamp known_at) {
  TRY_ASSIGN(auto statement,
             db_.Prepare("SELECT " + std::string(kNarrativeColumns) +
                         " FROM report_narratives n WHERE partnership_id = ?1 AND period_from = ?2 AND "
                         "period_to = ?3 AND recorded_at <= ?4 AND version = (SELECT MAX(version) FROM "
                         "report_narratives o WHERE o.partnership_id = n.partnership_id AND o.period_from = "
                         "n.period_from AND o.period_to = n.period_to AND o.topic = n.topic AND o.recorded_at <= ?4) "
                         "ORDER BY topic"));
  statement.Bind(1, partnership_id)
      .Bind(2, period.from.ToString())
      .Bind(3, period.to.ToString())
      .Bind(4, known_at.unix_seconds());
  return ReadNarratives(statement);
}

Result<std::vector<ReportNarrative>> SqliteStore::ReportNarrativeHistory(const std::string& partnership_id,
                                                                         const ReportPeriod& period,
                                                                         const std::string& topic) {
  TRY_ASSIGN(auto statement, db_.Prepare("SELECT " + std::string(kNarrativeColumns) +
                                         " FROM report_narratives WHERE partnership_id = ? AND period_from = ? AND "
                                         "period_to = ? AND topic = ? ORDER BY version"));
  statement.Bind(1, partnership_id).Bind(2, period.from.ToString()).Bind(3, period.to.ToString()).Bind(4, topic);
  return ReadNarratives(statement);
}

}  // namespace trygnet
