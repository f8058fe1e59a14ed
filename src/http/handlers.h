// The route handlers, one file per group of routes (handlers_*.cc). Each
// reads its input strictly, asks the access guard, works through the store
// and returns a Reply; none throws for bad input.
#pragma once

#include "http/api_types.h"
#include "http/request_context.h"

namespace trygnet::http {

// handlers_system.cc
Reply GetHealth(RequestContext& ctx);
Reply GetOpenApi(RequestContext& ctx);
Reply GetMetrics(RequestContext& ctx);

// handlers_session.cc
Reply SignIn(RequestContext& ctx);
Reply GetSession(RequestContext& ctx);
Reply SignOut(RequestContext& ctx);

// handlers_persons.cc
Reply ListPersons(RequestContext& ctx);
Reply GetPerson(RequestContext& ctx);
Reply CreatePerson(RequestContext& ctx);
Reply GetPersonRegistrations(RequestContext& ctx);
Reply GetPersonObservations(RequestContext& ctx);
Reply GetPersonNetwork(RequestContext& ctx);
Reply GetNetwork(RequestContext& ctx);
Reply GetPersonCases(RequestContext& ctx);
Reply GetPersonMeasures(RequestContext& ctx);
Reply GetPersonDisclosures(RequestContext& ctx);
Reply GetPersonCustodyEvents(RequestContext& ctx);

// handlers_registrations.cc
Reply ListRegistrations(RequestContext& ctx);
Reply GetRegistration(RequestContext& ctx);
Reply GetRegistrationHistory(RequestContext& ctx);
Reply CreateRegistration(RequestContext& ctx);
Reply ValidateRegistrationAction(RequestContext& ctx);
Reply ReviewRegistration(RequestContext& ctx);
Reply RemoveRegistrationAction(RequestContext& ctx);
Reply ListReviewQueue(RequestContext& ctx);

// handlers_records.cc: groups, observations, disclosures
Reply ListGroups(RequestContext& ctx);
Reply GetGroup(RequestContext& ctx);
Reply CreateGroup(RequestContext& ctx);
Reply CreateObservation(RequestContext& ctx);
Reply CreateDisclosure(RequestContext& ctx);

// handlers_cases.cc: cases, their flags and joint assessments
Reply OpenCase(RequestContext& ctx);
Reply CloseCase(RequestContext& ctx);
Reply GetCase(RequestContext& ctx);
Reply SetCaseFlag(RequestContext& ctx);
Reply CreateAssessment(RequestContext& ctx);
Reply ListAssessments(RequestContext& ctx);

// handlers_incidents.cc: incidents and their response logs
Reply CreateIncident(RequestContext& ctx);
Reply ListIncidents(RequestContext& ctx);
Reply GetIncident(RequestContext& ctx);
Reply AddIncidentResponse(RequestContext& ctx);
Reply CloseIncident(RequestContext& ctx);

// handlers_meetings.cc: meetings, cadences and the areas' focus history
Reply CreateMeeting(RequestContext& ctx);
Reply ListMeetings(RequestContext& ctx);
Reply GetMeeting(RequestContext& ctx);
Reply MeetingsDue(RequestContext& ctx);
Reply GetAreaFocus(RequestContext& ctx);

// handlers_areas.cc: the areas as GeoJSON for the map, with counts for aggregate readers
Reply ListAreas(RequestContext& ctx);

// handlers_users.cc: user administration (write:user_admin)
Reply CreateUser(RequestContext& ctx);
Reply DisableUser(RequestContext& ctx);
Reply EnableUser(RequestContext& ctx);
Reply ResetUserPassword(RequestContext& ctx);
Reply ResetUserTotp(RequestContext& ctx);

// handlers_measures.cc: measures and their status flow, work queues, custody events
Reply CreateMeasure(RequestContext& ctx);
Reply ListMeasures(RequestContext& ctx);
Reply GetMeasure(RequestContext& ctx);
Reply ChangeMeasureStatus(RequestContext& ctx);
Reply CreateCustodyEvent(RequestContext& ctx);

// handlers_partnership.cc: partnerships, indicators, audit, users
Reply ListPartnerships(RequestContext& ctx);
Reply GetPartnership(RequestContext& ctx);
Reply GetIndicators(RequestContext& ctx);
Reply QueryAuditLog(RequestContext& ctx);
Reply ListUsers(RequestContext& ctx);

// handlers_reports.cc: the status report and its narratives
Reply GetStatusReport(RequestContext& ctx);
Reply AddNarrative(RequestContext& ctx);
Reply ListNarratives(RequestContext& ctx);

}  // namespace trygnet::http
