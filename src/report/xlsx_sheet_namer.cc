// Sheet names Excel accepts (see xlsx_sheet_namer.h).
#include "report/xlsx_sheet_namer.h"

#include <cstring>
#include <string>

namespace trygnet::report {
namespace {

constexpr size_t kMaxSheetNameUnits = 31;  // Excel's limit, in UTF-16 code units

size_t Utf8Length(unsigned char lead) {
  if (lead < 0xC0) return 1;  // ASCII, or a stray continuation byte
  if (lead < 0xE0) return 2;
  if (lead < 0xF0) return 3;
  return 4;
}

std::string TrimNameEdges(std::string_view text) {
  size_t begin = text.find_first_not_of(" '");
  if (begin == std::string_view::npos) return {};
  size_t end = text.find_last_not_of(" '");
  return std::string(text.substr(begin, end - begin + 1));
}

std::string CleanSheetName(std::string_view text) {
  std::string cleaned;
  for (char ch : text) {
    bool forbidden = std::strchr("[]:*?/\\", ch) != nullptr || static_cast<unsigned char>(ch) < 0x20;
    if (forbidden) ch = ' ';
    if (ch == ' ' && !cleaned.empty() && cleaned.back() == ' ') continue;
    cleaned += ch;
  }
  return TrimNameEdges(cleaned);
}

// The longest prefix of `text` that ends on a character boundary and fits in
// `max_units` UTF-16 code units (Excel's measure; characters outside the BMP
// count twice).
std::string TruncateName(std::string_view text, size_t max_units) {
  size_t units = 0;
  size_t byte_idx = 0;
  while (byte_idx < text.size()) {
    size_t length = Utf8Length(static_cast<unsigned char>(text[byte_idx]));
    size_t char_units = length == 4 ? 2 : 1;
    if (units + char_units > max_units || byte_idx + length > text.size()) break;
    units += char_units;
    byte_idx += length;
  }
  return TrimNameEdges(text.substr(0, byte_idx));
}

// Lower-cases ASCII and Latin-1 letters (ÆØÅ → æøå), enough to compare Danish
// and English names the way Excel does.
std::string FoldCase(std::string_view text) {
  std::string folded(text);
  for (size_t byte_idx = 0; byte_idx < folded.size(); ++byte_idx) {
    auto byte = static_cast<unsigned char>(folded[byte_idx]);
    if (byte >= 'A' && byte <= 'Z') {
      folded[byte_idx] = static_cast<char>(byte + ('a' - 'A'));
    } else if (byte == 0xC3 && byte_idx + 1 < folded.size()) {
      auto next = static_cast<unsigned char>(folded[byte_idx + 1]);
      if (next >= 0x80 && next <= 0x9E && next != 0x97) folded[byte_idx + 1] = static_cast<char>(next + 0x20);
      ++byte_idx;
    }
  }
  return folded;
}

}  // namespace

std::string SheetNamer::Take(std::initializer_list<std::string_view> candidates) {
  std::string base;
  for (std::string_view candidate : candidates) {
    base = TruncateName(CleanSheetName(candidate), kMaxSheetNameUnits);
    if (!base.empty()) break;
  }
  for (int copy = 1;; ++copy) {
    std::string suffix = copy == 1 ? "" : " (" + std::to_string(copy) + ")";
    std::string name = TruncateName(base, kMaxSheetNameUnits - suffix.size()) + suffix;
    std::string key = FoldCase(name);
    if (key != "history" && used_.insert(key).second) return name;
  }
}

}  // namespace trygnet::report
