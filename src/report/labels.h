// Danish and English names of domain values, for people to read (the codes
// stay English in JSON and storage). The CLI uses the Danish ones too.
#pragma once

#include <string>
#include <string_view>

#include "core/incident.h"
#include "core/measure.h"
#include "core/meeting_cadence.h"
#include "core/registration.h"
#include "report/model.h"

namespace trygnet::report {

std::string_view Label(RegistrationRole role, Language language);
std::string_view Label(RemovalReason reason, Language language);
std::string_view Label(MeasureStatus status, Language language);
std::string_view Label(ResponseRole role, Language language);
std::string_view Label(IncidentKind kind, Language language);
std::string_view Label(CadenceStatus status, Language language);

// The label with its first letter in capitals, for a table row ("Planlagt").
std::string Capitalized(std::string_view label);

}  // namespace trygnet::report
