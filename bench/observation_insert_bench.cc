// Bulk insert rate of observations into SQLite, durable (WAL, synchronous=FULL,
// one commit per batch), through the Store port — against a baseline of raw
// prepared INSERTs of the same rows into the same schema, in the same run.
// Goal (issue 3): at least 200,000 observation rows per second.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <memory>

#include "definition/partnership_loader.h"
#include "store/sqlite/migrations.h"
#include "store/sqlite/sqlite_store.h"

namespace trygnet {
namespace {

constexpr int64_t kPersons = 20000;
constexpr int kPersonsPerObservation = 3;

std::string BenchDir() {
  auto dir = std::filesystem::temp_directory_path() / "trygnet-bench";
  std::filesystem::create_directories(dir);
  return dir.string();
}

// A store with the partnership and `kPersons` persons, created once.
struct BenchStore {
  BenchStore() : clock(Timestamp::StartOf(*Date::FromYmd(2017, 1, 1))) {
    std::string dir = BenchDir();
    std::filesystem::remove(dir + "/bench.db");
    std::filesystem::remove(dir + "/bench.db-wal");
    std::filesystem::remove(dir + "/bench.key");
    auto key = CreateKeyFile(dir + "/bench.key");
    store = std::move(SqliteStore::Open(dir + "/bench.db", *key, clock, {.create = true})).value();
    PartnershipLoad load = LoadPartnershipFile(std::string(TRYGNET_SOURCE_DIR) + "/partnerships/norrebro-2017.toml");
    (void)store->SavePartnership(*load.partnership, load.source_text);
    (void)store->InTransaction([&]() -> Status {
      for (int64_t person_idx = 0; person_idx < kPersons; ++person_idx) {
        Person person;
        person.identity = {"Bench", "Testesen", std::nullopt, *Date::FromYmd(1990, 1, 1)};
        TRY_STATUS(store->AddPerson(person));
      }
      return OkStatus();
    });
  }
  FixedClock clock;
  std::unique_ptr<SqliteStore> store;
};

BenchStore& Shared() {
  static BenchStore bench;
  return bench;
}

std::vector<Observation> MakeBatch(int64_t size, int64_t offset) {
  std::vector<Observation> batch(static_cast<size_t>(size));
  for (int64_t obs_idx = 0; obs_idx < size; ++obs_idx) {
    Observation& observation = batch[static_cast<size_t>(obs_idx)];
    int64_t at = 1483228800 + (offset + obs_idx) * 60;
    observation.observed_at = Timestamp::FromUnixSeconds(at);
    observation.recorded_at = Timestamp::FromUnixSeconds(at + 3600);
    observation.area_id = "mjolnerparken";
    observation.position = GeoPoint{12.5385, 55.6992};
    observation.source = "patrol_stop";
    observation.recorded_by = "eas-analyst";
    for (int person = 0; person < kPersonsPerObservation; ++person) {
      observation.person_ids.push_back(1 + (offset + obs_idx * 7 + person * 131) % kPersons);
    }
  }
  return batch;
}

// Times AddObservations on batches of state.range(0) rows; building a batch is not timed.
void TimeStoreBatches(benchmark::State& state, Store& store, int64_t offset) {
  int64_t batch_size = state.range(0);
  for (auto _ : state) {
    state.PauseTiming();
    auto batch = MakeBatch(batch_size, offset);
    offset += batch_size;
    state.ResumeTiming();
    auto ids = store.AddObservations(batch);
    if (!ids.ok()) state.SkipWithError(ids.error().ToString().c_str());
  }
  state.SetItemsProcessed(state.iterations() * batch_size);
}

// Through the Store port: validation, one transaction and one durable commit per batch.
void BM_StoreAddObservations(benchmark::State& state) {
  TimeStoreBatches(state, *Shared().store, 0);
  int64_t batch_size = state.range(0);
  state.counters["person_links_per_second"] = benchmark::Counter(
      static_cast<double>(state.iterations() * batch_size * kPersonsPerObservation), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_StoreAddObservations)->Arg(10000)->Arg(50000)->Unit(benchmark::kMillisecond)->UseRealTime();

// The same during a bulk load (secondary indexes dropped), with the index
// rebuild at the end timed in its own benchmark below.
void BM_StoreBulkAddObservations(benchmark::State& state) {
  BenchStore& bench = Shared();
  (void)bench.store->BeginBulkLoad();
  TimeStoreBatches(state, *bench.store, 1000000000);  // links are built at the end, not per row
  (void)bench.store->EndBulkLoad();                   // after the timed loop; timed on its own below
}
BENCHMARK(BM_StoreBulkAddObservations)->Arg(50000)->Unit(benchmark::kMillisecond)->UseRealTime();

// Rebuilding the observation indexes after a bulk load, per observation stored so far.
void BM_EndBulkLoadRebuild(benchmark::State& state) {
  BenchStore& bench = Shared();
  int64_t observations = *bench.store->CountObservations();
  for (auto _ : state) {
    state.PauseTiming();
    (void)bench.store->BeginBulkLoad();
    state.ResumeTiming();
    Status rebuilt = bench.store->EndBulkLoad();
    if (!rebuilt.ok()) state.SkipWithError(rebuilt.error().ToString().c_str());
  }
  state.SetItemsProcessed(state.iterations() * observations);
}
BENCHMARK(BM_EndBulkLoadRebuild)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(2);

// Baseline: the same rows with raw prepared statements, no validation, same
// schema and pragmas; with person links per row (range(1) = 1, as the normal
// store path) or without (0, as during a bulk load).
void BM_RawSqliteInsert(benchmark::State& state) {
  bool with_links = state.range(1) != 0;
  std::string path = BenchDir() + "/raw.db";
  std::filesystem::remove(path);
  std::filesystem::remove(path + "-wal");
  auto connection = std::move(sqlite::Connection::Open(path, true)).value();
  (void)sqlite::Migrate(connection, true);
  (void)connection.Exec("INSERT INTO areas (id, name, kind) VALUES ('mjolnerparken', 'M', 'focus_area')");
  (void)connection.Exec("BEGIN");
  for (int64_t person_idx = 1; person_idx <= kPersons; ++person_idx) {
    (void)connection.Exec("INSERT INTO persons (id, given_name, family_name, birth_date, recorded_at) VALUES (" +
                          std::to_string(person_idx) + ", x'00', x'00', x'00', 0)");
  }
  (void)connection.Exec("COMMIT");
  int64_t batch_size = state.range(0);
  int64_t offset = 0;
  auto insert =
      std::move(
          connection.Prepare(
              "INSERT INTO observations (observed_at, area_id, lon, lat, source, recorded_by, recorded_at, person_ids) "
              "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"))
          .value();
  auto present =
      std::move(connection.Prepare("INSERT INTO observation_persons (person_id, observation_id) VALUES (?, ?)"))
          .value();
  for (auto _ : state) {
    state.PauseTiming();
    auto batch = MakeBatch(batch_size, offset);
    offset += batch_size;
    state.ResumeTiming();
    (void)connection.Exec("BEGIN");
    for (const Observation& observation : batch) {
      insert.Bind(1, observation.observed_at.unix_seconds())
          .Bind(2, observation.area_id)
          .Bind(3, observation.position->lon)
          .Bind(4, observation.position->lat)
          .Bind(5, observation.source)
          .Bind(6, observation.recorded_by)
          .Bind(7, observation.recorded_at.unix_seconds());
      std::string persons = "[";
      for (PersonId person_id : observation.person_ids) {
        persons += (persons.size() > 1 ? "," : "") + std::to_string(person_id);
      }
      insert.Bind(8, persons + "]");
      (void)insert.Run();
      int64_t id = connection.LastInsertRowId();
      for (PersonId person_id : observation.person_ids) {
        if (!with_links) break;
        present.Bind(1, person_id).Bind(2, id);
        (void)present.Run();
      }
    }
    (void)connection.Exec("COMMIT");
  }
  state.SetItemsProcessed(state.iterations() * batch_size);
}
BENCHMARK(BM_RawSqliteInsert)
    ->Args({10000, 1})
    ->Args({50000, 1})
    ->Args({50000, 0})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

}  // namespace
}  // namespace trygnet

BENCHMARK_MAIN();
