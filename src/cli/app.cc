#include "cli/app.h"

#include <cstdlib>
#include <iostream>

#include "cli/exit_codes.h"

namespace trygnet::cli {

std::string PartnershipDirectory() {
  if (const char* from_env = std::getenv("TRYGNET_PARTNERSHIP_DIR"); from_env && *from_env) return from_env;
  return TRYGNET_PARTNERSHIP_DIR;
}

int RunCli(int argc, char** argv) {
  CLI::App app{"Trygnet — kriminalpræventivt partnerskab mod bandekriminalitet (crime-prevention partnership system)",
               "trygnet"};
  app.get_formatter()->label("REQUIRED", "påkrævet");
  app.set_version_flag("--version", std::string("trygnet ") + TRYGNET_VERSION);
  app.require_subcommand(1);
  app.footer(
      "Afslutningskoder (exit codes): 0 ok, 1 fejl under kørsel (runtime error), 2 forkert brug (usage error).\n"
      "Identitetsoplysninger er krypteret med nøglen i --key-file eller $TRYGNET_KEY_FILE.");
  Action action;
  AddInitCommand(app, action);
  AddDemoCommand(app, action);
  AddPartnershipCommands(app, action);
  AddPersonCommands(app, action);
  AddIndicatorsCommand(app, action);
  AddReportCommand(app, action);
  AddAuditCommands(app, action);
  AddUserCommands(app, action);
  AddTriggerCommands(app, action);
  AddMeetingCommands(app, action);
  AddImportCommands(app, action);
  AddNetworkCommand(app, action);
  AddServeCommand(app, action);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    int code = app.exit(error);  // prints help, version or the parse error
    return code == 0 ? kExitOk : kExitUsage;
  }
  if (!action) return ReportError(Internal("no command chosen"));
  try {
    return action();
  } catch (const std::exception& error) {
    // A command ends here anyway; say what happened instead of crashing.
    return ReportError(Internal(std::string("unexpected failure: ") + error.what()));
  }
}

}  // namespace trygnet::cli
