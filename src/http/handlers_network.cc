// The network analysis [p.8–9, p.12] through the API. Results about persons
// are personal data: the run needs the observation grant (police data), a
// stated purpose (X-Trygnet-Purpose, kept in the audit log), and every
// person the result shows gets an audit entry. Persons appear by name or
// pseudonym as network::LabelPersons decides.
#include <limits>

#include "http/handler_support.h"
#include "http/handlers.h"
#include "network/network_analysis.h"
#include "network/network_json.h"
#include "network/person_labels.h"

namespace trygnet::http {
namespace {

// The options common to both routes; the errors name the query parameter.
// `lists`: whether the route answers with top lists (only /network does;
// the person route rejects `top` as an unknown parameter rather than ignore it).
Result<network::NetworkRequest> ReadNetworkRequest(RequestContext& ctx, QueryParams& query, bool lists) {
  network::NetworkRequest request;
  TRY_ASSIGN(std::optional<Date> as_of, query.OptionalDate("as_of"));
  if (!as_of) return InvalidArgument("as_of", "is required, e.g. 2018-06-30");
  request.as_of = *as_of;
  TRY_ASSIGN(std::optional<Timestamp> known_at, query.OptionalInstant("known_at", QueryParams::DayBound::kEnd));
  request.known_at = known_at.value_or(ctx.Now());
  TRY_ASSIGN(request.from, query.OptionalDate("from"));
  const std::string areas = query.Text("area");
  for (size_t start = 0; !areas.empty() && start <= areas.size();) {
    const size_t comma = std::min(areas.find(',', start), areas.size());
    if (comma > start) request.area_ids.push_back(areas.substr(start, comma - start));
    start = comma + 1;
  }
  TRY_ASSIGN(request.window_minutes, query.Integer("window", 30, 0, 10080));
  TRY_ASSIGN(int64_t radius, query.Integer("radius", 0, 0, 5000));
  request.radius_metres = static_cast<double>(radius);
  TRY_ASSIGN(int64_t half_life, query.Integer("half_life", 180, 1, 3650));
  request.half_life_days = static_cast<double>(half_life);
  TRY_ASSIGN(int64_t seed, query.Integer("seed", 1, 0, std::numeric_limits<int64_t>::max()));
  request.measures.seed = static_cast<uint64_t>(seed);
  TRY_ASSIGN(request.measures.pivots, query.Integer("pivots", 100, 1, 100000));
  TRY_ASSIGN(int64_t budget, query.Integer("budget", 20, 1, 600));
  request.measures.budget_seconds = static_cast<double>(budget);
  if (lists) {
    TRY_ASSIGN(request.top, query.Integer("top", 20, 1, 500));
  }
  return request;
}

Status RequirePurpose(RequestContext& ctx) {
  if (ctx.request.purpose.empty()) {  // the default purpose does not count: a run states its own
    return InvalidArgument("X-Trygnet-Purpose",
                           "is required for network analysis: state the purpose of the run, e.g. crime_prevention");
  }
  return OkStatus();
}

// Labels the result's persons through the user's identity access, and
// answers with one audit entry for the run and one per person shown.
Result<Reply> AnswerNetwork(RequestContext& ctx, const network::NetworkResult& result, const Guard& guard,
                            const std::string& resource) {
  TRY_ASSIGN(auto labels, network::LabelPersons(ctx.store, result, [&](PersonId person_id) -> Result<policy::Decision> {
    TRY_ASSIGN(Person person, ctx.store.GetPerson(person_id));
    TRY_ASSIGN(Guard identity, GuardPerson(ctx, AccessAction::kRead, DataCategory::kIdentity, person, resource, "read"));
    return identity.decision;
  }));
  std::vector<audit::AuditRecord> records = {guard.record};
  for (PersonId person_id : network::PersonsIn(result)) {
    audit::AuditRecord record = guard.record;
    record.action = "read";
    record.person_id = person_id;
    records.push_back(std::move(record));
  }
  return Reply(JsonResponse(network::NetworkJson(result, labels)), std::move(records));
}

// GET /network?as_of&known_at&from&area&window&radius&half_life&seed&pivots&budget&top
Result<Reply> GetNetworkImpl(RequestContext& ctx) {
  QueryParams query(ctx.request.query);
  TRY_ASSIGN(network::NetworkRequest request, ReadNetworkRequest(ctx, query, /*lists=*/true));
  TRY_STATUS(query.Finish());
  TRY_STATUS(RequirePurpose(ctx));
  TRY_ASSIGN(const Partnership* partnership, OwnPartnership(ctx));
  const std::string resource = "network/" + partnership->id + "/" + request.as_of.ToString();
  Guard guard = GuardGeneral(ctx, AccessAction::kRead, DataCategory::kObservation, resource, "analyse");
  if (!guard.decision.allowed) return DeniedReply(guard);
  TRY_ASSIGN(network::NetworkResult result, network::AnalyseNetwork(ctx.store, *partnership, request));
  return AnswerNetwork(ctx, result, guard, resource);
}

// GET /persons/{id}/network: one person's figures and every tie.
Result<Reply> GetPersonNetworkImpl(RequestContext& ctx) {
  QueryParams query(ctx.request.query);
  TRY_ASSIGN(network::NetworkRequest request, ReadNetworkRequest(ctx, query, /*lists=*/false));
  TRY_STATUS(query.Finish());
  TRY_STATUS(RequirePurpose(ctx));
  TRY_ASSIGN(PersonId person_id, PathId(ctx, 0, "person_id"));
  TRY_ASSIGN(Person person, ctx.store.GetPerson(person_id));
  TRY_ASSIGN(const Partnership* partnership, OwnPartnership(ctx));
  const std::string resource = "person/" + std::to_string(person_id) + "/network";
  TRY_ASSIGN(Guard guard, GuardPerson(ctx, AccessAction::kRead, DataCategory::kObservation, person, resource, "analyse"));
  if (!guard.decision.allowed) return DeniedReply(guard);
  TRY_ASSIGN(network::NetworkResult result,
             network::AnalysePersonNetwork(ctx.store, *partnership, request, person_id));
  return AnswerNetwork(ctx, result, guard, resource);
}

}  // namespace

Reply GetNetwork(RequestContext& ctx) { return Answer(GetNetworkImpl(ctx)); }
Reply GetPersonNetwork(RequestContext& ctx) { return Answer(GetPersonNetworkImpl(ctx)); }

}  // namespace trygnet::http
