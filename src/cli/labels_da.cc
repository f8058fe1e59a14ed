#include "cli/labels_da.h"

namespace trygnet::cli {

std::string_view DanishLabel(RegistrationRole role) {
  switch (role) {
    case RegistrationRole::kMember: return "medlem";
    case RegistrationRole::kAssociate: return "medløber";
    case RegistrationRole::kYoungPotentialMember: return "ungt potentielt medlem";
    case RegistrationRole::kAtRiskVictim: return "i risiko / offer";
  }
  return "ukendt";
}

std::string_view DanishLabel(RemovalReason reason) {
  switch (reason) {
    case RemovalReason::kNoLongerActive: return "ikke længere aktiv";
    case RemovalReason::kDocumentationUncertain: return "usikker dokumentation";
    case RemovalReason::kExpired: return "udløbet (maksimal varighed)";
    case RemovalReason::kExitCompleted: return "exit gennemført";
    case RemovalReason::kDeceased: return "afdød";
    case RemovalReason::kRecordedInError: return "registreret ved en fejl";
  }
  return "ukendt";
}

std::string PadRight(std::string_view text, size_t width) {
  size_t characters = 0;
  for (char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++characters;  // count lead bytes only
  }
  std::string padded(text);
  if (characters < width) padded.append(width - characters, ' ');
  return padded;
}

}  // namespace trygnet::cli
