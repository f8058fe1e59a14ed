// The gang register: bitemporal registrations.
#include <algorithm>

#include "store/sqlite/sqlite_store.h"

namespace trygnet {
namespace {

constexpr std::string_view kRegistrationColumns =
    "SELECT version_id, registration_id, partnership_id, person_id, group_id, role, justification, "
    "registering_officer, validating_officer, validated_on, valid_from, valid_to, removal_reason, removal_note, "
    "review_due, recorded_at, superseded_at FROM registrations ";

// Rows believed at ?K: recorded by then and not yet superseded.
constexpr std::string_view kKnownAt = "recorded_at <= ?1 AND (superseded_at IS NULL OR superseded_at > ?1)";

Result<std::optional<Date>> OptionalDate(const sqlite::Statement& statement, int column, std::string_view field) {
  if (statement.IsNull(column)) return std::optional<Date>();
  TRY_ASSIGN(Date date, sqlite::Stored(Date::Parse(statement.Text(column), field)));
  return std::optional<Date>(date);
}

}  // namespace

Result<std::vector<Registration>> SqliteStore::ReadRegistrations(sqlite::Statement& statement) {
  std::vector<Registration> registrations;
  while (true) {
    TRY_ASSIGN(bool has_row, statement.Step());
    if (!has_row) break;
    Registration registration;
    registration.version = statement.Int(0);
    registration.id = statement.Int(1);
    registration.partnership_id = statement.Text(2);
    registration.person_id = statement.Int(3);
    registration.group_id = statement.OptionalInt(4);
    TRY_ASSIGN(registration.role, sqlite::Stored(ParseRegistrationRole(statement.Text(5), "role")));
    registration.justification = statement.Text(6);
    registration.registering_officer = statement.Text(7);
    registration.validating_officer = statement.OptionalText(8).value_or("");
    TRY_ASSIGN(registration.validated_on, OptionalDate(statement, 9, "validated_on"));
    TRY_ASSIGN(registration.valid_from, sqlite::Stored(Date::Parse(statement.Text(10), "valid_from")));
    TRY_ASSIGN(registration.valid_to, OptionalDate(statement, 11, "valid_to"));
    if (auto reason = statement.OptionalText(12)) {
      TRY_ASSIGN(RemovalReason parsed, sqlite::Stored(ParseRemovalReason(*reason, "removal_reason")));
      registration.removal_reason = parsed;
    }
    registration.removal_note = statement.Text(13);
    TRY_ASSIGN(registration.review_due, sqlite::Stored(Date::Parse(statement.Text(14), "review_due")));
    registration.recorded_at = Timestamp::FromUnixSeconds(statement.Int(15));
    if (auto superseded = statement.OptionalInt(16))
      registration.superseded_at = Timestamp::FromUnixSeconds(*superseded);
    registrations.push_back(std::move(registration));
  }
  statement.Reset();

  TRY_ASSIGN(auto criteria,
             db_.Prepare(
                 "SELECT kind, source, observed_on FROM registration_criteria WHERE version_id = ? ORDER BY position"));
  for (Registration& registration : registrations) {
    criteria.Bind(1, registration.version);
    while (true) {
      TRY_ASSIGN(bool has_row, criteria.Step());
      if (!has_row) break;
      TRY_ASSIGN(Date observed_on, sqlite::Stored(Date::Parse(criteria.Text(2), "observed_on")));
      registration.criteria.push_back({criteria.Text(0), criteria.Text(1), observed_on});
    }
    criteria.Reset();
  }
  return registrations;
}

Status SqliteStore::CheckRegistration(Registration& registration, const RegistrationPolicy& policy) {
  TRY_STATUS(ValidateRegistrationPolicy(policy));
  if (!registration.criteria.empty()) registration.review_due = ComputeReviewDue(registration, policy);
  return ValidateRegistration(registration, policy, clock_.Now().date());
}

Result<Registration> SqliteStore::InsertRegistrationVersion(Registration registration, RegistrationId id) {
  registration.id = id;
  registration.recorded_at = clock_.Now();
  registration.superseded_at.reset();
  TRY_ASSIGN(
      auto insert,
      db_.Prepare(
          "INSERT INTO registrations (registration_id, partnership_id, person_id, group_id, role, justification, "
          "registering_officer, validating_officer, validated_on, valid_from, valid_to, removal_reason, removal_note, "
          "review_due, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
  insert.Bind(1, id)
      .Bind(2, registration.partnership_id)
      .Bind(3, registration.person_id)
      .BindOptional(4, registration.group_id)
      .Bind(5, RegistrationRoleName(registration.role))
      .Bind(6, registration.justification)
      .Bind(7, registration.registering_officer)
      .Bind(10, registration.valid_from.ToString())
      .Bind(13, registration.removal_note)
      .Bind(14, registration.review_due.ToString())
      .Bind(15, registration.recorded_at.unix_seconds());
  registration.validating_officer.empty() ? insert.BindNull(8) : insert.Bind(8, registration.validating_officer);
  registration.validated_on ? insert.Bind(9, registration.validated_on->ToString()) : insert.BindNull(9);
  registration.valid_to ? insert.Bind(11, registration.valid_to->ToString()) : insert.BindNull(11);
  registration.removal_reason ? insert.Bind(12, RemovalReasonName(*registration.removal_reason)) : insert.BindNull(12);
  TRY_STATUS(
      sqlite::ReferencesExist(insert, insert.Run(), "registration", "the person, group or partnership does not exist"));
  registration.version = db_.LastInsertRowId();

  TRY_ASSIGN(auto criterion, db_.Prepare("INSERT INTO registration_criteria (version_id, position, kind, source, "
                                         "observed_on) VALUES (?, ?, ?, ?, ?)"));
  for (size_t position = 0; position < registration.criteria.size(); ++position) {
    const Criterion& item = registration.criteria[position];
    criterion.Bind(1, registration.version)
        .Bind(2, static_cast<int64_t>(position))
        .Bind(3, item.kind)
        .Bind(4, item.source)
        .Bind(5, item.observed_on.ToString());
    TRY_STATUS(criterion.Run());
  }
  return registration;
}

Result<Registration> SqliteStore::AddRegistration(Registration registration, const RegistrationPolicy& policy) {
  TRY_STATUS(CheckRegistration(registration, policy));
  Result<Registration> stored = Internal("not stored");
  TRY_STATUS(InTransaction([&]() -> Status {
    TRY_ASSIGN(auto existing, RegistrationsForPerson(registration.person_id, clock_.Now()));
    TRY_STATUS(CheckRoleSeparation(registration, existing));
    TRY_ASSIGN(RegistrationId id, NextId("registrations", "registration_id"));
    stored = InsertRegistrationVersion(std::move(registration), id);
    if (!stored.ok()) return stored.error();
    return OkStatus();
  }));
  return stored;
}

Result<Registration> SqliteStore::RecordRegistrationVersion(Registration registration, const RegistrationPolicy& policy,
                                                            int64_t expected_version) {
  TRY_STATUS(CheckRegistration(registration, policy));
  Result<Registration> stored = Internal("not stored");
  TRY_STATUS(InTransaction([&]() -> Status {
    Timestamp now = clock_.Now();
    TRY_ASSIGN(Registration current, GetRegistration(registration.id, now));
    if (current.version != expected_version) {
      return Conflict("registration " + std::to_string(registration.id) + " was changed meanwhile (now version " +
                          std::to_string(current.version) + "); reload and try again",
                      "version");
    }
    if (current.person_id != registration.person_id) {
      return InvalidArgument("person_id", "a registration cannot move to another person");
    }
    if (current.partnership_id != registration.partnership_id) {
      return InvalidArgument("partnership_id", "a registration cannot move to another partnership");
    }
    if (IsGangRole(current.role) != IsGangRole(registration.role)) {
      return InvalidArgument("role",
                             "at risk / victim and gang roles are never mixed: record a new registration "
                             "instead of changing this one");
    }
    TRY_ASSIGN(auto existing, RegistrationsForPerson(registration.person_id, now));
    TRY_STATUS(CheckRoleSeparation(registration, existing));
    TRY_ASSIGN(auto supersede, db_.Prepare("UPDATE registrations SET superseded_at = ? WHERE version_id = ?"));
    supersede.Bind(1, now.unix_seconds()).Bind(2, current.version);
    TRY_STATUS(supersede.Run());
    stored = InsertRegistrationVersion(std::move(registration), current.id);
    if (!stored.ok()) return stored.error();
    return OkStatus();
  }));
  return stored;
}

Result<Registration> SqliteStore::GetRegistration(RegistrationId id, Timestamp known_at) {
  TRY_ASSIGN(auto statement, db_.Prepare(std::string(kRegistrationColumns) + "WHERE " + std::string(kKnownAt) +
                                         " AND registration_id = ?2"));
  statement.Bind(1, known_at.unix_seconds()).Bind(2, id);
  TRY_ASSIGN(auto found, ReadRegistrations(statement));
  if (found.empty()) return NotFound("no registration with id " + std::to_string(id), "registration_id");
  return found.front();
}

Result<std::vector<Registration>> SqliteStore::RegistrationHistory(RegistrationId id) {
  TRY_ASSIGN(auto statement,
             db_.Prepare(std::string(kRegistrationColumns) + "WHERE registration_id = ? ORDER BY version_id"));
  statement.Bind(1, id);
  return ReadRegistrations(statement);
}

Result<std::vector<Registration>> SqliteStore::RegistrationsForPerson(PersonId person_id, Timestamp known_at) {
  TRY_ASSIGN(auto statement, db_.Prepare(std::string(kRegistrationColumns) + "WHERE " + std::string(kKnownAt) +
                                         " AND person_id = ?2 ORDER BY registration_id"));
  statement.Bind(1, known_at.unix_seconds()).Bind(2, person_id);
  return ReadRegistrations(statement);
}

Result<std::vector<Registration>> SqliteStore::ActiveRegistrations(const std::string& partnership_id,
                                                                   const BitemporalPoint& point) {
  // The same rule as Registration::CountsAsActiveOn, pushed into SQL so that
  // national-scale counts need not load every row.
  TRY_ASSIGN(auto statement,
             db_.Prepare(std::string(kRegistrationColumns) + "WHERE " + std::string(kKnownAt) +
                         " AND role <> 'at_risk_victim' AND validated_on IS NOT NULL AND validated_on <= ?2"
                         " AND valid_from <= ?2 AND (valid_to IS NULL OR valid_to > ?2) AND partnership_id = ?3"
                         " ORDER BY registration_id"));
  statement.Bind(1, point.known_at.unix_seconds()).Bind(2, point.as_of.ToString()).Bind(3, partnership_id);
  TRY_ASSIGN(auto registrations, ReadRegistrations(statement));
  // Guard that SQL and the domain rule agree.
  std::erase_if(registrations, [&](const Registration& item) { return !item.CountsAsActiveOn(point.as_of); });
  return registrations;
}

Result<std::vector<Registration>> SqliteStore::CurrentRegistrations(const std::string& partnership_id,
                                                                    Timestamp known_at) {
  TRY_ASSIGN(auto statement, db_.Prepare(std::string(kRegistrationColumns) + "WHERE " + std::string(kKnownAt) +
                                         " AND partnership_id = ?2 ORDER BY registration_id"));
  statement.Bind(1, known_at.unix_seconds()).Bind(2, partnership_id);
  return ReadRegistrations(statement);
}

}  // namespace trygnet
