// The status report as pure data [p.16]: sections of paragraphs, tables and
// charts. Every figure is computed and formatted once, in build_report.cc;
// the renderers (HTML, PDF, XLSX) only lay it out, so the three formats
// cannot disagree. A chart draws the columns of a table in the same report,
// never numbers of its own.
#pragma once

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/date.h"

namespace trygnet::report {

enum class Language { kDanish, kEnglish };
// The internal edition goes to the partnership's boards; the external one to
// housing partners: aggregates only, counts under 5 suppressed.
enum class Edition { kInternal, kExternal };

struct Cell {
  // The number exactly as shown (already rounded to `decimals`). Absent for
  // text cells, for figures not available and for suppressed counts.
  std::optional<double> value;
  int decimals = 0;
  std::string text;  // what HTML and PDF print, e.g. "40,5", "<5", "–", "Ydre Nørrebro"
};

struct Table {
  std::string id;  // unique in the report, e.g. "indicators"; charts refer to it
  std::string title;
  std::vector<std::string> columns;
  std::vector<std::vector<Cell>> rows;  // each row has one cell per column
  std::string note;                     // shown under the table; may be empty
};

enum class ChartKind { kLine, kBar };

// A chart of one table: the categories are the table's rows (their text in
// `category_column`), one series per value column (named by its heading).
// Cells without a value are gaps.
struct Chart {
  ChartKind kind = ChartKind::kBar;
  std::string title;
  std::string y_label;
  std::string table_id;
  int category_column = 0;
  std::vector<int> value_columns;
};

struct Paragraph {
  std::string text;  // plain text (never markup); may come from users
};

// A narrative contributed by a unit, shown with its author line.
struct Narrative {
  std::string title;
  std::string byline;  // e.g. "Københavns Politi, Analyse · version 2 · 2018-06-20 · anna.jensen"
  std::string text;    // plain text; blank lines separate paragraphs
};

using Block = std::variant<Paragraph, Table, Chart, Narrative>;

struct Section {
  std::string id;       // stable, e.g. "indicators"; the XLSX sheet comes from it
  std::string heading;  // numbered, e.g. "2. Målepunkter"
  std::vector<Block> blocks;
};

struct Report {
  Language language = Language::kDanish;
  Edition edition = Edition::kInternal;
  std::string title;     // "Statusrapport 2017/18 – Tryg Nørrebro"
  std::string subtitle;  // period, "as known at", edition
  std::string author;    // the partnership's name, for document metadata
  bool demo = false;     // synthetic data: every page says so
  std::string demo_notice;
  // The moment the figures are as known at, in UTC ("2018-07-01T00:00:00Z");
  // also the documents' creation date, so a regenerated report is identical.
  std::string created_at;
  std::string footer;  // e.g. "Tryg Nørrebro · Statusrapport 2017-08-01–2018-06-30"
  std::vector<Section> sections;

  // The table with `id`, or nullptr.
  const Table* FindTable(const std::string& id) const;
};

}  // namespace trygnet::report
