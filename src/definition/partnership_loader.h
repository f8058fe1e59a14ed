// Reads a partnership definition file (TOML, docs/partnership-format.md)
// into a core::Partnership and validates it. Every problem is reported at
// once, each with the file, line, key path and reason, so an author can fix
// a broken file in one pass.
// Thread-safety: free functions over their arguments; safe to call concurrently.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/partnership.h"

namespace trygnet {

struct DefinitionProblem {
  std::string file;
  int line = 0;  // where the key stands; for a missing key, its enclosing table; 0 if unknown
  int column = 0;
  std::string key;  // e.g. "units[3].organisation"
  std::string message;

  // "file:line:column: key: message" (line/column left out when unknown).
  std::string ToString() const;
};

struct PartnershipLoad {
  std::optional<Partnership> partnership;  // set only when there are no problems
  std::vector<DefinitionProblem> problems;
  std::string source_text;  // the file as read, for storing beside the data

  bool ok() const { return problems.empty(); }
};

// Parses `text` as if read from `file_name` (used in messages).
PartnershipLoad LoadPartnershipText(std::string text, const std::string& file_name);
// Reads and parses a file; an unreadable file is one problem.
PartnershipLoad LoadPartnershipFile(const std::string& path);

}  // namespace trygnet
