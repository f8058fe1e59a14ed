#include "network/igraph_graph.h"

#include <igraph.h>
#include <omp.h>

#include <cmath>
#include <mutex>
#include <string>

namespace trygnet::network {
namespace {

// Leiden's passes: two, as igraph's Python and R interfaces default to, so
// the time is bounded on any input. On the karate club two reach the optimum
// (0.4198); on the national benchmark "until stable" (−1) took as long and
// found the same modularity (0.925–0.926).
constexpr igraph_integer_t kLeidenIterations = 2;

// Guards every igraph call in the process (see the header).
std::mutex& IgraphMutex() {
  static std::mutex mutex;
  return mutex;
}

// The first reason igraph gave for the failing call (its handler is called
// once per unwinding level). Guarded by IgraphMutex().
std::string g_error_reason;
int g_error_calls = 0;

void RecordError(const char* reason, const char* file, int line, igraph_error_t error) {
  if (g_error_calls++ == 0) {
    g_error_reason = std::string(reason) + " (" + file + ":" + std::to_string(line) + ", " + igraph_strerror(error) + ")";
  }
  // igraph leaves freeing its temporaries to the handler; the default one aborts instead.
  IGRAPH_FINALLY_FREE();
}

// Runs once, under the mutex, before the first igraph call.
void InstallHandlers() {
  static bool installed = false;
  if (installed) return;
  igraph_set_error_handler(RecordError);
  igraph_set_warning_handler(igraph_warning_handler_ignore);
  installed = true;
}

class Locked {
 public:
  Locked() : lock_(IgraphMutex()) {
    InstallHandlers();
    g_error_calls = 0;
    g_error_reason.clear();
    omp_set_num_threads(1);  // PRPACK's OpenMP loop: one thread, the same sums every run
  }

  Status Check(igraph_error_t result, const char* what) const {
    if (result == IGRAPH_SUCCESS) return OkStatus();
    std::string message = std::string("igraph ") + what + " failed: " +
                          (g_error_reason.empty() ? igraph_strerror(result) : g_error_reason);
    if (result == IGRAPH_ENOMEM) return Unavailable(message);
    return Internal(message);
  }

 private:
  std::scoped_lock<std::mutex> lock_;
};

// RAII for igraph's vectors; init is checked by the caller.
struct RealVector {
  igraph_vector_t v{};
  bool live = false;
  ~RealVector() {
    if (live) igraph_vector_destroy(&v);
  }
  igraph_error_t Init(int64_t size) {
    igraph_error_t result = igraph_vector_init(&v, size);
    live = result == IGRAPH_SUCCESS;
    return result;
  }
  std::vector<double> Copy() const {
    const int64_t size = igraph_vector_size(&v);
    std::vector<double> out(static_cast<size_t>(size));
    for (int64_t idx = 0; idx < size; ++idx) out[static_cast<size_t>(idx)] = VECTOR(v)[idx];
    return out;
  }
};

struct IntVector {
  igraph_vector_int_t v{};
  bool live = false;
  ~IntVector() {
    if (live) igraph_vector_int_destroy(&v);
  }
  igraph_error_t Init(int64_t size) {
    igraph_error_t result = igraph_vector_int_init(&v, size);
    live = result == IGRAPH_SUCCESS;
    return result;
  }
  std::vector<int64_t> Copy() const {
    const int64_t size = igraph_vector_int_size(&v);
    std::vector<int64_t> out(static_cast<size_t>(size));
    for (int64_t idx = 0; idx < size; ++idx) out[static_cast<size_t>(idx)] = VECTOR(v)[idx];
    return out;
  }
};

// A read-only igraph view of a std::vector (no copy; never destroyed).
igraph_vector_t ViewOf(const std::vector<double>& values) {
  igraph_vector_t view{};
  igraph_vector_view(&view, values.data(), static_cast<igraph_integer_t>(values.size()));
  return view;
}

}  // namespace

struct IgraphGraph::State {
  igraph_t graph{};
  bool live = false;
  std::vector<double> weights;  // by igraph edge id (the order given)
  std::vector<double> lengths;  // 1 / weight
};

IgraphGraph::IgraphGraph(std::unique_ptr<State> state) : state_(std::move(state)) {}
IgraphGraph::IgraphGraph(IgraphGraph&&) noexcept = default;
IgraphGraph& IgraphGraph::operator=(IgraphGraph&&) noexcept = default;

IgraphGraph::~IgraphGraph() {
  if (state_ && state_->live) {
    Locked locked;
    igraph_destroy(&state_->graph);
  }
}

Result<IgraphGraph> IgraphGraph::Create(int64_t vertex_count, const std::vector<WeightedEdge>& edges) {
  if (vertex_count < 0) return InvalidArgument("vertex_count", "must not be negative");
  auto state = std::make_unique<State>();
  std::vector<igraph_integer_t> flat;
  flat.reserve(edges.size() * 2);
  state->weights.reserve(edges.size());
  state->lengths.reserve(edges.size());
  for (size_t idx = 0; idx < edges.size(); ++idx) {
    const WeightedEdge& edge = edges[idx];
    const std::string field = "edges[" + std::to_string(idx) + "]";
    if (edge.from < 0 || edge.from >= vertex_count || edge.to < 0 || edge.to >= vertex_count) {
      return InvalidArgument(field, "names a vertex outside the graph");
    }
    if (edge.from == edge.to) return InvalidArgument(field, "joins a vertex to itself");
    if (!(edge.weight > 0) || !std::isfinite(edge.weight)) return InvalidArgument(field, "needs a positive weight");
    flat.push_back(edge.from);
    flat.push_back(edge.to);
    state->weights.push_back(edge.weight);
    state->lengths.push_back(1.0 / edge.weight);
  }
  Locked locked;
  igraph_vector_int_t view{};
  igraph_vector_int_view(&view, flat.data(), static_cast<igraph_integer_t>(flat.size()));
  TRY_STATUS(locked.Check(igraph_create(&state->graph, &view, vertex_count, IGRAPH_UNDIRECTED), "create"));
  state->live = true;
  return IgraphGraph(std::move(state));
}

int64_t IgraphGraph::VertexCount() const {
  Locked locked;
  return igraph_vcount(&state_->graph);
}

Result<std::vector<int64_t>> IgraphGraph::Degree() const {
  Locked locked;
  IntVector result;
  TRY_STATUS(locked.Check(result.Init(0), "degree"));
  TRY_STATUS(locked.Check(igraph_degree(&state_->graph, &result.v, igraph_vss_all(), IGRAPH_ALL, IGRAPH_LOOPS),
                          "degree"));
  return result.Copy();
}

Result<std::vector<double>> IgraphGraph::Strength() const {
  Locked locked;
  RealVector result;
  TRY_STATUS(locked.Check(result.Init(0), "strength"));
  igraph_vector_t weights = ViewOf(state_->weights);
  TRY_STATUS(locked.Check(
      igraph_strength(&state_->graph, &result.v, igraph_vss_all(), IGRAPH_ALL, IGRAPH_LOOPS, &weights), "strength"));
  return result.Copy();
}

Result<std::vector<double>> IgraphGraph::PageRank(double damping) const {
  Locked locked;
  RealVector result;
  TRY_STATUS(locked.Check(result.Init(0), "PageRank"));
  igraph_vector_t weights = ViewOf(state_->weights);
  igraph_real_t eigenvalue = 0;
  TRY_STATUS(locked.Check(igraph_pagerank(&state_->graph, IGRAPH_PAGERANK_ALGO_PRPACK, &result.v, &eigenvalue,
                                          igraph_vss_all(), IGRAPH_UNDIRECTED, damping, &weights, nullptr),
                          "PageRank"));
  return result.Copy();
}

Result<Components> IgraphGraph::ConnectedComponents() const {
  Locked locked;
  IntVector membership, sizes;
  TRY_STATUS(locked.Check(membership.Init(0), "components"));
  TRY_STATUS(locked.Check(sizes.Init(0), "components"));
  igraph_integer_t count = 0;
  TRY_STATUS(locked.Check(igraph_connected_components(&state_->graph, &membership.v, &sizes.v, &count, IGRAPH_WEAK),
                          "components"));
  return Components{membership.Copy(), sizes.Copy()};
}

Result<Communities> IgraphGraph::Leiden(uint64_t seed, double resolution) const {
  Locked locked;
  RealVector strength;
  IntVector membership;
  TRY_STATUS(locked.Check(strength.Init(0), "Leiden"));
  TRY_STATUS(locked.Check(membership.Init(0), "Leiden"));
  igraph_vector_t weights = ViewOf(state_->weights);
  TRY_STATUS(locked.Check(
      igraph_strength(&state_->graph, &strength.v, igraph_vss_all(), IGRAPH_ALL, IGRAPH_LOOPS, &weights), "Leiden"));
  const double total = igraph_vector_sum(&strength.v);
  Communities communities;
  if (total <= 0) {  // no edges: every person alone
    const int64_t count = igraph_vcount(&state_->graph);
    for (int64_t vertex = 0; vertex < count; ++vertex) communities.membership.push_back(vertex);
    communities.count = count;
    return communities;
  }
  // Modularity is Leiden's objective when the node weights are the strengths
  // and the resolution is divided by their sum (2m).
  igraph_rng_seed(igraph_rng_default(), seed);
  igraph_integer_t count = 0;
  igraph_real_t quality = 0;
  TRY_STATUS(locked.Check(igraph_community_leiden(&state_->graph, &weights, &strength.v, resolution / total,
                                                  /*beta=*/0.01, /*start=*/false, kLeidenIterations,
                                                  &membership.v, &count, &quality),
                          "Leiden"));
  igraph_real_t modularity = 0;
  TRY_STATUS(locked.Check(igraph_modularity(&state_->graph, &membership.v, &weights, 1.0, IGRAPH_UNDIRECTED,
                                            &modularity),
                          "modularity"));
  communities.membership = membership.Copy();
  communities.count = count;
  communities.modularity = modularity;
  return communities;
}

Result<std::vector<double>> IgraphGraph::Betweenness() const {
  Locked locked;
  RealVector result;
  TRY_STATUS(locked.Check(result.Init(0), "betweenness"));
  igraph_vector_t lengths = ViewOf(state_->lengths);
  TRY_STATUS(locked.Check(
      igraph_betweenness(&state_->graph, &result.v, igraph_vss_all(), IGRAPH_UNDIRECTED, &lengths), "betweenness"));
  return result.Copy();
}

Result<std::vector<double>> IgraphGraph::BetweennessFromSources(const std::vector<int64_t>& sources) const {
  const int64_t vertex_count = VertexCount();
  for (int64_t source : sources) {
    if (source < 0 || source >= vertex_count) return InvalidArgument("sources", "names a vertex outside the graph");
  }
  std::vector<igraph_integer_t> ids(sources.begin(), sources.end());
  Locked locked;
  RealVector result;
  TRY_STATUS(locked.Check(result.Init(0), "betweenness"));
  igraph_vector_t lengths = ViewOf(state_->lengths);
  igraph_vector_int_t source_view{};
  igraph_vector_int_view(&source_view, ids.data(), static_cast<igraph_integer_t>(ids.size()));
  TRY_STATUS(locked.Check(igraph_betweenness_subset(&state_->graph, &result.v, igraph_vss_all(), IGRAPH_UNDIRECTED,
                                                    igraph_vss_vector(&source_view), igraph_vss_all(), &lengths),
                          "betweenness"));
  return result.Copy();
}

}  // namespace trygnet::network
