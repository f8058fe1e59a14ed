#include "report/report_text.h"

#include <gtest/gtest.h>

namespace trygnet::report {
namespace {

TEST(ReportText, NumbersFollowTheLanguage) {
  const ReportText da(Language::kDanish, Edition::kInternal);
  const ReportText en(Language::kEnglish, Edition::kInternal);
  EXPECT_EQ(da.Number(40.45, 1), "40,5");  // half away from zero
  EXPECT_EQ(en.Number(40.45, 1), "40.5");
  EXPECT_EQ(da.Number(1234567.25, 2), "1.234.567,25");
  EXPECT_EQ(en.Number(1234567.25, 2), "1,234,567.25");
  EXPECT_EQ(da.Number(-3, 0), "−3");
  EXPECT_EQ(da.Number(-0.04, 1), "0,0");  // no "−0,0"
  EXPECT_EQ(da.Number(290, 0), "290");
}

TEST(ReportText, ChangesCarryTheirSign) {
  const ReportText da(Language::kDanish, Edition::kInternal);
  EXPECT_EQ(da.Change(1.25, 1).text, "+1,3");
  EXPECT_EQ(da.Change(-16, 0).text, "−16");
  EXPECT_EQ(da.Change(0, 0).text, "0");
  EXPECT_EQ(da.Change(-16, 0).value, -16);
}

TEST(ReportText, TheExternalEditionSuppressesCountsFromOneToFour) {
  const ReportText external(Language::kDanish, Edition::kExternal);
  const ReportText internal(Language::kDanish, Edition::kInternal);
  for (int64_t count : {1, 2, 3, 4}) {
    EXPECT_EQ(external.Count(count).text, "<5");
    EXPECT_FALSE(external.Count(count).value.has_value());
    EXPECT_EQ(internal.Count(count).value, static_cast<double>(count));
  }
  EXPECT_EQ(external.Count(0).text, "0");
  EXPECT_EQ(external.Count(5).text, "5");
  EXPECT_EQ(external.Count(1200).text, "1.200");
}

TEST(ReportText, SharesOfFewArePercentagesOnlyInternally) {
  const ReportText external(Language::kDanish, Edition::kExternal);
  const ReportText internal(Language::kDanish, Edition::kInternal);
  EXPECT_EQ(internal.Share(1, 4).text, "25,0");
  EXPECT_EQ(external.Share(1, 4).text, "<5");
  EXPECT_EQ(external.Share(1, 8).text, "12,5");
  EXPECT_EQ(internal.Share(0, 0).text, "–");
}

TEST(ReportText, ValuesAreRoundedOnceAndMissingOnesShowADash) {
  const ReportText da(Language::kDanish, Edition::kInternal);
  Cell cell = da.Value(58.2049, 1);
  EXPECT_EQ(cell.value, 58.2);
  EXPECT_EQ(cell.decimals, 1);
  EXPECT_EQ(cell.text, "58,2");
  EXPECT_EQ(da.Value(std::nullopt, 1).text, "–");
  EXPECT_FALSE(da.Value(std::nullopt, 1).value.has_value());
}

TEST(ReportText, LongDatesInBothLanguages) {
  EXPECT_EQ(ReportText(Language::kDanish, Edition::kInternal).LongDate(*Date::FromYmd(2018, 6, 30)), "30. juni 2018");
  EXPECT_EQ(ReportText(Language::kEnglish, Edition::kInternal).LongDate(*Date::FromYmd(2018, 6, 30)), "30 June 2018");
}

}  // namespace
}  // namespace trygnet::report
