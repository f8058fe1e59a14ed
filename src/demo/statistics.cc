// The demo's statistics from outside [p.15]: population and citizen-oriented
// crime reports per district and year, and the safety survey. Fixed figures,
// not random, so that the indicators reproduce the plan's baselines (40.5 and
// 58.2 reports per 1,000 in 2016; 8 % and 11 % insecure in 2017) and then
// move. One import is later corrected, so "as known at" has something to show.
// All figures are synthetic.
#include "demo/demo_context.h"

namespace trygnet::demo {
namespace {

struct YearFigures {
  int year;
  int population_ydre, population_indre;
  int reports_ydre, reports_indre;
};

// 2,025 / 50,000 × 1,000 = 40.5 and 2,328 / 40,000 × 1,000 = 58.2 in 2016.
constexpr YearFigures kYears[] = {
    {2016, 50000, 40000, 2025, 2328},
    {2017, 50400, 40300, 1985, 2240},
    {2018, 50900, 40500, 1900, 2150},
    {2019, 51200, 40800, 1840, 2090},
};

struct SurveyFigures {
  int year;
  int respondents_ydre, insecure_ydre, respondents_indre, insecure_indre;
};

// 48 / 600 = 8 % and 55 / 500 = 11 % in 2017.
constexpr SurveyFigures kSurveys[] = {
    {2017, 600, 48, 500, 55},
    {2018, 620, 46, 510, 52},
    {2019, 610, 43, 505, 48},
};

AreaStatistic Figure(const DemoContext& ctx, const char* area, int year, StatisticKind kind, int value) {
  return {ctx.partnership.id, area, year, kind, static_cast<double>(value)};
}

Status Import(DemoContext& ctx, const char* dataset, const char* source, std::vector<AreaStatistic> figures) {
  StatisticsImport import;
  import.partnership_id = ctx.partnership.id;
  import.dataset = dataset;
  import.source = source;
  import.file_name = std::string("demo-") + dataset + ".csv";
  import.rows = static_cast<int64_t>(figures.size());
  import.imported_by = "sikkerby-coordinator";
  TRY_ASSIGN(int64_t id, ctx.store.AddStatisticsImport(import, figures));
  (void)id;
  return OkStatus();
}

}  // namespace

Status GenerateStatistics(DemoContext& ctx) {
  if (!ctx.partnership.FindArea("ydre-norrebro") || !ctx.partnership.FindArea("indre-norrebro")) return OkStatus();
  for (const YearFigures& figures : kYears) {
    // Each year's figures arrive early in the next year.
    ctx.At(*Date::FromYmd(figures.year + 1, 2, 1));
    TRY_STATUS(Import(ctx, "population", "Danmarks Statistik (syntetisk demo)",
                      {Figure(ctx, "ydre-norrebro", figures.year, StatisticKind::kPopulation, figures.population_ydre),
                       Figure(ctx, "indre-norrebro", figures.year, StatisticKind::kPopulation,
                              figures.population_indre)}));
    // 2017's report counts first arrive too low, and are corrected in April.
    int preliminary = figures.year == 2017 ? 60 : 0;
    TRY_STATUS(Import(ctx, "police-reports", "Rigspolitiet (syntetisk demo)",
                      {Figure(ctx, "ydre-norrebro", figures.year, StatisticKind::kCitizenCrimeReports,
                              figures.reports_ydre - preliminary),
                       Figure(ctx, "indre-norrebro", figures.year, StatisticKind::kCitizenCrimeReports,
                              figures.reports_indre)}));
    if (preliminary > 0) {
      ctx.At(*Date::FromYmd(figures.year + 1, 4, 15));
      TRY_STATUS(Import(ctx, "police-reports", "Rigspolitiet, rettet opgørelse (syntetisk demo)",
                        {Figure(ctx, "ydre-norrebro", figures.year, StatisticKind::kCitizenCrimeReports,
                                figures.reports_ydre)}));
    }
  }
  for (const SurveyFigures& survey : kSurveys) {
    ctx.At(*Date::FromYmd(survey.year + 1, 3, 1));
    TRY_STATUS(Import(ctx, "survey", "Københavns Tryghedsundersøgelse (syntetisk demo)",
                      {Figure(ctx, "ydre-norrebro", survey.year, StatisticKind::kSurveyRespondents,
                              survey.respondents_ydre),
                       Figure(ctx, "ydre-norrebro", survey.year, StatisticKind::kSurveyInsecure, survey.insecure_ydre),
                       Figure(ctx, "indre-norrebro", survey.year, StatisticKind::kSurveyRespondents,
                              survey.respondents_indre),
                       Figure(ctx, "indre-norrebro", survey.year, StatisticKind::kSurveyInsecure,
                              survey.insecure_indre)}));
  }
  return OkStatus();
}

}  // namespace trygnet::demo
