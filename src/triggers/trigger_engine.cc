#include "triggers/trigger_engine.h"

#include <algorithm>
#include <map>

namespace trygnet::triggers {
namespace {

// Runs the rules of one partnership for one date. Reads what the rules need
// once (the register, persons as they come up) and fires fact by fact.
class RuleRunner {
 public:
  RuleRunner(Store& store, const Partnership& partnership, Date as_of, const TriggerActor& actor, const Clock& clock,
             TriggerRun& run)
      : store_(store), partnership_(partnership), as_of_(as_of), actor_(actor), clock_(clock), run_(run) {}

  Status LoadRegister() {
    TRY_ASSIGN(std::vector<Registration> registrations,
               store_.CurrentRegistrations(partnership_.id, clock_.Now()));
    for (Registration& registration : registrations) {
      registrations_[registration.person_id].push_back(std::move(registration));
    }
    return OkStatus();
  }

  Status Run(const TriggerRule& rule) {
    switch (rule.fact) {
      case TriggerFact::kSeenWithMember:
        return RunSeenWithMember(rule);
      case TriggerFact::kCustody:
        return RunCustody(rule);
      case TriggerFact::kReviewDue:
        return RunReviewDue(rule);
    }
    return Internal("unknown trigger fact");
  }

 private:
  Date FirstDayOf(const TriggerRule& rule) const { return as_of_.AddDays(1 - rule.lookback_days); }

  // [p.11]: a person at most `max_age` seen with another person who was a
  // registered, active gang member on that day.
  Status RunSeenWithMember(const TriggerRule& rule) {
    TRY_ASSIGN(std::vector<Observation> observations,
               store_.ObservationsBetween(Timestamp::StartOf(FirstDayOf(rule)), EndOfDay(as_of_)));
    for (const Observation& observation : observations) {
      Date on = observation.observed_at.date();
      for (PersonId person_id : observation.person_ids) {
        int members_present = 0;
        for (PersonId other : observation.person_ids) {
          if (other != person_id && IsMemberOn(other, on)) ++members_present;
        }
        if (members_present == 0) continue;
        ++run_.facts_seen;
        TRY_ASSIGN(const Person* person, PersonOf(person_id));
        if (!Applies(rule, *person, on)) continue;
        TRY_ASSIGN(bool repeated, WithinRepeatWindow(rule, person_id, on));
        if (repeated) continue;
        TRY_ASSIGN(bool first_contact, IsFirstContact(person_id, observation));
        nlohmann::json facts = {{"fact", TriggerFactName(rule.fact)},
                                {"observation_id", observation.id},
                                {"observed_on", on.ToString()},
                                {"area_id", observation.area_id},
                                {"registered_members_present", members_present},
                                {"age", person->AgeAt(on)},
                                {"first_contact", first_contact}};
        TargetGroupFlags flags;
        flags.first_contact = first_contact;
        TRY_STATUS(Fire(rule, person_id, on,
                        "observation/" + std::to_string(observation.id) + "/person/" + std::to_string(person_id),
                        std::move(facts), flags));
      }
    }
    return OkStatus();
  }

  // [p.12–13]: arrest, remand or imprisonment.
  Status RunCustody(const TriggerRule& rule) {
    TRY_ASSIGN(std::vector<CustodyEvent> events, store_.CustodyEventsBetween(partnership_.id, FirstDayOf(rule), as_of_));
    for (const CustodyEvent& event : events) {
      if (std::find(rule.custody_kinds.begin(), rule.custody_kinds.end(), event.kind) == rule.custody_kinds.end()) {
        continue;
      }
      ++run_.facts_seen;
      TRY_ASSIGN(const Person* person, PersonOf(event.person_id));
      if (!Applies(rule, *person, event.occurred_on)) continue;
      TRY_ASSIGN(bool repeated, WithinRepeatWindow(rule, event.person_id, event.occurred_on));
      if (repeated) continue;  // e.g. a remand the day after the arrest
      if (rule.target_group_only) {
        TRY_ASSIGN(bool in_target_group, IsInTargetGroupOn(event.person_id, event.occurred_on));
        if (!in_target_group) {
          ++run_.not_applicable;
          continue;
        }
      }
      nlohmann::json facts = {{"fact", TriggerFactName(rule.fact)},
                              {"custody_event_id", event.id},
                              {"kind", CustodyKindName(event.kind)},
                              {"occurred_on", event.occurred_on.ToString()},
                              {"age", person->AgeAt(event.occurred_on)}};
      TargetGroupFlags flags;
      flags.arrested_remanded_imprisoned = TakesIntoCustody(event.kind);
      TRY_STATUS(Fire(rule, event.person_id, event.occurred_on, "custody/" + std::to_string(event.id),
                      std::move(facts), flags));
    }
    return OkStatus();
  }

  // [p.8]: a registration still standing whose review falls due within
  // `notice_days`. A new review date (after an extension) is a new fact.
  Status RunReviewDue(const TriggerRule& rule) {
    for (const auto& [person_id, registrations] : registrations_) {
      for (const Registration& registration : registrations) {
        if (!registration.InEffectOn(as_of_)) continue;
        Date noticed_on = registration.review_due.AddDays(-rule.notice_days);
        if (as_of_ < noticed_on || noticed_on < FirstDayOf(rule)) continue;
        ++run_.facts_seen;
        TRY_ASSIGN(const Person* person, PersonOf(person_id));
        if (!Applies(rule, *person, noticed_on)) continue;
        nlohmann::json facts = {{"fact", TriggerFactName(rule.fact)},
                                {"registration_id", registration.id},
                                {"role", RegistrationRoleName(registration.role)},
                                {"review_due", registration.review_due.ToString()}};
        TRY_STATUS(Fire(rule, person_id, noticed_on,
                        "registration/" + std::to_string(registration.id) + "/review/" +
                            registration.review_due.ToString(),
                        std::move(facts), TargetGroupFlags{}));
      }
    }
    return OkStatus();
  }

  // True (and counted as acted on) when the rule fired for the person on a
  // fact less than `repeat_after_days` before this one — or on this very fact.
  Result<bool> WithinRepeatWindow(const TriggerRule& rule, PersonId person_id, Date on) {
    TRY_ASSIGN(std::optional<Date> last, store_.LastTriggerFiring(partnership_.id, rule.id, person_id));
    if (!last || !(on < last->AddDays(rule.repeat_after_days))) return false;
    ++run_.already_acted;
    return true;
  }

  // The age limit; counts the fact as not applicable when it rules it out.
  bool Applies(const TriggerRule& rule, const Person& person, Date on) {
    if (rule.max_age && person.AgeAt(on) > *rule.max_age) {
      ++run_.not_applicable;
      return false;
    }
    return true;
  }

  bool IsMemberOn(PersonId person_id, Date on) const {
    auto found = registrations_.find(person_id);
    if (found == registrations_.end()) return false;
    return std::any_of(found->second.begin(), found->second.end(),
                       [&](const Registration& registration) { return registration.CountsAsActiveOn(on); });
  }

  // Registered (in any role) on the day, or with an open case of the partnership.
  Result<bool> IsInTargetGroupOn(PersonId person_id, Date on) {
    auto found = registrations_.find(person_id);
    if (found != registrations_.end()) {
      for (const Registration& registration : found->second) {
        if (registration.InEffectOn(on)) return true;
      }
    }
    TRY_ASSIGN(std::vector<CaseFile> cases, store_.CasesForPerson(person_id));
    return std::any_of(cases.begin(), cases.end(), [&](const CaseFile& case_file) {
      return case_file.partnership_id == partnership_.id && case_file.IsOpenOn(on);
    });
  }

  // First contact [p.7]: never registered in a gang role before, and never
  // seen before with someone who was an active member at the time.
  Result<bool> IsFirstContact(PersonId person_id, const Observation& observation) {
    Date on = observation.observed_at.date();
    auto found = registrations_.find(person_id);
    if (found != registrations_.end()) {
      for (const Registration& registration : found->second) {
        if (IsGangRole(registration.role) && registration.valid_from <= on) return false;
      }
    }
    TRY_ASSIGN(std::vector<Observation> earlier, store_.ObservationsForPerson(person_id, 10000));
    for (const Observation& before : earlier) {
      if (!(before.observed_at < observation.observed_at)) continue;
      for (PersonId other : before.person_ids) {
        if (other != person_id && IsMemberOn(other, before.observed_at.date())) return false;
      }
    }
    return true;
  }

  Result<const Person*> PersonOf(PersonId person_id) {
    auto found = persons_.find(person_id);
    if (found == persons_.end()) {
      TRY_ASSIGN(Person person, store_.GetPerson(person_id));
      found = persons_.emplace(person_id, std::move(person)).first;
    }
    return &found->second;
  }

  // The person's open case in the partnership, its flags raised; or a new
  // one when the rule says so.
  Status DocumentInCase(const TriggerRule& rule, const Person& person, const TargetGroupFlags& flags,
                        Firing& firing) {
    TRY_ASSIGN(std::vector<CaseFile> cases, store_.CasesForPerson(person.id));
    for (const CaseFile& case_file : cases) {
      if (case_file.partnership_id != partnership_.id || !case_file.IsOpenOn(as_of_)) continue;
      TargetGroupFlags raised = case_file.flags;
      raised.first_contact = raised.first_contact || flags.first_contact;
      raised.arrested_remanded_imprisoned = raised.arrested_remanded_imprisoned || flags.arrested_remanded_imprisoned;
      if (raised.first_contact != case_file.flags.first_contact ||
          raised.arrested_remanded_imprisoned != case_file.flags.arrested_remanded_imprisoned) {
        TRY_STATUS(store_.SetCaseFlags(case_file.id, raised));
      }
      firing.case_id = case_file.id;
      return OkStatus();
    }
    if (!rule.open_case) return OkStatus();
    CaseFile case_file;
    case_file.person_id = person.id;
    case_file.partnership_id = partnership_.id;
    case_file.level = rule.open_case->level;
    case_file.owning_unit_id = rule.open_case->unit_id;
    case_file.flags = flags;
    case_file.opened_on = as_of_;
    case_file.opened_by = std::string(kOpenedByRulePrefix) + rule.id;
    // The rule's track if the person's age today allows it (a 17-year-old
    // seen last month may be 18 now); otherwise the track for that age.
    CaseTrack by_age = person.IsUnder18At(as_of_) ? CaseTrack::kUnder18Ssp : CaseTrack::kOver18SspPlus;
    case_file.track = rule.open_case->track.value_or(by_age);
    if (!ValidateCase(case_file, person.AgeAt(as_of_)).ok()) case_file.track = by_age;
    TRY_ASSIGN(firing.case_id, store_.AddCase(case_file));
    firing.case_opened = true;
    return OkStatus();
  }

  // Acts on one fact: records it, documents it in a case, creates the
  // measures and audits it — all in one transaction.
  Status Fire(const TriggerRule& rule, PersonId person_id, Date fact_on, std::string fact_key, nlohmann::json facts,
              const TargetGroupFlags& flags) {
    TRY_ASSIGN(const Person* person, PersonOf(person_id));
    Firing firing{rule.id, person_id, std::move(fact_key), std::move(facts), std::nullopt, false, {}};
    bool acted_before = false;
    TRY_STATUS(store_.InTransaction([&]() -> Status {
      TRY_ASSIGN(bool fresh,
                 store_.RecordTriggerFiring({partnership_.id, rule.id, firing.fact_key, person_id, fact_on}));
      if (!fresh) {
        acted_before = true;
        return OkStatus();
      }
      TRY_STATUS(DocumentInCase(rule, *person, flags, firing));
      for (const TriggerMeasure& planned : rule.measures) {
        const MeasureType* type = partnership_.FindMeasureType(planned.measure_type_id);
        if (!type) return Internal("trigger " + rule.id + " names an unknown measure type");
        Measure measure;
        measure.person_id = person_id;
        measure.case_id = firing.case_id;
        measure.partnership_id = partnership_.id;
        measure.measure_type_id = type->id;
        measure.assigned_unit_id = planned.unit_id;
        measure.due_on = fact_on.AddDays(planned.deadline_days.value_or(type->default_deadline_days));
        measure.created_by = "rule:" + rule.id;
        measure.rule_id = rule.id;
        measure.facts = firing.facts.dump();
        TRY_ASSIGN(MeasureId id, store_.AddMeasure(measure));
        firing.measures.push_back({id, measure.measure_type_id, measure.assigned_unit_id, measure.due_on});
      }
      audit::AuditRecord record;
      record.at = clock_.Now();
      record.user = actor_.user;
      record.unit = actor_.unit;
      record.action = "trigger";
      record.resource = "person/" + std::to_string(person_id) + "/measures";
      record.person_id = person_id;
      record.purpose = "crime_prevention";
      return store_.AppendAudit(record);
    }));
    if (acted_before) {
      ++run_.already_acted;
    } else {
      run_.created.push_back(std::move(firing));
    }
    return OkStatus();
  }

  Store& store_;
  const Partnership& partnership_;
  Date as_of_;
  const TriggerActor& actor_;
  const Clock& clock_;
  TriggerRun& run_;
  std::map<PersonId, std::vector<Registration>> registrations_;
  std::map<PersonId, Person> persons_;
};

}  // namespace

Result<TriggerRun> RunTriggers(Store& store, const Partnership& partnership, Date as_of, const TriggerActor& actor,
                               const Clock& clock) {
  if (clock.Now().date() < as_of) return InvalidArgument("as_of", "must not be after today");
  TriggerRun run;
  run.as_of = as_of;
  TRY_ASSIGN(run.removed, RemoveExpiredRegistrations(store, partnership, as_of, actor, clock));
  RuleRunner runner(store, partnership, as_of, actor, clock, run);
  TRY_STATUS(runner.LoadRegister());
  for (const TriggerRule& rule : partnership.triggers) TRY_STATUS(runner.Run(rule));
  return run;
}

nlohmann::json TriggerRunJson(const TriggerRun& run) {
  nlohmann::json created = nlohmann::json::array();
  for (const Firing& firing : run.created) {
    nlohmann::json measures = nlohmann::json::array();
    for (const CreatedMeasure& measure : firing.measures) {
      measures.push_back({{"id", measure.id},
                          {"measure_type_id", measure.measure_type_id},
                          {"assigned_unit_id", measure.assigned_unit_id},
                          {"due_on", measure.due_on.ToString()}});
    }
    created.push_back({{"rule", firing.rule_id},
                       {"person_id", firing.person_id},
                       {"fact_key", firing.fact_key},
                       {"facts", firing.facts},
                       {"case_id", firing.case_id ? nlohmann::json(*firing.case_id) : nlohmann::json(nullptr)},
                       {"case_opened", firing.case_opened},
                       {"measures", measures}});
  }
  nlohmann::json removed = nlohmann::json::array();
  for (const AutoRemoval& removal : run.removed) {
    removed.push_back({{"registration_id", removal.registration_id},
                       {"person_id", removal.person_id},
                       {"removed_on", removal.removed_on.ToString()},
                       {"copy_removal_tasks", CopyRemovalTasksJson(removal.tasks)}});
  }
  return {{"as_of", run.as_of.ToString()},
          {"removed", removed},
          {"created", created},
          {"facts_seen", run.facts_seen},
          {"already_acted", run.already_acted},
          {"not_applicable", run.not_applicable}};
}

}  // namespace trygnet::triggers
