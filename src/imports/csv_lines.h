// Reads a small CSV file line by line with libcsv (quoting as in RFC 4180),
// so every problem can name its line. A file exported from a spreadsheet is
// accepted as it comes: a UTF-8 byte-order mark, CRLF line ends, ';' or ','
// as the separator (chosen from the header line), blank lines.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace trygnet::imports {

struct CsvLine {
  int64_t number = 0;  // 1-based line number in the file
  std::vector<std::string> fields;
};

// The non-blank lines of `text`, split into fields (trimmed of surrounding
// spaces). A line whose quoting is broken is an invalid_argument naming
// "line N". A quoted field may not span lines: these files hold one record a line.
Result<std::vector<CsvLine>> ReadCsvLines(std::string_view text);

}  // namespace trygnet::imports
