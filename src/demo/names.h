// Fictional names for synthetic data (DESIGN.md §3.7). Given names are
// common first names; family names are made up from Danish-sounding parts
// so that a full name points to no real person. Group names are invented
// and never those of real gangs.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace trygnet::demo {

// A small deterministic random source (splitmix64): the same seed gives the
// same data on every compiler and library, unlike std:: distributions.
class Random {
 public:
  explicit Random(uint64_t seed) : state_(seed) {}
  uint64_t Next();
  // Uniform in [0, bound). REQUIRES: bound > 0
  int64_t Below(int64_t bound);
  // Uniform in [low, high]. REQUIRES: low <= high
  int64_t Between(int64_t low, int64_t high);
  double Unit();  // [0, 1)
  bool Chance(double probability) { return Unit() < probability; }
  template <typename T>
  const T& Pick(const std::vector<T>& items) {
    return items[static_cast<size_t>(Below(static_cast<int64_t>(items.size())))];
  }

 private:
  uint64_t state_;
};

struct FictionalName {
  std::string given;
  std::string family;
};

// `male` chooses from the male or female given-name list.
FictionalName MakeName(Random& random, bool male);

struct FictionalGroup {
  std::string name;
  std::vector<std::string> aliases;
};
const std::vector<FictionalGroup>& FictionalGroups();

}  // namespace trygnet::demo
