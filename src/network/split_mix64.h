// SplitMix64 (Steele, Lea, Flood 2014): a small seeded generator whose
// sequence is the same on every platform and library version, unlike
// igraph's generator or a std:: distribution. The betweenness pivots are
// drawn with it (pivot_sampling.cc), and the benchmarks' synthetic data too.
// Thread-compatible: one instance per thread.
#pragma once

#include <cstdint>

namespace trygnet::network {

class SplitMix64 {
 public:
  explicit SplitMix64(uint64_t seed) : state_(seed) {}
  uint64_t Next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  // Uniform in [0, bound), bound ≥ 1; the modulo bias is below bound / 2^64, negligible here.
  uint64_t Below(uint64_t bound) { return Next() % bound; }

 private:
  uint64_t state_;
};

}  // namespace trygnet::network
