// The register's work list for police analysts (GET
// /api/v1/registrations/review-queue, whose rule decides what is in it):
// reviews overdue (revurdering, every 12 months in Nørrebro), registrations
// awaiting a second officer's validation, and reviews due within 30 days.
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { ApiError, allPages, errorText, type Registration, type Session } from "../api";
import { formatDate } from "../i18n";

type QueueItem = Registration & { queue_reason: "review_overdue" | "not_validated" | "review_due_soon" };
type Load = { kind: "loading" } | { kind: "failed"; error: unknown } | { kind: "loaded"; items: QueueItem[]; complete: boolean };
const reasons = ["review_overdue", "not_validated", "review_due_soon"] as const;

export function ReviewQueuePage({ session }: { session: Session }) {
  const { t } = useTranslation();
  const [load, setLoad] = useState<Load>({ kind: "loading" });

  useEffect(() => {
    let live = true;
    const partnership = encodeURIComponent(session.partnership_id ?? "");
    allPages<QueueItem>(`/api/v1/registrations/review-queue?partnership=${partnership}&within_days=30`)
      .then(({ items, complete }) => live && setLoad({ kind: "loaded", items, complete }))
      .catch((error) => live && setLoad({ kind: "failed", error }));
    return () => {
      live = false;
    };
  }, [session.partnership_id]);

  return (
    <main id="main">
      <h1>{t("review.title")}</h1>
      <p>{t("review.intro")}</p>
      {load.kind === "loading" && <p role="status">{t("common.loading")}</p>}
      {load.kind === "failed" &&
        (load.error instanceof ApiError && load.error.code === "permission_denied" ? (
          <p className="withheld">{t("review.noAccess")}</p>
        ) : (
          <p role="alert">{errorText(t, load.error)}</p>
        ))}
      {load.kind === "loaded" && <Queues items={load.items} complete={load.complete} />}
    </main>
  );
}

function Queues({ items, complete }: { items: QueueItem[]; complete: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      {!complete && <p className="warning">{t("review.incomplete")}</p>}
      {reasons.map((reason) => {
        const part = items.filter((item) => item.queue_reason === reason);
        return (
          <RegistrationTable key={reason} id={reason} title={t(`review.${reason}`, { count: part.length })}
            items={part} empty={t(`review.${reason}_none`)} />
        );
      })}
    </>
  );
}

function RegistrationTable({ id, title, items, empty }: { id: string; title: string; items: Registration[]; empty: string }) {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {items.length === 0 ? <p>{empty}</p> : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t("review.registration")}</th>
              <th scope="col">{t("dashboard.columns.person")}</th>
              <th scope="col">{t("person.role")}</th>
              <th scope="col">{t("review.registeredBy")}</th>
              <th scope="col">{t("review.reviewDue")}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((registration) => (
              <tr key={registration.id}>
                <td><Link to={`/registrations/${registration.id}`}>{t("review.number", { id: registration.id })}</Link></td>
                <td><Link to={`/persons/${registration.person_id}`}>{t("common.person", { id: registration.person_id })}</Link></td>
                <td>{t(`registrationRole.${registration.role}`, registration.role)}</td>
                <td>{registration.registering_officer}</td>
                <td><time dateTime={registration.review_due}>{formatDate(registration.review_due)}</time></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
