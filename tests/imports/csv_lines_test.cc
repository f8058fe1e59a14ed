#include "imports/csv_lines.h"

#include <gtest/gtest.h>

namespace trygnet::imports {
namespace {

TEST(CsvLinesTest, ReadsSemicolonFilesFromASpreadsheetWithLineNumbers) {
  auto lines = ReadCsvLines("\xEF\xBB\xBF" "area_id;year;population\r\n\r\nmjolnerparken; 2017 ;\"2500\"\r\n");
  ASSERT_TRUE(lines.ok()) << lines.error().message;
  ASSERT_EQ(lines->size(), 2u);
  EXPECT_EQ(lines->at(0).number, 1);
  EXPECT_EQ(lines->at(0).fields, (std::vector<std::string>{"area_id", "year", "population"}));
  EXPECT_EQ(lines->at(1).number, 3) << "the blank line still counts";
  EXPECT_EQ(lines->at(1).fields, (std::vector<std::string>{"mjolnerparken", "2017", "2500"}));
}

TEST(CsvLinesTest, ReadsCommaFilesWithQuotedSeparators) {
  auto lines = ReadCsvLines("a,b\n\"x, y\",\"say \"\"hi\"\"\"\n");
  ASSERT_TRUE(lines.ok());
  ASSERT_EQ(lines->size(), 2u);
  EXPECT_EQ(lines->at(1).fields, (std::vector<std::string>{"x, y", "say \"hi\""}));
}

TEST(CsvLinesTest, BrokenQuotingNamesTheLine) {
  auto lines = ReadCsvLines("a;b\nok;1\n\"open;2\n");
  ASSERT_FALSE(lines.ok());
  EXPECT_EQ(lines.error().field, "line 3");
}

TEST(CsvLinesTest, AnEmptyFileHasNoLines) {
  auto lines = ReadCsvLines("");
  ASSERT_TRUE(lines.ok());
  EXPECT_TRUE(lines->empty());
}

}  // namespace
}  // namespace trygnet::imports
