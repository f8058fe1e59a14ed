// Orchestration, persons, groups, users and the gang register.
#include "demo/generator.h"

#include <algorithm>
#include <set>

#include "auth/password.h"
#include "auth/sign_in.h"
#include "demo/demo_context.h"

namespace trygnet::demo {
namespace {

constexpr int kMembersActiveOnBaseline = kBaselineActiveMembers;
constexpr int kMembersRemovedBefore = 120;  // removed before the baseline date
constexpr int kRemovalsRecordedLate = 3;    // of those: removal entered after 2017-04-10
constexpr int kMembersAfterBaseline = 160;  // registered after the baseline date
constexpr int kMembersValidatedLate = 10;   // in effect before, validated after the baseline date
constexpr int kAtRiskPersons = 25;
constexpr int kYouths = 480;
constexpr int kBrokers = 15;
constexpr int64_t kPersonBatch = 5000;

Date D(int year, unsigned month, unsigned day) { return *Date::FromYmd(year, month, day); }
Date RandomDate(Random& random, Date from, Date to) {
  return from.AddDays(static_cast<int32_t>(random.Between(0, to.days_since_epoch() - from.days_since_epoch())));
}

// A fictional CPR number: the real format and a real birth date, but a serial
// that fails the modulus-11 check. Numbers issued before October 2007 all pass
// that check; since then numbers failing it have been issued, but (for persons
// born earlier) only with 1 January as the date part. Demo persons are born
// before 2007 and never on 1 January, so none can have a real person's number.
std::string FictionalCpr(Random& random, Date birth, bool male, std::set<std::string>& used) {
  while (true) {
    char digits[64];
    int first = birth.year() >= 2000 ? 4 : static_cast<int>(random.Between(0, 3));
    int last = static_cast<int>(random.Between(0, 4)) * 2 + (male ? 1 : 0);
    std::snprintf(digits, sizeof digits, "%02u%02u%02d%d%02d%d", birth.day(), birth.month(), birth.year() % 100, first,
                  static_cast<int>(random.Between(0, 99)), last);
    auto cpr = CprNumber::Parse(digits);
    if (cpr.ok() && !cpr->PassesModulus11() && used.insert(digits).second) return digits;
  }
}

class PersonFactory {
 public:
  explicit PersonFactory(DemoContext& ctx) : ctx_(ctx) {}

  // `remember`: keep the person in ctx.person_by_id (not done for the many background persons).
  Result<DemoPerson> Make(Date born_from, Date born_to, std::string area_id, double male_share, bool remember = true) {
    bool male = ctx_.random.Chance(male_share);
    Person person;
    FictionalName name = MakeName(ctx_.random, male);
    person.identity.given_name = name.given;
    person.identity.family_name = name.family;
    person.identity.birth_date = RandomDate(ctx_.random, born_from, born_to);
    if (person.identity.birth_date.month() == 1 && person.identity.birth_date.day() == 1) {
      person.identity.birth_date = person.identity.birth_date.AddDays(1);  // see FictionalCpr
    }
    person.identity.cpr = *CprNumber::Parse(FictionalCpr(ctx_.random, person.identity.birth_date, male, used_cprs_));
    if (!ctx_.partnership.FindArea(area_id)) area_id.clear();  // another partnership's areas differ
    person.residence_area_id = area_id;
    person.recorded_by_unit_id = "eas";  // the police gang analysis unit entered every demo person
    TRY_ASSIGN(PersonId id, ctx_.store.AddPerson(person));
    DemoPerson made{id, person.identity.birth_date, std::move(area_id)};
    if (remember) ctx_.person_by_id[id] = made;
    ++ctx_.summary.persons;
    return made;
  }

 private:
  DemoContext& ctx_;
  std::set<std::string> used_cprs_;
};

Status CreateUsers(DemoContext& ctx) {
  struct DemoUser {
    const char* username;
    const char* name;
    const char* unit;
    std::vector<UserRole> roles;
  };
  const std::vector<DemoUser> users = {
      {"eas-analyst", "Analytiker, EAS (demo)", "eas", {UserRole::kAnalyst}},
      {"eas-validator", "Validerende betjent, EAS (demo)", "eas", {UserRole::kAnalyst}},
      {"exit-caseworker", "Exitmedarbejder (demo)", "exit", {UserRole::kCaseworker}},
      {"dks-officer", "Kontaktbetjent, DKS (demo)", "dks", {UserRole::kCaseworker}},
      {"lokalpoliti-officer", "Lokalbetjent (demo)", "lokalpoliti", {UserRole::kAnalyst}},
      {"ssp-caseworker", "SSP-medarbejder (demo)", "ssp", {UserRole::kCaseworker}},
      {"ssp-coordinator", "SSP-koordinator (demo)", "ssp", {UserRole::kCoordinator}},
      {"eki-caseworker", "Sagsbehandler, EKI (demo)", "eki", {UserRole::kCaseworker}},
      {"cfr-streetworker", "Gadeplansmedarbejder, CFR (demo)", "cfr", {UserRole::kCaseworker}},
      {"jobcenter-caseworker", "Jobkonsulent, Jobcenter (demo)", "jobcenter", {UserRole::kCaseworker}},
      {"sikkerby-coordinator",
       "Koordinator, Sikker By (demo)",
       "sikker-by",
       {UserRole::kCoordinator, UserRole::kSteeringMember}},
      {"boligsocial-partner", "Boligsocial medarbejder (demo)", "boligsocial", {UserRole::kExternalPartner}},
      {"auditor", "Revisor (demo)", "sikker-by", {UserRole::kAuditor}},
      {"admin", "Administrator (demo)", "sikker-by", {UserRole::kAdministrator}},
  };
  // One documented password for every demo account (auth::kDemoPassword), hashed once:
  // sign-in accepts it, and waives the second factor, only in a demo database.
  TRY_ASSIGN(std::string demo_hash, auth::HashPassword(auth::kDemoPassword));
  for (const DemoUser& demo_user : users) {
    if (!ctx.partnership.FindUnit(demo_user.unit)) continue;  // another partnership may lack the unit
    TRY_STATUS(ctx.store.AddUser(User{demo_user.username, demo_user.name, demo_user.unit, demo_user.roles, false}));
    TRY_STATUS(ctx.store.SetPassword(demo_user.username, demo_hash));
    ++ctx.summary.users;
  }
  return OkStatus();
}

Status CreateGroups(DemoContext& ctx) {
  const auto& groups = FictionalGroups();
  // Home areas follow the plan's focus areas [p.6–7].
  const std::vector<std::vector<std::string>> home_areas = {{"mjolnerparken"},
                                                            {"lundtoftegade"},
                                                            {"blaagaards-plads"},
                                                            {"folkets-hus-og-park"},
                                                            {"folkets-hus-og-park", "blaagaards-plads"},
                                                            {"den-roede-plads"}};
  ctx.At(D(2015, 1, 1));
  for (size_t group_idx = 0; group_idx < groups.size(); ++group_idx) {
    Group group;
    group.name = groups[group_idx].name;
    group.aliases = groups[group_idx].aliases;
    for (const std::string& area : home_areas[group_idx]) {
      if (ctx.partnership.FindArea(area)) group.home_area_ids.push_back(area);
    }
    if (group_idx == 1) group.lineage.push_back({LineageKind::kSplitFrom, ctx.group_ids[0], D(2016, 5, 1)});
    if (group_idx == 4) group.lineage.push_back({LineageKind::kRenamedFrom, ctx.group_ids[3], D(2018, 3, 1)});
    TRY_ASSIGN(GroupId id, ctx.store.AddGroup(group));
    ctx.group_ids.push_back(id);
    ctx.group_home_areas.push_back(group.home_area_ids);
    ++ctx.summary.groups;
  }
  return OkStatus();
}

// One registration's life: entry, validation by a second officer, removal.
struct RegistrationPlan {
  PersonId person_id = 0;
  std::optional<size_t> group_index;
  RegistrationRole role = RegistrationRole::kMember;
  Date valid_from;
  Date recorded_on;
  std::optional<Date> validated_on;
  std::optional<Date> removed_on;
  RemovalReason removal_reason = RemovalReason::kNoLongerActive;
  std::optional<Date> removal_recorded_on;  // when the removal was entered, if later than removed_on
};

Status Register(DemoContext& ctx, RegistrationPlan plan) {
  static const std::vector<std::string> kCriteria = {"intelligence_report",     "seen_with_members", "self_declared",
                                                     "gang_related_conviction", "gang_insignia",     "informant"};
  const RegistrationPolicy& policy = ctx.partnership.registration_policy;
  Registration registration;
  registration.partnership_id = ctx.partnership.id;
  registration.person_id = plan.person_id;
  registration.role = plan.role;
  if (plan.group_index) registration.group_id = ctx.group_ids[*plan.group_index];
  int criteria = static_cast<int>(ctx.random.Between(policy.min_criteria, policy.min_criteria + 1));
  size_t first_kind = static_cast<size_t>(ctx.random.Below(static_cast<int64_t>(kCriteria.size())));
  for (int criterion_idx = 0; criterion_idx < criteria; ++criterion_idx) {
    const std::string& kind = kCriteria[(first_kind + static_cast<size_t>(criterion_idx)) % kCriteria.size()];
    registration.criteria.push_back({kind, "EAS-" + std::to_string(ctx.random.Between(10000, 99999)),
                                     plan.valid_from.AddDays(-static_cast<int32_t>(ctx.random.Between(3, 300)))});
  }
  registration.justification = plan.role == RegistrationRole::kAtRiskVictim
                                   ? "Vurderet i risiko for at blive offer for bandekonflikt (syntetisk demo)."
                                   : "Dokumenteret tilknytning til grupperingen ifølge kriterierne (syntetisk demo).";
  registration.registering_officer = "eas-analyst";
  registration.valid_from = plan.valid_from;

  // The hard maximum ends every registration that is still standing then.
  Date hard_max = HardMaximum(registration, policy);
  if (hard_max <= D(2019, 12, 31) && (!plan.removed_on || *plan.removed_on > hard_max)) {
    plan.removed_on = hard_max;
    plan.removal_reason = RemovalReason::kExpired;
    plan.removal_recorded_on.reset();
  }

  ctx.At(plan.recorded_on);
  TRY_ASSIGN(Registration stored, ctx.store.AddRegistration(registration, policy));
  ++ctx.summary.registrations;
  if (plan.validated_on) {
    ctx.At(*plan.validated_on, 14);
    TRY_STATUS(ValidateBySecondOfficer(stored, "eas-validator", *plan.validated_on));
    TRY_ASSIGN(stored, ctx.store.RecordRegistrationVersion(stored, policy, stored.version));
  }
  if (plan.removed_on) {
    ctx.At(plan.removal_recorded_on.value_or(*plan.removed_on), 16);
    TRY_STATUS(RemoveRegistration(stored, plan.removal_reason, "Syntetisk demo-afregistrering.", *plan.removed_on));
    TRY_ASSIGN(stored, ctx.store.RecordRegistrationVersion(stored, policy, stored.version));
  }
  if (plan.group_index) {
    ctx.members.push_back({plan.person_id, *plan.group_index, plan.valid_from, plan.removed_on, plan.role});
  }
  return OkStatus();
}

RegistrationRole MemberRole(Random& random) {
  double roll = random.Unit();
  if (roll < 0.7) return RegistrationRole::kMember;
  if (roll < 0.9) return RegistrationRole::kAssociate;
  return RegistrationRole::kYoungPotentialMember;
}

RemovalReason RemovalReasonFor(Random& random) {
  double roll = random.Unit();
  if (roll < 0.55) return RemovalReason::kNoLongerActive;
  if (roll < 0.8) return RemovalReason::kDocumentationUncertain;
  if (roll < 0.95) return RemovalReason::kExitCompleted;
  return RemovalReason::kRecordedInError;
}

size_t GroupFor(Random& random, Date valid_from) {
  static const std::vector<int> kWeights = {30, 20, 18, 14, 0, 18};  // index 4 exists only after the rename
  int total = 0;
  for (int weight : kWeights) total += weight;
  int64_t roll = random.Below(total);
  size_t group_idx = 0;
  while (roll >= kWeights[group_idx]) roll -= kWeights[group_idx++];
  // Sølvulvene split from Ravneflokken on 2016-05-01; Kløverbanden was renamed
  // Blok Syd on 2018-03-01: entries follow the group as it was when they took effect.
  if (group_idx == 1 && valid_from < D(2016, 5, 1)) group_idx = 0;
  if (group_idx == 3 && valid_from >= D(2018, 3, 1)) group_idx = 4;
  return group_idx;
}

std::string AreaFor(DemoContext& ctx, size_t group_idx) {
  const auto& areas = ctx.group_home_areas[group_idx];
  if (areas.empty() || ctx.random.Chance(0.3)) return ctx.random.Chance(0.5) ? "ydre-norrebro" : "indre-norrebro";
  return ctx.random.Pick(areas);
}

Status CreateRegister(DemoContext& ctx, PersonFactory& persons) {
  const Date baseline = BaselineDate();
  Random& random = ctx.random;
  int64_t total =
      kMembersActiveOnBaseline + kMembersRemovedBefore + kMembersAfterBaseline + kMembersValidatedLate + kAtRiskPersons;
  int64_t done = 0;
  auto report = [&] {
    if (++done % 50 == 0 || done == total) ctx.progress("register", done, total);
  };
  // A new person entering the register on a day between `from` and `to`.
  auto new_member = [&](Date from, Date to) -> Result<RegistrationPlan> {
    RegistrationPlan plan;
    plan.valid_from = RandomDate(random, from, to);
    plan.group_index = GroupFor(random, plan.valid_from);
    ctx.At(D(2015, 1, 1));
    TRY_ASSIGN(DemoPerson person,
               persons.Make(D(1985, 1, 1), std::min(D(2000, 12, 31), plan.valid_from.AddDays(-16 * 366)),
                            AreaFor(ctx, *plan.group_index), 0.96));
    plan.person_id = person.id;
    plan.role = MemberRole(random);
    plan.recorded_on = plan.valid_from;
    return plan;
  };

  // Active on the baseline date: in effect and validated by then, removed (if ever) later.
  for (int member_idx = 0; member_idx < kMembersActiveOnBaseline; ++member_idx) {
    TRY_ASSIGN(RegistrationPlan plan, new_member(D(2015, 1, 1), D(2017, 3, 20)));
    plan.validated_on = std::min(plan.valid_from.AddDays(static_cast<int32_t>(random.Between(1, 25))), baseline);
    if (random.Chance(0.45)) {
      plan.removed_on = RandomDate(random, baseline.AddDays(1), D(2019, 12, 31));
      plan.removal_reason = RemovalReasonFor(random);
    }
    TRY_STATUS(Register(ctx, plan));
    report();
  }
  // Removed before the baseline date; a few removals were entered only after 2017-04-10,
  // so "as known at 2017-04-10" the count on 2017-03-31 was higher (DESIGN.md §4).
  for (int member_idx = 0; member_idx < kMembersRemovedBefore; ++member_idx) {
    TRY_ASSIGN(RegistrationPlan plan, new_member(D(2015, 1, 1), D(2016, 9, 30)));
    plan.validated_on = plan.valid_from.AddDays(static_cast<int32_t>(random.Between(1, 25)));
    plan.removed_on = RandomDate(random, plan.validated_on->AddDays(30), baseline);
    plan.removal_reason = RemovalReasonFor(random);
    if (member_idx < kRemovalsRecordedLate) {
      plan.removed_on = RandomDate(random, D(2017, 1, 15), D(2017, 3, 15));
      plan.removal_recorded_on = D(2017, 6, 1);
    }
    TRY_STATUS(Register(ctx, plan));
    report();
  }
  // In effect before the baseline date but validated only after it: not yet counted.
  for (int member_idx = 0; member_idx < kMembersValidatedLate; ++member_idx) {
    TRY_ASSIGN(RegistrationPlan plan, new_member(D(2017, 3, 1), D(2017, 3, 25)));
    plan.validated_on = RandomDate(random, baseline.AddDays(1), D(2017, 4, 30));
    TRY_STATUS(Register(ctx, plan));
    report();
  }
  // Registered after the baseline date.
  for (int member_idx = 0; member_idx < kMembersAfterBaseline; ++member_idx) {
    TRY_ASSIGN(RegistrationPlan plan, new_member(baseline.AddDays(1), D(2019, 10, 31)));
    Date validated = plan.valid_from.AddDays(static_cast<int32_t>(random.Between(1, 25)));
    if (validated <= D(2019, 12, 31)) plan.validated_on = validated;  // the newest may still await validation
    if (plan.validated_on && random.Chance(0.2)) {
      Date removal = RandomDate(random, validated.AddDays(30), validated.AddDays(700));
      if (removal <= D(2019, 12, 31)) {
        plan.removed_on = removal;
        plan.removal_reason = RemovalReasonFor(random);
      }
    }
    TRY_STATUS(Register(ctx, plan));
    report();
  }
  // At risk / victim: a status of its own, never mixed with member roles.
  for (int person_idx = 0; person_idx < kAtRiskPersons; ++person_idx) {
    ctx.At(D(2015, 1, 1));
    TRY_ASSIGN(DemoPerson person, persons.Make(D(1995, 1, 1), D(2003, 12, 31),
                                               random.Chance(0.5) ? "indre-norrebro" : "ydre-norrebro", 0.8));
    RegistrationPlan plan;
    plan.person_id = person.id;
    plan.role = RegistrationRole::kAtRiskVictim;
    plan.valid_from = RandomDate(random, D(2016, 1, 1), D(2019, 6, 30));
    plan.recorded_on = plan.valid_from;
    plan.validated_on = plan.valid_from.AddDays(static_cast<int32_t>(random.Between(1, 10)));
    TRY_STATUS(Register(ctx, plan));
    ctx.at_risk.push_back(person);
    report();
  }
  // Brokers: active members who also move with a second group.
  for (int broker_idx = 0; broker_idx < kBrokers; ++broker_idx) {
    const RegisteredMember& member = ctx.members[static_cast<size_t>(broker_idx) * 7];
    size_t other = (member.group_index + 1 + static_cast<size_t>(random.Below(4))) % ctx.group_ids.size();
    ctx.brokers.push_back(member.person_id);
    ctx.second_group[member.person_id] = other;
  }
  return OkStatus();
}

Status CreatePeople(DemoContext& ctx, PersonFactory& persons, int64_t background) {
  ctx.At(D(2015, 1, 1));
  static const std::vector<std::string> kAreas = {
      "indre-norrebro", "indre-norrebro", "ydre-norrebro",    "ydre-norrebro",
      "mjolnerparken",  "lundtoftegade",  "blaagaards-plads", ""};
  for (int youth_idx = 0; youth_idx < kYouths; ++youth_idx) {
    // Six in ten live on Indre Nørrebro, where the plan counted ~65 home visits in 2016 [p.15].
    std::string area =
        ctx.random.Chance(0.6)
            ? (ctx.random.Chance(0.3) ? "blaagaards-plads" : "indre-norrebro")
            : ctx.random.Pick(std::vector<std::string>{"ydre-norrebro", "mjolnerparken", "lundtoftegade"});
    TRY_ASSIGN(DemoPerson youth, persons.Make(D(2000, 1, 1), D(2004, 12, 31), area, 0.85));
    ctx.youths.push_back(youth);
  }
  for (int64_t done = 0; done < background;) {
    int64_t batch = std::min(kPersonBatch, background - done);
    TRY_STATUS(ctx.store.InTransaction([&]() -> Status {
      for (int64_t person_idx = 0; person_idx < batch; ++person_idx) {
        TRY_ASSIGN(DemoPerson person,
                   persons.Make(D(1960, 1, 1), D(2006, 12, 31), ctx.random.Pick(kAreas), 0.5, false));
        ctx.background.push_back(std::move(person));
      }
      return OkStatus();
    }));
    done += batch;
    ctx.progress("persons", done, background);
  }
  return OkStatus();
}

}  // namespace

Date BaselineDate() { return D(2017, 3, 31); }

DemoSize SizeOf(Scale scale) {
  if (scale == Scale::kNational) {
    int64_t others = kMembersActiveOnBaseline + kMembersRemovedBefore + kMembersAfterBaseline + kMembersValidatedLate +
                     kAtRiskPersons + kYouths;
    return {1000000 - others, 10000000};
  }
  return {6000, 120000};
}

Result<DemoSummary> GenerateDemo(Store& store, FixedClock& clock, const Partnership& partnership,
                                 const DemoOptions& options, const ProgressFn& progress) {
  TRY_ASSIGN(int64_t existing, store.CountPersons());
  if (existing > 0) return FailedPrecondition("the database already holds persons; demo data needs an empty database");
  DemoContext ctx{store, clock, partnership, Random(options.seed), progress, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}};
  DemoSize size = SizeOf(options.scale);
  PersonFactory persons(ctx);

  TRY_STATUS(store.MarkAsDemo());
  TRY_STATUS(CreateUsers(ctx));
  TRY_STATUS(CreateGroups(ctx));
  TRY_STATUS(store.InTransaction([&] { return CreateRegister(ctx, persons); }));
  TRY_STATUS(CreatePeople(ctx, persons, size.background_persons));
  TRY_STATUS(store.BeginBulkLoad());
  TRY_STATUS(GenerateObservations(ctx, size.observations));
  ctx.progress("indexes", 0, 1);
  TRY_STATUS(store.EndBulkLoad());
  ctx.progress("indexes", 1, 1);
  TRY_STATUS(store.InTransaction([&] { return GenerateCaseWork(ctx); }));
  TRY_STATUS(store.InTransaction([&] { return GenerateMeetings(ctx); }));
  TRY_STATUS(store.InTransaction([&] { return GenerateIncidents(ctx); }));
  TRY_STATUS(GenerateStatistics(ctx));
  TRY_STATUS(GenerateNarratives(ctx));
  return ctx.summary;
}

}  // namespace trygnet::demo
