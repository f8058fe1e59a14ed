#include "http/json_encode.h"

namespace trygnet::http {
namespace {

nlohmann::json OptionalDate(const std::optional<Date>& date) {
  return date ? nlohmann::json(date->ToString()) : nlohmann::json(nullptr);
}

nlohmann::json OptionalTime(const std::optional<Timestamp>& time) {
  return time ? nlohmann::json(time->ToString()) : nlohmann::json(nullptr);
}

nlohmann::json TextOrNull(const std::string& text) {
  return text.empty() ? nlohmann::json(nullptr) : nlohmann::json(text);
}

// A trigger's facts are stored as a JSON object; anything else is shown as null.
nlohmann::json FactsOrNull(const std::string& facts) {
  if (facts.empty()) return nullptr;
  nlohmann::json parsed = nlohmann::json::parse(facts, nullptr, /*allow_exceptions=*/false);
  return parsed.is_object() ? parsed : nlohmann::json(nullptr);
}

}  // namespace

nlohmann::json PersonJson(const Person& person, Date today, bool full_cpr) {
  nlohmann::json cpr = nullptr;
  if (person.identity.cpr) {
    cpr = full_cpr ? person.identity.cpr->Formatted() : person.identity.cpr->digits().substr(0, 6) + "-xxxx";
  }
  return {{"id", person.id},
          {"given_name", person.identity.given_name},
          {"family_name", person.identity.family_name},
          {"cpr", cpr},
          {"birth_date", person.identity.birth_date.ToString()},
          {"age", person.AgeAt(today)},
          {"under_18", person.IsUnder18At(today)},
          {"residence_area_id", TextOrNull(person.residence_area_id)},
          {"recorded_by_unit_id", TextOrNull(person.recorded_by_unit_id)},
          {"recorded_at", person.recorded_at.ToString()}};
}

nlohmann::json RegistrationJson(const Registration& registration) {
  nlohmann::json criteria = nlohmann::json::array();
  for (const Criterion& criterion : registration.criteria) {
    criteria.push_back(
        {{"kind", criterion.kind}, {"source", criterion.source}, {"observed_on", criterion.observed_on.ToString()}});
  }
  return {
      {"id", registration.id},
      {"version", registration.version},
      {"partnership_id", registration.partnership_id},
      {"person_id", registration.person_id},
      {"group_id", registration.group_id ? nlohmann::json(*registration.group_id) : nlohmann::json(nullptr)},
      {"role", RegistrationRoleName(registration.role)},
      {"criteria", criteria},
      {"justification", registration.justification},
      {"registering_officer", registration.registering_officer},
      {"validating_officer", TextOrNull(registration.validating_officer)},
      {"validated_on", OptionalDate(registration.validated_on)},
      {"valid_from", registration.valid_from.ToString()},
      {"valid_to", OptionalDate(registration.valid_to)},
      {"removal_reason", registration.removal_reason ? nlohmann::json(RemovalReasonName(*registration.removal_reason))
                                                     : nlohmann::json(nullptr)},
      {"removal_note", TextOrNull(registration.removal_note)},
      {"review_due", registration.review_due.ToString()},
      {"recorded_at", registration.recorded_at.ToString()},
      {"superseded_at", OptionalTime(registration.superseded_at)}};
}

nlohmann::json GroupJson(const Group& group) {
  nlohmann::json lineage = nlohmann::json::array();
  for (const GroupLineage& link : group.lineage) {
    lineage.push_back(
        {{"kind", LineageKindName(link.kind)}, {"source_group_id", link.source_group_id}, {"on", link.on.ToString()}});
  }
  return {{"id", group.id},           {"name", group.name},
          {"aliases", group.aliases}, {"home_area_ids", group.home_area_ids},
          {"lineage", lineage},       {"recorded_at", group.recorded_at.ToString()}};
}

nlohmann::json ObservationJson(const Observation& observation) {
  nlohmann::json position = nullptr;
  if (observation.position) position = {{"lon", observation.position->lon}, {"lat", observation.position->lat}};
  return {{"id", observation.id},
          {"observed_at", observation.observed_at.ToString()},
          {"area_id", TextOrNull(observation.area_id)},
          {"position", position},
          {"source", observation.source},
          {"person_ids", observation.person_ids},
          {"recorded_by", observation.recorded_by},
          {"recorded_at", observation.recorded_at.ToString()}};
}

nlohmann::json CaseJson(const CaseFile& case_file) {
  return {{"id", case_file.id},
          {"person_id", case_file.person_id},
          {"partnership_id", case_file.partnership_id},
          {"track", CaseTrackName(case_file.track)},
          {"level", case_file.level},
          {"owning_unit_id", case_file.owning_unit_id},
          {"flags",
           {{"first_contact", case_file.flags.first_contact},
            {"arrested_remanded_imprisoned", case_file.flags.arrested_remanded_imprisoned},
            {"leading_member", case_file.flags.leading_member},
            {"exit_motivated", case_file.flags.exit_motivated}}},
          {"opened_on", case_file.opened_on.ToString()},
          {"closed_on", OptionalDate(case_file.closed_on)},
          {"close_reason", TextOrNull(case_file.close_reason)},
          {"opened_by", case_file.opened_by},
          {"recorded_at", case_file.recorded_at.ToString()}};
}

nlohmann::json MeasureJson(const Measure& measure) {
  return {{"id", measure.id},
          {"person_id", measure.person_id},
          {"case_id", measure.case_id ? nlohmann::json(*measure.case_id) : nlohmann::json(nullptr)},
          {"partnership_id", measure.partnership_id},
          {"measure_type_id", measure.measure_type_id},
          {"assigned_unit_id", measure.assigned_unit_id},
          {"due_on", measure.due_on.ToString()},
          {"status", MeasureStatusName(measure.status)},
          {"completed_on", OptionalDate(measure.completed_on)},
          {"outcome", TextOrNull(measure.outcome)},
          {"note", TextOrNull(measure.note)},
          {"created_by", measure.created_by},
          {"rule_id", TextOrNull(measure.rule_id)},
          {"facts", FactsOrNull(measure.facts)},
          {"recorded_at", measure.recorded_at.ToString()}};
}

nlohmann::json CustodyEventJson(const CustodyEvent& event) {
  return {{"id", event.id},
          {"partnership_id", event.partnership_id},
          {"person_id", event.person_id},
          {"kind", CustodyKindName(event.kind)},
          {"occurred_on", event.occurred_on.ToString()},
          {"note", TextOrNull(event.note)},
          {"recorded_by", event.recorded_by},
          {"recorded_at", event.recorded_at.ToString()}};
}

nlohmann::json DisclosureJson(const Disclosure& disclosure) {
  return {{"id", disclosure.id},
          {"partnership_id", disclosure.partnership_id},
          {"from_unit_id", disclosure.from_unit_id},
          {"to_unit_id", disclosure.to_unit_id},
          {"person_id", disclosure.person_id},
          {"data_categories", disclosure.data_categories},
          {"legal_basis_id", disclosure.legal_basis_id},
          {"purpose", disclosure.purpose},
          {"disclosed_by", disclosure.disclosed_by},
          {"disclosed_at", disclosure.disclosed_at.ToString()}};
}

nlohmann::json MeetingJson(const Meeting& meeting) {
  nlohmann::json decisions = nlohmann::json::array();
  for (const Decision& decision : meeting.decisions) {
    decisions.push_back({{"kind", DecisionKindName(decision.kind)},
                         {"text", decision.text},
                         {"area_id", TextOrNull(decision.area_id)},
                         {"effective_on", OptionalDate(decision.effective_on)}});
  }
  return {{"id", meeting.id},
          {"partnership_id", meeting.partnership_id},
          {"meeting_type_id", meeting.meeting_type_id},
          {"held_on", meeting.held_on.ToString()},
          {"attending_unit_ids", meeting.attending_unit_ids},
          {"minutes", meeting.minutes},
          {"decisions", decisions},
          {"recorded_by", meeting.recorded_by},
          {"recorded_at", meeting.recorded_at.ToString()}};
}

nlohmann::json IncidentJson(const Incident& incident, bool with_persons) {
  nlohmann::json responses = nlohmann::json::array();
  for (const ResponseEntry& entry : incident.responses) {
    responses.push_back({{"at", entry.at.ToString()},
                         {"role", ResponseRoleName(entry.role)},
                         {"unit_id", entry.unit_id},
                         {"note", entry.note}});
  }
  // Minutes from the incident to the first response of each role [p.12]; null: none yet.
  nlohmann::json first_response = nlohmann::json::object();
  for (ResponseRole role : kAllResponseRoles) {
    std::optional<int64_t> seconds = SecondsToFirstResponse(incident, role);
    first_response[std::string(ResponseRoleName(role))] =
        seconds ? nlohmann::json(*seconds / 60) : nlohmann::json(nullptr);
  }
  nlohmann::json json = {{"id", incident.id},
                         {"partnership_id", incident.partnership_id},
                         {"kind", IncidentKindName(incident.kind)},
                         {"occurred_at", incident.occurred_at.ToString()},
                         {"area_id", TextOrNull(incident.area_id)},
                         {"place", incident.place},
                         {"person_count", incident.person_ids.size()},
                         {"group_count", incident.group_ids.size()},
                         {"responses", responses},
                         {"minutes_to_first_response", first_response},
                         {"closed_at", OptionalTime(incident.closed_at)},
                         {"after_action_note", TextOrNull(incident.after_action_note)},
                         {"recorded_by", incident.recorded_by},
                         {"recorded_by_unit_id", TextOrNull(incident.recorded_by_unit_id)},
                         {"recorded_at", incident.recorded_at.ToString()}};
  if (with_persons) {
    json["person_ids"] = incident.person_ids;
    json["group_ids"] = incident.group_ids;
  } else {
    json["withheld"] = {{"fields", {"person_ids", "group_ids"}}, {"reason", "police_data"}};
  }
  return json;
}

nlohmann::json MeasureStatusChangeJson(const MeasureStatusChange& step) {
  return {{"status", MeasureStatusName(step.status)},
          {"completed_on", OptionalDate(step.completed_on)},
          {"outcome", TextOrNull(step.outcome)},
          {"note", TextOrNull(step.note)},
          {"changed_by", step.changed_by},
          {"recorded_at", step.recorded_at.ToString()}};
}

nlohmann::json AssessmentJson(const Assessment& assessment) {
  return {{"id", assessment.id},
          {"case_id", assessment.case_id},
          {"version", assessment.version},
          {"assessed_on", assessment.assessed_on.ToString()},
          {"life_situation",
           {{"school", assessment.life_situation.school},
            {"job", assessment.life_situation.job},
            {"housing", assessment.life_situation.housing},
            {"family", assessment.life_situation.family}}},
          {"risk_factors", assessment.risk_factors},
          {"protective_factors", assessment.protective_factors},
          {"criminal_history", assessment.criminal_history},
          {"network_summary", assessment.network_summary},
          {"participant_unit_ids", assessment.participant_unit_ids},
          {"recorded_by", assessment.recorded_by},
          {"recorded_at", assessment.recorded_at.ToString()}};
}

nlohmann::json CaseFlagChangeJson(const CaseFlagChange& change) {
  return {{"id", change.id},
          {"case_id", change.case_id},
          {"flag", CaseFlagName(change.flag)},
          {"value", change.value},
          {"reason", change.reason},
          {"set_on", change.set_on.ToString()},
          {"set_by", change.set_by},
          {"set_by_unit_id", change.set_by_unit_id},
          {"recorded_at", change.recorded_at.ToString()}};
}

nlohmann::json CadenceJson(const CadenceView& view, const MeetingType& type) {
  auto optional_int = [](const std::optional<int>& value) {
    return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
  };
  return {{"meeting_type_id", view.meeting_type_id},
          {"name", type.name},
          {"name_en", type.name_en},
          {"year", view.year},
          {"held_this_year", view.held_this_year},
          {"min_per_year", optional_int(view.min_per_year)},
          {"max_per_year", optional_int(view.max_per_year)},
          {"last_held_on", OptionalDate(view.last_held_on)},
          {"next_due_on", OptionalDate(view.next_due_on)},
          {"status", CadenceStatusName(view.status)}};
}

nlohmann::json FocusPeriodJson(const FocusPeriod& period) {
  return {{"from", period.from.ToString()},
          {"to", OptionalDate(period.to)},
          {"decision", period.decision},
          {"ended_by", TextOrNull(period.ended_by)}};
}

nlohmann::json FocusChangeJson(const FocusChange& change) {
  return {{"in_focus", change.in_focus},
          {"effective_on", change.effective_on.ToString()},
          {"decision", change.decision},
          {"meeting_id", change.meeting_id}};
}

nlohmann::json UserJson(const User& user) {
  nlohmann::json roles = nlohmann::json::array();
  for (UserRole role : user.roles) roles.push_back(UserRoleName(role));
  return {{"username", user.username},
          {"display_name", user.display_name},
          {"unit_id", user.unit_id},
          {"roles", roles},
          {"disabled", user.disabled}};
}

nlohmann::json PartnershipSummaryJson(const Partnership& partnership) {
  nlohmann::json units = nlohmann::json::array();
  for (const Unit& unit : partnership.units) {
    units.push_back({{"id", unit.id},
                     {"organisation_id", unit.organisation_id},
                     {"kind", UnitKindName(partnership.KindOfUnit(unit.id))},
                     {"name", unit.name},
                     {"name_en", unit.name_en}});
  }
  nlohmann::json areas = nlohmann::json::array();
  for (const Area& area : partnership.areas) {
    areas.push_back({{"id", area.id},
                     {"name", area.name},
                     {"kind", AreaKindName(area.kind)},
                     {"parent_id", TextOrNull(area.parent_id)}});
  }
  return {{"id", partnership.id},
          {"name", partnership.name},
          {"name_en", partnership.name_en},
          {"period_from", partnership.period_from.ToString()},
          {"period_to", partnership.period_to.ToString()},
          {"units", units},
          {"areas", areas}};
}

ApiResponse JsonResponse(const nlohmann::json& body, int status) {
  ApiResponse response;
  response.status = status;
  response.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return response;
}

nlohmann::json Page(nlohmann::json items, int64_t offset, int64_t limit, bool more) {
  return {{"items", std::move(items)},
          {"offset", offset},
          {"limit", limit},
          {"next_offset", more ? nlohmann::json(offset + limit) : nlohmann::json(nullptr)}};
}

}  // namespace trygnet::http
