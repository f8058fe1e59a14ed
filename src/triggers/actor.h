// Who acts when the system itself acts (trigger rules, the register's upkeep),
// for the audit log: "local:<os user>" from the CLI, "system:triggers" from
// the server's daily run.
#pragma once

#include <string>

namespace trygnet::triggers {

struct TriggerActor {
  std::string user;
  std::string unit;
};

}  // namespace trygnet::triggers
