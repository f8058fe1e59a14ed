// The API's routes. Adding one here means documenting it in openapi.json
// (tests/http/openapi_test.cc fails otherwise).
#include "http/handlers.h"
#include "http/router.h"

namespace trygnet::http {

std::vector<Route> AllRoutes() {
  const Access kOpen = Access::kPublic;
  const Access kSigned = Access::kSignedIn;
  return {
      {"GET", "/healthz", kOpen, GetHealth},
      {"GET", "/metrics", kOpen, GetMetrics},
      {"GET", "/api/v1/openapi.json", kOpen, GetOpenApi},
      {"POST", "/api/v1/session", kOpen, SignIn},
      {"GET", "/api/v1/session", kSigned, GetSession},
      {"DELETE", "/api/v1/session", kSigned, SignOut},
      {"GET", "/api/v1/partnerships", kSigned, ListPartnerships},
      {"GET", "/api/v1/partnerships/{id}", kSigned, GetPartnership},
      {"GET", "/api/v1/persons", kSigned, ListPersons},
      {"POST", "/api/v1/persons", kSigned, CreatePerson},
      {"GET", "/api/v1/persons/{id}", kSigned, GetPerson},
      {"GET", "/api/v1/persons/{id}/registrations", kSigned, GetPersonRegistrations},
      {"GET", "/api/v1/persons/{id}/observations", kSigned, GetPersonObservations},
      {"GET", "/api/v1/persons/{id}/network", kSigned, GetPersonNetwork},
      {"GET", "/api/v1/persons/{id}/cases", kSigned, GetPersonCases},
      {"GET", "/api/v1/persons/{id}/measures", kSigned, GetPersonMeasures},
      {"GET", "/api/v1/persons/{id}/disclosures", kSigned, GetPersonDisclosures},
      {"GET", "/api/v1/persons/{id}/custody-events", kSigned, GetPersonCustodyEvents},
      {"GET", "/api/v1/registrations", kSigned, ListRegistrations},
      {"POST", "/api/v1/registrations", kSigned, CreateRegistration},
      {"GET", "/api/v1/registrations/review-queue", kSigned, ListReviewQueue},  // before {id}
      {"GET", "/api/v1/registrations/{id}", kSigned, GetRegistration},
      {"GET", "/api/v1/registrations/{id}/history", kSigned, GetRegistrationHistory},
      {"POST", "/api/v1/registrations/{id}/validate", kSigned, ValidateRegistrationAction},
      {"POST", "/api/v1/registrations/{id}/review", kSigned, ReviewRegistration},
      {"POST", "/api/v1/registrations/{id}/remove", kSigned, RemoveRegistrationAction},
      {"GET", "/api/v1/groups", kSigned, ListGroups},
      {"POST", "/api/v1/groups", kSigned, CreateGroup},
      {"GET", "/api/v1/groups/{id}", kSigned, GetGroup},
      {"POST", "/api/v1/observations", kSigned, CreateObservation},
      {"POST", "/api/v1/cases", kSigned, OpenCase},
      {"GET", "/api/v1/cases/{id}", kSigned, GetCase},
      {"POST", "/api/v1/cases/{id}/close", kSigned, CloseCase},
      {"POST", "/api/v1/cases/{id}/flags", kSigned, SetCaseFlag},
      {"GET", "/api/v1/cases/{id}/assessments", kSigned, ListAssessments},
      {"POST", "/api/v1/cases/{id}/assessments", kSigned, CreateAssessment},
      {"GET", "/api/v1/measures", kSigned, ListMeasures},
      {"POST", "/api/v1/measures", kSigned, CreateMeasure},
      {"GET", "/api/v1/measures/{id}", kSigned, GetMeasure},
      {"POST", "/api/v1/measures/{id}/status", kSigned, ChangeMeasureStatus},
      {"POST", "/api/v1/custody-events", kSigned, CreateCustodyEvent},
      {"POST", "/api/v1/disclosures", kSigned, CreateDisclosure},
      {"GET", "/api/v1/indicators", kSigned, GetIndicators},
      {"GET", "/api/v1/reports/status", kSigned, GetStatusReport},
      {"GET", "/api/v1/reports/narratives", kSigned, ListNarratives},
      {"POST", "/api/v1/reports/narratives", kSigned, AddNarrative},
      {"GET", "/api/v1/network", kSigned, GetNetwork},
      {"GET", "/api/v1/meetings", kSigned, ListMeetings},
      {"POST", "/api/v1/meetings", kSigned, CreateMeeting},
      {"GET", "/api/v1/meetings/due", kSigned, MeetingsDue},  // before {id}
      {"GET", "/api/v1/meetings/{id}", kSigned, GetMeeting},
      {"GET", "/api/v1/areas", kSigned, ListAreas},
      {"GET", "/api/v1/areas/{id}/focus", kSigned, GetAreaFocus},
      {"GET", "/api/v1/incidents", kSigned, ListIncidents},
      {"POST", "/api/v1/incidents", kSigned, CreateIncident},
      {"GET", "/api/v1/incidents/{id}", kSigned, GetIncident},
      {"POST", "/api/v1/incidents/{id}/responses", kSigned, AddIncidentResponse},
      {"POST", "/api/v1/incidents/{id}/close", kSigned, CloseIncident},
      {"GET", "/api/v1/audit", kSigned, QueryAuditLog},
      {"GET", "/api/v1/users", kSigned, ListUsers},
      {"POST", "/api/v1/users", kSigned, CreateUser},
      {"POST", "/api/v1/users/{username}/disable", kSigned, DisableUser},
      {"POST", "/api/v1/users/{username}/enable", kSigned, EnableUser},
      {"POST", "/api/v1/users/{username}/reset-password", kSigned, ResetUserPassword},
      {"POST", "/api/v1/users/{username}/reset-totp", kSigned, ResetUserTotp},
  };
}

}  // namespace trygnet::http
