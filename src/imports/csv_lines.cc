#include "imports/csv_lines.h"

#include <csv.h>

#include <memory>

namespace trygnet::imports {
namespace {

struct Collector {
  std::vector<std::string> fields;
};

void OnField(void* text, size_t length, void* data) {
  static_cast<Collector*>(data)->fields.emplace_back(static_cast<const char*>(text), length);
}

void OnRowEnd(int /*terminator*/, void* /*data*/) {}

std::string Trim(std::string text) {
  size_t begin = text.find_first_not_of(" \t");
  if (begin == std::string::npos) return "";
  size_t end = text.find_last_not_of(" \t");
  return text.substr(begin, end - begin + 1);
}

Result<std::vector<std::string>> SplitLine(std::string_view line, unsigned char separator, int64_t number) {
  csv_parser parser{};
  if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI) != 0) return Internal("libcsv could not start");
  std::unique_ptr<csv_parser, void (*)(csv_parser*)> freed(&parser, csv_free);
  csv_set_delim(&parser, separator);
  Collector collector;
  std::string where = "line " + std::to_string(number);
  if (csv_parse(&parser, line.data(), line.size(), OnField, OnRowEnd, &collector) != line.size() ||
      csv_fini(&parser, OnField, OnRowEnd, &collector) != 0) {
    return InvalidArgument(where, "the quoting is broken (a quote inside a field must be doubled, \"\")");
  }
  for (std::string& field : collector.fields) field = Trim(std::move(field));
  return collector.fields;
}

}  // namespace

Result<std::vector<CsvLine>> ReadCsvLines(std::string_view text) {
  constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";
  if (text.starts_with(kByteOrderMark)) text.remove_prefix(kByteOrderMark.size());
  std::vector<CsvLine> lines;
  unsigned char separator = 0;
  int64_t number = 0;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (line.ends_with('\r')) line.remove_suffix(1);
    ++number;
    start = end + 1;
    if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
    if (separator == 0) separator = line.find(';') != std::string_view::npos ? ';' : ',';
    TRY_ASSIGN(std::vector<std::string> fields, SplitLine(line, separator, number));
    lines.push_back({number, std::move(fields)});
  }
  return lines;
}

}  // namespace trygnet::imports
