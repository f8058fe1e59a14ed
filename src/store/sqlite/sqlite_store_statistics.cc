// Statistics imported from outside: population, police report counts and
// survey results per area and year, kept with their import (as known at).
#include "core/text_rules.h"
#include "store/sqlite/sqlite_store.h"

namespace trygnet {

Result<int64_t> SqliteStore::AddStatisticsImport(const StatisticsImport& import,
                                                 const std::vector<AreaStatistic>& statistics) {
  TRY_STATUS(RequireIdentifier("partnership_id", import.partnership_id));
  for (size_t idx = 0; idx < statistics.size(); ++idx) {
    const AreaStatistic& statistic = statistics[idx];
    if (statistic.partnership_id != import.partnership_id) {
      return InvalidArgument("statistics[" + std::to_string(idx) + "]", "belongs to another partnership");
    }
    TRY_STATUS(ValidateAreaStatistic(statistic));
  }
  int64_t id = 0;
  TRY_STATUS(InTransaction([&]() -> Status {
    int64_t now = clock_.Now().unix_seconds();
    TRY_ASSIGN(auto insert_import,
               db_.Prepare("INSERT INTO statistics_imports (partnership_id, dataset, source, file_name, rows, "
                           "imported_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    insert_import.Bind(1, import.partnership_id)
        .Bind(2, import.dataset)
        .Bind(3, import.source)
        .Bind(4, import.file_name)
        .Bind(5, import.rows)
        .Bind(6, import.imported_by)
        .Bind(7, now);
    TRY_STATUS(sqlite::ReferencesExist(insert_import, insert_import.Run(), "partnership",
                                       "is not a loaded partnership"));
    id = db_.LastInsertRowId();
    TRY_ASSIGN(auto insert, db_.Prepare("INSERT INTO area_statistics (import_id, partnership_id, area_id, year, kind, "
                                        "value, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    for (const AreaStatistic& statistic : statistics) {
      insert.Bind(1, id)
          .Bind(2, statistic.partnership_id)
          .Bind(3, statistic.area_id)
          .Bind(4, statistic.year)
          .Bind(5, StatisticKindName(statistic.kind))
          .Bind(6, statistic.value)
          .Bind(7, now);
      TRY_STATUS(sqlite::ReferencesExist(insert, insert.Run(), "area_id", "is not a stored area"));
    }
    return OkStatus();
  }));
  return id;
}

Result<std::optional<double>> SqliteStore::AreaStatisticValue(const std::string& partnership_id,
                                                              const std::string& area_id, int year, StatisticKind kind,
                                                              Timestamp known_at) {
  TRY_ASSIGN(auto* statement,
             Cached("SELECT value FROM area_statistics WHERE partnership_id = ? AND area_id = ? AND kind = ? AND "
                    "year = ? AND recorded_at <= ? ORDER BY recorded_at DESC, import_id DESC LIMIT 1"));
  sqlite::ResetOnExit reset(*statement);
  statement->Bind(1, partnership_id)
      .Bind(2, area_id)
      .Bind(3, StatisticKindName(kind))
      .Bind(4, year)
      .Bind(5, known_at.unix_seconds());
  TRY_ASSIGN(bool found, statement->Step());
  if (!found) return std::optional<double>();
  return std::optional<double>(statement->Real(0));
}

Result<std::vector<StatisticsImport>> SqliteStore::ListStatisticsImports(const std::string& partnership_id) {
  TRY_ASSIGN(auto statement, db_.Prepare("SELECT id, partnership_id, dataset, source, file_name, rows, imported_by, "
                                         "recorded_at FROM statistics_imports WHERE partnership_id = ? "
                                         "ORDER BY recorded_at DESC, id DESC"));
  statement.Bind(1, partnership_id);
  std::vector<StatisticsImport> imports;
  while (true) {
    TRY_ASSIGN(bool has_row, statement.Step());
    if (!has_row) break;
    StatisticsImport item;
    item.id = statement.Int(0);
    item.partnership_id = statement.Text(1);
    item.dataset = statement.Text(2);
    item.source = statement.Text(3);
    item.file_name = statement.Text(4);
    item.rows = statement.Int(5);
    item.imported_by = statement.Text(6);
    item.recorded_at = Timestamp::FromUnixSeconds(statement.Int(7));
    imports.push_back(std::move(item));
  }
  return imports;
}

}  // namespace trygnet
