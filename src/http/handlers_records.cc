// Groups, observations and disclosures: creating records (reading them goes
// through the person they are about, handlers_persons.cc; cases:
// handlers_cases.cc; measures: handlers_measures.cc).
#include <limits>

#include "http/handler_support.h"
#include "http/handlers.h"

namespace trygnet::http {
namespace {

constexpr int64_t kMaxId = std::numeric_limits<int64_t>::max();

// Groups are police intelligence, read and written under "registration".
Result<Reply> ListGroupsImpl(RequestContext& ctx) {
  TRY_STATUS(QueryParams(ctx.request.query).Finish());
  Guard guard = GuardGeneral(ctx, AccessAction::kRead, DataCategory::kRegistration, "groups", "read");
  if (!guard.decision.allowed) return DeniedReply(guard);
  TRY_ASSIGN(std::vector<Group> groups, ctx.store.ListGroups());
  nlohmann::json items = nlohmann::json::array();
  for (const Group& group : groups) items.push_back(GroupJson(group));
  return Reply(JsonResponse({{"items", items}}));
}

Result<Reply> GetGroupImpl(RequestContext& ctx) {
  TRY_STATUS(QueryParams(ctx.request.query).Finish());
  TRY_ASSIGN(GroupId id, PathId(ctx, 0, "group_id"));
  Guard guard =
      GuardGeneral(ctx, AccessAction::kRead, DataCategory::kRegistration, "group/" + std::to_string(id), "read");
  if (!guard.decision.allowed) return DeniedReply(guard);
  TRY_ASSIGN(Group group, ctx.store.GetGroup(id));
  return Reply(JsonResponse(GroupJson(group)));
}

Result<Reply> CreateGroupImpl(RequestContext& ctx) {
  TRY_ASSIGN(nlohmann::json body, ParseJsonObject(ctx.request.body));
  FieldReader fields(body);
  Group group;
  TRY_ASSIGN(group.name, fields.Text("name"));
  TRY_ASSIGN(group.aliases, fields.TextList("aliases", false));
  TRY_ASSIGN(group.home_area_ids, fields.TextList("home_area_ids", false));
  TRY_ASSIGN(std::vector<FieldReader> lineage, fields.ObjectList("lineage", false));
  for (FieldReader& item : lineage) {
    GroupLineage link;
    TRY_ASSIGN(std::string kind, item.Text("kind"));
    TRY_ASSIGN(link.kind, ParseLineageKind(kind, "lineage.kind"));
    TRY_ASSIGN(link.source_group_id, item.Integer("source_group_id", 1, kMaxId));
    TRY_ASSIGN(link.on, item.DateField("on"));
    TRY_STATUS(item.Finish());
    group.lineage.push_back(link);
  }
  TRY_STATUS(fields.Finish());
  Guard guard = GuardOwnKind(ctx, AccessAction::kWrite, DataCategory::kRegistration, "group", "create");
  if (!guard.decision.allowed) return DeniedReply(guard);
  GroupId id = 0;
  TRY_STATUS(WriteAudited(
      ctx,
      [&]() -> Status {
        TRY_ASSIGN(id, ctx.store.AddGroup(group));
        return OkStatus();
      },
      [&] {
        guard.record.resource = "group/" + std::to_string(id);
        return guard.record;
      }));
  TRY_ASSIGN(Group stored, ctx.store.GetGroup(id));
  return Reply(JsonResponse(GroupJson(stored), 201));
}

// One audit entry per person in a new record: each person's data was written.
Status AuditPerPerson(RequestContext& ctx, audit::AuditRecord record, const std::vector<PersonId>& person_ids) {
  for (PersonId person_id : person_ids) {
    record.person_id = person_id;
    TRY_STATUS(ctx.store.AppendAudit(record));
  }
  return OkStatus();
}

Result<Reply> CreateObservationImpl(RequestContext& ctx) {
  TRY_ASSIGN(nlohmann::json body, ParseJsonObject(ctx.request.body));
  FieldReader fields(body);
  Observation observation;
  TRY_ASSIGN(observation.observed_at, fields.TimeField("observed_at"));
  TRY_ASSIGN(observation.area_id, fields.OptionalText("area_id"));
  TRY_ASSIGN(observation.source, fields.Text("source"));
  TRY_ASSIGN(observation.person_ids, fields.IntegerList("person_ids", 1, kMaxId, true));
  TRY_STATUS(fields.Finish());
  observation.recorded_by = ctx.principal->user.username;
  observation.recorded_at = ctx.Now();
  Guard guard = GuardOwnKind(ctx, AccessAction::kWrite, DataCategory::kObservation, "observation", "create");
  if (!guard.decision.allowed) return DeniedReply(guard);
  ObservationId id = 0;
  TRY_STATUS(ctx.store.InTransaction([&]() -> Status {
    TRY_ASSIGN(std::vector<ObservationId> ids, ctx.store.AddObservations({observation}));
    id = ids.at(0);
    guard.record.resource = "observation/" + std::to_string(id);
    return AuditPerPerson(ctx, guard.record, observation.person_ids);
  }));
  observation.id = id;
  return Reply(JsonResponse(ObservationJson(observation), 201));
}

// A disclosure is recorded by the sending unit, and only when one of the
// partnership's legal bases permits every category it names.
Result<Reply> CreateDisclosureImpl(RequestContext& ctx) {
  TRY_ASSIGN(nlohmann::json body, ParseJsonObject(ctx.request.body));
  FieldReader fields(body);
  Disclosure disclosure;
  TRY_ASSIGN(disclosure.person_id, fields.Integer("person_id", 1, kMaxId));
  TRY_ASSIGN(disclosure.to_unit_id, fields.Text("to_unit_id"));
  TRY_ASSIGN(disclosure.data_categories, fields.TextList("data_categories", true));
  TRY_ASSIGN(disclosure.legal_basis_id, fields.Text("legal_basis_id"));
  TRY_STATUS(fields.Finish());
  TRY_ASSIGN(const Partnership* partnership, OwnPartnership(ctx));
  disclosure.partnership_id = partnership->id;
  disclosure.from_unit_id = ctx.principal->user.unit_id;
  disclosure.purpose = ctx.Purpose();
  disclosure.disclosed_by = ctx.principal->user.username;
  disclosure.disclosed_at = ctx.Now();
  TRY_ASSIGN(Person person, ctx.store.GetPerson(disclosure.person_id));
  // Only the holder of the data may disclose it: decided before the details are checked.
  TRY_ASSIGN(Guard guard,
             GuardPerson(ctx, AccessAction::kWrite, DataCategory::kDisclosure, person, "disclosure", "disclose"));
  if (!guard.decision.allowed) return DeniedReply(guard);
  TRY_STATUS(ValidateDisclosure(disclosure));
  if (!partnership->FindUnit(disclosure.to_unit_id)) {
    return InvalidArgument("to_unit_id", "is not a unit of partnership " + partnership->id);
  }
  const LegalBasis* basis = nullptr;
  for (const LegalBasis& candidate : partnership->legal_bases) {
    if (candidate.id == disclosure.legal_basis_id) basis = &candidate;
  }
  if (!basis) return InvalidArgument("legal_basis_id", "is not a legal basis of partnership " + partnership->id);
  AgeGroup age_group = person.IsUnder18At(ctx.Today()) ? AgeGroup::kUnder18 : AgeGroup::kOver18;
  for (size_t i = 0; i < disclosure.data_categories.size(); ++i) {
    TRY_ASSIGN(DataCategory category, ParseDataCategory(disclosure.data_categories[i], "data_categories"));
    // One discloses only what one's own organisation holds.
    TRY_ASSIGN(bool holds, OwnOrganisationHolds(ctx, category, person.id));
    if (!holds) {
      return DeniedReply(Denied(guard, policy::Reason::kNotOwner,
                                "your organisation does not hold " + disclosure.data_categories[i] +
                                    " about this person, so it cannot disclose it"));
    }
    if (!policy::LegalBasisPermits(*basis, partnership->KindOfUnit(disclosure.from_unit_id),
                                   partnership->KindOfUnit(disclosure.to_unit_id), disclosure.purpose, age_group,
                                   category)) {
      return InvalidArgument("data_categories[" + std::to_string(i) + "]",
                             basis->name + " does not permit disclosing " + disclosure.data_categories[i] +
                                 " about this person from " + disclosure.from_unit_id + " to " + disclosure.to_unit_id +
                                 " for " + disclosure.purpose);
    }
  }
  DisclosureId id = 0;
  guard.record.legal_basis = basis->id;
  TRY_STATUS(WriteAudited(
      ctx,
      [&]() -> Status {
        TRY_ASSIGN(id, ctx.store.AddDisclosure(disclosure));
        return OkStatus();
      },
      [&] {
        guard.record.resource = "disclosure/" + std::to_string(id);
        return guard.record;
      }));
  disclosure.id = id;
  return Reply(JsonResponse(DisclosureJson(disclosure), 201));
}

}  // namespace

Reply ListGroups(RequestContext& ctx) { return Answer(ListGroupsImpl(ctx)); }
Reply GetGroup(RequestContext& ctx) { return Answer(GetGroupImpl(ctx)); }
Reply CreateGroup(RequestContext& ctx) { return Answer(CreateGroupImpl(ctx)); }
Reply CreateObservation(RequestContext& ctx) { return Answer(CreateObservationImpl(ctx)); }
Reply CreateDisclosure(RequestContext& ctx) { return Answer(CreateDisclosureImpl(ctx)); }

}  // namespace trygnet::http
