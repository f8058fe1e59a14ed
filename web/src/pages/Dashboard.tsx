// The overview: the user's unit's work queue (GET /api/v1/measures), oldest
// due date first, with the overdue ones marked. More tiles (reviews due,
// meetings due, indicators) join as the UI grows (issue 7).
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { ApiError, errorText, request, type Label, type Measure, type Page, type Session } from "../api";
import { labelText } from "../labels";
import { formatDate, today } from "../i18n";

const queueLimit = 50;

// `overdueMore`: more overdue measures than one page of the count holds.
type Queue =
  | { kind: "loading" }
  | { kind: "failed"; error: unknown }
  | { kind: "loaded"; open: Page<Measure>; overdue: number; overdueMore: boolean };

export function Dashboard({ session }: { session: Session }) {
  const { t, i18n } = useTranslation();
  const [queue, setQueue] = useState<Queue>({ kind: "loading" });
  const [attempt, setAttempt] = useState(0);
  const unit = session.user.unit_id;

  useEffect(() => {
    let live = true;
    setQueue({ kind: "loading" });
    const base = `/api/v1/measures?unit=${encodeURIComponent(unit)}&open=true`;
    Promise.all([
      request<Page<Measure>>("GET", `${base}&limit=${queueLimit}`),
      request<Page<Measure>>("GET", `${base}&overdue=true&limit=500`),
    ])
      .then(
        ([open, overdue]) =>
          live &&
          setQueue({ kind: "loaded", open, overdue: overdue.items.length, overdueMore: overdue.next_offset !== null }),
      )
      .catch((error) => live && setQueue({ kind: "failed", error }));
    return () => {
      live = false;
    };
  }, [unit, attempt]);

  const unitLabel = labelText(session.unit, unit, i18n.language);
  return (
    <main id="main">
      <h1>{t("dashboard.title")}</h1>
      <section aria-labelledby="queue-title" className="panel">
        <h2 id="queue-title">{t("dashboard.queueTitle")}</h2>
        <p>{t("dashboard.queueIntro", { unit: unitLabel })}</p>
        {queue.kind === "loading" && <p role="status">{t("common.loading")}</p>}
        {queue.kind === "failed" &&
          (queue.error instanceof ApiError && queue.error.code === "permission_denied" ? (
            <p>{t("dashboard.noAccess")}</p>
          ) : (
            <div role="alert">
              <p>{errorText(t, queue.error)}</p>
              <button type="button" onClick={() => setAttempt((n) => n + 1)}>{t("common.retry")}</button>
            </div>
          ))}
        {queue.kind === "loaded" && <QueueTable queue={queue.open} overdue={queue.overdue} overdueMore={queue.overdueMore}
            measureTypes={session.measure_types} />}
      </section>
    </main>
  );
}

function QueueTable({ queue, overdue, overdueMore, measureTypes }: {
  queue: Page<Measure>; overdue: number; overdueMore: boolean; measureTypes: Label[];
}) {
  const { t, i18n } = useTranslation();
  const typeName = (id: string) => labelText(measureTypes.find((type) => type.id === id), id, i18n.language);
  if (queue.items.length === 0) return <p>{t("dashboard.queueEmpty")}</p>;
  const now = today();
  return (
    <>
      <p className={overdue > 0 ? "warning" : undefined} data-testid="overdue-summary">
        {overdueMore
          ? t("dashboard.overdueAtLeast", { count: overdue })
          : overdue > 0
            ? t("dashboard.overdueCount", { count: overdue })
            : t("dashboard.noneOverdue")}
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t("dashboard.columns.measure")}</th>
            <th scope="col">{t("dashboard.columns.person")}</th>
            <th scope="col">{t("dashboard.columns.due")}</th>
            <th scope="col">{t("dashboard.columns.status")}</th>
          </tr>
        </thead>
        <tbody>
          {queue.items.map((measure) => (
            <tr key={measure.id} className={measure.due_on < now ? "overdue" : undefined}>
              <td><Link to={`/measures/${measure.id}`}>{typeName(measure.measure_type_id)}</Link></td>
              <td><Link to={`/persons/${measure.person_id}`}>{t("common.person", { id: measure.person_id })}</Link></td>
              <td>
                <time dateTime={measure.due_on}>{formatDate(measure.due_on)}</time>
                {measure.due_on < now && <span className="badge">{t("dashboard.overdue")}</span>}
              </td>
              <td>{t(`measureStatus.${measure.status}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {queue.next_offset !== null && <p>{t("dashboard.more", { count: queue.items.length })}</p>}
    </>
  );
}
