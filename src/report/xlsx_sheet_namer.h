// Sheet names for the XLSX report. Excel rejects a name over 31 characters,
// with any of []:*?/\, starting or ending with an apostrophe, or equal
// (ignoring case) to another sheet's; "History" is reserved. libxlsxwriter
// prints a warning and returns NULL for such a name, so it is never given one.
#pragma once

#include <initializer_list>
#include <set>
#include <string>
#include <string_view>

namespace trygnet::report {

class SheetNamer {
 public:
  // A safe, unused name made from the first candidate that leaves any text
  // once cleaned; a clash gets " (2)", " (3)", ... within the length limit.
  // REQUIRES: the last candidate is a plain, non-empty name.
  std::string Take(std::initializer_list<std::string_view> candidates);

 private:
  std::set<std::string> used_;  // folded names
};

}  // namespace trygnet::report
