// Danish labels for domain values shown by the CLI (the codes stay English
// in JSON and storage; people read Danish first).
#pragma once

#include <string>
#include <string_view>

#include "core/partnership.h"
#include "core/registration.h"

namespace trygnet::cli {

std::string_view DanishLabel(RegistrationRole role);
std::string_view DanishLabel(RemovalReason reason);
std::string_view DanishLabel(UnitKind kind);
std::string_view DanishMonth(int month);  // 1 → "januar"

// A number as people write it: whole numbers without decimals, others with
// one; a decimal comma in Danish ("40,5"), a point in English.
std::string FormatNumber(double value, bool danish);

// A CPR number for display: "DDMMYY-xxxx" unless the full number is asked for.
std::string ShownCpr(const CprNumber& cpr, bool full);

// Pads `text` with spaces to `width` characters (UTF-8 aware), for tables;
// a longer text gets one space, so columns never run together.
std::string PadRight(std::string_view text, size_t width);

}  // namespace trygnet::cli
