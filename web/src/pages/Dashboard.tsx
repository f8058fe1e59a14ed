// The overview, per role (what the user's roles grant): the unit's work
// queue (GET /api/v1/measures), oldest due date first with the overdue ones
// marked; the registrations to handle; the meetings due; the indicators
// against their baselines.
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { ApiError, can, errorText, request, type Label, type Measure, type MeetingDue, type Page, type Session } from "../api";
import { IndicatorTiles } from "../components/IndicatorTiles";
import { defaultAsOf } from "../indicators";
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
    // The queue comes oldest due date first, so the overdue measures lead the page: they are
    // counted from it, without a second read (each measure read is an audited read of its person).
    request<Page<Measure>>("GET", `/api/v1/measures?unit=${encodeURIComponent(unit)}&open=true&limit=${queueLimit}`)
      .then((open) => {
        if (!live) return;
        const overdue = open.items.filter((measure) => measure.due_on < today()).length;
        setQueue({ kind: "loaded", open, overdue, overdueMore: overdue === open.items.length && open.next_offset !== null });
      })
      .catch((error) => live && setQueue({ kind: "failed", error }));
    return () => {
      live = false;
    };
  }, [unit, attempt]);

  const unitLabel = labelText(session.unit, unit, i18n.language);
  return (
    <main id="main">
      <h1>{t("dashboard.title")}</h1>
      {can(session, "write:registration") && <ReviewsDue session={session} />}
      {can(session, "read:meeting") && <MeetingsDue />}
      {can(session, "read:case") && <section aria-labelledby="queue-title" className="panel">
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
      </section>}
      {can(session, "read:aggregate") && (
        <section aria-labelledby="indicators-title" className="panel">
          <h2 id="indicators-title">{t("indicators.dashboardTitle", { date: formatDate(defaultAsOf(session, today())) })}</h2>
          <IndicatorTiles asOf={defaultAsOf(session, today())} />
          <Link to="/indicators">{t("dashboard.allIndicators")}</Link>
        </section>
      )}
    </main>
  );
}

// Whether registrations await the analyst (the server's review queue). One
// item is asked for: every item read is an audited read of its person.
function ReviewsDue({ session }: { session: Session }) {
  const { t } = useTranslation();
  const [any, setAny] = useState<boolean | null>(null);
  useEffect(() => {
    const partnership = encodeURIComponent(session.partnership_id ?? "");
    request<Page<unknown>>("GET", `/api/v1/registrations/review-queue?partnership=${partnership}&limit=1`)
      .then((page) => setAny(page.items.length > 0 || page.next_offset !== null))
      .catch(() => setAny(null));
  }, [session.partnership_id]);
  if (any === null) return null;
  return (
    <section aria-labelledby="reviews-due-title" className="panel">
      <h2 id="reviews-due-title">{t("dashboard.reviewsTitle")}</h2>
      <p data-testid="reviews-due">
        {any ? t("dashboard.reviewsWaiting") : t("dashboard.reviewsNone")}{" "}
        <Link to="/registrations">{t("dashboard.toReview")}</Link>
      </p>
    </section>
  );
}

// The meeting types whose next meeting is overdue or due soon.
function MeetingsDue() {
  const { t, i18n } = useTranslation();
  const [items, setItems] = useState<MeetingDue[] | null>(null);
  useEffect(() => {
    request<{ items: MeetingDue[] }>("GET", "/api/v1/meetings/due")
      .then((due) => setItems(due.items.filter((item) => item.status === "overdue" || item.status === "due_soon")))
      .catch(() => setItems(null));
  }, []);
  if (!items) return null;
  return (
    <section aria-labelledby="meetings-due-title" className="panel">
      <h2 id="meetings-due-title">{t("dashboard.meetingsTitle")}</h2>
      {items.length === 0 ? <p>{t("dashboard.meetingsNone")}</p> : (
        <ul data-testid="meetings-due">
          {items.map((item) => (
            <li key={item.meeting_type_id}>
              {i18n.language === "en" ? item.name_en : item.name}: {t(`meetingStatus.${item.status}`)}
              {item.next_due_on && ` (${t("meetings.nextDue").toLowerCase()} ${formatDate(item.next_due_on)})`}
            </li>
          ))}
        </ul>
      )}
      <Link to="/meetings">{t("dashboard.toMeetings")}</Link>
    </section>
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
