// `trygnet user add|list|disable|reset-password|token`: local accounts, for administrators.
#include <iostream>

#include "auth/api_token.h"
#include "auth/password.h"
#include "auth/totp.h"
#include "cli/app.h"
#include "cli/exit_codes.h"
#include "cli/labels_da.h"
#include "cli/local_audit.h"
#include "cli/open_store.h"

namespace trygnet::cli {
namespace {

struct UserOptions {
  std::string db;
  std::string key_file;
  std::string username;
  std::string display_name;
  std::string unit;
  std::vector<std::string> roles;
  bool password_stdin = false;
};

// The password from stdin (first line) or a generated one; checked against the policy.
Result<std::pair<std::string, bool>> ChoosePassword(const UserOptions& options) {
  if (!options.password_stdin) return std::pair<std::string, bool>{auth::GeneratePassword(), true};
  std::string password;
  if (!std::getline(std::cin, password)) return InvalidArgument("password", "no password on standard input");
  TRY_STATUS(auth::CheckPasswordPolicy(password, options.username));
  return std::pair<std::string, bool>{password, false};
}

// Opens the store and runs `change` with the audit entry in one transaction.
int ChangeUsers(const UserOptions& options, std::string_view action,
                const std::function<Status(Store&, const Clock&)>& change) {
  SystemClock clock;
  auto store = OpenExistingStore(options.db, options.key_file, clock);
  if (!store.ok()) return ReportError(store.error());
  Status done = (*store)->InTransaction([&]() -> Status {
    TRY_STATUS(change(**store, clock));
    return AuditLocalChange(**store, clock, action, "user/" + options.username);
  });
  return done.ok() ? kExitOk : ReportError(done.error());
}

void PrintPassword(const std::string& password, bool generated) {
  if (!generated) return;
  std::cout << "Adgangskode (vises kun nu; giv den til brugeren ad en sikker vej): " << password << "\n";
}

int RunAdd(const UserOptions& options) {
  User user{options.username, options.display_name, options.unit, {}, false};
  for (size_t idx = 0; idx < options.roles.size(); ++idx) {
    auto role = ParseUserRole(options.roles[idx], "role");
    if (!role.ok()) return ReportError(role.error());
    user.roles.push_back(*role);
  }
  Status valid = ValidateUser(user);
  if (!valid.ok()) return ReportError(valid.error());
  auto password = ChoosePassword(options);
  if (!password.ok()) return ReportError(password.error());
  auto hash = auth::HashPassword(password->first);
  if (!hash.ok()) return ReportError(hash.error());
  std::vector<uint8_t> secret = auth::NewTotpSecret();
  int code = ChangeUsers(options, "create", [&](Store& store, const Clock&) -> Status {
    TRY_STATUS(store.AddUser(user));
    TRY_STATUS(store.SetPassword(user.username, *hash));
    return store.SetTotpSecret(user.username, secret);
  });
  if (code != kExitOk) return code;
  std::cout << "Oprettede bruger " << user.username << " (" << user.display_name << ", enhed " << user.unit_id
            << ").\n";
  PrintPassword(password->first, password->second);
  std::cout << "Totrinsbekræftelse: indlæs denne adresse i en godkendelsesapp (authenticator):\n  "
            << auth::OtpauthUri(user.username, secret) << "\n";
  return kExitOk;
}

int RunList(const UserOptions& options) {
  SystemClock clock;
  auto store = OpenExistingStore(options.db, options.key_file, clock);
  if (!store.ok()) return ReportError(store.error());
  auto users = (*store)->ListUsers();
  if (!users.ok()) return ReportError(users.error());
  std::cout << PadRight("bruger", 24) << PadRight("enhed", 14) << PadRight("roller", 34) << "status\n";
  for (const User& user : *users) {
    std::string roles;
    for (UserRole role : user.roles) roles += (roles.empty() ? "" : ",") + std::string(UserRoleName(role));
    std::cout << PadRight(user.username, 24) << PadRight(user.unit_id, 14) << PadRight(roles, 34)
              << (user.disabled ? "deaktiveret" : "aktiv") << "\n";
  }
  return kExitOk;
}

int RunDisable(const UserOptions& options) {
  int code = ChangeUsers(options, "disable",
                         [&](Store& store, const Clock&) { return store.SetUserDisabled(options.username, true); });
  if (code == kExitOk) std::cout << "Deaktiverede bruger " << options.username << ".\n";
  return code;
}

int RunEnable(const UserOptions& options) {
  int code = ChangeUsers(options, "enable",
                         [&](Store& store, const Clock&) { return store.SetUserDisabled(options.username, false); });
  if (code == kExitOk) std::cout << "Genaktiverede bruger " << options.username << ".\n";
  return code;
}

// A new second-factor secret, e.g. after a lost phone; the old codes stop working at once.
int RunResetTotp(const UserOptions& options) {
  std::vector<uint8_t> secret = auth::NewTotpSecret();
  int code = ChangeUsers(options, "reset_totp",
                         [&](Store& store, const Clock&) { return store.SetTotpSecret(options.username, secret); });
  if (code != kExitOk) return code;
  std::cout << "Ny totrinsbekræftelse for " << options.username
            << "; indlæs denne adresse i en godkendelsesapp (authenticator):\n  "
            << auth::OtpauthUri(options.username, secret) << "\n";
  return kExitOk;
}

int RunRevokeTokens(const UserOptions& options) {
  int64_t revoked = 0;
  int code = ChangeUsers(options, "revoke_tokens", [&](Store& store, const Clock&) -> Status {
    TRY_ASSIGN(revoked, store.RevokeApiTokens(options.username));
    return OkStatus();
  });
  if (code == kExitOk) {
    std::cout << "Tilbagekaldte " << revoked << " API-nøgle(r) for " << options.username << ".\n";
  }
  return code;
}

int RunResetPassword(const UserOptions& options) {
  auto password = ChoosePassword(options);
  if (!password.ok()) return ReportError(password.error());
  auto hash = auth::HashPassword(password->first);
  if (!hash.ok()) return ReportError(hash.error());
  int code = ChangeUsers(options, "reset_password",
                         [&](Store& store, const Clock&) { return store.SetPassword(options.username, *hash); });
  if (code != kExitOk) return code;
  std::cout << "Nulstillede adgangskoden for " << options.username << "; låsning og fejlforsøg er nulstillet.\n";
  PrintPassword(password->first, password->second);
  return kExitOk;
}

int RunToken(const UserOptions& options) {
  auth::IssuedToken issued = auth::IssueApiToken();
  int code = ChangeUsers(options, "issue_token", [&](Store& store, const Clock&) {
    return store.AddApiToken(options.username, issued.token_hash);
  });
  if (code != kExitOk) return code;
  std::cout << issued.token << "\n";
  std::cerr << "API-nøgle til " << options.username << " (vises kun nu; brug den som 'Authorization: Bearer …').\n";
  return kExitOk;
}

CLI::App* Command(CLI::App* group, Action& action, const char* name, const char* help,
                  const std::shared_ptr<UserOptions>& options, int (*run)(const UserOptions&)) {
  CLI::App* command = group->add_subcommand(name, help);
  command->add_option("--db", options->db, "Database file")->required();
  command->add_option("--key-file", options->key_file, kKeyFileHelp);
  command->callback([&action, options, run] { action = [options, run] { return run(*options); }; });
  return command;
}

}  // namespace

void AddUserCommands(CLI::App& app, Action& action) {
  CLI::App* group = app.add_subcommand("user", "Brugere: opret, vis, deaktivér, nulstil, API-nøgle (manage accounts)");
  group->require_subcommand(1);

  auto add = std::make_shared<UserOptions>();
  CLI::App* add_command =
      Command(group, action, "add", "Opret en bruger med adgangskode og totrinsbekræftelse (add)", add, RunAdd);
  add_command->add_option("--username", add->username, "User name, e.g. ssp-caseworker2")->required();
  add_command->add_option("--name", add->display_name, "Display name")->required();
  add_command->add_option("--unit", add->unit, "Unit id from the partnership, e.g. ssp")->required();
  add_command
      ->add_option("--role", add->roles,
                   "Role (repeatable): analyst, caseworker, coordinator, "
                   "steering_member, administrator, auditor, external_partner")
      ->required();
  add_command->add_flag("--password-stdin", add->password_stdin,
                        "Read the password from standard input (default: generate one and print it once)");

  Command(group, action, "list", "Vis brugere (list accounts)", std::make_shared<UserOptions>(), RunList);

  auto disable = std::make_shared<UserOptions>();
  Command(group, action, "disable", "Deaktivér en bruger (disable an account)", disable, RunDisable)
      ->add_option("--username", disable->username, "User name")
      ->required();

  auto enable = std::make_shared<UserOptions>();
  Command(group, action, "enable", "Genaktivér en deaktiveret bruger (re-enable an account)", enable, RunEnable)
      ->add_option("--username", enable->username, "User name")
      ->required();

  auto reset_totp = std::make_shared<UserOptions>();
  Command(group, action, "reset-totp", "Ny totrinsbekræftelse, fx efter tabt telefon (re-enrol the second factor)",
          reset_totp, RunResetTotp)
      ->add_option("--username", reset_totp->username, "User name")
      ->required();

  auto revoke = std::make_shared<UserOptions>();
  Command(group, action, "revoke-tokens", "Tilbagekald alle brugerens API-nøgler (revoke every API token)", revoke,
          RunRevokeTokens)
      ->add_option("--username", revoke->username, "User name")
      ->required();

  auto reset = std::make_shared<UserOptions>();
  CLI::App* reset_command =
      Command(group, action, "reset-password", "Nulstil adgangskode og låsning (reset password and lock-out)", reset,
              RunResetPassword);
  reset_command->add_option("--username", reset->username, "User name")->required();
  reset_command->add_flag("--password-stdin", reset->password_stdin,
                          "Read the new password from standard input (default: generate one)");

  auto token = std::make_shared<UserOptions>();
  Command(group, action, "token", "Udsted en API-nøgle til integrationer (issue a bearer API token)", token, RunToken)
      ->add_option("--user", token->username, "User name")
      ->required();
}

}  // namespace trygnet::cli
