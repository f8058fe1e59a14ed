// The report's words and numbers in Danish or English: every fixed text the
// report prints passes through Tr (Danish first, English second), and every
// figure through one of the cell makers, which round, format and — in the
// external edition — suppress small counts. Renderers never format numbers.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/date.h"
#include "report/model.h"

namespace trygnet::report {

// Counts from 1 to this minus one are shown as "<5" in the external edition,
// so no housing partner can single out a person [DESIGN.md §3.3].
inline constexpr int64_t kSuppressBelow = 5;

class ReportText {
 public:
  ReportText(Language language, Edition edition) : language_(language), edition_(edition) {}

  Language language() const { return language_; }
  Edition edition() const { return edition_; }
  bool danish() const { return language_ == Language::kDanish; }
  // The Danish or the English text.
  std::string Tr(std::string_view da, std::string_view en) const { return std::string(danish() ? da : en); }

  // "40,5" / "40.5"; `decimals` after the separator, a minus sign "−".
  std::string Number(double value, int decimals) const;
  // "1. august 2017" / "1 August 2017".
  std::string LongDate(Date date) const;

  Cell Text(std::string text) const { return Cell{std::nullopt, 0, std::move(text)}; }
  Cell Missing() const { return Text("–"); }
  // A count of persons or events; "<5" in the external edition when 1–4.
  Cell Count(int64_t count) const;
  // A measured value (rounded to `decimals`); "–" when absent.
  Cell Value(std::optional<double> value, int decimals) const;
  // A difference with its sign ("+1,2", "−3", "0").
  Cell Change(double difference, int decimals) const;
  // part / whole in percent with one decimal; "–" when whole is 0, and in the
  // external edition when whole is under kSuppressBelow (a share of 1–4
  // persons would reveal them).
  Cell Share(int64_t part, int64_t whole) const;

 private:
  Language language_;
  Edition edition_;
};

// Rounds half away from zero to `decimals` places (what people expect of 40.45 → 40.5).
double RoundTo(double value, int decimals);

}  // namespace trygnet::report
