// Observations with network structure, and the partnership's work: cases,
// assessments, measures, disclosures, meetings and incidents.
#include <algorithm>
#include <cmath>

#include "demo/demo_context.h"

namespace trygnet::demo {
namespace {

constexpr int64_t kObservationBatch = 20000;

Date D(int year, unsigned month, unsigned day) { return *Date::FromYmd(year, month, day); }
Date RandomDate(Random& random, Date from, Date to) {
  return from.AddDays(static_cast<int32_t>(random.Between(0, to.days_since_epoch() - from.days_since_epoch())));
}

// A point inside the bounding box of an area's outline.
std::optional<GeoPoint> PointIn(DemoContext& ctx, const std::string& area_id) {
  const Area* area = ctx.partnership.FindArea(area_id);
  if (!area) return std::nullopt;
  GeoPoint low = area->outline.front(), high = area->outline.front();
  for (const GeoPoint& point : area->outline) {
    low = {std::min(low.lon, point.lon), std::min(low.lat, point.lat)};
    high = {std::max(high.lon, point.lon), std::max(high.lat, point.lat)};
  }
  return GeoPoint{low.lon + ctx.random.Unit() * (high.lon - low.lon),
                  low.lat + ctx.random.Unit() * (high.lat - low.lat)};
}

// Members of each group, for drawing who is seen together.
std::vector<std::vector<const RegisteredMember*>> MembersByGroup(const DemoContext& ctx) {
  std::vector<std::vector<const RegisteredMember*>> by_group(ctx.group_ids.size());
  for (const RegisteredMember& member : ctx.members) by_group[member.group_index].push_back(&member);
  return by_group;
}

// Whether a member moves with the group around `day`: from half a year before
// the registration to half a year after its end.
bool AroundThen(const RegisteredMember& member, Date day) {
  return member.valid_from.AddDays(-180) <= day && (!member.valid_to || day <= member.valid_to->AddDays(180));
}

void AddDistinct(std::vector<PersonId>& persons, PersonId person_id) {
  if (std::find(persons.begin(), persons.end(), person_id) == persons.end()) persons.push_back(person_id);
}

}  // namespace

Status GenerateObservations(DemoContext& ctx, int64_t count) {
  static const std::vector<std::string> kSources = {"patrol_stop", "patrol_stop", "surveillance", "intelligence_report",
                                                    "ssp_observation"};
  static const std::vector<std::string> kRecorders = {"eas-analyst", "lokalpoliti-officer", "dks-officer"};
  Random& random = ctx.random;
  const auto by_group = MembersByGroup(ctx);
  const int64_t start = Timestamp::StartOf(D(2015, 1, 1)).unix_seconds();
  const int64_t span = Timestamp::StartOf(D(2020, 1, 1)).unix_seconds() - start;
  const int64_t drift_start = Timestamp::StartOf(D(2016, 1, 1)).unix_seconds();
  // Four in ten youths drift towards a group; the rest keep to their peers.
  std::vector<std::optional<size_t>> youth_group(ctx.youths.size());
  for (auto& group : youth_group) {
    if (random.Chance(0.4)) group = static_cast<size_t>(random.Below(static_cast<int64_t>(ctx.group_ids.size())));
  }
  auto group_area = [&](size_t group_idx) {
    const auto& areas = ctx.group_home_areas[group_idx];
    return areas.empty() ? std::string("ydre-norrebro") : random.Pick(areas);
  };
  Date day;  // of the observation being drawn
  auto some_members = [&](size_t group_idx, int how_many, std::vector<PersonId>& into) {
    const auto& members = by_group[group_idx];
    if (members.empty()) return;
    for (int pick = 0; pick < how_many; ++pick) {
      for (int attempt = 0; attempt < 8; ++attempt) {  // prefer members active then; give up quietly
        const RegisteredMember* member = random.Pick(members);
        if (AroundThen(*member, day)) {
          AddDistinct(into, member->person_id);
          break;
        }
      }
    }
  };

  for (int64_t done = 0; done < count;) {
    int64_t batch_size = std::min(kObservationBatch, count - done);
    std::vector<Observation> batch;
    batch.reserve(static_cast<size_t>(batch_size));
    for (int64_t obs_idx = 0; obs_idx < batch_size; ++obs_idx) {
      Observation observation;
      int64_t at = start + random.Below(span);
      observation.observed_at = Timestamp::FromUnixSeconds(at);
      day = observation.observed_at.date();
      observation.recorded_at = Timestamp::FromUnixSeconds(at + random.Between(600, 36 * 3600));
      observation.source = random.Pick(kSources);
      observation.recorded_by = random.Pick(kRecorders);
      double kind = random.Unit();
      if (kind < 0.33) {  // a group's core seen together at its home ground
        size_t group_idx = static_cast<size_t>(random.Below(static_cast<int64_t>(by_group.size())));
        some_members(group_idx, static_cast<int>(random.Between(2, 5)), observation.person_ids);
        observation.area_id = group_area(group_idx);
      } else if (kind < 0.38 && !ctx.brokers.empty()) {  // a broker between two groups
        PersonId broker = random.Pick(ctx.brokers);
        observation.person_ids.push_back(broker);
        size_t group_idx = ctx.second_group.at(broker);
        some_members(group_idx, static_cast<int>(random.Between(1, 3)), observation.person_ids);
        observation.area_id = group_area(group_idx);
      } else if (kind < 0.55 && !ctx.youths.empty()) {  // youths, some drifting towards members over time
        size_t youth_idx = static_cast<size_t>(random.Below(static_cast<int64_t>(ctx.youths.size())));
        const DemoPerson& youth = ctx.youths[youth_idx];
        observation.person_ids.push_back(youth.id);
        for (int64_t peers = random.Between(0, 2); peers > 0; --peers)
          AddDistinct(observation.person_ids, random.Pick(ctx.youths).id);
        double drift = std::clamp(static_cast<double>(at - drift_start) / (3.0 * 365 * 86400), 0.0, 0.8);
        if (youth_group[youth_idx] && random.Chance(drift)) {
          some_members(*youth_group[youth_idx], static_cast<int>(random.Between(1, 2)), observation.person_ids);
        }
        observation.area_id = youth.area_id;
      } else if (!ctx.background.empty()) {  // everyone else; now and then near a member
        for (int64_t people = random.Between(1, 4); people > 0; --people) {
          AddDistinct(observation.person_ids, random.Pick(ctx.background).id);
        }
        if (random.Chance(0.02) && !ctx.members.empty())
          AddDistinct(observation.person_ids, random.Pick(ctx.members).person_id);
        observation.area_id = random.Pick(ctx.background).area_id;
      }
      if (observation.person_ids.empty()) {  // no group member was active then: someone else was seen
        observation.person_ids.push_back(random.Pick(ctx.members).person_id);
      }
      if (!ctx.partnership.FindArea(observation.area_id)) observation.area_id.clear();
      if (!observation.area_id.empty()) observation.position = PointIn(ctx, observation.area_id);
      batch.push_back(std::move(observation));
    }
    auto stored = ctx.store.AddObservations(batch);
    if (!stored.ok()) return std::move(stored).error();
    done += batch_size;
    ctx.summary.observations += batch_size;
    ctx.progress("observations", done, count);
  }
  return OkStatus();
}

namespace {

Status AddMeasure(DemoContext& ctx, PersonId person_id, CaseId case_id, const std::string& type_id,
                  const std::string& unit_id, Date created, const std::string& created_by) {
  const MeasureType* type = ctx.partnership.FindMeasureType(type_id);
  if (!type) return OkStatus();  // another partnership's catalogue may lack it
  Random& random = ctx.random;
  Measure measure;
  measure.partnership_id = ctx.partnership.id;
  measure.person_id = person_id;
  measure.case_id = case_id;
  measure.measure_type_id = type_id;
  measure.assigned_unit_id = unit_id;
  measure.due_on = created.AddDays(type->default_deadline_days);
  measure.created_by = created_by;
  Date finished = created.AddDays(static_cast<int32_t>(random.Between(2, type->default_deadline_days + 10)));
  double roll = random.Unit();
  Date recorded = created;
  if (finished <= D(2019, 12, 31) && roll < 0.9) {
    measure.status =
        roll < 0.8 ? MeasureStatus::kDone : (roll < 0.85 ? MeasureStatus::kDeclined : MeasureStatus::kNotReached);
    measure.completed_on = finished;
    measure.outcome =
        measure.status == MeasureStatus::kDone ? "Gennemført (syntetisk demo)." : "Ikke gennemført (syntetisk demo).";
    recorded = finished;
  } else {
    measure.status = random.Chance(0.5) ? MeasureStatus::kInProgress : MeasureStatus::kPlanned;
  }
  ctx.At(recorded, 15);
  TRY_STATUS(ctx.store.AddMeasure(measure));
  ++ctx.summary.measures;
  return OkStatus();
}

// Records that `unit_to` received data about a person from EAS, on `day`.
Status RecordDisclosure(DemoContext& ctx, const char* unit_to, PersonId person_id, std::vector<std::string> categories,
                        const char* legal_basis, Date day, int hour) {
  Disclosure disclosure{0,
                        ctx.partnership.id,
                        "eas",
                        unit_to,
                        person_id,
                        std::move(categories),
                        legal_basis,
                        "crime_prevention",
                        "eas-analyst",
                        Timestamp::StartOf(day).AddSeconds(hour * 3600)};
  TRY_STATUS(ctx.store.AddDisclosure(disclosure));
  ++ctx.summary.disclosures;
  return OkStatus();
}

}  // namespace

Status GenerateCaseWork(DemoContext& ctx) {
  Random& random = ctx.random;
  // Every youth gets a concern conversation (initiative 1, enkeltsag level 1) while under 18 [p.11, p.15].
  for (const DemoPerson& youth : ctx.youths) {
    Date last_chance = std::min(D(2019, 12, 31), youth.birth_date.AddMonths(18 * 12).AddDays(-30));
    if (last_chance < D(2016, 1, 1)) continue;
    Date opened = RandomDate(random, D(2016, 1, 1), last_chance);
    CaseFile case_file;
    case_file.person_id = youth.id;
    case_file.partnership_id = ctx.partnership.id;
    case_file.track = CaseTrack::kUnder18Ssp;
    case_file.level = 1;
    case_file.owning_unit_id = "ssp";
    case_file.flags.first_contact = random.Chance(0.4);
    case_file.opened_on = opened;
    case_file.opened_by = "ssp-caseworker";
    ctx.At(opened, 9);
    TRY_ASSIGN(CaseId case_id, ctx.store.AddCase(case_file));
    ++ctx.summary.cases;

    Assessment assessment;
    assessment.case_id = case_id;
    assessment.assessed_on = opened.AddDays(static_cast<int32_t>(random.Between(1, 10)));
    assessment.life_situation = {"Går i 8. klasse; højt fravær.", "Intet fritidsjob.", "Bor hos forældre.",
                                 "Forældre samarbejder."};
    assessment.risk_factors = {"Set sammen med kendte bandemedlemmer", "Skolefravær"};
    assessment.protective_factors = {"Aktiv i fodboldklub"};
    assessment.criminal_history = "Ingen kendt kriminalitet.";
    assessment.network_summary = "Omgås jævnaldrende i lokalområdet (syntetisk demo).";
    assessment.participant_unit_ids = {"ssp", "dks"};
    assessment.recorded_by = "ssp-caseworker";
    ctx.At(assessment.assessed_on, 11);
    TRY_STATUS(ctx.store.AddAssessment(assessment));

    TRY_STATUS(AddMeasure(ctx, youth.id, case_id, "concern-conversation", "ssp", opened, "ssp-caseworker"));
    if (case_file.flags.first_contact && ctx.partnership.FindUnit("eas")) {
      TRY_STATUS(RecordDisclosure(ctx, "ssp", youth.id, {"identity", "observation"}, "rpl-115", opened, 8));
    }
  }
  // Arrest, remand or imprisonment: motivational conversation, job/education plan, exit screening [p.12–13].
  size_t arrests = std::min<size_t>(60, ctx.members.size());
  for (size_t arrest_idx = 0; arrest_idx < arrests; ++arrest_idx) {
    const RegisteredMember& member =
        ctx.members[static_cast<size_t>(random.Below(static_cast<int64_t>(ctx.members.size())))];
    const DemoPerson& person = ctx.person_by_id.at(member.person_id);
    Date earliest = std::max(member.valid_from, D(2017, 1, 1));
    if (earliest > D(2019, 9, 30)) continue;  // registered too late in the period to be arrested in it
    Date arrested = RandomDate(random, earliest, D(2019, 9, 30));
    if (person.birth_date.AddMonths(18 * 12) > arrested) continue;
    CaseFile case_file;
    case_file.person_id = member.person_id;
    case_file.partnership_id = ctx.partnership.id;
    case_file.track = random.Chance(0.3) ? CaseTrack::kExit : CaseTrack::kOver18SspPlus;
    case_file.level = static_cast<int>(random.Between(1, 3));
    case_file.owning_unit_id = case_file.track == CaseTrack::kExit ? "eki" : "ssp";
    case_file.flags.arrested_remanded_imprisoned = true;
    case_file.flags.exit_motivated = case_file.track == CaseTrack::kExit;
    case_file.opened_on = arrested;
    case_file.opened_by = "eki-caseworker";
    ctx.At(arrested, 9);
    TRY_ASSIGN(CaseId case_id, ctx.store.AddCase(case_file));
    ++ctx.summary.cases;
    TRY_STATUS(
        AddMeasure(ctx, member.person_id, case_id, "motivational-conversation", "eki", arrested, "eki-caseworker"));
    TRY_STATUS(
        AddMeasure(ctx, member.person_id, case_id, "job-education-plan", "jobcenter", arrested, "eki-caseworker"));
    TRY_STATUS(AddMeasure(ctx, member.person_id, case_id, "exit-screening", "eki", arrested, "eki-caseworker"));
    TRY_STATUS(RecordDisclosure(ctx, "eki", member.person_id, {"identity", "registration"}, "rpl-115a", arrested, 10));
  }
  return OkStatus();
}

Status GenerateMeetings(DemoContext& ctx) {
  Random& random = ctx.random;
  for (const MeetingType& type : ctx.partnership.meeting_types) {
    for (int year = 2017; year <= 2019; ++year) {
      int held =
          type.min_per_year
              ? static_cast<int>(random.Between(*type.min_per_year, type.max_per_year.value_or(*type.min_per_year)))
              : static_cast<int>(random.Between(1, 3));
      for (int meeting_idx = 0; meeting_idx < held; ++meeting_idx) {
        // Spread over the year: the n-th meeting falls in the n-th part.
        int32_t part = std::max(1, 365 / held);
        Meeting meeting;
        meeting.partnership_id = ctx.partnership.id;
        meeting.meeting_type_id = type.id;
        meeting.held_on =
            D(year, 1, 10)
                .AddDays(part * meeting_idx + static_cast<int32_t>(random.Between(0, std::max(0, part - 20))));
        meeting.attending_unit_ids = type.unit_ids.empty() ? std::vector<std::string>{"sikker-by"} : type.unit_ids;
        meeting.minutes =
            "Referat (syntetisk demo): status på indsatsen, aktuelt billede af bandesituationen på Nørrebro.";
        meeting.recorded_by = "sikkerby-coordinator";
        if (type.id == "strategic-steering-group" && year == 2018 && meeting_idx == 1 &&
            ctx.partnership.FindArea("lundtoftegade")) {
          meeting.decisions.push_back({DecisionKind::kFocusAreaEnd,
                                       "Lundtoftegade udgår som fokusområde fra 2019 (syntetisk demo-beslutning).",
                                       "lundtoftegade", D(2019, 1, 1)});
        }
        meeting.decisions.push_back({DecisionKind::kGeneral, "Indsatsen fortsætter som planlagt.", "", std::nullopt});
        ctx.At(meeting.held_on, 17);
        TRY_STATUS(ctx.store.AddMeeting(meeting));
        ++ctx.summary.meetings;
      }
    }
  }
  return OkStatus();
}

Status GenerateIncidents(DemoContext& ctx) {
  Random& random = ctx.random;
  static const std::vector<std::string> kPlaces = {"mjolnerparken", "lundtoftegade", "den-roede-plads",
                                                   "folkets-hus-og-park", "blaagaards-plads"};
  for (int incident_idx = 0; incident_idx < 24; ++incident_idx) {
    Incident incident;
    incident.partnership_id = ctx.partnership.id;
    incident.kind = random.Chance(0.7) ? IncidentKind::kViolentConflict : IncidentKind::kPublicGathering;
    Date day = RandomDate(random, D(2017, 1, 15), D(2019, 12, 1));
    incident.occurred_at = Timestamp::StartOf(day).AddSeconds(random.Between(14, 23) * 3600);
    incident.area_id = random.Pick(kPlaces);
    if (!ctx.partnership.FindArea(incident.area_id)) incident.area_id.clear();
    incident.place = incident.kind == IncidentKind::kViolentConflict ? "Skudepisode/knivstik (syntetisk demo)"
                                                                     : "Forsamling af gruppering (syntetisk demo)";
    for (int64_t persons = random.Between(2, 6); persons > 0; --persons) {
      AddDistinct(incident.person_ids, random.Pick(ctx.members).person_id);
    }
    incident.group_ids.push_back(
        ctx.group_ids[static_cast<size_t>(random.Below(static_cast<int64_t>(ctx.group_ids.size())))]);
    auto respond = [&](ResponseRole role, const char* unit, int64_t min_minutes, int64_t max_minutes,
                       const char* note) {
      if (!ctx.partnership.FindUnit(unit)) return;
      incident.responses.push_back(
          {incident.occurred_at.AddSeconds(random.Between(min_minutes, max_minutes) * 60), role, unit, note});
    };
    respond(ResponseRole::kPolice, "lokalpoliti", 4, 20, "Patrulje på stedet.");
    respond(ResponseRole::kStreetWorkers, "cfr", 30, 120, "Gadeplansmedarbejdere i området.");
    respond(ResponseRole::kSsp, "ssp", 60, 240, "SSP orienteret og til stede.");
    if (random.Chance(0.6)) respond(ResponseRole::kStaff18Plus, "cfr", 120, 600, "18+-medarbejdere kontakter unge.");
    if (incident.kind == IncidentKind::kViolentConflict && random.Chance(0.5)) {
      respond(ResponseRole::kHospitalPresence, "ssp", 45, 180, "Tilstedeværelse ved hospitalet.");
    }
    incident.closed_at = incident.occurred_at.AddSeconds(random.Between(2, 10) * 86400);
    incident.after_action_note = "Evaluering: responstider og rollefordeling gennemgået (syntetisk demo).";
    incident.recorded_by = "eas-analyst";
    incident.recorded_by_unit_id = "eas";
    ctx.clock.Set(incident.closed_at->AddSeconds(3600));
    TRY_STATUS(ctx.store.AddIncident(incident));
    ++ctx.summary.incidents;
  }
  return OkStatus();
}

}  // namespace trygnet::demo
