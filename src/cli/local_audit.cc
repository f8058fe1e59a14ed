#include "cli/local_audit.h"

#include <pwd.h>
#include <unistd.h>

namespace trygnet::cli {

std::string LocalUser() {
  const struct passwd* entry = ::getpwuid(::geteuid());
  return std::string("local:") + (entry ? entry->pw_name : std::to_string(::geteuid()).c_str());
}

Status AuditLocalReads(Store& store, const Clock& clock, const std::vector<PersonId>& person_ids) {
  audit::AuditRecord record;
  record.at = clock.Now();
  record.user = LocalUser();
  record.unit = "local-admin";
  record.action = "read";
  record.purpose = "local_administration";
  return store.InTransaction([&]() -> Status {
    for (PersonId person_id : person_ids) {
      record.resource = "person/" + std::to_string(person_id);
      record.person_id = person_id;
      TRY_STATUS(store.AppendAudit(record));
    }
    return OkStatus();
  });
}

Status AuditLocalAnalysis(Store& store, const Clock& clock, const std::string& purpose, const std::string& resource,
                          const std::vector<PersonId>& person_ids) {
  audit::AuditRecord record;
  record.at = clock.Now();
  record.user = LocalUser();
  record.unit = "local-admin";
  record.action = "analyse";
  record.resource = resource;
  record.purpose = purpose;
  return store.InTransaction([&]() -> Status {
    TRY_STATUS(store.AppendAudit(record));
    record.action = "read";
    for (PersonId person_id : person_ids) {
      record.person_id = person_id;
      TRY_STATUS(store.AppendAudit(record));
    }
    return OkStatus();
  });
}

Status AuditLocalChange(Store& store, const Clock& clock, std::string_view action, std::string_view resource) {
  audit::AuditRecord record;
  record.at = clock.Now();
  record.user = LocalUser();
  record.unit = "local-admin";
  record.action = std::string(action);
  record.resource = std::string(resource);
  record.purpose = "administration";
  return store.AppendAudit(record);
}

}  // namespace trygnet::cli
