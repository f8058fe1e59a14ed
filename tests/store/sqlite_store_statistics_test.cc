// Statistics imports in the store: all rows or none, with their import record.
#include <gtest/gtest.h>

#include "support/test_store.h"

namespace trygnet {
namespace {

using testing::Noon;
using testing::TestStore;

StatisticsImport AnImport(int64_t rows) {
  StatisticsImport import;
  import.partnership_id = "norrebro-2017";
  import.dataset = "population";
  import.source = "Danmarks Statistik (testdata)";
  import.file_name = "population.csv";
  import.rows = rows;
  import.imported_by = "local:tester";
  return import;
}

TEST(StatisticsStoreTest, AnImportIsStoredWhole) {
  TestStore db(Noon(2017, 2, 1));
  std::vector<AreaStatistic> figures = {{"norrebro-2017", "ydre-norrebro", 2016, StatisticKind::kPopulation, 50000},
                                        {"norrebro-2017", "indre-norrebro", 2016, StatisticKind::kPopulation, 40000}};
  auto id = db.store->AddStatisticsImport(AnImport(2), figures);
  ASSERT_TRUE(id.ok()) << id.error().ToString();
  auto value = db.store->AreaStatisticValue("norrebro-2017", "indre-norrebro", 2016, StatisticKind::kPopulation,
                                            Noon(2017, 2, 2));
  ASSERT_TRUE(value.ok());
  EXPECT_EQ(*value, 40000);
  auto imports = db.store->ListStatisticsImports("norrebro-2017");
  ASSERT_TRUE(imports.ok());
  ASSERT_EQ(imports->size(), 1u);
  EXPECT_EQ(imports->front().id, *id);
  EXPECT_EQ(imports->front().source, "Danmarks Statistik (testdata)");
  EXPECT_EQ(imports->front().recorded_at, Noon(2017, 2, 1));
}

TEST(StatisticsStoreTest, AnImportWithABadRowStoresNothing) {
  TestStore db(Noon(2017, 2, 1));
  std::vector<AreaStatistic> unknown_area = {
      {"norrebro-2017", "ydre-norrebro", 2016, StatisticKind::kPopulation, 50000},
      {"norrebro-2017", "atlantis", 2016, StatisticKind::kPopulation, 10}};
  EXPECT_FALSE(db.store->AddStatisticsImport(AnImport(2), unknown_area).ok());
  std::vector<AreaStatistic> fraction = {{"norrebro-2017", "ydre-norrebro", 2016, StatisticKind::kPopulation, 0.5}};
  auto refused = db.store->AddStatisticsImport(AnImport(1), fraction);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().field, "population");
  std::vector<AreaStatistic> old = {{"norrebro-2017", "ydre-norrebro", 1850, StatisticKind::kPopulation, 5}};
  EXPECT_FALSE(db.store->AddStatisticsImport(AnImport(1), old).ok());
  EXPECT_TRUE(db.store->ListStatisticsImports("norrebro-2017")->empty());
  auto value = db.store->AreaStatisticValue("norrebro-2017", "ydre-norrebro", 2016, StatisticKind::kPopulation,
                                            Noon(2018, 1, 1));
  ASSERT_TRUE(value.ok());
  EXPECT_FALSE(value->has_value()) << "the good row of the refused import was not kept";
}

}  // namespace
}  // namespace trygnet
