// One registration: the current version with its criteria, every earlier
// version, and the register's three domain actions — validate (a second
// officer), review (new criteria move the review date on) and remove (with a
// reason). Each action sends the version last read; a change made meanwhile
// is refused (409) and the page shows the new version.
import { useCallback, useEffect, useState, type FormEvent, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";
import { ApiError, can, errorText, request, type Registration, type Session } from "../api";
import { addDays } from "../days";
import { formatDate, formatDateTime, today } from "../i18n";

const removalReasons = ["no_longer_active", "documentation_uncertain", "expired", "exit_completed", "deceased",
  "recorded_in_error"] as const;
const criterionKinds = ["intelligence", "seen_with_members", "self_declared", "conviction"] as const;

export function RegistrationPage({ session }: { session: Session }) {
  const { t } = useTranslation();
  const { id } = useParams();
  const [current, setCurrent] = useState<Registration | null>(null);
  const [history, setHistory] = useState<Registration[]>([]);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [notice, setNotice] = useState("");

  const base = `/api/v1/registrations/${encodeURIComponent(id ?? "")}`;
  const load = useCallback(() => {
    setLoadError(null);
    Promise.all([request<Registration>("GET", base), request<{ items: Registration[] }>("GET", `${base}/history`)])
      .then(([registration, versions]) => {
        setCurrent(registration);
        setHistory(versions.items);
      })
      .catch(setLoadError);
  }, [base]);
  useEffect(load, [load]);

  // Runs an action; on success or conflict the page reads the registration again.
  const act = useCallback(
    async (action: string, body: Record<string, unknown>, done: string): Promise<string> => {
      if (!current) return "";
      try {
        await request("POST", `${base}/${action}`, { version: current.version, ...body });
        setNotice(done);
        load();
        return "";
      } catch (failure) {
        if (failure instanceof ApiError && failure.code === "conflict") {
          load();
          return t("registration.conflict");
        }
        if (failure instanceof ApiError && failure.field === "validating_officer") return t("registration.secondOfficer");
        return errorText(t, failure);
      }
    },
    [base, current, load, t],
  );

  if (loadError) {
    return (
      <main id="main">
        <h1>{t("review.registration")}</h1>
        <p role="alert">{errorText(t, loadError)}</p>
        <Link to="/registrations">{t("registration.back")}</Link>
      </main>
    );
  }
  if (!current) return <main id="main"><p role="status">{t("common.loading")}</p></main>;
  const removed = current.removal_reason !== null;
  const writable = can(session, "write:registration");
  return (
    <main id="main">
      <h1>{t("review.number", { id: current.id })}</h1>
      <p role="status" className={notice ? "notice" : undefined}>{notice}</p>
      <dl className="facts">
        <dt>{t("dashboard.columns.person")}</dt>
        <dd><Link to={`/persons/${current.person_id}`}>{t("common.person", { id: current.person_id })}</Link></dd>
        <dt>{t("person.role")}</dt>
        <dd>{t(`registrationRole.${current.role}`, current.role)}</dd>
        <dt>{t("person.group")}</dt>
        <dd>{current.group_id ?? "—"}</dd>
        <dt>{t("registration.state")}</dt>
        <dd data-testid="registration-state">
          {removed
            ? t("registration.removed", { reason: t(`removalReason.${current.removal_reason}`) })
            : current.validated_on
              ? t("registration.validated", { date: formatDate(current.validated_on), by: current.validating_officer })
              : t("review.awaitingShort")}
        </dd>
        <dt>{t("person.validFrom")}</dt>
        <dd>{formatDate(current.valid_from)}{current.valid_to && ` – ${formatDate(current.valid_to)}`}</dd>
        <dt>{t("review.reviewDue")}</dt>
        <dd data-testid="review-due">{formatDate(current.review_due)}</dd>
        <dt>{t("review.registeredBy")}</dt>
        <dd>{current.registering_officer}</dd>
        <dt>{t("registration.justification")}</dt>
        <dd>{current.justification}</dd>
        <dt>{t("registration.version")}</dt>
        <dd>{current.version}</dd>
      </dl>
      <section className="panel" aria-labelledby="criteria-title">
        <h2 id="criteria-title">{t("registration.criteria")}</h2>
        <ul data-testid="criteria">
          {current.criteria.map((criterion, index) => (
            <li key={index}>
              {t(`criterionKind.${criterion.kind}`, criterion.kind)} · {criterion.source} · {formatDate(criterion.observed_on)}
            </li>
          ))}
        </ul>
      </section>
      {!removed && writable && !current.validated_on && <ValidateForm act={act} />}
      {!removed && writable && <ReviewForm act={act} />}
      {!removed && writable && <RemoveForm act={act} validFrom={current.valid_from} />}
      <section className="panel" aria-labelledby="versions-title">
        <h2 id="versions-title">{t("registration.versions")}</h2>
        <ol>
          {history.map((version) => (
            <li key={version.version}>
              {t("registration.versionLine", { version: version.version, at: formatDateTime(version.recorded_at) })}
            </li>
          ))}
        </ol>
      </section>
    </main>
  );
}

type Act = (action: string, body: Record<string, unknown>, done: string) => Promise<string>;

function ActionForm({ id, title, submit, children, act, body, done }: {
  id: string; title: string; submit: string; children: ReactNode; act: Act;
  body: () => Record<string, unknown> | string; done: string;
}) {
  const [error, setError] = useState("");
  const [working, setWorking] = useState(false);
  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const made = body();
    if (typeof made === "string") return setError(made); // a check in the form failed
    setWorking(true);
    setError(await act(id, made, done));
    setWorking(false);
  }
  return (
    <form className="panel form" onSubmit={onSubmit} aria-labelledby={`${id}-title`} noValidate>
      <h2 id={`${id}-title`}>{title}</h2>
      {children}
      {error && <p className="error" role="alert">{error}</p>}
      <button type="submit" disabled={working}>{submit}</button>
    </form>
  );
}

function ValidateForm({ act }: { act: Act }) {
  const { t } = useTranslation();
  const [on, setOn] = useState(today());
  return (
    <ActionForm id="validate" title={t("registration.validateTitle")} submit={t("registration.validate")} act={act}
      done={t("registration.validatedNotice")} body={() => (on ? { validated_on: on } : t("validation.required", { field: t("registration.validatedOn") }))}>
      <p className="hint">{t("registration.validateHint")}</p>
      <label htmlFor="validated-on">{t("registration.validatedOn")}</label>
      <input id="validated-on" type="date" value={on} max={today()} onChange={(event) => setOn(event.target.value)} />
    </ActionForm>
  );
}

function ReviewForm({ act }: { act: Act }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState("");
  const [source, setSource] = useState("");
  const [observedOn, setObservedOn] = useState(today());
  return (
    <ActionForm id="review" title={t("registration.reviewTitle")} submit={t("registration.review")} act={act}
      done={t("registration.reviewedNotice")}
      body={() => {
        if (!kind.trim()) return t("validation.required", { field: t("registration.kind") });
        if (!source.trim()) return t("validation.required", { field: t("registration.source") });
        return { criteria: [{ kind: kind.trim(), source: source.trim(), observed_on: observedOn }] };
      }}>
      <p className="hint">{t("registration.reviewHint")}</p>
      <label htmlFor="criterion-kind">{t("registration.kind")}</label>
      <input id="criterion-kind" list="criterion-kinds" value={kind} onChange={(event) => setKind(event.target.value)} />
      <datalist id="criterion-kinds">
        {criterionKinds.map((choice) => <option key={choice} value={choice}>{t(`criterionKind.${choice}`)}</option>)}
      </datalist>
      <label htmlFor="criterion-source">{t("registration.source")}</label>
      <input id="criterion-source" value={source} onChange={(event) => setSource(event.target.value)} />
      <label htmlFor="criterion-observed-on">{t("registration.observedOn")}</label>
      <input id="criterion-observed-on" type="date" value={observedOn} max={today()}
        onChange={(event) => setObservedOn(event.target.value)} />
    </ActionForm>
  );
}

function RemoveForm({ act, validFrom }: { act: Act; validFrom: string }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState("");
  const [note, setNote] = useState("");
  const [on, setOn] = useState(today());
  return (
    <ActionForm id="remove" title={t("registration.removeTitle")} submit={t("registration.remove")} act={act}
      done={t("registration.removedNotice")}
      body={() => {
        if (!reason) return t("validation.required", { field: t("registration.reason") });
        if (!note.trim()) return t("validation.required", { field: t("registration.note") });
        return { reason, note: note.trim(), removed_on: on };
      }}>
      <p className="hint">{t("registration.removeHint")}</p>
      <label htmlFor="removal-reason">{t("registration.reason")}</label>
      <select id="removal-reason" value={reason} onChange={(event) => setReason(event.target.value)}>
        <option value="">{t("registration.choose")}</option>
        {removalReasons.map((choice) => <option key={choice} value={choice}>{t(`removalReason.${choice}`)}</option>)}
      </select>
      <label htmlFor="removal-note">{t("registration.note")}</label>
      <textarea id="removal-note" rows={3} value={note} onChange={(event) => setNote(event.target.value)} />
      <label htmlFor="removed-on">{t("registration.removedOn")}</label>
      <input id="removed-on" type="date" value={on} min={addDays(validFrom, 1)} max={today()}
        onChange={(event) => setOn(event.target.value)} />
    </ActionForm>
  );
}
