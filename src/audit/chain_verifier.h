// Verifies an audit hash chain entry by entry (`trygnet audit verify`).
// Feed the entries in stored order; the first break is reported with its
// sequence number and what is wrong. The anchor (count and last hash, kept
// apart from the entries and authenticated with the key) catches deletion
// of the newest entries, which a chain alone cannot show.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "audit/audit_entry.h"

namespace trygnet::audit {

struct ChainAnchor {
  int64_t count = 0;
  Hash last_hash{};
};

class ChainVerifier {
 public:
  // Checks the next stored entry. Returns data_loss naming the entry at the
  // first break; after a break every further call returns the same error.
  Status Next(const AuditEntry& stored);
  // Checks that the chain ends where the anchor says.
  Status Finish(const ChainAnchor& anchor);
  int64_t count() const { return count_; }

 private:
  Status Break(int64_t sequence, const std::string& what);

  int64_t count_ = 0;
  Hash last_hash_{};
  std::optional<Error> broken_;
};

}  // namespace trygnet::audit
