// The JSON shapes the API returns for each entity (documented in
// openapi.json). Identity fields appear only where the handler has decided
// the caller may see them.
#pragma once

#include <nlohmann/json.hpp>

#include "core/assessment.h"
#include "core/case_file.h"
#include "core/custody_event.h"
#include "core/disclosure.h"
#include "core/focus_history.h"
#include "core/group.h"
#include "core/incident.h"
#include "core/measure.h"
#include "core/meeting.h"
#include "core/meeting_cadence.h"
#include "core/observation.h"
#include "core/partnership.h"
#include "core/person.h"
#include "core/registration.h"
#include "core/user.h"
#include "http/api_types.h"

namespace trygnet::http {

// `full_cpr`: the whole CPR number; otherwise the birth-date part only ("DDMMYY-xxxx").
nlohmann::json PersonJson(const Person& person, Date today, bool full_cpr);
nlohmann::json RegistrationJson(const Registration& registration);
nlohmann::json GroupJson(const Group& group);
nlohmann::json ObservationJson(const Observation& observation);
nlohmann::json CaseJson(const CaseFile& case_file);
nlohmann::json MeasureJson(const Measure& measure);
nlohmann::json CustodyEventJson(const CustodyEvent& event);
nlohmann::json DisclosureJson(const Disclosure& disclosure);
nlohmann::json MeetingJson(const Meeting& meeting);
// `with_persons`: the persons and groups involved (police data) are shown;
// otherwise only their counts, and the fields are named as withheld.
nlohmann::json IncidentJson(const Incident& incident, bool with_persons);
nlohmann::json MeasureStatusChangeJson(const MeasureStatusChange& step);
nlohmann::json AssessmentJson(const Assessment& assessment);
nlohmann::json CaseFlagChangeJson(const CaseFlagChange& change);
nlohmann::json CadenceJson(const CadenceView& view, const MeetingType& type);
nlohmann::json FocusPeriodJson(const FocusPeriod& period);
nlohmann::json FocusChangeJson(const FocusChange& change);
nlohmann::json UserJson(const User& user);
nlohmann::json PartnershipSummaryJson(const Partnership& partnership);

// A 200 (or `status`) response with `body` as JSON.
ApiResponse JsonResponse(const nlohmann::json& body, int status = 200);
// {"items": [...], "next_offset": n|null} for paged lists.
nlohmann::json Page(nlohmann::json items, int64_t offset, int64_t limit, bool more);

}  // namespace trygnet::http
