// The `trygnet` command: builds the command tree and runs one command.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>

namespace trygnet::cli {

// A command's work, set by the subcommand that was chosen; returns an exit code.
using Action = std::function<int()>;

int RunCli(int argc, char** argv);

// Each adds its subcommand(s) to `app`; the chosen one stores its work in `action`.
void AddInitCommand(CLI::App& app, Action& action);
void AddDemoCommand(CLI::App& app, Action& action);
void AddPartnershipCommands(CLI::App& app, Action& action);
void AddPersonCommands(CLI::App& app, Action& action);
void AddIndicatorsCommand(CLI::App& app, Action& action);
void AddReportCommand(CLI::App& app, Action& action);
void AddAuditCommands(CLI::App& app, Action& action);
void AddUserCommands(CLI::App& app, Action& action);
void AddServeCommand(CLI::App& app, Action& action);
void AddTriggerCommands(CLI::App& app, Action& action);
void AddMeetingCommands(CLI::App& app, Action& action);
void AddImportCommands(CLI::App& app, Action& action);
void AddNetworkCommand(CLI::App& app, Action& action);

// Where bundled partnership definitions are: $TRYGNET_PARTNERSHIP_DIR or the source tree's partnerships/.
std::string PartnershipDirectory();

}  // namespace trygnet::cli
