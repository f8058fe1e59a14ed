// What the worker process of ComputeMeasures sends back through its pipe:
// its communities and its pivot shares, as plain bytes (both processes are
// the same program on the same machine).
#pragma once

#include <string>
#include <vector>

#include "network/igraph_graph.h"
#include "network/pivot_sampling.h"

namespace trygnet::network {

std::string EncodeWorkerResult(const Communities& communities, const std::vector<PivotShare>& shares);

// Fails with internal when the bytes are short or malformed.
Status DecodeWorkerResult(const std::string& bytes, size_t plans, Communities& communities,
                          std::vector<PivotShare>& shares);

}  // namespace trygnet::network
