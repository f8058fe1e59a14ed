// One measure: what it is, its status history, and the form that moves it
// along the status flow (POST /api/v1/measures/{id}/status with the status
// last read as expected_status, so two people cannot overwrite each other).
import { useCallback, useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";
import { ApiError, can, errorText, request, type MeasureDetail, type MeasureStatus, type Session } from "../api";
import { formatDate, formatDateTime, today } from "../i18n";
import { labelText } from "../labels";
import { nextStatuses } from "../measureFlow";

export function MeasurePage({ session }: { session: Session }) {
  const { t, i18n } = useTranslation();
  const { id } = useParams();
  const [measure, setMeasure] = useState<MeasureDetail | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [notice, setNotice] = useState("");

  const load = useCallback(() => {
    setLoadError(null);
    request<MeasureDetail>("GET", `/api/v1/measures/${encodeURIComponent(id ?? "")}`)
      .then(setMeasure)
      .catch(setLoadError);
  }, [id]);
  useEffect(load, [load]);

  if (loadError) {
    return (
      <main id="main">
        <h1>{t("measure.title")}</h1>
        <p role="alert">{errorText(t, loadError)}</p>
        <Link to="/">{t("notFound.back")}</Link>
      </main>
    );
  }
  if (!measure) return <main id="main"><p role="status">{t("common.loading")}</p></main>;
  const typeName = labelText(session.measure_types.find((type) => type.id === measure.measure_type_id),
    measure.measure_type_id, i18n.language);
  return (
    <main id="main">
      <h1>{typeName}</h1>
      <p role="status" className={notice ? "notice" : undefined}>{notice}</p>
      <dl className="facts">
        <dt>{t("measure.status")}</dt>
        <dd data-testid="measure-status">{t(`measureStatus.${measure.status}`)}</dd>
        <dt>{t("dashboard.columns.person")}</dt>
        <dd><Link to={`/persons/${measure.person_id}`}>{t("common.person", { id: measure.person_id })}</Link></dd>
        <dt>{t("dashboard.columns.due")}</dt>
        <dd>{formatDate(measure.due_on)}</dd>
        <dt>{t("measure.createdBy")}</dt>
        <dd>{measure.rule_id ? t("measure.byRule", { rule: measure.rule_id }) : measure.created_by}</dd>
      </dl>
      {nextStatuses(measure.status).length > 0 && can(session, "write:case") ? (
        <StatusForm key={measure.status} measure={measure} onChanged={(text) => {
          setNotice(text);
          load();
        }} />
      ) : (
        nextStatuses(measure.status).length === 0 && <p>{t("measure.final")}</p>
      )}
      <section className="panel" aria-labelledby="history-title">
        <h2 id="history-title">{t("measure.history")}</h2>
        <ol>
          {measure.status_history.map((step, index) => (
            <li key={index}>
              <strong>{t(`measureStatus.${step.status}`)}</strong> · {formatDateTime(step.recorded_at)} · {step.changed_by}
              {step.outcome && <> · {t("measure.outcome")}: {step.outcome}</>}
              {step.note && <> · {step.note}</>}
            </li>
          ))}
        </ol>
      </section>
    </main>
  );
}

function StatusForm({ measure, onChanged }: { measure: MeasureDetail; onChanged: (notice: string) => void }) {
  const { t } = useTranslation();
  const choices = nextStatuses(measure.status);
  const [status, setStatus] = useState<MeasureStatus>(choices[0]);
  const [on, setOn] = useState(today());
  const [outcome, setOutcome] = useState("");
  const [note, setNote] = useState("");
  const [error, setError] = useState("");
  const [working, setWorking] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setWorking(true);
    setError("");
    const body: Record<string, string> = { status, expected_status: measure.status, on };
    if (outcome.trim()) body.outcome = outcome.trim();
    if (note.trim()) body.note = note.trim();
    try {
      await request("POST", `/api/v1/measures/${measure.id}/status`, body);
      onChanged(t("measure.saved", { status: t(`measureStatus.${status}`) }));
      return; // the form is replaced for the new status
    } catch (failure) {
      if (failure instanceof ApiError && failure.code === "conflict") {
        onChanged(t("measure.conflict"));
        return;
      } else if (failure instanceof ApiError && failure.reason === "not_owner") {
        setError(t("measure.notOwner"));
      } else {
        setError(errorText(t, failure));
      }
    } finally {
      setWorking(false);
    }
  }

  return (
    <form className="panel form" onSubmit={submit} aria-labelledby="status-form-title">
      <h2 id="status-form-title">{t("measure.changeTitle")}</h2>
      <fieldset>
        <legend>{t("measure.newStatus")}</legend>
        {choices.map((choice) => (
          <label key={choice} className="choice">
            <input type="radio" name="status" value={choice} checked={status === choice}
              onChange={() => setStatus(choice)} />
            {t(`measureStatus.${choice}`)}
          </label>
        ))}
      </fieldset>
      <label htmlFor="status-on">{t("measure.on")}</label>
      <input id="status-on" type="date" value={on} max={today()} onChange={(event) => setOn(event.target.value)} required />
      <label htmlFor="status-outcome">{t("measure.outcome")}</label>
      <input id="status-outcome" value={outcome} onChange={(event) => setOutcome(event.target.value)} />
      <label htmlFor="status-note">{t("measure.note")}</label>
      <textarea id="status-note" rows={3} value={note} onChange={(event) => setNote(event.target.value)} />
      {error && <p className="error" role="alert">{error}</p>}
      <button type="submit" disabled={working}>{t("measure.save")}</button>
    </form>
  );
}
