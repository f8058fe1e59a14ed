// "Registrets sundhed": the register's own health [DESIGN.md §3.6] —
// registrations by age band and role, how many are past their review date,
// removals and their reasons, and how long entries wait for the second
// officer's validation. Internal edition only.
#include <algorithm>
#include <array>
#include <map>

#include "report/labels.h"
#include "report/sections.h"

namespace trygnet::report {
namespace {

constexpr RegistrationRole kRoles[] = {RegistrationRole::kMember, RegistrationRole::kAssociate,
                                       RegistrationRole::kYoungPotentialMember, RegistrationRole::kAtRiskVictim};
constexpr RemovalReason kReasons[] = {RemovalReason::kNoLongerActive, RemovalReason::kDocumentationUncertain,
                                      RemovalReason::kExpired,        RemovalReason::kExitCompleted,
                                      RemovalReason::kDeceased,       RemovalReason::kRecordedInError};

struct AgeBand {
  int below;  // ages under this fall in the band
  std::string_view da;
  std::string_view en;
};
constexpr std::array<AgeBand, 4> kAgeBands = {{{15, "Under 15 år", "Under 15"},
                                               {18, "15–17 år", "15–17"},
                                               {25, "18–24 år", "18–24"},
                                               {1000, "25 år og derover", "25 and over"}}};

size_t BandOf(int age) {
  for (size_t idx = 0; idx < kAgeBands.size(); ++idx) {
    if (age < kAgeBands[idx].below) return idx;
  }
  return kAgeBands.size() - 1;
}

double MedianOf(std::vector<int> values) {
  std::sort(values.begin(), values.end());
  const size_t size = values.size();
  return size % 2 == 1 ? values[size / 2] : (values[size / 2 - 1] + values[size / 2]) / 2.0;
}

Result<Table> AgeRoleTable(const ReportContext& context, const std::vector<const Registration*>& in_effect) {
  const ReportText& text = context.text;
  std::array<std::map<RegistrationRole, int64_t>, kAgeBands.size()> counts;
  for (const Registration* registration : in_effect) {
    TRY_ASSIGN(Person person, context.store.GetPerson(registration->person_id));
    ++counts[BandOf(person.AgeAt(context.to()))][registration->role];
  }
  Table table;
  table.id = "register-age-role";
  table.title = text.Tr("Registreringer i kraft pr. ", "Registrations in effect at ") + text.LongDate(context.to()) +
                text.Tr(", efter alder og rolle", ", by age and role");
  table.columns = {text.Tr("Alder", "Age")};
  for (RegistrationRole role : kRoles) table.columns.push_back(Capitalized(Label(role, text.language())));
  table.columns.push_back(text.Tr("I alt", "Total"));
  std::map<RegistrationRole, int64_t> role_totals;
  for (size_t band = 0; band < kAgeBands.size(); ++band) {
    std::vector<Cell> row = {text.Text(text.Tr(kAgeBands[band].da, kAgeBands[band].en))};
    int64_t total = 0;
    for (RegistrationRole role : kRoles) {
      const int64_t count = counts[band][role];
      role_totals[role] += count;
      total += count;
      row.push_back(text.Count(count));
    }
    row.push_back(text.Count(total));
    table.rows.push_back(std::move(row));
  }
  std::vector<Cell> totals = {text.Text(text.Tr("I alt", "Total"))};
  for (RegistrationRole role : kRoles) totals.push_back(text.Count(role_totals[role]));
  totals.push_back(text.Count(static_cast<int64_t>(in_effect.size())));
  table.rows.push_back(std::move(totals));
  table.note = text.Tr("Alle registreringer i kraft, også dem der venter på validering.",
                       "Every registration in effect, including those awaiting validation.");
  return table;
}

Table HealthTable(const ReportContext& context, const std::vector<Registration>& registrations,
                  const std::vector<const Registration*>& in_effect) {
  const ReportText& text = context.text;
  const Date end = context.to();
  int64_t overdue = 0, awaiting_validation = 0;
  for (const Registration* registration : in_effect) {
    if (registration->review_due < end) ++overdue;
    if (!registration->IsValidated() || *registration->validated_on > end) ++awaiting_validation;
  }
  std::vector<int> days_to_validation;
  for (const Registration& registration : registrations) {
    if (registration.IsValidated() && *registration.validated_on >= context.from() &&
        *registration.validated_on <= end) {
      days_to_validation.push_back(registration.validated_on->days_since_epoch() -
                                   registration.valid_from.days_since_epoch());
    }
  }
  Table table;
  table.id = "register-health";
  table.title = text.Tr("Registrets sundhed", "Health of the register");
  table.columns = {text.Tr("Mål", "Measure"), text.Tr("Værdi", "Value")};
  table.rows.push_back({text.Text(text.Tr("Registreringer i kraft", "Registrations in effect")),
                        text.Count(static_cast<int64_t>(in_effect.size()))});
  table.rows.push_back(
      {text.Text(text.Tr("Heraf med overskredet revisionsdato (%)", "Of which past their review date (%)")),
       text.Share(overdue, static_cast<int64_t>(in_effect.size()))});
  table.rows.push_back(
      {text.Text(text.Tr("Heraf ikke valideret af anden betjent", "Of which not validated by a second officer")),
       text.Count(awaiting_validation)});
  table.rows.push_back({text.Text(text.Tr("Valideret i perioden", "Validated in the period")),
                        text.Count(static_cast<int64_t>(days_to_validation.size()))});
  table.rows.push_back(
      {text.Text(text.Tr("Dage fra ikrafttræden til validering, median", "Days from entry to validation, median")),
       days_to_validation.empty() ? text.Missing() : text.Value(MedianOf(days_to_validation), 1)});
  table.rows.push_back(
      {text.Text(text.Tr("Dage fra ikrafttræden til validering, længste", "Days from entry to validation, longest")),
       days_to_validation.empty()
           ? text.Missing()
           : text.Value(*std::max_element(days_to_validation.begin(), days_to_validation.end()), 0)});
  table.note = text.Tr(
      "Pr. periodens sidste dag. Revisionsdatoen følger partnerskabets registerregler: 12 måneder efter "
      "det nyeste kriterium, højst 36 måneder efter ikrafttræden.",
      "At the period's last day. The review date follows the partnership's register rules: 12 months after the newest "
      "criterion, at most 36 months after the registration took effect.");
  return table;
}

Table RemovalTable(const ReportContext& context, const std::vector<Registration>& registrations) {
  const ReportText& text = context.text;
  std::map<RemovalReason, int64_t> removed;
  int64_t total = 0;
  for (const Registration& registration : registrations) {
    // A removal on a day ends the registration that day (valid_to).
    if (!registration.removal_reason || !registration.valid_to) continue;
    const Date removed_on = *registration.valid_to;
    if (removed_on < context.from() || removed_on > context.to()) continue;
    ++removed[*registration.removal_reason];
    ++total;
  }
  Table table;
  table.id = "register-removals";
  table.title =
      text.Tr("Udtagelser af registret i perioden, efter årsag", "Removals from the register in the period, by reason");
  table.columns = {text.Tr("Årsag", "Reason"), text.Tr("Antal", "Number")};
  for (RemovalReason reason : kReasons) {
    table.rows.push_back({text.Text(Capitalized(Label(reason, text.language()))), text.Count(removed[reason])});
  }
  table.note = text.Tr("I alt: ", "Total: ") + text.Count(total).text;
  return table;
}

}  // namespace

Result<Section> BuildRegisterHealthSection(const ReportContext& context, int number) {
  const ReportText& text = context.text;
  Section section;
  section.id = "register";
  section.heading = NumberedHeading(number, text.Tr("Registrets sundhed", "Health of the register"));
  TRY_ASSIGN(auto registrations, context.store.CurrentRegistrations(context.partnership.id, context.request.known_at));
  std::vector<const Registration*> in_effect;
  for (const Registration& registration : registrations) {
    if (registration.InEffectOn(context.to())) in_effect.push_back(&registration);
  }
  section.blocks.push_back(Paragraph{text.Tr(
      "Registret skal være rigtigt, ikke kun stort: hver registrering valideres af en anden betjent, revideres til "
      "tiden og udtages med en årsag. Afsnittet indgår kun i den interne udgave.",
      "The register must be right, not only large: every registration is validated by a second officer, reviewed in "
      "time and removed with a reason. This section is in the internal edition only.")});
  TRY_ASSIGN(Table by_age, AgeRoleTable(context, in_effect));
  section.blocks.push_back(std::move(by_age));
  section.blocks.push_back(HealthTable(context, registrations, in_effect));
  Table removals = RemovalTable(context, registrations);
  Chart chart{ChartKind::kBar, removals.title, text.Tr("Antal", "Number"), removals.id, 0, {1}};
  section.blocks.push_back(std::move(removals));
  section.blocks.push_back(std::move(chart));
  return section;
}

}  // namespace trygnet::report
