#include "report/labels.h"

#include <cctype>

namespace trygnet::report {
namespace {

std::string_view Pick(Language language, std::string_view da, std::string_view en) {
  return language == Language::kDanish ? da : en;
}

}  // namespace

std::string_view Label(RegistrationRole role, Language language) {
  switch (role) {
    case RegistrationRole::kMember:
      return Pick(language, "medlem", "member");
    case RegistrationRole::kAssociate:
      return Pick(language, "medløber", "associate");
    case RegistrationRole::kYoungPotentialMember:
      return Pick(language, "ungt potentielt medlem", "young potential member");
    case RegistrationRole::kAtRiskVictim:
      return Pick(language, "i risiko / offer", "at risk / victim");
  }
  return "?";
}

std::string_view Label(RemovalReason reason, Language language) {
  switch (reason) {
    case RemovalReason::kNoLongerActive:
      return Pick(language, "ikke længere aktiv", "no longer active");
    case RemovalReason::kDocumentationUncertain:
      return Pick(language, "usikker dokumentation", "documentation uncertain");
    case RemovalReason::kExpired:
      return Pick(language, "udløbet (maksimal varighed)", "expired (maximum duration)");
    case RemovalReason::kExitCompleted:
      return Pick(language, "exit gennemført", "exit completed");
    case RemovalReason::kDeceased:
      return Pick(language, "afdød", "deceased");
    case RemovalReason::kRecordedInError:
      return Pick(language, "registreret ved en fejl", "recorded in error");
  }
  return "?";
}

std::string_view Label(MeasureStatus status, Language language) {
  switch (status) {
    case MeasureStatus::kPlanned:
      return Pick(language, "planlagt", "planned");
    case MeasureStatus::kInProgress:
      return Pick(language, "i gang", "in progress");
    case MeasureStatus::kDone:
      return Pick(language, "gennemført", "done");
    case MeasureStatus::kDeclined:
      return Pick(language, "afslået", "declined");
    case MeasureStatus::kNotReached:
      return Pick(language, "ikke truffet", "not reached");
  }
  return "?";
}

std::string_view Label(ResponseRole role, Language language) {
  switch (role) {
    case ResponseRole::kPolice:
      return Pick(language, "politi", "police");
    case ResponseRole::kStreetWorkers:
      return Pick(language, "gadeplansmedarbejdere", "street workers");
    case ResponseRole::kSsp:
      return Pick(language, "SSP", "SSP");
    case ResponseRole::kStaff18Plus:
      return Pick(language, "18+-medarbejdere", "18+ staff");
    case ResponseRole::kHospitalPresence:
      return Pick(language, "tilstedeværelse på hospital", "hospital presence");
  }
  return "?";
}

std::string_view Label(IncidentKind kind, Language language) {
  switch (kind) {
    case IncidentKind::kViolentConflict:
      return Pick(language, "voldelig konflikt", "violent conflict");
    case IncidentKind::kPublicGathering:
      return Pick(language, "forsamling i det offentlige rum", "public gathering");
  }
  return "?";
}

std::string_view Label(CadenceStatus status, Language language) {
  switch (status) {
    case CadenceStatus::kAsNeeded:
      return Pick(language, "efter behov", "as needed");
    case CadenceStatus::kOnTrack:
      return Pick(language, "i rute", "on track");
    case CadenceStatus::kDueSoon:
      return Pick(language, "forfalder snart", "due soon");
    case CadenceStatus::kOverdue:
      return Pick(language, "forfalden", "overdue");
    case CadenceStatus::kAboveMaximum:
      return Pick(language, "over maksimum", "above maximum");
  }
  return "?";
}

std::string Capitalized(std::string_view label) {
  std::string text(label);
  if (!text.empty()) text[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
  return text;
}

}  // namespace trygnet::report
