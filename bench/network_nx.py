#!/usr/bin/python3
"""The network pipeline of src/network with NetworkX: the baseline for bench/network_bench.cc (issue 8).

Usage: /usr/bin/python3 network_nx.py OBSERVATIONS.tsv --from S --to S --window S --half-life-days D
           [--exact-limit N] [--pivots K] [--seed N] [--values CPP_VALUES.tsv]

Observations: one per line, "id <TAB> unix seconds <TAB> area (may be empty) <TAB> p1,p2,...".
Builds the same co-presence network as CoPresenceBuilder (src/network/co_presence.cc), then
the measures of ComputeMeasures (src/network/measures.cc) with their NetworkX counterparts,
timing each step with time.perf_counter. Prints progress to stderr and ONE JSON line to
stdout: the step timings (seconds), the network's size and, with --values, how far the
C++ figures lie from these (computed after the timed steps).

Run it with Debian's /usr/bin/python3 (python3-networkx 2.8.8), not a pyenv python.
"""
import argparse
import itertools
import json
import sys
import time

import networkx as nx

MIN_TIE_WEIGHT = 1e-9  # measures.h kMinTieWeight
MAX_WINDOW_PARTNERS = 16  # co_presence.h kMaxWindowPartners
MASK64 = (1 << 64) - 1


class SplitMix64:
    """The pivot generator of measures.cc (PivotRandom), so that both sides use the same pivots."""

    def __init__(self, seed):
        self.state = seed & MASK64

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK64
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK64
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK64
        return z ^ (z >> 31)

    def below(self, bound):
        return self.next() % bound


def draw_pivots(vertices, count, random):
    """measures.cc DrawPivots: a partial Fisher-Yates shuffle of the component's vertices (ascending)."""
    vertices = list(vertices)
    k = min(count, len(vertices))
    for idx in range(k):
        other = idx + random.below(len(vertices) - idx)
        vertices[idx], vertices[other] = vertices[other], vertices[idx]
    return vertices[:k]


def log(message):
    print(message, file=sys.stderr, flush=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("observations")
    parser.add_argument("--from", dest="start", type=int, required=True)
    parser.add_argument("--to", dest="end", type=int, required=True)
    parser.add_argument("--window", type=int, required=True)
    parser.add_argument("--half-life-days", type=float, required=True)
    parser.add_argument("--exact-limit", type=int, default=2000)
    parser.add_argument("--pivots", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--values")
    parser.add_argument("--register", help="TSV: person id, comma-separated group ids (may be empty), under_18 (0/1)")
    args = parser.parse_args()
    out = {}
    steps = []

    def timed(name, started):
        seconds = time.perf_counter() - started
        out[name + "_s"] = seconds
        steps.append(name)
        log(f"networkx {name}: {seconds:.3f} s")
        return time.perf_counter()

    # Reading stands in for the store scan; it is not part of the compared total.
    started = time.perf_counter()
    observations = []  # (id, unix seconds, area, persons)
    with open(args.observations) as lines:
        for line in lines:
            oid, at, area, persons = line.rstrip("\n").split("\t")
            at = int(at)
            if args.start <= at <= args.end:
                observations.append((int(oid), at, area, [int(p) for p in persons.split(",")]))
    out["read_s"] = time.perf_counter() - started
    out["observations"] = len(observations)
    log(f"networkx read {len(observations)} observations: {out['read_s']:.3f} s")

    # Build: CoPresenceBuilder's rule. An event is one observation (its persons pairwise) or two
    # observations at the same non-empty area at most `window` seconds apart (every person of
    # one with every person of the other); a pair counts once per event, at the later
    # observation's time, with weight 2^(-(to - t) / half-life).
    total = started = time.perf_counter()
    half_life = args.half_life_days * 86400.0
    ties = {}  # (a, b), a < b -> [weight, count, first seen, last seen]

    def add(pair, weight, at):
        tie = ties.get(pair)
        if tie is None:
            ties[pair] = [weight, 1, at, at]
        else:
            tie[0] += weight
            tie[1] += 1
            tie[2] = min(tie[2], at)
            tie[3] = max(tie[3], at)

    def recency(at):
        return 2.0 ** (-max(0, args.end - at) / half_life)

    for _, at, _, persons in observations:
        if len(persons) > 1:
            weight = recency(at)
            for one, other in itertools.combinations(persons, 2):
                add((one, other) if one < other else (other, one), weight, at)
    if args.window > 0:
        by_area = {}
        for observation in observations:
            if observation[2]:
                by_area.setdefault(observation[2], []).append(observation)
        for sightings in by_area.values():
            sightings.sort(key=lambda o: (o[1], o[0]))
            first = 0
            for later, (_, at, _, persons) in enumerate(sightings):
                while at - sightings[first][1] > args.window:
                    first += 1
                if first == later:
                    continue
                weight = recency(at)
                # co_presence.h kMaxWindowPartners: a sighting joins at most that many later ones.
                for earlier in range(max(first, later - MAX_WINDOW_PARTNERS), later):
                    pairs = {(a, b) if a < b else (b, a) for a in sightings[earlier][3] for b in persons if a != b}
                    for pair in pairs:
                        add(pair, weight, at)
    graph = nx.Graph()
    graph.add_nodes_from(sorted({p for _, _, _, persons in observations for p in persons}))
    graph.add_edges_from(
        (a, b, {"weight": max(w, MIN_TIE_WEIGHT), "length": 1.0 / max(w, MIN_TIE_WEIGHT), "count": c,
                "first": first, "last": last})
        for (a, b), (w, c, first, last) in ties.items())
    del ties
    out["persons"] = graph.number_of_nodes()
    out["ties"] = graph.number_of_edges()
    started = timed("build", started)

    degree = dict(graph.degree())
    strength = dict(graph.degree(weight="weight"))
    started = timed("degree_strength", started)

    # tol 1e-12: NetworkX stops at an L1 change below n·tol; its default 1e-6 leaves single
    # values up to 9 % from PRPACK's on this graph (docs: network-plan §3).
    pagerank = nx.pagerank(graph, alpha=0.85, weight="weight", tol=1e-12, max_iter=10000)
    started = timed("pagerank", started)

    components = list(nx.connected_components(graph))
    started = timed("components", started)

    # NetworkX 2.8.8 has no Leiden; Louvain is its nearest method.
    communities = nx.community.louvain_communities(graph, weight="weight", resolution=1.0, seed=args.seed)
    started = timed("communities", started)
    membership = {person: idx for idx, community in enumerate(communities) for person in community}

    participation = {}
    for person, neighbours in graph.adjacency():
        total_weight = strength[person]
        if total_weight <= 0:
            participation[person] = 0.0
            continue
        by_community = {}
        for neighbour, tie in neighbours.items():
            community = membership[neighbour]
            by_community[community] = by_community.get(community, 0.0) + tie["weight"]
        participation[person] = max(0.0, 1 - sum((w / total_weight) ** 2 for w in by_community.values()))
    started = timed("participation", started)

    # Betweenness as ComputeMeasures plans it: exact in components of 3..exact_limit persons;
    # in larger ones Brandes-Pich with the same pivots as the C++ side (its SplitMix64 draw over
    # the component's vertices, components numbered by their lowest vertex as igraph does),
    # scaled by n/k. Lengths are 1/weight. Both libraries count unordered pairs.
    vertex = {person: idx for idx, person in enumerate(graph)}  # nodes were added in ascending order
    person_of = list(graph)
    betweenness = dict.fromkeys(graph, 0.0)
    exact_sources = []
    sampled = []
    for number, component in enumerate(sorted(components, key=lambda c: min(vertex[p] for p in c))):
        if 3 <= len(component) <= args.exact_limit:
            exact_sources.extend(component)
        elif len(component) > args.exact_limit:
            sampled.append((number, component))
    if exact_sources:
        values = nx.betweenness_centrality_subset(graph, exact_sources, exact_sources, normalized=False,
                                                  weight="length")
        for person, value in values.items():
            betweenness[person] += value
    pivots_used = 0
    for number, component in sampled:
        random = SplitMix64(args.seed ^ ((0xA5A5A5A5 * (number + 1)) & MASK64))
        pivots = [person_of[v] for v in draw_pivots(sorted(vertex[p] for p in component), args.pivots, random)]
        pivots_used += len(pivots)
        values = nx.betweenness_centrality_subset(graph, pivots, list(component), normalized=False, weight="length")
        scale = len(component) / len(pivots)
        for person in component:
            betweenness[person] += values[person] * scale
    started = timed("betweenness", started)
    if args.register:
        # Registered groups, brokers and under-18s drifting in (groups.cc, drifting_in.cc); the
        # register is read before the clock starts, as the C++ side gets it in memory.
        groups_of, young = {}, set()
        with open(args.register) as lines:
            for line in lines:
                person, groups, under_18 = line.rstrip("\n").split("\t")
                if groups:
                    groups_of[int(person)] = [int(g) for g in groups.split(",")]
                if under_18 == "1":
                    young.add(int(person))
        started = time.perf_counter()
        summaries = {}  # group -> [members, internal, external]
        for person in graph:
            for group in groups_of.get(person, ()):
                summaries.setdefault(group, [0, 0.0, 0.0])[0] += 1
        for a, b, tie in graph.edges(data=True):
            one, other = groups_of.get(a, ()), groups_of.get(b, ())
            for group in one:
                summaries[group][1 if group in other else 2] += tie["weight"]
            for group in other:
                if group not in one:
                    summaries[group][2] += tie["weight"]
        brokers = []
        for person, neighbours in graph.adjacency():
            reach = {group: [0, 0.0] for group in groups_of.get(person, ())}
            for neighbour, tie in neighbours.items():
                for group in groups_of.get(neighbour, ()):
                    reached = reach.setdefault(group, [0, 0.0])
                    reached[0] += 1
                    reached[1] += tie["weight"]
            if len(reach) >= 2:
                total_weight = sum(w for _, w in reach.values())
                spread = 1 - sum((w / total_weight) ** 2 for _, w in reach.values()) if total_weight > 0 else 0.0
                brokers.append((person, len(reach), spread))
        brokers.sort(key=lambda b: (-b[1], -b[2], b[0]))
        recent_from = args.end - 180 * 86400
        drifting = []
        for person in young:
            if person not in graph:
                continue
            contacts = sorted((tie["first"], neighbour) for neighbour, tie in graph[person].items()
                              if neighbour in groups_of)
            if contacts:
                drifting.append((person, sum(1 for first, _ in contacts if first >= recent_from), len(contacts)))
        drifting.sort(key=lambda d: (-d[1], -d[2], d[0]))
        started = timed("groups", started)
        out["groups"] = len(summaries)
        out["brokers"] = len(brokers)
        out["drifting_in"] = len(drifting)
    out["total_s"] = sum(out[name + "_s"] for name in steps)
    out["components"] = len(components)
    out["exact_persons"] = len(exact_sources)
    out["sampled_components"] = len(sampled)
    out["pivots"] = pivots_used
    out["communities"] = len(communities)
    out["modularity"] = nx.community.modularity(graph, communities, weight="weight")
    log(f"networkx total (without reading): {out['total_s']:.3f} s")

    if args.values:  # agreement with the C++ figures, outside the timed steps
        worst = {"degree_max_abs": 0.0, "strength_max_rel": 0.0, "pagerank_max_rel": 0.0,
                 "betweenness_max_rel": 0.0, "missing": 0}
        with open(args.values) as lines:
            for line in lines:
                person, d, s, r, b = line.split("\t")
                person = int(person)
                if person not in degree:
                    worst["missing"] += 1
                    continue
                worst["degree_max_abs"] = max(worst["degree_max_abs"], abs(int(d) - degree[person]))
                worst["strength_max_rel"] = max(worst["strength_max_rel"],
                                                abs(float(s) - strength[person]) / max(1e-300, strength[person]))
                worst["pagerank_max_rel"] = max(worst["pagerank_max_rel"], abs(float(r) - pagerank[person]) / pagerank[person])
                worst["betweenness_max_rel"] = max(worst["betweenness_max_rel"],
                                                   abs(float(b) - betweenness[person]) / (1 + betweenness[person]))
        out["agreement"] = worst
        log(f"agreement with the C++ figures: {worst}")
    print(json.dumps(out), flush=True)


if __name__ == "__main__":
    main()
