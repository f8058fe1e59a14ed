// A custody event (anholdelse, varetægtsfængsling, fængsling, løsladelse):
// a police record that a person was arrested, remanded, imprisoned or
// released on a date. Arrest, remand and imprisonment of a person in the
// target group start the exit and job measures [p.12–13].
#pragma once

#include <cstdint>
#include <string>

#include "core/date.h"
#include "core/error.h"
#include "core/person.h"

namespace trygnet {

using CustodyEventId = int64_t;

enum class CustodyKind { kArrested, kRemanded, kImprisoned, kReleased };
std::string_view CustodyKindName(CustodyKind kind);
Result<CustodyKind> ParseCustodyKind(std::string_view text, std::string_view field);
// Arrest, remand and imprisonment set the case flag of [p.7]; release does not.
bool TakesIntoCustody(CustodyKind kind);

struct CustodyEvent {
  CustodyEventId id = 0;
  std::string partnership_id;
  PersonId person_id = 0;
  CustodyKind kind = CustodyKind::kArrested;
  Date occurred_on;
  std::string note;
  std::string recorded_by;
  Timestamp recorded_at;
};

// A person, a date not after `today`, a note of sensible length.
Status ValidateCustodyEvent(const CustodyEvent& event, Date today);

}  // namespace trygnet
