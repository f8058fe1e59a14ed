// Observations: one row each with the persons present (JSON), plus the
// derived person → observation table, written per row or rebuilt after a
// bulk load (docs/decisions/0005-observation-storage.md).
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <charconv>

#include "store/sqlite/json_columns.h"
#include "store/sqlite/migrations.h"
#include "store/sqlite/sqlite_store.h"

namespace trygnet {
namespace {

std::string PersonIdsJson(const std::vector<PersonId>& person_ids) {
  std::string json = "[";
  for (size_t idx = 0; idx < person_ids.size(); ++idx) {
    if (idx > 0) json += ',';
    json += std::to_string(person_ids[idx]);
  }
  return json + "]";
}

std::string At(size_t idx) { return "observations[" + std::to_string(idx) + "]"; }

// Takes the bulk-load lock of the database at `db_path` without waiting.
// Returns the locked descriptor, or -1 when another process holds it.
int TryBulkLock(const std::string& db_path) {
  int fd = ::open((db_path + "-bulk.lock").c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0) return -1;
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

}  // namespace

Status SqliteStore::BeginBulkLoad() {
  if (bulk_load_after_) return FailedPrecondition("a bulk load is already open");
  bulk_lock_fd_ = TryBulkLock(path_);
  if (bulk_lock_fd_ < 0) return FailedPrecondition("another process is bulk loading this database");
  Status begun = InTransaction([&]() -> Status {
    TRY_ASSIGN(auto statement, db_.Prepare("SELECT COALESCE(MAX(id), 0) FROM observations"));
    TRY_ASSIGN(ObservationId after, CountQuery(statement));
    TRY_ASSIGN(auto mark, db_.Prepare("INSERT INTO meta (key, value) VALUES ('bulk_load_after', ?)"));
    TRY_STATUS(mark.Bind(1, std::to_string(after)).Run());
    TRY_STATUS(db_.Exec(sqlite::kDropObservationIndexes));
    bulk_load_after_ = after;
    return OkStatus();
  });
  if (!begun.ok()) {
    bulk_load_after_.reset();
    ::close(std::exchange(bulk_lock_fd_, -1));
  }
  return begun;
}

Status SqliteStore::EndBulkLoad() {
  if (!bulk_load_after_) return FailedPrecondition("no bulk load is open");
  TRY_STATUS(InTransaction([&]() -> Status {
    // Sorted by person, so the table is built front to back instead of by random inserts.
    TRY_ASSIGN(auto links,
               db_.Prepare(
                   "INSERT OR IGNORE INTO observation_persons (person_id, observation_id) "
                   "SELECT j.value, o.id FROM observations o, json_each(o.person_ids) j WHERE o.id > ? ORDER BY 1, 2"));
    links.Bind(1, *bulk_load_after_);
    TRY_STATUS(links.Run());
    TRY_STATUS(db_.Exec(sqlite::kObservationIndexes));
    return db_.Exec("DELETE FROM meta WHERE key = 'bulk_load_after'");
  }));
  bulk_load_after_.reset();
  if (bulk_lock_fd_ >= 0) ::close(std::exchange(bulk_lock_fd_, -1));
  return OkStatus();
}

Status SqliteStore::FinishInterruptedBulkLoad() {
  TRY_ASSIGN(auto statement, db_.Prepare("SELECT value FROM meta WHERE key = 'bulk_load_after'"));
  TRY_ASSIGN(bool marked, statement.Step());
  if (!marked) return OkStatus();
  std::string value = statement.Text(0);
  statement.Reset();
  ObservationId after = 0;
  auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), after);
  if (error != std::errc() || end != value.data() + value.size()) return DataLoss("the bulk-load mark is damaged");
  // A load still running in another process holds the lock: leave it alone.
  bulk_lock_fd_ = TryBulkLock(path_);
  if (bulk_lock_fd_ < 0) return OkStatus();
  bulk_load_after_ = after;
  return EndBulkLoad();
}

// Each distinct person of the batch is looked up once (a batch names the same
// persons many times), and the first observation naming a missing one is reported.
Status SqliteStore::CheckPersonsExist(const std::vector<Observation>& observations) {
  std::vector<PersonId> person_ids;
  for (const Observation& observation : observations) {
    person_ids.insert(person_ids.end(), observation.person_ids.begin(), observation.person_ids.end());
  }
  std::sort(person_ids.begin(), person_ids.end());
  person_ids.erase(std::unique(person_ids.begin(), person_ids.end()), person_ids.end());
  TRY_ASSIGN(auto* person_exists, Cached("SELECT 1 FROM persons WHERE id = ?"));
  for (PersonId person_id : person_ids) {
    TRY_ASSIGN(bool exists, person_exists->Bind(1, person_id).Step());
    person_exists->Reset();
    if (exists) continue;
    for (size_t idx = 0; idx < observations.size(); ++idx) {
      const auto& named = observations[idx].person_ids;
      if (std::find(named.begin(), named.end(), person_id) != named.end()) {
        return InvalidArgument(At(idx) + ".person_ids", "person " + std::to_string(person_id) + " does not exist");
      }
    }
  }
  return OkStatus();
}

Result<std::vector<ObservationId>> SqliteStore::AddObservations(const std::vector<Observation>& observations) {
  for (size_t idx = 0; idx < observations.size(); ++idx) {
    Status valid = ValidateObservation(observations[idx]);
    if (!valid.ok()) {
      Error error = std::move(valid).error();
      error.field = At(idx) + "." + error.field;
      return error;
    }
  }
  std::vector<ObservationId> ids;
  ids.reserve(observations.size());
  TRY_STATUS(InTransaction([&]() -> Status {
    TRY_STATUS(CheckPersonsExist(observations));
    TRY_ASSIGN(
        auto* insert,
        Cached(
            "INSERT INTO observations (observed_at, area_id, lon, lat, source, recorded_by, recorded_at, person_ids) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    TRY_ASSIGN(auto* link, Cached("INSERT INTO observation_persons (person_id, observation_id) VALUES (?, ?)"));
    for (size_t idx = 0; idx < observations.size(); ++idx) {
      const Observation& observation = observations[idx];
      insert->Bind(1, observation.observed_at.unix_seconds())
          .Bind(5, observation.source)
          .Bind(6, observation.recorded_by)
          .Bind(7, observation.recorded_at.unix_seconds())
          .Bind(8, PersonIdsJson(observation.person_ids));
      observation.area_id.empty() ? insert->BindNull(2) : insert->Bind(2, observation.area_id);
      if (observation.position) {
        insert->Bind(3, observation.position->lon).Bind(4, observation.position->lat);
      } else {
        insert->BindNull(3).BindNull(4);
      }
      TRY_STATUS(sqlite::ReferencesExist(*insert, insert->Run(), At(idx) + ".area_id",
                                         "unknown area \"" + observation.area_id + "\""));
      ObservationId id = db_.LastInsertRowId();
      if (!bulk_load_after_) {  // during a bulk load the links are built at its end
        for (PersonId person_id : observation.person_ids) TRY_STATUS(link->Bind(1, person_id).Bind(2, id).Run());
      }
      ids.push_back(id);
    }
    return OkStatus();
  }));
  return ids;
}

Result<int64_t> SqliteStore::CountObservations() {
  TRY_ASSIGN(auto statement, db_.Prepare("SELECT COUNT(*) FROM observations"));
  return CountQuery(statement);
}

namespace {

constexpr std::string_view kObservationColumns =
    "SELECT o.id, o.observed_at, o.area_id, o.lon, o.lat, o.source, o.recorded_by, o.recorded_at, o.person_ids ";

// Reads the statement's rows one at a time; the same Observation is reused.
Status VisitObservations(sqlite::Statement& statement, const std::function<Status(const Observation&)>& visit) {
  Observation observation;
  while (true) {
    TRY_ASSIGN(bool has_row, statement.Step());
    if (!has_row) break;
    observation.id = statement.Int(0);
    observation.observed_at = Timestamp::FromUnixSeconds(statement.Int(1));
    observation.area_id = statement.OptionalText(2).value_or("");
    observation.position.reset();
    if (!statement.IsNull(3)) observation.position = GeoPoint{statement.Real(3), statement.Real(4)};
    observation.source = statement.Text(5);
    observation.recorded_by = statement.Text(6);
    observation.recorded_at = Timestamp::FromUnixSeconds(statement.Int(7));
    TRY_ASSIGN(observation.person_ids, sqlite::FromJsonList<PersonId>(statement.Text(8), "observations.person_ids"));
    TRY_STATUS(visit(observation));
  }
  return OkStatus();
}

Result<std::vector<Observation>> ReadObservations(sqlite::Statement& statement) {
  std::vector<Observation> observations;
  TRY_STATUS(VisitObservations(statement, [&](const Observation& observation) -> Status {
    observations.push_back(observation);
    return OkStatus();
  }));
  return observations;
}

}  // namespace

Result<std::vector<Observation>> SqliteStore::ObservationsForPerson(PersonId person_id, int64_t limit) {
  if (limit < 1 || limit > 10000) return InvalidArgument("limit", "must be between 1 and 10000");
  TRY_ASSIGN(auto statement,
             db_.Prepare(std::string(kObservationColumns) +
                         "FROM observation_persons p JOIN observations o ON o.id = p.observation_id "
                         "WHERE p.person_id = ? ORDER BY o.observed_at DESC, o.id DESC LIMIT ?"));
  statement.Bind(1, person_id).Bind(2, limit);
  return ReadObservations(statement);
}

Result<std::vector<Observation>> SqliteStore::ObservationsBetween(Timestamp from, Timestamp to) {
  TRY_ASSIGN(auto statement, db_.Prepare(std::string(kObservationColumns) +
                                         "FROM observations o WHERE o.observed_at >= ? AND o.observed_at <= ? "
                                         "ORDER BY o.observed_at, o.id"));
  statement.Bind(1, from.unix_seconds()).Bind(2, to.unix_seconds());
  return ReadObservations(statement);
}

Status SqliteStore::ScanObservations(Timestamp from, Timestamp to, Timestamp known_at,
                                     const std::function<Status(const Observation&)>& visit) {
  // The time index pays for a short period only: each row it finds is a
  // random read of the table, so for a year of ten million observations
  // reading the table straight through is many times faster (docs/performance.md, issue 8).
  constexpr int64_t kIndexedPeriodSeconds = 62 * 86400;
  const bool short_period = to.unix_seconds() - from.unix_seconds() <= kIndexedPeriodSeconds;
  TRY_ASSIGN(auto statement,
             db_.Prepare(std::string(kObservationColumns) + "FROM observations o " +
                         (short_period ? "" : "NOT INDEXED ") +
                         "WHERE o.observed_at >= ? AND o.observed_at <= ? AND o.recorded_at <= ?"));
  statement.Bind(1, from.unix_seconds()).Bind(2, to.unix_seconds()).Bind(3, known_at.unix_seconds());
  return VisitObservations(statement, visit);
}

}  // namespace trygnet
