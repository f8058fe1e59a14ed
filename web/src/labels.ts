import type { Label } from "./api";

// A name of the partnership's vocabulary (a unit, a measure type) in the UI's
// language; the id itself when the name is unknown.
export function labelText(label: Label | null | undefined, id: string, language: string): string {
  if (!label) return id;
  return language === "en" && label.name_en ? label.name_en : label.name;
}
