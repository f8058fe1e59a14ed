import { Link } from "react-router-dom";
import type { PersonRef } from "../api";

// A named person links to their page; the uninvolved appear by pseudonym only.
export function PersonRefText({ person }: { person: PersonRef }) {
  if (person.id !== undefined) return <Link to={`/persons/${person.id}`}>{person.name}</Link>;
  return <span className="pseudonym">{person.pseudonym ?? "P-?"}</span>;
}

export function personKey(person: PersonRef): string {
  return person.id !== undefined ? `id:${person.id}` : `p:${person.pseudonym}`;
}

export function personLabel(person: PersonRef): string {
  return person.id !== undefined ? person.name ?? String(person.id) : person.pseudonym ?? "P-?";
}
