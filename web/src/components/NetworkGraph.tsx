// The co-presence network of the persons shown and their strongest ties,
// drawn with Cytoscape.js: line width by tie weight; registered persons,
// under-18s and the rest in distinct colours and shapes (not colour alone).
// A list of the same ties sits beside it for keyboard and screen reader.
import { useEffect, useRef } from "react";
import cytoscape from "cytoscape";
import type { NetworkPerson } from "../api";
import { personKey, personLabel } from "./PersonRefText";

export function NetworkGraph({ persons, label }: { persons: NetworkPerson[]; label: string }) {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!element.current) return;
    const nodes = new Map<string, cytoscape.ElementDefinition>();
    const edges = new Map<string, cytoscape.ElementDefinition>();
    for (const person of persons) {
      const key = personKey(person);
      nodes.set(key, { data: { id: key, label: personLabel(person),
        kind: person.registered ? "registered" : person.under_18 ? "young" : "other" } });
    }
    for (const person of persons) {
      for (const tie of person.ties) {
        const other = personKey(tie.with);
        if (!nodes.has(other)) nodes.set(other, { data: { id: other, label: personLabel(tie.with), kind: "other" } });
        const [a, b] = [personKey(person), other].sort();
        const id = `${a}|${b}`;
        if (!edges.has(id)) edges.set(id, { data: { id, source: a, target: b, weight: tie.weight } });
      }
    }
    const heaviest = Math.max(1e-9, ...[...edges.values()].map((edge) => Number(edge.data.weight)));
    const graph = cytoscape({
      container: element.current,
      elements: [...nodes.values(), ...edges.values()],
      style: [
        { selector: "node", style: { label: "data(label)", "font-size": 10, "background-color": "#6b6b6b", width: 14, height: 14 } },
        { selector: "node[kind = 'registered']", style: { "background-color": "#7a2e00", shape: "diamond", width: 18, height: 18 } },
        { selector: "node[kind = 'young']", style: { "background-color": "#0b4f8a", shape: "triangle", width: 18, height: 18 } },
        { selector: "edge", style: { width: `mapData(weight, 0, ${heaviest}, 1, 8)`, "line-color": "#9aa5b1" } },
      ],
      // Deterministic: the best-connected in the middle.
      layout: { name: "concentric", animate: false, concentric: (node) => node.degree(false), levelWidth: () => 2 },
    });
    return () => graph.destroy();
  }, [persons]);
  return <div ref={element} className="graph" role="img" aria-label={label} data-testid="network-graph" />;
}
