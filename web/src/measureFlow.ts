import type { MeasureStatus } from "./api";

// The choices the form offers; the server's status flow (docs/api.md,
// "Measures") decides, and refuses anything else with failed_precondition.
export function nextStatuses(status: MeasureStatus): MeasureStatus[] {
  switch (status) {
    case "planned":
      return ["in_progress", "done", "declined", "not_reached"];
    case "in_progress":
      return ["done", "declined", "not_reached"];
    default:
      return []; // final
  }
}
