#include "audit/chain_verifier.h"

#include <gtest/gtest.h>

#include <vector>

namespace trygnet::audit {
namespace {

AuditRecord Read(int64_t person_id, int64_t at) {
  AuditRecord record;
  record.at = Timestamp::FromUnixSeconds(1500000000 + at);
  record.user = "eas-analyst";
  record.unit = "eas";
  record.action = "read";
  record.resource = "person/" + std::to_string(person_id);
  record.person_id = person_id;
  record.purpose = "crime_prevention";
  record.legal_basis = "rpl-115";
  return record;
}

std::vector<AuditEntry> Chain(int length) {
  std::vector<AuditEntry> entries;
  for (int entry_idx = 0; entry_idx < length; ++entry_idx) {
    std::optional<AuditEntry> previous;
    if (!entries.empty()) previous = entries.back();
    entries.push_back(Seal(previous, Read(entry_idx + 1, entry_idx)));
  }
  return entries;
}

ChainAnchor AnchorOf(const std::vector<AuditEntry>& entries) {
  return entries.empty() ? ChainAnchor{} : ChainAnchor{entries.back().sequence, entries.back().hash};
}

// Verifies `stored` against `anchor`; returns the error message, or "" when intact.
std::string Verify(const std::vector<AuditEntry>& stored, const ChainAnchor& anchor) {
  ChainVerifier verifier;
  for (const AuditEntry& entry : stored) {
    Status status = verifier.Next(entry);
    if (!status.ok()) return status.error().message;
  }
  Status finished = verifier.Finish(anchor);
  return finished.ok() ? "" : finished.error().message;
}

TEST(AuditEntry, SealLinksEachEntryToThePrevious) {
  auto entries = Chain(3);
  EXPECT_EQ(entries[0].sequence, 1);
  EXPECT_EQ(entries[0].previous_hash, Hash{});
  EXPECT_EQ(entries[1].previous_hash, entries[0].hash);
  EXPECT_EQ(entries[2].previous_hash, entries[1].hash);
  EXPECT_NE(entries[1].hash, entries[2].hash);
}

TEST(AuditEntry, EveryFieldIsCoveredByTheHash) {
  AuditRecord base = Read(7, 0);
  Hash original = ComputeEntryHash(1, base, Hash{});
  std::vector<AuditRecord> variants(10, base);
  variants[0].user = "ssp-caseworker";
  variants[1].unit = "ssp";
  variants[2].action = "update";
  variants[3].resource = "person/8";
  variants[4].person_id = 8;
  variants[5].purpose = "investigation";
  variants[6].legal_basis = "rpl-115a";
  variants[7].outcome = Outcome::kDenied;
  variants[8].reason = "no_disclosure";
  variants[9].at = base.at.AddSeconds(1);
  for (const AuditRecord& variant : variants) EXPECT_NE(ComputeEntryHash(1, variant, Hash{}), original);
  EXPECT_NE(ComputeEntryHash(2, base, Hash{}), original);
  // Field boundaries are length-prefixed: moving a character between fields changes the hash.
  AuditRecord shifted = base;
  shifted.user = "eas-analys";
  shifted.unit = "teas";
  EXPECT_NE(ComputeEntryHash(1, shifted, Hash{}), original);
}

TEST(ChainVerifier, AcceptsAnIntactChainAndCountsIt) {
  auto entries = Chain(5);
  ChainVerifier verifier;
  for (const AuditEntry& entry : entries) ASSERT_TRUE(verifier.Next(entry).ok());
  EXPECT_TRUE(verifier.Finish(AnchorOf(entries)).ok());
  EXPECT_EQ(verifier.count(), 5);
  EXPECT_EQ(Verify({}, ChainAnchor{}), "");
}

TEST(ChainVerifier, NamesAChangedEntry) {
  auto entries = Chain(5);
  ChainAnchor anchor = AnchorOf(entries);
  entries[2].record.purpose = "curiosity";
  EXPECT_EQ(Verify(entries, anchor), "audit log broken at entry 3: its content was changed after it was written");
}

TEST(ChainVerifier, NamesADeletedEntry) {
  auto entries = Chain(5);
  ChainAnchor anchor = AnchorOf(entries);
  entries.erase(entries.begin() + 1);
  EXPECT_EQ(Verify(entries, anchor), "audit log broken at entry 2: the entry is missing");
  entries.erase(entries.begin() + 1);
  EXPECT_EQ(Verify(entries, anchor), "audit log broken at entry 2: entries 2–3 are missing");
}

TEST(ChainVerifier, NamesADeletionEvenWhenRenumbered) {
  auto entries = Chain(5);
  ChainAnchor anchor = AnchorOf(entries);
  entries.erase(entries.begin() + 1);
  for (size_t entry_idx = 1; entry_idx < entries.size(); ++entry_idx) entries[entry_idx].sequence -= 1;
  EXPECT_NE(Verify(entries, anchor).find("broken at entry 2"), std::string::npos);
}

TEST(ChainVerifier, NamesAnInsertedEntry) {
  auto entries = Chain(5);
  ChainAnchor anchor = AnchorOf(entries);
  AuditEntry forged = Seal(entries[1], Read(99, 100));  // a well-formed entry after the second
  entries.insert(entries.begin() + 2, forged);
  for (size_t entry_idx = 3; entry_idx < entries.size(); ++entry_idx) entries[entry_idx].sequence += 1;
  EXPECT_NE(Verify(entries, anchor).find("broken at entry 4"), std::string::npos) << Verify(entries, anchor);
}

TEST(ChainVerifier, NamesReorderedEntries) {
  auto entries = Chain(5);
  ChainAnchor anchor = AnchorOf(entries);
  std::swap(entries[1], entries[2]);
  std::swap(entries[1].sequence, entries[2].sequence);
  EXPECT_EQ(Verify(entries, anchor),
            "audit log broken at entry 2: it does not follow the entry before it (inserted, removed or reordered)");
}

TEST(ChainVerifier, TheAnchorCatchesDeletedNewestEntries) {
  auto entries = Chain(5);
  ChainAnchor anchor = AnchorOf(entries);
  entries.resize(3);
  EXPECT_EQ(Verify(entries, anchor), "audit log broken at entry 4: the newest 2 entries were deleted");
}

TEST(ChainVerifier, TheAnchorCatchesEntriesAppendedBehindTheLogsBack) {
  auto entries = Chain(5);
  ChainAnchor anchor = AnchorOf(entries);
  entries.push_back(Seal(entries.back(), Read(42, 50)));
  EXPECT_NE(Verify(entries, anchor).find("added without passing through the log"), std::string::npos);
}

TEST(ChainVerifier, StaysBrokenAfterTheFirstBreak) {
  auto entries = Chain(3);
  entries[0].record.user = "someone-else";
  ChainVerifier verifier;
  EXPECT_FALSE(verifier.Next(entries[0]).ok());
  Status later = verifier.Next(entries[1]);
  ASSERT_FALSE(later.ok());
  EXPECT_NE(later.error().message.find("entry 1"), std::string::npos);
}

TEST(Outcome, RoundTripsItsNames) {
  for (Outcome outcome : {Outcome::kAllowed, Outcome::kDenied, Outcome::kFailed}) {
    EXPECT_EQ(*ParseOutcome(OutcomeName(outcome), "outcome"), outcome);
  }
  EXPECT_FALSE(ParseOutcome("maybe", "outcome").ok());
}

}  // namespace
}  // namespace trygnet::audit
