#include "report/model.h"

namespace trygnet::report {

const Table* Report::FindTable(const std::string& id) const {
  for (const Section& section : sections) {
    for (const Block& block : section.blocks) {
      if (const Table* table = std::get_if<Table>(&block); table && table->id == id) return table;
    }
  }
  return nullptr;
}

}  // namespace trygnet::report
