#include "audit/chain_verifier.h"

namespace trygnet::audit {

Status ChainVerifier::Break(int64_t sequence, const std::string& what) {
  broken_ = DataLoss("audit log broken at entry " + std::to_string(sequence) + ": " + what);
  return *broken_;
}

Status ChainVerifier::Next(const AuditEntry& stored) {
  if (broken_) return *broken_;
  int64_t expected = count_ + 1;
  if (stored.sequence != expected) {
    if (stored.sequence == expected + 1) return Break(expected, "the entry is missing");
    return Break(expected, stored.sequence > expected
                               ? "entries " + std::to_string(expected) + "–" + std::to_string(stored.sequence - 1) +
                                     " are missing"
                               : "entry " + std::to_string(stored.sequence) + " appears again or out of order");
  }
  if (stored.previous_hash != last_hash_) {
    return Break(expected, "it does not follow the entry before it (inserted, removed or reordered)");
  }
  if (ComputeEntryHash(stored.sequence, stored.record, stored.previous_hash) != stored.hash) {
    return Break(expected, "its content was changed after it was written");
  }
  count_ = expected;
  last_hash_ = stored.hash;
  return OkStatus();
}

Status ChainVerifier::Finish(const ChainAnchor& anchor) {
  if (broken_) return *broken_;
  if (anchor.count > count_) {
    return Break(count_ + 1, "the newest " + std::to_string(anchor.count - count_) + " entries were deleted");
  }
  if (anchor.count < count_ || anchor.last_hash != last_hash_) {
    return Break(anchor.count + 1 > count_ ? count_ : anchor.count + 1,
                 "entries were added without passing through the log");
  }
  return OkStatus();
}

}  // namespace trygnet::audit
