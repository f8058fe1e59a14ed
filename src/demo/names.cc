#include "demo/names.h"

namespace trygnet::demo {
namespace {

const std::vector<std::string> kMaleGiven = {
    "Mikkel", "Frederik", "Oliver", "Emil",  "Lucas",  "Noah",   "Magnus", "Mathias", "Jonas", "Rasmus",
    "Ahmad",  "Ali",      "Omar",   "Yusuf", "Hamza",  "Bilal",  "Karim",  "Mehmet",  "Emre",  "Hassan",
    "Sami",   "Adam",     "Malik",  "Tariq", "Kasper", "Tobias", "Simon",  "Nikolaj", "Jamal", "Ibrahim"};
const std::vector<std::string> kFemaleGiven = {"Sofie",    "Emma",   "Ida",  "Freja",  "Clara", "Laura", "Anna",
                                               "Mathilde", "Alma",   "Ella", "Amina",  "Sara",  "Leila", "Yasmin",
                                               "Fatima",   "Zeynep", "Nour", "Mariam", "Aya",   "Hiba"};
// Family names are composed (e.g. "Birkeholt", "Sølvbæk"): Danish-sounding, not common real names.
const std::vector<std::string> kFamilyStart = {"Birke",  "Elle", "Hassel", "Lunde",  "Mølle",  "Skov",   "Strand",
                                               "Vinter", "Sølv", "Ravne",  "Kløver", "Tjørne", "Engel",  "Ager",
                                               "Fjord",  "Lyng", "Kilde",  "Rosen",  "Hjorte", "Egelund"};
const std::vector<std::string> kFamilyEnd = {"holt", "gaard", "bæk",  "dal",  "toft", "strup",
                                             "vig",  "høj",   "sted", "borg", "mark", "næs"};

}  // namespace

uint64_t Random::Next() {
  uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

int64_t Random::Below(int64_t bound) { return static_cast<int64_t>(Next() % static_cast<uint64_t>(bound)); }
int64_t Random::Between(int64_t low, int64_t high) { return low + Below(high - low + 1); }
double Random::Unit() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }

FictionalName MakeName(Random& random, bool male) {
  FictionalName name;
  name.given = random.Pick(male ? kMaleGiven : kFemaleGiven);
  name.family = random.Pick(kFamilyStart) + random.Pick(kFamilyEnd);
  return name;
}

const std::vector<FictionalGroup>& FictionalGroups() {
  static const std::vector<FictionalGroup> kGroups = {
      {"Ravneflokken", {"Ravnene"}}, {"Sølvulvene", {"SU"}}, {"Nordlys-gruppen", {}},
      {"Kløverbanden", {"Kløver"}},  {"Blok Syd", {}},       {"Stormfuglene", {"Stormen"}},
  };
  return kGroups;
}

}  // namespace trygnet::demo
