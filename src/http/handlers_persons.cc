// /api/v1/persons: the persons known to the partnership, and each person's
// records by kind. Every person whose data is returned leaves one audit entry.
#include <limits>

#include "core/cpr.h"
#include "http/handler_support.h"
#include "http/handlers.h"

namespace trygnet::http {
namespace {

constexpr int64_t kMaxObservationsPerPerson = 1000;

// The person named by the path, and the decision about reading `category` of theirs.
struct PersonRead {
  Person person;
  Guard guard;
};

Result<PersonRead> ReadPersonData(RequestContext& ctx, DataCategory category, std::string_view what) {
  TRY_ASSIGN(PersonId id, PathId(ctx, 0, "person_id"));
  TRY_ASSIGN(Person person, ctx.store.GetPerson(id));
  std::string resource = "person/" + std::to_string(id);
  if (!what.empty()) resource += "/" + std::string(what);
  TRY_ASSIGN(Guard guard, GuardPerson(ctx, AccessAction::kRead, category, person, resource, "read"));
  return PersonRead{std::move(person), std::move(guard)};
}

// Answers with `body` once the read is audited, or with the audited denial.
template <typename Fetch>
Reply AnswerPersonRead(RequestContext& ctx, DataCategory category, std::string_view what, Fetch fetch) {
  auto read = ReadPersonData(ctx, category, what);
  if (!read.ok()) return ErrorReply(read.error());
  if (!read->guard.decision.allowed) return DeniedReply(read->guard);
  Result<nlohmann::json> body = fetch(read->person);
  if (!body.ok()) return ErrorReply(body.error());
  return Reply(JsonResponse(*body), {read->guard.record});
}

Result<Reply> ListPersonsImpl(RequestContext& ctx) {
  QueryParams query(ctx.request.query);
  PersonFilter filter;
  filter.residence_area_id = query.Text("area");
  TRY_ASSIGN(filter.offset, query.Integer("offset", 0, 0, std::numeric_limits<int32_t>::max()));
  TRY_ASSIGN(filter.limit, query.PageSize());
  TRY_STATUS(query.Finish());
  Guard may_list = GuardOwnKind(ctx, AccessAction::kRead, DataCategory::kIdentity, "persons", "list");
  if (!may_list.decision.allowed) return DeniedReply(may_list);
  TRY_ASSIGN(std::vector<Person> persons, ctx.store.ListPersons(filter));
  // Persons the user may not see are left out of the page (not denials:
  // nobody asked for them by name), so a page can be short; next_offset goes on.
  nlohmann::json items = nlohmann::json::array();
  std::vector<audit::AuditRecord> reads;
  for (const Person& person : persons) {
    TRY_ASSIGN(Guard guard, GuardPerson(ctx, AccessAction::kRead, DataCategory::kIdentity, person,
                                        "person/" + std::to_string(person.id), "read"));
    if (!guard.decision.allowed) continue;
    items.push_back(PersonJson(person, ctx.Today(), /*full_cpr=*/false));
    reads.push_back(std::move(guard.record));
  }
  bool more = static_cast<int64_t>(persons.size()) == filter.limit;
  return Reply(JsonResponse(Page(std::move(items), filter.offset, filter.limit, more)), std::move(reads));
}

Result<Reply> CreatePersonImpl(RequestContext& ctx) {
  TRY_ASSIGN(nlohmann::json body, ParseJsonObject(ctx.request.body));
  FieldReader fields(body);
  Person person;
  TRY_ASSIGN(person.identity.given_name, fields.Text("given_name"));
  TRY_ASSIGN(person.identity.family_name, fields.Text("family_name"));
  TRY_ASSIGN(std::string cpr_text, fields.OptionalText("cpr"));
  TRY_ASSIGN(std::optional<Date> birth_date, fields.OptionalDate("birth_date"));
  TRY_ASSIGN(person.residence_area_id, fields.OptionalText("residence_area_id"));
  TRY_STATUS(fields.Finish());
  if (!cpr_text.empty()) {
    TRY_ASSIGN(CprNumber cpr, CprNumber::Parse(cpr_text));
    person.identity.cpr = cpr;
    person.identity.birth_date = birth_date.value_or(cpr.birth_date());
  } else if (birth_date) {
    person.identity.birth_date = *birth_date;
  } else {
    return InvalidArgument("birth_date", "is required when no CPR number is given");
  }
  person.recorded_by_unit_id = ctx.principal->user.unit_id;
  Guard guard = GuardOwnKind(ctx, AccessAction::kWrite, DataCategory::kIdentity, "person", "create");
  if (!guard.decision.allowed) return DeniedReply(guard);
  PersonId id = 0;
  TRY_STATUS(WriteAudited(
      ctx,
      [&]() -> Status {
        TRY_ASSIGN(id, ctx.store.AddPerson(person));
        return OkStatus();
      },
      [&] {
        guard.record.resource = "person/" + std::to_string(id);
        guard.record.person_id = id;
        return guard.record;
      }));
  TRY_ASSIGN(Person stored, ctx.store.GetPerson(id));
  return Reply(JsonResponse(PersonJson(stored, ctx.Today(), /*full_cpr=*/true), 201));
}

}  // namespace

Reply ListPersons(RequestContext& ctx) { return Answer(ListPersonsImpl(ctx)); }

Reply GetPerson(RequestContext& ctx) {
  if (Status finished = QueryParams(ctx.request.query).Finish(); !finished.ok()) return ErrorReply(finished.error());
  return AnswerPersonRead(ctx, DataCategory::kIdentity, "", [&](const Person& person) -> Result<nlohmann::json> {
    return PersonJson(person, ctx.Today(), /*full_cpr=*/true);
  });
}

Reply CreatePerson(RequestContext& ctx) { return Answer(CreatePersonImpl(ctx)); }

Reply GetPersonRegistrations(RequestContext& ctx) {
  QueryParams query(ctx.request.query);
  auto known_at = query.OptionalInstant("known_at", QueryParams::DayBound::kEnd);
  if (!known_at.ok()) return ErrorReply(known_at.error());
  if (Status finished = query.Finish(); !finished.ok()) return ErrorReply(finished.error());
  return AnswerPersonRead(ctx, DataCategory::kRegistration, "registrations",
                          [&](const Person& person) -> Result<nlohmann::json> {
                            TRY_ASSIGN(std::vector<Registration> registrations,
                                       ctx.store.RegistrationsForPerson(person.id, known_at->value_or(ctx.Now())));
                            nlohmann::json items = nlohmann::json::array();
                            for (const Registration& registration : registrations) {
                              items.push_back(RegistrationJson(registration));
                            }
                            return nlohmann::json{{"items", items}};
                          });
}

Reply GetPersonObservations(RequestContext& ctx) {
  QueryParams query(ctx.request.query);
  auto limit = query.Integer("limit", 100, 1, kMaxObservationsPerPerson);
  if (!limit.ok()) return ErrorReply(limit.error());
  if (Status finished = query.Finish(); !finished.ok()) return ErrorReply(finished.error());
  return AnswerPersonRead(
      ctx, DataCategory::kObservation, "observations", [&](const Person& person) -> Result<nlohmann::json> {
        TRY_ASSIGN(std::vector<Observation> observations, ctx.store.ObservationsForPerson(person.id, *limit));
        nlohmann::json items = nlohmann::json::array();
        for (const Observation& observation : observations) {
          items.push_back(ObservationJson(observation));
        }
        return nlohmann::json{{"items", items}};
      });
}

Reply GetPersonCases(RequestContext& ctx) {
  if (Status finished = QueryParams(ctx.request.query).Finish(); !finished.ok()) return ErrorReply(finished.error());
  return AnswerPersonRead(ctx, DataCategory::kCase, "cases", [&](const Person& person) -> Result<nlohmann::json> {
    TRY_ASSIGN(std::vector<CaseFile> cases, ctx.store.CasesForPerson(person.id));
    nlohmann::json items = nlohmann::json::array();
    for (const CaseFile& case_file : cases) items.push_back(CaseJson(case_file));
    return nlohmann::json{{"items", items}};
  });
}

Reply GetPersonMeasures(RequestContext& ctx) {
  if (Status finished = QueryParams(ctx.request.query).Finish(); !finished.ok()) return ErrorReply(finished.error());
  return AnswerPersonRead(ctx, DataCategory::kCase, "measures", [&](const Person& person) -> Result<nlohmann::json> {
    TRY_ASSIGN(std::vector<Measure> measures, ctx.store.MeasuresForPerson(person.id));
    nlohmann::json items = nlohmann::json::array();
    // The case's measures; another organisation's tasks outside a case (a
    // registration review, say) are that organisation's own.
    for (const Measure& measure : measures) {
      bool own_task = policy::MayHandleOwnTask(*ctx.principal->partnership, ctx.principal->subject,
                                               AccessAction::kRead, measure.assigned_unit_id)
                          .allowed;
      if (measure.case_id || own_task) items.push_back(MeasureJson(measure));
    }
    return nlohmann::json{{"items", items}};
  });
}

Reply GetPersonDisclosures(RequestContext& ctx) {
  if (Status finished = QueryParams(ctx.request.query).Finish(); !finished.ok()) return ErrorReply(finished.error());
  return AnswerPersonRead(ctx, DataCategory::kDisclosure, "disclosures",
                          [&](const Person& person) -> Result<nlohmann::json> {
                            TRY_ASSIGN(std::vector<Disclosure> disclosures, ctx.store.DisclosuresForPerson(person.id));
                            nlohmann::json items = nlohmann::json::array();
                            for (const Disclosure& disclosure : disclosures)
                              items.push_back(DisclosureJson(disclosure));
                            return nlohmann::json{{"items", items}};
                          });
}

Reply GetPersonCustodyEvents(RequestContext& ctx) {
  if (Status finished = QueryParams(ctx.request.query).Finish(); !finished.ok()) return ErrorReply(finished.error());
  // Custody events are police records about the person, like observations.
  return AnswerPersonRead(ctx, DataCategory::kObservation, "custody-events",
                          [&](const Person& person) -> Result<nlohmann::json> {
                            TRY_ASSIGN(std::vector<CustodyEvent> events, ctx.store.CustodyEventsForPerson(person.id));
                            nlohmann::json items = nlohmann::json::array();
                            for (const CustodyEvent& event : events) {
                              // Only the user's own partnership's events.
                              if (event.partnership_id != ctx.principal->partnership->id) continue;
                              items.push_back(CustodyEventJson(event));
                            }
                            return nlohmann::json{{"items", items}};
                          });
}

}  // namespace trygnet::http
