// The status report and the indicators on demo data (issue 6 goals: the
// report for the city-scale data set in under 2 seconds; all indicators at
// national scale). The baseline in the same run is computing the
// indicators once, which every report does too.
//
// City scale: a fresh `trygnet demo` data set is generated into a temporary
// directory first (about 4 s). National scale: set TRYGNET_BENCH_NATIONAL_DB
// to a database made by `trygnet demo --scale national` (its key beside it,
// <db>.key); `scripts/run-benchmarks.sh build --national` does so.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <memory>

#include "analytics/indicators.h"
#include "definition/partnership_loader.h"
#include "demo/generator.h"
#include "report/build_report.h"
#include "report/render.h"
#include "store/sqlite/sqlite_store.h"

namespace trygnet {
namespace {

const ReportPeriod kPeriod{*Date::FromYmd(2017, 8, 1), *Date::FromYmd(2018, 6, 30)};
const Timestamp kKnownAt = Timestamp::StartOf(*Date::FromYmd(2026, 1, 1));

struct BenchData {
  FixedClock clock{Timestamp::StartOf(*Date::FromYmd(2015, 1, 1))};
  Partnership partnership;
  std::unique_ptr<SqliteStore> store;
};

Partnership LoadNorrebro() {
  PartnershipLoad load = LoadPartnershipFile(std::string(TRYGNET_SOURCE_DIR) + "/partnerships/norrebro-2017.toml");
  if (!load.ok()) std::abort();
  return *load.partnership;
}

BenchData& City() {
  static std::unique_ptr<BenchData> data = [] {
    auto made = std::make_unique<BenchData>();
    auto dir = std::filesystem::temp_directory_path() / "trygnet-report-bench";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    auto key = CreateKeyFile((dir / "city.key").string());
    made->store = std::move(SqliteStore::Open((dir / "city.db").string(), *key, made->clock, {.create = true})).value();
    PartnershipLoad load = LoadPartnershipFile(std::string(TRYGNET_SOURCE_DIR) + "/partnerships/norrebro-2017.toml");
    made->partnership = *load.partnership;
    if (!made->store->SavePartnership(made->partnership, load.source_text).ok()) std::abort();
    auto generated = demo::GenerateDemo(*made->store, made->clock, made->partnership, {7, demo::Scale::kCity},
                                        [](std::string_view, int64_t, int64_t) {});
    if (!generated.ok()) std::abort();
    return made;
  }();
  return *data;
}

// Null when TRYGNET_BENCH_NATIONAL_DB is not set.
BenchData* National() {
  static std::unique_ptr<BenchData> data = []() -> std::unique_ptr<BenchData> {
    const char* path = std::getenv("TRYGNET_BENCH_NATIONAL_DB");
    if (!path || !*path) return nullptr;
    auto made = std::make_unique<BenchData>();
    auto key = ReadKeyFile(std::string(path) + ".key");
    if (!key.ok()) std::abort();
    auto opened = SqliteStore::Open(path, *key, made->clock);
    if (!opened.ok()) std::abort();
    made->store = std::move(opened).value();
    made->partnership = LoadNorrebro();
    return made;
  }();
  return data.get();
}

void ComputeAllIndicators(benchmark::State& state, BenchData& data) {
  for (auto _ : state) {
    auto values = ComputeIndicators(*data.store, data.partnership, {kPeriod.to, kKnownAt});
    if (!values.ok()) state.SkipWithError(values.error().ToString().c_str());
    benchmark::DoNotOptimize(values);
  }
}

void BuildAndRender(benchmark::State& state, BenchData& data, std::optional<report::Format> format) {
  int64_t bytes = 0;
  for (auto _ : state) {
    auto built = report::BuildReport(*data.store, data.partnership,
                                     {kPeriod, kKnownAt, report::Language::kDanish, report::Edition::kInternal});
    if (!built.ok()) {
      state.SkipWithError(built.error().ToString().c_str());
      break;
    }
    if (format) {
      auto rendered = report::Render(*built, *format);
      if (!rendered.ok()) {
        state.SkipWithError(rendered.error().ToString().c_str());
        break;
      }
      bytes = static_cast<int64_t>(rendered->size());
    }
    benchmark::DoNotOptimize(built);
  }
  state.counters["bytes"] = static_cast<double>(bytes);
}

void BM_CityIndicators(benchmark::State& state) { ComputeAllIndicators(state, City()); }
void BM_CityReportModel(benchmark::State& state) { BuildAndRender(state, City(), std::nullopt); }
void BM_CityReportPdf(benchmark::State& state) { BuildAndRender(state, City(), report::Format::kPdf); }
void BM_CityReportHtml(benchmark::State& state) { BuildAndRender(state, City(), report::Format::kHtml); }
void BM_CityReportXlsx(benchmark::State& state) { BuildAndRender(state, City(), report::Format::kXlsx); }

void BM_NationalIndicators(benchmark::State& state) {
  BenchData* data = National();
  if (!data) {
    state.SkipWithError("set TRYGNET_BENCH_NATIONAL_DB to a national-scale demo database");
    for (auto _ : state) {
    }
    return;
  }
  ComputeAllIndicators(state, *data);
}

void BM_NationalReportPdf(benchmark::State& state) {
  BenchData* data = National();
  if (!data) {
    state.SkipWithError("set TRYGNET_BENCH_NATIONAL_DB to a national-scale demo database");
    for (auto _ : state) {
    }
    return;
  }
  BuildAndRender(state, *data, report::Format::kPdf);
}

BENCHMARK(BM_CityIndicators)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_CityReportModel)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_CityReportPdf)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_CityReportHtml)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_CityReportXlsx)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_NationalIndicators)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_NationalReportPdf)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace trygnet

BENCHMARK_MAIN();
